import type { ErrorClass } from '../marketplace-adapter';
import { MarketplaceApiError, MarketplaceTransportError } from './marketplace-errors';
import { parseRetryAfterMs } from './retry-after';

/** Shared by every HTTP adapter: clients already reduced wire-level failures to a reason. */
export function classifyMarketplaceError(error: unknown, now: number = Date.now()): ErrorClass {
  if (error instanceof MarketplaceTransportError) {
    // A request that may have been processed must be reconciled (findBySellerSku), never blindly retried.
    return error.failure === 'unreachable' ? { kind: 'transient' } : { kind: 'timeout_ambiguous' };
  }
  if (error instanceof MarketplaceApiError) {
    switch (error.reason) {
      case 'token_expired':
        return { kind: 'auth_expired' };
      case 'credentials_rejected':
        return { kind: 'credentials_rejected' };
      case 'rate_limited':
        return { kind: 'rate_limited', retryAfterMs: parseRetryAfterMs(error.extra.retryAfter, now) };
      case 'validation':
        return { kind: 'validation', fieldErrors: error.extra.fieldErrors ?? [] };
      case 'not_found':
        return { kind: 'not_found' };
      case 'duplicate':
        return { kind: 'duplicate' };
      case 'business_blocked':
        return { kind: 'business_blocked', reason: error.remoteMessage };
      case 'server_error':
      case 'unexpected':
        return { kind: 'transient' };
    }
  }
  // A bug on our side or an undocumented answer: retry with backoff (bounded by the job's attempts)
  // rather than dropping the listing; the job log keeps the original error.
  return { kind: 'transient' };
}
