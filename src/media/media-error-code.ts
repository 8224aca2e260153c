export enum MediaErrorCode {
  UNSUPPORTED_IMAGE = 'UNSUPPORTED_IMAGE',
  UPLOAD_TOO_LARGE = 'UPLOAD_TOO_LARGE',
  UPLOAD_MISSING = 'UPLOAD_MISSING',
  UPLOAD_MALFORMED = 'UPLOAD_MALFORMED',
  STORAGE_FAILED = 'STORAGE_FAILED',
}

// Oversize uploads answer 400 like other bad input, so a phone client shows one kind of message.
export const MEDIA_ERROR_STATUS: Record<MediaErrorCode, number> = {
  UNSUPPORTED_IMAGE: 400,
  UPLOAD_TOO_LARGE: 400,
  UPLOAD_MISSING: 400,
  UPLOAD_MALFORMED: 400,
  STORAGE_FAILED: 507,
};
