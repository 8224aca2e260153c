import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificationsModule } from '../certifications/certifications.module';
import { CooperativesModule } from '../cooperatives/cooperatives.module';
import { HarvestBatchesModule } from '../harvest-batches/harvest-batches.module';
import { JobsModule } from '../jobs/jobs.module';
import { MarketplacesModule } from '../marketplaces/marketplaces.module';
import { PlantingAreasModule } from '../planting-areas/planting-areas.module';
import { ProductsModule } from '../products/products.module';
import { AccountLane } from './account-lane';
import { AdapterLookup } from './adapter-lookup';
import { BulkPublishController } from './bulk-publish.controller';
import { BulkPublishService } from './bulk-publish.service';
import { BulkReportWriter } from './bulk-report.writer';
import { ListingDraftBuilder } from './listing-draft.builder';
import { ListingJobSettings } from './listing-job-settings';
import { ListingJobs } from './listing-jobs';
import { ListingMetrics } from './listing-metrics';
import { ListingProcessor } from './listing-processor';
import { LISTING_ENTITIES } from './listings.entities';
import { ListingsController } from './listings.controller';
import { ListingsService } from './listings.service';
import { MarketplaceAccountsController } from './marketplace-accounts.controller';
import { MarketplaceAccountsService } from './marketplace-accounts.service';
import { MarketplaceSessions } from './marketplace-sessions';

// Marketplace accounts, listings and bulk publishing. Adapters come from MARKETPLACE_ADAPTERS (the
// marketplaces module) through AdapterLookup; this module never imports an adapter class.
@Module({
  imports: [
    TypeOrmModule.forFeature(LISTING_ENTITIES),
    JobsModule,
    MarketplacesModule,
    CooperativesModule,
    ProductsModule,
    HarvestBatchesModule,
    PlantingAreasModule,
    CertificationsModule,
  ],
  controllers: [MarketplaceAccountsController, ListingsController, BulkPublishController],
  providers: [
    AdapterLookup,
    AccountLane,
    ListingJobSettings,
    ListingJobs,
    ListingDraftBuilder,
    MarketplaceAccountsService,
    MarketplaceSessions,
    ListingsService,
    ListingProcessor,
    BulkPublishService,
    BulkReportWriter,
    ListingMetrics,
  ],
  exports: [ListingsService, MarketplaceAccountsService],
})
export class ListingsModule {}
