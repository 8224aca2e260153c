import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CooperativesModule } from '../cooperatives/cooperatives.module';
import { STAMP_COMMISSIONING_SOURCE } from '../epcis/stamp-commissioning.source';
import { HarvestBatchesModule } from '../harvest-batches/harvest-batches.module';
import { ProductsModule } from '../products/products.module';
import { QrCodeGenerator } from './rendering/qr-code.generator';
import { StampCsvWriter } from './rendering/stamp-csv.writer';
import { StampImageRenderer } from './rendering/stamp-image.renderer';
import { StampPdfWriter } from './rendering/stamp-pdf.writer';
import { VietnameseFont } from './rendering/vietnamese-font';
import { ScanEvent } from './scan-event.entity';
import { Stamp } from './stamp.entity';
import { StampIssuance } from './stamp-issuance.entity';
import { StampsController } from './stamps.controller';
import { StampsService } from './stamps.service';

@Module({
  imports: [TypeOrmModule.forFeature([Stamp, StampIssuance, ScanEvent]), CooperativesModule, HarvestBatchesModule, ProductsModule],
  controllers: [StampsController],
  providers: [StampsService, { provide: STAMP_COMMISSIONING_SOURCE, useExisting: StampsService }, QrCodeGenerator, VietnameseFont, StampImageRenderer, StampPdfWriter, StampCsvWriter],
  exports: [StampsService, STAMP_COMMISSIONING_SOURCE],
})
export class StampsModule {}
