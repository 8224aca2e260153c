import { DomainException } from '../common/errors/domain.exception';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { AdminUnitsService } from './admin-units.service';
import type { AddressInputDto } from './dto/address-input.dto';

function resolveError(service: AdminUnitsService, input: AddressInputDto, field?: string): DomainException {
  try {
    service.resolve(input, field);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainException);
    return e as DomainException;
  }
  throw new Error(`resolve(${JSON.stringify(input)}) did not throw`);
}

describe('AdminUnitsService (shipped data)', () => {
  let service: AdminUnitsService;

  beforeAll(() => {
    service = new AdminUnitsService();
  });

  describe('lists', () => {
    it('has the 34 province-level units in force since 1 July 2025', () => {
      const provinces = service.listProvinces();
      expect(provinces).toHaveLength(34);
      expect(provinces.find((p) => p.code === 31)?.name).toBe('Thành phố Hải Phòng');
      expect(provinces.find((p) => p.code === 37)?.name).toBe('Tỉnh Ninh Bình');
      expect(provinces.find((p) => p.code === 1)?.name).toBe('Thành phố Hà Nội');
    });

    it('has 3,321 communes in all', () => {
      const total = service.listProvinces().reduce((n, p) => n + service.listCommunes(p.code).length, 0);
      expect(total).toBe(3321);
    });

    it('finds communes accent-insensitively within a province', () => {
      const found = service.listCommunes(31, 'truong tan');
      expect(found.map((c) => [c.code, c.name])).toContainEqual([11065, 'Xã Trường Tân']);
      expect(found.every((c) => c.provinceCode === 31)).toBe(true);
    });

    it('matches đ/Đ against d and decomposed accents in the query', () => {
      const names = service.listCommunes(1, 'ba dinh').map((c) => c.name);
      expect(names).toContain('Phường Ba Đình');
      expect(service.listCommunes(31, 'Trường Tân'.normalize('NFD')).map((c) => c.code)).toContain(11065);
    });

    it('does not return communes of another province', () => {
      expect(service.listCommunes(1, 'truong tan').map((c) => c.code)).not.toContain(11065);
    });

    it('throws NOT_FOUND for an unknown province', () => {
      expect(() => service.listCommunes(99)).toThrow(DomainException);
      try {
        service.listCommunes(99);
      } catch (e) {
        expect((e as DomainException).code).toBe(CommonErrorCode.NOT_FOUND);
      }
    });
  });

  describe('resolve with a current commune code', () => {
    it('resolves 11065 to Hải Phòng (31)', () => {
      expect(service.resolve({ communeCode: 11065, street: ' Thôn 1 ' })).toEqual({
        provinceCode: 31,
        communeCode: 11065,
        street: 'Thôn 1',
        convertedFrom: null,
      });
    });

    it('accepts a matching provinceCode and stores a blank street as null', () => {
      expect(service.resolve({ communeCode: 11065, provinceCode: 31, street: '   ' })).toEqual({
        provinceCode: 31,
        communeCode: 11065,
        street: null,
        convertedFrom: null,
      });
    });

    it('rejects a provinceCode that does not contain the commune', () => {
      const err = resolveError(service, { communeCode: 11065, provinceCode: 1 });
      expect(err.code).toBe(CommonErrorCode.VALIDATION_FAILED);
      expect(err.details).toHaveLength(1);
      expect(err.details![0].field).toBe('address.provinceCode');
      expect(err.details![0].message).toEqual({
        vi: 'Xã Trường Tân thuộc Thành phố Hải Phòng (mã 31), không thuộc tỉnh mã 1',
        en: 'Xã Trường Tân belongs to Thành phố Hải Phòng (code 31), not to province 1',
      });
      expect(err.bilingualMessage).toEqual({
        vi: 'Dữ liệu không hợp lệ: address.provinceCode',
        en: 'Invalid input: address.provinceCode',
      });
    });

    it('rejects an unknown commune code', () => {
      const err = resolveError(service, { communeCode: 99999 });
      expect(err.code).toBe(CommonErrorCode.VALIDATION_FAILED);
      expect(err.details![0].field).toBe('address.communeCode');
      expect((err.details![0].message as { en: string }).en).toContain('Commune code 99999');
    });

    it('rejects a pre-2025 code sent as communeCode (Xã Phạm Trấn 11053 no longer exists)', () => {
      const err = resolveError(service, { communeCode: 11053 });
      expect(err.details![0].field).toBe('address.communeCode');
    });

    it('requires communeCode or oldCommuneCode', () => {
      const err = resolveError(service, { provinceCode: 31 });
      expect(err.details![0].field).toBe('address.communeCode');
    });

    it('prefixes field names with the given field', () => {
      const err = resolveError(service, { communeCode: 99999 }, 'farm.address');
      expect(err.details![0].field).toBe('farm.address.communeCode');
    });
  });

  describe('resolve with a pre-July-2025 commune code', () => {
    it('converts Xã Phạm Trấn (11053, Gia Lộc, Hải Dương) to Xã Trường Tân (11065, Hải Phòng)', () => {
      expect(service.resolve({ oldCommuneCode: 11053, street: 'Thôn 1' })).toEqual({
        provinceCode: 31,
        communeCode: 11065,
        street: 'Thôn 1',
        convertedFrom: {
          oldCommuneCode: 11053,
          oldCommuneName: 'Xã Phạm Trấn',
          oldDistrict: 'Huyện Gia Lộc',
          oldProvince: 'Tỉnh Hải Dương',
        },
      });
    });

    it('converts Xã Vũ Bản (13543, Bình Lục, Hà Nam) to Xã Bình Giang (13531, Ninh Bình 37)', () => {
      expect(service.resolve({ oldCommuneCode: 13543 })).toEqual({
        provinceCode: 37,
        communeCode: 13531,
        street: null,
        convertedFrom: {
          oldCommuneCode: 13543,
          oldCommuneName: 'Xã Vũ Bản',
          oldDistrict: 'Huyện Bình Lục',
          oldProvince: 'Tỉnh Hà Nam',
        },
      });
    });

    it('asks to choose when the old commune was split (Xã Thọ Xuân 09793 → 08980 or 09787)', () => {
      expect(service.conversionsOf(9793).map((r) => r.newCode).sort()).toEqual([8980, 9787]);
      const err = resolveError(service, { oldCommuneCode: 9793 });
      expect(err.code).toBe(CommonErrorCode.VALIDATION_FAILED);
      expect(err.details).toHaveLength(1);
      expect(err.details![0].field).toBe('address.communeCode');
      const message = err.details![0].message as { vi: string; en: string };
      for (const text of [message.vi, message.en]) {
        expect(text).toContain('Xã Thọ Xuân');
        expect(text).toContain('08980 Xã Yên Lãng (← Xã Thọ Xuân, Huyện Đan Phượng, Thành phố Hà Nội)');
        expect(text).toContain('09787 Xã Liên Minh');
      }
      expect(message.vi).toContain('nay thuộc nhiều xã mới');
    });

    it('lists both old communes when the official table uses one old code for two communes (01615)', () => {
      const err = resolveError(service, { oldCommuneCode: 1615 });
      const message = err.details![0].message as { vi: string; en: string };
      expect(message.vi).toContain('Xã Hồng Quang');
      expect(message.vi).toContain('Xã Mỹ Hưng');
    });

    it('says the chosen communeCode did not take over the old commune', () => {
      const err = resolveError(service, { oldCommuneCode: 11053, communeCode: 11068 });
      const message = err.details![0].message as { vi: string; en: string };
      expect(message.en).toContain('communeCode is not a commune that took over this old commune');
      expect(message.en).toContain('11065 Xã Trường Tân');
    });

    it('resolves a split old commune when communeCode names one of the candidates', () => {
      const expectedFrom = {
        oldCommuneCode: 9793,
        oldCommuneName: 'Xã Thọ Xuân',
        oldDistrict: 'Huyện Đan Phượng',
        oldProvince: 'Thành phố Hà Nội',
      };
      expect(service.resolve({ oldCommuneCode: 9793, communeCode: 9787 })).toEqual({
        provinceCode: 1,
        communeCode: 9787,
        street: null,
        convertedFrom: expectedFrom,
      });
      expect(service.resolve({ oldCommuneCode: 9793, communeCode: 8980, provinceCode: 1 })).toEqual({
        provinceCode: 1,
        communeCode: 8980,
        street: null,
        convertedFrom: expectedFrom,
      });
    });

    it('rejects a communeCode that is not among the candidates', () => {
      const err = resolveError(service, { oldCommuneCode: 9793, communeCode: 11065 });
      expect(err.details![0].field).toBe('address.communeCode');
    });

    it('rejects a provinceCode that does not match the converted commune', () => {
      const err = resolveError(service, { oldCommuneCode: 11053, provinceCode: 30 });
      expect(err.details![0].field).toBe('address.provinceCode');
      expect((err.details![0].message as { en: string }).en).toBe(
        'Xã Trường Tân belongs to Thành phố Hải Phòng (code 31), not to province 30',
      );
    });

    it('rejects an old code missing from the conversion table', () => {
      const err = resolveError(service, { oldCommuneCode: 99999 });
      expect(err.details![0].field).toBe('address.oldCommuneCode');
    });
  });

  describe('view', () => {
    it('adds names and a one-line address', () => {
      const stored = service.resolve({ communeCode: 11065, street: 'Thôn 1' });
      expect(service.view(stored)).toEqual({
        ...stored,
        provinceName: 'Thành phố Hải Phòng',
        communeName: 'Xã Trường Tân',
        fullText: 'Thôn 1, Xã Trường Tân, Thành phố Hải Phòng',
      });
    });

    it('leaves out a missing street', () => {
      const view = service.view({ provinceCode: 37, communeCode: 13531, street: null, convertedFrom: null });
      expect(view.fullText).toBe('Xã Bình Giang, Tỉnh Ninh Bình');
    });
  });
});
