import { Workbook, Worksheet } from 'exceljs';
import { performance } from 'node:perf_hooks';
import type { Response, Test } from 'supertest';
import { DataSource } from 'typeorm';
import { gs1CheckDigit } from '../../src/common/validation/gs1-check-digit';
import { bearer, TestApp } from '../utils/test-app';
import { makeCooperative, makeWorld, World } from '../utils/world';

type Actor = keyof World['tokens'];
type Cells = Record<string, string | number>;
type RowError = { row: number; column: string | null; field: string; message: string };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COOPERATIVE_HEADERS = [
  'Tên hợp tác xã*', 'Tên viết tắt', 'Mã số thuế', 'Số ĐKKD', 'Mã tỉnh', 'Mã xã/phường (từ 01/7/2025)', 'Mã xã cũ (trước 01/7/2025)',
  'Thôn/xóm, số nhà', 'Điện thoại', 'Email', 'Người đại diện', 'Tiền tố GS1', 'GLN',
];
const AREA_HEADERS = [
  'Mã số thuế HTX', 'Mã HTX (ID)', 'Tên vùng trồng*', 'Cây trồng*', 'Giống', 'Loại cây', 'Diện tích (ha)*', 'Số nông hộ*', 'Mã tỉnh',
  'Mã xã/phường (từ 01/7/2025)', 'Mã xã cũ (trước 01/7/2025)', 'Thôn/xóm', 'Tiêu chuẩn', 'Ranh giới (GeoJSON)',
];
const PRODUCT_HEADERS = [
  'Mã số thuế HTX', 'Mã HTX (ID)', 'Tên sản phẩm*', 'Tên tiếng Anh', 'Loại sản phẩm*', 'Đơn vị bán*', 'Khối lượng/thể tích tịnh*', 'Đơn vị tính*',
  'GTIN (mã vạch)', 'Nhãn hiệu', 'Mô tả', 'Tiêu chuẩn áp dụng', 'Hạn sử dụng (ngày)',
];

/** A valid Vietnamese tax code from 9 digits (skipping prefixes whose check digit would be 10). */
function taxCode(seed: number): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (let n = seed; ; n++) {
    const main = String(n).padStart(9, '0');
    const check = 10 - (weights.reduce((s, w, i) => s + w * Number(main[i]), 0) % 11);
    if (check < 10) return main + check;
  }
}
const gtin13 = (twelve: string) => twelve + gs1CheckDigit(twelve);


// supertest buffers only text; templates and annotated files are binary.
const binary = (request: Test) =>
  request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

async function readWorkbook(data: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}
const headersOf = (sheet: Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);
const validationsOf = (sheet: Worksheet) =>
  (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
/** A CSV line as RFC 4180 writes it: a header holding the separator is quoted. */
const csvLine = (cells: string[], separator: string) => cells.map((c) => (c.includes(separator) ? `"${c}"` : c)).join(separator);

describe('bulk onboarding (XLSX/CSV templates and all-or-nothing uploads)', () => {
  let t: TestApp;
  let w: World;
  let db: DataSource;
  // Cooperatives known by tax code: one in Hải Phòng (31, officerIn's province), one in Ninh Bình (37).
  const TAX_HP = taxCode(310_000_001);
  const TAX_NB = taxCode(370_000_001);
  let coopHp: { id: string };

  beforeAll(async () => {
    t = await TestApp.start();
    w = await makeWorld(t);
    db = t.app.get(DataSource);
    coopHp = await makeCooperative(t, w.tokens.admin, { name: 'HTX Vải thiều Trường Tân', taxCode: TAX_HP, address: { communeCode: 11065 } });
    await makeCooperative(t, w.tokens.admin, { name: 'HTX Lúa Bình Giang', taxCode: TAX_NB, address: { communeCode: 13531 } });
  });
  afterAll(async () => t?.stop());

  const as = (actor: Actor) => bearer(w.tokens[actor]);
  const download = (path: string, actor: Actor = 'officerIn') => binary(t.http().get(path).set(as(actor)));
  const upload = (kind: string, file: Buffer, opts: { actor?: Actor; dryRun?: boolean; lang?: string; name?: string } = {}) =>
    t
      .http()
      .post(`/onboarding/${kind}?dryRun=${opts.dryRun ?? true}`)
      .set(as(opts.actor ?? 'officerIn'))
      .set('accept-language', opts.lang ?? 'vi')
      .attach('file', file, opts.name ?? `${kind}.xlsx`);
  const count = async (table: string) => Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  /** The downloaded template with rows filled in from row 3 on (row 2, the "VD:" example, stays). */
  async function filledTemplate(kind: string, rows: Cells[]): Promise<Buffer> {
    const workbook = await readWorkbook((await download(`/onboarding/templates/${kind}.xlsx`)).body as Buffer);
    const sheet = workbook.getWorksheet('Dữ liệu')!;
    const column = new Map(headersOf(sheet).map((h, i) => [String(h), i + 1]));
    rows.forEach((cells, i) => {
      const row = sheet.getRow(i + 3);
      for (const [header, value] of Object.entries(cells)) {
        if (!column.has(header)) throw new Error(`no column ${header}`);
        row.getCell(column.get(header)!).value = value;
      }
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  const csv = (rows: (string | number)[][], separator = ',', bom = true) =>
    Buffer.from(
      (bom ? '\uFEFF' : '') +
        rows.map((r) => r.map((c) => (/[",;\r\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(separator)).join('\r\n'),
      'utf8',
    );

  describe('templates', () => {
    it('serves the cooperatives XLSX: Vietnamese headers in bold, frozen, widths, example row, drop-downs and a bilingual guide', async () => {
      const res = await download('/onboarding/templates/cooperatives.xlsx');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toBe('attachment; filename="nguon-cooperatives.xlsx"');
      const workbook = await readWorkbook(res.body);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Dữ liệu', 'Hướng dẫn', 'Danh mục', 'Xã, phường']);
      const data = workbook.getWorksheet('Dữ liệu')!;
      expect(headersOf(data)).toEqual(COOPERATIVE_HEADERS);
      expect(data.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(data.getColumn(1).width).toBeGreaterThan(20);
      expect(String(data.getRow(2).getCell(1).value)).toBe('VD: Hợp tác xã Tân Minh Đức');
      // Tax codes keep their leading zero: the column is formatted as text.
      expect(data.getColumn(3).numFmt).toBe('@');
      // exceljs spreads a range validation over its cells when it reads a file.
      const validations = validationsOf(data);
      expect(validations.E2).toMatchObject({ type: 'list', formulae: ["'Danh mục'!$A$2:$A$35"] });
      expect(validations.E5002).toEqual(validations.E2);
      expect(validations.E5003).toBeUndefined();
      const lists = workbook.getWorksheet('Danh mục')!;
      expect(lists.getRow(2).getCell(1).value).toBe('1 - Thành phố Hà Nội');
      expect(lists.rowCount).toBe(35);
      expect(workbook.getWorksheet('Xã, phường')!.rowCount).toBe(3322);

      const guide = workbook.getWorksheet('Hướng dẫn')!;
      expect(headersOf(guide)).toEqual(['Cột', 'Bắt buộc', 'Cách ghi', 'Ví dụ', 'Guidance (English)']);
      const rows: unknown[][] = [];
      guide.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      const guideRows = new Map(rows.map((r) => [String(r[0]), r]));
      for (const header of COOPERATIVE_HEADERS) expect(guideRows.has(header)).toBe(true);
      expect(guideRows.get('Tên hợp tác xã*')).toEqual(['Tên hợp tác xã*', 'Có', expect.stringContaining('Tên đầy đủ'), 'Hợp tác xã Tân Minh Đức', expect.stringMatching(/^Required\. Full registered name/)]);
      expect(guideRows.get('Mã số thuế')?.[1]).toBe('Không');
      expect(String(guideRows.get('Mã xã/phường (từ 01/7/2025)')?.[4])).toContain('accents optional');
      const notes = rows.map((r) => String(r[2] ?? ''));
      expect(notes.some((n) => n.includes('“VD:”'))).toBe(true);
      expect(notes.some((n) => n.includes('trọn vẹn hoặc không ghi gì'))).toBe(true);
    });

    it('serves the planting-areas and products XLSX with their own columns and drop-downs', async () => {
      const areas = await readWorkbook((await download('/onboarding/templates/planting-areas.xlsx')).body);
      const areaSheet = areas.getWorksheet('Dữ liệu')!;
      expect(headersOf(areaSheet)).toEqual(AREA_HEADERS);
      const areaValidations = validationsOf(areaSheet);
      expect(areaValidations.M3.formulae).toEqual(['"VietGAP,GlobalGAP,Hữu cơ,Không"']);
      expect(areaValidations.F3.formulae).toEqual(['"Cây lâu năm,Cây hằng năm"']);
      const products = await readWorkbook((await download('/onboarding/templates/products.xlsx', 'managerA')).body);
      expect(headersOf(products.getWorksheet('Dữ liệu')!)).toEqual(PRODUCT_HEADERS);
    });

    it.each([
      ['cooperatives', COOPERATIVE_HEADERS],
      ['planting-areas', AREA_HEADERS],
      ['products', PRODUCT_HEADERS],
    ])('serves the %s CSV as UTF-8 with a BOM, the headers and an example row', async (kind, headers) => {
      const res = await download(`/onboarding/templates/${kind}.csv`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, example] = body.toString('utf8').slice(1).split('\r\n');
      expect(header).toBe(csvLine(headers, ','));
      expect(example.startsWith('VD: ') || example.startsWith('"VD: ')).toBe(true);
    });

    it('offers a semicolon CSV for Excel in locales whose list separator is ";"', async () => {
      const res = await download('/onboarding/templates/cooperatives.csv?separator=semicolon');
      expect((res.body as Buffer).toString('utf8').slice(1).split('\r\n')[0]).toBe(csvLine(COOPERATIVE_HEADERS, ';'));
    });

    it('answers an unknown kind with 400', async () => {
      const res = await t.http().get('/onboarding/templates/harvests.xlsx').set(as('officerIn'));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'ONBOARDING_UNKNOWN_KIND', details: [{ field: 'kind' }] });
    });
  });

  describe('an officer uploads 500 planting areas', () => {
    const BAD = { commune: 17, area: 250, outside: 444 };
    const areaRow = (row: number): Cells => ({
      'Mã số thuế HTX': TAX_HP,
      'Tên vùng trồng*': `Vùng vải thiều số ${row}`,
      'Cây trồng*': 'Vải thiều',
      Giống: 'Thanh Hà',
      'Loại cây': 'Cây lâu năm',
      'Diện tích (ha)*': 1.5,
      'Số nông hộ*': 3,
      'Mã tỉnh': '31 - Thành phố Hải Phòng',
      // Half by code, half by name as officers write it (no "Xã", accents optional).
      'Mã xã/phường (từ 01/7/2025)': row % 2 ? '11065' : 'truong tan',
      'Thôn/xóm': `Thôn ${row % 7}`,
      'Tiêu chuẩn': 'VietGAP',
    });
    const rows = (broken: boolean) =>
      Array.from({ length: 500 }, (_, i) => {
        const row = i + 3;
        const cells = areaRow(row);
        if (broken && row === BAD.commune) cells['Mã xã/phường (từ 01/7/2025)'] = 'Xã Không Có Thật';
        if (broken && row === BAD.area) cells['Diện tích (ha)*'] = -2;
        if (broken && row === BAD.outside) cells['Mã số thuế HTX'] = TAX_NB;
        return cells;
      });
    let brokenFile: Buffer;

    beforeAll(async () => {
      brokenFile = await filledTemplate('planting-areas', rows(true));
    });

    it('dry run: lists exactly the 3 bad rows with row numbers, Vietnamese column names and reasons', async () => {
      const before = await count('planting_area');
      const res = await upload('planting-areas', brokenFile);
      expect(res.status).toBe(200);
      console.log('500 rows, 3 bad, dryRun=true → errors:\n' + JSON.stringify(res.body.errors, null, 2));
      expect(res.body).toEqual({
        kind: 'planting-areas',
        dryRun: true,
        format: 'xlsx',
        totalRows: 500,
        validRows: 497,
        errorRows: 3,
        errors: [
          {
            row: 17,
            column: 'Mã xã/phường (từ 01/7/2025)',
            field: 'address.communeCode',
            message: expect.stringMatching(/^Không có xã\/phường “Xã Không Có Thật” trong Thành phố Hải Phòng/),
          },
          {
            row: 250,
            column: 'Diện tích (ha)*',
            field: 'declaredAreaHa',
            message: 'Diện tích (ha) phải là số lớn hơn 0, tối đa 4 chữ số thập phân và không quá 999 999 ha',
          },
          {
            row: 444,
            column: 'Mã số thuế HTX',
            field: 'cooperativeTaxCode',
            message: `Không tìm thấy hợp tác xã có mã số thuế ${TAX_NB} trong phạm vi bạn quản lý (chưa đăng ký, hoặc không thuộc tỉnh/hợp tác xã bạn phụ trách)`,
          },
        ],
        errorsTruncated: false,
        ignoredColumns: [],
        created: 0,
      });
      // The refusal names no cooperative of another province.
      expect(JSON.stringify(res.body)).not.toContain('Bình Giang');
      expect(await count('planting_area')).toBe(before);
    });

    it('answers in English with Accept-Language: en; columns stay as in the file', async () => {
      const res = await upload('planting-areas', brokenFile, { lang: 'en' });
      expect(res.body.errors.map((e: RowError) => [e.row, e.column])).toEqual([
        [17, 'Mã xã/phường (từ 01/7/2025)'],
        [250, 'Diện tích (ha)*'],
        [444, 'Mã số thuế HTX'],
      ]);
      expect(res.body.errors[1].message).toBe('The area (ha) must be a number above 0, with at most 4 decimals and no more than 999,999 ha');
      expect(res.body.errors[2].message).toMatch(/^No cooperative with tax code \d{10} within your scope/);
    });

    it('with Accept: XLSX, a dry run answers with the file itself, a “Lỗi” column and the bad cells marked', async () => {
      const res = await binary(upload('planting-areas', brokenFile).set('accept', XLSX));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers).toMatchObject({ 'x-onboarding-total-rows': '500', 'x-onboarding-error-rows': '3' });
      const workbook = await readWorkbook(res.body as Buffer);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Dữ liệu', 'Hướng dẫn', 'Danh mục', 'Xã, phường']);
      const sheet = workbook.getWorksheet('Dữ liệu')!;
      expect(headersOf(sheet)).toEqual([...AREA_HEADERS, 'Lỗi']);
      const errorsColumn = AREA_HEADERS.length + 1;
      expect(String(sheet.getRow(17).getCell(errorsColumn).value)).toMatch(/^Mã xã\/phường \(từ 01\/7\/2025\): Không có xã\/phường “Xã Không Có Thật”/);
      expect(String(sheet.getRow(250).getCell(errorsColumn).value)).toBe(
        'Diện tích (ha)*: Diện tích (ha) phải là số lớn hơn 0, tối đa 4 chữ số thập phân và không quá 999 999 ha',
      );
      expect(sheet.getRow(18).getCell(errorsColumn).value).toBeNull();
      const badArea = sheet.getRow(250).getCell(AREA_HEADERS.indexOf('Diện tích (ha)*') + 1);
      expect(badArea.value).toBe(-2);
      expect(badArea.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFC7CE' } });
      expect(String(badArea.note)).toContain('phải là số lớn hơn 0');

      // The officer fixes two rows in the annotated file and uploads it again: the "Lỗi" column is not data.
      sheet.getRow(17).getCell(AREA_HEADERS.indexOf('Mã xã/phường (từ 01/7/2025)') + 1).value = '11065';
      badArea.value = 2;
      const again = await upload('planting-areas', Buffer.from(await workbook.xlsx.writeBuffer()));
      expect(again.body).toMatchObject({ errorRows: 1, ignoredColumns: [], errors: [expect.objectContaining({ row: 444 })] });
    });

    it('apply with bad rows: 422, the same rows in the error details, and nothing written', async () => {
      const before = await count('planting_area');
      const auditBefore = await count('audit_entry');
      const res = await upload('planting-areas', brokenFile, { dryRun: false });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        statusCode: 422,
        code: 'ONBOARDING_ROWS_INVALID',
        message: 'Tệp có 3 dòng lỗi nên chưa dòng nào được ghi; sửa các dòng được liệt kê rồi tải lên lại',
        requestId: expect.any(String),
        kind: 'planting-areas',
        dryRun: false,
        totalRows: 500,
        validRows: 497,
        errorRows: 3,
        created: 0,
      });
      expect(res.body.details.map((d: RowError) => [d.row, d.column, d.field])).toEqual([
        [17, 'Mã xã/phường (từ 01/7/2025)', 'address.communeCode'],
        [250, 'Diện tích (ha)*', 'declaredAreaHa'],
        [444, 'Mã số thuế HTX', 'cooperativeTaxCode'],
      ]);
      expect(await count('planting_area')).toBe(before);
      expect(await count('audit_entry')).toBe(auditBefore);
    });

    it('apply once fixed: 500 areas in one multi-row INSERT, one audit INSERT, all in one transaction', async () => {
      const file = await filledTemplate('planting-areas', rows(false));
      const before = await count('planting_area');
      const checkStarted = performance.now();
      expect((await upload('planting-areas', file)).body).toMatchObject({ validRows: 500, errorRows: 0, created: 0 });
      console.log(`500 planting areas checked (dryRun=true) in ${Math.round(performance.now() - checkStarted)} ms`);
      // Every statement passes the DataSource's logger (which prints nothing at LOG_LEVEL silent).
      const query = jest.spyOn(db.logger, 'logQuery');
      const started = performance.now();
      let res: Response;
      let statements: string[];
      try {
        res = await upload('planting-areas', file, { dryRun: false });
        statements = query.mock.calls.map((c) => String(c[0]));
      } finally {
        query.mockRestore();
      }
      const ms = Math.round(performance.now() - started);
      console.log(`500 planting areas applied (upload, check, insert, audit) in ${ms} ms`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ dryRun: false, totalRows: 500, validRows: 500, errorRows: 0, errors: [], created: 500 });
      expect(res.body.createdIds).toHaveLength(500);
      expect(await count('planting_area')).toBe(before + 500);

      // Reads (the login's user, the cooperatives by tax code), then one transaction of two statements.
      // (The public rate limit's once-a-second sync runs in the background meanwhile: not this request's.)
      const ofRequest = statements!.filter((s) => !s.startsWith('SELECT') && !s.includes('public_rate_window'));
      expect(ofRequest.map((s) => s.slice(0, 28))).toEqual([
        'START TRANSACTION',
        'INSERT INTO "planting_area"(',
        'INSERT INTO "audit_entry"("i',
        'COMMIT',
      ]);

      const ids = res.body.createdIds as string[];
      const audited = await db.query(
        `SELECT count(*)::int AS n, count(DISTINCT entity_id)::int AS entities, min(actor_id::text) AS actor, min(action) AS action
           FROM audit_entry WHERE entity_type = 'planting_area' AND entity_id = ANY($1)`,
        [ids],
      );
      expect(audited[0]).toEqual({ n: 500, entities: 500, actor: w.users.officerIn.id, action: 'created' });

      // Row 4 named its commune "truong tan"; row 3 gave the code.
      for (const [i, id] of ids.slice(0, 2).entries()) {
        const area = await t.http().get(`/planting-areas/${id}`).set(as('managerA'));
        expect(area.status).toBe(404); // coopHp is not managerA's cooperative
        const seen = await t.http().get(`/planting-areas/${id}`).set(as('officerIn'));
        expect(seen.body).toMatchObject({
          cooperativeId: coopHp.id,
          name: `Vùng vải thiều số ${i + 3}`,
          cropType: 'perennial',
          declaredAreaHa: 1.5,
          householdCount: 3,
          standard: 'vietgap',
          address: { provinceCode: 31, communeCode: 11065, communeName: 'Xã Trường Tân', street: `Thôn ${(i + 3) % 7}` },
        });
      }
      const history = await t.http().get(`/audit/planting_area/${ids[0]}`).set(as('officerIn'));
      expect(history.body.items).toEqual([
        expect.objectContaining({ action: 'created', actorId: w.users.officerIn.id, actorRole: 'officer', after: expect.objectContaining({ declaredAreaHa: 1.5, standard: 'vietgap' }) }),
      ]);
    });
  });

  describe('cooperatives', () => {
    const TAX_A = taxCode(310_000_101);
    const TAX_B = taxCode(310_000_201);
    const TAX_C = taxCode(310_000_301);
    const header = ['Tên hợp tác xã*', 'Mã số thuế', 'Mã tỉnh', 'Mã xã/phường (từ 01/7/2025)', 'Mã xã cũ (trước 01/7/2025)', 'Thôn/xóm, số nhà', 'Điện thoại', 'Email'];

    it('reads a semicolon CSV without BOM, stores NFD names as NFC and keeps quoted separators', async () => {
      const file = csv(
        [
          header,
          ['VD: Hợp tác xã Tân Minh Đức', '0801234560', '31', '11065', '', 'Thôn Phạm Trấn', '0912 345 678', 'htx@example.vn'],
          ['Hợp tác xã Nông nghiệp Đồng Tâm'.normalize('NFD'), TAX_A, '31', '11065', '', 'Thôn 2; xóm Chợ', '0912 345 678', 'LienHe@Example.VN'],
          ['Hợp tác xã Dịch vụ, Thương mại "An Phú"', TAX_B, '', '', '11053', 'Thôn 3', '', ''],
          ['Hợp tác xã Rau sạch Cẩm Giàng', TAX_C, 'Hải Phòng', 'Cẩm Giàng', '', '', '', ''],
        ],
        ';',
        false,
      );
      const res = await upload('cooperatives', file, { dryRun: false, name: 'htx.csv' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ format: 'csv', totalRows: 3, errorRows: 0, created: 3 });
      const [a, b, c] = await Promise.all(
        (res.body.createdIds as string[]).map(async (id) => (await t.http().get(`/cooperatives/${id}`).set(as('officerIn'))).body),
      );
      expect(a.name).toBe('Hợp tác xã Nông nghiệp Đồng Tâm'.normalize('NFC'));
      expect(a.name).not.toBe('Hợp tác xã Nông nghiệp Đồng Tâm'.normalize('NFD'));
      expect(a).toMatchObject({ taxCode: TAX_A, phone: '+84912345678', email: 'lienhe@example.vn', address: { communeCode: 11065, street: 'Thôn 2; xóm Chợ' } });
      expect(b).toMatchObject({ name: 'Hợp tác xã Dịch vụ, Thương mại "An Phú"', address: { communeCode: 11065, convertedFrom: { oldCommuneName: 'Xã Phạm Trấn' } } });
      expect(c).toMatchObject({ address: { provinceCode: 31, communeCode: 10903, communeName: 'Xã Cẩm Giàng' } });
      const history = await t.http().get(`/audit/cooperative/${a.id}`).set(as('officerIn'));
      expect(history.body.items).toEqual([expect.objectContaining({ action: 'created', actorId: w.users.officerIn.id })]);
    });

    it('reports duplicates, taken tax codes, ambiguous communes and addresses outside the officer’s provinces', async () => {
      const fresh = taxCode(310_000_401);
      const file = csv([
        header,
        ['HTX Một', fresh, '31', '11065', '', '', '', ''],
        ['HTX Hai', fresh, '31', '11065', '', '', '', ''],
        ['HTX Ba', TAX_HP, '31', '11065', '', '', '', ''],
        ['HTX Bốn', '', '31', 'cam giang', '', '', '', ''],
        ['HTX Năm', '', '', '13531', '', '', '', ''],
        ['HTX Sáu', '0300588568', '', '11065', '', '', '012', 'not-an-email'],
        ['', '', '', '', '', 'Thôn 9', '', ''],
      ]);
      const res = await upload('cooperatives', file, { name: 'htx.csv' });
      expect(res.status).toBe(200);
      const errors = res.body.errors as RowError[];
      expect(errors.map((e) => [e.row, e.column])).toEqual([
        [3, 'Mã số thuế'],
        [4, 'Mã số thuế'],
        [5, 'Mã xã/phường (từ 01/7/2025)'],
        [6, 'Mã xã/phường (từ 01/7/2025)'],
        [7, 'Mã số thuế'],
        [7, 'Điện thoại'],
        [7, 'Email'],
        [8, 'Tên hợp tác xã*'],
        [8, 'Mã xã/phường (từ 01/7/2025)'],
      ]);
      expect(errors[0].message).toBe(`Mã số thuế ${fresh} trùng với dòng 2 của tệp`);
      expect(errors[1].message).toBe(`Mã số thuế ${TAX_HP} đã được đăng ký cho một hợp tác xã khác`);
      expect(errors[2].message).toBe(
        'Có nhiều xã/phường tên “cam giang” trong Thành phố Hải Phòng; ghi mã xã hoặc tên có dấu đầy đủ: 10888 Xã Cẩm Giang; 10903 Xã Cẩm Giàng',
      );
      expect(errors[3].message).toBe('Địa chỉ thuộc Tỉnh Ninh Bình (mã 37), ngoài các tỉnh bạn phụ trách');
      expect(errors[4].message).toBe('Mã số thuế sai chữ số kiểm tra, chữ số thứ 10 phải là 9');
      expect(errors[7].message).toBe('Bắt buộc: ô này không được để trống');
      expect(errors[8].message).toContain('“Mã xã/phường (từ 01/7/2025)”');
    });

    it('annotates a CSV too: the answer to Accept: XLSX is a workbook of its rows with a “Lỗi” column', async () => {
      const file = csv([header, ['HTX Bảy', '', '31', 'Xã Không Có', '', '', '', '']]);
      const res = await binary(upload('cooperatives', file, { name: 'htx.csv' }).set('accept', XLSX));
      const sheet = (await readWorkbook(res.body as Buffer)).getWorksheet('Dữ liệu')!;
      expect(headersOf(sheet)).toEqual([...header, 'Lỗi']);
      expect(sheet.getRow(2).getCell(1).value).toBe('HTX Bảy');
      expect(String(sheet.getRow(2).getCell(header.length + 1).value)).toMatch(/^Mã xã\/phường \(từ 01\/7\/2025\): Không có xã\/phường “Xã Không Có”/);
    });

    it('refuses cooperative managers and staff before reading the file', async () => {
      for (const actor of ['managerA', 'staffA'] as const) {
        const res = await upload('cooperatives', csv([header]), { actor, dryRun: false });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    });
  });

  describe('products', () => {
    const good = gtin13('893458801301');
    const rows = (gtinRow3: string | number): Cells[] => [
      { 'Tên sản phẩm*': 'Vải thiều sấy khô', 'Loại sản phẩm*': 'Trái cây sấy', 'Đơn vị bán*': 'hộp', 'Khối lượng/thể tích tịnh*': '0,5', 'Đơn vị tính*': 'kg', 'GTIN (mã vạch)': gtinRow3, 'Tiêu chuẩn áp dụng': 'TCVN 5603:2023; VietGAP' },
      { 'Tên sản phẩm*': 'Nước mắm cốt', 'Loại sản phẩm*': 'Nước mắm', 'Đơn vị bán*': 'chai', 'Khối lượng/thể tích tịnh*': 0.5, 'Đơn vị tính*': 'LTR', 'GTIN (mã vạch)': good },
    ];

    it('names the expected GS1 check digit and refuses a GTIN used twice in the file', async () => {
      const wrong = good.slice(0, -1) + ((Number(good.at(-1)) + 1) % 10);
      const file = await filledTemplate('products', [...rows(wrong), { ...rows(good)[1], 'Tên sản phẩm*': 'Nước mắm nhĩ' }]);
      const res = await upload('products', file, { actor: 'managerA' });
      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual([
        {
          row: 3,
          column: 'GTIN (mã vạch)',
          field: 'gtin',
          message: `Sai chữ số kiểm tra GS1, chữ số cuối phải là ${good.at(-1)} (GTIN ${good})`,
        },
        { row: 5, column: 'GTIN (mã vạch)', field: 'gtin', message: `GTIN 0${good} trùng với dòng 4 của tệp` },
      ]);
      const en = await upload('products', file, { actor: 'managerA', lang: 'en' });
      expect(en.body.errors[0].message).toBe(`Wrong GS1 check digit, the last digit should be ${good.at(-1)} (GTIN ${good})`);
    });

    it('lets a manager upload for their own cooperative without a tax code; GTINs typed as numbers, units as people write them', async () => {
      const file = await filledTemplate('products', rows(Number(gtin13('893458801302'))));
      const res = await upload('products', file, { actor: 'managerA', dryRun: false });
      expect(res.status).toBe(200);
      expect(res.body.created).toBe(2);
      const product = await t.http().get(`/products/${res.body.createdIds[0]}`).set(as('staffA'));
      expect(product.body).toMatchObject({
        cooperativeId: w.coopA.id,
        netContent: 0.5,
        netContentUnit: 'KGM',
        gtin: `0${gtin13('893458801302')}`,
        standardsApplied: ['TCVN 5603:2023', 'VietGAP'],
      });
      const again = await upload('products', file, { actor: 'managerA' });
      expect(again.body.errors.map((e: RowError) => e.message)).toEqual([
        `GTIN 0${gtin13('893458801302')} đã được dùng cho một sản phẩm khác`,
        `GTIN 0${good} đã được dùng cho một sản phẩm khác`,
      ]);
    });

    it('keeps a manager to their own cooperative: another tax code is "not found in your scope"', async () => {
      const file = await filledTemplate('products', [{ ...rows('')[1], 'Mã số thuế HTX': TAX_HP, 'GTIN (mã vạch)': '' }]);
      const res = await upload('products', file, { actor: 'managerA' });
      expect(res.body.errors).toEqual([expect.objectContaining({ row: 3, field: 'cooperativeTaxCode', message: expect.stringContaining('Không tìm thấy hợp tác xã') })]);
    });
  });

  describe('scope and file problems', () => {
    const area = (tax: string): Cells => ({
      'Mã số thuế HTX': tax,
      'Tên vùng trồng*': 'Vùng lúa',
      'Cây trồng*': 'Lúa',
      'Diện tích (ha)*': 2,
      'Số nông hộ*': 5,
      'Mã xã/phường (từ 01/7/2025)': '11065',
    });

    it('refuses cooperative staff with 403', async () => {
      for (const kind of ['planting-areas', 'products']) {
        const res = await upload(kind, await filledTemplate(kind, []), { actor: 'staffA', dryRun: false });
        expect(res.status).toBe(403);
      }
    });

    it('gives an officer outside the province row errors that do not reveal whether the cooperative exists', async () => {
      const unknown = taxCode(310_009_001);
      const file = await filledTemplate('planting-areas', [area(TAX_HP), area(unknown)]);
      const res = await upload('planting-areas', file, { actor: 'officerOut' });
      expect(res.status).toBe(200);
      const [known, missing] = res.body.errors as RowError[];
      expect(known).toMatchObject({ row: 3, column: 'Mã số thuế HTX' });
      expect(known.message.replace(TAX_HP, 'X')).toBe(missing.message.replace(unknown, 'X'));
      expect(JSON.stringify(res.body)).not.toContain('Trường Tân');
      expect(JSON.stringify(res.body)).not.toContain(coopHp.id);
    });

    it('lets an admin upload anywhere', async () => {
      const res = await upload('planting-areas', await filledTemplate('planting-areas', [area(TAX_NB)]), { actor: 'admin' });
      expect(res.body).toMatchObject({ validRows: 1, errorRows: 0 });
    });

    it('explains files it cannot use', async () => {
      const xls = await upload('planting-areas', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { name: 'old.xls' });
      expect(xls.status).toBe(400);
      expect(xls.body).toMatchObject({ code: 'ONBOARDING_FILE_UNREADABLE', message: expect.stringContaining('.xls') });
      const latin1 = await upload('cooperatives', Buffer.from('Tên hợp tác xã*\nHTX Đồng Tâm\n', 'latin1'), { name: 'htx.csv' });
      expect(latin1.body).toMatchObject({ code: 'ONBOARDING_FILE_UNREADABLE', message: expect.stringContaining('CSV UTF-8') });
      const missing = await upload('planting-areas', csv([['Mã số thuế HTX', 'Cây trồng'], [TAX_HP, 'Lúa']]), { name: 'a.csv' });
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('ONBOARDING_MISSING_COLUMNS');
      expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['name', 'declaredAreaHa', 'householdCount']);
      const empty = await upload('planting-areas', await filledTemplate('planting-areas', []));
      expect(empty.body.code).toBe('ONBOARDING_NO_ROWS');
      const tooMany = csv([['Tên hợp tác xã*'], ...Array.from({ length: 5001 }, (_, i) => [`HTX ${i}`])]);
      const big = await upload('cooperatives', tooMany, { name: 'big.csv' });
      expect(big.status).toBe(400);
      expect(big.body).toMatchObject({ code: 'ONBOARDING_TOO_MANY_ROWS', message: expect.stringContaining('5.001') });
      const none = await t.http().post('/onboarding/cooperatives').set(as('officerIn'));
      expect(none.status).toBe(400);
    });

    it('checks only, unless told dryRun=false', async () => {
      const before = await count('cooperative');
      const file = csv([['Tên hợp tác xã*', 'Mã xã/phường (từ 01/7/2025)'], ['HTX Mặc định', '11065']]);
      const res = await t.http().post('/onboarding/cooperatives').set(as('officerIn')).attach('file', file, 'c.csv');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ dryRun: true, validRows: 1, created: 0 });
      expect(await count('cooperative')).toBe(before);
    });

    it('reports headers it does not know', async () => {
      const res = await upload('cooperatives', csv([['Tên HTX*', 'Ten hop tac xa', 'Ghi chú'], ['x', 'HTX Không Dấu', 'y']]), { name: 'c.csv' });
      expect(res.body.ignoredColumns).toEqual(['Tên HTX*', 'Ghi chú']);
      expect(res.body.errors).toEqual([expect.objectContaining({ row: 2, column: 'Mã xã/phường (từ 01/7/2025)' })]);
    });
  });
});
