import { validate } from 'class-validator';
import fc from 'fast-check';
import { isCset82 } from '../../src/common/gs1/cset82';
import { encodeDlValue } from '../../src/common/gs1/digital-link';
import { IsLotCode } from '../../src/harvest-batches/lot-code.validator';
import { isSerialShape, newPin, newSerials, SERIAL_LENGTH } from '../../src/stamps/serial';
import { CROCKFORD, CSET82, CSET82_CHARS, unicodeChar, unicodeText } from './oracles';

// Stamp serials: 13 symbols of Crockford's base32 from a CSPRNG (65 bits). There is no encode/decode pair
// in src (a serial is not the encoding of a stored number), so the properties are about shape, URL
// safety, uniqueness and the spread of the symbols.

const SERIAL = new RegExp(`^[${CROCKFORD}]{13}$`);

describe('stamp serials (property)', () => {
  it('the oracle alphabet has 32 symbols, and serials are 13 of them (65 bits)', () => {
    expect(CROCKFORD).toHaveLength(32);
    expect(SERIAL_LENGTH * Math.log2(CROCKFORD.length)).toBe(65);
  });

  it('every generated serial is 13 Crockford symbols, in CSET 82, and needs no escaping in a Digital Link', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (count) => {
        const serials = newSerials(count);
        expect(serials).toHaveLength(count);
        const misfits = serials.filter((s) => !SERIAL.test(s) || !isSerialShape(s) || !isCset82(s) || encodeDlValue(s) !== s);
        expect(misfits).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('isSerialShape accepts exactly the 13-symbol Crockford strings', () => {
    const near = fc.string({ unit: fc.constantFrom(...CROCKFORD, ...'ILOUilou0a -'), minLength: 11, maxLength: 15 });
    const exact = fc.string({ unit: fc.constantFrom(...CROCKFORD), minLength: 13, maxLength: 13 });
    fc.assert(
      fc.property(fc.oneof(near, exact, unicodeText()), (value) => {
        expect(isSerialShape(value)).toBe(SERIAL.test(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('100 000 serials: no collision, and every symbol at every position about equally often', () => {
    const serials = newSerials(100_000);
    expect(new Set(serials).size).toBe(serials.length);
    // Expected 3 125 per symbol and position (σ ≈ 55); ±20 % is over 10σ, so this only fails on a real bias.
    for (let position = 0; position < SERIAL_LENGTH; position++) {
      const counts = new Map<string, number>();
      for (const s of serials) counts.set(s[position], (counts.get(s[position]) ?? 0) + 1);
      expect(counts.size).toBe(32);
      for (const n of counts.values()) expect(Math.abs(n - 3125)).toBeLessThan(625);
    }
  });

  it('scratch-off PINs are 8 digits', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        expect(newPin()).toMatch(/^\d{8}$/);
      }),
      { numRuns: 200 },
    );
  });
});

class Batch {
  @IsLotCode()
  lotCode!: unknown;
}

const outside = fc.oneof(
  fc.constantFrom(' ', '#', 'Ô', 'Đ', 'ư', '\t', '@', '[', '~', '`', '{', '|', '$', '^', '\\', '😀'),
  unicodeChar,
);

describe('lot codes (property)', () => {
  it('accepts a lot iff it is 1–20 characters, all in CSET 82', async () => {
    const lot = fc.string({ unit: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...CSET82_CHARS) }, { weight: 1, arbitrary: outside }), maxLength: 24 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(lot, fc.integer(), fc.constant(null)), async (value) => {
        const errors = await validate(Object.assign(new Batch(), { lotCode: value }));
        const expected = typeof value === 'string' && value.length >= 1 && value.length <= 20 && [...value].every((c) => CSET82.has(c));
        expect(errors.length === 0).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('names every offending character (a space as "space"), and the length when that is the problem', async () => {
    const badLot = fc
      .tuple(fc.string({ unit: fc.constantFrom(...CSET82_CHARS), maxLength: 10 }), fc.array(outside, { minLength: 1, maxLength: 4 }), fc.string({ unit: fc.constantFrom(...CSET82_CHARS), maxLength: 10 }))
      .map(([a, bad, b]) => a + bad.join('') + b)
      .filter((value) => [...value].some((c) => !CSET82.has(c)));
    await fc.assert(
      fc.asyncProperty(fc.oneof(badLot, fc.string({ unit: fc.constantFrom(...CSET82_CHARS), minLength: 21, maxLength: 30 }), fc.constant('')), async (value) => {
        const [error] = await validate(Object.assign(new Batch(), { lotCode: value }));
        const en = error.constraints!.isLotCode.split('\u241E')[1];
        expect(en.startsWith('lotCode: ')).toBe(true);
        if (value.length === 0 || value.length > 20) {
          expect(en).toContain(`(got ${value.length})`);
          return;
        }
        const offending = [...new Set([...value].filter((c) => !CSET82.has(c)))];
        const listed = en.slice(en.indexOf(': ', 'lotCode: '.length) + 2, en.lastIndexOf('; use'));
        expect(listed).toBe(offending.map((c) => (c === ' ' ? 'space' : `"${c}"`)).join(', '));
      }),
      { numRuns: 500 },
    );
  });
});
