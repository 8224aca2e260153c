import type { OcopStoredStatus, RecognisingLevel } from './ocop-certification.entity';

// The OCOP rules of Decision 148/QĐ-TTg as amended by 1489/QĐ-TTg (domain.md §3.2), as pure functions so
// they are unit-tested without a database. The service turns the problems into one 400 naming each field.

/** Two-level local government: districts were abolished on this day and stopped recognising products. */
export const DISTRICT_LEVEL_ENDS_ON = '2025-07-01';

export type OcopStatus = 'valid' | 'expired' | 'revoked';

/** A certificate is valid for 36 months from the day it is issued (domain.md §3.2). */
export const OCOP_VALIDITY_MONTHS = 36;

/**
 * The last valid day: the same day OCOP_VALIDITY_MONTHS later, or the last day of that month when it is
 * shorter (2024-02-29 → 2027-02-28), as PostgreSQL's `date + interval` does; the table's CHECK holds us to it.
 */
export function validUntilOf(issuedOn: string, months = OCOP_VALIDITY_MONTHS): string {
  const [y, m, d] = issuedOn.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export interface RuleProblem {
  field: string;
  vi: string;
  en: string;
}

interface ScoreRange {
  min: number;
  max: number;
  /** Only 5★ includes its upper bound (100 points). */
  maxIncluded: boolean;
}

// 100-point scale: 5★ 90–100, 4★ 70–<90, 3★ 50–<70; below 50 is not certified (2★ 30–<50, 1★ <30).
export const SCORE_RANGES: Record<1 | 2 | 3 | 4 | 5, ScoreRange> = {
  1: { min: 0, max: 30, maxIncluded: false },
  2: { min: 30, max: 50, maxIncluded: false },
  3: { min: 50, max: 70, maxIncluded: false },
  4: { min: 70, max: 90, maxIncluded: false },
  5: { min: 90, max: 100, maxIncluded: true },
};

export function scoreProblem(stars: number, score: number): RuleProblem | null {
  const range = SCORE_RANGES[stars as keyof typeof SCORE_RANGES];
  if (!range) return null; // the DTO already refuses stars outside 1–5
  const fits = score >= range.min && (range.maxIncluded ? score <= range.max : score < range.max);
  if (fits) return null;
  const vi = range.maxIncluded ? `từ ${range.min} đến ${range.max}` : `từ ${range.min} đến dưới ${range.max}`;
  const en = range.maxIncluded ? `${range.min} to ${range.max}` : `${range.min} to under ${range.max}`;
  return {
    field: 'score',
    vi: `score: sản phẩm ${stars} sao phải có điểm ${vi} (nhận được ${score})`,
    en: `score: a ${stars}-star product needs a score of ${en} (got ${score})`,
  };
}

// Who recognises what: central (the Ministry) only 5★; the province 3–4★; the district up to 3★ and
// only for decisions before 1 July 2025.
export function levelProblem(stars: number, level: RecognisingLevel, decisionDate: string): RuleProblem | null {
  const field = 'recognisingLevel';
  if (stars === 5 && level !== 'central') {
    return {
      field,
      vi: `${field}: sản phẩm 5 sao do Trung ương công nhận, cấp công nhận phải là central`,
      en: `${field}: 5-star products are recognised at central level, use central`,
    };
  }
  if (level === 'central' && stars !== 5) {
    return {
      field,
      vi: `${field}: cấp Trung ương chỉ công nhận sản phẩm 5 sao; sản phẩm ${stars} sao do cấp tỉnh công nhận`,
      en: `${field}: the central level only recognises 5-star products; ${stars}-star products are recognised by the province`,
    };
  }
  if (level === 'district' && decisionDate >= DISTRICT_LEVEL_ENDS_ON) {
    return {
      field,
      vi: `${field}: từ ngày 01/07/2025 không còn cấp huyện; quyết định ngày ${decisionDate} phải do cấp tỉnh hoặc Trung ương công nhận`,
      en: `${field}: there is no district level since 2025-07-01; a decision dated ${decisionDate} is made by the province or the central level`,
    };
  }
  if (level === 'district' && stars > 3) {
    return {
      field,
      vi: `${field}: cấp huyện chỉ công nhận đến 3 sao; sản phẩm ${stars} sao do cấp tỉnh công nhận`,
      en: `${field}: the district level recognises up to 3 stars; ${stars}-star products are recognised by the province`,
    };
  }
  return null;
}

/** decision date ≤ issue date ≤ today (dates as YYYY-MM-DD compare as strings). */
export function dateProblems(decisionDate: string, issuedOn: string, today: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (decisionDate > today) {
    problems.push({
      field: 'decisionDate',
      vi: `decisionDate: ngày quyết định (${decisionDate}) không được sau hôm nay (${today})`,
      en: `decisionDate: the decision date (${decisionDate}) cannot be after today (${today})`,
    });
  }
  if (issuedOn < decisionDate) {
    problems.push({
      field: 'issuedOn',
      vi: `issuedOn: ngày cấp (${issuedOn}) không được trước ngày quyết định (${decisionDate})`,
      en: `issuedOn: the issue date (${issuedOn}) cannot be before the decision date (${decisionDate})`,
    });
  } else if (issuedOn > today) {
    problems.push({
      field: 'issuedOn',
      vi: `issuedOn: ngày cấp (${issuedOn}) không được sau hôm nay (${today})`,
      en: `issuedOn: the issue date (${issuedOn}) cannot be after today (${today})`,
    });
  }
  return problems;
}

/** What a reader sees: a certificate past its last valid day is expired, whatever the row says. */
export function effectiveStatus(stored: OcopStoredStatus, validUntil: string, today: string): OcopStatus {
  if (stored === 'revoked') return 'revoked';
  if (stored === 'expired' || today > validUntil) return 'expired';
  return 'valid';
}

export interface OcopBadge {
  stars: 3 | 4 | 5;
  label: string;
}

/** The star mark a label, listing or origin page may show: only a valid 3–5★ certificate (Decision 1162 Art. 5). */
export function badgeOf(stars: number, status: OcopStatus): OcopBadge | null {
  if (stars < 3 || status !== 'valid') return null;
  return { stars: stars as 3 | 4 | 5, label: `OCOP ${stars} sao` };
}


export interface ReferenceGroupLike {
  code: string;
  level: 'group' | 'subgroup' | 'product_set';
  parentCode: string | null;
  nameVi: string;
  nameEn: string;
}

/** groupCode must be a top-level group; subgroupCode (optional) a subgroup or product set inside it. */
export function groupProblems(refs: Map<string, ReferenceGroupLike>, groupCode: string, subgroupCode?: string | null): RuleProblem[] {
  const group = refs.get(groupCode);
  if (!group || group.level !== 'group') {
    const codes = [...refs.values()].filter((r) => r.level === 'group').map((r) => r.code).join(', ');
    return [
      {
        field: 'groupCode',
        vi: `groupCode: không có nhóm sản phẩm OCOP mã "${groupCode}" (các nhóm: ${codes}; xem GET /ocop/reference-groups)`,
        en: `groupCode: there is no OCOP product group "${groupCode}" (groups: ${codes}; see GET /ocop/reference-groups)`,
      },
    ];
  }
  if (subgroupCode === undefined || subgroupCode === null) return [];
  const sub = refs.get(subgroupCode);
  if (!sub || sub.level === 'group') {
    return [
      {
        field: 'subgroupCode',
        vi: `subgroupCode: không có phân nhóm OCOP mã "${subgroupCode}" (xem GET /ocop/reference-groups)`,
        en: `subgroupCode: there is no OCOP subgroup "${subgroupCode}" (see GET /ocop/reference-groups)`,
      },
    ];
  }
  let top: ReferenceGroupLike | undefined = sub;
  while (top?.parentCode) top = refs.get(top.parentCode);
  if (top?.code === groupCode) return [];
  return [
    {
      field: 'subgroupCode',
      vi: `subgroupCode: phân nhóm "${sub.code}" (${sub.nameVi}) không thuộc nhóm "${group.code}" (${group.nameVi})`,
      en: `subgroupCode: subgroup "${sub.code}" (${sub.nameEn}) is not in group "${group.code}" (${group.nameEn})`,
    },
  ];
}
