import { DomainException, FieldProblem } from './domain.exception';
import { CommonErrorCode } from './common-error-code';

// Shorthands for the failures every module shares.
export const notFound = (whatVi: string, whatEn: string) =>
  new DomainException(CommonErrorCode.NOT_FOUND, { vi: `Không tìm thấy ${whatVi}`, en: `${whatEn} not found` });

export const forbidden = (vi = 'Bạn không có quyền thực hiện thao tác này', en = 'You are not allowed to do this') =>
  new DomainException(CommonErrorCode.FORBIDDEN, { vi, en });

export const invalidField = (field: string, vi: string, en: string) =>
  validationFailed([{ field, message: { vi, en } }]);

export const validationFailed = (details: FieldProblem[]) =>
  new DomainException(
    CommonErrorCode.VALIDATION_FAILED,
    {
      vi: `Dữ liệu không hợp lệ: ${details.map((d) => d.field).join(', ')}`,
      en: `Invalid input: ${details.map((d) => d.field).join(', ')}`,
    },
    details,
  );
