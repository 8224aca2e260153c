import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CooperativesModule } from '../cooperatives/cooperatives.module';
import { PlantingAreasModule } from '../planting-areas/planting-areas.module';
import { ProductsModule } from '../products/products.module';
import { Certification } from './certification.entity';
import { CertificationsController } from './certifications.controller';
import { CertificationsService } from './certifications.service';

@Module({
  imports: [TypeOrmModule.forFeature([Certification]), CooperativesModule, PlantingAreasModule, ProductsModule],
  controllers: [CertificationsController],
  providers: [CertificationsService],
  exports: [CertificationsService],
})
export class CertificationsModule {}
