import { PartialType } from '@nestjs/swagger';
import { CreatePlantingSeasonDto } from './create-planting-season.dto';

// Every field optional; actualYieldKg null reopens a season closed by mistake, other nulls are refused.
export class UpdatePlantingSeasonDto extends PartialType(CreatePlantingSeasonDto) {}
