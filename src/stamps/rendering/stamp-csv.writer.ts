import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StampLabel } from './stamp-rendering.types';

// Variable-data file for printing houses that print the QR themselves (or check our PDF against it).

export type StampCsvRow = Pick<StampLabel, 'serial' | 'url' | 'pin'>;

export interface StampCsvOptions {
  /** Whether to write the pin column; by default decided by the first row (PINs are per issuance). */
  pin?: boolean;
}

// Excel guesses the code page of a CSV without a BOM and shows Vietnamese as mojibake.
const BOM = '\uFEFF';
// RFC 4180 line ending; Excel and print-shop RIP software both expect it.
const EOL = '\r\n';

/** RFC 4180: quote when the field holds a comma, a quote or a line break (or edge spaces Excel trims). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export async function* stampCsvLines(rows: AsyncIterable<StampCsvRow> | Iterable<StampCsvRow>, options: StampCsvOptions = {}): AsyncGenerator<string> {
  let withPin = options.pin;
  let line = 0;
  for await (const row of rows) {
    line += 1;
    if (withPin === undefined) withPin = row.pin !== undefined;
    if (line === 1) yield BOM + (withPin ? 'serial,url,pin' : 'serial,url') + EOL;
    // A printing house would print an empty PIN box; stop rather than ship that file.
    if (withPin && row.pin === undefined) throw new RangeError(`Stamp ${row.serial} has no PIN but the issuance has PINs`);
    const fields = withPin ? [row.serial, row.url, row.pin!] : [row.serial, row.url];
    yield fields.map(csvField).join(',') + EOL;
  }
  if (line === 0) yield BOM + (withPin ? 'serial,url,pin' : 'serial,url') + EOL;
}

@Injectable()
export class StampCsvWriter {
  /** Streams the CSV into `out` (with backpressure) and ends it. */
  async write(rows: AsyncIterable<StampCsvRow> | Iterable<StampCsvRow>, out: NodeJS.WritableStream, options: StampCsvOptions = {}): Promise<{ rows: number }> {
    let count = 0;
    async function* counted(): AsyncGenerator<StampCsvRow> {
      for await (const row of rows) {
        count += 1;
        yield row;
      }
    }
    await pipeline(Readable.from(stampCsvLines(counted(), options), { objectMode: false }), out);
    return { rows: count };
  }
}
