import { originWarning } from '../../src/origin-pages/origin-warnings';
import type { OriginStage, OriginView } from '../../src/origin-pages/origin-view';

// Origin views as the resolver would build them, for one lot of VietGAP cabbage from HTX Tân Minh Đức
// (Gia Lộc, now part of Hải Phòng). Factories return fresh objects; pass overrides for the variant.

export const GTIN = '08938505974019';
export const LOT = 'L2611-01';
export const SERIAL = 'K7QX3M9TZ2';
export const UNKNOWN_SERIAL = 'ZZ9P4L7Q0X';
export const PLANTING_AREA_CODE = 'VN-30-297-11053-01-23';
export const PRODUCER_NAME = 'Hợp tác xã Nông nghiệp Tân Minh Đức';
export const RECALL_REASON = 'Mẫu kiểm nghiệm ngày 25/11/2026 phát hiện dư lượng Chlorpyrifos ethyl vượt giới hạn cho phép.';

export const stampPath = (serial: string = SERIAL) => `/01/${GTIN}/10/${LOT}/21/${serial}`;

const IMAGE_BASE = '/media/products/4c1e0b7a-2f6d-4f0e-9d55-0c3b8e61a7d2/images/9a2f61c4-v3';

const HARVEST: OriginStage = {
  step: 'harvesting',
  label: 'Thu hoạch',
  productTracingCode: `${GTIN}/${LOT}`,
  locationCode: PLANTING_AREA_CODE,
  locationName: 'Cánh đồng Bãi Sậy, xã Gia Lộc',
  time: '2026-11-21T23:30:00Z',
  from: 'Tổ sản xuất số 3 (ông Nguyễn Văn Hùng)',
  to: 'Nhà sơ chế HTX Tân Minh Đức',
};

const PACK: OriginStage = {
  step: 'packing',
  label: 'Sơ chế, đóng gói tại nhà sơ chế của HTX',
  productTracingCode: `${GTIN}/${LOT}`,
  locationCode: '8938505970004',
  locationName: 'Nhà sơ chế HTX Tân Minh Đức',
  time: '2026-11-22T03:10:00Z',
  from: 'Cánh đồng Bãi Sậy',
  to: 'Công ty TNHH Nông sản sạch Hải Phòng',
};

const SHIP: OriginStage = {
  step: 'shipping',
  label: 'Vận chuyển lạnh',
  productTracingCode: `${GTIN}/${LOT}`,
  locationCode: '8938505970004',
  locationName: 'Nhà sơ chế HTX Tân Minh Đức',
  time: '2026-11-22T08:45:00Z',
  from: 'Nhà sơ chế HTX Tân Minh Đức',
  to: 'Kho Công ty TNHH Nông sản sạch Hải Phòng',
};

const RECEIVE: OriginStage = {
  step: 'receiving',
  label: 'Nhận hàng',
  productTracingCode: `${GTIN}/${LOT}`,
  locationCode: '8935123400017',
  locationName: 'Kho An Đồng, thành phố Hải Phòng',
  time: '2026-11-22T11:20:00Z',
  from: 'Nhà sơ chế HTX Tân Minh Đức',
  to: null,
};

const DIARY_ENTRIES: NonNullable<OriginView['diary']>['entries'] = [
  { activity: 'sowing', date: '2026-09-05', inputs: 'Cây giống cải bắp NS Cross — 30.000 cây/ha', late: false },
  { activity: 'fertilising', date: '2026-09-20', inputs: 'Phân hữu cơ vi sinh Sông Gianh — 500 kg/ha', late: false },
  { activity: 'irrigating', date: '2026-10-02', inputs: null, late: false },
  { activity: 'spraying', date: '2026-10-28', inputs: 'Thuốc trừ sâu sinh học Bt (Bacillus thuringiensis) — cách ly 7 ngày', late: true },
  { activity: 'harvesting', date: '2026-11-22', inputs: null, late: false },
];

export function genuineView(overrides: Partial<OriginView> = {}): OriginView {
  const lang = overrides.lang ?? 'vi';
  return {
    lang,
    verdict: 'genuine',
    warnings: [],
    stamp: { serial: SERIAL, scanCount: 1, firstScanAt: '2026-11-23T01:15:00Z', pinRequired: true },
    product: {
      name: 'Cải bắp VietGAP',
      brand: 'Tân Minh Đức',
      gtin: GTIN,
      netContent: '1 kg',
      description: 'Cải bắp trồng theo quy trình VietGAP trên đất bãi ven sông Thái Bình, thu hoạch khi bắp cuốn chặt.',
      standardsApplied: ['TCVN 11892-1:2017 (VietGAP trồng trọt)', 'TCCS 01:2024/TMĐ'],
      shelfLifeDays: 7,
      image: {
        src: `${IMAGE_BASE}-640.webp`,
        srcset: `${IMAGE_BASE}-320.webp 320w, ${IMAGE_BASE}-640.webp 640w`,
        width: 640,
        height: 480,
        alt: 'Cải bắp VietGAP của HTX Tân Minh Đức',
      },
    },
    producer: {
      name: PRODUCER_NAME,
      shortName: 'HTX Tân Minh Đức',
      address: 'Thôn Hoàng Xá, xã Gia Lộc, thành phố Hải Phòng',
      phone: '0220 3852 168',
      logo: null,
    },
    batch: {
      lotCode: LOT,
      harvestDate: '2026-11-22',
      harvestDateTo: null,
      packDate: '2026-11-22',
      expiryDate: '2026-11-29',
      quantity: '1.200 kg',
      traceabilityCode: `https://nguon.vn/01/${GTIN}/10/${LOT}`,
      recallReason: null,
    },
    plantingArea: {
      name: 'Cánh đồng Bãi Sậy',
      code: PLANTING_AREA_CODE,
      place: 'Xã Gia Lộc, thành phố Hải Phòng',
      crop: 'Cải bắp (giống NS Cross)',
      standard: 'VietGAP',
    },
    ocop: { stars: 3, label: 'Quyết định số 2157/QĐ-UBND ngày 15/08/2024 của UBND tỉnh Hải Dương', validUntil: '2027-08-15' },
    certifications: [
      { scheme: 'VietGAP', certificateNo: 'VietGAP-TT-24-05-30-0187', certBody: 'Trung tâm Chứng nhận Phù hợp (QUACERT)', validUntil: '2027-03-31' },
    ],
    stages: [HARVEST, PACK, SHIP, RECEIVE],
    diary: { entries: DIARY_ENTRIES.map((e) => ({ ...e })), lateCount: 1, phiOverrides: [] },
    marketplaceLinks: [
      { name: 'Postmart', url: 'https://postmart.vn/san-pham/cai-bap-vietgap-tan-minh-duc-1kg' },
      { name: 'Voso', url: 'https://voso.vn/cai-bap-vietgap-htx-tan-minh-duc-p1843' },
    ],
    alternateLanguageUrl: `${stampPath()}?lang=${lang === 'vi' ? 'en' : 'vi'}`,
    updatedAt: '2026-11-23T01:20:00Z',
    ...overrides,
  };
}

/** The worst case for page weight: 8 stages, 10 diary entries, overrides and several certificates. */
export function fullView(overrides: Partial<OriginView> = {}): OriginView {
  const base = genuineView(overrides);
  const stages = [HARVEST, PACK, SHIP, RECEIVE, PACK, SHIP, RECEIVE, SHIP].map((s, i) => ({ ...s, time: new Date(Date.parse(HARVEST.time) + i * 3_600_000).toISOString() }));
  const entries = [...DIARY_ENTRIES, ...DIARY_ENTRIES].map((e, i) => ({ ...e, late: i % 4 === 3 }));
  return {
    ...base,
    stages,
    certifications: [
      ...base.certifications,
      { scheme: 'Hữu cơ (TCVN 11041-2:2017)', certificateNo: 'HC-2025-0412', certBody: 'Công ty CP Chứng nhận và Giám định VinaCert', validUntil: '2027-05-31' },
      { scheme: 'GlobalG.A.P.', certificateNo: 'GGN 4063061891234', certBody: 'Control Union Việt Nam', validUntil: '2027-01-20' },
    ],
    diary: {
      entries,
      lateCount: entries.filter((e) => e.late).length,
      phiOverrides: [
        {
          input: 'Thuốc trừ sâu sinh học Bt (Bacillus thuringiensis)',
          reason: 'Kết quả kiểm nghiệm số 1125/KN-NAFIQAD ngày 20/11/2026 không phát hiện dư lượng.',
        },
      ],
    },
    ...overrides,
  };
}

export function scannedManyTimesView(overrides: Partial<OriginView> = {}): OriginView {
  const lang = overrides.lang ?? 'vi';
  return genuineView({
    stamp: { serial: SERIAL, scanCount: 37, firstScanAt: '2026-11-23T01:15:00Z', pinRequired: true },
    warnings: [
      originWarning(lang, { kind: 'scanned_many_times', scanCount: 37, firstScanAt: '2026-11-23T01:15:00Z', firstScanPlace: 'Hải Phòng' }),
      originWarning(lang, { kind: 'far_apart_scans', places: ['Hải Phòng', 'Cần Thơ'], withinHours: 6 }),
      originWarning(lang, { kind: 'pin_reused', verifiedCount: 2, firstVerifiedAt: '2026-11-23T01:17:00Z' }),
    ],
    ...overrides,
  });
}

export function recalledView(overrides: Partial<OriginView> = {}): OriginView {
  const base = genuineView(overrides);
  return {
    ...base,
    verdict: 'recalled',
    batch: { ...base.batch!, recallReason: RECALL_REASON },
    warnings: [{ kind: 'recalled', message: 'Sản phẩm đang bị thu hồi.' }],
    ...overrides,
  };
}

/** A serial that does not exist: the resolver knows nothing but the code that was scanned. */
export function unknownView(overrides: Partial<OriginView> = {}): OriginView {
  const lang = overrides.lang ?? 'vi';
  return {
    lang,
    verdict: 'unknown',
    warnings: [],
    stamp: { serial: UNKNOWN_SERIAL, scanCount: 0, firstScanAt: null, pinRequired: false },
    product: null,
    producer: null,
    batch: null,
    plantingArea: null,
    ocop: null,
    certifications: [],
    stages: [],
    diary: null,
    marketplaceLinks: [],
    alternateLanguageUrl: `${stampPath(UNKNOWN_SERIAL)}?lang=${lang === 'vi' ? 'en' : 'vi'}`,
    updatedAt: '2026-11-23T01:20:00Z',
    ...overrides,
  };
}

/** Not activated or voided: the stamp's roll names product and producer, but no lot. */
function unboundView(verdict: 'not_activated' | 'voided', overrides: Partial<OriginView>): OriginView {
  const base = genuineView(overrides);
  return {
    ...base,
    verdict,
    stamp: { serial: SERIAL, scanCount: 3, firstScanAt: '2026-11-20T02:00:00Z', pinRequired: true },
    batch: null,
    plantingArea: null,
    ocop: null,
    certifications: [],
    stages: [],
    diary: null,
    marketplaceLinks: [],
    ...overrides,
  };
}

export const notActivatedView = (overrides: Partial<OriginView> = {}) => unboundView('not_activated', overrides);
export const voidedView = (overrides: Partial<OriginView> = {}) => unboundView('voided', overrides);

/** A lot-level QR (no serial): the page shows the lot but cannot vouch for one item. */
export function batchView(overrides: Partial<OriginView> = {}): OriginView {
  return genuineView({ verdict: 'batch', stamp: null, ...overrides });
}
