import { Transform } from 'class-transformer';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { bilingual } from '../common/i18n/messages';
import { IsSafeText } from '../common/validation/validators';
import { checkGtin } from './gtin';

// Decorators for the product and OCOP DTOs. Like those in src/common/validation, each normalises what
// people type before validating, and its message names the field and what is expected.

/**
 * A GTIN-8/12/13/14 (spaces allowed) with a valid GS1 check digit; the DTO then holds the 14-digit form.
 * Invalid input is left as typed, so the message can quote it.
 */
export function IsGtin(options?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    Transform(({ value }) => {
      if (typeof value !== 'string') return value;
      const check = checkGtin(value);
      return check.ok ? check.gtin14 : value;
    })(object, propertyName);
    registerDecorator({
      name: 'isGtin',
      target: object.constructor,
      propertyName,
      options: { ...options, message: gtinMessage },
      validator: { validate: (value: unknown) => typeof value === 'string' && /^\d{14}$/.test(value) && checkGtin(value).ok },
    });
  };
}

function gtinMessage(args: ValidationArguments): string {
  const field = args.property;
  const check = typeof args.value === 'string' ? checkGtin(args.value) : ({ ok: false, reason: 'format' } as const);
  if (!check.ok && check.reason === 'check_digit') {
    return bilingual(
      `${field}: sai chữ số kiểm tra GS1, chữ số cuối phải là ${check.expected} (GTIN ${check.corrected})`,
      `${field}: wrong GS1 check digit, the last digit should be ${check.expected} (GTIN ${check.corrected})`,
    );
  }
  if (!check.ok && check.reason === 'zero') {
    return bilingual(`${field}: GTIN không thể toàn chữ số 0; bỏ trống nếu sản phẩm chưa có mã vạch`, `${field}: a GTIN cannot be all zeros; leave it out if the product has no barcode`);
  }
  return bilingual(`${field}: GTIN phải gồm 8, 12, 13 hoặc 14 chữ số`, `${field}: a GTIN has 8, 12, 13 or 14 digits`);
}


/**
 * NFC, trimmed, inner spaces collapsed, blanks and duplicates dropped: for lists such as applied standards.
 * Entries PostgreSQL cannot store (NUL, broken Unicode) are refused, as NormaliseText does.
 */
export const NormaliseTextList = () => (object: object, propertyName: string) => {
  Transform(({ value }) =>
    Array.isArray(value)
      ? [...new Set(value.map((v) => (typeof v === 'string' ? v.normalize('NFC').trim().replace(/\s+/g, ' ') : v)).filter((v) => v !== ''))]
      : value,
  )(object, propertyName);
  IsSafeText({ each: true })(object, propertyName);
};

/** Upper-cases a code typed in lower case ("kgm" → "KGM"). */
export const UpperCaseCode = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));
