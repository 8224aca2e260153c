import { CodeStyle } from './planting-area-kinds';

// No official format for planting-area codes was found (domain.md §2.2). Two shapes occur in practice:
// - the numeric style of the PPD base standard TCCS 774:2020, VN-<province>-<district>-<commune>-
//   <facility>-<year>, e.g. VN-66-650-24370-94-21 (Xã Ea Tân, Huyện Krông Năng, Đắk Lắk; issued 2021).
//   Its unit codes are the pre-July-2025 ones and stay valid as printed.
// - the export style seen on GACC lists: VN-DTOR-0017 (orchard, Đồng Tháp), VNDTPH-0001 (packing house).
// Anything else is kept as typed (trimmed, upper case) with a warning, never refused: issuers vary.

export type ParsedCodeParts =
  | { provinceCode: string; districtCode: string; communeCode: string; facility: string; year: number }
  | { province: string; sequence: string };

export type ParsedCode =
  | { style: CodeStyle.Tccs774; provinceCode: string; districtCode: string; communeCode: string; facility: string; year: number }
  | { style: CodeStyle.ExportOrchard | CodeStyle.ExportPackingHouse; province: string; sequence: string }
  | { style: CodeStyle.Unknown };

export interface CodeReading {
  /** The code to store: canonical for recognised styles, the tidied input otherwise. */
  code: string;
  parsed: ParsedCode;
}

const TCCS_774 = /^VN-(\d{2})-(\d{3})-(\d{5})-(\d{1,4})-(\d{2}|\d{4})$/;
// The lazy province group lets "DTOR" split as DT + OR, and "VNDTPH" as DT + PH.
const EXPORT_ORCHARD = /^VN-?([A-Z]{2,4}?)OR-?(\d{3,5})$/;
const EXPORT_PACKING_HOUSE = /^VN-?([A-Z]{2,4}?)PH-?(\d{3,5})$/;

/**
 * Trim, upper case, one kind of dash, single spaces; recognised codes are rewritten in one canonical
 * spelling so that "vn dtor 0017" and "VN-DTOR-0017" cannot be registered as two different codes.
 */
export function readPlantingAreaCode(input: string): CodeReading {
  const tidy = input
    .normalize('NFKC')
    .toUpperCase()
    // Upper-casing can leave text that is not in NFKC ("ΐ" → "Ϊ́" decomposed); normalised again, the
    // stored code reads back as itself.
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-') // dashes pasted from Word documents and PDFs
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ ?- ?/g, '-');
  const compact = tidy.replace(/ /g, '-');

  const tccs = TCCS_774.exec(compact);
  if (tccs) {
    const [, provinceCode, districtCode, communeCode, facility, year] = tccs;
    return {
      code: `VN-${provinceCode}-${districtCode}-${communeCode}-${facility}-${year}`,
      parsed: { style: CodeStyle.Tccs774, provinceCode, districtCode, communeCode, facility, year: year.length === 2 ? 2000 + Number(year) : Number(year) },
    };
  }
  const orchard = EXPORT_ORCHARD.exec(compact);
  if (orchard) {
    const [, province, sequence] = orchard;
    return { code: `VN-${province}OR-${sequence}`, parsed: { style: CodeStyle.ExportOrchard, province, sequence } };
  }
  const packingHouse = EXPORT_PACKING_HOUSE.exec(compact);
  if (packingHouse) {
    const [, province, sequence] = packingHouse;
    return { code: `VN${province}PH-${sequence}`, parsed: { style: CodeStyle.ExportPackingHouse, province, sequence } };
  }
  return { code: tidy, parsed: { style: CodeStyle.Unknown } };
}

/** The parts worth storing beside the style column (null for unknown shapes). */
export function partsOf(parsed: ParsedCode): ParsedCodeParts | null {
  if (parsed.style === CodeStyle.Unknown) return null;
  const { style: _style, ...parts } = parsed;
  return parts;
}
