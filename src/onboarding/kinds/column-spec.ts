import { fold } from '../../admin-units/admin-units.service';
import type { Bilingual } from '../../common/i18n/messages';

export const ONBOARDING_KINDS = ['cooperatives', 'planting-areas', 'products'] as const;
export type OnboardingKind = (typeof ONBOARDING_KINDS)[number];

export const isOnboardingKind = (value: string): value is OnboardingKind => (ONBOARDING_KINDS as readonly string[]).includes(value);

/** A non-blank cell as read from the file: XLSX keeps numbers as numbers, CSV gives text. */
export type CellInput = string | number;

/** One value of a drop-down: what the template offers, and what else people type for it. */
export interface Choice {
  value: string;
  label: string;
  aliases?: string[];
}

// How a cell becomes the value the DTO expects. Anything we cannot convert is passed on as typed, so the
// DTO's own validator rejects it with its usual message (e.g. "2,5 ha" → declaredAreaHa is not a number).
export type CellKind =
  | { type: 'text'; fromNumber?: (n: number) => string }
  | { type: 'decimal' }
  | { type: 'integer' }
  | { type: 'choice'; choices: Choice[] }
  | { type: 'list' }
  | { type: 'json' }
  | { type: 'province' }
  | { type: 'commune' };

export interface ColumnSpec {
  /** Header as in the template (Vietnamese; "*" marks a required column). */
  header: string;
  /** Path in the DTO ("address.communeCode"), or a field of the upload itself ("cooperativeTaxCode"). */
  field: string;
  cell: CellKind;
  required?: boolean;
  /** Not a DTO field: read by the importer itself (which cooperative a row belongs to). */
  outsideDto?: boolean;
  /** Column width in the XLSX template, in characters. */
  width: number;
  /** Format and rules, for the "Hướng dẫn" sheet. */
  help: Bilingual;
  example: CellInput;
  /** Offer a drop-down in the XLSX template: these values, or the province list. */
  dropDown?: string[] | 'provinces';
  /** Keep what is typed as text in Excel (codes with leading zeros, phone numbers, GTINs). */
  textFormat?: boolean;
}

/** Converts a cell of a plain column (province and commune cells go through address-cells.ts). */
export function readCell(kind: CellKind, input: CellInput): unknown {
  switch (kind.type) {
    case 'text':
      return typeof input === 'number' ? (kind.fromNumber ?? String)(input) : input;
    case 'decimal':
    case 'integer':
      return toNumber(input);
    case 'choice':
      return toChoice(kind.choices, input);
    case 'list':
      return String(input)
        .split(/[;\n\r]+/)
        .map((s) => s.trim())
        .filter(Boolean);
    case 'json':
      return toJson(input);
    case 'province':
    case 'commune':
      return input;
  }
}

// "2.5", "2,5" (Vietnamese decimal comma) and "1 200" are numbers; "1.200,5" is not (we would have to
// guess which mark is the thousands separator, and a wrong guess changes an area a thousandfold).
export function toNumber(input: CellInput): number | string {
  if (typeof input === 'number') return input;
  const compact = input.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[-+]?\d+([.,]\d+)?$/.test(compact)) return input;
  return Number(compact.replace(',', '.'));
}

function toChoice(choices: Choice[], input: CellInput): string {
  const typed = fold(String(input));
  const match = choices.find((c) => [c.value, c.label, ...(c.aliases ?? [])].some((name) => fold(name) === typed));
  return match ? match.value : String(input).trim();
}

function toJson(input: CellInput): unknown {
  try {
    return JSON.parse(String(input));
  } catch {
    return input;
  }
}

/** Excel drops the leading 0 of a number typed into a general cell: 0912345678 → 912345678. */
export const phoneFromNumber = (n: number): string => {
  const digits = String(n);
  return /^84\d{9,10}$/.test(digits) ? digits : `0${digits}`;
};

/** Tax codes are 10 digits; those of Hà Nội and other provinces start with 0. */
export const taxCodeFromNumber = (n: number): string => String(n).padStart(10, '0');
