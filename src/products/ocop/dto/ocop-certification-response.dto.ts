import type { OcopCertification, RecognisingLevel } from '../ocop-certification.entity';
import type { OcopReferenceGroup } from '../ocop-reference-group.entity';
import { daysBetween } from '../../../common/time/vn-date';
import { badgeOf, effectiveStatus, OcopStatus } from '../ocop-rules';

export class OcopGroupRefDto {
  code!: string;
  nameVi!: string;
  nameEn!: string;
}

export class OcopBadgeDto {
  /** 3, 4 or 5. */
  stars!: number;
  /** e.g. "OCOP 4 sao". */
  label!: string;
}

export class OcopCertificationResponseDto {
  id!: string;
  productId!: string;
  cooperativeId!: string;
  stars!: number;
  score!: number;
  /** The star mark to show; null for 1–2★ (evaluation history) and for expired or revoked certificates. */
  badge!: OcopBadgeDto | null;
  group!: OcopGroupRefDto;
  subgroup!: OcopGroupRefDto | null;
  recognisingLevel!: RecognisingLevel;
  authority!: string;
  decisionNo!: string;
  decisionDate!: string;
  certificateNo!: string | null;
  issuedOn!: string;
  /** issuedOn + 36 months (the last valid day; 2024-02-29 → 2027-02-28). */
  validUntil!: string;
  /** valid, expired (derived from validUntil and today's date in Vietnam) or revoked. */
  status!: OcopStatus;
  revokedReason!: string | null;
  revokedAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export class ExpiringProductRefDto {
  id!: string;
  nameVi!: string;
  gtin!: string | null;
}

export class ExpiringCooperativeRefDto {
  id!: string;
  name!: string;
  provinceCode!: number;
}

export class ExpiringOcopCertificationDto extends OcopCertificationResponseDto {
  /** Days from today to validUntil (0: today is the last valid day). */
  daysLeft!: number;
  product!: ExpiringProductRefDto;
  cooperative!: ExpiringCooperativeRefDto;
}

const groupRef = (refs: Map<string, OcopReferenceGroup>, code: string): OcopGroupRefDto => {
  const row = refs.get(code);
  return { code, nameVi: row?.nameVi ?? code, nameEn: row?.nameEn ?? code };
};

export function toOcopCertificationResponse(
  c: OcopCertification,
  refs: Map<string, OcopReferenceGroup>,
  today: string,
): OcopCertificationResponseDto {
  const status = effectiveStatus(c.status, c.validUntil, today);
  return {
    id: c.id,
    productId: c.productId,
    cooperativeId: c.cooperativeId,
    stars: c.stars,
    // numeric(5,2) comes back from PostgreSQL as a string
    score: Number(c.score),
    badge: badgeOf(c.stars, status),
    group: groupRef(refs, c.groupCode),
    subgroup: c.subgroupCode ? groupRef(refs, c.subgroupCode) : null,
    recognisingLevel: c.recognisingLevel,
    authority: c.authority,
    decisionNo: c.decisionNo,
    decisionDate: c.decisionDate,
    certificateNo: c.certificateNo,
    issuedOn: c.issuedOn,
    validUntil: c.validUntil,
    status,
    revokedReason: c.revokedReason,
    revokedAt: c.revokedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** Needs `product` and `cooperative` loaded. */
export function toExpiringOcopCertification(
  c: OcopCertification,
  refs: Map<string, OcopReferenceGroup>,
  today: string,
): ExpiringOcopCertificationDto {
  return {
    ...toOcopCertificationResponse(c, refs, today),
    daysLeft: daysBetween(today, c.validUntil),
    product: { id: c.product!.id, nameVi: c.product!.nameVi, gtin: c.product!.gtin },
    cooperative: { id: c.cooperative!.id, name: c.cooperative!.name, provinceCode: c.cooperative!.provinceCode },
  };
}
