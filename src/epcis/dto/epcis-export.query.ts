import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { bilingual } from '../../common/i18n/messages';

const BOOLEANS: Record<string, boolean> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };

export class EpcisExportQuery {
  /** 1 / true: answer as a file download (epcis-<lot>.jsonld) instead of inline. */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && value.toLowerCase() in BOOLEANS ? BOOLEANS[value.toLowerCase()] : value))
  @IsBoolean({ message: bilingual('download: ghi 1 (tải tệp) hoặc 0', 'download: 1 (download a file) or 0') })
  download?: boolean;
}
