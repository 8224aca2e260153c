import type { OcopGroupLevel, OcopReferenceGroup } from '../ocop-reference-group.entity';

export class OcopReferenceGroupResponseDto {
  /** "1" … "6" for groups, "1.1" for a subgroup, "1.1.a" for a product set. */
  code!: string;
  level!: OcopGroupLevel;
  parentCode!: string | null;
  nameVi!: string;
  nameEn!: string;
  /** The decision the row comes from, e.g. "148/QĐ-TTg". */
  legalBasis!: string;
}

export const toOcopReferenceGroupResponse = (g: OcopReferenceGroup): OcopReferenceGroupResponseDto => ({
  code: g.code,
  level: g.level,
  parentCode: g.parentCode,
  nameVi: g.nameVi,
  nameEn: g.nameEn,
  legalBasis: g.legalBasis,
});
