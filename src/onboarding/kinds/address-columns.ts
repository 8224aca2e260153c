import { ColumnSpec, taxCodeFromNumber } from './column-spec';

// The address columns shared by cooperatives and planting areas; they fill the DTO's `address`
// (AddressInputDto) and are resolved with AdminUnitsService.resolve like a single create.
export function addressColumns(streetHeader: string, example: { street: string }): ColumnSpec[] {
  return [
    {
      header: 'Mã tỉnh',
      field: 'address.provinceCode',
      cell: { type: 'province' },
      width: 28,
      dropDown: 'provinces',
      help: {
        vi: 'Mã tỉnh/thành phố theo danh mục từ 01/7/2025 (chọn trong danh sách, hoặc ghi mã số như 31). Không bắt buộc khi đã có mã xã; cần khi ghi tên xã thay cho mã.',
        en: 'Province code since 1 July 2025 (pick from the list, or type the number, e.g. 31). Optional with a commune code; needed when the commune is given by name.',
      },
      example: '31 - Thành phố Hải Phòng',
    },
    {
      header: 'Mã xã/phường (từ 01/7/2025)',
      field: 'address.communeCode',
      cell: { type: 'commune' },
      width: 26,
      textFormat: true,
      help: {
        vi: 'Mã xã/phường mới (5 chữ số, xem trang “Xã, phường”), hoặc tên xã trong tỉnh ở cột Mã tỉnh (có dấu hay không dấu đều được, ví dụ “Trường Tân”). Cần cột này hoặc cột Mã xã cũ.',
        en: 'New commune code (5 digits, see the “Xã, phường” sheet), or the commune name within the province of the Mã tỉnh column (accents optional, e.g. “Truong Tan”). This column or the old commune code is required.',
      },
      example: '11065',
    },
    {
      header: 'Mã xã cũ (trước 01/7/2025)',
      field: 'address.oldCommuneCode',
      cell: { type: 'integer' },
      width: 24,
      textFormat: true,
      help: {
        vi: 'Mã xã trước 01/7/2025, như trên giấy tờ cũ; hệ thống tự đổi sang xã mới theo bảng chuyển đổi chính thức. Nếu xã cũ nay thuộc nhiều xã mới, ghi thêm mã xã mới.',
        en: 'Pre-July-2025 commune code, as on older papers; converted with the official table. When the old commune was split, also give the new commune code.',
      },
      example: '11053',
    },
    {
      header: streetHeader,
      field: 'address.street',
      cell: { type: 'text' },
      width: 28,
      help: { vi: 'Thôn, xóm, tổ dân phố, số nhà (tối đa 200 ký tự).', en: 'Hamlet, street and house number (up to 200 characters).' },
      example: example.street,
    },
  ];
}

/** Which cooperative a planting area or product belongs to: officers know tax codes, not UUIDs. */
export const COOPERATIVE_REF_COLUMNS: ColumnSpec[] = [
  {
    header: 'Mã số thuế HTX',
    field: 'cooperativeTaxCode',
    cell: { type: 'text', fromNumber: taxCodeFromNumber },
    outsideDto: true,
    width: 18,
    textFormat: true,
    help: {
      vi: 'Mã số thuế của hợp tác xã sở hữu dòng này (10 chữ số, hoặc 10 chữ số-3 chữ số chi nhánh). Bắt buộc, trừ khi có cột Mã HTX (ID); quản lý HTX có thể để trống (mặc định là HTX của mình).',
      en: 'Tax code of the cooperative that owns this row (10 digits, or 10 digits-3-digit branch). Required unless the cooperative ID column is filled; cooperative managers may leave it blank (their own cooperative).',
    },
    example: '0801234560',
  },
  {
    header: 'Mã HTX (ID)',
    field: 'cooperativeId',
    cell: { type: 'text' },
    outsideDto: true,
    width: 38,
    help: {
      vi: 'Mã định danh (UUID) của hợp tác xã trong Nguồn, thay cho mã số thuế khi HTX chưa có mã số thuế.',
      en: 'The cooperative’s ID (UUID) in Nguồn, instead of the tax code when it has none.',
    },
    example: '',
  },
];
