import { Module } from '@nestjs/common';
import { PostmartAdapter } from './adapters/postmart/postmart.adapter';
import { VosoAdapter } from './adapters/voso/voso.adapter';
import { MARKETPLACE_ADAPTERS, MarketplaceAdapter } from './marketplace-adapter';
import { MarketplaceAdapterRegistry } from './marketplace-adapter.registry';
import { DEFAULT_MARKETPLACE_HTTP_OPTIONS, MARKETPLACE_HTTP_OPTIONS } from './marketplace-http-options';

// Adapters are strategies: listings code asks the registry by the code stored on the account row and
// never imports an adapter class directly. The sandbox server is not part of this module: it is a
// separate process (or started by tests), never booted with the service.
@Module({
  providers: [
    { provide: MARKETPLACE_HTTP_OPTIONS, useValue: DEFAULT_MARKETPLACE_HTTP_OPTIONS },
    PostmartAdapter,
    VosoAdapter,
    {
      provide: MARKETPLACE_ADAPTERS,
      useFactory: (...adapters: MarketplaceAdapter[]) => adapters,
      inject: [PostmartAdapter, VosoAdapter],
    },
    MarketplaceAdapterRegistry,
  ],
  exports: [MarketplaceAdapterRegistry, MARKETPLACE_ADAPTERS, PostmartAdapter, VosoAdapter],
})
export class MarketplacesModule {}
