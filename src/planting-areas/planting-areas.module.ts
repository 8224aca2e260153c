import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUnitsModule } from '../admin-units/admin-units.module';
import { CooperativesModule } from '../cooperatives/cooperatives.module';
import { LocaliseWarningsInterceptor } from './localise-warnings.interceptor';
import { PlantingAreaAccess } from './planting-area-access';
import { PlantingAreaCodesController } from './planting-area-codes.controller';
import { PlantingAreaCodesService } from './planting-area-codes.service';
import { PLANTING_AREA_ENTITIES } from './planting-areas.entities';
import { PlantingAreasController } from './planting-areas.controller';
import { PlantingAreasService } from './planting-areas.service';
import { PlantingSeasonsController } from './planting-seasons.controller';
import { PlantingSeasonsService } from './planting-seasons.service';

// Planting areas (vùng trồng), their seasons and their codes. Other modules use PlantingAreasService
// only (visibility, seasons, which codes were active on a harvest date); AuditModule is global.
@Module({
  imports: [TypeOrmModule.forFeature(PLANTING_AREA_ENTITIES), AdminUnitsModule, CooperativesModule],
  controllers: [PlantingAreasController, PlantingSeasonsController, PlantingAreaCodesController],
  providers: [PlantingAreaAccess, PlantingAreasService, PlantingSeasonsService, PlantingAreaCodesService, LocaliseWarningsInterceptor],
  exports: [PlantingAreasService, PlantingSeasonsService, PlantingAreaCodesService],
})
export class PlantingAreasModule {}
