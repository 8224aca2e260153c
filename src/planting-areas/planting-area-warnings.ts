import { bilingual } from '../common/i18n/messages';
import type { WarningDto } from './dto/warning.dto';
import { CodeStatus } from './code-status';
import { CodeStyle, CropType } from './planting-area-kinds';
import type { ParsedCodeParts } from './planting-area-code-format';

// Plausibility checks that warn instead of refusing: the registry must accept what the paperwork says,
// but a declared area that the drawn boundary contradicts, or a code of no known shape, deserves a
// second look before anything is printed on a stamp. Messages are bilingual() strings; the response
// interceptor keeps the caller's language.

/** Declared and computed areas may differ by this much before we warn (domain.md §8.3). */
export const AREA_TOLERANCE = 0.2;
/** Hòa Bình guidance (domain.md §2.3): minimum size of an area to be granted a code. */
export const MIN_AREA_HA: Record<CropType, number> = { [CropType.Perennial]: 1, [CropType.Annual]: 0.1 };

const ha = (n: number, locale: 'vi-VN' | 'en-US') => new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(n);

export function areaWarnings(area: { declaredAreaHa: number; computedAreaHa: number | null; cropType: CropType | null }): WarningDto[] {
  const warnings: WarningDto[] = [];
  const { declaredAreaHa: declared, computedAreaHa: computed } = area;
  if (computed !== null && Math.abs(computed - declared) > AREA_TOLERANCE * declared) {
    const pct = Math.round((Math.abs(computed - declared) / declared) * 100);
    const larger = computed > declared;
    warnings.push({
      field: 'declaredAreaHa',
      code: 'PLANTING_AREA_SIZE_MISMATCH',
      message: bilingual(
        `Diện tích tính từ ranh giới là ${ha(computed, 'vi-VN')} ha, ${larger ? 'lớn' : 'nhỏ'} hơn ${pct} % so với diện tích khai báo ` +
          `${ha(declared, 'vi-VN')} ha (cho phép lệch ±20 %); hãy kiểm tra lại ranh giới hoặc diện tích khai báo`,
        `The area computed from the boundary is ${ha(computed, 'en-US')} ha, ${pct} % ${larger ? 'more' : 'less'} than the declared ` +
          `${ha(declared, 'en-US')} ha (tolerance ±20 %); check the boundary or the declared area`,
      ),
    });
  }
  if (area.cropType && declared < MIN_AREA_HA[area.cropType]) {
    const perennial = area.cropType === CropType.Perennial;
    const minimum = MIN_AREA_HA[area.cropType];
    warnings.push({
      field: 'declaredAreaHa',
      code: 'PLANTING_AREA_BELOW_MINIMUM',
      message: bilingual(
        `Vùng trồng cây ${perennial ? 'lâu năm' : 'hằng năm'} thường cần tối thiểu ${ha(minimum, 'vi-VN')} ha để được cấp mã số vùng trồng; ` +
          `diện tích khai báo là ${ha(declared, 'vi-VN')} ha`,
        `A planting area of ${perennial ? 'perennial' : 'annual'} crops usually needs at least ${ha(minimum, 'en-US')} ha to be granted a code; ` +
          `the declared area is ${ha(declared, 'en-US')} ha`,
      ),
    });
  }
  return warnings;
}

export interface CodeFacts {
  code: string;
  style: CodeStyle;
  parsed: ParsedCodeParts | null;
  scope: string;
  validUntil: string | null;
  status: CodeStatus;
}

/**
 * Warnings about a code. `communeCheck` answers, for a TCCS 774 code, whether its (pre-2025) commune is
 * in the official table and whether it now lies in the area's province.
 */
export function codeWarnings(
  code: CodeFacts,
  today: string,
  communeCheck: (oldCommuneCode: number) => 'unknown' | 'elsewhere' | 'ok',
): WarningDto[] {
  const warnings: WarningDto[] = [];
  const add = (field: string, kind: string, vi: string, en: string) => warnings.push({ field, code: kind, message: bilingual(vi, en) });
  if (code.style === CodeStyle.Unknown) {
    add(
      'code',
      'PLANTING_AREA_CODE_UNRECOGNISED',
      `Mã ${code.code} không theo dạng nào đã biết ` +
        '(TCCS 774: VN-66-650-24370-94-21; xuất khẩu: VN-DTOR-0017, cơ sở đóng gói: VNDTPH-0001); ' +
        'đã lưu nguyên văn, hãy đối chiếu với quyết định cấp mã',
      `Code ${code.code} has no known shape ` +
        '(TCCS 774: VN-66-650-24370-94-21; export: VN-DTOR-0017, packing house: VNDTPH-0001); ' +
        'stored as given, check it against the issuing decision',
    );
  }
  if (code.style === CodeStyle.Tccs774 && code.parsed && 'year' in code.parsed) {
    const year = code.parsed.year;
    if (year > Number(today.slice(0, 4))) {
      add('code', 'PLANTING_AREA_CODE_YEAR_AHEAD', `Năm cấp trong mã (${year}) ở tương lai`, `The year in the code (${year}) is in the future`);
    }
    const commune = code.parsed.communeCode;
    const check = communeCheck(Number(commune));
    if (check === 'unknown') {
      add(
        'code',
        'PLANTING_AREA_CODE_COMMUNE_UNKNOWN',
        `Mã xã ${commune} trong mã vùng trồng không có trong danh mục xã trước 01/7/2025`,
        `Commune ${commune} in the code is not a commune of the pre-July-2025 list`,
      );
    } else if (check === 'elsewhere') {
      add(
        'code',
        'PLANTING_AREA_CODE_COMMUNE_ELSEWHERE',
        `Xã ${commune} trong mã vùng trồng nay không thuộc tỉnh của vùng trồng; mã này có đúng là của vùng trồng này không?`,
        `Commune ${commune} in the code is not in the province of this planting area; is this really its code?`,
      );
    }
  }
  const exportStyle = code.style === CodeStyle.ExportOrchard || code.style === CodeStyle.ExportPackingHouse;
  if (exportStyle && code.scope === 'domestic') {
    add(
      'scope',
      'PLANTING_AREA_CODE_SCOPE_MISMATCH',
      'Mã có dạng mã xuất khẩu nhưng phạm vi là nội địa',
      'The code looks like an export code but its scope is domestic',
    );
  }
  const live = [CodeStatus.Pending, CodeStatus.Active, CodeStatus.Suspended].includes(code.status);
  if (live && code.validUntil !== null && code.validUntil < today) {
    add('validUntil', 'PLANTING_AREA_CODE_EXPIRED', `Mã đã hết hạn từ sau ngày ${code.validUntil}`, `The code expired after ${code.validUntil}`);
  }
  return warnings;
}
