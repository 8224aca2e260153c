import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/**
 * One log line per request, after the response: request id, method, route template, path, status and
 * time. Deliberately without the client address, query string, headers or body: the address is
 * personal data that only the scan log keeps, and then only hashed; query strings and bodies can carry
 * names, phone numbers or a stamp's PIN.
 */
export function logEachRequest(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    // The origin page is the hot path: build nothing when the line would not be written.
    if (status < 500 && !(request.log as Logger).isLevelEnabled('info')) return;
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      path: loggedPath(request.url),
      status,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    // 503s (database restarting) are summarised by the exception filter, not logged once each.
    if (status >= 500 && status !== 503) request.log.error(line, 'request failed');
    else request.log.info(line, 'request');
  });
}

/** What logs say of a URL: its path, never its query string (a phone number searched for, say). */
export function loggedPath(url: string): string {
  return url.split('?', 1)[0].slice(0, 200);
}
