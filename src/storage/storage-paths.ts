// Every storage key in one place, so files can be found, moved and cleaned up predictably.
export const StoragePaths = {
  cooperativeLogo: (cooperativeId: string, version: string, size: string) =>
    `cooperatives/${cooperativeId}/logo/${version}-${size}.webp`,
  productImage: (productId: string, imageId: string, version: string, size: string) =>
    `products/${productId}/images/${imageId}-${version}-${size}.webp`,
  certificationFile: (certificationId: string, extension: 'pdf' | 'webp') => `certifications/${certificationId}.${extension}`,
};
