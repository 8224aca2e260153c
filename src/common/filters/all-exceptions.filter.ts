import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException } from '../errors/domain.exception';
import { CommonErrorCode } from '../errors/common-error-code';
import { loggedPath } from '../../http/request-log';
import { Lang, langFromRequest, pick } from '../i18n/messages';
import { databaseDiskFull, databaseUnavailable, isDatabaseDiskFull, isDatabaseUnavailable } from '../../database/database-errors';

/** While the database is down every request fails the same way (503): one warning per interval, with a count. */
const UNAVAILABLE_LOG_INTERVAL_MS = 5_000;

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: { field: string; message: string }[];
  requestId: string;
}

// The one place where failures become HTTP responses. Every body has the same shape; a 500 says
// nothing about internals (the log has the stack, keyed by the request id).
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');
  private unavailable = { loggedAt: 0, since: 0 };

  constructor(private readonly statusOf: Record<string, number>) {}

  catch(caught: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const lang = langFromRequest(request.query, request.headers['accept-language']);
    // PostgreSQL restarting or unreachable: a 503 that says so (retry shortly), not a 500.
    const dbDown = !(caught instanceof DomainException) && isDatabaseUnavailable(caught);
    const exception = dbDown ? databaseUnavailable() : !(caught instanceof DomainException) && isDatabaseDiskFull(caught) ? databaseDiskFull() : caught;
    const body = this.toBody(exception, lang, String(request.id));
    if (exception instanceof DomainException && exception.headers) reply.headers(exception.headers);
    if (dbDown || body.code === CommonErrorCode.SERVICE_UNAVAILABLE) {
      this.logUnavailable(request, body, caught);
    } else if (body.statusCode >= 500) {
      this.logger.error(`${request.method} ${loggedPath(request.url)} → ${body.statusCode} [${body.requestId}]`, (caught as Error)?.stack);
    } else {
      this.logger.warn(`${request.method} ${loggedPath(request.url)} → ${body.statusCode} ${body.code} [${body.requestId}]`);
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private logUnavailable(request: FastifyRequest, body: ErrorBody, cause: unknown): void {
    const now = Date.now();
    this.unavailable.since++;
    if (now - this.unavailable.loggedAt < UNAVAILABLE_LOG_INTERVAL_MS) return;
    const more = this.unavailable.since > 1 ? ` (${this.unavailable.since - 1} more since the last warning)` : '';
    this.unavailable = { loggedAt: now, since: 0 };
    this.logger.warn(`${request.method} ${loggedPath(request.url)} → ${body.statusCode} unavailable: ${(cause as Error)?.message} [${body.requestId}]${more}`);
  }

  private toBody(exception: unknown, lang: Lang, requestId: string): ErrorBody {
    if (exception instanceof DomainException) {
      const statusCode = this.statusOf[exception.code];
      if (statusCode === undefined) throw new Error(`No HTTP status registered for error code ${exception.code}`);
      return {
        statusCode,
        code: exception.code,
        message: pick(exception.bilingualMessage, lang),
        ...(exception.details?.length && {
          details: exception.details.map((d) => ({ field: d.field, message: pick(d.message, lang) })),
        }),
        requestId,
      };
    }
    const status = statusOfFrameworkError(exception);
    if (status && status < 500) {
      const code = CODE_BY_STATUS[status] ?? CommonErrorCode.BAD_REQUEST;
      return { statusCode: status, code, message: pick(FRAMEWORK_MESSAGES[code] ?? FRAMEWORK_MESSAGES.BAD_REQUEST, lang), requestId };
    }
    return { statusCode: 500, code: CommonErrorCode.INTERNAL, message: pick(FRAMEWORK_MESSAGES.INTERNAL, lang), requestId };
  }
}

// Nest's HttpException and Fastify's own errors (bad JSON, body too large, wrong content type).
function statusOfFrameworkError(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const statusCode = (exception as { statusCode?: unknown })?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 600 ? statusCode : undefined;
}

const CODE_BY_STATUS: Record<number, CommonErrorCode> = {
  400: CommonErrorCode.BAD_REQUEST,
  401: CommonErrorCode.UNAUTHENTICATED,
  403: CommonErrorCode.FORBIDDEN,
  404: CommonErrorCode.ROUTE_NOT_FOUND,
  406: CommonErrorCode.BAD_REQUEST,
  413: CommonErrorCode.PAYLOAD_TOO_LARGE,
  415: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: CommonErrorCode.RATE_LIMITED,
};

const FRAMEWORK_MESSAGES: Partial<Record<CommonErrorCode, { vi: string; en: string }>> & {
  BAD_REQUEST: { vi: string; en: string };
  INTERNAL: { vi: string; en: string };
} = {
  BAD_REQUEST: { vi: 'Yêu cầu không hợp lệ (kiểm tra định dạng JSON và các trường)', en: 'Malformed request (check the JSON and its fields)' },
  UNAUTHENTICATED: { vi: 'Cần đăng nhập', en: 'Authentication required' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  ROUTE_NOT_FOUND: { vi: 'Không có đường dẫn này', en: 'No such route' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn', en: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { vi: 'Định dạng nội dung không được hỗ trợ', en: 'Unsupported content type' },
  RATE_LIMITED: { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests, try again later' },
  INTERNAL: { vi: 'Lỗi hệ thống, vui lòng thử lại sau', en: 'Internal error, please try again later' },
};
