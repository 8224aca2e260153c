import { DomainException } from '../common/errors/domain.exception';
import type { OnboardingReportDto } from './dto/onboarding-report.dto';
import { OnboardingErrorCode } from './onboarding-error-code';

// A file sent to be applied (dryRun=false) with bad rows: nothing was written. Carries the whole report,
// whose messages are already in the caller's language; OnboardingRejectedFilter renders it.
export class OnboardingRejectedException extends DomainException<OnboardingErrorCode.ROWS_INVALID> {
  constructor(readonly report: OnboardingReportDto) {
    super(
      OnboardingErrorCode.ROWS_INVALID,
      {
        vi: `Tệp có ${report.errorRows} dòng lỗi nên chưa dòng nào được ghi; sửa các dòng được liệt kê rồi tải lên lại`,
        en: `${report.errorRows} rows of the file have errors, so no row was written; fix the rows listed and upload again`,
      },
      report.errors.map((e) => ({ field: e.field, message: e.message })),
    );
  }
}
