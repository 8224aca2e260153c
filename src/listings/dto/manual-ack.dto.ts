import { IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { IsSafeText } from '../../common/validation/validators';

export const MANUAL_ACK_STATUSES = ['pending_review', 'live', 'unlisted'] as const;
export type ManualAckStatus = (typeof MANUAL_ACK_STATUSES)[number];

/** What an officer saw in the seller centre after listing (or taking down) the product by hand. */
export class ManualAckDto {
  /** The product page on the marketplace, e.g. https://postmart.vn/p/tao-dai-muong-la-43160.html; its id is read from it. */
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(500)
  url?: string;

  /** The marketplace's id of the listing, when there is no URL to paste. */
  @IsOptional() @IsString() @IsSafeText() @MinLength(1) @MaxLength(120)
  externalId?: string;

  /** pending_review | live, or unlisted to confirm a take-down. */
  @IsIn(MANUAL_ACK_STATUSES)
  status!: ManualAckStatus;
}
