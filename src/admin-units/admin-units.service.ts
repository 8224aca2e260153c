import { Injectable } from '@nestjs/common';
import { invalidField, notFound } from '../common/errors/common.errors';
import { AddressView, StoredAddress } from './address';
import { AdminUnitsData, Commune, CommuneConversion, loadAdminUnits, Province } from './admin-units.data';
import type { AddressInputDto } from './dto/address-input.dto';

@Injectable()
export class AdminUnitsService {
  private readonly provinces = new Map<number, Province>();
  private readonly communes = new Map<number, Commune>();
  private readonly conversionsByOldCode = new Map<number, CommuneConversion[]>();

  constructor(data: AdminUnitsData = loadAdminUnits()) {
    data.provinces.forEach((p) => this.provinces.set(p.code, p));
    data.communes.forEach((c) => this.communes.set(c.code, c));
    for (const row of data.conversions) {
      const list = this.conversionsByOldCode.get(row.oldCode) ?? [];
      list.push(row);
      this.conversionsByOldCode.set(row.oldCode, list);
    }
  }

  listProvinces(): Province[] {
    return [...this.provinces.values()];
  }

  getProvinceOrThrow(code: number): Province {
    const province = this.provinces.get(code);
    if (!province) throw notFound(`tỉnh/thành phố mã ${code}`, `Province ${code}`);
    return province;
  }

  isProvince(code: number): boolean {
    return this.provinces.has(code);
  }

  listCommunes(provinceCode: number, query?: string): Commune[] {
    this.getProvinceOrThrow(provinceCode);
    const needle = query ? fold(query) : undefined;
    return [...this.communes.values()].filter(
      (c) => c.provinceCode === provinceCode && (!needle || fold(c.name).includes(needle)),
    );
  }

  /** What became of a pre-July-2025 commune: one row per new commune that took (part of) it. */
  conversionsOf(oldCommuneCode: number): CommuneConversion[] {
    return this.conversionsByOldCode.get(oldCommuneCode) ?? [];
  }

  /**
   * Checks an address given by a person and turns it into official post-2025 codes. `field` prefixes
   * the field names in error messages (e.g. "address").
   */
  resolve(input: AddressInputDto, field = 'address'): StoredAddress {
    const street = input.street?.trim() || null;
    if (input.oldCommuneCode !== undefined) return this.resolveOld(input, street, field);
    if (input.communeCode === undefined) {
      throw invalidField(
        `${field}.communeCode`,
        'Cần mã xã/phường (communeCode) theo danh mục từ 01/7/2025, hoặc mã xã cũ (oldCommuneCode)',
        'Give communeCode (units since 1 July 2025) or oldCommuneCode (pre-2025 commune)',
      );
    }
    const commune = this.communes.get(input.communeCode);
    if (!commune) {
      throw invalidField(
        `${field}.communeCode`,
        `Mã xã/phường ${formatCode(input.communeCode)} không có trong danh mục đơn vị hành chính từ 01/7/2025 (nếu là mã cũ, gửi trong oldCommuneCode)`,
        `Commune code ${formatCode(input.communeCode)} is not a unit in force since 1 July 2025 (send a pre-2025 code as oldCommuneCode)`,
      );
    }
    this.assertProvinceMatches(input.provinceCode, commune, field);
    return { provinceCode: commune.provinceCode, communeCode: commune.code, street, convertedFrom: null };
  }

  private resolveOld(input: AddressInputDto, street: string | null, field: string): StoredAddress {
    const rows = this.conversionsOf(input.oldCommuneCode!);
    if (!rows.length) {
      throw invalidField(
        `${field}.oldCommuneCode`,
        `Mã xã cũ ${formatCode(input.oldCommuneCode!)} không có trong bảng chuyển đổi chính thức`,
        `Old commune code ${formatCode(input.oldCommuneCode!)} is not in the official conversion table`,
      );
    }
    const candidates = input.communeCode === undefined ? rows : rows.filter((r) => r.newCode === input.communeCode);
    if (candidates.length !== 1) throw this.ambiguousOldCommune(rows, input.communeCode !== undefined, field);
    const row = candidates[0];
    const commune = this.communes.get(row.newCode)!;
    this.assertProvinceMatches(input.provinceCode, commune, field);
    return {
      provinceCode: commune.provinceCode,
      communeCode: commune.code,
      street,
      convertedFrom: { oldCommuneCode: row.oldCode, oldCommuneName: row.oldName, oldDistrict: row.oldDistrict, oldProvince: row.oldProvince },
    };
  }

  // An old commune split between several new ones (or, in the official table, one old code used by two
  // communes) needs the person to pick the new commune; the message lists the choices.
  private ambiguousOldCommune(rows: CommuneConversion[], communeGiven: boolean, field: string) {
    const options = rows
      .map((r) => `${formatCode(r.newCode)} ${this.communes.get(r.newCode)?.name ?? ''} (← ${r.oldName}, ${r.oldDistrict}, ${r.oldProvince})`)
      .join('; ');
    const [vi, en] = communeGiven
      ? ['communeCode không phải xã mới nhận xã cũ này; chọn trong', 'communeCode is not a commune that took over this old commune; choose among']
      : ['Xã cũ này nay thuộc nhiều xã mới; chọn communeCode trong', 'This old commune now belongs to several new communes; choose communeCode among'];
    return invalidField(`${field}.communeCode`, `${vi}: ${options}`, `${en}: ${options}`);
  }

  private assertProvinceMatches(provinceCode: number | undefined, commune: Commune, field: string): void {
    if (provinceCode === undefined || provinceCode === commune.provinceCode) return;
    const actual = this.provinces.get(commune.provinceCode)!;
    throw invalidField(
      `${field}.provinceCode`,
      `${commune.name} thuộc ${actual.name} (mã ${actual.code}), không thuộc tỉnh mã ${provinceCode}`,
      `${commune.name} belongs to ${actual.name} (code ${actual.code}), not to province ${provinceCode}`,
    );
  }

  view(address: StoredAddress): AddressView {
    const province = this.provinces.get(address.provinceCode);
    const commune = this.communes.get(address.communeCode);
    const provinceName = province?.name ?? String(address.provinceCode);
    const communeName = commune?.name ?? String(address.communeCode);
    return {
      ...address,
      provinceName,
      communeName,
      fullText: [address.street, communeName, provinceName].filter(Boolean).join(', '),
    };
  }
}

/** Official codes are written with 5 digits ("08980"). */
export const formatCode = (code: number) => String(code).padStart(5, '0');

// Diacritic-insensitive matching, so "pham tran" finds "Phạm Trấn".
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();
}
