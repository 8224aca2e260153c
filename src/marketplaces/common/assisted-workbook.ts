import { Workbook } from 'exceljs';
import type { ListingDraft } from '../marketplace-adapter';

export interface AssistedColumn {
  header: string;
  width: number;
  value: (draft: ListingDraft) => string | number | null;
  /** Long text (description, image list): wrap so the officer can proofread before pasting. */
  wrap?: boolean;
}

export interface AssistedWorkbookSpec {
  marketplaceName: string;
  sheetName: string;
  columns: AssistedColumn[];
  /** Steps shown on the second sheet, in Vietnamese: the officer works from this file alone. */
  guide: string[];
}

export const ASSISTED_GUIDE_SHEET = 'Hướng dẫn';

/** One row per draft, in order, so row n+1 is drafts[n] when the officer reports back. */
export async function buildAssistedWorkbook(spec: AssistedWorkbookSpec, drafts: ListingDraft[]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Nguồn';
  workbook.title = `Sản phẩm đăng lên ${spec.marketplaceName}`;
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
  });
  for (const draft of drafts) {
    const row = sheet.addRow(spec.columns.map((c) => c.value(draft)));
    spec.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.alignment = { vertical: 'top', wrapText: c.wrap === true };
      // Prices and stock stay numbers (sortable, summable); SKUs stay text so "00123" keeps its zeros.
      if (typeof cell.value === 'number') cell.numFmt = '#,##0';
    });
  }
  const guide = workbook.addWorksheet(ASSISTED_GUIDE_SHEET);
  guide.getColumn(1).width = 110;
  spec.guide.forEach((line) => (guide.addRow([line]).getCell(1).alignment = { wrapText: true }));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
