import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AdminUnitsService } from '../admin-units/admin-units.service';
import type { AuthUser } from '../auth/auth-user';
import { Role } from '../users/role.enum';
import { addDays, todayInVietnam } from '../common/time/vn-date';
import { AppConfig } from '../config/app-config';
import type { ScanStatsQuery } from './dto/scan-stats.query';
import { ScanLogWriter } from './scan-log.writer';

export interface ScanStats {
  from: string;
  to: string;
  totalScans: number;
  perDay: { date: string; scans: number; unknownSerials: number }[];
  perBatch: { batchId: string; lotCode: string; scans: number }[];
  perProvince: { provinceCode: number | null; provinceName: string | null; scans: number }[];
  suspicious: { serial: string; batchId: string; lotCode: string; scanCount: number; pinVerifications: number; firstScanAt: string | null }[];
}

// Statistics for cooperatives and officers. Scoped in SQL: a cooperative user sees its own scans, an
// officer those of cooperatives in their provinces.
@Injectable()
export class ScanStatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: AdminUnitsService,
    private readonly scanLog: ScanLogWriter,
    private readonly config: AppConfig,
  ) {}

  async stats(actor: AuthUser, query: ScanStatsQuery): Promise<ScanStats> {
    await this.scanLog.flush();
    const to = query.to ?? todayInVietnam();
    const from = query.from ?? addDays(to, -30);
    const [scope, params] = this.scope(actor, query.cooperativeId, 3);
    const window = `e.scanned_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AND e.scanned_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
    const args = [from, to, ...params];
    const perDay: { date: string; scans: number; unknown: number }[] = await this.db.query(
      `SELECT to_char(e.scanned_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS date, count(*)::int AS scans,
         count(*) FILTER (WHERE e.result = 'unknown_serial')::int AS unknown
       FROM scan_event e WHERE ${window} AND ${scope('e.cooperative_id')} GROUP BY 1 ORDER BY 1`,
      args,
    );
    const perBatch: { batch_id: string; lot_code: string; scans: number }[] = await this.db.query(
      `SELECT e.batch_id, b.lot_code, count(*)::int AS scans FROM scan_event e JOIN harvest_batch b ON b.id = e.batch_id
       WHERE ${window} AND ${scope('e.cooperative_id')} GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 100`,
      args,
    );
    const perProvince: { province_code: number | null; scans: number }[] = await this.db.query(
      `SELECT e.province_code, count(*)::int AS scans FROM scan_event e WHERE ${window} AND ${scope('e.cooperative_id')} GROUP BY 1 ORDER BY 2 DESC`,
      args,
    );
    // Current state of stamps, not a time window: its own parameter list.
    const [stampScope, stampParams] = this.scope(actor, query.cooperativeId, 2);
    const suspicious: { serial: string; batch_id: string; lot_code: string; scan_count: number; pin_verifications: number; first_scan_at: Date | null }[] =
      await this.db.query(
        `SELECT s.serial, s.batch_id, b.lot_code, s.scan_count, s.pin_verifications, s.first_scan_at
         FROM stamp s JOIN harvest_batch b ON b.id = s.batch_id
         WHERE (s.scan_count > $1 OR s.pin_verifications > 1) AND ${stampScope('s.cooperative_id')}
         ORDER BY s.scan_count DESC LIMIT 100`,
        [this.config.scans.warnAfter, ...stampParams],
      );
    return {
      from,
      to,
      totalScans: perDay.reduce((n, d) => n + d.scans, 0),
      perDay: perDay.map((d) => ({ date: d.date, scans: d.scans, unknownSerials: d.unknown })),
      perBatch: perBatch.map((b) => ({ batchId: b.batch_id, lotCode: b.lot_code, scans: b.scans })),
      perProvince: perProvince.map((p) => ({
        provinceCode: p.province_code,
        provinceName: p.province_code !== null && this.units.isProvince(p.province_code) ? this.units.getProvinceOrThrow(p.province_code).name : null,
        scans: p.scans,
      })),
      suspicious: suspicious.map((s) => ({
        serial: s.serial,
        batchId: s.batch_id,
        lotCode: s.lot_code,
        scanCount: s.scan_count,
        pinVerifications: s.pin_verifications,
        firstScanAt: s.first_scan_at ? new Date(s.first_scan_at).toISOString() : null,
      })),
    };
  }

  /** A SQL condition on a cooperative_id column and its parameters, numbered from `first`. */
  private scope(actor: AuthUser, cooperativeId: string | undefined, first: number): [(column: string) => string, unknown[]] {
    const conditions: ((c: string) => string)[] = [];
    const params: unknown[] = [];
    const next = (value: unknown) => `$${first + params.push(value) - 1}`;
    if (cooperativeId) {
      const p = next(cooperativeId);
      conditions.push((c) => `${c} = ${p}`);
    }
    if (actor.role === Role.Officer) {
      const p = next(actor.provinceCodes);
      conditions.push((c) => `${c} IN (SELECT id FROM cooperative WHERE province_code = ANY(${p}))`);
    } else if (actor.role !== Role.Admin) {
      const p = next(actor.cooperativeId);
      conditions.push((c) => `${c} = ${p}`);
    }
    return [(column) => (conditions.length ? conditions.map((f) => f(column)).join(' AND ') : 'true'), params];
  }
}
