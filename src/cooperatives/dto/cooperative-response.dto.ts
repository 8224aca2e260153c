import type { AddressView } from '../../admin-units/address';
import type { Cooperative } from '../cooperative.entity';

export class CooperativeResponseDto {
  id!: string;
  name!: string;
  shortName!: string | null;
  taxCode!: string | null;
  businessRegistrationNo!: string | null;
  address!: AddressView;
  phone!: string | null;
  email!: string | null;
  legalRepresentative!: string | null;
  gs1CompanyPrefix!: string | null;
  gln!: string | null;
  /** URLs of the logo in each size, or null. */
  logo!: { small: string; medium: string; large: string } | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export function toCooperativeResponse(
  c: Cooperative,
  address: AddressView,
  logoUrl: (c: Cooperative, size: 'small' | 'medium' | 'large') => string,
): CooperativeResponseDto {
  return {
    id: c.id,
    name: c.name,
    shortName: c.shortName,
    taxCode: c.taxCode,
    businessRegistrationNo: c.businessRegistrationNo,
    address,
    phone: c.phone,
    email: c.email,
    legalRepresentative: c.legalRepresentative,
    gs1CompanyPrefix: c.gs1CompanyPrefix,
    gln: c.gln,
    logo: c.logoVersion
      ? { small: logoUrl(c, 'small'), medium: logoUrl(c, 'medium'), large: logoUrl(c, 'large') }
      : null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
