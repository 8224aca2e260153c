import { bilingual } from '../common/i18n/messages';
import { PLANTING_AREA_COLUMNS } from './kinds/planting-area-columns';
import { columnFor, localise, RowProblems } from './row-problems';

const columns = PLANTING_AREA_COLUMNS;

describe('row problems', () => {
  it('finds the column of a field, of a nested part, and of a parent', () => {
    expect(columnFor(columns, 'declaredAreaHa')?.header).toBe('Diện tích (ha)*');
    expect(columnFor(columns, 'boundary.coordinates[0][1]')?.header).toBe('Ranh giới (GeoJSON)');
    expect(columnFor(columns, 'address')?.header).toBe('Mã tỉnh');
    expect(columnFor(columns, 'somethingElse')).toBeUndefined();
  });

  it('drops the API field prefix and names columns instead of API fields', () => {
    const area = bilingual('declaredAreaHa: diện tích (ha) phải là số lớn hơn 0', 'declaredAreaHa: the area (ha) must be above 0');
    expect(localise(area, 'vi', 'declaredAreaHa', columns)).toBe('Diện tích (ha) phải là số lớn hơn 0');
    expect(localise(area, 'en', 'declaredAreaHa', columns)).toBe('The area (ha) must be above 0');
    expect(localise(bilingual('crop quá ngắn', 'crop must be longer than or equal to 2 characters'), 'vi', 'crop', columns)).toBe('“Cây trồng” quá ngắn');
    expect(
      localise({ vi: 'Cần mã xã/phường (communeCode), hoặc mã xã cũ (oldCommuneCode)', en: 'Give communeCode or oldCommuneCode' }, 'en', 'address.communeCode', columns),
    ).toBe('Give “Mã xã/phường (từ 01/7/2025)” or “Mã xã cũ (trước 01/7/2025)”');
  });

  it('reports each message once, sorted by row then template column order', () => {
    const problems = new RowProblems();
    problems.add(9, 'name', { vi: 'a', en: 'a' });
    problems.add(4, 'declaredAreaHa', { vi: 'b', en: 'b' });
    problems.add(4, 'declaredAreaHa', { vi: 'b', en: 'b' });
    problems.add(4, 'cooperativeTaxCode', { vi: 'c', en: 'c' });
    problems.add(4, 'notAColumn', 'd');
    expect(problems.rowCount).toBe(2);
    expect(problems.hasRow(4) && problems.hasRow(9) && !problems.hasRow(5)).toBe(true);
    expect(problems.hasField(4, 'declaredAreaHa')).toBe(true);
    expect(problems.toErrors(columns, 'vi')).toEqual([
      { row: 4, column: 'Mã số thuế HTX', field: 'cooperativeTaxCode', message: 'C' },
      { row: 4, column: 'Diện tích (ha)*', field: 'declaredAreaHa', message: 'B' },
      { row: 4, column: null, field: 'notAColumn', message: 'D' },
      { row: 9, column: 'Tên vùng trồng*', field: 'name', message: 'A' },
    ]);
  });
});
