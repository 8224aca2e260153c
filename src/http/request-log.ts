import type { FastifyInstance } from 'fastify';

/**
 * One log line per request, after the response: request id, method, route template, path, status and
 * time. Deliberately without the client address, query string, headers or body: the address is
 * personal data that only the scan log keeps, and then only hashed; query strings and bodies can carry
 * names, phone numbers or a stamp's PIN.
 */
export function logEachRequest(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      path: request.url.split('?', 1)[0].slice(0, 200),
      status,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (status >= 500) request.log.error(line, 'request failed');
    else request.log.info(line, 'request');
  });
}
