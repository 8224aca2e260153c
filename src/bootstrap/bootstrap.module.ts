import { Module } from '@nestjs/common';
import { AdminUnitsModule } from '../admin-units/admin-units.module';
import { CertificationsModule } from '../certifications/certifications.module';
import { FarmingDiaryModule } from '../farming-diary/farming-diary.module';
import { HarvestBatchesModule } from '../harvest-batches/harvest-batches.module';
import { PlantingAreasModule } from '../planting-areas/planting-areas.module';
import { ProductsModule } from '../products/products.module';
import { ListingsModule } from '../listings/listings.module';
import { StampsModule } from '../stamps/stamps.module';
import { UsersModule } from '../users/users.module';
import { DemoRegistrySeeder } from './demo-registry.seeder';
import { FirstRunService } from './first-run.service';

@Module({
  imports: [AdminUnitsModule, UsersModule, PlantingAreasModule, ProductsModule, CertificationsModule, FarmingDiaryModule, HarvestBatchesModule, StampsModule, ListingsModule],
  providers: [FirstRunService, DemoRegistrySeeder],
  exports: [FirstRunService],
})
export class BootstrapModule {}
