import sharp from 'sharp';
import { addDays, daysBetween, todayInVietnam } from '../../src/common/time/vn-date';
import { ProductsService } from '../../src/products/products.service';
import { fakePng, tinyPng } from '../utils/images';
import { bearer, TestApp } from '../utils/test-app';
import { makeCooperative, makeWorld, World } from '../utils/world';

type Actor = keyof World['tokens'];
const ACTORS: Actor[] = ['admin', 'officerIn', 'officerOut', 'managerA', 'staffA', 'managerB', 'staffB'];
type Detail = { field: string; message: string };

// Tests that expect a certificate to be valid use dates relative to today, so they keep passing as time goes by.
const TODAY = todayInVietnam();
const RECENT = addDays(TODAY, -30);

/** The expected last valid day: the same day 36 months later, or the month's last day when it has none. */
function plus36Months(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y + 3, m, 0)).getUTCDate();
  return `${y + 3}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

describe('products and OCOP certification', () => {
  let t: TestApp;
  let w: World;
  let decisionSeq = 100;

  beforeAll(async () => {
    t = await TestApp.start({ UPLOAD_MAX_BYTES: String(300 * 1024) });
    w = await makeWorld(t);
  });
  afterAll(async () => t?.stop());

  const productBody = (body: Record<string, unknown> = {}) => ({
    nameVi: 'Vải thiều sấy khô',
    category: 'Trái cây sấy',
    unitOfSale: 'hộp',
    netContent: 0.5,
    netContentUnit: 'KGM',
    ...body,
  });
  const postProduct = (body: Record<string, unknown> = {}, opts: { token?: string; coop?: string; lang?: string } = {}) =>
    t
      .http()
      .post(`/cooperatives/${opts.coop ?? w.coopA.id}/products`)
      .set(bearer(opts.token ?? w.tokens.admin))
      .set('accept-language', opts.lang ?? 'vi')
      .send(productBody(body));
  const makeProduct = async (body: Record<string, unknown> = {}, coop?: string) => {
    const res = await postProduct(body, { coop });
    if (res.status !== 201) throw new Error(`create product failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; [k: string]: unknown };
  };
  const ocopBody = (body: Record<string, unknown> = {}) => ({
    stars: 4,
    score: 78.5,
    groupCode: '1',
    subgroupCode: '1.3.c',
    recognisingLevel: 'province',
    authority: 'UBND thành phố Hải Phòng',
    decisionNo: `${decisionSeq++}/QĐ-UBND`,
    decisionDate: RECENT,
    ...body,
  });
  const certify = (productId: string, body: Record<string, unknown> = {}, opts: { token?: string; lang?: string } = {}) =>
    t
      .http()
      .post(`/products/${productId}/ocop-certifications`)
      .set(bearer(opts.token ?? w.tokens.admin))
      .set('accept-language', opts.lang ?? 'vi')
      .send(ocopBody(body));
  const makeCertification = async (productId: string, body: Record<string, unknown> = {}) => {
    const res = await certify(productId, body);
    if (res.status !== 201) throw new Error(`certify failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; validUntil: string; [k: string]: unknown };
  };
  const uploadImage = (productId: string, file: Buffer, token = w.tokens.admin, name = 'photo.jpg') =>
    t.http().post(`/products/${productId}/images`).set(bearer(token)).attach('file', file, name);
  const auditActions = async (entityType: string, id: string) =>
    ((await t.http().get(`/audit/${entityType}/${id}`).set(bearer(w.tokens.admin))).body.items as { action: string }[]).map((e) => e.action);
  const pathOf = (url: string) => {
    const u = new URL(url);
    return u.pathname + u.search;
  };

  describe('products', () => {
    it('creates a product with NFC text, numbers as numbers and the GTIN stored as 14 digits', async () => {
      const res = await postProduct(
        {
          nameVi: '  Nước mắm   cốt cá cơm '.normalize('NFD'),
          nameEn: 'Anchovy fish sauce',
          category: 'Nước mắm',
          unitOfSale: 'chai',
          netContent: 0.5,
          netContentUnit: 'ltr',
          gtin: '893 4588 01222 8',
          brand: 'Cát Hải',
          description: 'Đóng chai thủy tinh'.normalize('NFD'),
          standardsApplied: [' TCVN 5107:2018 ', 'TCVN 5107:2018', 'QCVN 8-2:2011/BYT'],
          shelfLifeDays: 730,
        },
        { token: w.tokens.managerA },
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        cooperativeId: w.coopA.id,
        nameVi: 'Nước mắm cốt cá cơm',
        nameEn: 'Anchovy fish sauce',
        category: 'Nước mắm',
        unitOfSale: 'chai',
        netContent: 0.5,
        netContentUnit: 'LTR',
        gtin: '08934588012228',
        brand: 'Cát Hải',
        description: 'Đóng chai thủy tinh',
        standardsApplied: ['TCVN 5107:2018', 'QCVN 8-2:2011/BYT'],
        shelfLifeDays: 730,
        imageCount: 0,
        images: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.body.nameVi).toBe(res.body.nameVi.normalize('NFC'));
      const again = await t.http().get(`/products/${res.body.id}`).set(bearer(w.tokens.staffA));
      expect(again.body).toEqual(res.body);
      const audit = await t.http().get(`/audit/product/${res.body.id}`).set(bearer(w.tokens.managerA));
      expect(audit.body.items).toEqual([
        expect.objectContaining({ action: 'created', actorId: w.users.managerA.id, actorRole: 'cooperative_manager', before: null, after: expect.objectContaining({ gtin: '08934588012228', netContent: 0.5 }) }),
      ]);
    });

    it.each([
      ['GTIN-8', '02345673', '00000002345673'],
      ['GTIN-12', '416000336108', '00416000336108'],
      ['GTIN-13', '1234567890128', '01234567890128'],
      ['GTIN-14', '12345678901231', '12345678901231'],
    ])('accepts a %s (%s), stores %s and finds it by the form typed', async (_label, gtin, stored) => {
      const res = await postProduct({ gtin });
      expect(res.status).toBe(201);
      expect(res.body.gtin).toBe(stored);
      const found = await t.http().get(`/products?gtin=${gtin}`).set(bearer(w.tokens.admin));
      expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([res.body.id]);
    });

    it('names the expected check digit of a wrong GTIN, in Vietnamese and English', async () => {
      const vi = await postProduct({ gtin: '8934588012220' });
      expect(vi.status).toBe(400);
      expect(vi.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Dữ liệu không hợp lệ: gtin' });
      expect(vi.body.details).toEqual([{ field: 'gtin', message: 'gtin: sai chữ số kiểm tra GS1, chữ số cuối phải là 8 (GTIN 8934588012228)' }]);
      const en = await postProduct({ gtin: '8934588012220' }, { lang: 'en' });
      expect(en.body.details).toEqual([{ field: 'gtin', message: 'gtin: wrong GS1 check digit, the last digit should be 8 (GTIN 8934588012228)' }]);
      const gtin8 = await postProduct({ gtin: '02345674' });
      expect(gtin8.body.details[0].message).toBe('gtin: sai chữ số kiểm tra GS1, chữ số cuối phải là 3 (GTIN 02345673)');
      const gtin14 = await postProduct({ gtin: '12345678901232' }, { lang: 'en' });
      expect(gtin14.body.details[0].message).toBe('gtin: wrong GS1 check digit, the last digit should be 1 (GTIN 12345678901231)');
      const length = await postProduct({ gtin: '89345880122' });
      expect(length.body.details).toEqual([{ field: 'gtin', message: 'gtin: GTIN phải gồm 8, 12, 13 hoặc 14 chữ số' }]);
      const zeros = await postProduct({ gtin: '0000000000000' }, { lang: 'en' });
      expect(zeros.body.details[0].message).toBe('gtin: a GTIN cannot be all zeros; leave it out if the product has no barcode');
    });

    it('refuses a GTIN already used, in any cooperative and any length, with 409 naming gtin', async () => {
      await makeProduct({ gtin: '4006381333931' });
      const dup = await postProduct({ gtin: '04006381333931', nameVi: 'Sản phẩm trùng mã' }, { token: w.tokens.managerB, coop: w.coopB.id });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({
        code: 'PRODUCT_GTIN_TAKEN',
        message: 'GTIN 04006381333931 đã được dùng cho một sản phẩm khác',
        details: [{ field: 'gtin', message: 'gtin: mã GTIN đã được dùng cho sản phẩm khác' }],
      });
      // The refusal says nothing about whose product holds the code.
      expect(JSON.stringify(dup.body)).not.toMatch(/HTX A|Vải thiều/);
      const other = await makeProduct({ nameVi: 'Chưa có mã vạch' });
      const patch = await t.http().patch(`/products/${other.id}`).set(bearer(w.tokens.admin)).set('accept-language', 'en').send({ gtin: '4006381333931' });
      expect(patch.status).toBe(409);
      expect(patch.body.details).toEqual([{ field: 'gtin', message: 'gtin: this GTIN is already used by another product' }]);
      expect((await t.http().get(`/products/${other.id}`).set(bearer(w.tokens.admin))).body.gtin).toBeNull();
      expect(await auditActions('product', other.id)).toEqual(['created']);
    });

    it('validates net content, unit code, shelf life and unknown fields, naming each field', async () => {
      const res = await postProduct({ netContent: 0, netContentUnit: 'kilogram', shelfLifeDays: 0, nameVi: undefined, price: 120000 });
      expect(res.status).toBe(400);
      const byField = Object.fromEntries((res.body.details as Detail[]).map((d) => [d.field, d.message]));
      expect(byField).toMatchObject({
        netContent: 'netContent: khối lượng/thể tích tịnh phải lớn hơn 0',
        netContentUnit: 'netContentUnit: mã đơn vị UN/ECE Rec 20 gồm 2–3 chữ in hoa hoặc chữ số, ví dụ KGM, GRM, LTR, MLT, H87',
        shelfLifeDays: 'shelfLifeDays: hạn sử dụng phải từ 1 ngày',
        price: 'Trường price không được phép gửi lên',
      });
      expect(Object.keys(byField)).toContain('nameVi');
      const decimals = await postProduct({ netContent: 1.23456 }, { lang: 'en' });
      expect(decimals.body.details).toEqual([{ field: 'netContent', message: 'netContent: must be a number with at most 3 decimals' }]);
      const piece = await postProduct({ unitOfSale: 'cái', netContent: 1, netContentUnit: 'H87', category: 'Thủ công mỹ nghệ' });
      expect(piece.status).toBe(201);
      expect(piece.body).toMatchObject({ netContent: 1, netContentUnit: 'H87' });
    });

    it('updates only what is sent, clears optional fields with null, refuses clearing required ones, and audits real changes', async () => {
      const p = await makeProduct({ brand: 'Thanh Hà', nameEn: 'Dried lychee', shelfLifeDays: 180 });
      const res = await t
        .http()
        .patch(`/products/${p.id}`)
        .set(bearer(w.tokens.officerIn))
        .send({ gtin: '9501 2346', brand: null, netContent: 1.25, standardsApplied: ['TCVN 10393:2014'] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ gtin: '00000095012346', brand: null, netContent: 1.25, nameEn: 'Dried lychee', shelfLifeDays: 180, standardsApplied: ['TCVN 10393:2014'] });
      const cleared = await t.http().patch(`/products/${p.id}`).set(bearer(w.tokens.admin)).send({ nameVi: null, netContentUnit: null });
      expect(cleared.status).toBe(400);
      expect(cleared.body.details).toEqual([
        { field: 'nameVi', message: 'nameVi không được để trống' },
        { field: 'netContentUnit', message: 'netContentUnit không được để trống' },
      ]);
      const same = await t.http().patch(`/products/${p.id}`).set(bearer(w.tokens.admin)).send({ netContent: 1.25, brand: null });
      expect(same.status).toBe(200);
      const audit = await t.http().get(`/audit/product/${p.id}`).set(bearer(w.tokens.managerA));
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['created', 'updated']);
      expect(audit.body.items[1]).toMatchObject({
        actorRole: 'officer',
        before: { brand: 'Thanh Hà', gtin: null, netContent: 0.5 },
        after: { brand: null, gtin: '00000095012346', netContent: 1.25 },
      });
    });

    it('lists with cooperative, accent-insensitive name and GTIN filters, pagination and scope', async () => {
      const coop = await makeCooperative(t, w.tokens.admin, { name: 'HTX Danh Sách' });
      for (const [nameVi, nameEn] of [['Bưởi Diễn sấy dẻo', 'Soft dried pomelo'], ['Chuối ngự Đại Hoàng', null], ['Gạo nếp cái hoa vàng', 'Yellow flower sticky rice']]) {
        await makeProduct({ nameVi, ...(nameEn && { nameEn }) }, coop.id);
      }
      const list = (query: string, token = w.tokens.admin) => t.http().get(`/products?cooperativeId=${coop.id}&${query}`).set(bearer(token));
      const names = (res: { body: { items: { nameVi: string }[] } }) => res.body.items.map((p) => p.nameVi);
      expect(names(await list('name=buoi dien'))).toEqual(['Bưởi Diễn sấy dẻo']);
      expect(names(await list('name=DAI HOANG'))).toEqual(['Chuối ngự Đại Hoàng']);
      expect(names(await list('name=sticky'))).toEqual(['Gạo nếp cái hoa vàng']);
      expect(names(await list('name=100%25'))).toEqual([]);
      const page1 = await list('pageSize=2&page=1&sort=-name');
      const page2 = await list('pageSize=2&page=2&sort=-name');
      expect(page1.body.total).toBe(3);
      expect([...names(page1), ...names(page2)]).toEqual(['Gạo nếp cái hoa vàng', 'Chuối ngự Đại Hoàng', 'Bưởi Diễn sấy dẻo']);
      expect(page1.body.items[0]).toMatchObject({ imageCount: 0, netContent: 0.5 });
      expect((await list('', w.tokens.officerIn)).body.total).toBe(3);
      expect((await list('', w.tokens.managerB)).body).toMatchObject({ items: [], total: 0 });
      expect((await list('', w.tokens.officerOut)).body.total).toBe(0);
      const bad = await t.http().get('/products?gtin=123&sort=price&cooperativeId=x').set(bearer(w.tokens.admin));
      expect(bad.status).toBe(400);
      expect((bad.body.details as Detail[]).map((d) => d.field).sort()).toEqual(['cooperativeId', 'gtin', 'sort']);
    });
  });

  describe('product images', () => {
    it('re-encodes a real photo to WebP in 160, 640 and 1280 px without its EXIF, served publicly and immutably', async () => {
      const p = await makeProduct();
      const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#c8342a' } })
        .jpeg()
        .withMetadata({ exif: { IFD0: { Copyright: 'secret-gps-owner', Artist: 'Nông dân A' } } })
        .toBuffer();
      expect((await sharp(photo).metadata()).exif).toBeDefined(); // the upload really carries EXIF
      const res = await uploadImage(p.id, photo, w.tokens.managerA);
      expect(res.status).toBe(201);
      expect(res.body.imageCount).toBe(1);
      const [image] = res.body.images;
      expect(image).toEqual({
        id: expect.any(String),
        position: 1,
        width: 1600,
        height: 1200,
        urls: { small: expect.any(String), medium: expect.any(String), large: expect.any(String) },
        createdAt: expect.any(String),
      });
      expect(image.urls.large).toMatch(new RegExp(`^https://nguon.test/products/${p.id}/images/${image.id}/large\\?v=[0-9a-f]+$`));
      const expected = { small: [160, 120], medium: [640, 480], large: [1280, 960] } as const;
      for (const [size, dims] of Object.entries(expected)) {
        const img = await t.http().get(pathOf(image.urls[size])); // no login: origin pages use these
        expect(img.status).toBe(200);
        expect(img.headers['content-type']).toBe('image/webp');
        expect(img.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        const meta = await sharp(img.body).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(['webp', ...dims]);
        expect(meta.exif).toBeUndefined();
        expect(img.body.includes(Buffer.from('secret-gps-owner'))).toBe(false);
      }
    });

    it('applies the EXIF rotation of a phone photo and never enlarges a small one', async () => {
      const p = await makeProduct();
      const portrait = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#2a7' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
      const rotated = await uploadImage(p.id, portrait);
      expect(rotated.body.images[0]).toMatchObject({ width: 1200, height: 1600 });
      const large = await t.http().get(pathOf(rotated.body.images[0].urls.large));
      expect([(await sharp(large.body).metadata()).width, (await sharp(large.body).metadata()).height]).toEqual([960, 1280]);
      const tiny = await uploadImage(p.id, tinyPng(), w.tokens.admin, 'tiny.png');
      expect(tiny.body.images.map((i: { position: number }) => i.position)).toEqual([1, 2]);
      const tinyLarge = await t.http().get(pathOf(tiny.body.images[1].urls.large));
      expect((await sharp(tinyLarge.body).metadata()).width).toBe(40);
    });

    it('deletes an image, its files and audits additions and removals on the product', async () => {
      const p = await makeProduct();
      const first = await uploadImage(p.id, tinyPng(), w.tokens.officerIn, 'a.png');
      const second = await uploadImage(p.id, tinyPng(20, 20), w.tokens.officerIn, 'b.png');
      const [a, b] = second.body.images;
      expect(first.body.images[0].id).toBe(a.id);
      const res = await t.http().delete(`/products/${p.id}/images/${a.id}`).set(bearer(w.tokens.managerA));
      expect(res.status).toBe(200);
      expect(res.body.imageCount).toBe(1);
      expect(res.body.images.map((i: { id: string }) => i.id)).toEqual([b.id]);
      const gone = await t.http().get(pathOf(a.urls.small));
      expect(gone.status).toBe(404);
      expect(gone.body).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy ảnh sản phẩm' });
      const again = await t.http().delete(`/products/${p.id}/images/${a.id}`).set(bearer(w.tokens.managerA));
      expect(again.status).toBe(404);
      expect(await auditActions('product', p.id)).toEqual(['created', 'image_added', 'image_added', 'image_removed']);
      const badSize = await t.http().get(`/products/${p.id}/images/${b.id}/huge`);
      expect(badSize.body.details).toEqual([{ field: 'size', message: 'Kích thước phải là small, medium hoặc large' }]);
      // An image is only served under its own product.
      const other = await makeProduct();
      expect((await t.http().get(`/products/${other.id}/images/${b.id}/small`)).status).toBe(404);
    });

    it('refuses garbage, oversize and missing uploads with 400 and adds nothing', async () => {
      const p = await makeProduct();
      const garbage = await uploadImage(p.id, fakePng(), w.tokens.admin, 'x.png');
      expect(garbage.status).toBe(400);
      expect(garbage.body).toMatchObject({
        code: 'UNSUPPORTED_IMAGE',
        message: 'Tệp tải lên không phải ảnh đọc được (hãy dùng JPEG, PNG hoặc WebP)',
        details: [{ field: 'file', message: 'Không đọc được ảnh' }],
      });
      const text = await uploadImage(p.id, Buffer.from('xin chào'), w.tokens.admin, 'x.txt');
      expect(text.body.code).toBe('UNSUPPORTED_IMAGE');
      const oversize = await uploadImage(p.id, Buffer.alloc(400 * 1024, 1), w.tokens.admin, 'big.jpg');
      expect(oversize.status).toBe(400);
      expect(oversize.body).toMatchObject({ code: 'UPLOAD_TOO_LARGE', message: 'Tệp quá lớn, tối đa 0.3 MB' });
      const missing = await t.http().post(`/products/${p.id}/images`).set(bearer(w.tokens.admin)).send({});
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('UPLOAD_MISSING');
      expect((await t.http().get(`/products/${p.id}`).set(bearer(w.tokens.admin))).body.imageCount).toBe(0);
      expect(await auditActions('product', p.id)).toEqual(['created']);
    });

    it('keeps at most 10 images per product', async () => {
      const p = await makeProduct();
      for (let i = 0; i < 10; i++) expect((await uploadImage(p.id, tinyPng(10 + i, 10), w.tokens.admin, 'p.png')).status).toBe(201);
      const eleventh = await uploadImage(p.id, tinyPng(), w.tokens.admin, 'p.png');
      expect(eleventh.status).toBe(409);
      expect(eleventh.body).toMatchObject({ code: 'PRODUCT_TOO_MANY_IMAGES', message: 'Mỗi sản phẩm có tối đa 10 ảnh; hãy xóa bớt ảnh trước khi tải thêm' });
    });
  });

  describe('OCOP certification', () => {
    it('publishes the Decision 148 reference groups without login', async () => {
      const res = await t.http().get('/ocop/reference-groups');
      expect(res.status).toBe(200);
      const groups = (res.body as { code: string; level: string; nameVi: string; legalBasis: string }[]).filter((g) => g.level === 'group');
      expect(groups.map((g) => [g.code, g.nameVi])).toEqual([
        ['1', 'Thực phẩm'],
        ['2', 'Đồ uống'],
        ['3', 'Dược liệu và sản phẩm từ dược liệu'],
        ['4', 'Thủ công mỹ nghệ'],
        ['5', 'Sinh vật cảnh'],
        ['6', 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch'],
      ]);
      expect(new Set(res.body.map((g: { legalBasis: string }) => g.legalBasis))).toEqual(new Set(['148/QĐ-TTg']));
      expect(res.body).toEqual(
        expect.arrayContaining([
          { code: '1.1', level: 'subgroup', parentCode: '1', nameVi: 'Thực phẩm tươi sống', nameEn: 'Fresh food', legalBasis: '148/QĐ-TTg' },
          expect.objectContaining({ code: '1.3.c', level: 'product_set', parentCode: '1.3' }),
        ]),
      );
    });

    it('records a 4-star certification valid for 36 months from issue, with its badge', async () => {
      const p = await makeProduct();
      const res = await certify(p.id, { certificateNo: 'GCN-04/2024' }, { token: w.tokens.managerA });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        productId: p.id,
        cooperativeId: w.coopA.id,
        stars: 4,
        score: 78.5,
        badge: { stars: 4, label: 'OCOP 4 sao' },
        group: { code: '1', nameVi: 'Thực phẩm', nameEn: 'Food' },
        subgroup: { code: '1.3.c', nameVi: 'Chế biến từ rau, quả, hạt', nameEn: 'Processed from vegetables, fruits and nuts' },
        recognisingLevel: 'province',
        authority: 'UBND thành phố Hải Phòng',
        decisionNo: expect.stringMatching(/^\d+\/QĐ-UBND$/),
        decisionDate: RECENT,
        certificateNo: 'GCN-04/2024',
        issuedOn: RECENT, // defaults to the decision date
        validUntil: plus36Months(RECENT),
        status: 'valid',
        revokedReason: null,
        revokedAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const history = await t.http().get(`/products/${p.id}/ocop-certifications`).set(bearer(w.tokens.staffA));
      expect(history.body).toEqual([res.body]);
      const audit = await t.http().get(`/audit/ocop_certification/${res.body.id}`).set(bearer(w.tokens.staffA));
      expect(audit.body.items).toEqual([expect.objectContaining({ action: 'created', actorRole: 'cooperative_manager', after: expect.objectContaining({ stars: 4, validUntil: plus36Months(RECENT) }) })]);
    });

    it.each([
      ['a leap day, clamped to the end of February', '2024-02-29', '2027-02-28'],
      ['the 31st, kept when the month has one', '2023-08-31', '2026-08-31'],
      ['the end of the year', '2022-12-31', '2025-12-31'],
    ])('computes validUntil from %s (%s → %s)', async (_label, issuedOn, validUntil) => {
      const p = await makeProduct();
      const res = await certify(p.id, { decisionDate: '2022-12-01', issuedOn });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ issuedOn, validUntil });
    });

    it('never takes validUntil from the caller', async () => {
      const p = await makeProduct();
      const res = await certify(p.id, { validUntil: '2099-01-01' });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'validUntil', message: 'Trường validUntil không được phép gửi lên' }]);
    });

    it('refuses a score that does not match the stars, naming score and the range', async () => {
      const p = await makeProduct();
      const vi = await certify(p.id, { stars: 3, score: 72 });
      expect(vi.status).toBe(400);
      expect(vi.body.details).toEqual([{ field: 'score', message: 'score: sản phẩm 3 sao phải có điểm từ 50 đến dưới 70 (nhận được 72)' }]);
      const en = await certify(p.id, { stars: 5, score: 89.99, recognisingLevel: 'central', authority: 'Bộ Nông nghiệp và Môi trường' }, { lang: 'en' });
      expect(en.body.details).toEqual([{ field: 'score', message: 'score: a 5-star product needs a score of 90 to 100 (got 89.99)' }]);
      const four = await certify(p.id, { stars: 4, score: 90 });
      expect(four.body.details[0].message).toBe('score: sản phẩm 4 sao phải có điểm từ 70 đến dưới 90 (nhận được 90)');
      const over = await certify(p.id, { stars: 5, score: 100.5, recognisingLevel: 'central' });
      expect(over.body.details).toEqual([{ field: 'score', message: 'score: điểm từ 0 đến 100' }]);
      const stars = await certify(p.id, { stars: 6 });
      expect(stars.body.details).toEqual([{ field: 'stars', message: 'stars: số sao từ 1 đến 5' }]);
      expect((await t.http().get(`/products/${p.id}/ocop-certifications`).set(bearer(w.tokens.admin))).body).toEqual([]);
    });

    it('keeps 1–2 star evaluations as history without a badge', async () => {
      const p = await makeProduct();
      const twoDate = addDays(TODAY, -400);
      const two = await certify(p.id, { stars: 2, score: 42, decisionDate: twoDate });
      expect(two.status).toBe(201);
      // Still within its 36 months, yet no badge: 2★ is not a certificate.
      expect(two.body).toMatchObject({ stars: 2, score: 42, badge: null, status: 'valid', validUntil: plus36Months(twoDate) });
      const one = await certify(p.id, { stars: 1, score: 25, recognisingLevel: 'district', decisionDate: '2025-05-10' });
      expect(one.body).toMatchObject({ stars: 1, badge: null });
      const later = await certify(p.id, { stars: 3, score: 61.25, decisionDate: addDays(TODAY, -10) });
      const history = await t.http().get(`/products/${p.id}/ocop-certifications`).set(bearer(w.tokens.admin));
      expect(history.body.map((c: { stars: number; badge: unknown }) => [c.stars, c.badge])).toEqual([
        [3, { stars: 3, label: 'OCOP 3 sao' }],
        [2, null],
        [1, null],
      ]);
      expect(later.body.score).toBe(61.25);
    });

    it('enforces who recognises what: 5 stars central only, district only before 2025-07-01', async () => {
      const p = await makeProduct();
      const five = await certify(p.id, { stars: 5, score: 92 });
      expect(five.body.details).toEqual([{ field: 'recognisingLevel', message: 'recognisingLevel: sản phẩm 5 sao do Trung ương công nhận, cấp công nhận phải là central' }]);
      const central = await certify(p.id, { stars: 4, score: 80, recognisingLevel: 'central' }, { lang: 'en' });
      expect(central.body.details[0].message).toBe('recognisingLevel: the central level only recognises 5-star products; 4-star products are recognised by the province');
      const district = await certify(p.id, { stars: 3, score: 60, recognisingLevel: 'district', decisionDate: '2025-07-01' });
      expect(district.status).toBe(400);
      expect(district.body.details).toEqual([
        {
          field: 'recognisingLevel',
          message: 'recognisingLevel: từ ngày 01/07/2025 không còn cấp huyện; quyết định ngày 2025-07-01 phải do cấp tỉnh hoặc Trung ương công nhận',
        },
      ]);
      const districtEn = await certify(p.id, { stars: 3, score: 60, recognisingLevel: 'district', decisionDate: '2025-08-15' }, { lang: 'en' });
      expect(districtEn.body.details[0].message).toBe(
        'recognisingLevel: there is no district level since 2025-07-01; a decision dated 2025-08-15 is made by the province or the central level',
      );
      const districtFour = await certify(p.id, { stars: 4, score: 75, recognisingLevel: 'district', decisionDate: '2024-01-15' });
      expect(districtFour.body.details[0].message).toBe('recognisingLevel: cấp huyện chỉ công nhận đến 3 sao; sản phẩm 4 sao do cấp tỉnh công nhận');
      const unknown = await certify(p.id, { recognisingLevel: 'commune' });
      expect(unknown.body.details).toEqual([{ field: 'recognisingLevel', message: 'recognisingLevel: phải là district, province hoặc central' }]);
      expect((await certify(p.id, { stars: 3, score: 60, recognisingLevel: 'district', decisionDate: '2025-06-30' })).status).toBe(201);
      const national = await certify(p.id, { stars: 5, score: 90, recognisingLevel: 'central', authority: 'Bộ Nông nghiệp và Phát triển nông thôn' });
      expect(national.body).toMatchObject({ stars: 5, badge: { stars: 5, label: 'OCOP 5 sao' } });
    });

    it('wants decision date ≤ issue date ≤ today, as real dates', async () => {
      const p = await makeProduct();
      const today = TODAY;
      const before = await certify(p.id, { decisionDate: '2024-03-15', issuedOn: '2024-03-01' });
      expect(before.body.details).toEqual([{ field: 'issuedOn', message: 'issuedOn: ngày cấp (2024-03-01) không được trước ngày quyết định (2024-03-15)' }]);
      const tomorrow = addDays(today, 1);
      const future = await certify(p.id, { decisionDate: today, issuedOn: tomorrow }, { lang: 'en' });
      expect(future.body.details).toEqual([{ field: 'issuedOn', message: `issuedOn: the issue date (${tomorrow}) cannot be after today (${today})` }]);
      const unreal = await certify(p.id, { decisionDate: '2023-02-29' });
      expect(unreal.body.details).toEqual([{ field: 'decisionDate', message: 'decisionDate: ngày phải có thật và viết theo dạng YYYY-MM-DD (ví dụ 2025-03-15)' }]);
      const todayOk = await certify(p.id, { decisionDate: today });
      expect(todayOk.body).toMatchObject({ issuedOn: today, status: 'valid' });
    });

    it('checks the group and subgroup against the reference table and reports every problem at once', async () => {
      const p = await makeProduct();
      const group = await certify(p.id, { groupCode: '9', subgroupCode: undefined });
      expect(group.body.details).toEqual([
        { field: 'groupCode', message: 'groupCode: không có nhóm sản phẩm OCOP mã "9" (các nhóm: 1, 2, 3, 4, 5, 6; xem GET /ocop/reference-groups)' },
      ]);
      const sub = await certify(p.id, { groupCode: '2', subgroupCode: '1.1' });
      expect(sub.body.details).toEqual([{ field: 'subgroupCode', message: 'subgroupCode: phân nhóm "1.1" (Thực phẩm tươi sống) không thuộc nhóm "2" (Đồ uống)' }]);
      const many = await certify(p.id, { stars: 5, score: 70, groupCode: '7' });
      expect(many.status).toBe(400);
      expect(many.body.message).toBe('Dữ liệu không hợp lệ: score, recognisingLevel, groupCode');
      const beverage = await certify(p.id, { groupCode: '2', subgroupCode: undefined });
      expect(beverage.body).toMatchObject({ group: { code: '2', nameVi: 'Đồ uống' }, subgroup: null });
    });

    it('derives the expired status after validUntil, without a badge', async () => {
      const p = await makeProduct();
      const res = await certify(p.id, { stars: 3, score: 55, recognisingLevel: 'district', decisionDate: '2021-03-01' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ validUntil: '2024-03-01', status: 'expired', badge: null });
    });

    it('refuses the same decision twice for one product', async () => {
      const p = await makeProduct();
      await makeCertification(p.id, { decisionNo: '777/QĐ-UBND', decisionDate: '2024-03-01' });
      const dup = await certify(p.id, { decisionNo: '777/QĐ-UBND', decisionDate: '2024-03-01', stars: 3, score: 60 });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({
        code: 'OCOP_DECISION_ALREADY_RECORDED',
        message: 'Quyết định 777/QĐ-UBND ngày 2024-03-01 đã được ghi cho sản phẩm này',
        details: [{ field: 'decisionNo' }],
      });
    });

    it('lets an officer revoke with a reason, once; cooperative users cannot', async () => {
      const p = await makeProduct();
      const cert = await makeCertification(p.id);
      const manager = await t.http().post(`/ocop-certifications/${cert.id}/revoke`).set(bearer(w.tokens.managerA)).send({ reason: 'Tự thu hồi' });
      expect(manager.status).toBe(403);
      expect(manager.body.message).toBe('Chỉ quản trị viên hoặc cán bộ khuyến nông được thu hồi chứng nhận OCOP');
      const noReason = await t.http().post(`/ocop-certifications/${cert.id}/revoke`).set(bearer(w.tokens.officerIn)).send({});
      expect(noReason.status).toBe(400);
      expect((noReason.body.details as Detail[]).map((d) => d.field)).toContain('reason');
      const reason = 'Quyết định 56/QĐ-UBND: vi phạm quy định sử dụng nhãn OCOP';
      const res = await t.http().post(`/ocop-certifications/${cert.id}/revoke`).set(bearer(w.tokens.officerIn)).send({ reason });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: cert.id, status: 'revoked', revokedReason: reason, revokedAt: expect.any(String), badge: null, validUntil: cert.validUntil });
      expect(cert).toMatchObject({ status: 'valid', badge: { stars: 4 } });
      const again = await t.http().post(`/ocop-certifications/${cert.id}/revoke`).set(bearer(w.tokens.admin)).set('accept-language', 'en').send({ reason: 'Thu hồi lần nữa' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'OCOP_CERTIFICATION_ALREADY_REVOKED', message: `The OCOP certification of decision ${cert.decisionNo} was already revoked` });
      const outside = await t.http().post(`/ocop-certifications/${cert.id}/revoke`).set(bearer(w.tokens.officerOut)).send({ reason });
      expect(outside.status).toBe(404);
      const audit = await t.http().get(`/audit/ocop_certification/${cert.id}`).set(bearer(w.tokens.managerA));
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['created', 'revoked']);
      expect(audit.body.items[1]).toMatchObject({ actorRole: 'officer', reason, before: { status: 'valid' }, after: { status: 'revoked', revokedReason: reason } });
    });

    it('lists certificates expiring within N days, scoped to the officer provinces, soonest first', async () => {
      const today = TODAY;
      // valid_until = issued_on + 36 months, so a certificate issued 3 years before a day expires that day
      // (a day earlier when that day is 29 February, which no issue date reaches).
      const issuedFor = (daysLeft: number) => {
        const [y, m, d] = addDays(today, daysLeft).split('-').map(Number);
        const day = Math.min(d, new Date(Date.UTC(y - 3, m, 0)).getUTCDate());
        return `${y - 3}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      };
      const expiring = (daysLeft: number, body: Record<string, unknown> = {}) => ({ decisionDate: issuedFor(daysLeft), stars: 3, score: 60, ...body });
      const coopThanhHoa = await makeCooperative(t, w.tokens.admin, { name: 'HTX Thọ Xuân', address: { communeCode: 15499 } });
      const pA = await makeProduct({ nameVi: 'Mật ong Hải Phòng', gtin: '96385074' });
      const pB = await makeProduct({ nameVi: 'Gạo Ninh Bình' }, w.coopB.id);
      const pC = await makeProduct({ nameVi: 'Bánh gai Tứ Trụ' }, coopThanhHoa.id);
      const a10 = await makeCertification(pA.id, expiring(10));
      const a40 = await makeCertification(pA.id, expiring(40, { stars: 4, score: 75 }));
      await makeCertification(pA.id, expiring(5, { stars: 2, score: 45 })); // history, not a badge
      await makeCertification(pA.id, expiring(-3)); // already expired
      const revoked = await makeCertification(pA.id, expiring(12));
      await t.http().post(`/ocop-certifications/${revoked.id}/revoke`).set(bearer(w.tokens.admin)).send({ reason: 'Thu hồi để thử' });
      const b10 = await makeCertification(pB.id, expiring(10));
      const c20 = await makeCertification(pC.id, expiring(20));
      expect(daysBetween(today, a10.validUntil)).toBeGreaterThanOrEqual(9);

      const ours = new Set([pA.id, pB.id, pC.id]);
      const list = async (actor: Actor, withinDays: number) => {
        const res = await t.http().get(`/ocop-certifications/expiring?withinDays=${withinDays}&pageSize=100`).set(bearer(w.tokens[actor]));
        expect(res.status).toBe(200);
        return res.body.items.filter((c: { productId: string }) => ours.has(c.productId));
      };
      const ids = (items: { id: string }[]) => items.map((c) => c.id);
      const inProvince = await list('officerIn', 30);
      expect(ids(inProvince)).toEqual([a10.id]);
      expect(inProvince[0]).toMatchObject({
        daysLeft: daysBetween(today, a10.validUntil),
        stars: 3,
        badge: { stars: 3 },
        product: { id: pA.id, nameVi: 'Mật ong Hải Phòng', gtin: '00000096385074' },
        cooperative: { id: w.coopA.id, name: 'HTX A Hải Phòng', provinceCode: 31 },
      });
      expect((await list('officerIn', 60)).map((c: { id: string; daysLeft: number }) => [c.id, c.daysLeft])).toEqual([
        [a10.id, daysBetween(today, a10.validUntil)],
        [a40.id, daysBetween(today, a40.validUntil)],
      ]);
      expect(ids(await list('officerIn', 8))).toEqual([]);
      expect(ids(await list('officerOut', 30))).toEqual([c20.id]);
      const all = await list('admin', 30);
      expect(ids(all)).toEqual(expect.arrayContaining([a10.id, b10.id, c20.id]));
      expect(all).toHaveLength(3);
      expect(all.map((c: { validUntil: string }) => c.validUntil)).toEqual([...all.map((c: { validUntil: string }) => c.validUntil)].sort());
      for (const actor of ['managerA', 'staffA', 'managerB'] as Actor[]) {
        const res = await t.http().get('/ocop-certifications/expiring?withinDays=30').set(bearer(w.tokens[actor]));
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      const bad = await t.http().get('/ocop-certifications/expiring?withinDays=0').set(bearer(w.tokens.officerIn));
      expect(bad.body.details).toEqual([{ field: 'withinDays', message: 'withinDays: từ 1 đến 365 ngày' }]);
      expect((await t.http().get('/ocop-certifications/expiring?withinDays=abc').set(bearer(w.tokens.officerIn))).status).toBe(400);
    });

    it('tells other modules which 3–5 star certificate was valid on a date', async () => {
      const products = t.app.get(ProductsService);
      const p = await makeProduct();
      const three = await makeCertification(p.id, { stars: 3, score: 66, decisionDate: '2022-01-10' });
      const four = await makeCertification(p.id, { stars: 4, score: 80, decisionDate: '2023-06-01' });
      const five = await makeCertification(p.id, { stars: 5, score: 95, recognisingLevel: 'central', decisionDate: '2024-01-05' });
      await makeCertification(p.id, { stars: 2, score: 40, decisionDate: '2024-05-01' });
      await t.http().post(`/ocop-certifications/${five.id}/revoke`).set(bearer(w.tokens.admin)).send({ reason: 'Cấp sai thẩm quyền' });
      const on = async (date: string) => (await products.validOcopOn(p.id, date))?.id ?? null;
      expect(await on('2021-12-31')).toBeNull();
      expect(await on('2022-01-10')).toBe(three.id);
      expect(await on('2023-07-01')).toBe(four.id); // both valid: the higher star wins
      expect(await on('2024-06-01')).toBe(four.id); // 5★ revoked, 2★ is no badge
      expect(await on('2026-06-01')).toBe(four.id); // last valid day
      expect(await on('2026-06-02')).toBeNull();
      await expect(products.validOcopOn(p.id, '01/06/2024')).rejects.toThrow(/YYYY-MM-DD/);
    });
  });

  describe('who may do what', () => {
    // Product P and certification C of cooperative A (Hải Phòng, province 31). 404 where the actor may not
    // even know they exist; 403 where they can see but not act.
    const MATRIX: Record<string, Record<Actor, number>> = {
      'POST /cooperatives/A/products': { admin: 201, officerIn: 201, officerOut: 404, managerA: 201, staffA: 403, managerB: 404, staffB: 404 },
      'GET /products/P': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 200, managerB: 404, staffB: 404 },
      'PATCH /products/P': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 403, managerB: 404, staffB: 404 },
      'POST /products/P/images': { admin: 201, officerIn: 201, officerOut: 404, managerA: 201, staffA: 403, managerB: 404, staffB: 404 },
      'DELETE /products/P/images/I': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 403, managerB: 404, staffB: 404 },
      'GET /products/P/images/I/small (public)': { admin: 200, officerIn: 200, officerOut: 200, managerA: 200, staffA: 200, managerB: 200, staffB: 200 },
      'POST /products/P/ocop-certifications': { admin: 201, officerIn: 201, officerOut: 404, managerA: 201, staffA: 403, managerB: 404, staffB: 404 },
      'GET /products/P/ocop-certifications': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 200, managerB: 404, staffB: 404 },
      'POST /ocop-certifications/C/revoke': { admin: 200, officerIn: 200, officerOut: 404, managerA: 403, staffA: 403, managerB: 404, staffB: 404 },
      'GET /ocop-certifications/expiring': { admin: 200, officerIn: 200, officerOut: 200, managerA: 403, staffA: 403, managerB: 403, staffB: 403 },
      'GET /ocop/reference-groups': { admin: 200, officerIn: 200, officerOut: 200, managerA: 200, staffA: 200, managerB: 200, staffB: 200 },
      'GET /audit/product/P': { admin: 200, officerIn: 200, officerOut: 404, managerA: 200, staffA: 200, managerB: 404, staffB: 404 },
    };
    const SECRET_NAME = 'Chè Shan tuyết bí mật';
    let P: { id: string };
    let image: { id: string; urls: { small: string } };

    beforeAll(async () => {
      P = await makeProduct({ nameVi: SECRET_NAME });
      image = (await uploadImage(P.id, tinyPng(), w.tokens.admin, 'p.png')).body.images[0];
    });

    const call = async (route: string, actor: Actor) => {
      const auth = bearer(w.tokens[actor]);
      switch (route) {
        case 'POST /cooperatives/A/products':
          return t.http().post(`/cooperatives/${w.coopA.id}/products`).set(auth).send(productBody({ nameVi: `Sản phẩm của ${actor}` }));
        case 'GET /products/P':
          return t.http().get(`/products/${P.id}`).set(auth);
        case 'PATCH /products/P':
          return t.http().patch(`/products/${P.id}`).set(auth).send({ brand: `Sửa bởi ${actor}` });
        case 'POST /products/P/images':
          return t.http().post(`/products/${P.id}/images`).set(auth).attach('file', tinyPng(), 'p.png');
        case 'DELETE /products/P/images/I': {
          const fresh = (await uploadImage(P.id, tinyPng(), w.tokens.admin, 'p.png')).body.images.at(-1);
          return t.http().delete(`/products/${P.id}/images/${fresh.id}`).set(auth);
        }
        case 'GET /products/P/images/I/small (public)':
          return t.http().get(pathOf(image.urls.small));
        case 'POST /products/P/ocop-certifications':
          return t.http().post(`/products/${P.id}/ocop-certifications`).set(auth).send(ocopBody());
        case 'GET /products/P/ocop-certifications':
          return t.http().get(`/products/${P.id}/ocop-certifications`).set(auth);
        case 'POST /ocop-certifications/C/revoke': {
          const fresh = await makeCertification(P.id);
          return t.http().post(`/ocop-certifications/${fresh.id}/revoke`).set(auth).send({ reason: `Thu hồi bởi ${actor}` });
        }
        case 'GET /ocop-certifications/expiring':
          return t.http().get('/ocop-certifications/expiring').set(auth);
        case 'GET /ocop/reference-groups':
          return t.http().get('/ocop/reference-groups').set(auth);
        case 'GET /audit/product/P':
          return t.http().get(`/audit/product/${P.id}`).set(auth);
        default:
          throw new Error(route);
      }
    };

    for (const [route, expected] of Object.entries(MATRIX)) {
      for (const actor of ACTORS) {
        it(`${route} as ${actor} → ${expected[actor]}`, async () => {
          const res = await call(route, actor);
          expect(res.status).toBe(expected[actor]);
          if (res.status >= 400) {
            expect(res.body).toMatchObject({ statusCode: res.status, code: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
            // A refusal never carries the other tenant's data.
            expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`HTX A Hải Phòng|${SECRET_NAME}`));
          }
        });
      }
    }

    it('refused changes leave the product untouched', async () => {
      const res = await t.http().get(`/products/${P.id}`).set(bearer(w.tokens.admin));
      // The last successful PATCH in the matrix was by managerA; staffA, managerB, officerOut were refused.
      expect(res.body.brand).toBe('Sửa bởi managerA');
      // 1 initial + 3 accepted uploads + 4 fresh images whose deletion was refused.
      expect(res.body.imageCount).toBe(8);
      const certs = await t.http().get(`/products/${P.id}/ocop-certifications`).set(bearer(w.tokens.admin));
      expect(certs.body.filter((c: { status: string }) => c.status === 'revoked').map((c: { revokedReason: string }) => c.revokedReason).sort()).toEqual([
        'Thu hồi bởi admin',
        'Thu hồi bởi officerIn',
      ]);
    });

    it('lists only the products each actor may see', async () => {
      const names = async (actor: Actor) => {
        const res = await t.http().get(`/products?name=${encodeURIComponent(SECRET_NAME)}`).set(bearer(w.tokens[actor]));
        return (res.body.items as { nameVi: string }[]).map((p) => p.nameVi);
      };
      for (const actor of ['admin', 'officerIn', 'managerA', 'staffA'] as Actor[]) expect(await names(actor)).toEqual([SECRET_NAME]);
      for (const actor of ['officerOut', 'managerB', 'staffB'] as Actor[]) expect(await names(actor)).toEqual([]);
      const filtered = await t.http().get(`/products?cooperativeId=${w.coopA.id}`).set(bearer(w.tokens.managerB));
      expect(filtered.body.total).toBe(0);
    });

    it('asks for a login on every non-public route', async () => {
      expect((await t.http().get('/products')).status).toBe(401);
      expect((await t.http().get(`/products/${P.id}`)).status).toBe(401);
      expect((await t.http().post(`/products/${P.id}/ocop-certifications`).send(ocopBody())).status).toBe(401);
      expect((await t.http().get('/ocop-certifications/expiring')).status).toBe(401);
    });
  });

  it('documents the new routes and DTO fields in OpenAPI', async () => {
    const doc = (await t.http().get('/docs/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/cooperatives/{id}/products',
        '/products',
        '/products/{id}',
        '/products/{id}/images',
        '/products/{id}/images/{imageId}',
        '/products/{id}/images/{imageId}/{size}',
        '/products/{id}/ocop-certifications',
        '/ocop-certifications/{id}/revoke',
        '/ocop-certifications/expiring',
        '/ocop/reference-groups',
      ]),
    );
    expect(doc.components.schemas.CreateProductDto.properties.gtin.description).toContain('GTIN');
    expect(doc.components.schemas.CreateOcopCertificationDto.properties.stars.description).toContain('Số sao');
    expect(doc.components.schemas.CreateOcopCertificationDto.properties.validUntil).toBeUndefined();
  });
});
