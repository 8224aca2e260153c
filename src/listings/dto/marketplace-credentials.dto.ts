import { IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { NormaliseText } from '../../common/validation/validators';

export class MarketplaceCredentialsDto {
  /** The marketplace's partner API, e.g. https://partner.voso.vn (http allowed for a local sandbox). */
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  @MaxLength(300)
  baseUrl!: string;

  @IsString() @NormaliseText() @MinLength(1) @MaxLength(120)
  username!: string;

  /** Write-only: stored encrypted, never returned or logged. */
  @IsString() @MinLength(1) @MaxLength(200)
  password!: string;

  /** VNPost-style customer code, when the marketplace asks for one. */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(60)
  customerCode?: string;
}
