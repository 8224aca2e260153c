import { Workbook } from 'exceljs';
import { AdminUnitsService } from '../../admin-units/admin-units.service';
import { DomainException } from '../../common/errors/domain.exception';
import { PRODUCT_COLUMNS } from '../kinds/product-columns';
import { cellInput, readSheet } from './sheet-reader';
import { csvTemplate, xlsxTemplate } from './template-writer';

const units = new AdminUnitsService();

async function reason(bytes: Buffer): Promise<string> {
  try {
    await readSheet(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainException);
    expect((e as DomainException).code).toBe('ONBOARDING_FILE_UNREADABLE');
    return (e as DomainException).bilingualMessage.en;
  }
  throw new Error('no error');
}

describe('sheet reader', () => {
  it('reads back the XLSX template: header row, then the example row, by row number', async () => {
    const file = await xlsxTemplate(PRODUCT_COLUMNS, {
      title: { vi: 'Mẫu', en: 'Template' },
      maxRows: 10,
      provinces: units.listProvinces(),
      communes: [],
      notes: [],
    });
    const table = await readSheet(file);
    expect(table.format).toBe('xlsx');
    expect(table.lines.map((l) => l.row)).toEqual([1, 2]);
    expect(table.lines[0].cells).toEqual(PRODUCT_COLUMNS.map((c) => c.header));
    expect(table.lines[1].cells[0]).toBe('VD: 0801234560');
    // Numbers stay numbers in XLSX; blanks are undefined.
    expect(table.lines[1].cells[PRODUCT_COLUMNS.findIndex((c) => c.field === 'netContent')]).toBe(0.5);
    expect(table.lines[1].cells[1]).toBeUndefined();
  });

  it('reads the first sheet of a workbook not made from the template', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['Tên sản phẩm*', 'GTIN (mã vạch)']);
    sheet.addRow([]);
    sheet.addRow(['Gạo ST25', 8934588012228]);
    const table = await readSheet(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(table.lines).toEqual([
      { row: 1, cells: ['Tên sản phẩm*', 'GTIN (mã vạch)'] },
      { row: 3, cells: ['Gạo ST25', 8934588012228] },
    ]);
  });

  it('reads CSV by content, numbering rows as Excel does even when a cell spans lines', async () => {
    const table = await readSheet(csvTemplate(PRODUCT_COLUMNS, ';'));
    expect(table.format).toBe('csv');
    expect(table.lines[0].cells).toEqual(PRODUCT_COLUMNS.map((c) => c.header));
    const multiline = await readSheet(Buffer.from('a,b\r\n"x\ny",1\r\n,\r\nz,2\r\n'));
    expect(multiline.lines.map((l) => [l.row, l.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', '1']],
      [4, ['z', '2']],
    ]);
  });

  it('explains .xls, damaged .xlsx and non-UTF-8 files', async () => {
    expect(await reason(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toContain('.xls');
    expect(await reason(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toContain('Cannot read the .xlsx file');
    expect(await reason(Buffer.from([0x54, 0xea, 0x6e]))).toContain('UTF-8');
  });

  it('shows what a person sees in a cell', () => {
    expect(cellInput({ richText: [{ text: 'Hợp tác xã ' }, { text: 'Đồng Tâm' }] })).toBe('Hợp tác xã Đồng Tâm');
    expect(cellInput({ text: 'htx@example.vn', hyperlink: 'mailto:htx@example.vn' })).toBe('htx@example.vn');
    expect(cellInput({ formula: 'A1*2', result: 3 })).toBe(3);
    expect(cellInput({ error: '#N/A' })).toBe('#N/A');
    expect(cellInput(new Date('2025-07-01T00:00:00Z'))).toBe('2025-07-01');
    expect(cellInput('   ')).toBeUndefined();
    expect(cellInput(null)).toBeUndefined();
  });
});
