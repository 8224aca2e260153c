import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AdminUnitsService } from '../admin-units/admin-units.service';
import { SecretBox } from '../common/crypto/secret-box';
import type { Lang } from '../common/i18n/messages';
import { AppConfig } from '../config/app-config';
import { originWarning } from '../origin-pages/origin-warnings';
import type { OriginView, OriginWarning, StampVerdict } from '../origin-pages/origin-view';
import { ScanResult } from '../stamps/scan-event.entity';
import { PIN_PURPOSE } from '../stamps/stamps.service';
import { OriginFactsService } from './origin-facts.service';
import { buildOriginView, StampState } from './origin-view.builder';
import { ScanLogWriter } from './scan-log.writer';

export interface ScanContext {
  ip: string;
  userAgent: string | null;
  provinceCode: number | null;
  lang: Lang;
  /** The same page in the other language. */
  alternateLanguageUrl: string;
}

interface ScannedRow {
  id: string;
  batch_id: string;
  cooperative_id: string;
  gtin: string | null;
  status: StampState['status'];
  status_reason: string | null;
  scan_count: number;
  first_scan_at: Date | null;
  first_scan_province: number | null;
  has_pin: boolean;
  prev_province: number | null;
  prev_at: Date | null;
}

/**
 * Finds a stamp by serial and counts the scan. In SET, right-hand sides see the row before the update,
 * so prev_* receive the previous scan: lookup, count and comparison with the last scan in one statement.
 * Exported so the benchmark's bare baseline runs exactly the same lookup.
 */
export const SCAN_STATEMENT = `UPDATE stamp SET scan_count = scan_count + 1,
    first_scan_at = coalesce(first_scan_at, now()),
    first_scan_province = coalesce(first_scan_province, $2),
    prev_scan_at = last_scan_at, prev_scan_province = last_scan_province,
    last_scan_at = now(), last_scan_province = coalesce($2, last_scan_province)
  WHERE serial = $1
  RETURNING id, batch_id, cooperative_id, gtin, status, status_reason, scan_count, first_scan_at, first_scan_province,
    pin_hash IS NOT NULL AS has_pin, prev_scan_province AS prev_province, prev_scan_at AS prev_at`;

const VERDICT_OF: Record<StampState['status'], StampVerdict> = {
  activated: 'genuine',
  issued: 'not_activated',
  voided: 'voided',
  recalled: 'recalled',
};

const RESULT_OF: Record<StampVerdict, ScanResult> = {
  genuine: ScanResult.Ok,
  batch: ScanResult.Batch,
  not_activated: ScanResult.NotActivated,
  voided: ScanResult.Voided,
  recalled: ScanResult.Recalled,
  unknown: ScanResult.UnknownSerial,
};

// Turns a scan into an origin page. The per-stamp part is ONE indexed statement that both finds the
// stamp and counts the scan; the per-batch part comes from a short-lived cache.
// Wrong PINs in a row before a stamp's PIN check pauses, and for how long.
const PIN_MAX_FAILURES = 5;
const PIN_LOCK_MINUTES = 15;

@Injectable()
export class ResolverService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly facts: OriginFactsService,
    private readonly scanLog: ScanLogWriter,
    private readonly secrets: SecretBox,
    private readonly units: AdminUnitsService,
    private readonly config: AppConfig,
  ) {}

  async scanStamp(serial: string, ctx: ScanContext, keys?: { gtin: string | null; lot: string }): Promise<OriginView> {
    const { rows } = await this.pool().query<ScannedRow>(
      SCAN_STATEMENT,
      [serial, ctx.provinceCode],
    );
    const row = rows[0];
    const facts = row ? await this.facts.forBatch(row.batch_id) : null;
    // A Digital Link whose GTIN or lot does not match the stamp is a forged URL around a real serial.
    if (!row || !facts || (keys && (keys.gtin !== row.gtin || keys.lot !== facts.batch.lotCode))) {
      this.log(serial, null, ctx, ScanResult.UnknownSerial);
      return this.unknown(ctx);
    }
    const verdict = VERDICT_OF[row.status];
    const warnings = verdict === 'genuine' ? this.scanWarnings(row, ctx) : [];
    this.log(serial, row, ctx, warnings.length ? ScanResult.Suspicious : RESULT_OF[verdict]);
    return buildOriginView({
      lang: ctx.lang,
      verdict,
      facts,
      stamp: this.stampState(serial, row),
      warnings,
      alternateLanguageUrl: ctx.alternateLanguageUrl,
    });
  }

  /** Batch-level link (no serial): the lot's facts, no per-stamp verdict. */
  async batchPage(gtin: string, lot: string, ctx: ScanContext): Promise<OriginView> {
    const rows: { id: string; status: string }[] = await this.db.query(
      `SELECT b.id, b.status FROM harvest_batch b JOIN product p ON p.id = b.product_id
       WHERE p.gtin = $1 AND b.lot_code = $2 AND b.superseded_by_batch_id IS NULL AND b.status <> 'open'`,
      [gtin, lot],
    );
    if (!rows.length) return this.unknown(ctx);
    const verdict: StampVerdict = rows[0].status === 'recalled' ? 'recalled' : 'batch';
    return buildOriginView({ lang: ctx.lang, verdict, facts: await this.facts.forBatch(rows[0].id), stamp: null, warnings: [], alternateLanguageUrl: ctx.alternateLanguageUrl });
  }

  /**
   * The scratch-off PIN posted from the page: a PIN verified twice means a reused stamp. Wrong PINs are
   * counted per stamp; after PIN_MAX_FAILURES in a row the check pauses (right PIN or not) for
   * PIN_LOCK_MINUTES, whatever address the guesses come from.
   */
  async verifyPin(serial: string, pin: string, ctx: ScanContext): Promise<OriginView> {
    // Any configured key: stamps printed before a key rotation keep verifying while the old key is listed.
    const candidates = this.secrets.hashCandidates(PIN_PURPOSE, `${serial}:${pin.replace(/\s+/g, '')}`);
    const [outcome]: { locked: boolean; ok: boolean; pin_verifications: number; pin_first_verified_at: Date | null }[] = await this.db.query(
      `WITH checked AS (
         SELECT id, coalesce(pin_locked_until > now(), false) AS locked, pin_hash = ANY($2::text[]) AS ok
         FROM stamp WHERE serial = $1 AND pin_hash IS NOT NULL FOR UPDATE
       ), updated AS (
         UPDATE stamp s SET
           pin_verifications = s.pin_verifications + CASE WHEN c.ok THEN 1 ELSE 0 END,
           pin_first_verified_at = CASE WHEN c.ok THEN coalesce(s.pin_first_verified_at, now()) ELSE s.pin_first_verified_at END,
           pin_failures = CASE WHEN c.ok OR s.pin_failures + 1 >= $3 THEN 0 ELSE s.pin_failures + 1 END,
           pin_locked_until = CASE WHEN NOT c.ok AND s.pin_failures + 1 >= $3 THEN now() + make_interval(mins => $4) ELSE s.pin_locked_until END
         FROM checked c WHERE s.id = c.id AND NOT c.locked
         RETURNING s.pin_verifications, s.pin_first_verified_at
       )
       SELECT c.locked, c.ok, u.pin_verifications, u.pin_first_verified_at FROM checked c LEFT JOIN updated u ON true`,
      [serial, candidates, PIN_MAX_FAILURES, PIN_LOCK_MINUTES],
    );
    const verified = outcome && !outcome.locked && outcome.ok ? { pin_verifications: outcome.pin_verifications, pin_first_verified_at: outcome.pin_first_verified_at! } : undefined;
    const stamp: ScannedRow[] = await this.db.query(
      `SELECT id, batch_id, cooperative_id, gtin, status, status_reason, scan_count, first_scan_at,
         first_scan_province, pin_hash IS NOT NULL AS has_pin, NULL AS prev_province, NULL AS prev_at
       FROM stamp WHERE serial = $1`,
      [serial],
    );
    if (!stamp.length) return this.unknown(ctx);
    const warnings: OriginWarning[] =
      verified && verified.pin_verifications > 1
        ? [originWarning(ctx.lang, { kind: 'pin_reused', verifiedCount: verified.pin_verifications, firstVerifiedAt: verified.pin_first_verified_at.toISOString() })]
        : [];
    return buildOriginView({
      lang: ctx.lang,
      verdict: VERDICT_OF[stamp[0].status],
      facts: await this.facts.forBatch(stamp[0].batch_id),
      stamp: this.stampState(serial, stamp[0]),
      warnings,
      alternateLanguageUrl: ctx.alternateLanguageUrl,
      pinCheck: { result: outcome?.locked ? 'too_many_attempts' : !verified ? 'wrong' : verified.pin_verifications > 1 ? 'already_verified' : 'verified' },
    });
  }

  // The hot path talks to node-postgres directly: TypeORM's query() adds a query runner per call.
  private pool(): Pool {
    return (this.db.driver as PostgresDriver).master as Pool;
  }

  private scanWarnings(row: ScannedRow, ctx: ScanContext): OriginWarning[] {
    const warnings: OriginWarning[] = [];
    if (row.scan_count > this.config.scans.warnAfter && row.first_scan_at) {
      warnings.push(
        originWarning(ctx.lang, {
          kind: 'scanned_many_times',
          scanCount: row.scan_count,
          firstScanAt: new Date(row.first_scan_at).toISOString(),
          firstScanPlace: this.provinceName(row.first_scan_province),
        }),
      );
    }
    const windowMs = this.config.scans.farWindowMinutes * 60_000;
    if (
      ctx.provinceCode !== null &&
      row.prev_province !== null &&
      row.prev_province !== ctx.provinceCode &&
      row.prev_at &&
      Date.now() - new Date(row.prev_at).getTime() < windowMs
    ) {
      warnings.push(
        originWarning(ctx.lang, {
          kind: 'far_apart_scans',
          places: [this.provinceName(row.prev_province)!, this.provinceName(ctx.provinceCode)!],
          withinHours: Math.max(1, Math.round(this.config.scans.farWindowMinutes / 60)),
        }),
      );
    }
    return warnings;
  }

  private unknown(ctx: ScanContext): OriginView {
    return buildOriginView({ lang: ctx.lang, verdict: 'unknown', facts: null, stamp: null, warnings: [], alternateLanguageUrl: ctx.alternateLanguageUrl });
  }

  private stampState(serial: string, row: ScannedRow): StampState {
    return {
      serial,
      status: row.status,
      statusReason: row.status_reason,
      scanCount: row.scan_count,
      firstScanAt: row.first_scan_at ? new Date(row.first_scan_at).toISOString() : null,
      hasPin: row.has_pin,
    };
  }

  private provinceName(code: number | null): string | null {
    return code !== null && this.units.isProvince(code) ? this.units.getProvinceOrThrow(code).name : null;
  }

  private log(serial: string, row: ScannedRow | null, ctx: ScanContext, result: ScanResult): void {
    this.scanLog.add({
      stampId: row?.id ?? null,
      batchId: row?.batch_id ?? null,
      cooperativeId: row?.cooperative_id ?? null,
      serial: serial.slice(0, 64),
      scannedAt: new Date(),
      ipHash: this.secrets.hash('scan-ip', ctx.ip),
      userAgent: ctx.userAgent?.slice(0, 300) ?? null,
      provinceCode: ctx.provinceCode,
      result,
    });
  }
}
