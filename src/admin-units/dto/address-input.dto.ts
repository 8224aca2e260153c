import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { NormaliseText } from '../../common/validation/validators';

export class AddressInputDto {
  /** Province code since 1 July 2025 (e.g. 31 Hải Phòng). Optional; checked against the commune when given. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  provinceCode?: number;

  /** Commune/ward code since 1 July 2025 (e.g. 11065 Xã Trường Tân). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  communeCode?: number;

  /** A pre-July-2025 commune code (as on older certificates); converted with the official table. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  oldCommuneCode?: number;

  /** Hamlet, street and house number (thôn, xóm, số nhà). */
  @IsOptional() @IsString() @NormaliseText() @MaxLength(200)
  street?: string;
}
