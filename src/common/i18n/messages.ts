import type { ValidationError } from 'class-validator';

export type Lang = 'vi' | 'en';
export interface Bilingual {
  vi: string;
  en: string;
}

// class-validator only carries a string per message. Messages we write carry both languages joined by
// this separator, and the error filter keeps the one the caller asked for.
const SEPARATOR = '\u241E';

export const bilingual = (vi: string, en: string): string => `${vi}${SEPARATOR}${en}`;

export function pick(message: string | Bilingual, lang: Lang): string {
  if (typeof message !== 'string') return message[lang].normalize('NFC');
  const [vi, en] = message.split(SEPARATOR);
  return ((lang === 'en' ? en : vi) ?? vi).normalize('NFC');
}

export function langFromRequest(query: unknown, acceptLanguage: string | undefined): Lang {
  const q = (query as { lang?: unknown } | undefined)?.lang;
  if (q === 'en' || q === 'vi') return q;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

// Vietnamese wording for class-validator's built-in constraints; anything missing falls back to the
// library's English text, which still names the field.
const VI_CONSTRAINTS: Record<string, (field: string, c: ValidationError) => string> = {
  isNotEmpty: (f) => `${f} không được để trống`,
  isDefined: (f) => `${f} là bắt buộc`,
  isString: (f) => `${f} phải là chuỗi ký tự`,
  isInt: (f) => `${f} phải là số nguyên`,
  isNumber: (f) => `${f} phải là số`,
  isBoolean: (f) => `${f} phải là true hoặc false`,
  isEmail: (f) => `${f} phải là địa chỉ email hợp lệ`,
  isUuid: (f) => `${f} phải là UUID hợp lệ`,
  isEnum: (f) => `${f} có giá trị không được chấp nhận`,
  isIn: (f) => `${f} có giá trị không được chấp nhận`,
  isArray: (f) => `${f} phải là một danh sách`,
  arrayNotEmpty: (f) => `${f} không được là danh sách rỗng`,
  arrayMaxSize: (f) => `${f} có quá nhiều phần tử`,
  isDateString: (f) => `${f} phải là ngày theo ISO 8601 (YYYY-MM-DD)`,
  isISO8601: (f) => `${f} phải là ngày theo ISO 8601 (YYYY-MM-DD)`,
  maxLength: (f) => `${f} quá dài`,
  minLength: (f) => `${f} quá ngắn`,
  min: (f) => `${f} nhỏ hơn giá trị cho phép`,
  max: (f) => `${f} lớn hơn giá trị cho phép`,
  matches: (f) => `${f} không đúng định dạng`,
  isUrl: (f) => `${f} phải là URL hợp lệ`,
  whitelistValidation: (f) => `Trường ${f} không được phép gửi lên`,
  nestedValidation: (f) => `${f} phải là một đối tượng hợp lệ`,
  isObject: (f) => `${f} phải là một đối tượng JSON`,
};

export function constraintMessage(field: string, key: string, english: string, error: ValidationError): string {
  if (english.includes(SEPARATOR)) return english;
  const vi = VI_CONSTRAINTS[key]?.(field, error);
  return vi ? bilingual(vi, english) : english;
}
