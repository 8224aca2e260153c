import { Transform } from 'class-transformer';
import { isEmail, registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { bilingual } from '../i18n/messages';
import { verifyGs1CheckDigit } from './gs1-check-digit';
import { checkTaxCode } from './tax-code';
import { normaliseVnPhone } from './vn-phone';

// Composite decorators shared by DTOs. Each normalises what people type (spaces, case, Unicode form)
// before validating, and its message names the field and says what is expected.

// NUL and half a surrogate pair: nobody types them, and PostgreSQL refuses them in text and jsonb columns
// (a 500 at insert time, or when the audit entry is written), so they are refused up front, by name.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** False for a string PostgreSQL cannot store (NUL, or a lone UTF-16 surrogate). */
export const isSafeText = (value: string): boolean => !value.includes('\u0000') && !LONE_SURROGATE.test(value);

/** Refuses NUL and broken Unicode in a string (or, with each, in every string of a list). Other types pass. */
export function IsSafeText(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isSafeText',
      target: object.constructor,
      propertyName,
      options: {
        ...options,
        message: (a: ValidationArguments) =>
          bilingual(
            `${a.property}: chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode hỏng)`,
            `${a.property}: contains characters that are not allowed (NUL or broken Unicode)`,
          ),
      },
      validator: { validate: (value: unknown) => typeof value !== 'string' || isSafeText(value) },
    });
}

/**
 * Trims and NFC-normalises a string (Vietnamese typed on phones often arrives decomposed), and refuses
 * what cannot be stored as text (see IsSafeText).
 */
export const NormaliseText = () => (object: object, propertyName: string) => {
  Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') : value))(object, propertyName);
  IsSafeText()(object, propertyName);
};

/**
 * An email address. Stands in for class-validator's IsEmail, whose check throws (a 500) on a string with
 * half a surrogate pair; such strings are simply not email addresses.
 */
export function IsEmailAddress(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isEmail',
      target: object.constructor,
      propertyName,
      options: { message: '$property must be an email', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isSafeText(value) && isEmail(value) },
    });
}

/** Decimal places of a number as written, also when JavaScript prints it with an exponent (1e-7 → 7). */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  return Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - Number(exponent));
}

/**
 * A finite number with at most `maxDecimalPlaces` decimals. Stands in for class-validator's
 * IsNumber({ maxDecimalPlaces }), which throws (a 500) on numbers printed with an exponent such as 1e-7.
 */
export function IsDecimal(maxDecimalPlaces: number, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      // Named like IsNumber, so the Vietnamese wording of isNumber applies to the default message.
      name: 'isNumber',
      target: object.constructor,
      propertyName,
      constraints: [maxDecimalPlaces],
      options: { message: `$property must be a number with at most ${maxDecimalPlaces} decimals`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= maxDecimalPlaces,
      },
    });
}

export function IsVnTaxCode(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isVnTaxCode',
      target: object.constructor,
      propertyName,
      options: { ...options, message: taxCodeMessage },
      validator: { validate: (value: unknown) => typeof value === 'string' && checkTaxCode(value).ok },
    });
}

function taxCodeMessage(args: ValidationArguments): string {
  const result = typeof args.value === 'string' ? checkTaxCode(args.value) : ({ ok: false, reason: 'format' } as const);
  const field = args.property;
  if (!result.ok && result.reason === 'check_digit') {
    return result.expected === null
      ? bilingual(
          `${field}: mã số thuế sai chữ số kiểm tra (9 chữ số đầu không tạo ra mã hợp lệ)`,
          `${field}: wrong check digit (the first 9 digits cannot form a valid tax code)`,
        )
      : bilingual(
          `${field}: mã số thuế sai chữ số kiểm tra, chữ số thứ 10 phải là ${result.expected}`,
          `${field}: wrong tax code check digit, the 10th digit should be ${result.expected}`,
        );
  }
  return bilingual(
    `${field}: mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số + "-" + 3 chữ số chi nhánh`,
    `${field}: a tax code is 10 digits, or 10 digits + "-" + a 3-digit branch number`,
  );
}

/** Normalises to E.164 (+84…) and rejects what is not a Vietnamese mobile or landline number. */
export function IsVnPhone(options?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    Transform(({ value }) => (typeof value === 'string' ? (normaliseVnPhone(value) ?? value) : value))(object, propertyName);
    registerDecorator({
      name: 'isVnPhone',
      target: object.constructor,
      propertyName,
      options: {
        ...options,
        message: (a: ValidationArguments) =>
          bilingual(
            `${a.property}: số điện thoại Việt Nam không hợp lệ (ví dụ 0912 345 678 hoặc +84912345678)`,
            `${a.property}: not a valid Vietnamese phone number (e.g. 0912 345 678 or +84912345678)`,
          ),
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && /^\+84\d{9,10}$/.test(value) },
    });
  };
}

/** A GS1 key of fixed length with a mod-10 check digit (GLN: 13). */
export function IsGs1Key(length: number, label: string, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isGs1Key',
      target: object.constructor,
      propertyName,
      options: { ...options, message: (a: ValidationArguments) => gs1KeyMessage(a, length, label) },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && new RegExp(`^\\d{${length}}$`).test(value) && verifyGs1CheckDigit(value).ok,
      },
    });
}

function gs1KeyMessage(args: ValidationArguments, length: number, label: string): string {
  const value = typeof args.value === 'string' ? args.value : '';
  if (!new RegExp(`^\\d{${length}}$`).test(value)) {
    return bilingual(`${args.property}: ${label} phải gồm đúng ${length} chữ số`, `${args.property}: a ${label} is exactly ${length} digits`);
  }
  const check = verifyGs1CheckDigit(value);
  const expected = check.ok ? '' : String(check.expected);
  return bilingual(
    `${args.property}: ${label} sai chữ số kiểm tra GS1, chữ số cuối phải là ${expected}`,
    `${args.property}: wrong GS1 check digit for this ${label}, the last digit should be ${expected}`,
  );
}
