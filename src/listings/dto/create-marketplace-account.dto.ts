import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { MARKETPLACE_CODES } from '../../marketplaces/marketplace-adapter';
import type { AccountMode, MarketplaceCode } from '../../marketplaces/marketplace-adapter';
import { MarketplaceCredentialsDto } from './marketplace-credentials.dto';

export const ACCOUNT_MODES: readonly AccountMode[] = ['partner_api', 'assisted'];

export class CreateMarketplaceAccountDto {
  /** postmart | voso */
  @IsIn(MARKETPLACE_CODES)
  marketplace!: MarketplaceCode;

  /** partner_api: the service talks to the marketplace; assisted: an officer lists by hand in the seller centre. */
  @IsIn(ACCOUNT_MODES)
  mode!: AccountMode;

  /** Required for partner_api. */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => MarketplaceCredentialsDto)
  credentials?: MarketplaceCredentialsDto;
}
