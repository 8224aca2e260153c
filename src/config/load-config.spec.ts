import 'reflect-metadata';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, validateEnv } from './load-config';

const TOKEN_SECRET = 'x'.repeat(40);
const DATA_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64'); // 44 characters ending in '='
const EXTERNAL = { DATABASE_URL: 'postgres://u:p@db.example:5432/nguon', TOKEN_SECRET, DATA_ENCRYPTION_KEY };

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig / validateEnv', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'nguon-config-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  describe('defaults', () => {
    it('uses port 3000 and a localhost base URL when nothing is set', () => {
      const dir = freshDir();
      const config = loadConfig({ DATA_DIR: dir });
      expect(config.port).toBe(3000);
      expect(config.host).toBe('0.0.0.0');
      expect(config.publicBaseUrl).toBe('http://localhost:3000');
      expect(config.logLevel).toBe('info');
      expect(config.corsOrigins).toBe(false);
      expect(config.tokenTtlSeconds).toBe(43200);
      expect(config.demoData).toBe(true);
      expect(config.migrationsRun).toBe(true);
      expect(config.trustProxy).toBe(false);
      expect(config.login).toEqual({ maxFailuresPerAccount: 5, maxFailuresPerIp: 30 });
      expect(config.uploadMaxBytes).toBe(5 * 1024 * 1024);
      expect(config.admin).toBeUndefined();
      expect(config.dataDir).toBe(dir);
      expect(config.uploadDir).toBe(join(dir, 'uploads'));
      expect(config.database).toMatchObject({ mode: 'embedded', embeddedPort: 54329 });
    });

    it('builds the default base URL from PORT', () => {
      expect(loadConfig({ ...EXTERNAL, PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    });

    it('strips trailing slashes from PUBLIC_BASE_URL', () => {
      expect(loadConfig({ ...EXTERNAL, PUBLIC_BASE_URL: 'https://nguon.example.vn/' }).publicBaseUrl).toBe(
        'https://nguon.example.vn',
      );
      expect(loadConfig({ ...EXTERNAL, PUBLIC_BASE_URL: 'http://192.168.1.10:3000/app//' }).publicBaseUrl).toBe(
        'http://192.168.1.10:3000/app',
      );
    });

    it('converts numeric and boolean variables', () => {
      const parsed = validateEnv({ PORT: '8080', TRUST_PROXY: 'yes', MIGRATIONS_RUN: 'false', LOGIN_MAX_FAILURES: '7' });
      expect(parsed.PORT).toBe(8080);
      expect(parsed.MIGRATIONS_RUN).toBe(false);
      expect(parsed.LOGIN_MAX_FAILURES).toBe(7);
    });
  });

  describe('invalid variables', () => {
    it('reports every bad variable at once', () => {
      const err = configError(() => validateEnv({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' }));
      const all = err.problems.join('\n');
      expect(err.problems.some((p) => p.startsWith('PORT'))).toBe(true);
      expect(err.problems.some((p) => p.startsWith('LOG_LEVEL'))).toBe(true);
      expect(err.problems).toContain('DATABASE_URL must look like postgres://user:pass@host:5432/db');
      expect(err.message).toContain('PORT');
      expect(err.message).toContain('LOG_LEVEL');
      expect(err.message).toContain('DATABASE_URL');
      expect(all).not.toContain('HOST');
    });

    it('loadConfig throws the same ConfigError', () => {
      const err = configError(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' }));
      expect(err.problems.filter((p) => /^(PORT|LOG_LEVEL|DATABASE_URL)/.test(p)).length).toBeGreaterThanOrEqual(3);
    });

    it('rejects out-of-range ports', () => {
      const err = configError(() => validateEnv({ PORT: '70000' }));
      expect(err.problems.join('\n')).toContain('PORT');
    });

    it('requires TOKEN_SECRET and DATA_ENCRYPTION_KEY with DATABASE_URL, naming both', () => {
      const err = configError(() => loadConfig({ DATABASE_URL: EXTERNAL.DATABASE_URL }));
      expect(err.problems).toEqual([
        'TOKEN_SECRET is required when DATABASE_URL is set',
        'DATA_ENCRYPTION_KEY is required when DATABASE_URL is set',
      ]);
    });

    it('requires ADMIN_EMAIL and ADMIN_PASSWORD together with DATABASE_URL', () => {
      const err = configError(() => loadConfig({ ...EXTERNAL, ADMIN_EMAIL: 'admin@example.vn' }));
      expect(err.problems).toEqual(['ADMIN_EMAIL and ADMIN_PASSWORD go together']);
    });

    it('rejects a short TOKEN_SECRET and a malformed DATA_ENCRYPTION_KEY', () => {
      const err = configError(() => validateEnv({ ...EXTERNAL, TOKEN_SECRET: 'short', DATA_ENCRYPTION_KEY: 'abc' }));
      expect(err.problems).toEqual(
        expect.arrayContaining([
          'TOKEN_SECRET must be at least 32 characters',
          'DATA_ENCRYPTION_KEY must be 32 bytes in base64 (44 characters)',
        ]),
      );
    });
  });

  describe('TRUST_PROXY', () => {
    it('believes nothing by default, all hops on yes, a hop count, or the listed proxies', () => {
      expect(loadConfig(EXTERNAL).trustProxy).toBe(false);
      expect(loadConfig({ ...EXTERNAL, TRUST_PROXY: 'yes' }).trustProxy).toBe(true);
      expect(loadConfig({ ...EXTERNAL, TRUST_PROXY: '1' }).trustProxy).toBe(1);
      expect(loadConfig({ ...EXTERNAL, TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.5']);
      const err = configError(() => validateEnv({ ...EXTERNAL, TRUST_PROXY: 'the load balancer' }));
      expect(err.problems).toEqual(['TRUST_PROXY must be true, false, a number of proxies, or comma-separated proxy addresses/CIDRs']);
      // Hex-looking words pass the pattern but are no address.
      const words = configError(() => loadConfig({ ...EXTERNAL, TRUST_PROXY: '10.0.0.1, face, 10.0.0.0/33' }));
      expect(words.problems).toEqual(['TRUST_PROXY: not an IP address or CIDR: face, 10.0.0.0/33']);
    });
  });

  describe('retention and key rotation', () => {
    it('refuses a scan-log retention shorter than the personal-data period', () => {
      const err = configError(() => loadConfig({ ...EXTERNAL, SCAN_PERSONAL_DATA_DAYS: '90', SCAN_LOG_RETENTION_DAYS: '30' }));
      expect(err.problems).toEqual(['SCAN_LOG_RETENTION_DAYS must not be shorter than SCAN_PERSONAL_DATA_DAYS']);
    });

    it('reads previous encryption keys, and names the variable when one is malformed', () => {
      const older = Buffer.alloc(32, 1).toString('base64');
      const oldest = Buffer.alloc(32, 2).toString('base64');
      const config = loadConfig({ ...EXTERNAL, DATA_ENCRYPTION_KEYS_PREVIOUS: `${older},${oldest}` });
      expect(config.previousDataEncryptionKeys.map((k) => k[0])).toEqual([1, 2]);
      expect(loadConfig(EXTERNAL).previousDataEncryptionKeys).toEqual([]);
      const err = configError(() => validateEnv({ ...EXTERNAL, DATA_ENCRYPTION_KEYS_PREVIOUS: `${older},nope` }));
      expect(err.problems).toEqual(['DATA_ENCRYPTION_KEYS_PREVIOUS must be comma-separated 32-byte base64 keys (44 characters each)']);
    });
  });

  describe('external database', () => {
    it('uses the given secrets and never enables demo data', () => {
      const config = loadConfig({ ...EXTERNAL, DEMO_DATA: 'true', ADMIN_EMAIL: 'Admin@Example.VN', ADMIN_PASSWORD: 'a-long-password' });
      expect(config.database).toEqual({ mode: 'external', url: EXTERNAL.DATABASE_URL });
      expect(config.demoData).toBe(false);
      expect(config.tokenSecret).toBe(TOKEN_SECRET);
      expect(config.dataEncryptionKey.equals(Buffer.alloc(32, 7))).toBe(true);
      expect(config.admin).toEqual({ email: 'admin@example.vn', password: 'a-long-password' });
    });
  });

  describe('embedded mode', () => {
    it('generates secrets once in DATA_DIR/secrets.json and reuses them after a restart', () => {
      const dir = freshDir();
      const first = loadConfig({ DATA_DIR: dir });
      const file = join(dir, 'secrets.json');
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o077).toBe(0);
      const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      expect(stored.tokenSecret).toBe(first.tokenSecret);
      expect(Buffer.from(stored.dataEncryptionKey, 'base64').equals(first.dataEncryptionKey)).toBe(true);
      expect(first.dataEncryptionKey).toHaveLength(32);
      expect(first.tokenSecret.length).toBeGreaterThanOrEqual(32);
      expect(first.database.url).toBe(`postgres://postgres:${stored.postgresPassword}@127.0.0.1:54329/nguon`);

      const second = loadConfig({ DATA_DIR: dir });
      expect(second.tokenSecret).toBe(first.tokenSecret);
      expect(second.dataEncryptionKey.equals(first.dataEncryptionKey)).toBe(true);
      expect(second.database.url).toBe(first.database.url);
    });

    it('generates different secrets for different data directories', () => {
      const a = loadConfig({ DATA_DIR: freshDir() });
      const b = loadConfig({ DATA_DIR: freshDir() });
      expect(a.tokenSecret).not.toBe(b.tokenSecret);
      expect(a.dataEncryptionKey.equals(b.dataEncryptionKey)).toBe(false);
    });

    it('creates a DATA_DIR that does not exist yet', () => {
      const dir = join(freshDir(), 'nested', 'data');
      loadConfig({ DATA_DIR: dir });
      expect(existsSync(join(dir, 'secrets.json'))).toBe(true);
    });

    it('honours DEMO_DATA=false', () => {
      expect(loadConfig({ DATA_DIR: freshDir(), DEMO_DATA: 'false' }).demoData).toBe(false);
    });
  });

  describe('CORS_ORIGINS', () => {
    const cors = (value: string | undefined) => loadConfig({ ...EXTERNAL, CORS_ORIGINS: value }).corsOrigins;

    it('is off when empty or unset', () => {
      expect(cors('')).toBe(false);
      expect(cors(undefined)).toBe(false);
      expect(cors('   ')).toBe(false);
    });

    it("allows any origin with '*'", () => {
      expect(cors('*')).toBe(true);
    });

    it('splits a comma-separated list and trims it', () => {
      expect(cors('a, b')).toEqual(['a', 'b']);
      expect(cors('https://shop.example.vn,, https://admin.example.vn ')).toEqual([
        'https://shop.example.vn',
        'https://admin.example.vn',
      ]);
    });
  });

  describe('empty strings mean unset', () => {
    it('treats empty values like missing ones', () => {
      const parsed = validateEnv({ PORT: '', LOG_LEVEL: '', DATABASE_URL: '', PUBLIC_BASE_URL: '', DEMO_DATA: '' });
      expect(parsed.PORT).toBe(3000);
      expect(parsed.LOG_LEVEL).toBe('info');
      expect(parsed.DATABASE_URL).toBeUndefined();
      expect(parsed.PUBLIC_BASE_URL).toBeUndefined();
      expect(parsed.DEMO_DATA).toBe(true);
    });

    it('an empty DATABASE_URL selects embedded mode', () => {
      const config = loadConfig({ DATABASE_URL: '', DATA_DIR: freshDir(), PORT: '' });
      expect(config.database.mode).toBe('embedded');
      expect(config.port).toBe(3000);
      expect(config.publicBaseUrl).toBe('http://localhost:3000');
    });

    it('an empty TOKEN_SECRET counts as missing with DATABASE_URL', () => {
      const err = configError(() => loadConfig({ ...EXTERNAL, TOKEN_SECRET: '' }));
      expect(err.problems).toEqual(['TOKEN_SECRET is required when DATABASE_URL is set']);
    });
  });
});
