// Settings shared by the HTTP clients of every partner-API adapter. Provided by MarketplacesModule;
// adapters built by hand (tests) pass their own.
export const MARKETPLACE_HTTP_OPTIONS = Symbol('MARKETPLACE_HTTP_OPTIONS');

export interface MarketplaceHttpOptions {
  /** Per request, connect to last body byte. An answer later than this is treated as "maybe done". */
  timeoutMs: number;
}

export const DEFAULT_MARKETPLACE_HTTP_OPTIONS: MarketplaceHttpOptions = { timeoutMs: 5_000 };
