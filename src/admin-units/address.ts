// How an address is stored on cooperatives, planting areas and the like: official codes of the units
// in force since 1 July 2025, plus where it came from when it was given with a pre-2025 commune.
export interface StoredAddress {
  provinceCode: number;
  communeCode: number;
  street: string | null;
  convertedFrom: ConvertedFrom | null;
}

export interface ConvertedFrom {
  oldCommuneCode: number;
  oldCommuneName: string;
  oldDistrict: string;
  oldProvince: string;
}

export interface AddressView extends StoredAddress {
  provinceName: string;
  communeName: string;
  /** One line as printed on a label: "Thôn 1, Xã Trường Tân, Thành phố Hải Phòng". */
  fullText: string;
}
