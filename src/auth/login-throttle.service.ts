import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DomainException } from '../common/errors/domain.exception';
import { AuthErrorCode } from './auth-error-code';

const FIRST_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 15 * 60;

// Counts failed logins per account and per client address in PostgreSQL (so all replicas agree).
// Past the allowed number, each further failure doubles the lock-out, up to 15 minutes.
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async assertAllowed(accountKey: string, ip: string): Promise<void> {
    const rows: { locked_until: Date }[] = await this.db.query(
      `SELECT locked_until FROM login_throttle WHERE key = ANY($1) AND locked_until > now() ORDER BY locked_until DESC LIMIT 1`,
      [[`acct:${accountKey}`, `ip:${ip}`]],
    );
    if (rows.length) throw throttled(rows[0].locked_until);
  }

  async recordFailure(accountKey: string, ip: string): Promise<void> {
    await this.bump(`acct:${accountKey}`, this.config.login.maxFailuresPerAccount);
    await this.bump(`ip:${ip}`, this.config.login.maxFailuresPerIp);
  }

  async recordSuccess(accountKey: string): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE key = $1`, [`acct:${accountKey}`]);
  }

  private async bump(key: string, allowed: number): Promise<void> {
    // Failures older than an hour are forgotten; the lock grows 30 s, 60 s, 120 s … past `allowed`.
    await this.db.query(
      `INSERT INTO login_throttle AS t (key, failures, last_failure_at, locked_until)
       VALUES ($1, 1, now(), CASE WHEN 1 >= $2 THEN now() + make_interval(secs => $3) END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.last_failure_at < now() - interval '1 hour' THEN 1 ELSE t.failures + 1 END,
         last_failure_at = now(),
         locked_until = CASE
           WHEN (CASE WHEN t.last_failure_at < now() - interval '1 hour' THEN 1 ELSE t.failures + 1 END) >= $2
           THEN now() + make_interval(secs => least($4::float8, $3 * power(2, greatest(0, t.failures + 1 - $2))))
         END`,
      [key, allowed, FIRST_LOCK_SECONDS, MAX_LOCK_SECONDS],
    );
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
