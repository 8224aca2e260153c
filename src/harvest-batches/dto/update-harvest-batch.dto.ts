import { PickType, PartialType } from '@nestjs/swagger';
import { CreateHarvestBatchDto } from './create-harvest-batch.dto';

export class UpdateHarvestBatchDto extends PartialType(
  PickType(CreateHarvestBatchDto, ['quantity', 'unit', 'packDate', 'expiryDate', 'notes'] as const),
) {}
