// Every storage key in one place, so files can be found, moved and cleaned up predictably.
export const StoragePaths = {
  cooperativeLogo: (cooperativeId: string, version: string, size: string) =>
    `cooperatives/${cooperativeId}/logo/${version}-${size}.webp`,
  productImage: (productId: string, imageId: string, version: string, size: string) =>
    `products/${productId}/images/${imageId}-${version}-${size}.webp`,
  certificationFile: (certificationId: string, extension: 'pdf' | 'webp') => `certifications/${certificationId}.${extension}`,
};

// The sizes of one logo or product image version are one upload: written one after the other under a
// version that is new for each upload, before any row points at them. Until every size is written,
// nothing refers to that version, so a failed upload can remove all of its files safely.
const UPLOAD_SETS = [
  /^(cooperatives\/[^/]+\/logo\/)([0-9a-f]+-)[a-z]+\.webp$/,
  /^(products\/[^/]+\/images\/)([0-9a-f-]{36}-[0-9a-f]+-)[a-z]+\.webp$/,
];

/** The folder and file-name prefix shared by the sizes of the upload `key` belongs to; null for single files. */
export function uploadSetOf(key: string): { dir: string; prefix: string } | null {
  for (const pattern of UPLOAD_SETS) {
    const m = pattern.exec(key);
    if (m) return { dir: m[1], prefix: m[2] };
  }
  return null;
}
