import sharp from 'sharp';
import { bearer, TestApp } from '../utils/test-app';
import { fakePng, tinyPng } from '../utils/images';
import { makeCooperative } from '../utils/world';

describe('cooperatives', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start({ UPLOAD_MAX_BYTES: String(200 * 1024) });
    admin = await t.adminToken();
  });
  afterAll(async () => t?.stop());

  const post = (body: Record<string, unknown>, lang = 'vi') =>
    t.http().post('/cooperatives').set(bearer(admin)).set('accept-language', lang).send({ name: 'HTX Thử', address: { communeCode: 11065 }, ...body });

  it('registers a cooperative with a pre-2025 address converted to the units in force', async () => {
    const res = await post({
      name: 'Hợp tác xã Tân Minh Đức'.normalize('NFD'),
      shortName: '  HTX   Tân Minh Đức ',
      taxCode: '0300588569',
      phone: '0912 345 678',
      email: 'HTX@Example.VN',
      gln: '8936001000010',
      address: { oldCommuneCode: 11053, street: 'Thôn 3' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Hợp tác xã Tân Minh Đức',
      shortName: 'HTX Tân Minh Đức',
      taxCode: '0300588569',
      phone: '+84912345678',
      email: 'htx@example.vn',
      address: {
        provinceCode: 31,
        provinceName: 'Thành phố Hải Phòng',
        communeCode: 11065,
        communeName: 'Xã Trường Tân',
        street: 'Thôn 3',
        fullText: 'Thôn 3, Xã Trường Tân, Thành phố Hải Phòng',
        convertedFrom: { oldCommuneCode: 11053, oldCommuneName: 'Xã Phạm Trấn', oldDistrict: 'Huyện Gia Lộc', oldProvince: 'Tỉnh Hải Dương' },
      },
    });
    expect(res.body.name).toBe(res.body.name.normalize('NFC'));
    const again = await t.http().get(`/cooperatives/${res.body.id}`).set(bearer(admin));
    expect(again.body.address.convertedFrom.oldCommuneName).toBe('Xã Phạm Trấn');
  });

  it('says which tax code digit is wrong', async () => {
    const vi = await post({ taxCode: '0300588568' });
    expect(vi.status).toBe(400);
    expect(vi.body.code).toBe('VALIDATION_FAILED');
    expect(vi.body.details).toEqual([{ field: 'taxCode', message: 'taxCode: mã số thuế sai chữ số kiểm tra, chữ số thứ 10 phải là 9' }]);
    const en = await post({ taxCode: '0300588568' }, 'en');
    expect(en.body.details[0].message).toBe('taxCode: wrong tax code check digit, the 10th digit should be 9');
    const format = await post({ taxCode: '03005885' });
    expect(format.body.details[0].message).toContain('10 chữ số');
  });

  it('accepts branch tax codes and refuses a tax code registered twice', async () => {
    const branch = await post({ taxCode: '0100109106001' });
    expect(branch.status).toBe(201);
    expect(branch.body.taxCode).toBe('0100109106-001');
    const dup = await post({ taxCode: '0100109106-001' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'COOPERATIVE_TAX_CODE_TAKEN', details: [{ field: 'taxCode' }] });
  });

  it('validates phone and GLN with messages naming the field', async () => {
    const res = await post({ phone: '0123 456', gln: '8936001000011' });
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(res.body.details.map((d: { field: string; message: string }) => [d.field, d.message]));
    expect(byField.phone).toContain('số điện thoại Việt Nam không hợp lệ');
    expect(byField.gln).toBe('gln: GLN sai chữ số kiểm tra GS1, chữ số cuối phải là 0');
    const short = await post({ gln: '12345' }, 'en');
    expect(short.body.details[0].message).toBe('gln: a GLN is exactly 13 digits');
  });

  it('checks the address against the official units', async () => {
    const unknown = await post({ address: { communeCode: 99999 } });
    expect(unknown.body.details[0].field).toBe('address.communeCode');
    const mismatch = await post({ address: { provinceCode: 38, communeCode: 11065 } });
    expect(mismatch.body.details[0]).toEqual({ field: 'address.provinceCode', message: expect.stringContaining('Xã Trường Tân thuộc Thành phố Hải Phòng') });
    const missing = await post({ address: { street: 'Thôn 1' } });
    expect(missing.body.details[0].field).toBe('address.communeCode');
    const split = await post({ address: { oldCommuneCode: 9793 } });
    expect(split.status).toBe(400);
    expect(split.body.details[0].message).toMatch(/08980|8980/);
    const chosen = await post({ address: { oldCommuneCode: 9793, communeCode: 9787 } });
    expect(chosen.status).toBe(201);
    expect(chosen.body.address.communeCode).toBe(9787);
  });

  it('refuses null for required fields on update, and clears optional ones', async () => {
    const coop = await makeCooperative(t, admin, { phone: '0912 345 678' });
    const res = await t.http().patch(`/cooperatives/${coop.id}`).set(bearer(admin)).send({ name: null });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'name', message: 'name không được để trống (null)' }]);
    const cleared = await t.http().patch(`/cooperatives/${coop.id}`).set(bearer(admin)).send({ phone: null });
    expect(cleared.body.phone).toBeNull();
  });

  it('accepts ?lang=en on lists and answers in English', async () => {
    const res = await t.http().get('/cooperatives?lang=en&pageSize=1000').set(bearer(admin));
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Invalid input: pageSize');
  });

  it('rejects unknown fields and wrong types, naming each', async () => {
    const res = await post({ name: 123, owner: 'x', address: 'nowhere' });
    expect(res.status).toBe(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['owner', 'name', 'address']));
    expect(res.body.details.find((d: { field: string }) => d.field === 'owner').message).toBe('Trường owner không được phép gửi lên');
  });

  it('lists with province and accent-insensitive name filters, pagination and sort', async () => {
    for (const name of ['HTX Mẫu Bưởi Diễn', 'HTX Mẫu Chuối Ngự', 'HTX Mẫu Cải Bắp']) await makeCooperative(t, admin, { name });
    await makeCooperative(t, admin, { name: 'HTX Mẫu Lúa Thọ Xuân', address: { communeCode: 15499 } });
    const byName = await t.http().get('/cooperatives?name=chuoi ngu').set(bearer(admin));
    expect(byName.body.items.map((c: { name: string }) => c.name)).toEqual(['HTX Mẫu Chuối Ngự']);
    const byProvince = await t.http().get('/cooperatives?provinceCode=38').set(bearer(admin));
    expect(byProvince.body.items.map((c: { name: string }) => c.name)).toEqual(['HTX Mẫu Lúa Thọ Xuân']);
    const page1 = await t.http().get('/cooperatives?name=HTX%20MAU&pageSize=2&page=1&sort=-name').set(bearer(admin));
    const page2 = await t.http().get('/cooperatives?name=HTX%20MAU&pageSize=2&page=2&sort=-name').set(bearer(admin));
    expect(page1.body.total).toBe(4);
    const names = [...page1.body.items, ...page2.body.items].map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : -1)));
    expect(new Set(names).size).toBe(4);
    const bad = await t.http().get('/cooperatives?sort=password&pageSize=1000').set(bearer(admin));
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['pageSize', 'sort']);
  });

  it('takes a real logo, re-encodes it in three sizes without metadata, and serves it publicly', async () => {
    const coop = await makeCooperative(t, admin);
    const big = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2a7' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-gps-owner' } } })
      .toBuffer();
    const res = await t.http().put(`/cooperatives/${coop.id}/logo`).set(bearer(admin)).attach('file', big, 'logo.jpg');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.logo)).toEqual(['small', 'medium', 'large']);
    const url = new URL(res.body.logo.large);
    const img = await t.http().get(url.pathname + url.search);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/webp');
    expect(img.headers['cache-control']).toContain('immutable');
    const meta = await sharp(img.body).metadata();
    expect(meta.format).toBe('webp');
    expect([meta.width, meta.height]).toEqual([512, 341]);
    expect(meta.exif).toBeUndefined();
    const small = await t.http().get(new URL(res.body.logo.small).pathname);
    expect((await sharp(small.body).metadata()).width).toBe(64);
    // A tiny image is not enlarged.
    const tiny = await t.http().put(`/cooperatives/${coop.id}/logo`).set(bearer(admin)).attach('file', tinyPng(), 'tiny.png');
    const tinyLarge = await t.http().get(new URL(tiny.body.logo.large).pathname);
    expect((await sharp(tinyLarge.body).metadata()).width).toBe(40);
  });

  it('refuses garbage, oversize and missing uploads with 400 and keeps the old logo', async () => {
    const coop = await makeCooperative(t, admin);
    const first = await t.http().put(`/cooperatives/${coop.id}/logo`).set(bearer(admin)).attach('file', tinyPng(), 'a.png');
    const garbage = await t.http().put(`/cooperatives/${coop.id}/logo`).set(bearer(admin)).attach('file', fakePng(), 'b.png');
    expect(garbage.status).toBe(400);
    expect(garbage.body).toMatchObject({ code: 'UNSUPPORTED_IMAGE', details: [{ field: 'file' }] });
    const text = await t.http().put(`/cooperatives/${coop.id}/logo`).set(bearer(admin)).attach('file', Buffer.from('hello'), 'c.txt');
    expect(text.body.code).toBe('UNSUPPORTED_IMAGE');
    const oversize = await t.http().put(`/cooperatives/${coop.id}/logo`).set(bearer(admin)).attach('file', Buffer.alloc(300 * 1024, 1), 'd.png');
    expect(oversize.status).toBe(400);
    expect(oversize.body.code).toBe('UPLOAD_TOO_LARGE');
    expect(oversize.body.message).toContain('0.2 MB');
    const missing = await t.http().put(`/cooperatives/${coop.id}/logo`).set(bearer(admin)).send({});
    expect(missing.status).toBe(400);
    const still = await t.http().get(`/cooperatives/${coop.id}`).set(bearer(admin));
    expect(still.body.logo).toEqual(first.body.logo);
  });
});
