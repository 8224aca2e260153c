import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { map, Observable } from 'rxjs';
import { Lang, langFromRequest, pick } from '../common/i18n/messages';

interface WithWarnings {
  warnings?: { message: string }[];
  items?: unknown[];
}

// Services write warning messages with bilingual(); this keeps the caller's language, exactly as the
// exception filter does for error messages, so a response reads in one language throughout.
@Injectable()
export class LocaliseWarningsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const lang = langFromRequest(request.query, request.headers['accept-language']);
    return next.handle().pipe(map((body: unknown) => localiseWarnings(body, lang)));
  }
}

/** Picks the language of `warnings` on a response, or on each item of a page. */
export function localiseWarnings<T>(body: T, lang: Lang): T {
  if (typeof body !== 'object' || body === null) return body;
  const b = body as WithWarnings;
  const out: WithWarnings = { ...b };
  if (Array.isArray(b.warnings)) out.warnings = b.warnings.map((w) => ({ ...w, message: pick(w.message, lang) }));
  if (Array.isArray(b.items)) out.items = b.items.map((item) => localiseWarnings(item, lang));
  return out as T;
}
