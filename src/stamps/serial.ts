import { randomBytes, randomInt } from 'node:crypto';

// Crockford's base32 alphabet: digits and capitals without I, L, O, U, so a serial read aloud or typed
// from a label is not mistaken. All characters are in GS1 CSET 82 and URL-safe.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 13 × 5 bits = 65 bits from a CSPRNG: guessing a valid serial is hopeless, and serials are never sequential. */
export const SERIAL_LENGTH = 13;

export function newSerials(count: number): string[] {
  const bytes = randomBytes(count * SERIAL_LENGTH);
  const serials = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    let s = '';
    // 256 is a multiple of 32, so byte & 31 is uniform.
    for (let j = 0; j < SERIAL_LENGTH; j++) s += ALPHABET[bytes[i * SERIAL_LENGTH + j] & 31];
    serials[i] = s;
  }
  return serials;
}

export const isSerialShape = (value: string): boolean => value.length === SERIAL_LENGTH && [...value].every((c) => ALPHABET.includes(c));

/** An 8-digit scratch-off PIN. */
export const newPin = (): string => String(randomInt(0, 100_000_000)).padStart(8, '0');
