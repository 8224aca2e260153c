import { BulkPublish, BulkPublishItem } from './bulk-publish.entity';
import { Listing } from './listing.entity';
import { MarketplaceAccount } from './marketplace-account.entity';

export const LISTING_ENTITIES = [MarketplaceAccount, Listing, BulkPublish, BulkPublishItem];
