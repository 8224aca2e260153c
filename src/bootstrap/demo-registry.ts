import { PlantingStandard } from '../planting-areas/planting-area-kinds';
import type { DemoCooperativeKey } from './demo-data';

// The registry side of the demo, from the source articles: Tân Minh Đức grows cabbage and cucumber
// under 15.5 ha of greenhouses and net houses (OCOP products put on Postmart), the Bình Lục cooperative
// pomelo, rice and chuối ngự. Dates are relative to the day of seeding so that codes, certificates
// and OCOP stars are valid when a newcomer looks. GTINs are fictitious (valid check digits).
export interface DemoArea {
  key: string;
  cooperative: DemoCooperativeKey;
  name: string;
  crop: string;
  variety?: string;
  declaredAreaHa: number;
  householdCount: number;
  oldCommuneCode: number;
  street?: string;
  standard: PlantingStandard;
  /** TCCS 774:2020 style, with the pre-2025 province/district/commune codes of the old certificate. */
  code: string;
  expectedYieldKg: number;
}

export interface DemoProduct {
  key: string;
  area: string;
  nameVi: string;
  nameEn: string;
  category: string;
  unitOfSale: string;
  netContent: number;
  netContentUnit: string;
  gtin: string;
  shelfLifeDays: number;
  description: string;
  /** Colours of the generated product picture. */
  colours: [string, string];
  /** District recognition ended with the district level on 1 July 2025, so those decisions carry a fixed date. */
  ocop?: { stars: 3 | 4; score: number; authority: string; decisionNo: string; decisionDate: string | { daysAgo: number }; level: 'district' | 'province' };
  lotPrefix: string;
  batchKg: number;
}

export const DEMO_AREAS: DemoArea[] = [
  {
    key: 'tmdCabbage', cooperative: 'tanMinhDuc', name: 'Nhà màng số 1 – cải bắp', crop: 'Cải bắp', variety: 'Cải bắp tím',
    declaredAreaHa: 5.5, householdCount: 6, oldCommuneCode: 11053, street: 'Thôn Phạm Trấn', standard: PlantingStandard.VietGap,
    code: 'VN-30-297-11053-01-23', expectedYieldKg: 60000,
  },
  {
    key: 'tmdCucumber', cooperative: 'tanMinhDuc', name: 'Nhà lưới số 2 – dưa chuột', crop: 'Dưa chuột', variety: 'Dưa chuột baby',
    declaredAreaHa: 10, householdCount: 9, oldCommuneCode: 11053, street: 'Thôn Phạm Trấn', standard: PlantingStandard.VietGap,
    code: 'VN-30-297-11053-02-23', expectedYieldKg: 80000,
  },
  {
    key: 'vbPomelo', cooperative: 'vuBan', name: 'Vùng bưởi thôn 1', crop: 'Bưởi', variety: 'Bưởi Diễn',
    declaredAreaHa: 12, householdCount: 41, oldCommuneCode: 13543, street: 'Thôn 1', standard: PlantingStandard.VietGap,
    code: 'VN-35-352-13543-01-22', expectedYieldKg: 150000,
  },
  {
    key: 'vbRice', cooperative: 'vuBan', name: 'Cánh đồng lúa chất lượng cao Vũ Bản', crop: 'Lúa', variety: 'Bắc thơm số 7',
    declaredAreaHa: 30, householdCount: 120, oldCommuneCode: 13543, street: 'Thôn 3', standard: PlantingStandard.None,
    code: 'VN-35-352-13543-02-22', expectedYieldKg: 180000,
  },
  {
    key: 'vbBanana', cooperative: 'vuBan', name: 'Vườn chuối ngự', crop: 'Chuối', variety: 'Chuối ngự',
    declaredAreaHa: 3, householdCount: 15, oldCommuneCode: 13543, street: 'Thôn 2', standard: PlantingStandard.None,
    code: 'VN-35-352-13543-03-24', expectedYieldKg: 45000,
  },
];

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    key: 'cabbage', area: 'tmdCabbage', nameVi: 'Cải bắp VietGAP Tân Minh Đức', nameEn: 'Tân Minh Đức VietGAP cabbage',
    category: 'Rau củ tươi', unitOfSale: 'túi', netContent: 2, netContentUnit: 'KGM', gtin: '8936001001017', shelfLifeDays: 14,
    description: 'Cải bắp trồng trong nhà màng theo quy trình VietGAP tại xã Phạm Trấn (nay là xã Trường Tân, Hải Phòng).',
    colours: ['#9ccc65', '#33691e'],
    ocop: { stars: 3, score: 62, authority: 'UBND huyện Gia Lộc', decisionNo: '1234/QĐ-UBND', decisionDate: '2025-03-20', level: 'district' },
    lotPrefix: 'CB', batchKg: 1200,
  },
  {
    key: 'cucumber', area: 'tmdCucumber', nameVi: 'Dưa chuột baby Tân Minh Đức', nameEn: 'Tân Minh Đức baby cucumber',
    category: 'Rau củ tươi', unitOfSale: 'hộp', netContent: 1, netContentUnit: 'KGM', gtin: '8936001001024', shelfLifeDays: 10,
    description: 'Dưa chuột baby trồng trong nhà lưới, thu hái mỗi sáng.',
    colours: ['#aed581', '#1b5e20'],
    ocop: { stars: 3, score: 58, authority: 'UBND huyện Gia Lộc', decisionNo: '1235/QĐ-UBND', decisionDate: '2025-03-20', level: 'district' },
    lotPrefix: 'DC', batchKg: 800,
  },
  {
    key: 'pomelo', area: 'vbPomelo', nameVi: 'Bưởi Diễn Vũ Bản', nameEn: 'Vũ Bản Diễn pomelo',
    category: 'Quả tươi', unitOfSale: 'quả', netContent: 1.2, netContentUnit: 'KGM', gtin: '8936002001016', shelfLifeDays: 60,
    description: 'Bưởi Diễn trồng trên đất phù sa thôn 1, xã Vũ Bản cũ (nay là xã Bình Giang, Ninh Bình).',
    colours: ['#fff176', '#f9a825'],
    ocop: { stars: 3, score: 66, authority: 'UBND tỉnh Ninh Bình', decisionNo: '567/QĐ-UBND', decisionDate: { daysAgo: 90 }, level: 'province' },
    lotPrefix: 'BD', batchKg: 2500,
  },
  {
    key: 'rice', area: 'vbRice', nameVi: 'Gạo Bắc thơm Vũ Bản', nameEn: 'Vũ Bản Bắc thơm rice',
    category: 'Gạo, ngũ cốc', unitOfSale: 'túi', netContent: 5, netContentUnit: 'KGM', gtin: '8936002001023', shelfLifeDays: 365,
    description: 'Gạo Bắc thơm số 7 từ cánh đồng liên kết của hợp tác xã.',
    colours: ['#fffde7', '#bcaaa4'], lotPrefix: 'GA', batchKg: 3000,
  },
  {
    key: 'banana', area: 'vbBanana', nameVi: 'Chuối ngự Vũ Bản', nameEn: 'Vũ Bản royal banana',
    category: 'Quả tươi', unitOfSale: 'nải', netContent: 1, netContentUnit: 'KGM', gtin: '8936002001030', shelfLifeDays: 7,
    description: 'Chuối ngự quả nhỏ, vỏ mỏng, thơm; thu hoạch khi chín cây.',
    colours: ['#ffee58', '#8d6e63'], lotPrefix: 'CN', batchKg: 400,
  },
];
