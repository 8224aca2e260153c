import { mkdtempSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { FileStorage } from '../../src/storage/file-storage';
import { tinyPng } from '../utils/images';
import { bearer, TestApp } from '../utils/test-app';
import { makeCooperative } from '../utils/world';
import { SmallDisk } from './small-disk';

// The "fill the disk of the upload folder": a clear 507 that names the situation, nothing
// half-written (no partial or orphan file, no row pointing at a missing file), and the same upload
// succeeding once space is freed. The upload folder is a 1 MiB tmpfs when the test may mount one
// (root); otherwise the writes are charged against a simulated free space (see SmallDisk).
describe('faults: the upload folder runs out of space', () => {
  let t: TestApp;
  let disk: SmallDisk;
  let admin: string;
  let db: DataSource;

  beforeAll(async () => {
    disk = SmallDisk.mount(mkdtempSync(join(tmpdir(), 'nguon-small-disk-')));
    t = await TestApp.start({}, (config) => {
      config.uploadDir = disk.dir;
    });
    admin = await t.adminToken();
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.stop();
    disk?.release();
  });
  afterEach(() => disk.free());

  const photo = () => sharp({ create: { width: 900, height: 700, channels: 3, background: '#3a7d2c' } }).jpeg().toBuffer();
  const makeProduct = async (coopId: string) => {
    const res = await t
      .http()
      .post(`/cooperatives/${coopId}/products`)
      .set(bearer(admin))
      .send({ nameVi: 'Vải thiều', category: 'Trái cây', unitOfSale: 'hộp', netContent: 1, netContentUnit: 'KGM' });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const uploadImage = (productId: string, file: Buffer, lang = 'vi') =>
    t.http().post(`/products/${productId}/images`).set(bearer(admin)).set('accept-language', lang).attach('file', file, 'photo.jpg');
  const uploadLogo = (coopId: string, file: Buffer, lang = 'vi') =>
    t.http().put(`/cooperatives/${coopId}/logo`).set(bearer(admin)).set('accept-language', lang).attach('file', file, 'logo.jpg');
  const imageRows = async (productId: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM product_image WHERE product_id = $1`, [productId]))[0].n as number;
  const logoVersion = async (coopId: string) =>
    (await db.query(`SELECT logo_version FROM cooperative WHERE id = $1`, [coopId]))[0].logo_version as string | null;

  const expectStorageFull = (res: { status: number; body: Record<string, unknown>; headers: Record<string, string> }, lang: 'vi' | 'en') => {
    expect(res.status).toBe(507);
    expect(res.body).toEqual({ statusCode: 507, code: 'STORAGE_FAILED', message: expect.any(String), requestId: expect.any(String) });
    expect(res.body.message).toMatch(lang === 'vi' ? /^Hết dung lượng lưu trữ/ : /^Storage full/);
    expect(res.body.message).not.toMatch(/\/|ENOSPC|Error:/); // no paths or internals
  };

  it(`uses a real small disk where it can (${process.getuid?.() === 0 ? 'root: tmpfs expected' : 'not root: simulated'})`, () => {
    expect(['tmpfs', 'simulated']).toContain(disk.kind);
    if (process.getuid?.() === 0 && !process.env.NGUON_FAULTS_SIMULATE_DISK) expect(disk.kind).toBe('tmpfs');
  });

  it('a product image on a full disk: 507 "storage full" in both languages, no row, no file; then the same upload succeeds', async () => {
    const coop = await makeCooperative(t, admin);
    const product = await makeProduct(coop.id);
    const file = await photo();
    disk.fill();

    expectStorageFull(await uploadImage(product.id, file, 'vi'), 'vi');
    expectStorageFull(await uploadImage(product.id, file, 'en'), 'en');
    expect(await imageRows(product.id)).toBe(0);
    expect((await t.http().get(`/products/${product.id}`).set(bearer(admin))).body.images).toEqual([]);
    expect(disk.files()).toEqual([]);

    disk.free();
    const ok = await uploadImage(product.id, file);
    expect(ok.status).toBe(201);
    expect(ok.body.images).toHaveLength(1);
    for (const url of Object.values(ok.body.images[0].urls as Record<string, string>)) {
      const img = await t.http().get(new URL(url).pathname);
      expect(img.status).toBe(200);
      expect(img.headers['content-type']).toBe('image/webp');
    }
    const files = disk.files();
    expect(files).toHaveLength(3);
    expect(files.every((f) => f.startsWith(`products/${product.id}/images/${ok.body.images[0].id}-`) && f.endsWith('.webp') && disk.sizeOf(f) > 0)).toBe(true);
  });

  it('a product image when the disk fills up between two sizes: nothing of that upload is left', async () => {
    const coop = await makeCooperative(t, admin);
    const product = await makeProduct(coop.id);
    const before = disk.files();
    disk.leave(4096); // room for the small size only

    expectStorageFull(await uploadImage(product.id, await photo()), 'vi');
    expect(await imageRows(product.id)).toBe(0);
    expect(disk.files()).toEqual(before);
  });

  it('a cooperative logo on a full disk: 507, the old logo stays and is still served; then the new one replaces it', async () => {
    const coop = await makeCooperative(t, admin);
    const first = await uploadLogo(coop.id, tinyPng());
    expect(first.status).toBe(200);
    const oldVersion = await logoVersion(coop.id);
    const oldFiles = disk.files().filter((f) => f.startsWith(`cooperatives/${coop.id}/`));
    expect(oldFiles).toHaveLength(3);

    disk.fill();
    expectStorageFull(await uploadLogo(coop.id, await photo(), 'vi'), 'vi');
    disk.leave(4096);
    expectStorageFull(await uploadLogo(coop.id, await photo(), 'en'), 'en');
    expect(await logoVersion(coop.id)).toBe(oldVersion);
    expect(disk.files().filter((f) => f.startsWith(`cooperatives/${coop.id}/`))).toEqual(oldFiles);
    const still = await t.http().get(new URL(first.body.logo.large).pathname);
    expect(still.status).toBe(200);

    disk.free();
    const second = await uploadLogo(coop.id, await photo());
    expect(second.status).toBe(200);
    const newVersion = await logoVersion(coop.id);
    expect(newVersion).not.toBe(oldVersion);
    const now = disk.files().filter((f) => f.startsWith(`cooperatives/${coop.id}/`));
    expect(now).toHaveLength(3);
    expect(now.every((f) => f.startsWith(`cooperatives/${coop.id}/logo/${newVersion}-`))).toBe(true);
  });

  it('no temporary file survives: a failed write removes its own, and start-up sweeps those of a crashed process', async () => {
    expect(disk.files().filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const dir = join(disk.dir, 'products', 'crashed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a-large.webp.0123456789ab.tmp'), 'half');
    writeFileSync(join(dir, 'b-large.webp.0123456789ab.tmp'), 'being written right now');
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(dir, 'a-large.webp.0123456789ab.tmp'), hourAgo, hourAgo);
    expect(await t.app.get(FileStorage).removeStaleTemporaryFiles()).toBe(1);
    expect(disk.files().filter((f) => f.startsWith('products/crashed/'))).toEqual(['products/crashed/b-large.webp.0123456789ab.tmp']);
  });
});
