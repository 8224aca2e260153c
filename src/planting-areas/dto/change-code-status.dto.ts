import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { bilingual } from '../../common/i18n/messages';
import { NormaliseText } from '../../common/validation/validators';
import { CodeStatus } from '../code-status';
import { IsDateOnly } from '../../common/time/date-only';

export class ChangeCodeStatusDto {
  /** New status: active, suspended, revoked or expired (pending is only the starting status). */
  @IsEnum(CodeStatus, { message: bilingual('status: chọn active, suspended, revoked hoặc expired', 'status: one of active, suspended, revoked, expired') })
  status!: CodeStatus;

  /** Why (e.g. "Đã đối chiếu Quyết định 123/QĐ-BVTV", "GACC tạm dừng theo thông báo ngày …"). Required. */
  @IsString() @NormaliseText()
  @IsNotEmpty({ message: bilingual('reason: cần ghi lý do thay đổi trạng thái', 'reason: a reason for the change is required') })
  @MaxLength(1000)
  reason!: string;

  /** Day the change takes effect (YYYY-MM-DD); default today in Vietnam. Not in the future, not before issuedOn. */
  @IsOptional() @IsDateOnly()
  effectiveFrom?: string;
}
