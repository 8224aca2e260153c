import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { scopeOwnedRows } from '../auth/scope';
import { invalidField, notFound, validationFailed } from '../common/errors/common.errors';
import { DomainException } from '../common/errors/domain.exception';
import { buildDigitalLink } from '../common/gs1/digital-link';
import { Page } from '../common/pagination/page-query.dto';
import { formatVnDate, todayInVietnam } from '../common/time/vn-date';
import { refuseNulls } from '../common/validation/update-helpers';
import { AppConfig } from '../config/app-config';
import { PlantingAreasService } from '../planting-areas/planting-areas.service';
import { ProductsService } from '../products/products.service';
import { BatchStatus } from './batch-status';
import type { CreateHarvestBatchDto } from './dto/create-harvest-batch.dto';
import { HarvestBatchResponseDto, toHarvestBatchResponse } from './dto/harvest-batch-response.dto';
import type { ListHarvestBatchesQuery } from './dto/list-harvest-batches.query';
import type { UpdateHarvestBatchDto } from './dto/update-harvest-batch.dto';
import { HarvestBatchErrorCode } from './harvest-batch-error-code';
import { BatchFlag, HarvestBatch } from './harvest-batch.entity';
import { PhiOverride } from './phi-override.entity';
import { TraceEventsService } from './trace-events/trace-events.service';
import { toKilograms } from './units';

const CODE_STATUS_VI: Record<string, string> = {
  pending: 'chờ duyệt',
  active: 'hiệu lực',
  suspended: 'tạm đình chỉ',
  revoked: 'đã thu hồi',
  expired: 'hết hạn',
  not_yet_issued: 'chưa được cấp',
};

@Injectable()
export class HarvestBatchesService {
  constructor(
    @InjectRepository(HarvestBatch) private readonly repo: Repository<HarvestBatch>,
    @InjectRepository(PhiOverride) private readonly overrides: Repository<PhiOverride>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly products: ProductsService,
    private readonly areas: PlantingAreasService,
    private readonly traceEvents: TraceEventsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  // Staff record harvests in the field, so anyone who can see the cooperative may create a batch.
  async create(actor: AuthUser, dto: CreateHarvestBatchDto): Promise<HarvestBatchResponseDto> {
    const product = await this.products.getVisibleOrThrow(actor, dto.productId);
    const area = await this.areas.getVisibleOrThrow(actor, dto.plantingAreaId);
    if (area.cooperativeId !== product.cooperativeId) {
      throw invalidField('plantingAreaId', 'Vùng trồng và sản phẩm phải của cùng một hợp tác xã', 'The planting area and the product must belong to the same cooperative');
    }
    const season = await this.areas.getSeasonOrThrow(area.id, dto.seasonId);
    checkDates(dto);
    const locationCode = await this.activeCodeOrThrow(area.id, dto.harvestDateFrom, dto.harvestDateTo);
    return this.db.transaction(async (manager) => {
      const id = randomUUID();
      if (dto.correctsBatchId) await this.supersede(manager, dto.correctsBatchId, id, dto.productId);
      const batch = manager.create(HarvestBatch, {
        id,
        cooperativeId: product.cooperativeId,
        productId: product.id,
        plantingAreaId: area.id,
        seasonId: season.id,
        lotCode: dto.lotCode,
        harvestDateFrom: dto.harvestDateFrom,
        harvestDateTo: dto.harvestDateTo ?? null,
        quantity: String(dto.quantity),
        unit: dto.unit,
        packDate: dto.packDate ?? null,
        expiryDate: dto.expiryDate ?? null,
        notes: dto.notes ?? null,
        correctsBatchId: dto.correctsBatchId ?? null,
        createdBy: actor.id,
        flags: [],
      });
      await this.insertUnique(manager, batch);
      batch.flags = await this.yieldFlags(manager, batch, season.expectedYieldKg);
      if (batch.flags.length) await manager.update(HarvestBatch, batch.id, { flags: batch.flags });
      const tracingCode = this.tracingCode(batch, product.gtin);
      await this.traceEvents.recordHarvest(manager, actor, batch, { productTracingCode: tracingCode, locationCode, locationName: area.name });
      await this.audit.record(manager, actor, { cooperativeId: batch.cooperativeId, entityType: 'harvest_batch', entityId: batch.id, action: 'created', after: batch });
      return toHarvestBatchResponse((await manager.findOneBy(HarvestBatch, { id }))!, [], tracingCode);
    });
  }

  async list(actor: AuthUser, query: ListHarvestBatchesQuery): Promise<Page<HarvestBatchResponseDto>> {
    const qb = scopeOwnedRows(this.repo.createQueryBuilder('b'), actor, 'b.cooperative_id');
    if (query.cooperativeId) qb.andWhere('b.cooperative_id = :c', { c: query.cooperativeId });
    if (query.productId) qb.andWhere('b.product_id = :p', { p: query.productId });
    if (query.plantingAreaId) qb.andWhere('b.planting_area_id = :a', { a: query.plantingAreaId });
    if (query.status) qb.andWhere('b.status = :s', { s: query.status });
    if (query.lotCode) qb.andWhere('b.lot_code = :l', { l: query.lotCode });
    if (query.flag) qb.andWhere(':f = ANY(b.flags)', { f: query.flag });
    const [rows, total] = await qb
      .orderBy('b.created_at', 'DESC')
      .addOrderBy('b.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toResponses(rows), page: query.page, pageSize: query.pageSize, total };
  }

  async get(actor: AuthUser, id: string): Promise<HarvestBatchResponseDto> {
    return (await this.toResponses([await this.getVisibleOrThrow(actor, id)]))[0];
  }

  async getVisibleOrThrow(actor: AuthUser, id: string): Promise<HarvestBatch> {
    const qb = scopeOwnedRows(this.repo.createQueryBuilder('b'), actor, 'b.cooperative_id').andWhere('b.id = :id', { id });
    const batch = await qb.getOne();
    if (!batch) throw notFound('lô thu hoạch', 'Harvest batch');
    return batch;
  }

  async update(actor: AuthUser, id: string, dto: UpdateHarvestBatchDto): Promise<HarvestBatchResponseDto> {
    const batch = await this.getVisibleOrThrow(actor, id);
    if (batch.status !== BatchStatus.Open) throw sealed(batch);
    const nulls = refuseNulls(dto, ['packDate', 'expiryDate', 'notes']);
    if (nulls.length) throw validationFailed(nulls);
    const before = { ...batch };
    const next = { ...batch, ...dto, quantity: dto.quantity !== undefined ? String(dto.quantity) : batch.quantity };
    checkDates({ harvestDateFrom: next.harvestDateFrom, harvestDateTo: next.harvestDateTo ?? undefined, packDate: next.packDate ?? undefined, expiryDate: next.expiryDate ?? undefined });
    return this.db.transaction(async (manager) => {
      const saved = await manager.save(HarvestBatch, next);
      await this.audit.record(manager, actor, { cooperativeId: batch.cooperativeId, entityType: 'harvest_batch', entityId: id, action: 'updated', before, after: saved });
      return (await this.toResponses([saved]))[0];
    });
  }

  async toResponses(batches: HarvestBatch[]): Promise<HarvestBatchResponseDto[]> {
    if (!batches.length) return [];
    const overrides = await this.overrides.find({ where: { batchId: In(batches.map((b) => b.id)) }, order: { createdAt: 'ASC' } });
    const gtins = await this.products.gtinsOf([...new Set(batches.map((b) => b.productId))]);
    return batches.map((b) =>
      toHarvestBatchResponse(b, overrides.filter((o) => o.batchId === b.id), this.tracingCode(b, gtins.get(b.productId) ?? null)),
    );
  }

  /** Product tracing code of a lot: its GS1 Digital Link when the product has a GTIN. */
  tracingCode(batch: Pick<HarvestBatch, 'id' | 'lotCode'>, gtin: string | null): string {
    return gtin ? buildDigitalLink(this.config.publicBaseUrl, { gtin, lot: batch.lotCode }) : `urn:nguon:lot:${batch.id}`;
  }

  // The code-laundering guard of domain.md §2.3: a cooperative lending its code to others shows up as
  // more produce from an area than it can grow.
  private async yieldFlags(manager: EntityManager, batch: HarvestBatch, expectedYieldKg: unknown): Promise<BatchFlag[]> {
    const expected = Number(expectedYieldKg);
    if (!expected) return [];
    const rows: { unit: string; total: string }[] = await manager.query(
      `SELECT unit, sum(quantity) AS total FROM harvest_batch
       WHERE planting_area_id = $1 AND season_id = $2 AND superseded_by_batch_id IS NULL GROUP BY unit`,
      [batch.plantingAreaId, batch.seasonId],
    );
    const kg = rows.reduce((sum, r) => sum + (toKilograms(Number(r.total), r.unit) ?? 0), 0);
    return kg > expected * this.config.harvestYieldTolerance ? [BatchFlag.OverExpectedYield] : [];
  }

  private async activeCodeOrThrow(areaId: string, from: string, to?: string): Promise<string> {
    let found = '';
    for (const date of to && to !== from ? [from, to] : [from]) {
      const codes = await this.areas.codesOn(areaId, date);
      const active = codes.find((c) => c.status === 'active');
      if (active) {
        found ||= active.code;
        continue;
      }
      const listVi = codes.map((c) => `${c.code} (${CODE_STATUS_VI[c.status] ?? c.status})`).join(', ');
      const listEn = codes.map((c) => `${c.code} (${c.status})`).join(', ');
      throw new DomainException(
        HarvestBatchErrorCode.NO_ACTIVE_CODE,
        codes.length
          ? {
              vi: `Vùng trồng không có mã số vùng trồng hiệu lực vào ngày thu hoạch ${formatVnDate(date)}: ${listVi}`,
              en: `The planting area held no active planting-area code on the harvest date ${date}: ${listEn}`,
            }
          : {
              vi: 'Vùng trồng chưa có mã số vùng trồng nào; cần mã đang hiệu lực vào ngày thu hoạch',
              en: 'The planting area has no planting-area code; an active one is required on the harvest date',
            },
        [{ field: 'plantingAreaId', message: { vi: listVi || 'Chưa có mã số vùng trồng', en: listEn || 'No planting-area code' } }],
      );
    }
    return found;
  }

  private async supersede(manager: EntityManager, originalId: string, newId: string, productId: string): Promise<void> {
    const original = await manager.findOne(HarvestBatch, { where: { id: originalId }, lock: { mode: 'pessimistic_write' } });
    if (!original || original.productId !== productId) {
      throw invalidField('correctsBatchId', 'Lô cần đính chính không tồn tại hoặc không cùng sản phẩm', 'The corrected batch does not exist or is of another product');
    }
    if (original.status === BatchStatus.Open || original.supersededByBatchId) {
      throw invalidField('correctsBatchId', 'Chỉ đính chính lô đã niêm phong và chưa được đính chính; lô đang mở thì sửa trực tiếp', 'Only a closed, not yet corrected batch can be corrected; edit an open batch directly');
    }
    await manager.update(HarvestBatch, originalId, { supersededByBatchId: newId });
  }

  private async insertUnique(manager: EntityManager, batch: HarvestBatch): Promise<void> {
    try {
      await manager.insert(HarvestBatch, batch);
    } catch (error) {
      if (error instanceof QueryFailedError && (error as { constraint?: string }).constraint === 'uq_harvest_batch_product_lot') {
        throw new DomainException(
          HarvestBatchErrorCode.LOT_CODE_TAKEN,
          { vi: `Số lô ${batch.lotCode} đã dùng cho một lô khác của sản phẩm này`, en: `Lot code ${batch.lotCode} is already used by another batch of this product` },
          [{ field: 'lotCode', message: { vi: 'Số lô đã tồn tại', en: 'Lot code already used' } }],
        );
      }
      throw error;
    }
  }
}

export function sealed(batch: HarvestBatch): DomainException {
  return new DomainException(HarvestBatchErrorCode.SEALED, {
    vi: `Lô ${batch.lotCode} đã niêm phong, không sửa được; hãy tạo lô đính chính (correctsBatchId)`,
    en: `Batch ${batch.lotCode} is sealed; record a corrected batch (correctsBatchId) instead`,
  });
}

function checkDates(d: { harvestDateFrom: string; harvestDateTo?: string; packDate?: string; expiryDate?: string }): void {
  const today = todayInVietnam();
  if (d.harvestDateFrom > today) {
    throw invalidField('harvestDateFrom', `Ngày thu hoạch không được sau hôm nay (${formatVnDate(today)})`, `The harvest date cannot be after today (${today})`);
  }
  if (d.harvestDateTo !== undefined && (d.harvestDateTo < d.harvestDateFrom || d.harvestDateTo > today)) {
    throw invalidField('harvestDateTo', 'Ngày thu hoạch cuối phải từ ngày thu hoạch đầu đến hôm nay', 'harvestDateTo must be between harvestDateFrom and today');
  }
  if (d.packDate !== undefined && d.packDate < d.harvestDateFrom) {
    throw invalidField('packDate', 'Ngày đóng gói không được trước ngày thu hoạch', 'packDate cannot be before the harvest date');
  }
  const floor = d.packDate ?? d.harvestDateFrom;
  if (d.expiryDate !== undefined && d.expiryDate < floor) {
    throw invalidField('expiryDate', 'Hạn sử dụng không được trước ngày đóng gói', 'expiryDate cannot be before the pack date');
  }
}
