import { Injectable } from '@nestjs/common';
import type { Commune, Province } from '../admin-units/admin-units.data';
import { AdminUnitsService, fold, formatCode } from '../admin-units/admin-units.service';
import type { Bilingual } from '../common/i18n/messages';
import type { CellInput } from './kinds/column-spec';

// Officers fill the province from the template's drop-down ("31 - Thành phố Hải Phòng") or type the code;
// communes they know by name more often than by code. These turn such cells into the codes that
// AddressInputDto takes; AdminUnitsService.resolve then checks the address as for a single create.

export type CodeResult = { ok: true; code: number } | { ok: false; message: Bilingual };

const MAX_CANDIDATES = 8;

interface NameIndex {
  /** Lower-case NFC name, with and without "Xã"/"Phường"/"Đặc khu" → communes. */
  exact: Map<string, Commune[]>;
  /** The same, accent-folded. */
  folded: Map<string, Commune[]>;
}

@Injectable()
export class AddressCells {
  // Built on first use per province: a 5,000-row file naming communes would otherwise fold the
  // province's hundred-odd names once per row.
  private readonly indexes = new Map<number, NameIndex>();

  constructor(private readonly units: AdminUnitsService) {}

  province(input: CellInput): CodeResult {
    const text = String(input).trim();
    const leading = /^(\d{1,3})(?:\s*[-–:.]\s*.*)?$/.exec(text);
    if (leading) {
      const code = Number(leading[1]);
      if (this.units.isProvince(code)) return { ok: true, code };
      return fail(
        `Mã tỉnh ${code} không có trong danh mục 34 tỉnh/thành phố từ 01/7/2025 (xem trang “Danh mục”)`,
        `Province code ${code} is not one of the 34 provinces since 1 July 2025 (see the “Danh mục” sheet)`,
      );
    }
    const wanted = fold(text);
    const matches = this.units.listProvinces().filter((p) => namesOf(p.name, provinceType(p), fold).includes(wanted));
    if (matches.length === 1) return { ok: true, code: matches[0].code };
    return fail(
      `Không có tỉnh/thành phố “${text}” trong danh mục từ 01/7/2025; ghi mã tỉnh (ví dụ 31) hoặc chọn trong danh sách`,
      `No province “${text}” among the units since 1 July 2025; give its code (e.g. 31) or pick it from the list`,
    );
  }

  /**
   * A commune code (5 digits, leading zeros optional; a name after it is ignored), or a name within the province: an exact match
   * (accents included) wins, then an accent-insensitive one; several or none are row errors that list
   * the candidates, e.g. "cam giang" in Hải Phòng is both Xã Cẩm Giang and Xã Cẩm Giàng.
   */
  commune(input: CellInput, provinceCode: number | undefined): CodeResult {
    const text = String(input).trim();
    // "11065", or "11065 - Xã Trường Tân" copied from the template's commune list.
    const code = /^(\d{1,5})(?:\s*[-–:.]\s*.*)?$/.exec(text);
    if (code) return { ok: true, code: Number(code[1]) };
    if (provinceCode === undefined) {
      return fail(
        `Để tìm xã theo tên (“${text}”), cần ghi cột Mã tỉnh; hoặc ghi mã xã 5 chữ số`,
        `To find a commune by name (“${text}”), fill the Mã tỉnh (province) column; or give the 5-digit commune code`,
      );
    }
    const index = this.indexOf(provinceCode);
    const exact = index.exact.get(exactForm(text)) ?? [];
    const found = exact.length ? exact : (index.folded.get(fold(text)) ?? []);
    if (found.length === 1) return { ok: true, code: found[0].code };
    const province = this.units.getProvinceOrThrow(provinceCode).name;
    if (found.length > 1) {
      const list = describe(found);
      return fail(
        `Có nhiều xã/phường tên “${text}” trong ${province}; ghi mã xã hoặc tên có dấu đầy đủ: ${list}`,
        `Several communes named “${text}” in ${province}; give the commune code or the exact name with accents: ${list}`,
      );
    }
    const near = this.units.listCommunes(provinceCode, withoutType(text)).slice(0, MAX_CANDIDATES);
    const hint = near.length ? describe(near) : '';
    return fail(
      `Không có xã/phường “${text}” trong ${province}` + (hint ? `; gần giống: ${hint}` : '; xem trang “Xã, phường” của tệp mẫu'),
      `No commune “${text}” in ${province}` + (hint ? `; similar names: ${hint}` : '; see the “Xã, phường” sheet of the template'),
    );
  }

  private indexOf(provinceCode: number): NameIndex {
    let index = this.indexes.get(provinceCode);
    if (!index) {
      index = { exact: new Map(), folded: new Map() };
      for (const c of this.units.listCommunes(provinceCode)) {
        for (const [map, form] of [[index.exact, exactForm], [index.folded, fold]] as const) {
          for (const name of new Set(namesOf(c.name, c.divisionType, form))) map.set(name, [...(map.get(name) ?? []), c]);
        }
      }
      this.indexes.set(provinceCode, index);
    }
    return index;
  }
}

const fail = (vi: string, en: string): CodeResult => ({ ok: false, message: { vi, en } });
const describe = (communes: Commune[]) => communes.map((c) => `${formatCode(c.code)} ${c.name}`).join('; ');
const exactForm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
const provinceType = (p: Province) => (fold(p.name).startsWith('thanh pho ') ? 'thành phố' : 'tỉnh');
const TYPE_PREFIX = /^(xã|phường|đặc khu|thị trấn|tỉnh|thành phố|tp\.?)\s+/i;
const withoutType = (s: string) => s.normalize('NFC').trim().replace(TYPE_PREFIX, '');

/** "Xã Trường Tân" is also written "Trường Tân": the official name, and the name without its type. */
function namesOf(official: string, divisionType: string, form: (s: string) => string): string[] {
  const full = form(official);
  const prefix = form(divisionType) + ' ';
  return full.startsWith(prefix) ? [full, full.slice(prefix.length)] : [full];
}
