import { isISO31661Alpha2, registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { bilingual } from '../common/i18n/messages';

// Where a code lets produce go: 'domestic', or 'export:XX' with the importing market's ISO 3166-1
// alpha-2 code (export:CN for GACC-listed codes). "EU" is accepted too: it is reserved in ISO 3166-1 for
// the European Union, and EU market codes are issued for the Union as a whole.

export const DOMESTIC = 'domestic';

/** "Export: cn" → "export:CN", " DOMESTIC " → "domestic"; anything else is returned tidied for the validator. */
export function normaliseScope(value: string): string {
  const compact = value.normalize('NFKC').replace(/\s+/g, '');
  const exportMatch = /^export:(.*)$/i.exec(compact);
  if (exportMatch) return `export:${exportMatch[1].toUpperCase()}`;
  return compact.toLowerCase() === DOMESTIC ? DOMESTIC : compact;
}

export type ScopeCheck = { ok: true } | { ok: false; reason: 'format' | 'country' | 'vietnam' };

export function checkScope(value: unknown): ScopeCheck {
  if (value === DOMESTIC) return { ok: true };
  const country = typeof value === 'string' ? /^export:([A-Z]{2})$/.exec(value)?.[1] : undefined;
  if (!country) return { ok: false, reason: 'format' };
  if (country === 'VN') return { ok: false, reason: 'vietnam' };
  return country === 'EU' || isISO31661Alpha2(country) ? { ok: true } : { ok: false, reason: 'country' };
}

export function IsCodeScope(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCodeScope',
      target: object.constructor,
      propertyName,
      options: { ...options, message: scopeMessage },
      validator: { validate: (value: unknown) => checkScope(value).ok },
    });
}

function scopeMessage(a: ValidationArguments): string {
  const check = checkScope(a.value);
  const f = a.property;
  if (!check.ok && check.reason === 'vietnam') {
    return bilingual(`${f}: thị trường trong nước ghi "domestic", không phải export:VN`, `${f}: the home market is "domestic", not export:VN`);
  }
  if (!check.ok && check.reason === 'country') {
    return bilingual(
      `${f}: ${String(a.value).slice(7)} không phải mã quốc gia ISO 3166-1 hai chữ cái (ví dụ CN Trung Quốc, US Hoa Kỳ, JP Nhật Bản)`,
      `${f}: ${String(a.value).slice(7)} is not an ISO 3166-1 alpha-2 country code (e.g. CN China, US United States, JP Japan)`,
    );
  }
  return bilingual(
    `${f}: ghi "domestic" (nội địa) hoặc "export:" + mã quốc gia nhập khẩu, ví dụ export:CN`,
    `${f}: write "domestic" or "export:" + the importing country's code, e.g. export:CN`,
  );
}
