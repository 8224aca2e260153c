import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { bilingual } from '../../common/i18n/messages';

const BOOLEANS: Record<string, boolean> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };

export class UploadQuery {
  /**
   * true (the default): check the file and report every bad row, writing nothing. false: write every row
   * in one transaction, or nothing at all when any row is bad (422 with the same report).
   */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && value.toLowerCase() in BOOLEANS ? BOOLEANS[value.toLowerCase()] : value))
  @IsBoolean({ message: bilingual('dryRun: ghi true (chỉ kiểm tra) hoặc false (ghi vào cơ sở dữ liệu)', 'dryRun: true (check only) or false (write)') })
  dryRun: boolean = true;

  /** Language of the messages, vi (default) or en; Accept-Language works too. */
  @IsOptional() @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';
}
