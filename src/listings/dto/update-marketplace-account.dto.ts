import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import type { AccountMode } from '../../marketplaces/marketplace-adapter';
import { ACCOUNT_MODES } from './create-marketplace-account.dto';
import { MarketplaceCredentialsDto } from './marketplace-credentials.dto';

export class UpdateMarketplaceAccountDto {
  @IsOptional() @IsIn(ACCOUNT_MODES)
  mode?: AccountMode;

  /** Re-entering credentials puts a needs_reauth account back to active and resumes its paused jobs. */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => MarketplaceCredentialsDto)
  credentials?: MarketplaceCredentialsDto;

  /** active | disabled (needs_reauth is set by the service when the marketplace refuses the credentials). */
  @IsOptional() @IsIn(['active', 'disabled'])
  status?: 'active' | 'disabled';
}
