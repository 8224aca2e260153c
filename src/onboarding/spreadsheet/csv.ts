import { parseCsv } from '../../admin-units/admin-units.data';

export type CsvSeparator = ',' | ';';

const BOM = '\uFEFF';

/** Strict UTF-8, with or without a BOM (dropped); null when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * RFC 4180 CSV separated by commas or semicolons. Excel writes ";" where the list separator is ";" (as in
 * locales whose decimal mark is a comma), and may put a "sep=;" line first. Otherwise the separator
 * is the one the header line uses most, outside quotes.
 */
export function parseDelimited(text: string): string[][] {
  let body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const declared = /^sep=([,;])\r?\n/i.exec(body);
  if (declared) body = body.slice(declared[0].length);
  const separator = (declared?.[1] as CsvSeparator | undefined) ?? guessSeparator(body);
  if (separator === ',') return parseCsv(body);
  // parseCsv splits on commas only. Swapping "," and ";" everywhere turns the separators into commas and
  // any literal comma into a semicolon; quoting is untouched, so every cell comes back whole and the
  // same swap restores its text.
  return parseCsv(swapSeparators(body)).map((row) => row.map(swapSeparators));
}

const swapSeparators = (s: string) => s.replace(/[,;]/g, (c) => (c === ',' ? ';' : ','));

function guessSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** UTF-8 with a BOM (so Excel reads the Vietnamese correctly), CRLF line ends, RFC 4180 quoting. */
export function toCsv(rows: string[][], separator: CsvSeparator = ','): Buffer {
  const quote = (cell: string) => (/["\r\n]/.test(cell) || cell.includes(separator) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return Buffer.from(BOM + rows.map((row) => row.map(quote).join(separator)).join('\r\n') + '\r\n', 'utf8');
}
