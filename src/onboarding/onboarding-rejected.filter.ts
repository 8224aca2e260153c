import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { loggedPath } from '../http/request-log';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { langFromRequest, pick } from '../common/i18n/messages';
import { ONBOARDING_ERROR_STATUS } from './onboarding-error-code';
import { OnboardingRejectedException } from './onboarding-rejected.exception';

// The standard error body ({statusCode, code, message, details, requestId}) with what a spreadsheet
// needs on top: each detail also names its row and column, and the report's counts come along, so a
// client reads a refused file like a dry run. The global filter knows only {field, message} details;
// every other error of these routes still goes through it.
@Catch(OnboardingRejectedException)
export class OnboardingRejectedFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: OnboardingRejectedException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const statusCode = ONBOARDING_ERROR_STATUS[exception.code];
    const { errors, ...summary } = exception.report;
    this.logger.warn(`${request.method} ${loggedPath(request.url)} → ${statusCode} ${exception.code} [${request.id}]`);
    void reply
      .status(statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send({
        statusCode,
        code: exception.code,
        message: pick(exception.bilingualMessage, langFromRequest(request.query, request.headers['accept-language'])),
        details: errors.map((e) => ({ row: e.row, column: e.column, field: e.field, message: e.message })),
        requestId: String(request.id),
        ...summary,
      });
  }
}
