import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DomainException } from '../common/errors/domain.exception';
import { AuthErrorCode } from './auth-error-code';

const FIRST_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 15 * 60;

/** What begin() counted for one attempt, so that a successful login can take the address's count back. */
export interface LoginAttempt {
  accountKey: string;
  ipKey: string;
  /** The address's lock before and after this attempt was counted (timestamptz as text, exact to the µs). */
  ipLockBefore: string | null;
  ipLockAfter: string | null;
}

// Counts failed logins per account and per client address in PostgreSQL (so all replicas agree).
// Past the allowed number, each further failure doubles the lock-out, up to 15 minutes.
//
// An attempt is counted as a failure BEFORE the password is checked, under a row lock: checking the
// lock first and counting after the (slow, ~100 ms) password hash let a burst of parallel requests all
// pass the check before any failure was recorded, so 40 simultaneous guesses were all tried against an
// account allowed 5. A successful login then clears the account and takes its one count off the address.
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Refuses (429) while the account or the address is locked; otherwise counts this attempt as failed. */
  async begin(accountKey: string, ip: string): Promise<LoginAttempt> {
    const acct = `acct:${accountKey}`;
    const ipKey = `ip:${ip}`;
    return this.db.transaction(async (manager) => {
      // Rows exist before they are locked, so concurrent attempts on one account or address queue here
      // and each sees the count of the ones before it. Keys sort 'acct:' < 'ip:': always the same order.
      await manager.query(
        `INSERT INTO login_throttle (key, failures, last_failure_at) SELECT k, 0, now() FROM unnest($1::text[]) AS k ON CONFLICT (key) DO NOTHING`,
        [[acct, ipKey]],
      );
      const rows: { key: string; locked_until: string | null; locked_ms: number | null; locked: boolean }[] = await manager.query(
        `SELECT key, locked_until::text AS locked_until, extract(epoch FROM locked_until)::float8 * 1000 AS locked_ms,
           coalesce(locked_until > now(), false) AS locked
         FROM login_throttle WHERE key = ANY($1) ORDER BY key FOR UPDATE`,
        [[acct, ipKey]],
      );
      const locked = rows.filter((r) => r.locked).map((r) => Number(r.locked_ms));
      if (locked.length) throw throttled(new Date(Math.max(...locked)));
      await this.bump(manager, acct, this.config.login.maxFailuresPerAccount);
      const ipLockAfter = await this.bump(manager, ipKey, this.config.login.maxFailuresPerIp);
      return { accountKey, ipKey, ipLockBefore: rows.find((r) => r.key === ipKey)?.locked_until ?? null, ipLockAfter };
    });
  }

  /** The password was right: the account starts afresh and the address's count of this attempt is taken back. */
  async recordSuccess(attempt: LoginAttempt): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE key = $1`, [`acct:${attempt.accountKey}`]);
    // A lock this very attempt set is undone (a right password must not lock an office's shared address);
    // a lock set meanwhile by other failures stays.
    await this.db.query(
      `UPDATE login_throttle SET failures = greatest(failures - 1, 0),
         locked_until = CASE WHEN locked_until IS NOT DISTINCT FROM $2::timestamptz THEN $3::timestamptz ELSE locked_until END
       WHERE key = $1`,
      [attempt.ipKey, attempt.ipLockAfter, attempt.ipLockBefore],
    );
    await this.db.query(`DELETE FROM login_throttle WHERE key = $1 AND failures = 0 AND (locked_until IS NULL OR locked_until <= now())`, [attempt.ipKey]);
  }

  /** Counts one failure; returns the row's lock after it (as text). */
  private async bump(manager: EntityManager, key: string, allowed: number): Promise<string | null> {
    // Failures older than an hour are forgotten; the lock grows 30 s, 60 s, 120 s … past `allowed`.
    const rows: { locked_until: string | null }[] = await manager.query(
      `INSERT INTO login_throttle AS t (key, failures, last_failure_at, locked_until)
       VALUES ($1, 1, now(), CASE WHEN 1 >= $2 THEN now() + make_interval(secs => $3) END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.last_failure_at < now() - interval '1 hour' THEN 1 ELSE t.failures + 1 END,
         last_failure_at = now(),
         locked_until = CASE
           WHEN (CASE WHEN t.last_failure_at < now() - interval '1 hour' THEN 1 ELSE t.failures + 1 END) >= $2
           THEN now() + make_interval(secs => least($4::float8, $3 * power(2, greatest(0, t.failures + 1 - $2))))
         END
       RETURNING locked_until::text AS locked_until`,
      [key, allowed, FIRST_LOCK_SECONDS, MAX_LOCK_SECONDS],
    );
    return rows[0]?.locked_until ?? null;
  }
}

function throttled(until: Date): DomainException {
  const seconds = Math.max(1, Math.ceil((new Date(until).getTime() - Date.now()) / 1000));
  return new DomainException(
    AuthErrorCode.LOGIN_THROTTLED,
    {
      vi: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${seconds} giây`,
      en: `Too many failed logins. Try again in ${seconds} seconds`,
    },
    undefined,
    { 'retry-after': String(seconds) },
  );
}
