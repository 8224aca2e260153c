import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp, CreateAppOptions } from '../../src/app.factory';
import { FirstRunService } from '../../src/bootstrap/first-run.service';
import { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { createTestDatabase, dropTestDatabase } from './test-db';

export const TEST_ADMIN = { email: 'admin@test.vn', password: 'admin-password-1' };
export const TEST_PASSWORD = 'test-password-1';

/** The real application on its own real database, driven over HTTP with supertest. */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    readonly databaseUrl: string,
  ) {}

  static async start(env: Record<string, string> = {}, adjust?: (config: AppConfig) => void, options: CreateAppOptions = {}): Promise<TestApp> {
    const databaseUrl = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: databaseUrl,
      TOKEN_SECRET: 'test-token-secret-that-is-long-enough-0123456789',
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'nguon-test-data-')),
      PUBLIC_BASE_URL: 'https://nguon.test',
      LOG_LEVEL: 'silent',
      ...env,
    });
    adjust?.(config);
    const app = await createApp(config, options);
    await app.get(FirstRunService).run();
    return new TestApp(app, config, databaseUrl);
  }

  /** Another replica of the application: same configuration, same database. The caller closes it. */
  peer(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
    return createApp(this.config, options);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async login(login: string, password = TEST_PASSWORD): Promise<string> {
    const res = await this.http().post('/auth/login').send({ login, password });
    if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }

  adminToken(): Promise<string> {
    return this.login(TEST_ADMIN.email, TEST_ADMIN.password);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await dropTestDatabase(this.databaseUrl);
    rmSync(this.config.dataDir, { recursive: true, force: true });
  }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
