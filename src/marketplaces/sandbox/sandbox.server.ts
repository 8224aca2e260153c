import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { registerAdminRoutes } from './sandbox-admin.routes';
import { POSTMART_STYLE } from './sandbox-postmart.routes';
import { SandboxState } from './sandbox.state';
import { SandboxOutcome, SandboxStyle } from './sandbox-style';
import type { SandboxOptions, SandboxRequestLogEntry } from './sandbox.types';
import { VOSO_STYLE } from './sandbox-voso.routes';

// A stand-in for the Postmart and Voso partner APIs, for tests and local demos. Plain Fastify, no
// Nest: it is "the other side" and must not share the service's wiring, filters or config.

export interface RunningSandbox {
  /** "http://127.0.0.1:<port>"; adapters use `${url}/postmart` and `${url}/voso` as base URLs. */
  url: string;
  close(): Promise<void>;
  state: SandboxState;
}

const DEFAULT_HANG_MS = 30_000;

export async function startSandboxMarketplace(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const state = new SandboxState(options);
  const app = buildSandboxApp(state);
  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://${options.host ?? '127.0.0.1'}:${port}`, close: () => app.close(), state };
}

export function buildSandboxApp(state: SandboxState): FastifyInstance {
  // Hanging requests never finish on their own; closing must cut them rather than wait.
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const rawBodies = new WeakMap<IncomingMessage, string>();
  const entries = new WeakMap<IncomingMessage, SandboxRequestLogEntry>();
  const shutdown = new AbortController();
  const hangTimers = new Set<NodeJS.Timeout>();

  // The request log hashes the exact bytes the client sent, so parse JSON ourselves and keep them.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    rawBodies.set(req.raw, body as string);
    try {
      done(null, body === '' ? {} : JSON.parse(body as string));
    } catch (error) {
      (error as { statusCode?: number }).statusCode = 400;
      done(error as Error, undefined);
    }
  });
  app.addHook('onResponse', async (req, reply) => {
    const entry = entries.get(req.raw);
    if (entry) entry.status = reply.statusCode;
  });
  app.addHook('preClose', async () => {
    shutdown.abort();
    for (const timer of hangTimers) clearTimeout(timer);
  });

  const lifecycle: Lifecycle = {
    rawBody: (req) => rawBodies.get(req.raw),
    track: (req, entry) => entries.set(req.raw, entry),
    sleep: (ms) => sleep(ms, undefined, { signal: shutdown.signal }).catch(() => undefined),
    hang: (req, ms) => {
      const timer = setTimeout(() => {
        hangTimers.delete(timer);
        req.raw.socket?.destroy();
      }, ms);
      hangTimers.add(timer);
      req.raw.socket?.once('close', () => {
        clearTimeout(timer);
        hangTimers.delete(timer);
      });
    },
  };
  for (const style of [POSTMART_STYLE, VOSO_STYLE]) mountStyle(app, state, style, lifecycle);
  registerAdminRoutes(app, state);
  return app;
}

interface Lifecycle {
  rawBody(req: FastifyRequest): string | undefined;
  track(req: FastifyRequest, entry: SandboxRequestLogEntry): void;
  sleep(ms: number): Promise<unknown>;
  hang(req: FastifyRequest, ms: number): void;
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The order matters and is part of the contract: log → identify the account → rate limit → fault
 * rules → token check → route. Faults sit before the token check so a test can make any route fail,
 * logins included, whatever the token.
 */
function mountStyle(app: FastifyInstance, state: SandboxState, style: SandboxStyle, lifecycle: Lifecycle): void {
  const mp = style.marketplace;
  for (const spec of style.routes) {
    app.route({
      method: spec.method,
      url: `/${mp}${spec.url}`,
      handler: async (req: FastifyRequest, reply: FastifyReply) => {
        const raw = lifecycle.rawBody(req);
        const entry = state.logRequest({
          method: req.method,
          path: req.url.split('?')[0],
          marketplace: mp,
          route: spec.route,
          bodyHash: raw === undefined ? null : createHash('sha256').update(raw).digest('hex'),
        });
        lifecycle.track(req, entry);
        let clientGone = false;
        reply.raw.once('close', () => (clientGone = !reply.raw.writableFinished));
        const send = (outcome: SandboxOutcome) => {
          const rendered = style.render(outcome);
          return reply.code(rendered.status).headers(rendered.headers ?? {}).send(rendered.body);
        };
        const body = (req.body ?? {}) as Record<string, unknown>;

        const isLogin = spec.route === 'login';
        const auth = isLogin ? null : state.authenticate(mp, header(req.headers[style.tokenHeader]));
        const account = isLogin ? state.accountByUsername(mp, style.loginUsername(body)) : auth && 'account' in auth ? auth.account : null;
        entry.account = account?.accountId ?? null;

        if (account) {
          const bucket = state.takeRateToken(mp, account.accountId);
          if (!bucket.ok) return send({ ok: false, error: 'rate_limited', message: 'Vượt quá số yêu cầu cho phép mỗi giây', retryAfter: String(bucket.retryAfterSec) });
        }

        const fault = state.takeFault(mp, spec.route, account?.accountId ?? null);
        entry.faultId = fault?.id ?? null;
        switch (fault?.action.kind) {
          case 'rate_limit':
            return send({ ok: false, error: 'rate_limited', message: 'Vượt quá số yêu cầu cho phép', retryAfter: fault.action.retryAfter ?? '1' });
          case 'server_error':
            return send({ ok: false, error: 'server_error', message: 'Lỗi hệ thống, vui lòng thử lại', httpStatus: fault.action.status ?? 503 });
          case 'validation':
            return send({ ok: false, error: 'validation', message: 'Dữ liệu không hợp lệ', fieldErrors: fault.action.fieldErrors });
          case 'business_blocked':
            return send({ ok: false, error: 'business_blocked', message: fault.action.message ?? 'Gian hàng đang bị tạm khoá', code: fault.action.code });
          case 'token_revoked':
            if (account) state.revoke(account.accountId);
            return send({ ok: false, error: 'token_revoked', message: 'Phiên đăng nhập đã bị thu hồi' });
          case 'delay':
            await lifecycle.sleep(fault.action.delayMs);
            // The client gave up: like a server that notices the cancelled request, commit nothing.
            if (clientGone || reply.raw.destroyed) return reply.hijack();
            break;
        }

        if (auth && auth.status !== 'ok') {
          const error = auth.status === 'expired' ? 'token_expired' : auth.status === 'revoked' ? 'token_revoked' : auth.status === 'missing' ? 'token_missing' : 'token_invalid';
          return send({ ok: false, error, message: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn' });
        }
        const outcome = spec.handle({ state, body, query: req.query as Record<string, unknown>, params: req.params as Record<string, string>, account });
        if (fault?.action.kind === 'commit_then_hang') {
          // Persisted above; the answer is lost. The client sees a timeout or a dropped connection.
          lifecycle.hang(req, fault.action.hangMs ?? DEFAULT_HANG_MS);
          return reply.hijack();
        }
        return send(outcome);
      },
    });
  }
}
