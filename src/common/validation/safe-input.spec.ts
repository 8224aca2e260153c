import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainException } from '../errors/domain.exception';
import { BodyDepthPipe, tooDeep } from './json-depth.pipe';
import { decimalPlaces, IsDecimal, IsEmailAddress, isSafeText, NormaliseText } from './validators';

// Inputs the request fuzzer (test/fuzz) found turning into 500s: NUL and lone surrogates reaching
// PostgreSQL, numbers printed with an exponent, and JSON nested thousands of levels deep.

class Sample {
  @NormaliseText() name?: string;
  @IsDecimal(3) quantity?: number;
  @IsEmailAddress() email?: string;
}

const problems = (plain: object) =>
  validateSync(plainToInstance(Sample, plain), { skipMissingProperties: true }).map((e) => `${e.property}:${Object.keys(e.constraints ?? {}).join(',')}`);

describe('safe text', () => {
  it('refuses NUL and half surrogate pairs, keeps everything else', () => {
    expect(isSafeText('Hợp tác xã 🌾 \u202e\t')).toBe(true);
    expect(isSafeText('a\u0000b')).toBe(false);
    expect(isSafeText('lone\ud800')).toBe(false);
    expect(isSafeText('\udc00x')).toBe(false);
    expect(problems({ name: 'a\u0000b' })).toEqual(['name:isSafeText']);
    expect(problems({ name: '  Tân   Minh ' })).toEqual([]);
  });
});

describe('decimals', () => {
  it('counts decimals also for numbers JavaScript prints with an exponent', () => {
    expect([1, 1.5, 12.345, 1e21, 1e-7, 1.5e-7, -3e-323].map(decimalPlaces)).toEqual([0, 1, 3, 0, 7, 8, 323]);
  });

  it('validates without throwing where IsNumber({ maxDecimalPlaces }) threw', () => {
    expect(problems({ quantity: 1.25 })).toEqual([]);
    expect(problems({ quantity: -3e-323 })).toEqual(['quantity:isNumber']);
    expect(problems({ quantity: 1.2345 })).toEqual(['quantity:isNumber']);
    expect(problems({ quantity: '1' })).toEqual(['quantity:isNumber']);
  });
});

describe('email', () => {
  it('answers "not an email" where isEmail threw on a lone surrogate', () => {
    expect(problems({ email: 'htx@test.vn' })).toEqual([]);
    expect(problems({ email: 'a\ud800@b.vn' })).toEqual(['email:isEmail']);
  });
});

describe('BodyDepthPipe', () => {
  const pipe = new BodyDepthPipe(8);
  const nested = (depth: number) => JSON.parse(`{"a":${'['.repeat(depth)}1${']'.repeat(depth)}}`);

  it('lets ordinary bodies through and names the field nested too deeply', () => {
    expect(pipe.transform(nested(7), { type: 'body' })).toEqual(nested(7));
    expect(pipe.transform(nested(50), { type: 'query' })).toEqual(nested(50));
    expect(() => pipe.transform(nested(8), { type: 'body' })).toThrow(DomainException);
    expect(tooDeep(nested(100_000), 32)).toBe('a');
    expect(tooDeep([[[[1]]]], 2)).toBe('0');
  });
});
