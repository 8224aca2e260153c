import { Inject, Injectable, Optional } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';
import { MARKETPLACE_ADAPTERS, MarketplaceAdapter } from '../marketplaces/marketplace-adapter';
import { ListingErrorCode } from './listing-error-code';

// code → adapter, from the strategies registered under MARKETPLACE_ADAPTERS. Tests install a
// deterministic fake with use(); production never calls it.
@Injectable()
export class AdapterLookup {
  private readonly overrides = new Map<string, MarketplaceAdapter>();

  constructor(@Optional() @Inject(MARKETPLACE_ADAPTERS) private readonly adapters: MarketplaceAdapter[] | null) {}

  get(code: string): MarketplaceAdapter {
    const adapter = this.overrides.get(code) ?? this.adapters?.find((a) => a.code === code);
    if (!adapter) {
      throw new DomainException(ListingErrorCode.MARKETPLACE_UNAVAILABLE, {
        vi: `Chưa kết nối được sàn "${code}" trên máy chủ này`,
        en: `No adapter for marketplace "${code}" on this server`,
      });
    }
    return adapter;
  }

  /** For tests: answer `code` with this adapter instead of the registered one. */
  use(code: string, adapter: MarketplaceAdapter): void {
    this.overrides.set(code, adapter);
  }
}
