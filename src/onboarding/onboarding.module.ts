import { Module } from '@nestjs/common';
import { AdminUnitsModule } from '../admin-units/admin-units.module';
import { AddressCells } from './address-cells';
import { CooperativeRefs } from './kinds/cooperative-refs';
import { CooperativesImporter } from './kinds/cooperatives.importer';
import { PlantingAreasImporter } from './kinds/planting-areas.importer';
import { ProductsImporter } from './kinds/products.importer';
import { OnboardingController } from './onboarding.controller';
import { OnboardingService } from './onboarding.service';

// Bulk onboarding for officers: XLSX/CSV templates, and uploads checked with the single-create DTOs and
// written all or nothing. Rows are inserted with multi-row INSERTs through the entity classes of the
// cooperatives, planting-areas and products modules (their services create one row at a time).
@Module({
  imports: [AdminUnitsModule],
  controllers: [OnboardingController],
  providers: [OnboardingService, AddressCells, CooperativesImporter, PlantingAreasImporter, ProductsImporter, CooperativeRefs],
})
export class OnboardingModule {}
