import { plainToInstance } from 'class-transformer';
import fc from 'fast-check';
import { fold } from '../../src/admin-units/admin-units.service';
import { bilingual, pick } from '../../src/common/i18n/messages';
import { NormaliseText } from '../../src/common/validation/validators';
import { NormaliseTextList } from '../../src/products/product-validators';
import { unicodeChar, unicodeText } from './oracles';

// Text helpers around Vietnamese input: NFC and whitespace tidying of DTO strings, accent folding for
// name look-ups, and the two-language messages.

class Named {
  @NormaliseText()
  name!: unknown;
}

class Listed {
  @NormaliseTextList()
  items!: unknown;
}

const normaliseText = (value: unknown) => plainToInstance(Named, { name: value }).name;

// Vietnamese built from its parts: a base letter, an optional modifier (breve, circumflex, horn) and an
// optional tone (huyền, sắc, hỏi, ngã, nặng) as combining marks, which NFC then composes or not.
const MODIFIERS = ['', '\u0306', '\u0302', '\u031b'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const syllable = fc.array(
  fc.tuple(fc.constantFrom(...'aeiouyAEIOUYbcdghklmnpqrstvxBCDGHKLMNPQRSTVX'), fc.constantFrom(...MODIFIERS), fc.constantFrom(...TONES)),
  { minLength: 1, maxLength: 6 },
);
const vietnameseText = fc
  .array(fc.oneof(syllable.map((letters) => ({ letters, dStroke: false })), fc.boolean().map((upper) => ({ letters: [[upper ? 'Đ' : 'đ', '', '']], dStroke: true }))), { minLength: 1, maxLength: 5 })
  .map((words) => {
    const composed = words.map((w) => w.letters.map(([base, modifier, tone]) => /[aeiouy]/i.test(base) ? base + modifier + tone : base).join('')).join(' ');
    const plain = words.map((w) => w.letters.map(([base]) => (w.dStroke ? 'd' : base.toLowerCase())).join('')).join(' ');
    return { composed, plain };
  });
const messy = fc.oneof(fc.string(), unicodeText(), vietnameseText.map((v) => v.composed), fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u3000', 'a', 'ă', 'a\u0306', '\u0301', 'Đ') }));

describe('NormaliseText (property)', () => {
  it('gives NFC text, trimmed, with single plain spaces, and is idempotent', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const once = normaliseText(text) as string;
        expect(once).toBe(once.normalize('NFC'));
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s{2}|[^\S ]/);
        expect(normaliseText(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same text for canonically equivalent input (typed composed or decomposed)', () => {
    fc.assert(
      fc.property(messy, fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'), (text, form) => {
        expect(normaliseText(text.normalize(form))).toBe(normaliseText(text));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves non-strings alone', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer())), (value) => {
        expect(normaliseText(value)).toEqual(value);
      }),
      { numRuns: 100 },
    );
  });
});

describe('NormaliseTextList (property)', () => {
  it('normalises each item, drops blanks and repeats (canonically equivalent ones too), keeps first-seen order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(messy, vietnameseText.map((v) => v.composed.normalize('NFD')), fc.constantFrom('', '  ', 'VietGAP', ' VietGAP ')), { maxLength: 8 }), (items) => {
        const out = plainToInstance(Listed, { items }).items as string[];
        const tidy = items.map((s) => normaliseText(s) as string).filter((s) => s !== '');
        expect(out).toEqual(tidy.filter((s, i) => tidy.indexOf(s) === i));
      }),
      { numRuns: 300 },
    );
  });
});

describe('fold (property)', () => {
  it('strips Vietnamese tones and modifiers, đ included, and lower-cases: what people type without accents', () => {
    fc.assert(
      fc.property(vietnameseText, fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'), ({ composed, plain }, form) => {
        expect(fold(composed.normalize(form))).toBe(plain);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no combining mark U+0300–U+036F nor đ, is lower-case and trimmed, and is idempotent', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const folded = fold(text);
        expect(folded).not.toMatch(/[\u0300-\u036f]|đ|Đ/);
        expect(folded).toBe(folded.trim());
        expect(fold(folded)).toBe(folded);
      }),
      { numRuns: 500 },
    );
  });
});

describe('bilingual messages (property)', () => {
  it('pick gives back each language, in NFC', () => {
    const text = fc.string({ unit: fc.oneof(unicodeChar.filter((c) => c !== '\u241E'), fc.constantFrom('ạ', 'a\u0323')) });
    fc.assert(
      fc.property(text, text, (vi, en) => {
        const message = bilingual(vi, en);
        expect(pick(message, 'vi')).toBe(vi.normalize('NFC'));
        expect(pick(message, 'en')).toBe(en.normalize('NFC'));
        expect(pick({ vi, en }, 'en')).toBe(en.normalize('NFC'));
      }),
      { numRuns: 300 },
    );
  });
});
