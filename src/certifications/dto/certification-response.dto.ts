import { CertificationScheme, CertificationSubject, type Certification } from '../certification.entity';

export type CertificationStatus = 'valid' | 'expired' | 'not_yet_valid' | 'revoked';

export class CertificationResponseDto {
  id!: string;
  cooperativeId!: string;
  subjectType!: CertificationSubject;
  subjectId!: string;
  scheme!: CertificationScheme;
  schemeName!: string | null;
  certificateNo!: string;
  certBody!: string;
  issuedOn!: string;
  validUntil!: string;
  scopeText!: string | null;
  /** As of today in Vietnam. */
  status!: CertificationStatus;
  revokedReason!: string | null;
  /** Download URL of the scanned certificate, when uploaded. */
  fileUrl!: string | null;
  createdAt!: Date;
}

export function certificationStatus(c: Certification, today: string): CertificationStatus {
  if (c.revokedAt) return 'revoked';
  if (today < c.issuedOn) return 'not_yet_valid';
  return today > c.validUntil ? 'expired' : 'valid';
}

export const toCertificationResponse = (c: Certification, today: string, fileUrl: string | null): CertificationResponseDto => ({
  id: c.id,
  cooperativeId: c.cooperativeId,
  subjectType: c.subjectType,
  subjectId: c.subjectId,
  scheme: c.scheme,
  schemeName: c.schemeName,
  certificateNo: c.certificateNo,
  certBody: c.certBody,
  issuedOn: c.issuedOn,
  validUntil: c.validUntil,
  scopeText: c.scopeText,
  status: certificationStatus(c, today),
  revokedReason: c.revokedReason,
  fileUrl,
  createdAt: c.createdAt,
});
