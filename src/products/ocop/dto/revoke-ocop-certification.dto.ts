import { IsString, MaxLength, MinLength } from 'class-validator';
import { NormaliseText } from '../../../common/validation/validators';

export class RevokeOcopCertificationDto {
  /** Lý do thu hồi, ví dụ "Quyết định 56/QĐ-UBND thu hồi do không đánh giá lại sau khi hết hạn". */
  @IsString() @NormaliseText() @MinLength(5) @MaxLength(500)
  reason!: string;
}
