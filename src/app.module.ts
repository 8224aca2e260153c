import { DynamicModule, Module } from '@nestjs/common';
import { AdminUnitsModule } from './admin-units/admin-units.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { AppConfig } from './config/app-config';
import { CertificationsModule } from './certifications/certifications.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { ConfigModule } from './config/config.module';
import { CooperativesModule } from './cooperatives/cooperatives.module';
import { DatabaseModule } from './database/database.module';
import { FarmingDiaryModule } from './farming-diary/farming-diary.module';
import { EpcisModule } from './epcis/epcis.module';
import { HarvestBatchesModule } from './harvest-batches/harvest-batches.module';
import { HealthModule } from './health/health.module';
import { ListingsModule } from './listings/listings.module';
import { MarketplacesModule } from './marketplaces/marketplaces.module';
import { MetricsModule } from './metrics/metrics.module';
import { OnboardingModule } from './onboarding/onboarding.module';
import { PlantingAreasModule } from './planting-areas/planting-areas.module';
import { ProductsModule } from './products/products.module';
import { ResolverModule } from './resolver/resolver.module';
import { StampsModule } from './stamps/stamps.module';
import { StorageModule } from './storage/storage.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        MetricsModule,
        StorageModule,
        CryptoModule,
        AdminUnitsModule,
        AuthModule,
        UsersModule,
        CooperativesModule,
        AuditModule,
        PlantingAreasModule,
        ProductsModule,
        FarmingDiaryModule,
        HarvestBatchesModule,
        CertificationsModule,
        StampsModule,
        ResolverModule,
        OnboardingModule,
        MarketplacesModule,
        EpcisModule,
        ListingsModule,
        HealthModule,
        BootstrapModule,
      ],
    };
  }
}
