import fc from 'fast-check';
import { checkScope, DOMESTIC, normaliseScope } from '../../src/planting-areas/code-scope';
import { partsOf, readPlantingAreaCode } from '../../src/planting-areas/planting-area-code-format';
import { CodeStyle } from '../../src/planting-areas/planting-area-kinds';
import { digits, unicodeChar, unicodeText } from './oracles';

// Planting-area codes as people type them (case, dashes pasted from Word/PDF, spaces, full-width digits
// from Vietnamese IMEs), and the promise of readPlantingAreaCode: one canonical spelling per code.

const FULLWIDTH = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
const typedDigits = (s: string) => fc.constantFrom(s, s, s, FULLWIDTH(s));
const randomCase = (s: string) =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((up) => [...s].map((c, i) => (up[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
// Hyphen, spaced hyphen, space(s), en dash, em dash, minus sign, Unicode hyphen, full-width hyphen-minus.
const dash = fc.constantFrom('-', '-', ' - ', ' ', '  ', '\u2013', ' \u2013 ', '\u2014', '\u2212', '\u2010', '\uFF0D', '\u3000');
const pad = fc.constantFrom('', '', ' ', '\t', '\u00a0');

describe('planting-area codes (property)', () => {
  it('reads a TCCS 774 code however it is typed, into its parts and one canonical spelling', () => {
    const parts = fc.record({
      provinceCode: digits(2),
      districtCode: digits(3),
      communeCode: digits(5),
      facility: digits(1, 4),
      yearText: fc.oneof(digits(2), digits(4)),
    });
    const typed = parts.chain((p) =>
      fc
        .tuple(
          randomCase('vn'),
          ...[p.provinceCode, p.districtCode, p.communeCode, p.facility, p.yearText].flatMap((value) => [dash, typedDigits(value)]),
          pad,
          pad,
        )
        .map(([vn, ...rest]) => {
          const [before, after] = rest.slice(-2);
          return { p, text: before + vn + rest.slice(0, -2).join('') + after };
        }),
    );
    fc.assert(
      fc.property(typed, ({ p, text }) => {
        const { yearText, ...codeParts } = p;
        const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
        expect(readPlantingAreaCode(text)).toEqual({
          code: `VN-${p.provinceCode}-${p.districtCode}-${p.communeCode}-${p.facility}-${yearText}`,
          parsed: { style: CodeStyle.Tccs774, ...codeParts, year },
        });
      }),
      { numRuns: 500 },
    );
  });

  it('reads export orchard and packing-house codes with or without dashes, in any case', () => {
    const sep = fc.constantFrom('', '-', ' ', ' - ', '\u2013');
    const code = fc.record({
      province: fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 2, maxLength: 4 }),
      kind: fc.constantFrom('OR', 'PH'),
      sequence: digits(3, 5),
    });
    const typed = code.chain((c) =>
      fc.tuple(randomCase('VN'), sep, randomCase(c.province + c.kind), sep, pad).map(([vn, s1, pk, s2, p]) => ({ c, text: p + vn + s1 + pk + s2 + c.sequence + p })),
    );
    fc.assert(
      fc.property(typed, ({ c, text }) => {
        const orchard = c.kind === 'OR';
        expect(readPlantingAreaCode(text)).toEqual({
          code: orchard ? `VN-${c.province}OR-${c.sequence}` : `VN${c.province}PH-${c.sequence}`,
          parsed: { style: orchard ? CodeStyle.ExportOrchard : CodeStyle.ExportPackingHouse, province: c.province, sequence: c.sequence },
        });
        expect(partsOf(readPlantingAreaCode(text).parsed)).toEqual({ province: c.province, sequence: c.sequence });
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent on any text: the stored code reads back as itself, with the same parse', () => {
    // Code-like characters, plus the first 9 472 code points (Latin, Greek, Cyrillic… and the dashes),
    // where case mappings and compatibility forms interact.
    const unit = fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...'VNvn-–0123456789ORPH  ') },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 0x24ff }).map((cp) => String.fromCodePoint(cp)) },
      { weight: 1, arbitrary: unicodeChar },
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), (text) => {
        const first = readPlantingAreaCode(text);
        expect(readPlantingAreaCode(first.code)).toEqual(first);
        expect(first.code).toBe(first.code.trim());
        expect(first.code).not.toMatch(/\s{2}| -|- /);
      }),
      { numRuns: 1000 },
    );
  });
});

// Codes ISO 3166-1 reserves for user assignment (AA, QM–QZ, XA–XZ, ZZ) are never countries; XK is left
// out because it is in common use for Kosovo.
const USER_ASSIGNED = ['AA', 'ZZ', ...[...'MNOPQRSTUVWXYZ'].map((c) => `Q${c}`), ...[...'ABCDEFGHIJLMNOPQRSTUVWXYZ'].map((c) => `X${c}`)];
const COUNTRIES = ['CN', 'US', 'JP', 'KR', 'DE', 'FR', 'GB', 'AU', 'TH', 'SG', 'MY', 'ID', 'PH', 'KH', 'LA', 'IN', 'RU', 'CA', 'NZ', 'AE', 'SA', 'NL', 'IT', 'ES', 'BR', 'TW', 'HK'];
const spaces = fc.constantFrom('', '', ' ', '  ', '\t', '\u3000');

describe('code scope (property)', () => {
  it('normalises "export: xx" in any case and spacing, and accepts exactly the assigned country codes and EU', () => {
    const code = fc.oneof(fc.constantFrom(...COUNTRIES, 'EU'), fc.constantFrom(...USER_ASSIGNED), fc.constant('VN'));
    const typed = code.chain((cc) =>
      fc.tuple(randomCase('export'), spaces, spaces, randomCase(cc), spaces).map(([e, s1, s2, c, s3]) => ({ cc, text: `${s1}${e}${s2}:${s1}${c}${s3}` })),
    );
    fc.assert(
      fc.property(typed, ({ cc, text }) => {
        const scope = normaliseScope(text);
        expect(scope).toBe(`export:${cc}`);
        expect(checkScope(scope)).toEqual(
          cc === 'VN' ? { ok: false, reason: 'vietnam' } : USER_ASSIGNED.includes(cc) ? { ok: false, reason: 'country' } : { ok: true },
        );
      }),
      { numRuns: 300 },
    );
  });

  // normaliseScope is not idempotent on everything: after NFKC, upper-casing eight Greek letters
  // (U+0390, U+03B0, U+1FD2…) leaves text that NFKC changes again. Such scopes are refused as 'format'
  // either way, so what is asserted is that a second pass never changes the verdict, and that accepted
  // scopes are fixed points.
  it('never throws, gives the same verdict on a second pass, and accepts only "domestic" or export:XX', () => {
    const text = fc.oneof(
      fc.string(),
      unicodeText(),
      randomCase(DOMESTIC),
      fc.constantFrom('export:', 'Export : cn', 'export:chn', 'ｅｘｐｏｒｔ：ｃｎ', 'export:\u0390', 'export:\u1fe2x'),
    );
    fc.assert(
      fc.property(text, (typed) => {
        const scope = normaliseScope(typed);
        const check = checkScope(scope);
        expect(checkScope(normaliseScope(scope))).toEqual(check);
        if (check.ok) {
          expect(scope === DOMESTIC || /^export:[A-Z]{2}$/.test(scope)).toBe(true);
          expect(normaliseScope(scope)).toBe(scope);
        }
        if (typed.replace(/\s/g, '').toLowerCase() === DOMESTIC) expect(check).toEqual({ ok: true });
      }),
      { numRuns: 500 },
    );
  });
});
