import type { SandboxState } from './sandbox.state';
import type { SandboxAccount, SandboxFieldProblem, SandboxListingInput, SandboxMarketplace, SandboxRoute } from './sandbox.types';

export type SandboxErrorKind =
  | 'invalid_credentials'
  | 'token_missing'
  | 'token_invalid'
  | 'token_expired'
  | 'token_revoked'
  | 'rate_limited'
  | 'validation'
  | 'not_found'
  | 'duplicate'
  | 'business_blocked'
  | 'server_error'
  | 'bad_request';

/** What a route decided, before the marketplace's wire style is applied. */
export type SandboxOutcome =
  | { ok: true; httpStatus?: number; message?: string; data: unknown }
  | {
      ok: false;
      error: SandboxErrorKind;
      message: string;
      code?: string;
      /** Already in the marketplace's wire names. */
      fieldErrors?: SandboxFieldProblem[];
      retryAfter?: string;
      httpStatus?: number;
      data?: unknown;
    };

export interface RenderedResponse {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface SandboxRouteContext {
  state: SandboxState;
  body: Record<string, unknown>;
  query: Record<string, unknown>;
  params: Record<string, string>;
  /** The authenticated account; null only on the login route. */
  account: SandboxAccount | null;
}

export interface SandboxRouteSpec {
  route: SandboxRoute;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  handle(ctx: SandboxRouteContext): SandboxOutcome;
}

/** One marketplace's conventions: where the token goes, how answers and errors look. */
export interface SandboxStyle {
  marketplace: SandboxMarketplace;
  /** Lower-case, as Node exposes request headers. */
  tokenHeader: string;
  loginUsername(body: Record<string, unknown>): unknown;
  render(outcome: SandboxOutcome): RenderedResponse;
  routes: SandboxRouteSpec[];
}

export type WireFieldNames = Record<keyof SandboxListingInput, string>;

export function readListingInput(body: Record<string, unknown>, names: WireFieldNames): Partial<Record<keyof SandboxListingInput, unknown>> {
  const input: Partial<Record<keyof SandboxListingInput, unknown>> = {};
  for (const [key, wire] of Object.entries(names) as [keyof SandboxListingInput, string][]) input[key] = body[wire];
  return input;
}

/** "images[2]" → "IMAGES[2]" for Voso; unknown names pass through. */
export function toWireProblems(problems: SandboxFieldProblem[], names: WireFieldNames): SandboxFieldProblem[] {
  return problems.map((p) => {
    const head = p.field.match(/^[A-Za-z]+/)?.[0] ?? p.field;
    const wire = (names as Record<string, string>)[head];
    return wire ? { ...p, field: wire + p.field.slice(head.length) } : p;
  });
}

export const invalid = (fieldErrors: SandboxFieldProblem[]): SandboxOutcome => ({
  ok: false,
  error: 'validation',
  message: `Dữ liệu không hợp lệ: ${fieldErrors.map((f) => f.field).join(', ')}`,
  fieldErrors,
});

export const notFound = (): SandboxOutcome => ({ ok: false, error: 'not_found', message: 'Không tìm thấy sản phẩm' });

export const badRequest = (message: string): SandboxOutcome => ({ ok: false, error: 'bad_request', message });
