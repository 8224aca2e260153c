import { DataSource } from 'typeorm';
import { servedRoutes } from '../utils/routes';
import { bearer, TestApp } from '../utils/test-app';

describe('platform: errors, OpenAPI, headers, health', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start({ CORS_ORIGINS: 'https://app.nguon.test' });
    admin = await t.adminToken();
  });
  afterAll(async () => t?.stop());

  it('answers unknown routes and malformed JSON with the common error body', async () => {
    const route = await t.http().get('/no/such/route');
    expect(route.status).toBe(404);
    expect(route.body).toEqual({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: 'Không có đường dẫn này', requestId: expect.any(String) });
    const json = await t.http().post('/auth/login').set('content-type', 'application/json').send('{"login": "a@b.vn", ');
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST', requestId: expect.any(String) });
    const uuid = await t.http().get('/cooperatives/not-a-uuid').set(bearer(admin));
    expect(uuid.body).toMatchObject({ statusCode: 400, details: [{ field: 'id', message: 'id phải là UUID hợp lệ' }] });
  });

  it('keeps a sane incoming request id and makes one otherwise', async () => {
    const kept = await t.http().get('/health/live').set('x-request-id', 'lb-abc123456');
    expect(kept.headers['x-request-id']).toBe('lb-abc123456');
    const replaced = await t.http().get('/health/live').set('x-request-id', 'bad id <script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never leaks internals in a 500', async () => {
    const fresh = await TestApp.start();
    try {
      const token = await fresh.adminToken();
      await fresh.app.get(DataSource).query('ALTER TABLE cooperative RENAME COLUMN street TO street_gone');
      const res = await fresh.http().get('/cooperatives').set(bearer(token));
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ statusCode: 500, code: 'INTERNAL', message: 'Lỗi hệ thống, vui lòng thử lại sau', requestId: expect.any(String) });
      expect(JSON.stringify(res.body)).not.toMatch(/street|column|SELECT|QueryFailed/i);
    } finally {
      await fresh.stop();
    }
  });

  it('sets security headers and CORS for configured origins only', async () => {
    const res = await t.http().get('/health/live').set('origin', 'https://app.nguon.test');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['access-control-allow-origin']).toBe('https://app.nguon.test');
    const other = await t.http().get('/health/live').set('origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('reports readiness from the database', async () => {
    expect((await t.http().get('/health/live')).body).toEqual({ status: 'ok' });
    expect((await t.http().get('/health/ready')).body).toEqual({ status: 'ok', database: 'up' });
    const fresh = await TestApp.start();
    try {
      await fresh.app.get(DataSource).destroy();
      const res = await fresh.http().get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await fresh.stop().catch(() => undefined);
    }
  });

  describe('OpenAPI', () => {
    let doc: { paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>; components: { schemas: Record<string, { properties?: Record<string, { description?: string }> }> } };
    beforeAll(async () => {
      const res = await t.http().get('/docs/openapi.json');
      expect(res.status).toBe(200);
      doc = res.body;
    });

    it('documents every route the app serves', () => {
      const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
      const served = servedRoutes(t.app).filter((r) => !r.includes(' /docs'));
      expect(served.length).toBeGreaterThanOrEqual(21);
      expect(served.filter((r) => !documented.includes(r))).toEqual([]);
    });

    it('documents DTO fields and the error body on every operation', () => {
      const create = doc.components.schemas.CreateCooperativeDto;
      expect(Object.keys(create.properties!)).toEqual(expect.arrayContaining(['name', 'taxCode', 'address', 'gln']));
      expect(create.properties!.taxCode.description).toContain('Mã số thuế');
      expect(doc.components.schemas.ErrorBody).toBeDefined();
      for (const ops of Object.values(doc.paths)) {
        for (const op of Object.values(ops)) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '404', '500']));
      }
    });

    it('serves the interactive UI', async () => {
      const res = await t.http().get('/docs');
      expect(res.status).toBe(200);
      expect(res.text).toContain('swagger');
    });
  });
});
