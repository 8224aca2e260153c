import { isOnboardingKind, phoneFromNumber, readCell, taxCodeFromNumber, toNumber } from './column-spec';
import { STANDARD_CHOICES } from './planting-area-columns';
import { UNIT_CHOICES } from './product-columns';

describe('cells', () => {
  it('reads numbers with a decimal point or comma, and leaves anything ambiguous to the DTO', () => {
    expect(toNumber('2,5')).toBe(2.5);
    expect(toNumber(' 2.5 ')).toBe(2.5);
    expect(toNumber('1 200')).toBe(1200);
    expect(toNumber('-2')).toBe(-2);
    expect(toNumber(3)).toBe(3);
    expect(toNumber('1.200,5')).toBe('1.200,5');
    expect(toNumber('2,5 ha')).toBe('2,5 ha');
  });

  it('maps drop-down labels, API values and what people type to the stored value', () => {
    const standard = { type: 'choice', choices: STANDARD_CHOICES } as const;
    expect(readCell(standard, 'VietGAP')).toBe('vietgap');
    expect(readCell(standard, 'Hữu cơ')).toBe('organic');
    expect(readCell(standard, 'huu co')).toBe('organic');
    expect(readCell(standard, 'none')).toBe('none');
    expect(readCell(standard, ' BioGAP ')).toBe('BioGAP');
    const unit = { type: 'choice', choices: UNIT_CHOICES } as const;
    expect(['kg', 'g', 'lít', 'ml', 'cái', 'TNE'].map((u) => readCell(unit, u))).toEqual(['KGM', 'GRM', 'LTR', 'MLT', 'H87', 'TNE']);
  });

  it('splits lists on semicolons and line breaks, and parses JSON or leaves it as typed', () => {
    expect(readCell({ type: 'list' }, 'TCVN 5603:2023; VietGAP;\n ISO 22000 ')).toEqual(['TCVN 5603:2023', 'VietGAP', 'ISO 22000']);
    expect(readCell({ type: 'json' }, '{"type":"Polygon"}')).toEqual({ type: 'Polygon' });
    expect(readCell({ type: 'json' }, '{broken')).toBe('{broken');
  });

  it('puts back the leading zero Excel drops from numbers', () => {
    expect(readCell({ type: 'text', fromNumber: phoneFromNumber }, 912345678)).toBe('0912345678');
    expect(phoneFromNumber(84912345678)).toBe('84912345678');
    expect(readCell({ type: 'text', fromNumber: taxCodeFromNumber }, 101234565)).toBe('0101234565');
    expect(readCell({ type: 'text' }, 8934588012228)).toBe('8934588012228');
  });

  it('knows the three kinds', () => {
    expect(['cooperatives', 'planting-areas', 'products', 'harvests'].map(isOnboardingKind)).toEqual([true, true, true, false]);
  });
});
