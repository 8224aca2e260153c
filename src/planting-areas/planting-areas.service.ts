import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AdminUnitsService, fold } from '../admin-units/admin-units.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { scopeOwnedRows } from '../auth/scope';
import { validationFailed } from '../common/errors/common.errors';
import { Page, parseSort } from '../common/pagination/page-query.dto';
import { CooperativesService } from '../cooperatives/cooperatives.service';
import { checkBoundary } from './boundary-geometry';
import type { CodeStatusOn } from './code-status';
import type { CreatePlantingAreaDto } from './dto/create-planting-area.dto';
import type { ListPlantingAreasQuery } from './dto/list-planting-areas.query';
import { PlantingAreaResponseDto, toNumber, toPlantingAreaResponse } from './dto/planting-area-response.dto';
import type { UpdatePlantingAreaDto } from './dto/update-planting-area.dto';
import { PlantingAreaAccess } from './planting-area-access';
import { changes, refuseNulls } from '../common/validation/update-helpers';
import { PlantingAreaCodesService } from './planting-area-codes.service';
import { PlantingStandard } from './planting-area-kinds';
import { areaWarnings } from './planting-area-warnings';
import { PlantingArea } from './planting-area.entity';
import type { PlantingSeason } from './planting-season.entity';
import { PlantingSeasonsService } from './planting-seasons.service';

const SORT_COLUMNS = { name: 'a.name', createdAt: 'a.created_at', declaredAreaHa: 'a.declared_area_ha' };
const ENTITY_TYPE = 'planting_area';
/** Optional fields that null clears; null is refused for the others (they are NOT NULL columns). */
const CLEARABLE_FIELDS = ['variety', 'cropType', 'boundary'];

export interface CodeOnDate {
  id: string;
  code: string;
  scope: string;
  status: CodeStatusOn;
}

@Injectable()
export class PlantingAreasService {
  constructor(
    @InjectRepository(PlantingArea) private readonly repo: Repository<PlantingArea>,
    private readonly dataSource: DataSource,
    private readonly access: PlantingAreaAccess,
    private readonly cooperatives: CooperativesService,
    private readonly units: AdminUnitsService,
    private readonly audit: AuditService,
    private readonly seasons: PlantingSeasonsService,
    private readonly codes: PlantingAreaCodesService,
  ) {}

  async create(actor: AuthUser, cooperativeId: string, dto: CreatePlantingAreaDto): Promise<PlantingAreaResponseDto> {
    const cooperative = await this.cooperatives.getVisibleOrThrow(actor, cooperativeId);
    this.access.assertCanManage(actor, cooperative);
    // IsOptional lets null through; as on PATCH, only the clearable fields may be null.
    const nulls = refuseNulls(dto, CLEARABLE_FIELDS);
    if (nulls.length) throw validationFailed(nulls);
    const area = this.repo.create({ cooperativeId: cooperative.id, standard: PlantingStandard.None, variety: null, cropType: null });
    this.apply(area, dto);
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await manager.save(area);
      await this.audit.record(manager, actor, {
        cooperativeId: row.cooperativeId,
        entityType: ENTITY_TYPE,
        entityId: row.id,
        action: 'created',
        after: auditView(row),
      });
      return row;
    });
    return this.toResponse(saved);
  }

  async list(actor: AuthUser, query: ListPlantingAreasQuery): Promise<Page<PlantingAreaResponseDto>> {
    const qb = scopeOwnedRows(this.repo.createQueryBuilder('a'), actor, 'a.cooperative_id');
    if (query.cooperativeId) qb.andWhere('a.cooperative_id = :cooperativeId', { cooperativeId: query.cooperativeId });
    if (query.provinceCode !== undefined) qb.andWhere('a.province_code = :provinceCode', { provinceCode: query.provinceCode });
    if (query.crop) qb.andWhere('nguon_fold(a.crop) LIKE :crop', { crop: `%${escapeLike(fold(query.crop))}%` });
    const sort = parseSort(query.sort, SORT_COLUMNS, 'name');
    const [rows, total] = await qb
      .orderBy(sort.column, sort.direction)
      .addOrderBy('a.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map((a) => this.toResponse(a)), page: query.page, pageSize: query.pageSize, total };
  }

  async get(actor: AuthUser, id: string): Promise<PlantingAreaResponseDto> {
    return this.toResponse((await this.access.visible(actor, id)).area);
  }

  async update(actor: AuthUser, id: string, dto: UpdatePlantingAreaDto): Promise<PlantingAreaResponseDto> {
    const { area } = await this.access.manageable(actor, id);
    const nulls = refuseNulls(dto, CLEARABLE_FIELDS);
    if (nulls.length) throw validationFailed(nulls);
    const before = auditView(area);
    this.apply(area, dto);
    const diff = changes(before, auditView(area));
    if (!diff.changed) return this.toResponse(area);
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await manager.save(area);
      await this.audit.record(manager, actor, {
        cooperativeId: row.cooperativeId,
        entityType: ENTITY_TYPE,
        entityId: row.id,
        action: 'updated',
        before: diff.before,
        after: diff.after,
      });
      return row;
    });
    return this.toResponse(saved);
  }

  /** For other modules: the area if the actor may see its cooperative; 404 otherwise. */
  async getVisibleOrThrow(actor: AuthUser, id: string): Promise<PlantingArea> {
    return (await this.access.visible(actor, id)).area;
  }

  /** For other modules (after getVisibleOrThrow): the season if it belongs to that area; 404 otherwise. */
  getSeasonOrThrow(plantingAreaId: string, seasonId: string): Promise<PlantingSeason> {
    return this.seasons.getOrThrow(plantingAreaId, seasonId);
  }

  /** The status each code of the area had on `date` (YYYY-MM-DD), e.g. a harvest date. */
  codesOn(plantingAreaId: string, date: string): Promise<CodeOnDate[]> {
    return this.codes.codesOn(plantingAreaId, date);
  }

  async hasActiveCodeOn(plantingAreaId: string, date: string): Promise<boolean> {
    return (await this.codesOn(plantingAreaId, date)).some((c) => c.status === 'active');
  }

  toResponse(a: PlantingArea): PlantingAreaResponseDto {
    const address = this.units.view({ provinceCode: a.provinceCode, communeCode: a.communeCode, street: a.street, convertedFrom: a.addressConvertedFrom });
    const warnings = areaWarnings({ declaredAreaHa: Number(a.declaredAreaHa), computedAreaHa: toNumber(a.computedAreaHa), cropType: a.cropType });
    return toPlantingAreaResponse(a, address, warnings);
  }

  // Copies what the DTO carries onto the entity, resolving the address and checking the boundary.
  private apply(area: PlantingArea, dto: UpdatePlantingAreaDto): void {
    if (dto.name !== undefined) area.name = dto.name;
    if (dto.crop !== undefined) area.crop = dto.crop;
    if (dto.variety !== undefined) area.variety = dto.variety;
    if (dto.cropType !== undefined) area.cropType = dto.cropType;
    if (dto.declaredAreaHa !== undefined) area.declaredAreaHa = String(dto.declaredAreaHa);
    if (dto.householdCount !== undefined) area.householdCount = dto.householdCount;
    if (dto.standard !== undefined) area.standard = dto.standard;
    if (dto.address) {
      const address = this.units.resolve(dto.address);
      Object.assign(area, {
        provinceCode: address.provinceCode,
        communeCode: address.communeCode,
        street: address.street,
        addressConvertedFrom: address.convertedFrom,
      });
    }
    if (dto.boundary === null) {
      area.boundary = null;
      area.computedAreaHa = null;
    } else if (dto.boundary !== undefined) {
      const checked = checkBoundary(dto.boundary);
      if (!checked.ok) throw validationFailed(checked.problems);
      area.boundary = checked.boundary;
      // Same rounding as the numeric(12,4) column, so the response matches what a re-read returns.
      area.computedAreaHa = checked.areaHa.toFixed(4);
    }
  }
}

// What the audit log keeps of an area: the stored facts as the API shows them.
function auditView(a: PlantingArea): Record<string, unknown> {
  return {
    name: a.name,
    crop: a.crop,
    variety: a.variety,
    cropType: a.cropType,
    declaredAreaHa: Number(a.declaredAreaHa),
    householdCount: a.householdCount,
    provinceCode: a.provinceCode,
    communeCode: a.communeCode,
    street: a.street,
    addressConvertedFrom: a.addressConvertedFrom,
    boundary: a.boundary,
    computedAreaHa: toNumber(a.computedAreaHa),
    standard: a.standard,
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
