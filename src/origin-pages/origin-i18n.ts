import type { Lang } from '../common/i18n/messages';
import { enDateOf, enDateTime, viDate, viDateTime } from './origin-dates';
import type { OriginWarning, StampVerdict } from './origin-view';

// Every fixed string of the public origin page, in Vietnamese (default) and English. Data from the
// database (names, addresses, reasons) is never translated: only the frame around it.

export type { Lang };

export interface VerdictText {
  title: string;
  detail: string;
  /** What the person holding the product should do now; null when nothing is needed. */
  advice: string | null;
}

/** Verdict banners; `genuine_warned` is a registered stamp that shows signs of copying. */
export type VerdictKey = StampVerdict | 'genuine_warned';

export interface OriginPageTexts {
  brand: string;
  footer: string;
  otherLanguage: { lang: Lang; label: string };
  invalidStampTitle: string;
  verdicts: Record<VerdictKey, VerdictText>;
  recallReason: string;
  recallReasonMissing: string;
  summary: { grownBy: string; grownIn: string; harvested: string };
  sections: {
    producer: string;
    certifications: string;
    plantingArea: string;
    batch: string;
    stages: string;
    diary: string;
    buy: string;
    stamp: string;
  };
  labels: {
    brand: string;
    gtin: string;
    netContent: string;
    standards: string;
    shelfLife: string;
    address: string;
    phone: string;
    certificateNo: string;
    certBody: string;
    validUntil: string;
    areaName: string;
    areaCode: string;
    place: string;
    crop: string;
    standard: string;
    traceabilityCode: string;
    lotCode: string;
    harvestDate: string;
    packDate: string;
    expiryDate: string;
    quantity: string;
    stageTime: string;
    productTracingCode: string;
    locationCode: string;
    from: string;
    to: string;
    serial: string;
    scannedSerial: string;
    scanCount: string;
    firstScan: string;
    updatedAt: string;
  };
  steps: Record<string, string>;
  activities: Record<string, string>;
  diaryLate: string;
  phiOverrideTitle: string;
  phiOverrideReason: string;
  pin: {
    label: string;
    help: string;
    submit: string;
    verified: string;
    wrong: string;
    alreadyVerified: string;
    tooManyAttempts: string;
  };
  /** Shown when the resolver sent a warning without text, so a banner is never empty. */
  warningFallback: Record<OriginWarning['kind'], string>;
  ocopAria: (stars: number) => string;
  ocopText: (stars: number) => string;
  shelfLifeDays: (days: number) => string;
  scanTimes: (count: number) => string;
  diarySummary: (entries: number, late: number) => string;
  /** 'YYYY-MM-DD' → 22/11/2026 or 22 Nov 2026. */
  date: (date: string) => string;
  /** ISO instant → wall time in Vietnam, e.g. 14:05, 22/11/2026. */
  dateTime: (instant: string) => string;
  /** The same inside a sentence: "08:15 ngày 23/11/2026" / "23 Nov 2026 at 08:15". */
  dateTimeInSentence: (instant: string) => string;
}

const VI: OriginPageTexts = {
  brand: 'Nguồn',
  footer: 'Nguồn — truy xuất nguồn gốc',
  otherLanguage: { lang: 'en', label: 'English' },
  invalidStampTitle: 'Tem không hợp lệ',
  verdicts: {
    genuine: {
      title: 'Tem chính hãng',
      detail: 'Tem này do nhà sản xuất phát hành và đã được kích hoạt cho lô hàng dưới đây.',
      advice: null,
    },
    genuine_warned: {
      title: 'Cảnh báo: hãy kiểm tra kỹ sản phẩm',
      detail: 'Mã tem có trong hệ thống, nhưng có dấu hiệu bất thường:',
      advice: 'Nếu tem đã bị bóc, cào hoặc dán lại, đừng mua sản phẩm và hãy báo cho nhà sản xuất.',
    },
    batch: {
      title: 'Thông tin lô hàng',
      detail: 'Mã QR này dùng chung cho cả lô, nên không xác thực được từng sản phẩm.',
      advice: null,
    },
    not_activated: {
      title: 'Tem chưa được kích hoạt',
      detail: 'Tem có trong hệ thống nhưng nhà sản xuất chưa gắn tem này cho lô hàng nào.',
      advice: 'Sản phẩm đang bày bán với tem chưa kích hoạt là bất thường: hãy hỏi người bán hoặc liên hệ nhà sản xuất.',
    },
    voided: {
      title: 'Tem đã bị hủy',
      detail: 'Nhà sản xuất đã hủy tem này; tem không còn giá trị xác thực.',
      advice: 'Sản phẩm mang tem đã hủy có thể không phải hàng chính hãng. Hãy hỏi người bán hoặc liên hệ nhà sản xuất.',
    },
    recalled: {
      title: 'Sản phẩm đang bị thu hồi',
      detail: 'Lô hàng của sản phẩm này đã bị thu hồi.',
      advice: 'Không sử dụng sản phẩm. Hãy liên hệ nơi bán hoặc nhà sản xuất để được hướng dẫn đổi trả.',
    },
    unknown: {
      title: 'Tem không hợp lệ — có thể là hàng giả',
      detail: 'Mã này không có trong hệ thống Nguồn: đây không phải tem chính hãng.',
      advice: 'Đừng mua hoặc sử dụng sản phẩm này. Hãy báo cho nơi bán hoặc cơ quan quản lý thị trường.',
    },
  },
  recallReason: 'Lý do thu hồi',
  recallReasonMissing: 'Nhà sản xuất chưa công bố lý do.',
  summary: { grownBy: 'Người sản xuất', grownIn: 'Nơi trồng', harvested: 'Thu hoạch' },
  sections: {
    producer: 'Nhà sản xuất',
    certifications: 'Chứng nhận',
    plantingArea: 'Vùng trồng',
    batch: 'Lô hàng',
    stages: 'Hành trình sản phẩm',
    diary: 'Nhật ký canh tác',
    buy: 'Mua trực tuyến',
    stamp: 'Thông tin tem',
  },
  labels: {
    brand: 'Thương hiệu',
    gtin: 'Mã sản phẩm (GTIN)',
    netContent: 'Khối lượng tịnh',
    standards: 'Tiêu chuẩn áp dụng',
    shelfLife: 'Thời hạn sử dụng',
    address: 'Địa chỉ',
    phone: 'Điện thoại',
    certificateNo: 'Số chứng nhận',
    certBody: 'Tổ chức chứng nhận',
    validUntil: 'Hiệu lực đến',
    areaName: 'Tên vùng trồng',
    areaCode: 'Mã số vùng trồng',
    place: 'Địa điểm',
    crop: 'Cây trồng',
    standard: 'Quy trình sản xuất',
    traceabilityCode: 'Mã truy xuất',
    lotCode: 'Mã lô',
    harvestDate: 'Ngày thu hoạch',
    packDate: 'Ngày đóng gói',
    expiryDate: 'Hạn sử dụng',
    quantity: 'Sản lượng lô',
    stageTime: 'Thời gian',
    productTracingCode: 'Mã truy vết sản phẩm',
    locationCode: 'Mã truy vết địa điểm',
    from: 'Từ',
    to: 'Đến',
    serial: 'Số sê-ri',
    scannedSerial: 'Mã đã quét',
    scanCount: 'Số lần quét',
    firstScan: 'Lần quét đầu tiên',
    updatedAt: 'Cập nhật lúc',
  },
  steps: {
    harvesting: 'Thu hoạch',
    packing: 'Sơ chế, đóng gói',
    storing: 'Bảo quản',
    shipping: 'Vận chuyển',
    receiving: 'Nhận hàng',
    processing: 'Chế biến',
    recall: 'Thu hồi',
  },
  activities: {
    sowing: 'Gieo trồng',
    fertilising: 'Bón phân',
    spraying: 'Phun thuốc BVTV',
    irrigating: 'Tưới nước',
    pruning: 'Cắt tỉa',
    harvesting: 'Thu hoạch',
    other: 'Khác',
  },
  diaryLate: 'Ghi muộn',
  phiOverrideTitle: 'Thu hoạch trước khi hết thời gian cách ly',
  phiOverrideReason: 'Lý do',
  pin: {
    label: 'Mã PIN dưới lớp cào',
    help: 'Cào lớp phủ trên tem và nhập mã để xác thực. Mỗi mã chỉ dùng một lần.',
    submit: 'Xác thực',
    verified: 'Mã PIN đúng: sản phẩm chính hãng.',
    wrong: 'Mã PIN không đúng. Hãy kiểm tra lại các chữ số trên tem.',
    alreadyVerified: 'Mã PIN này đã được xác thực trước đó. Nếu bạn vừa cào lớp phủ, tem có thể là hàng giả.',
    tooManyAttempts: 'Bạn đã nhập sai quá nhiều lần. Hãy thử lại sau.',
  },
  warningFallback: {
    scanned_many_times: 'Tem này đã được quét nhiều lần.',
    pin_reused: 'Mã PIN của tem này đã được xác thực nhiều lần.',
    far_apart_scans: 'Tem này được quét ở những nơi cách xa nhau.',
    recalled: 'Sản phẩm đang bị thu hồi.',
    not_activated: 'Tem chưa được kích hoạt.',
    voided: 'Tem đã bị hủy.',
    unknown: 'Tem không có trong hệ thống.',
    expired_product: 'Sản phẩm đã hết hạn sử dụng.',
  },
  ocopAria: (stars) => `OCOP ${stars} sao`,
  ocopText: (stars) => `Sản phẩm OCOP ${stars} sao`,
  shelfLifeDays: (days) => `${days} ngày`,
  scanTimes: (count) => `${count} lần`,
  diarySummary: (entries, late) =>
    `${entries} công việc được ghi trong nhật ký` + (late > 0 ? `, trong đó ${late} mục ghi muộn.` : ', tất cả được ghi đúng hạn.'),
  date: viDate,
  dateTime: (v) => viDateTime(v, ', '),
  dateTimeInSentence: (v) => viDateTime(v, ' ngày '),
};

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const EN: OriginPageTexts = {
  brand: 'Nguồn',
  footer: 'Nguồn — product origin tracing',
  otherLanguage: { lang: 'vi', label: 'Tiếng Việt' },
  invalidStampTitle: 'Invalid stamp',
  verdicts: {
    genuine: {
      title: 'Genuine stamp',
      detail: 'This stamp was issued by the producer and activated for the batch below.',
      advice: null,
    },
    genuine_warned: {
      title: 'Warning: check this product carefully',
      detail: 'The stamp code is registered, but something looks unusual:',
      advice: 'If the stamp was peeled, scratched or re-stuck, do not buy the product and tell the producer.',
    },
    batch: {
      title: 'Batch information',
      detail: 'This QR code is shared by the whole batch, so it cannot verify a single item.',
      advice: null,
    },
    not_activated: {
      title: 'This stamp has not been activated',
      detail: 'The stamp is registered, but the producer has not assigned it to any batch yet.',
      advice: 'A product on sale with an unactivated stamp is unusual: ask the seller or contact the producer.',
    },
    voided: {
      title: 'This stamp has been voided',
      detail: 'The producer voided this stamp; it no longer proves anything.',
      advice: 'A product carrying a voided stamp may not be genuine. Ask the seller or contact the producer.',
    },
    recalled: {
      title: 'This product has been recalled',
      detail: 'The batch this product belongs to has been recalled.',
      advice: 'Do not use the product. Contact the seller or the producer for a return.',
    },
    unknown: {
      title: 'Invalid stamp — this may be a counterfeit',
      detail: 'This code is not in Nguồn’s records: it is not a genuine stamp.',
      advice: 'Do not buy or use this product. Report it to the seller or the market surveillance authority.',
    },
  },
  recallReason: 'Reason for recall',
  recallReasonMissing: 'The producer has not published a reason yet.',
  summary: { grownBy: 'Produced by', grownIn: 'Grown in', harvested: 'Harvested' },
  sections: {
    producer: 'Producer',
    certifications: 'Certifications',
    plantingArea: 'Planting area',
    batch: 'Batch',
    stages: 'Product journey',
    diary: 'Farming diary',
    buy: 'Buy online',
    stamp: 'Stamp',
  },
  labels: {
    brand: 'Brand',
    gtin: 'Product code (GTIN)',
    netContent: 'Net content',
    standards: 'Standards applied',
    shelfLife: 'Shelf life',
    address: 'Address',
    phone: 'Phone',
    certificateNo: 'Certificate no.',
    certBody: 'Certification body',
    validUntil: 'Valid until',
    areaName: 'Area name',
    areaCode: 'Planting-area code',
    place: 'Location',
    crop: 'Crop',
    standard: 'Farming standard',
    traceabilityCode: 'Traceability code',
    lotCode: 'Lot code',
    harvestDate: 'Harvest date',
    packDate: 'Pack date',
    expiryDate: 'Use by',
    quantity: 'Batch size',
    stageTime: 'Time',
    productTracingCode: 'Product tracing code',
    locationCode: 'Location tracing code',
    from: 'From',
    to: 'To',
    serial: 'Serial number',
    scannedSerial: 'Scanned code',
    scanCount: 'Times scanned',
    firstScan: 'First scanned',
    updatedAt: 'Updated',
  },
  steps: {
    harvesting: 'Harvest',
    packing: 'Sorting and packing',
    storing: 'Storage',
    shipping: 'Shipping',
    receiving: 'Receiving',
    processing: 'Processing',
    recall: 'Recall',
  },
  activities: {
    sowing: 'Sowing',
    fertilising: 'Fertilising',
    spraying: 'Crop protection spraying',
    irrigating: 'Irrigation',
    pruning: 'Pruning',
    harvesting: 'Harvest',
    other: 'Other',
  },
  diaryLate: 'Recorded late',
  phiOverrideTitle: 'Harvested before the pre-harvest interval ended',
  phiOverrideReason: 'Reason',
  pin: {
    label: 'PIN under the scratch-off layer',
    help: 'Scratch the stamp and enter the code to verify it. Each code works once.',
    submit: 'Verify',
    verified: 'Correct PIN: this product is genuine.',
    wrong: 'Wrong PIN. Check the digits on the stamp again.',
    alreadyVerified: 'This PIN was already verified before. If you have just scratched the stamp, it may be a counterfeit.',
    tooManyAttempts: 'Too many wrong attempts. Please try again later.',
  },
  warningFallback: {
    scanned_many_times: 'This stamp has been scanned many times.',
    pin_reused: 'This stamp’s PIN has been verified more than once.',
    far_apart_scans: 'This stamp was scanned in places far apart.',
    recalled: 'This product has been recalled.',
    not_activated: 'This stamp has not been activated.',
    voided: 'This stamp has been voided.',
    unknown: 'This stamp is not registered.',
    expired_product: 'This product is past its use-by date.',
  },
  ocopAria: (stars) => `OCOP ${stars} stars`,
  ocopText: (stars) => `OCOP ${stars}-star product`,
  shelfLifeDays: (days) => plural(days, 'day', 'days'),
  scanTimes: (count) => plural(count, 'time', 'times'),
  diarySummary: (entries, late) =>
    `${plural(entries, 'activity', 'activities')} recorded in the diary` +
    (late > 0 ? `, ${late} of them recorded late.` : ', all recorded on time.'),
  date: enDateOf,
  dateTime: (v) => enDateTime(v, ', '),
  dateTimeInSentence: (v) => enDateTime(v, ' at '),
};

export const ORIGIN_TEXTS: Record<Lang, OriginPageTexts> = { vi: VI, en: EN };
