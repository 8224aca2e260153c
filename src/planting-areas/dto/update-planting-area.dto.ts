import { PartialType } from '@nestjs/swagger';
import { CreatePlantingAreaDto } from './create-planting-area.dto';

// Every field optional; null clears variety, cropType and boundary, and is refused elsewhere.
export class UpdatePlantingAreaDto extends PartialType(CreatePlantingAreaDto) {}
