import type { INestApplicationContext } from '@nestjs/common';
import { SecretBox } from '../common/crypto/secret-box';
import { MarketplaceAccountsService } from '../listings/marketplace-accounts.service';
import { StampsService } from '../stamps/stamps.service';

/** What one re-seal run did, summed over the tables that keep sealed secrets. */
export interface ResealReport {
  /** Id of the current DATA_ENCRYPTION_KEY (first 8 hex of its sha256), which every re-sealed value now names. */
  keyId: string;
  /** Ids of the keys listed in DATA_ENCRYPTION_KEYS_PREVIOUS. */
  previousKeyIds: string[];
  /** Marketplace credentials re-sealed with the current key. */
  credentials: number;
  /** Sealed PINs (stamps not yet marked printed) re-sealed with the current key. */
  pins: number;
  /** PIN hashes re-computed with the current key. */
  pinHashes: number;
  /** Sealed values (credentials and PINs) that were already sealed with the current key. */
  alreadyCurrent: number;
  /** Printed PIN stamps whose hash cannot be re-computed (PIN erased): see PinResealReport. */
  printedPinHashesStillOnOldKey: number;
  /** Sealed values that no configured key opens: left untouched; re-add their key to re-seal them. */
  notOpenable: number;
  /** Ids of the keys those were sealed with ('unknown': a value from before key ids, or damaged). */
  missingKeyIds: string[];
}

// The crypto layer knows keys, not tables: each table's owner re-seals its own column
// (MarketplaceAccountsService, StampsService); this only runs them in turn and adds up.
export async function resealSecrets(app: Pick<INestApplicationContext, 'get'>): Promise<ResealReport> {
  const box = app.get(SecretBox);
  const credentials = await app.get(MarketplaceAccountsService).resealCredentials();
  const pins = await app.get(StampsService).resealPins();
  return {
    keyId: box.currentKeyId,
    previousKeyIds: box.keyIds.slice(1),
    credentials: credentials.resealed,
    pins: pins.pins,
    pinHashes: pins.pinHashes,
    alreadyCurrent: credentials.alreadyCurrent + pins.alreadyCurrent,
    printedPinHashesStillOnOldKey: pins.printedPinHashesStillOnOldKey,
    notOpenable: credentials.notOpenable + pins.notOpenable,
    missingKeyIds: [...new Set([...credentials.missingKeyIds, ...pins.missingKeyIds])],
  };
}

/** The report for a person, in Vietnamese and English. */
export function describeResealReport(r: ResealReport): string {
  const lines = [
    `Khóa hiện tại / current key: ${r.keyId}`,
    `Khóa cũ đang liệt kê / previous keys listed: ${r.previousKeyIds.length ? r.previousKeyIds.join(', ') : '(không có / none)'}`,
    `Thông tin đăng nhập sàn đã niêm phong lại / marketplace credentials re-sealed: ${r.credentials}`,
    `Mã PIN chưa in đã niêm phong lại / unprinted PINs re-sealed: ${r.pins}`,
    `Mã băm PIN đã tính lại / PIN hashes re-computed: ${r.pinHashes}`,
    `Đã dùng khóa hiện tại từ trước / already on the current key: ${r.alreadyCurrent}`,
    `Tem có PIN đã in, mã băm không tính lại được / printed PIN stamps whose hash cannot be re-computed: ${r.printedPinHashesStillOnOldKey}`,
  ];
  if (r.printedPinHashesStillOnOldKey) {
    lines.push(
      '  → Mã PIN của các tem này chỉ còn trên giấy; tem in trước khi đổi khóa chỉ xác thực được khi khóa cũ vẫn nằm trong DATA_ENCRYPTION_KEYS_PREVIOUS.',
      '    Giữ khóa cũ cho đến khi các tem đó không còn lưu hành.',
      '  → These PINs exist only on paper; stamps printed before the rotation verify only while their old key stays in DATA_ENCRYPTION_KEYS_PREVIOUS.',
      '    Keep the old key listed until those stamps are out of circulation.',
    );
  }
  if (r.notOpenable) {
    lines.push(
      `Không mở được bằng khóa nào đang cấu hình (giữ nguyên) / not openable with any configured key (left as is): ${r.notOpenable}`,
      `  Niêm phong bằng khóa / sealed with key: ${r.missingKeyIds.join(', ')}`,
      '  → Thêm lại khóa cũ vào DATA_ENCRYPTION_KEYS_PREVIOUS rồi chạy lại / list the old key in DATA_ENCRYPTION_KEYS_PREVIOUS again and re-run.',
    );
  }
  return lines.join('\n');
}
