import { Case, casesFor, KNOWN_ISSUES, Operation, pct, problemWith } from './fuzz-kit';
import type { FuzzResponse } from './fuzz-http';
import type { FuzzWorld } from './fuzz-world';

// The fuzzer's own checks, on made-up answers: a check that never fires would let every run pass.

const op = (over: Partial<Operation> = {}): Operation => ({
  key: 'POST /things/{id}',
  method: 'POST',
  path: '/things/{id}',
  pathParams: ['id'],
  query: [],
  bodySchema: 'CreateThingDto',
  properties: { name: { type: 'string' }, count: { type: 'number' }, address: { type: 'object' } },
  required: ['name'],
  multipart: false,
  secured: true,
  originPage: false,
  ...over,
});
const aCase = (over: Partial<Case> = {}): Case => ({ op: op(), role: 'admin', name: 'name ← number', field: 'name', ...over });
const answer = (status: number, json: unknown, headers: Record<string, string> = {}): FuzzResponse => ({
  status,
  json,
  text: JSON.stringify(json),
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r1', ...headers },
  ms: 1,
});
const error = (status: number, extra: Record<string, unknown> = {}) => ({ statusCode: status, code: 'X', message: 'Lỗi', requestId: 'r1', ...extra });

describe('fuzz kit checks', () => {
  it('passes a well-formed 4xx and flags 5xx and broken error bodies', () => {
    expect(problemWith(aCase(), answer(404, error(404)))).toBeUndefined();
    expect(problemWith(aCase(), answer(500, error(500)))).toBe('5xx');
    expect(problemWith(aCase(), answer(400, { statusCode: 400, code: 'X', message: 'm' }))).toMatch(/lacks requestId/);
    expect(problemWith(aCase(), answer(400, error(409)))).toMatch(/statusCode 409/);
    expect(problemWith(aCase(), answer(400, error(400), { 'x-request-id': 'other' }))).toMatch(/X-Request-Id/);
    expect(problemWith(aCase(), { ...answer(400, undefined), text: '<html>', headers: { 'content-type': 'text/html' } })).toMatch(/without the JSON error body/);
  });

  it('lets origin pages answer consumers with a page', () => {
    const page = aCase({ op: op({ originPage: true }) });
    expect(problemWith(page, { ...answer(404, undefined), headers: { 'content-type': 'text/html; charset=utf-8' } })).toBeUndefined();
    expect(problemWith(page, answer(404, { verdict: 'unknown' }))).toBeUndefined();
  });

  it('requires a validation error to name the broken field, nested or not', () => {
    const named = (field: string) => answer(400, error(400, { code: 'VALIDATION_FAILED', message: 'Invalid input', details: [{ field, message: 'bad' }] }));
    expect(problemWith(aCase(), named('name'))).toBeUndefined();
    expect(problemWith(aCase({ field: 'items.0.price' }), named('items[0].price'))).toBeUndefined();
    expect(problemWith(aCase({ field: 'address.communeCode' }), named('address'))).toBeUndefined();
    expect(problemWith(aCase(), named('count'))).toMatch(/does not name "name"/);
    // …unless the valid request fails the same way (state, not this case).
    expect(problemWith(aCase(), named('count'), named('count'))).toBeUndefined();
  });

  it('flags Vietnamese sentences in an English answer, not quoted input', () => {
    expect(problemWith(aCase({ field: undefined }), answer(400, error(400, { message: 'Dữ liệu không hợp lệ' })), undefined, 'en')).toMatch(/Vietnamese/);
    expect(problemWith(aCase({ field: undefined }), answer(400, error(400, { message: 'No column “Tên không dấu”' })), undefined, 'en')).toBeUndefined();
  });

  it('builds cases that break one thing each, deterministically', () => {
    const world = { param: () => '3f1c9e2a-7b4d-4c8e-9a1f-0d2e3c4b5a69', body: () => ({ name: 'x', count: 1, address: { communeCode: 1 } }) } as unknown as FuzzWorld;
    const cases = casesFor(op(), 'admin', world);
    expect(cases[0].name).toBe('baseline');
    expect(casesFor(op(), 'admin', world).map((c) => c.name)).toEqual(cases.map((c) => c.name));
    const names = cases.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['path id=traversal', 'missing name', 'extra field fuzzUnknown', 'name ← number', 'count ← string', 'address.communeCode ← null', 'name ← 100k chars']));
    const broken = cases.find((c) => c.name === 'address.communeCode ← string')!;
    expect(JSON.parse(String(broken.body))).toEqual({ name: 'x', count: 1, address: { communeCode: 'fuzz' } });
    expect(cases.filter((c) => c.name.startsWith('path ')).every((c) => c.field === 'id')).toBe(true);
    expect(casesFor(op(), 'manager', world, 'scoped').length).toBeLessThan(cases.length / 2);
  });

  it('encodes any string for a URL, lone surrogates too', () => {
    expect(pct('../a b')).toBe('..%2Fa%20b');
    expect(pct('\u0000')).toBe('%00');
    expect(pct('\ud800')).toBe('%EF%BF%BD');
  });

  it('has no known issue left: every problem the fuzzer finds fails the run', () => {
    expect(KNOWN_ISSUES).toEqual([]);
  });
});
