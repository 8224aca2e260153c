import { MarketplaceTransportError } from './marketplace-errors';

export interface JsonRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, the raw text when it is not JSON, or null when empty. */
  body: unknown;
}

// Errors from undici (Node's fetch) that are raised before a single request byte leaves: retrying
// cannot create a duplicate.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * One JSON call with a hard deadline covering headers and body. Only transport problems throw here;
 * any HTTP status is returned for the caller to interpret in its marketplace's style.
 */
export async function requestJson(req: JsonRequest): Promise<JsonResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), req.timeoutMs);
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: { accept: 'application/json', ...(req.body !== undefined && { 'content-type': 'application/json' }), ...req.headers },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: controller.signal,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: parseBody(text) };
  } catch (error) {
    if (controller.signal.aborted) throw new MarketplaceTransportError('timeout', req.url, { cause: error });
    const code = causeCode(error);
    throw new MarketplaceTransportError(code && NOT_SENT_CODES.has(code) ? 'unreachable' : 'connection_lost', req.url, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  // undici wraps the socket error: TypeError('fetch failed') → cause (sometimes an AggregateError).
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const c = current as { code?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof c.code === 'string') return c.code;
    current = c.cause ?? (Array.isArray(c.errors) ? c.errors[0] : undefined);
  }
  return undefined;
}
