import { Role } from '../users/role.enum';

// Demo data drawn from the source articles (shared/seeds): Hợp tác xã Tân Minh Đức in xã Phạm Trấn,
// Gia Lộc, Hải Dương (now Xã Trường Tân, Thành phố Hải Phòng); a Bình Lục cooperative in xã Vũ Bản,
// Hà Nam (now Xã Bình Giang, Ninh Bình); a Thọ Xuân producer in Thanh Hóa. Addresses are given with the
// pre-2025 commune codes, as on their old certificates, and converted on the way in.
// Tax codes, phones and GLNs are fictitious but pass their check digits.
export const DEMO_PASSWORD = 'demo-nguon-2025';

export const DEMO_COOPERATIVES = [
  {
    key: 'tanMinhDuc',
    name: 'Hợp tác xã Tân Minh Đức',
    shortName: 'HTX Tân Minh Đức',
    taxCode: '0801234560',
    oldCommuneCode: 11053, // Xã Phạm Trấn, Huyện Gia Lộc, Tỉnh Hải Dương
    street: 'Thôn Phạm Trấn',
    phone: '+84912000111',
    email: 'htx.tanminhduc@example.vn',
    legalRepresentative: null,
    gln: '8936001000010',
  },
  {
    key: 'vuBan',
    name: 'Hợp tác xã Dịch vụ Nông nghiệp Vũ Bản',
    shortName: 'HTX Vũ Bản',
    taxCode: '0707654328',
    oldCommuneCode: 13543, // Xã Vũ Bản, Huyện Bình Lục, Tỉnh Hà Nam
    street: 'Thôn 1',
    phone: '+84912000222',
    email: 'htx.vuban@example.vn',
    legalRepresentative: null,
    gln: null,
  },
  {
    key: 'thoXuan',
    name: 'Hợp tác xã Nông nghiệp Xuân Giang',
    shortName: 'HTX Xuân Giang',
    taxCode: '2803456788',
    oldCommuneCode: 15526, // Xã Xuân Giang, Huyện Thọ Xuân, Tỉnh Thanh Hóa
    street: null,
    phone: '+84912000333',
    email: null,
    legalRepresentative: null,
    gln: null,
  },
] as const;

export type DemoCooperativeKey = (typeof DEMO_COOPERATIVES)[number]['key'];

export const DEMO_USERS: {
  email: string | null;
  phone: string | null;
  fullName: string;
  role: Role;
  cooperative?: DemoCooperativeKey;
  provinceCodes?: number[];
}[] = [
  { email: 'admin@nguon.demo', phone: null, fullName: 'Quản trị viên Nguồn', role: Role.Admin },
  {
    email: 'canbo@nguon.demo',
    phone: null,
    fullName: 'Nguyễn Thị Khuyến Nông',
    role: Role.Officer,
    provinceCodes: [31, 37, 38], // Hải Phòng, Ninh Bình, Thanh Hóa
  },
  { email: 'quanly@tanminhduc.demo', phone: null, fullName: 'Hoàng Anh Thư', role: Role.CooperativeManager, cooperative: 'tanMinhDuc' },
  { email: null, phone: '+84987654321', fullName: 'Nguyễn Thị Hệ', role: Role.CooperativeStaff, cooperative: 'tanMinhDuc' },
  { email: 'quanly@vuban.demo', phone: null, fullName: 'Trần Thanh Bình', role: Role.CooperativeManager, cooperative: 'vuBan' },
];
