import { CommonErrorCode } from '../common/errors/common-error-code';
import { DomainException } from '../common/errors/domain.exception';
import { MediaErrorCode } from '../media/media-error-code';

/** Seconds a client is asked to wait (Retry-After) while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Socket-level failures reaching PostgreSQL (node errno codes).
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

// SQLSTATEs meaning "the server is going away, not there yet, or cannot take the connection":
// class 08 (connection exception), 57P01 admin_shutdown (fast shutdown / pg_terminate_backend),
// 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down, in recovery),
// 53300 too_many_connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// node-postgres and pg-pool report these without a code.
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
];

const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/**
 * True when `error` means PostgreSQL cannot be reached or is restarting: the request may succeed if
 * retried shortly, and nothing about it is the client's fault or a bug of ours. Looks through
 * TypeORM's QueryFailedError (driverError) and AggregateError (several addresses tried), not through
 * `cause`: fetch wraps a marketplace's ECONNREFUSED there, and that is not the database.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; errors?: unknown };
  if (typeof e.code === 'string') {
    if (NETWORK_CODES.has(e.code) || UNAVAILABLE_SQLSTATES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code)) return true;
  }
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => (e.message as string).includes(m))) return true;
  // TypeORM releases a transaction's connection when it dies; the transaction's next query (or its
  // COMMIT) then fails with one of these instead of the connection error itself.
  if (RELEASED_RUNNER_ERRORS.has((error as Error).name)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.driverError, depth + 1);
}

/** The answer to a request that needed the database while it was unreachable: 503, retry shortly. */
export function databaseUnavailable(): DomainException {
  return new DomainException(
    CommonErrorCode.SERVICE_UNAVAILABLE,
    {
      vi: 'Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau ít giây',
      en: 'The database is temporarily unavailable, please try again in a few seconds',
    },
    undefined,
    { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
  );
}

/** SQLSTATE 53100 disk_full: PostgreSQL could not extend a file (in embedded mode, uploads share its disk). */
export function isDatabaseDiskFull(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return e?.code === '53100' || e?.driverError?.code === '53100';
}

/** The answer to a write refused because the database's disk is full: 507, like a full upload folder. */
export function databaseDiskFull(): DomainException {
  return new DomainException(MediaErrorCode.STORAGE_FAILED, {
    vi: 'Hết dung lượng lưu trữ: ổ đĩa của cơ sở dữ liệu đã đầy nên thay đổi chưa được lưu. Vui lòng báo quản trị viên giải phóng dung lượng rồi thử lại',
    en: 'Storage full: the database disk has no space left, so the change was not saved. Ask an administrator to free some space, then try again',
  });
}
