import { deflateSync } from 'node:zlib';
import { tinyPng } from '../utils/images';
import { makeClosedBatch, makeProduct } from '../utils/registry';
import { TestApp } from '../utils/test-app';
import { makeCooperative, makeUser } from '../utils/world';
import { cheapPasswordHashing, client, newGtin, ok, Res, Send, tinyPdf } from './helpers';

// Upload limits and content checks, body limits, security headers on every kind of response, CORS,
// and the client address used for limits. test/e2e/platform.e2e-spec.ts checks the basic headers on
// /health/live and CORS for one allowed and one foreign origin; this goes further.
const MAX_UPLOAD = 200 * 1024;
const APP = 'https://app.nguon.test';
const PUBLIC_LIMIT = 5;

describe('HTTP hardening', () => {
  let t: TestApp;
  let send: Send;
  let admin: string;
  let staff: string;
  let coopId: string;
  let productId: string;
  let certId: string;
  let stampPath: string;
  let serial: string;
  let issuanceId: string;
  let client9 = 0;
  /** Public pages are limited per address (PUBLIC_LIMIT here): each check comes from its own. */
  const fresh = () => `192.0.2.${++client9}`;

  beforeAll(async () => {
    t = await TestApp.start({
      UPLOAD_MAX_BYTES: String(MAX_UPLOAD),
      CORS_ORIGINS: `${APP}, https://quanly.nguon.test`,
      PUBLIC_RATE_LIMIT_PER_MINUTE: String(PUBLIC_LIMIT),
    });
    cheapPasswordHashing(t.app);
    send = client(t.app);
    admin = await t.adminToken();
    coopId = (await makeCooperative(t, admin, { name: 'HTX Kiểm Tra <b>HTML</b>' })).id;
    staff = await t.login((await makeUser(t, admin, { role: 'cooperative_staff', cooperativeId: coopId })).email);
    productId = (await makeProduct(t, admin, coopId)).id;
    certId = (
      await ok(
        send('POST', '/certifications', {
          token: admin,
          json: { subjectType: 'cooperative', subjectId: coopId, scheme: 'VietGAP', certificateNo: 'VG-1', certBody: 'TQC', issuedOn: '2025-01-02', validUntil: '2027-01-01' },
        }),
        'certification',
      )
    ).id;
    // A product name with markup in it: pages and stamp images must show it as text.
    const { product, batch } = await makeClosedBatch(t, { admin, manager: admin }, coopId, { gtin: newGtin(), image: tinyPng() });
    await ok(send('PATCH', `/products/${product.id}`, { token: admin, json: { nameVi: 'Bắp cải <script>alert("x")</script>' } }), 'rename');
    const issuance = await ok(send('POST', `/batches/${batch.id}/stamps`, { token: admin, json: { count: 1 } }), 'issue');
    issuanceId = issuance.id;
    await ok(send('POST', `/stamp-issuances/${issuanceId}/activate`, { token: admin, json: {} }), 'activate');
    const csv = await send('GET', `/stamp-issuances/${issuanceId}/stamps.csv`, { token: admin });
    serial = csv.text.trim().split(/\r?\n/)[1].split(',')[0];
    stampPath = `/01/${product.gtin}/10/${encodeURIComponent(String(batch.lotCode))}/21/${serial}`;
  }, 90_000);
  afterAll(async () => t?.stop());

  const upload = (method: 'PUT' | 'POST', url: string, data: Buffer, name: string, type: string) => send(method, url, { token: admin, file: { data, name, type } });
  const uploads = (data: Buffer, name: string, type: string) => ({
    logo: () => upload('PUT', `/cooperatives/${coopId}/logo`, data, name, type),
    productImage: () => upload('POST', `/products/${productId}/images`, data, name, type),
    certificateFile: () => upload('PUT', `/certifications/${certId}/file`, data, name, type),
    onboarding: () => upload('POST', '/onboarding/products?dryRun=true', data, name, type),
    bulkPublish: () => upload('POST', '/bulk-publish/upload', data, name, type),
  });
  const imageCount = async () => (await ok(send('GET', `/products/${productId}`, { token: admin }), 'product')).images.length as number;

  describe('uploads', () => {
    it('refuses a file over UPLOAD_MAX_BYTES on every upload route, naming the limit', async () => {
      const big = Buffer.concat([tinyPng(), Buffer.alloc(MAX_UPLOAD + 1024, 7)]);
      for (const [route, call] of Object.entries(uploads(big, 'anh-lon.png', 'image/png'))) {
        const res = await call();
        // UPLOAD_TOO_LARGE answers 400, like other bad input (src/media/media-error-code.ts), not 413.
        expect([route, res.status, res.body.code, res.body.message]).toEqual([route, 400, 'UPLOAD_TOO_LARGE', 'Tệp quá lớn, tối đa 0.2 MB']);
        expect(res.body.details).toEqual([{ field: 'file', message: 'Tối đa 0.2 MB' }]);
      }
      const en = await send('POST', `/products/${productId}/images`, { token: admin, headers: { 'accept-language': 'en' }, file: { data: big, name: 'x.png', type: 'image/png' } });
      expect(en.body.message).toBe('File too large, at most 0.2 MB');
      // Far over the limit: refused the same way, without reading it all.
      const huge = await upload('POST', `/products/${productId}/images`, Buffer.alloc(8 * 1024 * 1024, 1), 'x.png', 'image/png');
      expect(huge.body.code).toBe('UPLOAD_TOO_LARGE');
      expect(await imageCount()).toBe(0);
    });

    it('checks what a file is from its bytes, not its name or declared type', async () => {
      const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
      for (const call of [uploads(html, 'anh.png', 'image/png').logo, uploads(html, 'anh.jpg', 'image/jpeg').productImage, uploads(html, 'giay.pdf', 'application/pdf').certificateFile]) {
        const res = await call();
        expect([res.status, res.body.code]).toEqual([400, 'UNSUPPORTED_IMAGE']);
      }
      // A truncated image: right magic bytes, no picture.
      const truncated = await uploads(tinyPng().subarray(0, 60), 'anh.png', 'image/png').productImage();
      expect([truncated.status, truncated.body.code]).toEqual([400, 'UNSUPPORTED_IMAGE']);
      // Binary posing as a spreadsheet, and a ZIP that is no workbook.
      const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), deflateSync(Buffer.from('not a workbook'))]);
      for (const call of [uploads(tinyPng(), 'san-pham.csv', 'text/csv').onboarding, uploads(zip, 'san-pham.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').onboarding, uploads(tinyPng(), 'dang-ban.csv', 'text/csv').bulkPublish]) {
        const res = await call();
        expect([res.status, res.body.code]).toEqual([400, 'ONBOARDING_FILE_UNREADABLE']);
      }
      expect(await imageCount()).toBe(0);
    });

    it('re-encodes accepted images, so markup hidden in them never comes back', async () => {
      const polyglot = Buffer.concat([tinyPng(), Buffer.from('<html><script>alert(1)</script></html>')]);
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><script>alert(1)</script><rect width="40" height="30" fill="red"/></svg>');
      for (const data of [polyglot, svg]) {
        const res = await upload('POST', `/products/${productId}/images`, data, 'anh.png', 'image/png');
        expect(res.status).toBe(201);
        const url = new URL(res.body.images.at(-1).urls.large);
        const image = await send('GET', url.pathname, { remoteAddress: fresh() });
        expect(image.status).toBe(200);
        expect(image.headers['content-type']).toBe('image/webp');
        expect(image.headers['x-content-type-options']).toBe('nosniff');
        expect(image.raw.subarray(0, 4).toString()).toBe('RIFF');
        expect(image.raw.subarray(8, 12).toString()).toBe('WEBP');
        expect(image.text).not.toMatch(/<script|<html|<svg/i);
      }
    });

    it('keeps a PDF as it is but serves it as a PDF that browsers may not sniff', async () => {
      const pdfWithMarkup = Buffer.concat([tinyPdf(), Buffer.from('<html><script>alert(1)</script></html>')]);
      expect((await upload('PUT', `/certifications/${certId}/file`, pdfWithMarkup, 'gcn.html', 'text/html')).status).toBe(200);
      const file = await send('GET', `/certifications/${certId}/file`, { token: admin });
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(String(file.headers['cache-control'])).toMatch(/^private/);
      expect(String(file.headers['content-security-policy'])).toContain("default-src 'self'");
    });
  });

  describe('request bodies', () => {
    it('refuses a JSON body over the 2 MiB limit with 413, before the route runs', async () => {
      const big = { login: 'a'.repeat(2.5 * 1024 * 1024), password: 'x' };
      for (const res of [await send('POST', '/auth/login', { json: big }), await send('PATCH', `/cooperatives/${coopId}`, { token: admin, json: { legalRepresentative: big.login } })]) {
        expect(res.status).toBe(413);
        expect(res.body).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn', requestId: expect.any(String) });
      }
      const en = await send('POST', '/auth/login', { json: big, headers: { 'accept-language': 'en' } });
      expect(en.body.message).toBe('Request body too large');
      // Under the limit, the same request is an ordinary validation error.
      expect((await send('POST', '/auth/login', { json: { login: 'a'.repeat(300), password: 'x' } })).status).toBe(400);
    });

    it('refuses a body of a type no route reads', async () => {
      const res = await send('POST', '/auth/login', { json: '<login/>', headers: { 'content-type': 'application/xml' } });
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Định dạng nội dung không được hỗ trợ' });
    });
  });

  describe('security headers', () => {
    const common = (res: Res, what: string) => {
      const h = res.headers;
      expect([what, h['x-content-type-options']]).toEqual([what, 'nosniff']);
      expect([what, h['x-frame-options']]).toEqual([what, 'SAMEORIGIN']);
      expect([what, h['referrer-policy']]).toEqual([what, 'no-referrer']);
      expect([what, h['strict-transport-security']]).toEqual([what, 'max-age=31536000; includeSubDomains']);
      expect([what, h['cross-origin-opener-policy']]).toEqual([what, 'same-origin']);
      expect([what, h['x-powered-by']]).toEqual([what, undefined]);
      expect([what, h['server']]).toEqual([what, undefined]);
      expect([what, h['x-request-id']]).toEqual([what, expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    };

    it('are on API answers, errors and downloads alike, with frame-ancestors in the CSP', async () => {
      let limited: Res | undefined;
      const from = fresh();
      for (let i = 0; i <= PUBLIC_LIMIT && !limited; i++) {
        const res = await send('GET', `/s/${serial}`, { remoteAddress: from });
        if (res.status === 429) limited = res;
      }
      const cases: [string, Res][] = [
        ['JSON 200', await send('GET', '/cooperatives', { token: admin })],
        ['401', await send('GET', '/cooperatives')],
        ['403', await send('GET', '/ocop-certifications/expiring', { token: staff })],
        ['404 route', await send('GET', '/khong-co')],
        ['413', await send('POST', '/auth/login', { json: { login: 'a'.repeat(2.5 * 1024 * 1024), password: 'x' } })],
        ['429', limited!],
        ['PDF print file', await send('GET', `/stamp-issuances/${issuanceId}/print.pdf`, { token: admin })],
        ['CSV print file', await send('GET', `/stamp-issuances/${issuanceId}/stamps.csv`, { token: admin })],
        ['OpenAPI', await send('GET', '/docs/openapi.json')],
      ];
      expect(limited?.status).toBe(429);
      for (const [what, res] of cases) {
        common(res, what);
        const csp = String(res.headers['content-security-policy']);
        expect([what, csp]).toEqual([what, expect.stringContaining("default-src 'self'")]);
        expect([what, csp]).toEqual([what, expect.stringContaining("frame-ancestors 'self'")]);
        expect([what, csp]).toEqual([what, expect.stringContaining("object-src 'none'")]);
      }
      // Print files carry every serial: never cached. Nor is any answer to a logged-in request.
      expect(cases[6][1].headers['cache-control']).toBe('no-store');
      expect(cases[7][1].headers['cache-control']).toBe('no-store');
      expect(cases[0][1].headers['cache-control']).toBe('no-store');
      // Only the OpenAPI UI may run inline script; the API's own answers may not.
      for (const [what, res] of cases) expect([what, String(res.headers['content-security-policy'])]).toEqual([what, expect.not.stringContaining('unsafe-inline')]);
      const docs = await send('GET', '/docs');
      expect(String(docs.headers['content-security-policy'])).toContain("script-src 'self' 'unsafe-inline'");
    });

    it('are on origin pages, whose own CSP allows no script at all and shows names as text', async () => {
      const html = await send('GET', stampPath, { remoteAddress: fresh() });
      expect(html.status).toBe(200);
      common(html, 'origin page');
      const csp = String(html.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toMatch(/script-src/);
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(html.headers['cache-control']).toBe('no-store');
      expect(html.headers['x-robots-tag']).toBe('noindex');
      expect(html.text).not.toMatch(/<script/i);
      expect(html.text).toContain('&lt;script&gt;');
      expect(html.text).not.toContain('<b>HTML</b>');
      const json = await send('GET', stampPath, { remoteAddress: fresh(), headers: { accept: 'application/json' } });
      common(json, 'origin JSON');
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      // The stamp image a manager downloads, opened in a browser, is an SVG from this origin: no markup.
      const svg = await send('GET', `/stamps/${serial}/image.svg`, { token: admin });
      expect(svg.headers['content-type']).toBe('image/svg+xml');
      expect(svg.text).not.toMatch(/<script/i);
      common(svg, 'stamp SVG');
    });
  });

  describe('CORS', () => {
    it('answers a configured origin, on success and on errors, without credentials', async () => {
      for (const res of [await send('GET', '/cooperatives', { token: admin, headers: { origin: APP } }), await send('GET', '/cooperatives', { headers: { origin: 'https://quanly.nguon.test' } })]) {
        expect(res.headers['access-control-allow-origin']).toBe(res.status === 200 ? APP : 'https://quanly.nguon.test');
        expect(String(res.headers.vary)).toContain('Origin');
        expect(res.headers['access-control-allow-credentials']).toBeUndefined();
        expect(res.headers['access-control-expose-headers']).toBe('x-request-id, retry-after');
      }
    });

    it('lets a configured origin send a bearer token in a preflighted request', async () => {
      const res = await send('OPTIONS', '/cooperatives', { headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(APP);
      // Every method the API uses, so a browser app can edit and delete too.
      expect(String(res.headers['access-control-allow-methods']).split(/,\s*/)).toEqual(expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']));
      expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it.each([
      ['a foreign origin', 'https://evil.example'],
      ['a look-alike with the allowed one as prefix', `${APP}.evil.example`],
      ['a look-alike with the allowed one as suffix', 'https://evil-app.nguon.test'],
      ['the allowed host over http', 'http://app.nguon.test'],
      ['the allowed host on another port', `${APP}:8443`],
      ['the opaque origin null', 'null'],
    ])('gives %s no CORS answer, simple or preflighted', async (_name, origin) => {
      const simple = await send('GET', '/cooperatives', { token: admin, headers: { origin } });
      expect(simple.status).toBe(200);
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await send('OPTIONS', '/cooperatives', { headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  it('without TRUST_PROXY, a client cannot pick its own address with X-Forwarded-For', async () => {
    const from = fresh();
    const statuses: number[] = [];
    for (let i = 0; i <= PUBLIC_LIMIT; i++) {
      statuses.push((await send('GET', `/s/${serial}`, { remoteAddress: from, headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } })).status);
    }
    expect(statuses).toEqual([...Array(PUBLIC_LIMIT).fill(200), 429]);
  });
});
