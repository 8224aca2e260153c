import type { MarketplaceCode } from '../marketplace-adapter';

export interface MarketplaceFieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * What the marketplace said, reduced to one reason by the adapter's client (which knows that
 * marketplace's wire style). classifyMarketplaceError turns it into the contract's ErrorClass.
 */
export type MarketplaceRejectReason =
  | 'token_expired'
  | 'credentials_rejected'
  | 'rate_limited'
  | 'validation'
  | 'not_found'
  | 'duplicate'
  | 'business_blocked'
  | 'server_error'
  | 'unexpected';

/** The marketplace answered, and the answer was a failure. */
export class MarketplaceApiError extends Error {
  constructor(
    readonly marketplace: MarketplaceCode,
    readonly reason: MarketplaceRejectReason,
    readonly httpStatus: number,
    /** The marketplace's own words (Vietnamese), shown to officers as the reason. */
    readonly remoteMessage: string,
    readonly extra: { errorCode?: string; retryAfter?: string | null; fieldErrors?: MarketplaceFieldError[] } = {},
  ) {
    super(`${marketplace} ${httpStatus} ${extra.errorCode ?? reason}: ${remoteMessage}`);
    this.name = 'MarketplaceApiError';
  }
}

/**
 * No usable answer. `unreachable` means the request certainly never reached the marketplace (safe to
 * retry); `timeout` and `connection_lost` mean it may have been processed.
 */
export type TransportFailure = 'unreachable' | 'timeout' | 'connection_lost';

export class MarketplaceTransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(`${failure} calling ${url}`, options);
    this.name = 'MarketplaceTransportError';
  }
}
