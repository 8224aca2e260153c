import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Keep a caller's X-Request-Id when it is sane (so a load balancer's id follows the request through
// our logs), otherwise make one.
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
}
