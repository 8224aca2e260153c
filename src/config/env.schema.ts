import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// Every environment variable the service reads. The description strings feed docs/operations.md and
// the README table, so keep them short and in English + Vietnamese where a person reads them.
export class EnvSchema {
  /** HTTP port. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  PORT: number = 3000;

  /** Interface to listen on. */
  @IsOptional() @IsString()
  HOST: string = '0.0.0.0';

  /** Your PostgreSQL, `postgres://user:pass@host:5432/db`. Unset: an embedded PostgreSQL is started under DATA_DIR (demo and single-machine use). */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must look like postgres://user:pass@host:5432/db' })
  DATABASE_URL?: string;

  /** Port of the embedded PostgreSQL (only without DATABASE_URL). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  EMBEDDED_PG_PORT: number = 54329;

  /** Folder for the embedded database, generated secrets and uploads (uploads/: shared by all replicas). */
  @IsOptional() @IsString()
  DATA_DIR: string = './.data';

  /** Base URL printed in QR codes and links; must be reachable by consumers' phones. Unset: http://localhost:$PORT. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL?: string;

  /** Secret for signing login tokens; the same on every replica. Required with DATABASE_URL; generated and kept in DATA_DIR in embedded mode. */
  @IsOptional() @IsString() @MinLength(32, { message: 'TOKEN_SECRET must be at least 32 characters' })
  TOKEN_SECRET?: string;

  /** Lifetime of a login token in seconds. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(60) @Max(60 * 60 * 24 * 30)
  TOKEN_TTL_SECONDS: number = 60 * 60 * 12;

  /** 32 random bytes in base64 (`openssl rand -base64 32`) encrypting secrets at rest (marketplace credentials, PINs); the same on every replica. Required with DATABASE_URL; generated and kept in DATA_DIR in embedded mode. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'DATA_ENCRYPTION_KEY must be 32 bytes in base64 (44 characters)' })
  DATA_ENCRYPTION_KEY?: string;

  /** Earlier DATA_ENCRYPTION_KEYs, comma-separated, still accepted for reading while secrets are re-sealed (key rotation). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=(,[A-Za-z0-9+/]{43}=)*$/, { message: 'DATA_ENCRYPTION_KEYS_PREVIOUS must be comma-separated 32-byte base64 keys (44 characters each)' })
  DATA_ENCRYPTION_KEYS_PREVIOUS?: string;

  /** pino log level. */
  @IsOptional() @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Comma-separated origins allowed by CORS; empty disables CORS, '*' allows any. */
  @IsOptional() @IsString()
  CORS_ORIGINS: string = '';

  /** Email of the first admin, created once on an empty external database (required then). */
  @IsOptional() @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  /** Password of that first admin; change it after the first login. */
  @IsOptional() @IsString() @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  /** Seed demo data into an empty embedded database. Ignored (always off) with DATABASE_URL. */
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  DEMO_DATA: boolean = true;

  /** Failed logins for one account before it is locked out with back-off. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  LOGIN_MAX_FAILURES: number = 5;

  /** Failed logins from one IP address before it is locked out with back-off. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  LOGIN_MAX_FAILURES_PER_IP: number = 30;

  /** Largest accepted upload in bytes. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1024) @Max(100 * 1024 * 1024)
  UPLOAD_MAX_BYTES: number = 5 * 1024 * 1024;

  /** A diary entry recorded more than this many days after the work is flagged "late" to consumers. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(365)
  DIARY_LATE_AFTER_DAYS: number = 7;

  /** Harvest above expected yield × this factor (per planting area and season) is flagged. */
  @IsOptional() @Type(() => Number) @Min(1) @Max(10)
  HARVEST_YIELD_TOLERANCE: number = 1.2;

  /** A stamp scanned more than this many times shows a counterfeit warning. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  SCAN_WARN_AFTER: number = 10;

  /** Scans of one stamp from two provinces within this many minutes show a warning. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  SCAN_FAR_WINDOW_MINUTES: number = 180;

  /** Days after which a scan's hashed client address and user agent are erased (the scan itself stays for statistics). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(3650)
  SCAN_PERSONAL_DATA_DAYS: number = 90;

  /** Days after which scan-log rows are deleted (default 5 years; traceability records themselves are kept). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(36500)
  SCAN_LOG_RETENTION_DAYS: number = 1825;

  /** Requests per minute per client address on public pages (origin pages, stamp checks). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000000)
  PUBLIC_RATE_LIMIT_PER_MINUTE: number = 120;

  /** Header in which a CDN or reverse proxy passes the client's province code (none by default). */
  @IsOptional() @IsString() @Matches(/^[a-z0-9-]+$/, { message: 'GEO_PROVINCE_HEADER must be a lower-case header name' })
  GEO_PROVINCE_HEADER?: string;

  /** Port of the sandbox marketplace started in demo mode (loopback only). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  SANDBOX_PORT: number = 4010;

  /**
   * Which X-Forwarded-For hops to believe, for per-address limits behind a load balancer: `false`; the
   * number of proxies in front (`1` behind one LB); or their addresses/CIDRs, comma-separated. `true`
   * believes every hop, so a client can pick its own address: only if your edge overwrites the header.
   */
  @IsOptional()
  @Matches(/^(true|false|yes|no|on|off|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/i, {
    message: 'TRUST_PROXY must be true, false, a number of proxies, or comma-separated proxy addresses/CIDRs',
  })
  TRUST_PROXY: string = 'false';

  /** Bearer token Prometheus must send to read /metrics. Unset: /metrics is open (keep it off the public LB). */
  @IsOptional() @IsString() @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** Run database migrations at start-up (under an advisory lock). */
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  MIGRATIONS_RUN: boolean = true;
}
