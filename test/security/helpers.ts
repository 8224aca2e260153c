import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, scrypt } from 'node:crypto';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { gs1CheckDigit } from '../../src/common/validation/gs1-check-digit';

// Small helpers shared by the security tests. Requests go through Fastify's inject (no socket): the
// matrix and the enumeration test make thousands of them.

export interface Res {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The body as text (binary bodies decoded as latin1, so every byte survives for a substring search). */
  text: string;
  raw: Buffer;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response fields freely
  body: any;
}

export interface Upload {
  data: Buffer;
  name: string;
  type?: string;
  field?: string;
}

export interface SendOptions {
  token?: string;
  json?: unknown;
  file?: Upload;
  headers?: Record<string, string>;
  remoteAddress?: string;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'HEAD';
export type Send = (method: Method, url: string, options?: SendOptions) => Promise<Res>;

export function client(app: NestFastifyApplication): Send {
  const fastify = app.getHttpAdapter().getInstance();
  return async (method, url, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: Buffer | string | undefined;
    if (options.file) {
      const form = multipart(options.file);
      payload = form.body;
      headers['content-type'] = form.contentType;
    } else if (options.json !== undefined) {
      payload = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fastify.inject({ method, url, headers, payload, ...(options.remoteAddress && { remoteAddress: options.remoteAddress }) });
    const type = String(res.headers['content-type'] ?? '');
    const binary = !/json|text|javascript|yaml|xml|csv/.test(type);
    const text = binary ? res.rawPayload.toString('latin1') : res.body;
    let body: unknown;
    if (type.includes('json')) {
      try {
        body = JSON.parse(res.body);
      } catch {
        body = undefined;
      }
    }
    return { status: res.statusCode, headers: res.headers, text, raw: res.rawPayload, body };
  };
}

/** One file in a multipart/form-data body, as a browser would send it. */
export function multipart(file: Upload): { body: Buffer; contentType: string } {
  const boundary = `----nguon-test-${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
    `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), file.data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Throws unless 2xx; returns the body. For building fixtures, where a refusal is a broken test. */
export async function ok(res: Promise<Res>, what: string): Promise<Res['body']> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what} failed: ${r.status} ${r.text.slice(0, 500)}`);
  return r.body;
}

/** A random valid GTIN-13 with the Vietnamese prefix 893. */
export function newGtin(): string {
  const body = `893${String(randomBytes(4).readUInt32BE() % 1_000_000_000).padStart(9, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** A valid 10-digit Vietnamese tax code near `seed` (skipping prefixes whose check digit would be 10). */
export function taxCode(seed: number): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (let n = seed; ; n++) {
    const main = String(n).padStart(9, '0');
    const check = 10 - (weights.reduce((s, w, i) => s + w * Number(main[i]), 0) % 11);
    if (check < 10) return main + check;
  }
}

/** A minimal but real PDF (what a scanned certificate upload looks like to the server). */
export function tinyPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
}

export const hex = (bytes = 3) => randomBytes(bytes).toString('hex');

/**
 * Test speed only: passwords set from now on are hashed with scrypt N=2^10 instead of 2^15 (each
 * hash and each login with them then takes ~5 ms instead of ~170 ms). The stored format, and so
 * verification, is unchanged: the parameters are read from each hash. Not for tests about hashing
 * or login timing (auth-hardening keeps the real cost).
 */
export function cheapPasswordHashing(app: NestFastifyApplication): void {
  const hasher = app.get(PasswordHasher);
  hasher.hash = async (password: string) => {
    const salt = randomBytes(16);
    const key = await new Promise<Buffer>((resolve, reject) =>
      scrypt(password.normalize('NFC'), salt, 32, { N: 1024, r: 8, p: 1 }, (err, derived) => (err ? reject(err) : resolve(derived))),
    );
    return `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
  };
}
