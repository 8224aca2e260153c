import type { LogLevel } from './env.schema';

// The typed, validated configuration handed to every part of the service. Built once by loadConfig().
export class AppConfig {
  port!: number;
  host!: string;
  publicBaseUrl!: string;
  database!: { mode: 'embedded'; url: string; embeddedPort: number } | { mode: 'external'; url: string };
  dataDir!: string;
  uploadDir!: string;
  tokenSecret!: string;
  tokenTtlSeconds!: number;
  dataEncryptionKey!: Buffer;
  /** Retired keys, newest first: secrets sealed (or PINs hashed) with them still open until re-sealed. */
  previousDataEncryptionKeys!: Buffer[];
  logLevel!: LogLevel;
  corsOrigins!: string[] | true | false;
  admin?: { email: string; password: string };
  demoData!: boolean;
  login!: { maxFailuresPerAccount: number; maxFailuresPerIp: number };
  uploadMaxBytes!: number;
  migrationsRun!: boolean;
  /** Fastify's trustProxy: all hops, none, a hop count, or the proxies' addresses/CIDRs. */
  trustProxy!: boolean | number | string[];
  diaryLateAfterDays!: number;
  harvestYieldTolerance!: number;
  scans!: { warnAfter: number; farWindowMinutes: number; provinceHeader: string | null; personalDataDays: number; retentionDays: number };
  publicRateLimitPerMinute!: number;
  /** Bearer token required by /metrics; null leaves it open. */
  metricsToken!: string | null;
  /** Demo mode only: where the in-process sandbox marketplace listens. */
  sandboxPort!: number;
}
