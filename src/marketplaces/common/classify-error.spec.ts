import { classifyMarketplaceError } from './classify-error';
import { MarketplaceApiError, MarketplaceTransportError } from './marketplace-errors';
import { DEFAULT_RETRY_AFTER_MS, parseRetryAfterMs } from './retry-after';

describe('classifyMarketplaceError', () => {
  const now = Date.parse('2026-03-01T08:00:00Z');
  const api = (reason: ConstructorParameters<typeof MarketplaceApiError>[1], extra = {}) => new MarketplaceApiError('voso', reason, 200, 'Thông báo', extra);

  it('transport: unreachable is transient; timeout and a dropped connection are ambiguous', () => {
    expect(classifyMarketplaceError(new MarketplaceTransportError('unreachable', 'http://x'))).toEqual({ kind: 'transient' });
    expect(classifyMarketplaceError(new MarketplaceTransportError('timeout', 'http://x'))).toEqual({ kind: 'timeout_ambiguous' });
    expect(classifyMarketplaceError(new MarketplaceTransportError('connection_lost', 'http://x'))).toEqual({ kind: 'timeout_ambiguous' });
  });

  it('marketplace answers map one to one', () => {
    expect(classifyMarketplaceError(api('token_expired'))).toEqual({ kind: 'auth_expired' });
    expect(classifyMarketplaceError(api('credentials_rejected'))).toEqual({ kind: 'credentials_rejected' });
    expect(classifyMarketplaceError(api('not_found'))).toEqual({ kind: 'not_found' });
    expect(classifyMarketplaceError(api('duplicate'))).toEqual({ kind: 'duplicate' });
    expect(classifyMarketplaceError(api('server_error'))).toEqual({ kind: 'transient' });
    expect(classifyMarketplaceError(api('business_blocked'))).toEqual({ kind: 'business_blocked', reason: 'Thông báo' });
    expect(classifyMarketplaceError(api('validation', { fieldErrors: [{ field: 'PRICE', code: 'X', message: 'm' }] }))).toEqual({
      kind: 'validation',
      fieldErrors: [{ field: 'PRICE', code: 'X', message: 'm' }],
    });
    expect(classifyMarketplaceError(new Error('bug'))).toEqual({ kind: 'transient' });
  });

  it('Retry-After as seconds or HTTP date; missing or garbage falls back to 1 s', () => {
    expect(classifyMarketplaceError(api('rate_limited', { retryAfter: '3' }), now)).toEqual({ kind: 'rate_limited', retryAfterMs: 3_000 });
    expect(parseRetryAfterMs('Sun, 01 Mar 2026 08:00:12 GMT', now)).toBe(12_000);
    expect(parseRetryAfterMs('Sun, 01 Mar 2026 07:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs(null, now)).toBe(DEFAULT_RETRY_AFTER_MS);
    expect(parseRetryAfterMs('soon', now)).toBe(DEFAULT_RETRY_AFTER_MS);
  });
});
