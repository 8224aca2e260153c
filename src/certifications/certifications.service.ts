import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { canManageCooperative, scopeOwnedRows } from '../auth/scope';
import { forbidden, invalidField, notFound } from '../common/errors/common.errors';
import { Page } from '../common/pagination/page-query.dto';
import { todayInVietnam } from '../common/time/vn-date';
import { AppConfig } from '../config/app-config';
import { CooperativesService } from '../cooperatives/cooperatives.service';
import { ImageProcessor } from '../media/image-processor';
import { PlantingAreasService } from '../planting-areas/planting-areas.service';
import { ProductsService } from '../products/products.service';
import { FileStorage } from '../storage/file-storage';
import { StoragePaths } from '../storage/storage-paths';
import { Role } from '../users/role.enum';
import { Certification, CertificationSubject } from './certification.entity';
import { CertificationResponseDto, toCertificationResponse } from './dto/certification-response.dto';
import type { CreateCertificationDto } from './dto/create-certification.dto';
import type { ListCertificationsQuery } from './dto/list-certifications.query';
import type { RevokeCertificationDto } from './dto/revoke-certification.dto';

const PDF_MAGIC = Buffer.from('%PDF-');

@Injectable()
export class CertificationsService {
  constructor(
    @InjectRepository(Certification) private readonly repo: Repository<Certification>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly cooperatives: CooperativesService,
    private readonly areas: PlantingAreasService,
    private readonly products: ProductsService,
    private readonly images: ImageProcessor,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async create(actor: AuthUser, dto: CreateCertificationDto): Promise<CertificationResponseDto> {
    const cooperativeId = await this.manageableOwnerOf(actor, dto.subjectType, dto.subjectId);
    if (dto.issuedOn > todayInVietnam()) throw invalidField('issuedOn', 'Ngày cấp không được ở tương lai', 'issuedOn cannot be in the future');
    if (dto.validUntil <= dto.issuedOn) throw invalidField('validUntil', 'Ngày hết hạn phải sau ngày cấp', 'validUntil must be after issuedOn');
    if (dto.scheme === 'other' && !dto.schemeName) throw invalidField('schemeName', 'Cần tên chứng nhận khi scheme là "other"', 'schemeName is required when scheme is "other"');
    return this.db.transaction(async (manager) => {
      const saved = await manager.save(Certification, {
        ...dto,
        cooperativeId,
        schemeName: dto.schemeName ?? null,
        scopeText: dto.scopeText ?? null,
      });
      await this.audit.record(manager, actor, { cooperativeId, entityType: 'certification', entityId: saved.id, action: 'created', after: saved });
      return this.toResponse(saved);
    });
  }

  async list(actor: AuthUser, query: ListCertificationsQuery): Promise<Page<CertificationResponseDto>> {
    const qb = scopeOwnedRows(this.repo.createQueryBuilder('c'), actor, 'c.cooperative_id');
    if (query.cooperativeId) qb.andWhere('c.cooperative_id = :coop', { coop: query.cooperativeId });
    if (query.subjectType) qb.andWhere('c.subject_type = :type', { type: query.subjectType });
    if (query.subjectId) qb.andWhere('c.subject_id = :subject', { subject: query.subjectId });
    if (query.validOn) qb.andWhere('c.revoked_at IS NULL AND c.issued_on <= :d AND c.valid_until >= :d', { d: query.validOn });
    const [rows, total] = await qb
      .orderBy('c.valid_until', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map((c) => this.toResponse(c)), page: query.page, pageSize: query.pageSize, total };
  }

  async get(actor: AuthUser, id: string): Promise<CertificationResponseDto> {
    return this.toResponse(await this.getVisibleOrThrow(actor, id));
  }

  async revoke(actor: AuthUser, id: string, dto: RevokeCertificationDto): Promise<CertificationResponseDto> {
    const cert = await this.getVisibleOrThrow(actor, id);
    await this.assertManageable(actor, cert.cooperativeId);
    if (cert.revokedAt) return this.toResponse(cert);
    return this.db.transaction(async (manager) => {
      await manager.update(Certification, id, { revokedAt: new Date(), revokedReason: dto.reason });
      await this.audit.record(manager, actor, { cooperativeId: cert.cooperativeId, entityType: 'certification', entityId: id, action: 'revoked', reason: dto.reason });
      return this.toResponse((await manager.findOneBy(Certification, { id }))!);
    });
  }

  /** Stores the scanned certificate: a PDF as it is, an image re-encoded (metadata stripped). */
  async attachFile(actor: AuthUser, id: string, upload: Buffer): Promise<CertificationResponseDto> {
    const cert = await this.getVisibleOrThrow(actor, id);
    await this.assertManageable(actor, cert.cooperativeId);
    const isPdf = upload.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC);
    const data = isPdf ? upload : (await this.images.toWebpVariants(upload, [{ name: 'full', size: 2400 }])).get('full')!;
    const fileType = isPdf ? 'application/pdf' : 'image/webp';
    const key = StoragePaths.certificationFile(id, isPdf ? 'pdf' : 'webp');
    await this.storage.put(key, data);
    await this.db.transaction(async (manager) => {
      await manager.update(Certification, id, { fileKey: key, fileType });
      await this.audit.record(manager, actor, { cooperativeId: cert.cooperativeId, entityType: 'certification', entityId: id, action: 'file_attached', after: { fileType } });
    });
    return this.get(actor, id);
  }

  async readFile(actor: AuthUser, id: string): Promise<{ data: Buffer; type: string }> {
    const cert = await this.getVisibleOrThrow(actor, id);
    const data = cert.fileKey ? await this.storage.get(cert.fileKey) : null;
    if (!data || !cert.fileType) throw notFound('tệp giấy chứng nhận', 'Certificate file');
    return { data, type: cert.fileType };
  }

  /** For the origin page: certificates of these subjects valid on `date` (not revoked). */
  async validOn(subjects: { type: CertificationSubject; id: string }[], date: string): Promise<Certification[]> {
    if (!subjects.length) return [];
    return this.repo
      .createQueryBuilder('c')
      .where(
        new Brackets((w) =>
          subjects.forEach((s, i) => w.orWhere(`(c.subject_type = :t${i} AND c.subject_id = :s${i})`, { [`t${i}`]: s.type, [`s${i}`]: s.id })),
        ),
      )
      .andWhere('c.revoked_at IS NULL AND c.issued_on <= :date AND c.valid_until >= :date', { date })
      .orderBy('c.scheme', 'ASC')
      .getMany();
  }

  private async getVisibleOrThrow(actor: AuthUser, id: string): Promise<Certification> {
    const cert = await scopeOwnedRows(this.repo.createQueryBuilder('c'), actor, 'c.cooperative_id').andWhere('c.id = :id', { id }).getOne();
    if (!cert) throw notFound('giấy chứng nhận', 'Certification');
    return cert;
  }

  private async assertManageable(actor: AuthUser, cooperativeId: string): Promise<void> {
    await this.cooperatives.getManageableOrThrow(actor, cooperativeId);
  }

  // The certificate belongs to the cooperative that owns its subject; only who manages that
  // cooperative may record it.
  private async manageableOwnerOf(actor: AuthUser, type: CertificationSubject, id: string): Promise<string> {
    const cooperativeId =
      type === CertificationSubject.Cooperative
        ? (await this.cooperatives.getVisibleOrThrow(actor, id)).id
        : type === CertificationSubject.PlantingArea
          ? (await this.areas.getVisibleOrThrow(actor, id)).cooperativeId
          : (await this.products.getVisibleOrThrow(actor, id)).cooperativeId;
    const coop = await this.cooperatives.getVisibleOrThrow(actor, cooperativeId);
    if (!canManageCooperative(actor, coop) || actor.role === Role.CooperativeStaff) throw forbidden();
    return cooperativeId;
  }

  private toResponse(c: Certification): CertificationResponseDto {
    return toCertificationResponse(c, todayInVietnam(), c.fileKey ? `${this.config.publicBaseUrl}/certifications/${c.id}/file` : null);
  }
}
