import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CooperativesModule } from '../cooperatives/cooperatives.module';
import { OcopCertification } from './ocop/ocop-certification.entity';
import { OcopCertificationsController } from './ocop/ocop-certifications.controller';
import { OcopCertificationsService } from './ocop/ocop-certifications.service';
import { OcopReferenceGroup } from './ocop/ocop-reference-group.entity';
import { ProductImage } from './product-image.entity';
import { ProductImagesService } from './product-images.service';
import { Product } from './product.entity';
import { ProductsController } from './products.controller';
import { ProductsService } from './products.service';

// Products (trade items), their photos and their OCOP ratings. Other modules use ProductsService only.
@Module({
  imports: [TypeOrmModule.forFeature([Product, ProductImage, OcopReferenceGroup, OcopCertification]), CooperativesModule],
  controllers: [ProductsController, OcopCertificationsController],
  providers: [ProductsService, ProductImagesService, OcopCertificationsService],
  exports: [ProductsService, ProductImagesService, OcopCertificationsService],
})
export class ProductsModule {}
