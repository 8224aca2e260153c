import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ListingStatus } from '../listing-status';

export class ListListingsQuery extends PageQueryDto {
  @IsOptional() @IsUUID()
  cooperativeId?: string;

  @IsOptional() @IsUUID()
  accountId?: string;

  @IsOptional() @IsUUID()
  productId?: string;

  @IsOptional() @IsEnum(ListingStatus)
  status?: ListingStatus;
}
