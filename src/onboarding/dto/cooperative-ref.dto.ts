import { IsOptional, IsUUID } from 'class-validator';
import { IsVnTaxCode } from '../../common/validation/validators';

// The two cells that say which cooperative a planting-area or product row belongs to, checked with the
// same decorators (and so the same messages) as the cooperative's own fields.
export class CooperativeRefDto {
  /** Tax code of the owning cooperative (10 digits, or 10 digits-3-digit branch). */
  @IsOptional() @IsVnTaxCode()
  cooperativeTaxCode?: string;

  /** Or its id. */
  @IsOptional() @IsUUID()
  cooperativeId?: string;
}
