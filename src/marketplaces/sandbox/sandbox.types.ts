// Shapes shared by the sandbox marketplace server. The sandbox stands in for the Postmart and Voso
// partner APIs, whose contract is our own proposal (docs/marketplaces/*.md): nothing here is copied
// from an operator's documentation.

export type SandboxMarketplace = 'postmart' | 'voso';
export const SANDBOX_MARKETPLACES: readonly SandboxMarketplace[] = ['postmart', 'voso'];

/** Route ids used by fault rules and the request log, the same for both marketplaces. */
export type SandboxRoute = 'login' | 'create' | 'lookup' | 'get' | 'update' | 'stock_price' | 'unlist';
export const SANDBOX_ROUTES: readonly SandboxRoute[] = ['login', 'create', 'lookup', 'get', 'update', 'stock_price', 'unlist'];

export type SandboxListingState = 'pending_review' | 'live' | 'rejected' | 'unlisted';

export interface SandboxAccountInput {
  marketplace: SandboxMarketplace;
  username: string;
  password: string;
  /** Postmart (VNPost style) asks for it at login; when set, it must match. */
  customerCode?: string | null;
  /** Defaults to "<marketplace>-<username>". */
  accountId?: string;
}

export interface SandboxAccount {
  accountId: string;
  marketplace: SandboxMarketplace;
  username: string;
  password: string;
  customerCode: string | null;
  /** Set by the admin "revoke credentials" call: logins are refused until the account is re-added. */
  credentialsRevoked: boolean;
}

export interface SandboxToken {
  token: string;
  accountId: string;
  marketplace: SandboxMarketplace;
  expiresAt: number;
  revoked: boolean;
}

/** Listing content in the sandbox's own neutral names; each marketplace style maps its wire names. */
export interface SandboxListingInput {
  sellerSku: string;
  title: string;
  categoryName: string;
  price: number;
  stock: number;
  unit: string;
  weightGrams: number | null;
  description: string;
  images: string[];
  traceabilityUrl: string;
}

export interface SandboxListing extends SandboxListingInput {
  id: number;
  marketplace: SandboxMarketplace;
  accountId: string;
  state: SandboxListingState;
  reason: string | null;
  statusReads: number;
  createdAt: number;
  updatedAt: number;
}

export interface SandboxFieldProblem {
  /** A path in the sandbox's neutral names ("price", "images[0]"); styles rename it for the wire. */
  field: string;
  code: string;
  message: string;
}

export type SandboxFaultAction =
  /** 429 with this Retry-After value as sent: delta-seconds ("2") or an HTTP date. */
  | { kind: 'rate_limit'; retryAfter?: string }
  | { kind: 'server_error'; status?: number }
  /** Wait, then process only if the client is still there (nothing is committed after a client timeout). */
  | { kind: 'delay'; delayMs: number }
  /** Process and persist, then send nothing; the connection is dropped after hangMs. */
  | { kind: 'commit_then_hang'; hangMs?: number }
  | { kind: 'validation'; fieldErrors: SandboxFieldProblem[] }
  /** Revoke every token of the caller's account, then answer as for a revoked token. */
  | { kind: 'token_revoked' }
  | { kind: 'business_blocked'; code?: string; message?: string };

export interface SandboxFaultRuleInput {
  marketplace?: SandboxMarketplace;
  /** A route id, or "*" / absent for every route. */
  route?: SandboxRoute | '*';
  account?: string;
  /** Let this many matching requests through first. */
  skip?: number;
  /** Fire this many times, then stop matching; absent means forever. */
  times?: number;
  action: SandboxFaultAction;
}

export interface SandboxFaultRule extends SandboxFaultRuleInput {
  id: string;
  matched: number;
  fired: number;
}

export interface SandboxReviewConfig {
  /** Decide after this many reads of the status endpoint (get by id); null to disable. */
  afterReads: number | null;
  /** Decide on any read once the listing is this old (sandbox clock); null to disable. */
  afterMs: number | null;
  /** Listings whose seller SKU starts with a prefix are rejected with the reason; the rest go live. */
  rejections: { sellerSkuPrefix: string; reason: string }[];
}

export interface SandboxConfig {
  tokenTtlSec: number;
  rateLimit: { requestsPerSecond: number; burst: number };
  review: SandboxReviewConfig;
  maxBatchItems: number;
  /** Deterministic token generation. */
  seed: string;
}

export interface SandboxOptions {
  port?: number;
  /** Loopback by default: the sandbox has no real auth on its admin routes. */
  host?: string;
  tokenTtlSec?: number;
  rateLimit?: { requestsPerSecond: number; burst?: number };
  review?: Partial<SandboxReviewConfig>;
  accounts?: SandboxAccountInput[];
  seed?: string;
}

export interface SandboxRequestLogEntry {
  seq: number;
  method: string;
  path: string;
  marketplace: SandboxMarketplace;
  route: SandboxRoute;
  account: string | null;
  /** sha256 of the raw request body, hex; null without a body. */
  bodyHash: string | null;
  /** Sandbox clock, ISO 8601. */
  at: string;
  atMs: number;
  /** HTTP status sent; null when nothing was sent (hang, or the client left during a delay). */
  status: number | null;
  /** Fault rule that fired on this request, if any. */
  faultId: string | null;
}
