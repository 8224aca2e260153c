import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { FuzzHttp, FuzzResponse, pool } from './fuzz-http';
import type { FuzzWorld, Role } from './fuzz-world';

// The request fuzzer: walks the OpenAPI document, breaks each operation's input in one place at a time
// (path parameters, query parameters, JSON body and each of its fields), and checks the answer against
// the API's error contract. Deterministic for a seed; the seed and the count are printed.
//
// Knobs (environment, tests only):
//   FUZZ_SEED=n          another seed (default below); a failure replays with the seed it printed
//   FUZZ_RUNS=n          samples per field and random cases per operation (default 1; 8+ for a long run)
//   FUZZ_ONLY=regex      only operations whose "METHOD /path" matches
//   FUZZ_CONCURRENCY=n   requests in flight (default 4)
//   FUZZ_STRICT=1        fail on the known issues too (see KNOWN_ISSUES)
//   FUZZ_REPORT=dir      write every failure and every case's answer as JSON there
//   FUZZ_LOG_LEVEL=error show the server's log (the stack of each 5xx)

/* ------------------------------------------------------------------ settings */

const envInt = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
};

export const FUZZ_SEED = envInt('FUZZ_SEED', 20_250_701);
/** Samples per property from the nasty-string pool, and random fast-check cases per operation. */
export const FUZZ_RUNS = Math.max(1, envInt('FUZZ_RUNS', 1));
export const FUZZ_CONCURRENCY = Math.max(1, envInt('FUZZ_CONCURRENCY', 4));
const FUZZ_ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
/** True when FUZZ_ONLY narrows the run (checks about the whole run are then skipped). */
export const FUZZ_NARROWED = Boolean(FUZZ_ONLY);

/* ------------------------------------------------------------------ deterministic randomness */

export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0001')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: small, fast and good enough to pick cases. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)];
    },
    sample<T>(items: readonly T[], n: number): T[] {
      const copy = [...items];
      const out: T[] = [];
      while (out.length < n && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
  };
}

/* ------------------------------------------------------------------ value pools */

export const INJECTIONS = [
  "' OR 1=1 --",
  "'; DROP TABLE cooperative; --",
  '" OR ""="',
  "1' AND pg_sleep(5) --",
  '{"$gt": ""}',
  '{{7*7}}',
  "{{constructor.constructor('return process')()}}",
  '${7*7}',
  '<%= 7*7 %>',
  '#{7*7}',
  '{{> partial}}{{#each this}}x{{/each}}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '%2e%2e%2f',
  '..\\..\\windows\\win.ini',
  "=cmd|' /C calc'!A0",
  'http://169.254.169.254/latest/meta-data/',
];

export const ODD_UNICODE = [
  '\u0000',
  'a\u0000b',
  '\u202egnp.exe',
  'a\u0301\u0301\u0301',
  '🌾🇻🇳👩‍🌾',
  '\ufeffBOM',
  'zero\u200bwidth',
  'Ｈà Ｎội',
  'lone\ud800surrogate',
  '\u0085\u2028\u2029',
  '\r\n\t',
  ' ',
  '',
  'Hợp tác xã Tân Minh Đức'.normalize('NFD'),
  '\uffff\ufffe',
  '𝕳𝖔𝖕 𝖙𝖆́𝖈',
];

export const NASTY_STRINGS = [...INJECTIONS, ...ODD_UNICODE];

/**
 * Values put in place of a path parameter, URL-encoded unless raw. Core values go to every parameter;
 * FUZZ_RUNS of the extra ones, picked per operation, join them.
 */
export interface BadParam {
  label: string;
  value: string;
  raw?: boolean;
}

export const CORE_PARAMS: BadParam[] = [
  { label: 'abc', value: 'abc' },
  { label: '-1', value: '-1' },
  { label: '1e309', value: '1e309' },
  { label: 'traversal', value: '../../etc/passwd' },
  { label: 'raw %2e%2e%2f', value: '%2e%2e%2f', raw: true },
  { label: 'raw %00', value: '%00', raw: true },
  { label: 'raw %zz', value: '%zz', raw: true },
  { label: 'sql', value: "' OR 1=1 --" },
  { label: 'template', value: '{{7*7}}' },
  { label: 'long 100', value: 'a'.repeat(100) },
  { label: 'long 5000', value: 'a'.repeat(5000) },
  { label: 'uuid bad char', value: '00000000-0000-0000-0000-00000000000g' },
  { label: 'uuid unknown', value: '3f1c9e2a-7b4d-4c8e-9a1f-0d2e3c4b5a69' },
  { label: 'NUL', value: '\u0000' },
  { label: 'RTL', value: '\u202e' },
  { label: 'combining', value: 'a\u0301\u0301\u0301' },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// (The router answers 'raw %zz' and 'long 5000' before any route code: the other parameters cover them.)
const UUID_CORE = new Set(['abc', 'traversal', 'raw %2e%2e%2f', 'raw %00', 'NUL', 'uuid bad char', 'uuid unknown']);

export const EXTRA_PARAMS: BadParam[] = [
  { label: '0', value: '0' },
  { label: '1.5', value: '1.5' },
  { label: '2^64', value: '18446744073709551616' },
  { label: 'raw %', value: '%', raw: true },
  { label: 'template ${}', value: '${7*7}' },
  { label: 'uuid short', value: '12345678-1234-1234-1234-1234567890a' },
  { label: 'uuid braces', value: '{12345678-1234-1234-1234-1234567890ab}' },
  { label: 'uuid nil', value: '00000000-0000-0000-0000-000000000000' },
  { label: 'uuid max', value: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
  { label: 'emoji', value: '🌾' },
  { label: '__proto__', value: '__proto__' },
  { label: 'constructor', value: 'constructor' },
  { label: 'space', value: ' ' },
  { label: 'lone surrogate', value: '\ud800' },
];

/** Percent-encodes every byte outside the unreserved set (works for lone surrogates too). */
export function pct(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const HUGE_STRING = 'x'.repeat(100_000);
const HUGE_STRING_VI = 'ệ'.repeat(100_000);
const HUGE_ARRAY = Array.from({ length: 10_000 }, (_, i) => i);
const HUGE_ARRAY_OF_OBJECTS = Array.from({ length: 10_000 }, () => ({}));

const WRONG_TYPES: { type: string; value: unknown }[] = [
  { type: 'number', value: 12345 },
  { type: 'string', value: 'fuzz' },
  { type: 'object', value: { fuzz: 1 } },
  { type: 'array', value: [1, 'a'] },
  { type: 'null', value: null },
  { type: 'boolean', value: true },
];

const NUMBER_EDGES = [-1, 0, 0.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, 1e21, 1.0000001];

/** JSON text nested `depth` levels deep (built as text: JSON.stringify would overflow the stack). */
function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/* ------------------------------------------------------------------ OpenAPI */

interface SchemaObject {
  type?: string;
  $ref?: string;
  allOf?: SchemaObject[];
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  format?: string;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, {
    parameters?: { name: string; in: string; required?: boolean; schema?: SchemaObject }[];
    requestBody?: { content: Record<string, { schema?: SchemaObject }> };
    security?: unknown[];
  }>>;
  components: { schemas: Record<string, SchemaObject> };
}

export interface Operation {
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; schema: SchemaObject }[];
  /** Name of the JSON body schema, when documented. */
  bodySchema?: string;
  properties: Record<string, SchemaObject>;
  required: string[];
  multipart: boolean;
  secured: boolean;
  /** Public origin pages answer with an HTML (or JSON) page for consumers, not the API error body. */
  originPage: boolean;
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (path.startsWith('/docs')) continue;
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      const json = op.requestBody?.content['application/json']?.schema;
      const ref = json?.$ref ?? json?.allOf?.[0]?.$ref;
      const bodySchema = ref?.split('/').pop();
      const schema = bodySchema ? doc.components.schemas[bodySchema] : undefined;
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        // The document may leave out a path parameter; the path itself is the truth.
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        bodySchema,
        properties: schema?.properties ?? {},
        required: schema?.required ?? [],
        multipart: Boolean(op.requestBody?.content['multipart/form-data']),
        secured: Boolean(op.security?.length),
        originPage: /^\/(01|s)\//.test(path),
      });
    }
  }
  // Reads first, then writes, deletes last: a case that deletes a fixture must not blind the others.
  const order = (m: string) => ({ GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 })[m] ?? 1;
  return ops.filter((op) => !FUZZ_ONLY || FUZZ_ONLY.test(op.key)).sort((a, b) => order(a.method) - order(b.method));
}

function schemaType(s: SchemaObject | undefined): string | undefined {
  if (!s) return undefined;
  if (s.enum) return 'enum';
  if (s.$ref || s.allOf) return 'object';
  return s.type;
}

/* ------------------------------------------------------------------ cases */

export interface Case {
  op: Operation;
  role: Role;
  name: string;
  /** Path parameter values to use instead of the valid ones (already encoded for the wire). */
  wireParams?: Record<string, string>;
  query?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The field the case broke: a validation error must name it. */
  field?: string;
}

type Json = Record<string, unknown>;

function setPath(target: Json, path: (string | number)[], value: unknown): Json {
  const copy = structuredClone(target) as Json;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

function deletePath(target: Json, path: (string | number)[]): Json {
  const copy = structuredClone(target) as Json;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  delete node[path[path.length - 1]];
  return copy;
}

/** Every path inside a valid body down to its leaves: ['address'], ['address', 'communeCode'], ['items', 0, 'priceVnd']… */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.slice(0, 1).flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value && typeof value === 'object') {
    // GeoJSON coordinates are a deep numeric array; its first level is enough.
    if (prefix[prefix.length - 1] === 'coordinates') return [];
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  }
  return [];
}

const fieldName = (path: (string | number)[]) => path.map(String).join('.');

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * "full" breaks everything; "scoped" (the second, non-admin pass) keeps what gets past the framework and
 * the DTO checks to the role-dependent service code: path ids, query filters, values of the right type.
 */
export type Profile = 'full' | 'scoped';

export function casesFor(op: Operation, role: Role, world: FuzzWorld, profile: Profile = 'full'): Case[] {
  const rnd = prng(hashSeed(FUZZ_SEED, role, op.key));
  const full = profile === 'full';
  const cases: Case[] = [];
  const add = (c: Omit<Case, 'op' | 'role'>) => cases.push({ op, role, ...c });
  const base = world.body(op.key, op.bodySchema);
  const hasBody = !['GET', 'DELETE'].includes(op.method);
  const json = (v: unknown) => ({ headers: JSON_HEADERS, body: JSON.stringify(v) });
  const withBase = (c: Omit<Case, 'op' | 'role'>) => add(base && !c.body ? { ...json(base), ...c } : c);

  // The request as the fixtures make it valid: what the other cases are compared with.
  withBase({ name: 'baseline' });

  // Path parameters. A UUID parameter goes through the one UuidParam pipe, so it gets the values that
  // reach different code (router, pipe, lookup) and a sample of the rest; other parameters get them all.
  for (const param of op.pathParams) {
    const uuid = UUID.test(world.param(op.key, param) ?? '');
    const core = uuid ? CORE_PARAMS.filter((p) => UUID_CORE.has(p.label)) : CORE_PARAMS;
    const rest = uuid ? [...CORE_PARAMS.filter((p) => !UUID_CORE.has(p.label)), ...EXTRA_PARAMS] : EXTRA_PARAMS;
    const bad = full ? [...core, ...rnd.sample(rest, FUZZ_RUNS)] : core.filter((p) => !p.raw && p.value.length <= 100);
    for (const b of bad) withBase({ name: `path ${param}=${b.label}`, wireParams: { [param]: b.raw ? b.value : pct(b.value) }, field: param });
  }

  // The Authorization header: every failure a 401 in the error contract.
  if (full && op.secured) {
    const alg = (a: string) => Buffer.from(JSON.stringify({ alg: a, typ: 'JWT' })).toString('base64url');
    const claims = Buffer.from(JSON.stringify({ sub: '00000000-0000-0000-0000-000000000000', role: 'admin' })).toString('base64url');
    const bad = ['Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', 'Bearer a.b.c', `Bearer ${alg('none')}.${claims}.`, `Bearer ${alg('HS256')}.${claims}.AAAA`, `Bearer ${'x'.repeat(8000)}`, "Bearer ' OR 1=1 --", 'Bearer ../../etc/passwd'];
    for (const value of rnd.sample(bad, FUZZ_RUNS)) withBase({ name: `authorization ${JSON.stringify(value).slice(0, 30)}`, headers: { ...(base ? JSON_HEADERS : {}), authorization: value } });
  }

  // Query parameters.
  for (const { name, schema } of op.query) {
    const type = schemaType(schema);
    const values: string[] =
      type === 'number' || type === 'integer'
        ? ['abc', '-1', '0', '1.5', '1e300', '99999999999999999999', '2147483648', ...rnd.sample(['1e309', '9007199254740993', '0x10', 'Infinity', 'NaN', '-0', '', ' ', "' OR 1=1 --"], FUZZ_RUNS)]
        : type === 'boolean'
          ? ['maybe', '', ...rnd.sample(['2', 'TRUE ', "' OR 1=1 --"], FUZZ_RUNS)]
          : ['bogus', 'x'.repeat(8000), '\u0000', '\ud800', '2025-02-30', ...rnd.sample(['', ' ', '00000000-0000-0000-0000-00000000000g', ...NASTY_STRINGS], FUZZ_RUNS + 1)];
    for (const v of full ? values : values.slice(0, 4)) add({ name: `query ${name}=${JSON.stringify(v).slice(0, 40)}`, query: `${name}=${pct(v)}`, field: name });
    if (!full) continue;
    add({ name: `query ${name} twice`, query: `${name}=1&${name}=2`, field: name });
    add({ name: `query ${name}[]`, query: `${name}[]=1&${name}[a]=2`, field: name });
  }
  if (op.query.length && full) {
    add({ name: 'query unknown field', query: 'fuzzUnknown=1', field: 'fuzzUnknown' });
    add({ name: 'query __proto__', query: '__proto__=1&constructor=2', field: '__proto__' });
  }

  if (!hasBody) return cases;

  // Whole-body cases: any body-taking route, documented body or not. Fastify answers most of them
  // before any role-dependent code, so the scoped pass leaves them out.
  const raw = (name: string, body: string | Buffer, headers: Record<string, string> = JSON_HEADERS) => add({ name, body, headers });
  if (full) {
    // Parsed by Fastify the same way for every route: a few per route, all of them over the run.
    const unparsable: [string, string | Buffer, Record<string, string>?][] = [
      ['malformed json {"a":', '{"a":'],
      ['malformed json [', '['],
      ['malformed json nul', 'nul'],
      ['malformed json trailing garbage', '{"a":1}garbage'],
      ['empty json body', ''],
      ['json with BOM', '\ufeff{}'],
      ['json in latin-1 bytes', Buffer.from([0x7b, 0x22, 0x6e, 0xe9, 0x22, 0x3a, 0x31, 0x7d])],
      ['__proto__ pollution', '{"__proto__":{"isAdmin":true}}'],
      ['constructor pollution', '{"constructor":{"prototype":{"isAdmin":true}}}'],
      ['text/plain body', '{"a":1}', { 'content-type': 'text/plain' }],
      ['xml body', '<a>1</a>', { 'content-type': 'application/xml' }],
      ['json charset utf-16', '{}', { 'content-type': 'application/json; charset=utf-16' }],
      ['no content-type', '{"a":1}', {}],
    ];
    for (const [name, body, headers] of rnd.sample(unparsable, FUZZ_RUNS + 2)) raw(name, body, headers);
    raw('form body', 'a=1&b=%00&c[d]=2', { 'content-type': 'application/x-www-form-urlencoded' });
    for (const top of [[], [base ?? {}], 42, '"text"', null, true]) add({ name: `top-level ${JSON.stringify(top).slice(0, 20)}`, ...json(top) });
    // Deep nesting fails the same way on every route (the global pipe): some routes per run.
    if (rnd.next() < 0.2 * FUZZ_RUNS) {
      const firstProp = JSON.stringify(Object.keys(op.properties)[0] ?? 'a');
      raw('deep array 5000', `{${firstProp}:${deepJson(5000, 'array')}}`);
      raw('deep object 5000', `{${firstProp}:${deepJson(5000, 'object')}}`);
    }
  }
  if (op.multipart) return cases;

  const body = base ?? {};
  // Extra unknown fields (forbidNonWhitelisted must name them).
  for (const extra of full ? ['fuzzUnknown', 'isAdmin', 'id', 'createdAt'] : ['cooperativeId']) {
    if (!(extra in op.properties)) add({ name: `extra field ${extra}`, ...json({ ...body, [extra]: true }), field: extra });
  }
  if (!op.bodySchema && !base) return cases;

  // Required fields missing, one at a time and all at once.
  for (const name of op.required) add({ name: `missing ${name}`, ...json(deletePath(body, [name])), field: name });
  if (op.required.length && full) add({ name: 'empty object', ...json({}), field: op.required[0] });
  // Duplicate keys: the last one wins in JSON.parse; it must be validated like any other value.
  const firstKey = Object.keys(body)[0];
  if (firstKey && full) raw(`duplicate key ${firstKey}`, `${JSON.stringify(body).slice(0, -1)},"${firstKey}":{"x":[1]}}`);

  // Each field: documented properties (present in the valid body or not) and nested leaves of the valid body.
  const paths = new Map<string, { path: (string | number)[]; type: string | undefined }>();
  for (const [name, schema] of Object.entries(op.properties)) paths.set(name, { path: [name], type: schemaType(schema) });
  for (const path of pathsOf(body)) {
    const key = fieldName(path);
    if (paths.has(key)) continue;
    const value = path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], body);
    paths.set(key, { path, type: Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value });
  }
  for (const [field, { path, type }] of paths) {
    const put = (name: string, value: unknown) => add({ name: `${field} ← ${name}`, ...json(setPath(body, path, value)), field });
    put('null', null);
    if (type === 'number' || type === 'integer') for (const n of rnd.sample(NUMBER_EDGES, FUZZ_RUNS + (full ? 3 : 1))) put(String(n), n);
    if (type === 'string' || type === 'enum' || type === 'object') {
      put('NUL', `a\u0000b`);
      for (const v of rnd.sample(NASTY_STRINGS, FUZZ_RUNS + (full ? 1 : 0))) put(JSON.stringify(v).slice(0, 30), v);
    }
    if (!full) continue;
    for (const wrong of WRONG_TYPES) {
      if (wrong.type === 'null' || wrong.type === type || (wrong.type === 'number' && type === 'integer')) continue;
      put(wrong.type, wrong.value);
    }
    if (type === 'object' || type === 'enum') put('{}', {});
    if (type === 'array') put('[]', []);
    if (type === 'array') {
      put('10k items', rnd.next() < 0.5 ? HUGE_ARRAY : HUGE_ARRAY_OF_OBJECTS);
      put('[null]', [null]);
      put('[{}]', [{}]);
    } else {
      put('100k chars', rnd.next() < 0.5 ? HUGE_STRING : HUGE_STRING_VI);
    }
  }

  // Random values from fast-check, seeded per operation so a failure replays with the same seed.
  const anything = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.double(),
    fc.integer(),
    fc.constantFrom(...NASTY_STRINGS),
  );
  const fields = [...paths.values()];
  const samples = fc.sample(fc.tuple(fc.nat(), anything), { seed: hashSeed(FUZZ_SEED, 'fc', role, op.key), numRuns: FUZZ_RUNS * (full ? 2 : 1) });
  for (const [i, value] of samples) {
    if (!fields.length) break;
    const { path } = fields[i % fields.length];
    add({ name: `random ${fieldName(path)} ← ${JSON.stringify(value)?.slice(0, 40)}`, ...json(setPath(body, path, value)), field: fieldName(path) });
  }
  return cases;
}

/* ------------------------------------------------------------------ checking */

export interface Failure {
  op: string;
  role: Role;
  name: string;
  status: number;
  problem: string;
  request: string;
  excerpt: string;
}

const VIETNAMESE_WORDS = /(^|[\s,.:;(])(không|phải|được|của|hoặc|cần|chưa|trong|này|với|hợp lệ|dữ liệu|vui lòng)(?=$|[\s,.:;)])/iu;

const normaliseField = (f: string) => f.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

interface ErrorBodyShape {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
  details?: { field?: unknown }[];
  requestId?: unknown;
  verdict?: unknown;
}

/** What is wrong with a response to a case, or undefined. */
export function problemWith(c: Case, res: FuzzResponse, baseline?: FuzzResponse, lang: 'vi' | 'en' = 'vi'): string | undefined {
  if (res.status >= 500) return '5xx';
  if (res.status < 400) return undefined;
  const type = String(res.headers['content-type'] ?? '');
  const body = res.json as ErrorBodyShape | undefined;
  // Consumers scanning a stamp get a page (HTML, or the page's JSON on Accept), by design.
  if (c.op.originPage && (type.startsWith('text/html') || (body && 'verdict' in body))) return undefined;
  if (!type.includes('application/json') || !body || typeof body !== 'object') return `4xx without the JSON error body (content-type ${type || 'none'})`;
  const missing = ['statusCode', 'code', 'message', 'requestId'].filter((k) => !(k in body));
  if (missing.length) return `error body lacks ${missing.join(', ')}`;
  if (body.statusCode !== res.status) return `statusCode ${String(body.statusCode)} ≠ HTTP ${res.status}`;
  if (typeof body.code !== 'string' || !body.code) return 'empty code';
  if (typeof body.message !== 'string' || !body.message.trim()) return 'empty message';
  if (typeof body.requestId !== 'string' || !body.requestId) return 'empty requestId';
  if (body.requestId !== res.headers['x-request-id']) return 'requestId differs from X-Request-Id';
  if (body.details !== undefined && (!Array.isArray(body.details) || body.details.some((d) => typeof d?.field !== 'string' || typeof (d as { message?: unknown }).message !== 'string'))) {
    return 'details is not a list of {field, message}';
  }
  // Asked in English, answered in English: a Vietnamese sentence (outside quotes, which may hold the
  // input, column headers or a decision number) is a missing translation.
  if (lang === 'en') {
    const texts = [body.message, ...(body.details ?? []).map((d) => String((d as { message?: unknown }).message))];
    const leaked = texts.find((t) => VIETNAMESE_WORDS.test(t.replace(/“[^”]*”|"[^"]*"|‘[^’]*’/g, '')));
    if (leaked) return `Vietnamese in an English answer: ${leaked.slice(0, 80)}`;
  }
  const validation = res.status === 400 && (body.code === 'VALIDATION_FAILED' || Array.isArray(body.details));
  if (!validation || !c.field) return undefined;
  const fields = (body.details ?? []).map((d) => normaliseField(String(d.field ?? ''))).filter(Boolean);
  const broken = normaliseField(c.field);
  if (fields.some((f) => related(f, broken))) return undefined;
  // Or by name in a message (a cross-field rule: "fromSeq ≤ toSeq", reported on toSeq).
  const messages = [body.message, ...(body.details ?? []).map((d) => String((d as { message?: unknown }).message ?? ''))];
  if (messages.some((m) => m.includes(c.field!) || m.includes(broken))) return undefined;
  // A state-dependent failure the valid request gets too (say a date rule against today) is not this case's.
  const before = baseline?.json as ErrorBodyShape | undefined;
  if (baseline?.status === 400 && before?.code === body.code) {
    const was = (before.details ?? []).map((d) => normaliseField(String(d.field ?? '')));
    if (fields.every((f) => was.includes(f))) return undefined;
  }
  return `validation error does not name "${c.field}" (details: ${fields.join(', ') || 'none'})`;
}

/* ------------------------------------------------------------------ known issues */

/**
 * Problems whose fix belongs in files this suite may not change (src/app.factory.ts): counted and
 * printed, not failed, unless FUZZ_STRICT=1. A known issue that no longer shows up fails the admin run,
 * so the entry is removed once the fix lands.
 */
export interface KnownIssue {
  id: string;
  fix: string;
  matches(c: Case, res: FuzzResponse | undefined, problem: string): boolean;
}

export const KNOWN_ISSUES: KnownIssue[] = [];

export const FUZZ_STRICT = process.env.FUZZ_STRICT === '1';

/* ------------------------------------------------------------------ running */

export interface RunSummary {
  requests: number;
  fiveXx: number;
  failures: Failure[];
  relogins: number;
  known: Record<string, number>;
  ms: number;
}

export class FuzzRunner {
  readonly http: FuzzHttp;
  readonly failures: Failure[] = [];
  fiveXx = 0;
  relogins = 0;
  /** Responses that matched a known issue, by issue id. */
  readonly known = new Map<string, number>();
  private readonly started = Date.now();
  private readonly tokens: Record<Role, string>;

  constructor(private readonly world: FuzzWorld) {
    this.http = new FuzzHttp(world.baseUrl, FUZZ_CONCURRENCY * 2);
    this.tokens = { ...world.tokens };
  }

  private wire(c: Case): { path: string; headers: Record<string, string>; lang: 'vi' | 'en' } {
    let path = c.op.path;
    for (const name of c.op.pathParams) {
      const value = c.wireParams?.[name] ?? pct(this.world.param(c.op.key, name) ?? `missing-${name}`);
      path = path.replace(`{${name}}`, value);
    }
    if (c.query) path += `?${c.query}`;
    const headers: Record<string, string> = { ...(c.headers ?? {}) };
    headers.authorization ??= `Bearer ${this.tokens[c.role]}`;
    // Alternate languages and, on origin pages, HTML and JSON.
    const odd = hashSeed(c.op.key, c.name) % 2 === 1;
    const lang = odd ? 'en' : 'vi';
    headers['accept-language'] ??= lang;
    headers.accept ??= c.op.originPage && odd ? 'application/json' : 'application/json, text/html;q=0.9, */*;q=0.8';
    return { path, headers, lang: headers['accept-language'] === 'en' ? 'en' : lang };
  }

  async send(c: Case) {
    const { path, headers, lang } = this.wire(c);
    let res = await this.http.send({ method: c.op.method, path, headers, body: c.body });
    if (res.status === 401 && c.op.secured && !c.headers?.authorization && (await this.relogin(c.role))) {
      res = await this.http.send({ method: c.op.method, path, headers: { ...headers, authorization: `Bearer ${this.tokens[c.role]}` }, body: c.body });
    }
    return { res, path, lang };
  }

  /** When a case ended the session (it should not), log in again so the run goes on; true if it did. */
  private async relogin(role: Role): Promise<boolean> {
    const me = await this.http.send({ method: 'GET', path: '/auth/me', headers: { authorization: `Bearer ${this.tokens[role]}` } });
    if (me.status !== 401) return false;
    const { login, password } = this.world.credentials[role];
    const res = await this.http.send({ method: 'POST', path: '/auth/login', headers: JSON_HEADERS, body: JSON.stringify({ login, password }) });
    if (res.status !== 200) throw new Error(`fuzz: re-login as ${role} failed: ${res.status} ${res.text.slice(0, 200)}`);
    this.tokens[role] = (res.json as { accessToken: string }).accessToken;
    this.relogins++;
    return true;
  }

  record(c: Case, path: string, res: FuzzResponse | undefined, problem: string) {
    const known = KNOWN_ISSUES.find((k) => k.matches(c, res, problem));
    if (known) {
      this.known.set(known.id, (this.known.get(known.id) ?? 0) + 1);
      if (!FUZZ_STRICT) return;
    }
    if (problem === '5xx') this.fiveXx++;
    const body = c.body === undefined ? '' : ` body=${(Buffer.isBuffer(c.body) ? `<${c.body.length} bytes>` : c.body).slice(0, 160)}`;
    this.failures.push({
      op: c.op.key,
      role: c.role,
      name: c.name,
      status: res?.status ?? 0,
      problem,
      request: `${c.op.method} ${path.slice(0, 200)}${body}`,
      excerpt: (res?.text ?? '').slice(0, 300),
    });
  }

  /** Sends every case of an operation: the baseline first, then the rest with some concurrency. */
  async runCases(cases: Case[]) {
    const started = Date.now();
    try {
      await this.runAll(cases);
    } finally {
      const key = cases[0] ? `${cases[0].role} ${cases[0].op.key}` : '';
      this.opStats[key] = { cases: cases.length, ms: Date.now() - started };
    }
  }

  /** Every case and its answer, kept only for FUZZ_REPORT. */
  readonly trace: string[] | undefined = process.env.FUZZ_REPORT ? [] : undefined;

  /** Time and case count per operation, for FUZZ_REPORT. */
  readonly opStats: Record<string, { cases: number; ms: number }> = {};

  private async runAll(cases: Case[]) {
    const [baseline, ...rest] = cases;
    let baseRes: FuzzResponse | undefined;
    if (baseline?.name === 'baseline') {
      const { res, path } = await this.send(baseline);
      baseRes = res;
      // The valid request may fail for reasons of state (409 after the fixtures), never with a 5xx.
      this.trace?.push(`${baseline.role} ${baseline.op.key} :: baseline → ${res.status} ${String((res.json as { code?: unknown })?.code ?? '')}`);
      const problem = res.status >= 500 ? '5xx' : undefined;
      if (problem) this.record(baseline, path, res, problem);
    }
    const list = baseline?.name === 'baseline' ? rest : cases;
    await pool(list, FUZZ_CONCURRENCY, async (c) => {
      let path = c.op.path;
      try {
        const sent = await this.send(c);
        path = sent.path;
        this.trace?.push(`${c.role} ${c.op.key} :: ${c.name} → ${sent.res.status} ${String((sent.res.json as { code?: unknown })?.code ?? '')} (${sent.res.ms} ms)`);
        const problem = problemWith(c, sent.res, baseRes, sent.lang);
        if (problem) this.record(c, path, sent.res, problem);
      } catch (error) {
        this.record(c, path, undefined, `request failed: ${(error as Error).message}`);
      }
    });
  }

  summary(): RunSummary {
    return {
      requests: this.http.requests,
      fiveXx: this.fiveXx,
      failures: this.failures,
      relogins: this.relogins,
      known: Object.fromEntries(this.known),
      ms: Date.now() - this.started,
    };
  }

  close() {
    this.http.close();
  }
}

export function report(label: string, s: RunSummary, opStats: Record<string, unknown> = {}, trace: string[] = []): string {
  // FUZZ_REPORT=<dir> keeps every failure as JSON, for a long run.
  if (process.env.FUZZ_REPORT) writeFileSync(join(process.env.FUZZ_REPORT, `fuzz-${label}.json`), JSON.stringify({ ...s, opStats, trace }, null, 1));
  // The one line a fuzz spec prints.
  const known = Object.entries(s.known).map(([id, n]) => `${n} × ${id}`);
  console.log(
    `fuzz ${label}: ${s.requests} requests, ${s.fiveXx} × 5xx, ${s.failures.length - s.fiveXx} contract failures, ` +
      `${s.relogins} re-logins, seed ${FUZZ_SEED}, runs ${FUZZ_RUNS}, ${(s.ms / 1000).toFixed(1)} s` +
      (known.length ? `; known, not failed: ${known.join(', ')}` : ''),
  );
  const lines = s.failures
    .slice(0, 150)
    .map((f) => `  [${f.role}] ${f.op} :: ${f.name}\n      → ${f.status} ${f.problem}\n      request: ${f.request}\n      response: ${f.excerpt}`);
  return `${s.failures.length} failing responses (seed ${FUZZ_SEED}; replay with FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS}):\n${lines.join('\n')}`;
}

export async function openApiOf(world: FuzzWorld): Promise<OpenApiDoc> {
  const res = await world.t.http().get('/docs/openapi.json');
  if (res.status !== 200) throw new Error(`openapi: ${res.status}`);
  return res.body as OpenApiDoc;
}
