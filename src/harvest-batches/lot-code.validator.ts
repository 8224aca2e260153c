import { registerDecorator, ValidationArguments } from 'class-validator';
import { nonCset82Characters } from '../common/gs1/cset82';
import { bilingual } from '../common/i18n/messages';

const ALLOWED_VI = 'chữ cái không dấu, chữ số và các ký tự !"%&\'()*+,-./:;<=>?_';

/** GS1 AI 10 lot: 1–20 characters of CSET 82. */
export const isLotCode = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 20 && nonCset82Characters(v).length === 0;

/** Validates a lot code (isLotCode); the message lists the characters that are not allowed. */
export function IsLotCode() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isLotCode',
      target: object.constructor,
      propertyName,
      options: { message: lotMessage },
      validator: {
        validate: isLotCode,
      },
    });
}

function lotMessage(args: ValidationArguments): string {
  const value = typeof args.value === 'string' ? args.value : '';
  if (!value.length || value.length > 20) {
    return bilingual(`${args.property}: số lô dài 1–20 ký tự (đang có ${value.length})`, `${args.property}: a lot code is 1–20 characters (got ${value.length})`);
  }
  const bad = nonCset82Characters(value).map((c) => (c === ' ' ? 'dấu cách' : `"${c}"`)).join(', ');
  const badEn = nonCset82Characters(value).map((c) => (c === ' ' ? 'space' : `"${c}"`)).join(', ');
  return bilingual(
    `${args.property}: số lô có ký tự không hợp lệ ${bad}; chỉ dùng ${ALLOWED_VI}`,
    `${args.property}: lot code has characters outside the GS1 set: ${badEn}; use unaccented letters, digits and !"%&'()*+,-./:;<=>?_`,
  );
}
