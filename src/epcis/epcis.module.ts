import { Module } from '@nestjs/common';
import { StampsModule } from '../stamps/stamps.module';
import { CooperativesModule } from '../cooperatives/cooperatives.module';
import { HarvestBatchesModule } from '../harvest-batches/harvest-batches.module';
import { ProductsModule } from '../products/products.module';
import { EpcisExportService } from './epcis-export.service';
import { EpcisController } from './epcis.controller';

// GS1 EPCIS 2.0 export of a batch's history. Read-only over the modules that own the data. Stamp
// commissioning comes from StampsModule, which provides STAMP_COMMISSIONING_SOURCE.
@Module({
  imports: [StampsModule, HarvestBatchesModule, ProductsModule, CooperativesModule],
  controllers: [EpcisController],
  providers: [EpcisExportService],
  exports: [EpcisExportService],
})
export class EpcisModule {}
