import type { FastifyInstance } from 'fastify';
import { SandboxState } from './sandbox.state';
import { SANDBOX_MARKETPLACES, SANDBOX_ROUTES, SandboxFaultRuleInput, SandboxRoute } from './sandbox.types';

// Test controls. No auth: the sandbox binds to loopback and holds no real data.

const FAULT_KINDS = ['rate_limit', 'server_error', 'delay', 'commit_then_hang', 'validation', 'token_revoked', 'business_blocked'];

function faultProblems(input: SandboxFaultRuleInput): string[] {
  const problems: string[] = [];
  if (input.marketplace && !SANDBOX_MARKETPLACES.includes(input.marketplace)) problems.push('marketplace');
  if (input.route && input.route !== '*' && !SANDBOX_ROUTES.includes(input.route)) problems.push('route');
  if (!input.action || !FAULT_KINDS.includes(input.action.kind)) problems.push('action.kind');
  if (input.action?.kind === 'delay' && !(Number(input.action.delayMs) > 0)) problems.push('action.delayMs');
  if (input.action?.kind === 'validation' && !Array.isArray(input.action.fieldErrors)) problems.push('action.fieldErrors');
  return problems;
}

export function registerAdminRoutes(app: FastifyInstance, state: SandboxState): void {
  app.get('/__admin/state', async () => state.snapshot());

  app.post('/__admin/reset', async () => {
    state.reset();
    return { ok: true };
  });

  app.post('/__admin/accounts', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!SANDBOX_MARKETPLACES.includes(body.marketplace as never) || typeof body.username !== 'string' || typeof body.password !== 'string') {
      return reply.code(400).send({ message: 'marketplace (postmart|voso), username and password are required' });
    }
    const account = state.addAccount({
      marketplace: body.marketplace as 'postmart' | 'voso',
      username: body.username,
      password: body.password,
      customerCode: typeof body.customerCode === 'string' ? body.customerCode : null,
      accountId: typeof body.accountId === 'string' ? body.accountId : undefined,
    });
    return reply.code(201).send({ accountId: account.accountId, marketplace: account.marketplace, username: account.username });
  });

  app.post('/__admin/accounts/:accountId/revoke', async (req, reply) => {
    const { accountId } = req.params as { accountId: string };
    const credentials = ((req.body ?? {}) as { credentials?: unknown }).credentials === true;
    if (!state.revoke(accountId, credentials)) return reply.code(404).send({ message: `unknown account ${accountId}` });
    return { ok: true, accountId, credentials };
  });

  app.get('/__admin/faults', async () => ({ faults: state.faults }));
  app.post('/__admin/faults', async (req, reply) => {
    const input = (req.body ?? {}) as SandboxFaultRuleInput;
    const problems = faultProblems(input);
    if (problems.length > 0) return reply.code(400).send({ message: `invalid fault rule: ${problems.join(', ')}` });
    return reply.code(201).send(state.addFault(input));
  });
  app.delete('/__admin/faults', async () => {
    state.removeFault();
    return { ok: true };
  });
  app.delete('/__admin/faults/:id', async (req) => {
    state.removeFault((req.params as { id: string }).id);
    return { ok: true };
  });

  app.get('/__admin/requests', async (req) => {
    const q = req.query as { marketplace?: string; route?: SandboxRoute; account?: string };
    const requests = state.requests.filter(
      (r) => (!q.marketplace || r.marketplace === q.marketplace) && (!q.route || r.route === q.route) && (!q.account || r.account === q.account),
    );
    return { requests };
  });

  app.patch('/__admin/config', async (req) => {
    const body = (req.body ?? {}) as Partial<{ tokenTtlSec: number; rateLimit: { requestsPerSecond: number; burst?: number }; review: Partial<SandboxState['config']['review']> }>;
    const c = state.config;
    if (typeof body.tokenTtlSec === 'number') c.tokenTtlSec = body.tokenTtlSec;
    if (body.rateLimit) c.rateLimit = { requestsPerSecond: body.rateLimit.requestsPerSecond, burst: body.rateLimit.burst ?? body.rateLimit.requestsPerSecond };
    if (body.review) c.review = { ...c.review, ...body.review };
    return c;
  });

  app.post('/__admin/clock', async (req) => {
    const advanceMs = Number(((req.body ?? {}) as { advanceMs?: unknown }).advanceMs ?? 0);
    state.advanceClock(advanceMs);
    return { now: new Date(state.now()).toISOString() };
  });
}
