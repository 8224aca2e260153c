import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsSafeText } from '../../common/validation/validators';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { BatchStatus } from '../batch-status';

export class ListHarvestBatchesQuery extends PageQueryDto {
  @IsOptional() @IsUUID()
  cooperativeId?: string;

  @IsOptional() @IsUUID()
  productId?: string;

  @IsOptional() @IsUUID()
  plantingAreaId?: string;

  @IsOptional() @IsIn(Object.values(BatchStatus))
  status?: BatchStatus;

  @IsOptional() @IsString() @IsSafeText() @MaxLength(20)
  lotCode?: string;

  /** Only batches carrying this flag, e.g. over_expected_yield. */
  @IsOptional() @IsString() @IsSafeText() @MaxLength(40)
  flag?: string;
}
