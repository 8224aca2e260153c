import { AdminUnitsService } from '../admin-units/admin-units.service';
import { DomainException } from '../common/errors/domain.exception';
import { CreatePlantingAreaDto } from '../planting-areas/dto/create-planting-area.dto';
import { AddressCells } from './address-cells';
import { PLANTING_AREA_COLUMNS } from './kinds/planting-area-columns';
import { dataRows, mapHeader, parseRow, resolveAddress, validateRow } from './row-reader';
import { RowProblems } from './row-problems';

const columns = PLANTING_AREA_COLUMNS;
const units = new AdminUnitsService();
const cells = new AddressCells(units);

async function check(row: Record<string, string | number>) {
  const header = mapHeader(columns, { row: 1, cells: Object.keys(row) });
  const [input] = dataRows([{ row: 7, cells: Object.values(row) }], header);
  const problems = new RowProblems();
  const parsed = parseRow(cells, columns, input, problems);
  const dto = await validateRow(CreatePlantingAreaDto, parsed, problems);
  const address = resolveAddress(units, 7, dto.address, problems);
  return { parsed, dto, address, errors: problems.toErrors(columns, 'vi') };
}

describe('row reader', () => {
  it('matches headers without accents, case or "*", or by DTO field name, and lists the others', () => {
    const header = mapHeader(columns, { row: 1, cells: ['ten vung trong', 'CÂY TRỒNG', 'declaredAreaHa', 'Số nông hộ*', undefined, 'Ghi chú'] });
    expect([...header.index.entries()].map(([c, i]) => [c.field, i])).toEqual([
      ['name', 0],
      ['crop', 1],
      ['declaredAreaHa', 2],
      ['householdCount', 3],
    ]);
    expect(header.ignored).toEqual(['Ghi chú']);
  });

  it('refuses a header row without the required columns, naming them', () => {
    try {
      mapHeader(columns, { row: 1, cells: ['Tên vùng trồng*', 'Cây trồng*'] });
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainException);
      expect((e as DomainException).code).toBe('ONBOARDING_MISSING_COLUMNS');
      expect((e as DomainException).details?.map((d) => d.field)).toEqual(['declaredAreaHa', 'householdCount']);
    }
  });

  it('skips the "VD:" example row and rows with nothing in known columns', () => {
    const header = mapHeader(columns, { row: 1, cells: ['Tên vùng trồng*', 'Cây trồng*', 'Diện tích (ha)*', 'Số nông hộ*', 'Ghi chú'] });
    const rows = dataRows(
      [
        { row: 2, cells: ['VD: Vùng vải', 'Vải', 1, 1] },
        { row: 3, cells: ['vd:thử', 'Vải', 1, 1] },
        { row: 4, cells: [undefined, undefined, undefined, undefined, 'chỉ ghi chú'] },
        { row: 5, cells: ['Vùng lúa', '  ', 2, 3] },
      ],
      header,
    );
    expect(rows.map((r) => [r.row, [...r.cells.values()]])).toEqual([[5, ['Vùng lúa', 2, 3]]]);
  });

  it('builds the single-create body: numbers, choices, nested address, commune by name', async () => {
    const { parsed, address, errors } = await check({
      'Tên vùng trồng*': 'Vùng vải '.normalize('NFD'),
      'Cây trồng*': 'Vải thiều',
      'Loại cây': 'cây lâu năm',
      'Diện tích (ha)*': '2,5',
      'Số nông hộ*': 12,
      'Mã tỉnh': '31 - Thành phố Hải Phòng',
      'Mã xã/phường (từ 01/7/2025)': 'truong tan',
      'Tiêu chuẩn': 'Hữu cơ',
    });
    expect(errors).toEqual([]);
    expect(parsed.body).toEqual({
      name: 'Vùng vải '.normalize('NFD'),
      crop: 'Vải thiều',
      cropType: 'perennial',
      declaredAreaHa: 2.5,
      householdCount: 12,
      address: { provinceCode: 31, communeCode: 11065 },
      standard: 'organic',
    });
    expect(address).toEqual({ provinceCode: 31, communeCode: 11065, street: null, convertedFrom: null });
  });

  it('reports blank required cells, DTO failures and address problems, once per cell', async () => {
    const { errors } = await check({
      'Tên vùng trồng*': 'V',
      'Cây trồng*': '',
      'Diện tích (ha)*': '1.200,5',
      'Số nông hộ*': 0,
      'Mã xã/phường (từ 01/7/2025)': '11065',
      'Mã tỉnh': '1',
      'Tiêu chuẩn': 'BioGAP',
    });
    expect(errors.map((e) => [e.column, e.message])).toEqual([
      ['Tên vùng trồng*', '“Tên vùng trồng” quá ngắn'],
      ['Cây trồng*', 'Bắt buộc: ô này không được để trống'],
      ['Diện tích (ha)*', 'Diện tích (ha) phải là số lớn hơn 0, tối đa 4 chữ số thập phân và không quá 999 999 ha'],
      ['Số nông hộ*', 'Số nông hộ phải là số nguyên từ 1 trở lên'],
      ['Mã tỉnh', 'Xã Trường Tân thuộc Thành phố Hải Phòng (mã 31), không thuộc tỉnh mã 1'],
      ['Tiêu chuẩn', 'Chọn vietgap, globalgap, organic hoặc none'],
    ]);
    expect(errors.every((e) => e.row === 7)).toBe(true);
  });

  it('leaves the commune alone when the province cell is already wrong', async () => {
    const { errors } = await check({ 'Tên vùng trồng*': 'Vùng', 'Cây trồng*': 'Lúa', 'Diện tích (ha)*': 1, 'Số nông hộ*': 1, 'Mã tỉnh': '99', 'Mã xã/phường (từ 01/7/2025)': 'Trường Tân' });
    expect(errors.map((e) => e.column)).toEqual(['Mã tỉnh']);
  });
});
