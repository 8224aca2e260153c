export enum MarketplaceErrorCode {
  ADAPTER_NOT_FOUND = 'MARKETPLACE_ADAPTER_NOT_FOUND',
}

export const MARKETPLACE_ERROR_STATUS: Record<MarketplaceErrorCode, number> = {
  MARKETPLACE_ADAPTER_NOT_FOUND: 400,
};
