import { deflateSync } from 'node:zlib';
import { fakePng, tinyPng } from '../utils/images';
import { multipartBody, Part } from './fuzz-http';
import { Case, FUZZ_SEED, hashSeed, Operation, prng } from './fuzz-kit';
import { FUZZ_ENV, FuzzWorld, Role } from './fuzz-world';

// Cases for the multipart upload routes (logos, product photos, certificate files, onboarding sheets,
// bulk publishing sheets): wrong content types, broken multipart, empty and garbage files, decompression
// bombs, hostile file names and hostile sheet contents.

const BOUNDARY = 'fuzzBoundary7MA4YWxkTrZu0gW';
const MAX = Number(FUZZ_ENV.UPLOAD_MAX_BYTES);

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
};

/** A PNG whose header claims width × height pixels over a tiny compressed body (a decompression bomb). */
function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64 * 1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const HOSTILE_NAMES = [
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'a\u0000.png',
  '%00.png',
  '\u202egnp.exe',
  `${'x'.repeat(1000)}.png`,
  '',
  ' ',
  'CON.png',
  '.htaccess',
  '🌾 ảnh sản phẩm.png',
  "a';DROP TABLE product;--.png",
  '{{7*7}}.png',
];

const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;

/** What the manager's pass sends to the upload routes (names of admin cases). */
const MANAGER_CASES = /^(no body|garbage bytes|two files|file name "(\.\.\/|a\\u0000)|.*sheet: (template as is|NUL cells))/;

export type SheetTemplates = Record<string, { xlsx: Buffer; csv: string }>;

/** The onboarding templates as the app serves them, to build sheets from. */
export async function sheetTemplates(world: FuzzWorld): Promise<SheetTemplates> {
  const templates: SheetTemplates = {};
  for (const kind of ['cooperatives', 'planting-areas', 'products']) {
    const auth = { authorization: `Bearer ${world.tokens.admin}` };
    const xlsx = await world.t.http().get(`/onboarding/templates/${kind}.xlsx`).set(auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const csv = await world.t.http().get(`/onboarding/templates/${kind}.csv`).set(auth);
    templates[kind] = { xlsx: xlsx.body as Buffer, csv: csv.text.replace(/^\ufeff/, '') };
  }
  return templates;
}

function multipart(name: string, parts: Part[], extra: Partial<Case> = {}): Omit<Case, 'op' | 'role'> {
  return { name, body: multipartBody(parts, BOUNDARY), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, ...extra };
}

/** Cases for one upload route; `sheet` routes (onboarding, bulk publishing) also get hostile sheets. */
export function uploadCases(op: Operation, role: Role, templates: SheetTemplates): Case[] {
  const rnd = prng(hashSeed(FUZZ_SEED, 'upload', role, op.key));
  const garbage = Buffer.from(Array.from({ length: 4096 }, () => rnd.int(256)));
  const sheet = /onboarding|bulk-publish/.test(op.path);
  const file = (data: Buffer | string, filename: string, contentType = 'application/octet-stream'): Part => ({ name: 'file', filename, contentType, data });
  const cases: Omit<Case, 'op' | 'role'>[] = [
    { name: 'no body' },
    { name: 'json body', body: '{"file":"x"}', headers: { 'content-type': 'application/json' } },
    { name: 'text/plain body', body: 'hello', headers: { 'content-type': 'text/plain' } },
    { name: 'multipart without boundary', body: 'x', headers: { 'content-type': 'multipart/form-data' } },
    { name: 'multipart boundary mismatch', body: multipartBody([file(tinyPng(), 'a.png', 'image/png')], 'otherBoundary'), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } },
    { name: 'multipart truncated', body: multipartBody([file(tinyPng(), 'a.png', 'image/png')], BOUNDARY, { close: false }).subarray(0, 200), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } },
    multipart('no file, a text field', [{ name: 'file', data: 'not a file' }], { field: 'file' }),
    multipart('file in another field', [{ ...file(tinyPng(), 'a.png', 'image/png'), name: 'other' }]),
    multipart('empty file', [file(Buffer.alloc(0), sheet ? 'a.xlsx' : 'a.png', 'image/png')]),
    multipart('garbage bytes', [file(garbage, sheet ? 'a.xlsx' : 'a.png', 'image/png')]),
    multipart('garbage named .csv', [file(garbage, 'a.csv', 'text/csv')]),
    multipart('garbage named .pdf', [file(garbage, 'a.pdf', 'application/pdf')]),
    multipart('fake png', [file(fakePng(), 'a.png', 'image/png')]),
    multipart('png claiming 100000×100000', [file(pngClaiming(100_000, 100_000), 'bomb.png', 'image/png')]),
    multipart('png claiming 0×0', [file(pngClaiming(0, 0), 'zero.png', 'image/png')]),
    multipart('gif', [file(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'a.gif', 'image/gif')]),
    multipart('svg with script', [file('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'a.svg', 'image/svg+xml')]),
    multipart('zip that is not xlsx', [file(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), garbage]), 'a.xlsx', 'application/zip')]),
    multipart('png as executable type', [file(tinyPng(), 'a.png', 'application/x-msdownload')]),
    multipart('png as text/html', [file(tinyPng(), 'a.html', 'text/html')]),
    multipart('two files', [file(tinyPng(), 'a.png', 'image/png'), file(tinyPng(), 'b.png', 'image/png')]),
    multipart('over the size limit', [file(Buffer.concat([tinyPng(), Buffer.alloc(MAX + 1024)]), 'big.png', 'image/png')]),
    multipart('30 text fields and a file', [...Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, data: 'x' })), file(tinyPng(), 'a.png', 'image/png')]),
    ...HOSTILE_NAMES.map((n) => multipart(`file name ${JSON.stringify(n).slice(0, 30)}`, [file(tinyPng(), n, 'image/png')])),
    { ...multipart('CR/LF in the file name', []), body: Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a\r\nX-Injected: 1.png"\r\nContent-Type: image/png\r\n\r\n${tinyPng().toString('latin1')}\r\n--${BOUNDARY}--\r\n`, 'latin1') },
  ];
  if (sheet) {
    const isBulk = op.path.startsWith('/bulk-publish');
    const kinds = isBulk ? ['bulk'] : ['cooperatives', 'planting-areas', 'products'];
    for (const kind of kinds) {
      const header = isBulk ? 'Sản phẩm (ID hoặc GTIN),Sàn,Giá bán (VNĐ),Tồn kho' : templates[kind].csv.split(/\r?\n/)[0];
      const width = header.split(',').length;
      const row = (v: string) => Array.from({ length: width }, () => csvCell(v)).join(',');
      const sheets: [string, string | Buffer][] = [
        ['header only', `${header}\r\n`],
        ['template as is', templates[kind]?.csv ?? `${header}\r\n`],
        ['formula injection', `${header}\r\n${row("=cmd|' /C calc'!A0")}\r\n`],
        ['NUL cells', `${header}\r\n${row('a\u0000b')}\r\n`],
        ['sql and template cells', `${header}\r\n${row("' OR 1=1 --")}\r\n${row('{{7*7}}')}\r\n${row('${7*7}')}\r\n`],
        ['huge cell', `${header}\r\n${row('x'.repeat(20_000))}\r\n`],
        ['2000 columns', `${header},${Array.from({ length: 2000 }, (_, i) => `c${i}`).join(',')}\r\n${row('1')}\r\n`],
        ['1000 rows', `${header}\r\n${Array.from({ length: 1000 }, () => row('1')).join('\r\n')}\r\n`],
        ['unbalanced quotes', `${header}\r\n"a,"b\r\n`],
        ['invalid UTF-8', Buffer.concat([Buffer.from(`${header}\r\n`), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x2c, 0x0d, 0x0a])])],
        ['semicolons', `${header.replace(/,/g, ';')}\r\n${row('1').replace(/,/g, ';')}\r\n`],
        ['BOM and CR only', `\ufeff${header}\r${row('1')}\r`],
      ];
      if (!isBulk) {
        const xlsx = templates[kind].xlsx;
        const corrupt = Buffer.from(xlsx);
        for (let i = 200; i < corrupt.length; i += 97) corrupt[i] ^= 0xff;
        sheets.push(['xlsx template', xlsx], ['xlsx corrupted', corrupt], ['xlsx truncated', xlsx.subarray(0, Math.floor(xlsx.length / 2))]);
      }
      for (const [label, data] of sheets) {
        const xlsx = Buffer.isBuffer(data) && data[0] === 0x50;
        const part = file(data, xlsx ? 'sheet.xlsx' : 'sheet.csv', xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
        // Writing (dryRun=false) only where the rows could pass the checks and reach the database.
        const writes = /template|NUL|sql|formula|semicolons/.test(label);
        for (const q of isBulk ? [undefined] : writes ? ['dryRun=true', 'dryRun=false'] : ['dryRun=true']) {
          cases.push({
            ...multipart(`${kind} sheet: ${label}${q ? ` (${q})` : ''}`, [part]),
            ...(q && { query: q }),
            ...(!isBulk && { wireParams: { kind } }),
          });
        }
      }
    }
    // The annotated-workbook answer (Accept: XLSX with dryRun=true).
    if (!isBulk) {
      cases.push({
        ...multipart('xlsx template, annotated answer', [file(templates.products.xlsx, 'sheet.xlsx', 'application/octet-stream')]),
        query: 'dryRun=true',
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      });
    }
  }
  // The manager's pass checks the role-scoped paths: access first, then a file that gets through.
  const kept = role === 'admin' ? cases : cases.filter((c) => MANAGER_CASES.test(c.name));
  return kept.map((c) => ({ op, role, ...c }));
}
