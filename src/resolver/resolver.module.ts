import { Module } from '@nestjs/common';
import { AdminUnitsModule } from '../admin-units/admin-units.module';
import { CertificationsModule } from '../certifications/certifications.module';
import { CooperativesModule } from '../cooperatives/cooperatives.module';
import { FarmingDiaryModule } from '../farming-diary/farming-diary.module';
import { HarvestBatchesModule } from '../harvest-batches/harvest-batches.module';
import { JobsModule } from '../jobs/jobs.module';
import { ListingsModule } from '../listings/listings.module';
import { OriginPageRenderer } from '../origin-pages/origin-page.renderer';
import { PlantingAreasModule } from '../planting-areas/planting-areas.module';
import { ProductsModule } from '../products/products.module';
import { OriginController } from './origin.controller';
import { OriginFactsService } from './origin-facts.service';
import { PublicRateLimiter } from './public-rate-limiter';
import { ResolverService } from './resolver.service';
import { ScanLogRetention } from './scan-log-retention';
import { ScanLogWriter } from './scan-log.writer';
import { ScanStatsController } from './scan-stats.controller';
import { ScanStatsService } from './scan-stats.service';
import { SharedRateWindow } from './shared-rate-window';

@Module({
  imports: [AdminUnitsModule, CooperativesModule, ProductsModule, PlantingAreasModule, CertificationsModule, FarmingDiaryModule, HarvestBatchesModule, ListingsModule, JobsModule],
  controllers: [OriginController, ScanStatsController],
  providers: [ResolverService, OriginFactsService, ScanLogWriter, ScanLogRetention, SharedRateWindow, PublicRateLimiter, OriginPageRenderer, ScanStatsService],
  exports: [ResolverService, ScanLogWriter, OriginFactsService],
})
export class ResolverModule {}
