import type { FastifyRequest } from 'fastify';
import { DomainException } from '../common/errors/domain.exception';
import { MediaErrorCode } from './media-error-code';

// Reads the single file of a multipart request into memory, within the configured size limit.
export async function readSingleUpload(request: FastifyRequest, maxBytes: number, field = 'file'): Promise<Buffer> {
  const mb = (maxBytes / 1024 / 1024).toFixed(1);
  let part;
  try {
    // @fastify/multipart logs its busboy options, request headers included, at trace level: the bearer
    // token must not go with them (busboy itself only reads the content type).
    part = await request.file({
      limits: { fileSize: maxBytes, files: 1 },
      headers: { 'content-type': request.headers['content-type'] ?? '', authorization: '[redacted]' },
    });
  } catch {
    part = undefined;
  }
  if (!part) {
    throw new DomainException(
      MediaErrorCode.UPLOAD_MISSING,
      { vi: `Cần gửi một tệp trong trường "${field}" (multipart/form-data)`, en: `Send one file in the "${field}" field (multipart/form-data)` },
      [{ field, message: { vi: 'Thiếu tệp', en: 'File missing' } }],
    );
  }
  try {
    return await part.toBuffer();
  } catch (error) {
    // A body cut short or otherwise broken is not "too large": say what happened.
    if ((error as { code?: unknown })?.code !== 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainException(
        MediaErrorCode.UPLOAD_MALFORMED,
        { vi: 'Tệp tải lên bị cắt ngang hoặc sai định dạng multipart/form-data, vui lòng gửi lại', en: 'The upload was cut short or is not valid multipart/form-data; send it again' },
        [{ field, message: { vi: 'Tệp không đọc được trọn vẹn', en: 'The file could not be read completely' } }],
      );
    }
    throw new DomainException(
      MediaErrorCode.UPLOAD_TOO_LARGE,
      { vi: `Tệp quá lớn, tối đa ${mb} MB`, en: `File too large, at most ${mb} MB` },
      [{ field, message: { vi: `Tối đa ${mb} MB`, en: `At most ${mb} MB` } }],
    );
  }
}
