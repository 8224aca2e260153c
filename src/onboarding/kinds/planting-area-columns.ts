import { CropType, PlantingStandard } from '../../planting-areas/planting-area-kinds';
import { addressColumns, COOPERATIVE_REF_COLUMNS } from './address-columns';
import type { Choice, ColumnSpec } from './column-spec';

// Drop-down labels are Vietnamese; the API's own values are accepted too, so a file exported from
// another system needs no translation.
export const STANDARD_CHOICES: Choice[] = [
  { value: PlantingStandard.VietGap, label: 'VietGAP' },
  { value: PlantingStandard.GlobalGap, label: 'GlobalGAP' },
  { value: PlantingStandard.Organic, label: 'Hữu cơ', aliases: ['organic', 'hữu cơ (organic)'] },
  { value: PlantingStandard.None, label: 'Không', aliases: ['none', 'không áp dụng'] },
];

export const CROP_TYPE_CHOICES: Choice[] = [
  { value: CropType.Perennial, label: 'Cây lâu năm', aliases: ['lâu năm', 'perennial'] },
  { value: CropType.Annual, label: 'Cây hằng năm', aliases: ['hằng năm', 'cây hàng năm', 'hàng năm', 'annual'] },
];

// Columns of the planting-areas template; all but the cooperative reference fill CreatePlantingAreaDto.
export const PLANTING_AREA_COLUMNS: ColumnSpec[] = [
  ...COOPERATIVE_REF_COLUMNS,
  {
    header: 'Tên vùng trồng*',
    field: 'name',
    cell: { type: 'text' },
    required: true,
    width: 32,
    help: { vi: 'Tên vùng trồng như trên hồ sơ đăng ký (2–200 ký tự).', en: 'Name of the area as on the registration form (2–200 characters).' },
    example: 'Vùng vải thiều thôn Phạm Trấn',
  },
  {
    header: 'Cây trồng*',
    field: 'crop',
    cell: { type: 'text' },
    required: true,
    width: 16,
    help: { vi: 'Loài cây trồng (2–100 ký tự).', en: 'Crop species (2–100 characters).' },
    example: 'Vải thiều',
  },
  {
    header: 'Giống',
    field: 'variety',
    cell: { type: 'text' },
    width: 14,
    help: { vi: 'Giống cây trồng.', en: 'Variety.' },
    example: 'Thanh Hà',
  },
  {
    header: 'Loại cây',
    field: 'cropType',
    cell: { type: 'choice', choices: CROP_TYPE_CHOICES },
    width: 16,
    dropDown: CROP_TYPE_CHOICES.map((c) => c.label),
    help: {
      vi: 'Cây lâu năm hoặc Cây hằng năm; dùng để cảnh báo khi diện tích dưới mức tối thiểu được cấp mã số vùng trồng.',
      en: 'Perennial (Cây lâu năm) or annual (Cây hằng năm); used to warn when the area is below the minimum for a planting-area code.',
    },
    example: 'Cây lâu năm',
  },
  {
    header: 'Diện tích (ha)*',
    field: 'declaredAreaHa',
    cell: { type: 'decimal' },
    required: true,
    width: 14,
    help: {
      vi: 'Diện tích khai báo, đơn vị héc-ta, lớn hơn 0, tối đa 4 chữ số thập phân; dấu thập phân là dấu phẩy hoặc dấu chấm (2,5 hoặc 2.5).',
      en: 'Declared area in hectares, above 0, up to 4 decimals; the decimal mark may be a comma or a point (2,5 or 2.5).',
    },
    example: 1.2,
  },
  {
    header: 'Số nông hộ*',
    field: 'householdCount',
    cell: { type: 'integer' },
    required: true,
    width: 12,
    help: { vi: 'Số nông hộ tham gia, số nguyên từ 1.', en: 'Number of farming households, a whole number from 1.' },
    example: 12,
  },
  ...addressColumns('Thôn/xóm', { street: 'Thôn Phạm Trấn' }),
  {
    header: 'Tiêu chuẩn',
    field: 'standard',
    cell: { type: 'choice', choices: STANDARD_CHOICES },
    width: 14,
    dropDown: STANDARD_CHOICES.map((c) => c.label),
    help: { vi: 'Tiêu chuẩn áp dụng: VietGAP, GlobalGAP, Hữu cơ hoặc Không (mặc định).', en: 'Standard applied: VietGAP, GlobalGAP, Hữu cơ (organic) or Không (none, the default).' },
    example: 'VietGAP',
  },
  {
    header: 'Ranh giới (GeoJSON)',
    field: 'boundary',
    cell: { type: 'json' },
    width: 30,
    help: {
      vi: 'Không bắt buộc. Hình GeoJSON kiểu Polygon hoặc MultiPolygon, tọa độ [kinh độ, vĩ độ] (WGS84), trong lãnh thổ Việt Nam.',
      en: 'Optional. A GeoJSON Polygon or MultiPolygon geometry, positions [longitude, latitude] (WGS84), inside Vietnam.',
    },
    example: '',
  },
];
