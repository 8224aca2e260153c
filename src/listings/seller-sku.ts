// Our seller SKU on a marketplace: "NGN-<10 hex of the product id>-<6 hex of the account id>". ASCII,
// short enough for every seller centre, readable back to the product, and never changed once used
// (Lazada-style SKUs are immutable; the SKU is how a lost create is found again).
export function sellerSkuFor(productId: string, accountId: string): string {
  return `NGN-${hex(productId).slice(0, 10)}-${hex(accountId).slice(0, 6)}`.toUpperCase();
}

/** The long form, used only if the short one is already taken in the account (a prefix collision). */
export function longSellerSkuFor(productId: string, accountId: string): string {
  return `NGN-${hex(productId)}-${hex(accountId).slice(0, 6)}`.toUpperCase();
}

const hex = (uuid: string) => uuid.replace(/-/g, '').toLowerCase();
