import { DataSource } from 'typeorm';
import { FirstRunError, FirstRunService } from '../../src/bootstrap/first-run.service';
import { DEMO_PASSWORD } from '../../src/bootstrap/demo-data';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/load-config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { migrateDatabase } from '../../src/database/migrate';
import { MIGRATIONS } from '../../migrations';
import { createEmptyDatabase, dropTestDatabase } from '../utils/test-db';
import { bearer, TestApp } from '../utils/test-app';

const tables = async (ds: DataSource) =>
  (await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map(
    (r: { table_name: string }) => r.table_name,
  );

describe('database: migrations and first run', () => {
  it('migrates up, all the way down, and up again', async () => {
    const url = await createEmptyDatabase();
    const ds = await new DataSource(dataSourceOptions(url)).initialize();
    try {
      expect(await migrateDatabase(url)).toHaveLength(MIGRATIONS.length);
      expect(await tables(ds)).toEqual(expect.arrayContaining(['api_token', 'app_user', 'cooperative', 'login_throttle', 'typeorm_migrations']));
      expect(await migrateDatabase(url)).toEqual([]);
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables(ds)).toEqual(['typeorm_migrations']);
      expect(await migrateDatabase(url)).toHaveLength(MIGRATIONS.length);
      expect(await tables(ds)).toContain('cooperative');
    } finally {
      await ds.destroy();
      await dropTestDatabase(url);
    }
  });

  it('runs each migration once when several replicas start together (advisory lock)', async () => {
    const url = await createEmptyDatabase();
    try {
      const results = await Promise.all([migrateDatabase(url), migrateDatabase(url), migrateDatabase(url)]);
      expect(results.map((r) => r.length).sort()).toEqual([0, 0, MIGRATIONS.length]);
    } finally {
      await dropTestDatabase(url);
    }
  });

  const externalEnv = (url: string, extra: Record<string, string> = {}) => ({
    DATABASE_URL: url,
    TOKEN_SECRET: 'x'.repeat(40),
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'true',
    ...extra,
  });

  it('refuses to start an empty external database without ADMIN_EMAIL/ADMIN_PASSWORD, and never seeds demo data there', async () => {
    const url = await createEmptyDatabase();
    const app = await createApp(loadConfig(externalEnv(url)));
    try {
      await expect(app.get(FirstRunService).run()).rejects.toThrow(FirstRunError);
      await expect(app.get(FirstRunService).run()).rejects.toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD/);
      expect(await app.get(DataSource).query('SELECT count(*)::int AS n FROM cooperative')).toEqual([{ n: 0 }]);
    } finally {
      await app.close();
      await dropTestDatabase(url);
    }
  });

  it('creates the first admin once, even when replicas start together', async () => {
    const url = await createEmptyDatabase();
    const config = loadConfig(externalEnv(url, { ADMIN_EMAIL: 'Root@Province.gov.vn', ADMIN_PASSWORD: 'a-strong-password' }));
    const [a, b] = [await createApp(config), await createApp(config)];
    try {
      const outcomes = await Promise.all([a.get(FirstRunService).run(), b.get(FirstRunService).run()]);
      expect(outcomes.sort()).toEqual(['admin-created', 'existing']);
      const users = await a.get(DataSource).query('SELECT email, role FROM app_user');
      expect(users).toEqual([{ email: 'root@province.gov.vn', role: 'admin' }]);
    } finally {
      await a.close();
      await b.close();
      await dropTestDatabase(url);
    }
  });

  it('seeds the demo world from the source articles (embedded mode)', async () => {
    const t = await TestApp.start({}, (config) => (config.demoData = true));
    try {
      const officer = await t.login('canbo@nguon.demo', DEMO_PASSWORD);
      const res = await t.http().get('/cooperatives?sort=name').set(bearer(officer));
      const byName = Object.fromEntries(res.body.items.map((c: { name: string; address: { fullText: string } }) => [c.name, c.address.fullText]));
      expect(byName['Hợp tác xã Tân Minh Đức']).toBe('Thôn Phạm Trấn, Xã Trường Tân, Thành phố Hải Phòng');
      expect(byName['Hợp tác xã Dịch vụ Nông nghiệp Vũ Bản']).toBe('Thôn 1, Xã Bình Giang, Tỉnh Ninh Bình');
      expect(byName['Hợp tác xã Nông nghiệp Xuân Giang']).toBe('Xã Thọ Xuân, Tỉnh Thanh Hóa');
      // The staff member logs in with a phone number, as many cooperative staff would.
      const staff = await t.http().post('/auth/login').send({ login: '0987 654 321', password: DEMO_PASSWORD });
      expect(staff.body.user).toMatchObject({ role: 'cooperative_staff', fullName: 'Nguyễn Thị Hệ' });
      const own = await t.http().get('/cooperatives').set(bearer(staff.body.accessToken));
      expect(own.body.items.map((c: { name: string }) => c.name)).toEqual(['Hợp tác xã Tân Minh Đức']);

      // The registry: planting areas with active codes, OCOP products, a season's diary, closed batches.
      const areas = (await t.http().get('/planting-areas?pageSize=100').set(bearer(officer))).body.items;
      expect(areas.map((a: { name: string }) => a.name).sort()).toEqual(
        ['Cánh đồng lúa chất lượng cao Vũ Bản', 'Nhà lưới số 2 – dưa chuột', 'Nhà màng số 1 – cải bắp', 'Vùng bưởi thôn 1', 'Vườn chuối ngự'].sort(),
      );
      const cabbageArea = areas.find((a: { name: string }) => a.name === 'Nhà màng số 1 – cải bắp');
      const codes = (await t.http().get(`/planting-areas/${cabbageArea.id}/codes`).set(bearer(officer))).body.items;
      expect(codes).toEqual([expect.objectContaining({ code: 'VN-30-297-11053-01-23', status: 'active' })]);
      const products = (await t.http().get('/products?pageSize=100').set(bearer(officer))).body.items;
      expect(products).toHaveLength(5);
      const cabbage = products.find((p: { nameVi: string }) => p.nameVi === 'Cải bắp VietGAP Tân Minh Đức');
      const ocop = (await t.http().get(`/products/${cabbage.id}/ocop-certifications`).set(bearer(officer))).body;
      expect(ocop[0]).toMatchObject({ stars: 3, status: 'valid' });
      const batches = (await t.http().get('/batches?pageSize=100').set(bearer(officer))).body.items;
      expect(batches).toHaveLength(5);
      expect(batches.every((b: { status: string }) => b.status === 'closed')).toBe(true);
      const events = (await t.http().get(`/batches/${batches[0].id}/trace-events`).set(bearer(officer))).body;
      expect(events.map((e: { step: string }) => e.step)).toEqual(['harvesting', 'packing', 'shipping']);
      const certs = (await t.http().get(`/certifications?subjectId=${cabbageArea.id}`).set(bearer(officer))).body.items;
      expect(certs).toEqual([expect.objectContaining({ scheme: 'VietGAP', status: 'valid' })]);
    } finally {
      await t.stop();
    }
  });
});
