import type { FastifyInstance } from 'fastify';

// The OpenAPI UI at /docs runs inline script and style; nothing else we serve does, so only its
// responses get a policy that allows them (helmet's default for everything else is strict).
const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "base-uri 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
].join(';');

/** Headers set on every response once its handler is done. */
export function addResponseHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (isDocsPage(request.url, reply.getHeader('content-type'))) reply.header('content-security-policy', DOCS_CSP);
    // An answer to a logged-in request is that user's data: no shared cache (proxy, CDN, the phone's
    // browser after logout) may keep it, unless the handler chose a policy itself.
    if (request.headers.authorization && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}

function isDocsPage(url: string, contentType: unknown): boolean {
  return (url === '/docs' || url.startsWith('/docs/') || url.startsWith('/docs?')) && String(contentType ?? '').startsWith('text/html');
}
