import { Injectable } from '@nestjs/common';
import { Workbook } from 'exceljs';
import type { BulkPublishProgressDto } from './dto/bulk-publish-response.dto';
import { LISTING_STATUS_VI, ListingStatus } from './listing-status';

const ITEM_STATE_VI: Record<string, string> = { pending: 'đang xử lý', invalid: 'không hợp lệ, chưa gửi', ...LISTING_STATUS_VI };

export const REPORT_HEADERS = ['STT', 'Dòng trong tệp', 'Sản phẩm', 'Mã sản phẩm', 'Sàn', 'Giá bán (VNĐ)', 'Tồn kho', 'Mã SKU', 'Trạng thái', 'Lý do / lỗi', 'Link trên sàn'];

// The downloadable result of a bulk publish, one row per item, with Vietnamese headers: which
// products went up, which were refused and why (the top complaint about bulk uploads elsewhere).
@Injectable()
export class BulkReportWriter {
  async write(progress: BulkPublishProgressDto): Promise<Buffer> {
    const workbook = new Workbook();
    workbook.creator = 'Nguồn';
    const sheet = workbook.addWorksheet('Kết quả đăng bán');
    sheet.addRow(REPORT_HEADERS).font = { bold: true };
    for (const item of progress.items) {
      const errors = item.errors.map((e) => `${e.field}: ${typeof e.message === 'string' ? e.message : e.message.vi}`).join('\n');
      sheet.addRow([
        item.position,
        item.sourceRow ?? '',
        item.productName ?? '',
        item.productId,
        item.marketplace,
        item.priceVnd,
        item.stock,
        item.sellerSku ?? '',
        ITEM_STATE_VI[item.state] ?? item.state,
        [item.statusReason, errors].filter(Boolean).join('\n'),
        item.externalUrl ?? '',
      ]);
    }
    sheet.getColumn(6).numFmt = '#,##0';
    [6, 12, 28, 38, 10, 14, 10, 24, 22, 60, 40].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const summary = workbook.addWorksheet('Tổng hợp');
    summary.addRow(['Trạng thái', 'Số lượng']).font = { bold: true };
    for (const [state, n] of Object.entries(progress.counts)) summary.addRow([ITEM_STATE_VI[state] ?? state, n]);
    summary.addRow(['Tổng', progress.total]);
    summary.getColumn(1).width = 30;
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}

export const SETTLED_ITEM_STATES: readonly string[] = [
  'invalid',
  ListingStatus.Live,
  ListingStatus.PendingReview,
  ListingStatus.Rejected,
  ListingStatus.Failed,
  ListingStatus.AwaitingManualAction,
  ListingStatus.Unlisted,
];
