import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { SecretBox, SecretKeyUnavailableError } from '../common/crypto/secret-box';
import { invalidField, notFound } from '../common/errors/common.errors';
import { DomainException } from '../common/errors/domain.exception';
import { buildDigitalLink } from '../common/gs1/digital-link';
import { AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics';
import { CooperativesService } from '../cooperatives/cooperatives.service';
import { BatchStatus } from '../harvest-batches/batch-status';
import { BatchEvents } from '../harvest-batches/batch-events';
import { HarvestBatchesService } from '../harvest-batches/harvest-batches.service';
import { ProductsService } from '../products/products.service';
import type { StampCommissioning, StampCommissioningSource } from '../epcis/stamp-commissioning.source';
import type { IssueStampsDto } from './dto/issue-stamps.dto';
import { StampIssuanceResponseDto, StampRangeResultDto } from './dto/stamp-issuance-response.dto';
import type { StampRangeDto, VoidStampsDto } from './dto/stamp-range.dto';
import { listLayouts } from './rendering/stamp-layouts';
import type { StampLabel } from './rendering/stamp-rendering.types';
import { newPin, newSerials } from './serial';
import { StampErrorCode } from './stamp-error-code';
import { StampIssuance } from './stamp-issuance.entity';
import { StampStatus } from './stamp-status';

const INSERT_CHUNK = 20_000;
const LABEL_PAGE = 2_000;
const RESEAL_CHUNK = 5_000;
export const PIN_PURPOSE = 'stamp-pin';

/** What re-sealing the PINs after a DATA_ENCRYPTION_KEY rotation did (see resealPins). */
export interface PinResealReport {
  /** Sealed PINs re-sealed with the current key. */
  pins: number;
  /** PIN hashes re-computed with the current key (their PIN was still sealed, so known). */
  pinHashes: number;
  /** Sealed PINs already sealed with the current key. */
  alreadyCurrent: number;
  /**
   * Printed PIN stamps (sealed PIN erased): their hash cannot be re-computed and stays under the key
   * that was current when it was computed. A hash does not name its key, so this counts them all: an
   * upper bound of those still on a retired key, which verify only while that key stays listed.
   */
  printedPinHashesStillOnOldKey: number;
  /** Sealed PINs that no configured key opens (sealed with a key no longer listed): left untouched. */
  notOpenable: number;
  /** Ids of the keys those were sealed with ('unknown': a value from before key ids, or damaged). */
  missingKeyIds: string[];
}

interface IssuanceContext {
  issuance: StampIssuance;
  lotCode: string;
  gtin: string | null;
  productName: string;
  cooperativeName: string;
}

@Injectable()
export class StampsService implements OnModuleInit, StampCommissioningSource {
  constructor(
    @InjectRepository(StampIssuance) private readonly issuances: Repository<StampIssuance>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly batches: HarvestBatchesService,
    private readonly products: ProductsService,
    private readonly cooperatives: CooperativesService,
    private readonly secrets: SecretBox,
    private readonly audit: AuditService,
    private readonly batchEvents: BatchEvents,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  // A recall flips every stamp of the batch in the recall's own transaction, in one statement, so the
  // very next scan shows the recall.
  onModuleInit(): void {
    this.batchEvents.onRecall(async (manager, batch, reason) => {
      await manager.query(
        `UPDATE stamp SET status = 'recalled', status_reason = $2, status_changed_at = now()
         WHERE batch_id = $1 AND status IN ('issued', 'activated')`,
        [batch.id, reason],
      );
    });
  }

  async issue(actor: AuthUser, batchId: string, dto: IssueStampsDto): Promise<StampIssuanceResponseDto> {
    const batch = await this.batches.getVisibleOrThrow(actor, batchId);
    await this.cooperatives.getManageableOrThrow(actor, batch.cooperativeId);
    if (batch.status !== BatchStatus.Closed) {
      throw new DomainException(StampErrorCode.BATCH_NOT_CLOSED, {
        vi: `Chỉ in tem cho lô đã niêm phong; lô ${batch.lotCode} đang ở trạng thái ${batch.status === BatchStatus.Open ? 'mở' : 'thu hồi'}`,
        en: `Stamps are issued only for closed batches; batch ${batch.lotCode} is ${batch.status}`,
      });
    }
    const product = await this.products.getVisibleOrThrow(actor, batch.productId);
    const issued = await this.db.transaction(async (manager) => {
      const issuance = await manager.save(StampIssuance, {
        cooperativeId: batch.cooperativeId,
        batchId,
        productId: product.id,
        count: dto.count,
        withPin: dto.withPin ?? false,
        createdBy: actor.id,
      });
      await this.insertStamps(manager, issuance, product.gtin);
      await this.audit.record(manager, actor, {
        cooperativeId: batch.cooperativeId,
        entityType: 'harvest_batch',
        entityId: batchId,
        action: 'stamps_issued',
        after: { issuanceId: issuance.id, count: dto.count, withPin: issuance.withPin },
      });
      return this.toResponse(issuance, { issued: dto.count });
    });
    this.metrics.stampsIssued(dto.count);
    return issued;
  }

  async activate(actor: AuthUser, issuanceId: string, range: StampRangeDto): Promise<StampRangeResultDto> {
    const issuance = await this.manageableOrThrow(actor, issuanceId);
    const batch = await this.batches.getVisibleOrThrow(actor, issuance.batchId);
    if (batch.status !== BatchStatus.Closed) {
      throw new DomainException(StampErrorCode.BATCH_NOT_CLOSED, {
        vi: `Không kích hoạt được: lô ${batch.lotCode} không ở trạng thái niêm phong`,
        en: `Cannot activate: batch ${batch.lotCode} is ${batch.status}`,
      });
    }
    // Circular 02/2024 item 2: what a consumer sees must include the product image.
    const product = await this.products.get(actor, issuance.productId);
    if (!product.images.length) {
      throw new DomainException(StampErrorCode.PRODUCT_INCOMPLETE, {
        vi: `Sản phẩm "${product.nameVi}" chưa có ảnh; cần ít nhất một ảnh trước khi kích hoạt tem`,
        en: `Product "${product.nameVi}" has no image; add at least one before activating stamps`,
      });
    }
    return this.changeRange(actor, issuance, range, [StampStatus.Issued], StampStatus.Activated, 'stamps_activated');
  }

  async void(actor: AuthUser, issuanceId: string, dto: VoidStampsDto): Promise<StampRangeResultDto> {
    const issuance = await this.manageableOrThrow(actor, issuanceId);
    return this.changeRange(actor, issuance, dto, [StampStatus.Issued, StampStatus.Activated], StampStatus.Voided, 'stamps_voided', dto.reason);
  }

  async get(actor: AuthUser, issuanceId: string): Promise<StampIssuanceResponseDto> {
    const issuance = await this.visibleOrThrow(actor, issuanceId);
    return this.toResponse(issuance, await this.statusCounts(issuance.id));
  }

  async listForBatch(actor: AuthUser, batchId: string): Promise<StampIssuanceResponseDto[]> {
    await this.batches.getVisibleOrThrow(actor, batchId);
    const rows = await this.issuances.find({ where: { batchId }, order: { createdAt: 'ASC' } });
    return Promise.all(rows.map(async (i) => this.toResponse(i, await this.statusCounts(i.id))));
  }

  /** After printing: the sealed PINs are erased for good, so they exist only on paper. */
  async markPrinted(actor: AuthUser, issuanceId: string): Promise<StampIssuanceResponseDto> {
    const issuance = await this.manageableOrThrow(actor, issuanceId);
    await this.db.transaction(async (manager) => {
      await manager.update(StampIssuance, issuance.id, { printedAt: new Date() });
      await manager.query(`UPDATE stamp SET pin_sealed = NULL WHERE issuance_id = $1`, [issuance.id]);
      await this.audit.record(manager, actor, { cooperativeId: issuance.cooperativeId, entityType: 'harvest_batch', entityId: issuance.batchId, action: 'stamps_printed', after: { issuanceId } });
    });
    return this.get(actor, issuanceId);
  }

  /** Print-file context, checked for the actor; PINs are available only until marked printed. */
  async printContext(actor: AuthUser, issuanceId: string): Promise<IssuanceContext> {
    const issuance = await this.manageableOrThrow(actor, issuanceId);
    if (issuance.withPin && issuance.printedAt) {
      throw new DomainException(StampErrorCode.PINS_ERASED, {
        vi: 'Đợt tem này đã được xác nhận in; mã PIN đã bị xóa nên không thể tải lại tệp in',
        en: 'This issuance was confirmed printed; its PINs were erased, so the print file cannot be downloaded again',
      });
    }
    const batch = await this.batches.getVisibleOrThrow(actor, issuance.batchId);
    const product = await this.products.getVisibleOrThrow(actor, issuance.productId);
    const coop = await this.cooperatives.getVisibleOrThrow(actor, issuance.cooperativeId);
    return { issuance, lotCode: batch.lotCode, gtin: product.gtin, productName: product.nameVi, cooperativeName: coop.shortName ?? coop.name };
  }

  /** Labels in print order, a page at a time: 100,000 stamps never sit in memory together. */
  async *labels(ctx: IssuanceContext): AsyncGenerator<StampLabel> {
    let after = 0;
    for (;;) {
      const rows: { seq: number; serial: string; pin_sealed: string | null }[] = await this.db.query(
        `SELECT seq, serial, pin_sealed FROM stamp WHERE issuance_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [ctx.issuance.id, after, LABEL_PAGE],
      );
      for (const r of rows) {
        yield {
          url: this.stampUrl(ctx.gtin, ctx.lotCode, r.serial),
          serial: r.serial,
          productName: ctx.productName,
          cooperativeName: ctx.cooperativeName,
          ...(r.pin_sealed && { pin: this.secrets.open(PIN_PURPOSE, r.pin_sealed) }),
        };
      }
      if (rows.length < LABEL_PAGE) return;
      after = rows[rows.length - 1].seq;
    }
  }

  /** One stamp's label, for its PNG/SVG (checked for the actor). */
  async label(actor: AuthUser, serial: string): Promise<StampLabel> {
    const rows: { issuance_id: string }[] = await this.db.query(`SELECT issuance_id FROM stamp WHERE serial = $1`, [serial]);
    if (!rows.length) throw notFound('tem', 'Stamp');
    const ctx = await this.printContextForImage(actor, rows[0].issuance_id);
    return { url: this.stampUrl(ctx.gtin, ctx.lotCode, serial), serial, productName: ctx.productName, cooperativeName: ctx.cooperativeName };
  }

  /** For the EPCIS export: stamps commissioned (activated) for a batch, grouped by activation. */
  async commissioningFor(batchId: string): Promise<StampCommissioning[]> {
    const rows: { issuance_id: string; at: Date; serials: string[]; gtin: string | null }[] = await this.db.query(
      `SELECT issuance_id, date_trunc('second', activated_at) AS at, array_agg(serial ORDER BY seq) AS serials, min(gtin) AS gtin
       FROM stamp WHERE batch_id = $1 AND activated_at IS NOT NULL GROUP BY 1, 2 ORDER BY 2, 1`,
      [batchId],
    );
    return rows.map((r) => ({ issuanceId: r.issuance_id, eventTime: new Date(r.at), serials: r.serials, gtin: r.gtin }));
  }

  /** An activated stamp's URL, for the start-up message of the demo. */
  async sampleStampUrl(): Promise<string | null> {
    const rows: { gtin: string | null; serial: string; lot_code: string }[] = await this.db.query(
      `SELECT s.gtin, s.serial, b.lot_code FROM stamp s JOIN harvest_batch b ON b.id = s.batch_id
       WHERE s.status = 'activated' ORDER BY s.id LIMIT 1`,
    );
    return rows.length ? this.stampUrl(rows[0].gtin, rows[0].lot_code, rows[0].serial) : null;
  }

  /**
   * Key rotation: re-seals every still-sealed PIN with the current key and re-hashes it (the PIN is
   * known until printed). Chunks of 5,000 stamps, one transaction each, one UPDATE per chunk. A stamp
   * marked printed meanwhile keeps its erased PIN erased: the UPDATE applies only where the sealed
   * value is still the one that was read.
   */
  async resealPins(chunk = RESEAL_CHUNK): Promise<PinResealReport> {
    const prefix = this.secrets.currentPrefix();
    const report: PinResealReport = { pins: 0, pinHashes: 0, alreadyCurrent: 0, printedPinHashesStillOnOldKey: 0, notOpenable: 0, missingKeyIds: [] };
    [{ n: report.alreadyCurrent }] = await this.db.query(`SELECT count(*)::int AS n FROM stamp WHERE starts_with(pin_sealed, $1)`, [prefix]);
    let after = '0';
    for (;;) {
      const fetched = await this.db.transaction(async (manager) => {
        const rows: { id: string; serial: string; pin_hash: string | null; pin_sealed: string }[] = await manager.query(
          `SELECT id, serial, pin_hash, pin_sealed FROM stamp
           WHERE id > $1 AND pin_sealed IS NOT NULL AND NOT starts_with(pin_sealed, $2) ORDER BY id LIMIT $3`,
          [after, prefix, chunk],
        );
        const ids: string[] = [], olds: string[] = [], sealed: string[] = [], hashes: string[] = [];
        const rehashes = new Set<string>();
        for (const r of rows) {
          let pin: string;
          try {
            pin = this.secrets.open(PIN_PURPOSE, r.pin_sealed);
          } catch (error) {
            if (!(error instanceof SecretKeyUnavailableError)) throw error;
            report.notOpenable++;
            if (!report.missingKeyIds.includes(error.keyId ?? 'unknown')) report.missingKeyIds.push(error.keyId ?? 'unknown');
            continue;
          }
          ids.push(r.id);
          olds.push(r.pin_sealed);
          sealed.push(this.secrets.seal(PIN_PURPOSE, pin));
          hashes.push(this.secrets.hash(PIN_PURPOSE, `${r.serial}:${pin}`));
          if (r.pin_hash !== hashes[hashes.length - 1]) rehashes.add(String(r.id));
        }
        if (ids.length) {
          // Counted through a CTE: TypeORM wraps the rows of a bare UPDATE … RETURNING differently.
          const updated: { id: string }[] = await manager.query(
            `WITH changed AS (
               UPDATE stamp s SET pin_sealed = u.sealed, pin_hash = u.hash
               FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS u(id, old, sealed, hash)
               WHERE s.id = u.id AND s.pin_sealed = u.old RETURNING s.id)
             SELECT id FROM changed`,
            [ids, olds, sealed, hashes],
          );
          report.pins += updated.length;
          report.pinHashes += updated.filter((r) => rehashes.has(String(r.id))).length;
        }
        if (rows.length) after = rows[rows.length - 1].id;
        return rows.length;
      });
      if (fetched < chunk) break;
    }
    [{ n: report.printedPinHashesStillOnOldKey }] = await this.db.query(
      `SELECT count(*)::int AS n FROM stamp WHERE pin_hash IS NOT NULL AND pin_sealed IS NULL`,
    );
    return report;
  }

  stampUrl(gtin: string | null, lotCode: string, serial: string): string {
    return gtin ? buildDigitalLink(this.config.publicBaseUrl, { gtin, lot: lotCode, serial }) : `${this.config.publicBaseUrl}/s/${serial}`;
  }

  private async printContextForImage(actor: AuthUser, issuanceId: string) {
    const issuance = await this.visibleOrThrow(actor, issuanceId);
    const batch = await this.batches.getVisibleOrThrow(actor, issuance.batchId);
    const product = await this.products.getVisibleOrThrow(actor, issuance.productId);
    const coop = await this.cooperatives.getVisibleOrThrow(actor, issuance.cooperativeId);
    return { lotCode: batch.lotCode, gtin: product.gtin, productName: product.nameVi, cooperativeName: coop.shortName ?? coop.name };
  }

  // Serials come from a CSPRNG; a collision with an existing serial (≈ 2⁻⁶⁵ per pair) is skipped by
  // ON CONFLICT and that label number simply gets a fresh serial on the next round.
  private async insertStamps(manager: EntityManager, issuance: StampIssuance, gtin: string | null): Promise<void> {
    let missing = Array.from({ length: issuance.count }, (_, i) => i + 1);
    while (missing.length) {
      const stillMissing: number[] = [];
      for (let start = 0; start < missing.length; start += INSERT_CHUNK) {
        const seqs = missing.slice(start, start + INSERT_CHUNK);
        const serials = newSerials(seqs.length);
        const pins = issuance.withPin ? seqs.map(() => newPin()) : null;
        const inserted: { seq: number }[] = await manager.query(
          `INSERT INTO stamp (issuance_id, batch_id, cooperative_id, gtin, seq, serial, pin_hash, pin_sealed)
           SELECT $1, $2, $3, $4, s.seq, s.serial, s.pin_hash, s.pin_sealed
           FROM unnest($5::int[], $6::text[], $7::text[], $8::text[]) AS s(seq, serial, pin_hash, pin_sealed)
           ON CONFLICT (serial) DO NOTHING RETURNING seq`,
          [
            issuance.id,
            issuance.batchId,
            issuance.cooperativeId,
            gtin,
            seqs,
            serials,
            pins ? pins.map((pin, i) => this.secrets.hash(PIN_PURPOSE, `${serials[i]}:${pin}`)) : seqs.map(() => null),
            pins ? pins.map((pin) => this.secrets.seal(PIN_PURPOSE, pin)) : seqs.map(() => null),
          ],
        );
        if (inserted.length < seqs.length) {
          const done = new Set(inserted.map((r) => r.seq));
          stillMissing.push(...seqs.filter((s) => !done.has(s)));
        }
      }
      missing = stillMissing;
    }
  }

  private async changeRange(
    actor: AuthUser,
    issuance: StampIssuance,
    range: StampRangeDto,
    from: StampStatus[],
    to: StampStatus,
    action: string,
    reason?: string,
  ): Promise<StampRangeResultDto> {
    const fromSeq = range.fromSeq ?? 1;
    const toSeq = range.toSeq ?? issuance.count;
    if (fromSeq > toSeq || toSeq > issuance.count) {
      throw invalidField('toSeq', `Khoảng tem phải nằm trong 1–${issuance.count} và từ ≤ đến`, `The range must lie within 1–${issuance.count} with fromSeq ≤ toSeq`);
    }
    const changed = await this.db.transaction(async (manager) => {
      // Counted through a CTE: TypeORM wraps the rows of a bare UPDATE … RETURNING differently.
      const [{ n }]: { n: number }[] = await manager.query(
        `WITH changed AS (
           UPDATE stamp SET status = $4, status_changed_at = now(), status_reason = $5,
             activated_at = CASE WHEN $4 = 'activated' THEN now() ELSE activated_at END
           WHERE issuance_id = $1 AND seq BETWEEN $2 AND $3 AND status = ANY($6) RETURNING 1)
         SELECT count(*)::int AS n FROM changed`,
        [issuance.id, fromSeq, toSeq, to, reason ?? null, from],
      );
      await this.audit.record(manager, actor, {
        cooperativeId: issuance.cooperativeId,
        entityType: 'harvest_batch',
        entityId: issuance.batchId,
        action,
        after: { issuanceId: issuance.id, fromSeq, toSeq, changed: n },
        reason,
      });
      return n;
    });
    if (!changed) {
      throw new DomainException(StampErrorCode.NOTHING_TO_CHANGE, {
        vi: `Không có tem nào trong khoảng ${fromSeq}–${toSeq} đang ở trạng thái có thể chuyển`,
        en: `No stamp in ${fromSeq}–${toSeq} is in a state that allows this change`,
      });
    }
    return { changed, statusCounts: await this.statusCounts(issuance.id) };
  }

  private async statusCounts(issuanceId: string): Promise<Record<string, number>> {
    const rows: { status: string; n: number }[] = await this.db.query(
      `SELECT status, count(*)::int AS n FROM stamp WHERE issuance_id = $1 GROUP BY status`,
      [issuanceId],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  private async visibleOrThrow(actor: AuthUser, id: string): Promise<StampIssuance> {
    const issuance = await this.issuances.findOneBy({ id });
    if (!issuance) throw notFound('đợt phát hành tem', 'Stamp issuance');
    await this.cooperatives.getVisibleOrThrow(actor, issuance.cooperativeId);
    return issuance;
  }

  private async manageableOrThrow(actor: AuthUser, id: string): Promise<StampIssuance> {
    const issuance = await this.visibleOrThrow(actor, id);
    await this.cooperatives.getManageableOrThrow(actor, issuance.cooperativeId);
    return issuance;
  }

  private toResponse(i: StampIssuance, statusCounts: Record<string, number>): StampIssuanceResponseDto {
    const base = `${this.config.publicBaseUrl}/stamp-issuances/${i.id}`;
    return {
      id: i.id,
      batchId: i.batchId,
      productId: i.productId,
      count: i.count,
      withPin: i.withPin,
      printedAt: i.printedAt,
      createdAt: i.createdAt,
      statusCounts,
      files: { pdf: `${base}/print.pdf?layout=a4-65`, csv: `${base}/stamps.csv`, layouts: listLayouts().map((l) => l.code) },
    };
  }
}
