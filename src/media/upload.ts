import type { FastifyRequest } from 'fastify';
import { DomainException } from '../common/errors/domain.exception';
import { MediaErrorCode } from './media-error-code';

// Reads the single file of a multipart request into memory, within the configured size limit.
export async function readSingleUpload(request: FastifyRequest, maxBytes: number, field = 'file'): Promise<Buffer> {
  const mb = (maxBytes / 1024 / 1024).toFixed(1);
  let part;
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
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
  } catch {
    throw new DomainException(
      MediaErrorCode.UPLOAD_TOO_LARGE,
      { vi: `Tệp quá lớn, tối đa ${mb} MB`, en: `File too large, at most ${mb} MB` },
      [{ field, message: { vi: `Tối đa ${mb} MB`, en: `At most ${mb} MB` } }],
    );
  }
}
