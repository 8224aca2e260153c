import { COOPERATIVE_REF_COLUMNS } from './address-columns';
import type { Choice, ColumnSpec } from './column-spec';

// UN/ECE Rec 20 codes the products API stores, with the units people write on a label. Other valid
// codes (e.g. TNE) pass through as typed.
export const UNIT_CHOICES: Choice[] = [
  { value: 'KGM', label: 'KGM', aliases: ['kg', 'kilogram', 'ki-lô-gam'] },
  { value: 'GRM', label: 'GRM', aliases: ['g', 'gam', 'gram'] },
  { value: 'LTR', label: 'LTR', aliases: ['l', 'lít', 'lit'] },
  { value: 'MLT', label: 'MLT', aliases: ['ml', 'mililít'] },
  { value: 'H87', label: 'H87', aliases: ['cái', 'chiếc', 'quả'] },
];

// Columns of the products template; all but the cooperative reference fill CreateProductDto.
export const PRODUCT_COLUMNS: ColumnSpec[] = [
  ...COOPERATIVE_REF_COLUMNS,
  {
    header: 'Tên sản phẩm*',
    field: 'nameVi',
    cell: { type: 'text' },
    required: true,
    width: 32,
    help: { vi: 'Tên sản phẩm tiếng Việt (2–200 ký tự).', en: 'Vietnamese product name (2–200 characters).' },
    example: 'Vải thiều Thanh Hà sấy khô',
  },
  {
    header: 'Tên tiếng Anh',
    field: 'nameEn',
    cell: { type: 'text' },
    width: 26,
    help: { vi: 'Tên tiếng Anh (không bắt buộc).', en: 'English name (optional).' },
    example: 'Dried Thanh Hà lychee',
  },
  {
    header: 'Loại sản phẩm*',
    field: 'category',
    cell: { type: 'text' },
    required: true,
    width: 18,
    help: { vi: 'Loại sản phẩm, ví dụ Trái cây sấy, Gạo, Nước mắm (2–100 ký tự).', en: 'Category, e.g. dried fruit, rice, fish sauce (2–100 characters).' },
    example: 'Trái cây sấy',
  },
  {
    header: 'Đơn vị bán*',
    field: 'unitOfSale',
    cell: { type: 'text' },
    required: true,
    width: 12,
    help: { vi: 'Quy cách đóng gói: hộp, chai, túi, bao…', en: 'Unit of sale: box, bottle, bag, sack…' },
    example: 'hộp',
  },
  {
    header: 'Khối lượng/thể tích tịnh*',
    field: 'netContent',
    cell: { type: 'decimal' },
    required: true,
    width: 14,
    help: {
      vi: 'Khối lượng hoặc thể tích tịnh của một đơn vị bán, lớn hơn 0, tối đa 3 chữ số thập phân (0,5 hoặc 0.5).',
      en: 'Net content of one unit of sale, above 0, up to 3 decimals (0,5 or 0.5).',
    },
    example: 0.5,
  },
  {
    header: 'Đơn vị tính*',
    field: 'netContentUnit',
    cell: { type: 'choice', choices: UNIT_CHOICES },
    required: true,
    width: 12,
    dropDown: UNIT_CHOICES.map((c) => c.label),
    help: {
      vi: 'Mã đơn vị UN/ECE Rec 20: KGM (kg), GRM (g), LTR (lít), MLT (ml), H87 (cái); ghi kg, g, lít, ml, cái cũng được.',
      en: 'UN/ECE Rec 20 unit code: KGM (kg), GRM (g), LTR (litre), MLT (ml), H87 (piece); kg, g, l, ml are accepted too.',
    },
    example: 'KGM',
  },
  {
    header: 'GTIN (mã vạch)',
    field: 'gtin',
    cell: { type: 'text', fromNumber: String },
    width: 18,
    textFormat: true,
    help: {
      vi: 'Mã vạch 8, 12, 13 hoặc 14 chữ số, chữ số cuối là chữ số kiểm tra GS1; không được trùng trong tệp hay với sản phẩm đã có. Để trống nếu chưa có mã vạch.',
      en: 'Barcode of 8, 12, 13 or 14 digits, the last a GS1 check digit; must not repeat within the file or match an existing product. Leave blank without a barcode.',
    },
    example: '8934588012228',
  },
  {
    header: 'Nhãn hiệu',
    field: 'brand',
    cell: { type: 'text' },
    width: 16,
    help: { vi: 'Nhãn hiệu (tối đa 120 ký tự).', en: 'Brand (up to 120 characters).' },
    example: 'Tân Minh Đức',
  },
  {
    header: 'Mô tả',
    field: 'description',
    cell: { type: 'text' },
    width: 36,
    help: { vi: 'Mô tả cho người mua (tối đa 4000 ký tự).', en: 'Description for buyers (up to 4000 characters).' },
    example: 'Vải thiều sấy lạnh, không đường',
  },
  {
    header: 'Tiêu chuẩn áp dụng',
    field: 'standardsApplied',
    cell: { type: 'list' },
    width: 26,
    help: {
      vi: 'Các tiêu chuẩn (TCVN, QCVN, VietGAP, tiêu chuẩn cơ sở…), cách nhau bằng dấu chấm phẩy “;”.',
      en: 'Standards applied (TCVN, QCVN, VietGAP, company standards…), separated by semicolons “;”.',
    },
    example: 'TCVN 5603:2023; VietGAP',
  },
  {
    header: 'Hạn sử dụng (ngày)',
    field: 'shelfLifeDays',
    cell: { type: 'integer' },
    width: 14,
    help: { vi: 'Số ngày kể từ ngày sản xuất/đóng gói, 1–3650.', en: 'Days from production or packing, 1–3650.' },
    example: 365,
  },
];
