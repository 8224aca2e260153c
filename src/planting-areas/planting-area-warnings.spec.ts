import { bilingual, pick } from '../common/i18n/messages';
import { CodeStatus } from './code-status';
import { localiseWarnings } from './localise-warnings.interceptor';
import { CodeStyle, CropType } from './planting-area-kinds';
import { areaWarnings, codeWarnings, CodeFacts } from './planting-area-warnings';

const vi = (w: { message: string }[]) => w.map((x) => pick(x.message, 'vi'));
const en = (w: { message: string }[]) => w.map((x) => pick(x.message, 'en'));

describe('areaWarnings', () => {
  it('says nothing within ±20 % or without a boundary', () => {
    expect(areaWarnings({ declaredAreaHa: 1, computedAreaHa: 1.2, cropType: null })).toEqual([]);
    expect(areaWarnings({ declaredAreaHa: 1, computedAreaHa: 0.8, cropType: null })).toEqual([]);
    expect(areaWarnings({ declaredAreaHa: 1, computedAreaHa: null, cropType: null })).toEqual([]);
  });

  it('warns beyond ±20 % with both figures and the gap', () => {
    const smaller = areaWarnings({ declaredAreaHa: 2, computedAreaHa: 1.1569, cropType: null });
    expect(smaller).toMatchObject([{ field: 'declaredAreaHa', code: 'PLANTING_AREA_SIZE_MISMATCH' }]);
    expect(vi(smaller)[0]).toBe(
      'Diện tích tính từ ranh giới là 1,1569 ha, nhỏ hơn 42 % so với diện tích khai báo 2 ha (cho phép lệch ±20 %); hãy kiểm tra lại ranh giới hoặc diện tích khai báo',
    );
    expect(en(smaller)[0]).toContain('is 1.1569 ha, 42 % less than the declared 2 ha');
    const larger = areaWarnings({ declaredAreaHa: 0.9, computedAreaHa: 1.1569, cropType: null });
    expect(vi(larger)[0]).toContain('lớn hơn 29 %');
  });

  it('warns when an area is below the size guidance for its crop type', () => {
    const perennial = areaWarnings({ declaredAreaHa: 0.5, computedAreaHa: null, cropType: CropType.Perennial });
    expect(vi(perennial)).toEqual(['Vùng trồng cây lâu năm thường cần tối thiểu 1 ha để được cấp mã số vùng trồng; diện tích khai báo là 0,5 ha']);
    expect(areaWarnings({ declaredAreaHa: 0.5, computedAreaHa: null, cropType: CropType.Annual })).toEqual([]);
    expect(vi(areaWarnings({ declaredAreaHa: 0.05, computedAreaHa: null, cropType: CropType.Annual }))[0]).toContain('tối thiểu 0,1 ha');
  });
});

describe('codeWarnings', () => {
  const base: CodeFacts = { code: 'VN-DTOR-0017', style: CodeStyle.ExportOrchard, parsed: { province: 'DT', sequence: '0017' }, scope: 'export:CN', validUntil: null, status: CodeStatus.Pending };
  const ok = () => 'ok' as const;

  it('has nothing to say about a well-formed export code', () => {
    expect(codeWarnings(base, '2025-06-01', ok)).toEqual([]);
  });

  it('warns about unknown shapes, naming the known ones', () => {
    const w = codeWarnings({ ...base, code: 'ABC-1', style: CodeStyle.Unknown, parsed: null }, '2025-06-01', ok);
    expect(w).toMatchObject([{ field: 'code', code: 'PLANTING_AREA_CODE_UNRECOGNISED' }]);
    expect(vi(w)[0]).toContain('Mã ABC-1 không theo dạng nào đã biết');
  });

  it('checks the commune and year of TCCS 774 codes', () => {
    const tccs: CodeFacts = {
      ...base,
      code: 'VN-66-650-24370-94-27',
      style: CodeStyle.Tccs774,
      parsed: { provinceCode: '66', districtCode: '650', communeCode: '24370', facility: '94', year: 2027 },
      scope: 'domestic',
    };
    expect(codeWarnings(tccs, '2025-06-01', () => 'elsewhere').map((w) => w.code)).toEqual([
      'PLANTING_AREA_CODE_YEAR_AHEAD',
      'PLANTING_AREA_CODE_COMMUNE_ELSEWHERE',
    ]);
    expect(codeWarnings(tccs, '2027-01-01', () => 'unknown').map((w) => w.code)).toEqual(['PLANTING_AREA_CODE_COMMUNE_UNKNOWN']);
  });

  it('warns about an export-style code declared domestic, and about a live code past its date', () => {
    expect(codeWarnings({ ...base, scope: 'domestic' }, '2025-06-01', ok).map((w) => w.field)).toEqual(['scope']);
    expect(codeWarnings({ ...base, validUntil: '2025-05-31' }, '2025-06-01', ok).map((w) => w.code)).toEqual(['PLANTING_AREA_CODE_EXPIRED']);
    expect(codeWarnings({ ...base, validUntil: '2025-05-31', status: CodeStatus.Revoked }, '2025-06-01', ok)).toEqual([]);
  });
});

describe('localiseWarnings', () => {
  const warning = { field: 'code', code: 'X', message: bilingual('Tiếng Việt', 'English') };

  it('picks the language on a response and on each item of a page', () => {
    expect(localiseWarnings({ id: 1, warnings: [warning] }, 'en')).toEqual({ id: 1, warnings: [{ ...warning, message: 'English' }] });
    expect(localiseWarnings({ items: [{ warnings: [warning] }], total: 1 }, 'vi')).toEqual({ items: [{ warnings: [{ ...warning, message: 'Tiếng Việt' }] }], total: 1 });
  });

  it('leaves other bodies alone', () => {
    expect(localiseWarnings(null, 'vi')).toBeNull();
    expect(localiseWarnings({ id: 'x' }, 'vi')).toEqual({ id: 'x' });
  });
});
