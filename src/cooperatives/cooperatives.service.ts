import { Injectable } from '@nestjs/common';
import { isDatabaseUnavailable } from '../database/database-errors';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { QueryFailedError, Repository } from 'typeorm';
import { AdminUnitsService, fold } from '../admin-units/admin-units.service';
import type { AuthUser } from '../auth/auth-user';
import { canManageCooperative, canSeeCooperative, scopeCooperatives } from '../auth/scope';
import { forbidden, notFound, validationFailed } from '../common/errors/common.errors';
import { refuseNulls } from '../common/validation/update-helpers';
import { DomainException } from '../common/errors/domain.exception';
import { Page, parseSort } from '../common/pagination/page-query.dto';
import { AppConfig } from '../config/app-config';
import { ImageProcessor } from '../media/image-processor';
import { FileStorage } from '../storage/file-storage';
import { StoragePaths } from '../storage/storage-paths';
import { Role } from '../users/role.enum';
import { CooperativeErrorCode } from './cooperative-error-code';
import { Cooperative } from './cooperative.entity';
import { CooperativeResponseDto, toCooperativeResponse } from './dto/cooperative-response.dto';
import type { CreateCooperativeDto } from './dto/create-cooperative.dto';
import type { ListCooperativesQuery } from './dto/list-cooperatives.query';
import type { UpdateCooperativeDto } from './dto/update-cooperative.dto';

export const LOGO_SIZES = [
  { name: 'small', size: 64 },
  { name: 'medium', size: 256 },
  { name: 'large', size: 512 },
] as const;
export type LogoSize = (typeof LOGO_SIZES)[number]['name'];

// Optional facts a manager may erase with null; name and address may only be replaced.
const CLEARABLE_FIELDS = ['shortName', 'taxCode', 'businessRegistrationNo', 'phone', 'email', 'legalRepresentative', 'gs1CompanyPrefix', 'gln'];

const SORT_COLUMNS = { name: 'c.name', createdAt: 'c.created_at', provinceCode: 'c.province_code' };

@Injectable()
export class CooperativesService {
  constructor(
    @InjectRepository(Cooperative) private readonly repo: Repository<Cooperative>,
    private readonly units: AdminUnitsService,
    private readonly images: ImageProcessor,
    private readonly storage: FileStorage,
    private readonly config: AppConfig,
  ) {}

  async create(actor: AuthUser, dto: CreateCooperativeDto): Promise<CooperativeResponseDto> {
    if (actor.role !== Role.Admin && actor.role !== Role.Officer) throw forbidden();
    const address = this.units.resolve(dto.address);
    this.assertOfficerProvince(actor, address.provinceCode);
    const entity = this.repo.create({
      ...fieldsOf(dto),
      provinceCode: address.provinceCode,
      communeCode: address.communeCode,
      street: address.street,
      addressConvertedFrom: address.convertedFrom,
    });
    return this.toResponse(await this.saveUnique(entity));
  }

  async list(actor: AuthUser, query: ListCooperativesQuery): Promise<Page<CooperativeResponseDto>> {
    const qb = scopeCooperatives(this.repo.createQueryBuilder('c'), actor, { id: 'c.id', provinceCode: 'c.province_code' });
    if (query.provinceCode !== undefined) qb.andWhere('c.province_code = :province', { province: query.provinceCode });
    if (query.name) {
      qb.andWhere(`(nguon_fold(c.name) LIKE :name OR nguon_fold(coalesce(c.short_name, '')) LIKE :name)`, {
        name: `%${escapeLike(fold(query.name))}%`,
      });
    }
    const sort = parseSort(query.sort, SORT_COLUMNS, 'name');
    const [rows, total] = await qb
      .orderBy(sort.column, sort.direction)
      .addOrderBy('c.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map((c) => this.toResponse(c)), page: query.page, pageSize: query.pageSize, total };
  }

  async get(actor: AuthUser, id: string): Promise<CooperativeResponseDto> {
    return this.toResponse(await this.getVisibleOrThrow(actor, id));
  }

  /** For other modules: the cooperative if the actor may see it; 404 otherwise (existence is not revealed). */
  async getVisibleOrThrow(actor: AuthUser, id: string): Promise<Cooperative> {
    const coop = await this.repo.findOneBy({ id });
    if (!coop || !canSeeCooperative(actor, coop)) throw notFound('hợp tác xã', 'Cooperative');
    return coop;
  }

  async getManageableOrThrow(actor: AuthUser, id: string): Promise<Cooperative> {
    const coop = await this.getVisibleOrThrow(actor, id);
    if (!canManageCooperative(actor, coop)) throw forbidden();
    return coop;
  }

  async update(actor: AuthUser, id: string, dto: UpdateCooperativeDto): Promise<CooperativeResponseDto> {
    const nulls = refuseNulls(dto, CLEARABLE_FIELDS);
    if (nulls.length) throw validationFailed(nulls);
    const coop = await this.getManageableOrThrow(actor, id);
    Object.assign(coop, fieldsOf(dto));
    if (dto.address) {
      const address = this.units.resolve(dto.address);
      this.assertOfficerProvince(actor, address.provinceCode);
      Object.assign(coop, {
        provinceCode: address.provinceCode,
        communeCode: address.communeCode,
        street: address.street,
        addressConvertedFrom: address.convertedFrom,
      });
    }
    return this.toResponse(await this.saveUnique(coop));
  }

  async setLogo(actor: AuthUser, id: string, upload: Buffer): Promise<CooperativeResponseDto> {
    const coop = await this.getManageableOrThrow(actor, id);
    const variants = await this.images.toWebpVariants(upload, [...LOGO_SIZES]);
    const version = randomBytes(6).toString('hex');
    // New files are written under a new version before the row points at them: a reader never sees a
    // mix of old and new sizes, and a failure leaves the old logo in place.
    for (const [size, data] of variants) await this.storage.put(StoragePaths.cooperativeLogo(id, version, size), data);
    const previous = coop.logoVersion;
    try {
      await this.repo.update(id, { logoVersion: version });
    } catch (error) {
      // Refused: the new files are orphans. Connection lost: the update may have landed, keep them.
      if (!isDatabaseUnavailable(error)) await this.removeLogoFiles(id, version);
      throw error;
    }
    if (previous) await this.removeLogoFiles(id, previous);
    return this.get(actor, id);
  }

  /** Public: the logo bytes of a size, for origin pages and stamps. */
  async readLogo(id: string, size: LogoSize): Promise<{ data: Buffer; version: string } | null> {
    const coop = await this.repo.findOne({ where: { id }, select: { id: true, logoVersion: true } });
    if (!coop?.logoVersion) return null;
    const data = await this.storage.get(StoragePaths.cooperativeLogo(id, coop.logoVersion, size));
    return data ? { data, version: coop.logoVersion } : null;
  }

  toResponse(c: Cooperative): CooperativeResponseDto {
    return toCooperativeResponse(
      c,
      this.units.view({ provinceCode: c.provinceCode, communeCode: c.communeCode, street: c.street, convertedFrom: c.addressConvertedFrom }),
      (coop, size) => `${this.config.publicBaseUrl}/cooperatives/${coop.id}/logo/${size}?v=${coop.logoVersion}`,
    );
  }

  private async removeLogoFiles(id: string, version: string): Promise<void> {
    for (const { name } of LOGO_SIZES) await this.storage.remove(StoragePaths.cooperativeLogo(id, version, name));
  }

  private assertOfficerProvince(actor: AuthUser, provinceCode: number): void {
    if (actor.role === Role.Officer && !actor.provinceCodes.includes(provinceCode)) {
      throw new DomainException(CooperativeErrorCode.OUTSIDE_OFFICER_PROVINCES, {
        vi: `Địa chỉ thuộc tỉnh mã ${provinceCode}, ngoài các tỉnh bạn phụ trách`,
        en: `The address is in province ${provinceCode}, outside the provinces you cover`,
      });
    }
  }

  private async saveUnique(entity: Cooperative): Promise<Cooperative> {
    try {
      return await this.repo.save(entity);
    } catch (error) {
      if (error instanceof QueryFailedError && (error as { constraint?: string }).constraint === 'uq_cooperative_tax_code') {
        throw new DomainException(CooperativeErrorCode.TAX_CODE_TAKEN, {
          vi: `Mã số thuế ${entity.taxCode} đã được đăng ký cho một hợp tác xã khác`,
          en: `Tax code ${entity.taxCode} is already registered to another cooperative`,
        }, [{ field: 'taxCode', message: { vi: 'Mã số thuế đã tồn tại', en: 'Tax code already registered' } }]);
      }
      throw error;
    }
  }
}

function fieldsOf(dto: UpdateCooperativeDto): Partial<Cooperative> {
  const { address: _address, ...rest } = dto;
  const fields: Partial<Cooperative> = { ...rest };
  if (dto.taxCode) fields.taxCode = dto.taxCode.replace(/^(\d{10})-?(\d{3})$/, '$1-$2');
  if (dto.email) fields.email = dto.email.toLowerCase();
  return fields;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
