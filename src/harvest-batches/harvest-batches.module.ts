import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CooperativesModule } from '../cooperatives/cooperatives.module';
import { FarmingDiaryModule } from '../farming-diary/farming-diary.module';
import { PlantingAreasModule } from '../planting-areas/planting-areas.module';
import { ProductsModule } from '../products/products.module';
import { BatchEvents } from './batch-events';
import { BatchLifecycleService } from './batch-lifecycle.service';
import { HarvestBatch } from './harvest-batch.entity';
import { HarvestBatchesController } from './harvest-batches.controller';
import { HarvestBatchesService } from './harvest-batches.service';
import { PhiOverride } from './phi-override.entity';
import { TraceEvent } from './trace-events/trace-event.entity';
import { TraceEventsService } from './trace-events/trace-events.service';

@Module({
  imports: [TypeOrmModule.forFeature([HarvestBatch, PhiOverride, TraceEvent]), CooperativesModule, PlantingAreasModule, ProductsModule, FarmingDiaryModule],
  controllers: [HarvestBatchesController],
  providers: [HarvestBatchesService, BatchLifecycleService, TraceEventsService, BatchEvents],
  exports: [HarvestBatchesService, BatchLifecycleService, TraceEventsService, BatchEvents],
})
export class HarvestBatchesModule {}
