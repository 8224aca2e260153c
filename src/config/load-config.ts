import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig } from './app-config';
import { EnvSchema } from './env.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

interface EmbeddedSecrets {
  tokenSecret: string;
  dataEncryptionKey: string;
  postgresPassword: string;
}

// The only place that reads process.env. Everything else receives an AppConfig.
export function loadConfig(env: Env = process.env): AppConfig {
  const parsed = validateEnv(env);
  const dataDir = resolve(parsed.DATA_DIR);
  const external = parsed.DATABASE_URL;
  const problems: string[] = [];
  if (external) {
    if (!parsed.TOKEN_SECRET) problems.push('TOKEN_SECRET is required when DATABASE_URL is set');
    if (!parsed.DATA_ENCRYPTION_KEY) problems.push('DATA_ENCRYPTION_KEY is required when DATABASE_URL is set');
    if (!!parsed.ADMIN_EMAIL !== !!parsed.ADMIN_PASSWORD) problems.push('ADMIN_EMAIL and ADMIN_PASSWORD go together');
  }
  const proxies = parseTrustProxy(parsed.TRUST_PROXY);
  const badProxies = Array.isArray(proxies) ? proxies.filter((p) => !isAddressOrCidr(p)) : [];
  if (badProxies.length) problems.push(`TRUST_PROXY: not an IP address or CIDR: ${badProxies.join(', ')}`);
  if (parsed.SCAN_LOG_RETENTION_DAYS < parsed.SCAN_PERSONAL_DATA_DAYS) problems.push('SCAN_LOG_RETENTION_DAYS must not be shorter than SCAN_PERSONAL_DATA_DAYS');
  if (problems.length) throw new ConfigError(problems);

  const secrets = external ? undefined : loadOrCreateEmbeddedSecrets(dataDir);
  const config = new AppConfig();
  config.port = parsed.PORT;
  config.host = parsed.HOST;
  config.publicBaseUrl = (parsed.PUBLIC_BASE_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, '');
  config.database = external
    ? { mode: 'external', url: external }
    : {
        mode: 'embedded',
        embeddedPort: parsed.EMBEDDED_PG_PORT,
        url: `postgres://postgres:${secrets!.postgresPassword}@127.0.0.1:${parsed.EMBEDDED_PG_PORT}/nguon`,
      };
  config.dataDir = dataDir;
  config.uploadDir = join(dataDir, 'uploads');
  config.tokenSecret = parsed.TOKEN_SECRET ?? secrets!.tokenSecret;
  config.tokenTtlSeconds = parsed.TOKEN_TTL_SECONDS;
  config.dataEncryptionKey = Buffer.from(parsed.DATA_ENCRYPTION_KEY ?? secrets!.dataEncryptionKey, 'base64');
  config.previousDataEncryptionKeys = (parsed.DATA_ENCRYPTION_KEYS_PREVIOUS ?? '').split(',').filter(Boolean).map((k) => Buffer.from(k, 'base64'));
  config.logLevel = parsed.LOG_LEVEL;
  config.corsOrigins = parseCors(parsed.CORS_ORIGINS);
  config.admin =
    parsed.ADMIN_EMAIL && parsed.ADMIN_PASSWORD
      ? { email: parsed.ADMIN_EMAIL.toLowerCase(), password: parsed.ADMIN_PASSWORD }
      : undefined;
  // Demo data and its well-known passwords never touch a database someone else runs.
  config.demoData = !external && parsed.DEMO_DATA;
  config.login = {
    maxFailuresPerAccount: parsed.LOGIN_MAX_FAILURES,
    maxFailuresPerIp: parsed.LOGIN_MAX_FAILURES_PER_IP,
  };
  config.uploadMaxBytes = parsed.UPLOAD_MAX_BYTES;
  config.migrationsRun = parsed.MIGRATIONS_RUN;
  config.trustProxy = proxies;
  config.diaryLateAfterDays = parsed.DIARY_LATE_AFTER_DAYS;
  config.harvestYieldTolerance = parsed.HARVEST_YIELD_TOLERANCE;
  config.scans = {
    warnAfter: parsed.SCAN_WARN_AFTER,
    farWindowMinutes: parsed.SCAN_FAR_WINDOW_MINUTES,
    provinceHeader: parsed.GEO_PROVINCE_HEADER ?? null,
    personalDataDays: parsed.SCAN_PERSONAL_DATA_DAYS,
    retentionDays: parsed.SCAN_LOG_RETENTION_DAYS,
  };
  config.publicRateLimitPerMinute = parsed.PUBLIC_RATE_LIMIT_PER_MINUTE;
  config.metricsToken = parsed.METRICS_TOKEN ?? null;
  config.sandboxPort = parsed.SANDBOX_PORT;
  return config;
}

export function validateEnv(env: Env): EnvSchema {
  // Empty strings mean "unset" so that `FOO= npm start` behaves like leaving FOO out.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = plainToInstance(EnvSchema, present, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { whitelist: false });
  if (errors.length) throw new ConfigError(errors.flatMap(describe));
  return parsed;
}

function describe(error: ValidationError): string[] {
  return Object.values(error.constraints ?? {}).map((m) =>
    m.startsWith(error.property) ? m : `${error.property}: ${m}`,
  );
}

function parseCors(value: string): string[] | true | false {
  const trimmed = value.trim();
  if (!trimmed) return false;
  if (trimmed === '*') return true;
  return trimmed.split(',').map((o) => o.trim()).filter(Boolean);
}

// Embedded mode keeps its generated secrets beside the database, so a restart keeps login tokens and
// encrypted data valid. The file is readable by the owner only.
function loadOrCreateEmbeddedSecrets(dataDir: string): EmbeddedSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as EmbeddedSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: EmbeddedSecrets = {
    tokenSecret: randomBytes(48).toString('base64url'),
    dataEncryptionKey: randomBytes(32).toString('base64'),
    postgresPassword: randomBytes(18).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function parseTrustProxy(value: string): boolean | number | string[] {
  const v = value.trim().toLowerCase();
  if (['true', 'yes', 'on'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((a) => a.trim());
}

function isAddressOrCidr(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}
