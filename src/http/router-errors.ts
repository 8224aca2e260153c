import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { langFromRequest, pick } from '../common/i18n/messages';

/**
 * Fastify's router refuses some URLs before Nest sees them (bad percent-encoding: 400; a path
 * segment over 100 characters: 414), so Nest's exception filter never runs: answer with the same
 * error body as every other error, request id included.
 */
export function answerRouterError(error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply): void {
  const statusCode = error.statusCode ?? 400;
  const message = pick(
    { vi: 'Đường dẫn không hợp lệ (mã %-encoding sai hoặc một đoạn quá dài)', en: 'Malformed URL (bad percent-encoding, or a path segment too long)' },
    langFromRequest(undefined, request.headers['accept-language']),
  );
  void reply
    .status(statusCode)
    .header('x-request-id', request.id)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ statusCode, code: CommonErrorCode.BAD_REQUEST, message, requestId: request.id });
}
