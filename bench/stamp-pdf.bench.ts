// Benchmark: time and peak memory to write the print PDF of one large issuance.
// Targets (issue "Rendering"): 10,000 stamps on the a4-65 layout in ≤ 10 s and ≤ 300 MB peak RSS.
//
//   npx tsc -p bench/tsconfig.json && node dist/bench/bench/stamp-pdf.bench.js
//   STAMPS=20000 LAYOUT=a4-21 KEEP=1 node dist/bench/bench/stamp-pdf.bench.js
//
// Exits with code 1 when a target is missed, so it can gate a CI job.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { QrCodeGenerator } from '../src/stamps/rendering/qr-code.generator';
import { StampPdfWriter } from '../src/stamps/rendering/stamp-pdf.writer';
import type { StampLabel } from '../src/stamps/rendering/stamp-rendering.types';
import { VietnameseFont } from '../src/stamps/rendering/vietnamese-font';

const COUNT = Number(process.env.STAMPS ?? 10_000);
const LAYOUT = process.env.LAYOUT ?? 'a4-65';
const TARGET_SECONDS = 10;
const TARGET_RSS_MB = 300;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

// Deterministic pseudo-random serials and PINs, shaped like production ones (13-character serial in a
// GS1 Digital Link, 8-digit PIN), so every run encodes QR codes of the same version.
async function* labels(count: number): AsyncGenerator<StampLabel> {
  let seed = 20251103;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < count; i++) {
    const serial = Array.from({ length: 13 }, () => ALPHABET[next() % ALPHABET.length]).join('');
    yield {
      url: `https://nguon.test/01/08936001234567/10/A%26B%2B1/21/${serial}`,
      serial,
      productName: 'Bắp cải VietGAP Tân Minh Đức',
      cooperativeName: 'HTX Tân Minh Đức',
      pin: String(next() % 100_000_000).padStart(8, '0'),
    };
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nguon-bench-'));
  const file = join(dir, `stamps-${LAYOUT}-${COUNT}.pdf`);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const writer = new StampPdfWriter(new QrCodeGenerator(), new VietnameseFont());

  const started = performance.now();
  const result = await writer.write(LAYOUT, labels(COUNT), createWriteStream(file));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  const mb = (bytes: number) => bytes / 1024 / 1024;
  const maxRssMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
  const size = statSync(file).size;
  console.log(`stamp PDF: ${result.labels} stamps, layout ${LAYOUT}, ${result.pages} pages`);
  console.log(`  elapsed           ${seconds.toFixed(2)} s (${((seconds * 1000) / result.labels).toFixed(3)} ms per stamp)`);
  console.log(`  file size         ${mb(size).toFixed(2)} MB${process.env.KEEP ? ` (${file})` : ''}`);
  console.log(`  peak RSS sampled  ${mb(peakRss).toFixed(1)} MB (every 50 ms)`);
  console.log(`  maxRSS            ${maxRssMb.toFixed(1)} MB (process.resourceUsage)`);
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  if (COUNT !== 10_000 || LAYOUT !== 'a4-65') {
    console.log('  (the targets apply to 10,000 stamps on a4-65; not checked)');
    return;
  }
  const ok = seconds <= TARGET_SECONDS && Math.max(mb(peakRss), maxRssMb) <= TARGET_RSS_MB;
  console.log(`  target ≤ ${TARGET_SECONDS} s and ≤ ${TARGET_RSS_MB} MB: ${ok ? 'met' : 'MISSED'}`);
  if (!ok) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
