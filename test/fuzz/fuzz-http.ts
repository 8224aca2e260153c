import http from 'node:http';

// A raw HTTP client for the fuzzer: the path goes out byte for byte (no URL normalisation that would
// fold "../" or re-encode "%2e"), bodies are sent as given, and one keep-alive agent is reused.

export interface FuzzRequest {
  method: string;
  /** Path and query, already encoded the way the case wants it on the wire. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface FuzzResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
  ms: number;
}

export class FuzzHttp {
  private readonly agent: http.Agent;
  private readonly url: URL;
  requests = 0;

  constructor(baseUrl: string, maxSockets = 8) {
    this.url = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  send(req: FuzzRequest, timeoutMs = 60_000): Promise<FuzzResponse> {
    this.requests++;
    const started = Date.now();
    const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
    const headers: Record<string, string | number> = { ...(req.headers ?? {}) };
    if (body) headers['content-length'] = body.length;
    return new Promise((resolve, reject) => {
      const r = http.request(
        { host: this.url.hostname, port: this.url.port, method: req.method, path: req.path, headers, agent: this.agent, insecureHTTPParser: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const buf = Buffer.concat(chunks);
            const type = String(res.headers['content-type'] ?? '');
            const text = /json|text|xml|csv|html/.test(type) || !type ? buf.toString('utf8') : `<${buf.length} bytes ${type}>`;
            let json: unknown;
            if (type.includes('json')) {
              try {
                json = JSON.parse(text);
              } catch {
                json = undefined;
              }
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, ms: Date.now() - started });
          });
        },
      );
      r.setTimeout(timeoutMs, () => r.destroy(new Error(`timeout after ${timeoutMs} ms`)));
      r.on('error', reject);
      if (body) r.write(body);
      r.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight, in order of start. */
export async function pool<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  });
  await Promise.all(lanes);
}

/** A multipart/form-data body built byte by byte, so file names may carry anything (NUL, CR/LF, RTL…). */
export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}

export function multipartBody(parts: Part[], boundary = 'fuzzBoundary7MA4YWxkTrZu0gW', options: { close?: boolean } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename="${part.filename}"`;
    head += '\r\n';
    if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
    head += '\r\n';
    chunks.push(Buffer.from(head, 'utf8'), Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8'), Buffer.from('\r\n'));
  }
  if (options.close !== false) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
