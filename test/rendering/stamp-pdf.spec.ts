import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { QrCodeGenerator } from '../../src/stamps/rendering/qr-code.generator';
import { getLayout, labelPositions } from '../../src/stamps/rendering/stamp-layouts';
import { StampPdfWriter } from '../../src/stamps/rendering/stamp-pdf.writer';
import type { StampLabel } from '../../src/stamps/rendering/stamp-rendering.types';
import { VietnameseFont } from '../../src/stamps/rendering/vietnamese-font';
import { decodeQr, readPng } from './qr-decode';

const HAS_PDFTOPPM = spawnSync('pdftoppm', ['-v']).error === undefined;
if (!HAS_PDFTOPPM) {
  console.warn('pdftoppm not installed (apt-get install -y poppler-utils): skipping the PDF raster decode test');
}

function label(i: number, overrides: Partial<StampLabel> = {}): StampLabel {
  const serial = `TMD${String(i).padStart(7, '0')}`;
  return {
    url: `https://nguon.test/01/08936001234567/10/A%26B%2B1/21/${serial}`,
    serial,
    productName: 'Bắp cải VietGAP Tân Minh Đức',
    cooperativeName: 'HTX Tân Minh Đức',
    ...overrides,
  };
}

async function* labels(count: number, overrides: Partial<StampLabel> = {}): AsyncGenerator<StampLabel> {
  for (let i = 1; i <= count; i++) yield label(i, overrides);
}

// Counts page objects, not the /Pages tree node.
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

describe('StampPdfWriter', () => {
  const writer = new StampPdfWriter(new QrCodeGenerator(), new VietnameseFont());
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nguon-stamp-pdf-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function writeFile(layout: string, input: AsyncIterable<StampLabel>, name = `${layout}.pdf`) {
    const file = join(dir, name);
    const result = await writer.write(layout, input, createWriteStream(file));
    return { file, result, pdf: readFileSync(file) };
  }

  it('writes 65 labels on one A4 page whose first QR decodes from a 150 dpi raster', async () => {
    const { file, result, pdf } = await writeFile('a4-65', labels(65, { pin: '4821 7730' }));
    expect(result).toEqual({ pages: 1, labels: 65 });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    // The Vietnamese font is embedded (subset), so the print shop needs no fonts either.
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
    if (!HAS_PDFTOPPM) return;

    const dpi = 150;
    const out = join(dir, 'page');
    const run = spawnSync('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', file, out]);
    expect(run.status).toBe(0);
    const page = readPng(readFileSync(`${out}.png`));
    const first = labelPositions(getLayout('a4-65'))[0];
    const px = dpi / 72;
    // The whole first label; its QR square has its own quiet zone.
    const crop = { x: first.x * px, y: first.y * px, width: first.width * px, height: first.height * px };
    expect(decodeQr(page, crop)).toBe(label(1).url);
    const last = labelPositions(getLayout('a4-65'))[64];
    expect(decodeQr(page, { x: last.x * px, y: last.y * px, width: last.width * px, height: last.height * px })).toBe(label(65).url);
  });

  it.each([
    ['a4-21', 100, 5],
    ['a4-40', 100, 3],
    ['a4-65', 131, 3],
    ['roll-single', 7, 7],
  ])('lays %s out as whole pages (%i labels → %i pages)', async (layout, count, pages) => {
    const { result, pdf } = await writeFile(layout, labels(count));
    expect(result).toEqual({ pages, labels: count });
    expect(pageCount(pdf)).toBe(pages);
  });

  it('makes roll pages exactly the label size (one label per page, as label printers expect)', async () => {
    const { pdf } = await writeFile('roll-single', labels(2), 'roll-size.pdf');
    const mm = (pt: number) => Math.round(((pt * 25.4) / 72) * 10) / 10;
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect(box && [mm(Number(box[1])), mm(Number(box[2]))]).toEqual([50, 30]);
  });

  it('draws each QR as vector operators, not an image', async () => {
    const { pdf } = await writeFile('a4-21', labels(3), 'vector.pdf');
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
  });

  it('stops reading labels while the consumer is blocked, then finishes once it drains', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<StampLabel> {
      for (let i = 1; i <= 1300; i++) {
        pulled += 1;
        yield label(i);
      }
    }
    let blocked = true;
    const held: Array<() => void> = [];
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(_chunk: Buffer, _enc, done) {
        if (blocked) held.push(done);
        else done();
      },
    });
    const writing = writer.write('a4-65', counted(), out);
    // A writer ignoring backpressure goes on drawing pages into memory: give it the time to pull 400.
    for (let waited = 0; waited < 1500 && pulled < 400; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    // Page 1 is flushed when page 2 starts, then the full pipe stops the writer (plus the peeked page).
    expect(pulled).toBeLessThanOrEqual(65 * 3);
    blocked = false;
    held.splice(0).forEach((done) => done());
    await expect(writing).resolves.toEqual({ pages: 20, labels: 1300 });
  });

  it('refuses an empty issuance before writing anything', async () => {
    const out = new PassThrough();
    await expect(writer.write('a4-65', labels(0), out)).rejects.toThrow('No stamps to print');
    expect(out.writableEnded).toBe(false);
  });

  it('rejects an unknown layout', async () => {
    await expect(writer.write('a5-8', labels(1), new PassThrough())).rejects.toThrow(/Unknown stamp layout "a5-8"/);
  });

  it('stops and destroys the output when the label source fails mid-way', async () => {
    async function* failing(): AsyncGenerator<StampLabel> {
      yield* labels(70);
      throw new Error('database went away');
    }
    const out = new PassThrough();
    out.resume();
    await expect(writer.write('a4-65', failing(), out)).rejects.toThrow('database went away');
    expect(out.destroyed).toBe(true);
  });
});
