import { createHash } from 'node:crypto';
import {
  SandboxAccount,
  SandboxAccountInput,
  SandboxConfig,
  SandboxFaultRule,
  SandboxFaultRuleInput,
  SandboxFieldProblem,
  SandboxListing,
  SandboxListingInput,
  SandboxMarketplace,
  SandboxOptions,
  SandboxRequestLogEntry,
  SandboxRoute,
  SandboxToken,
} from './sandbox.types';

export const SANDBOX_TITLE_MAX: Record<SandboxMarketplace, number> = { postmart: 150, voso: 120 };
export const SANDBOX_MIN_PRICE = 1_000;
// Ids start at different, recognisable ranges so a Postmart id pasted into a Voso test stands out.
const FIRST_ID: Record<SandboxMarketplace, number> = { postmart: 43_001, voso: 100_001 };

export type AuthCheck =
  | { status: 'ok'; account: SandboxAccount }
  | { status: 'missing' | 'invalid' }
  | { status: 'expired' | 'revoked'; account: SandboxAccount };

export type ItemResult = { id: number; ok: true } | { id: number; ok: false; code: string; message: string };

export function buildConfig(options: SandboxOptions): SandboxConfig {
  const rps = options.rateLimit?.requestsPerSecond ?? 20;
  return {
    tokenTtlSec: options.tokenTtlSec ?? 3_600,
    rateLimit: { requestsPerSecond: rps, burst: options.rateLimit?.burst ?? rps },
    review: { afterReads: 1, afterMs: null, rejections: [], ...options.review },
    maxBatchItems: 50,
    seed: options.seed ?? 'nguon-sandbox',
  };
}

/**
 * Everything the sandbox marketplace knows, in memory. No I/O and no real randomness, so a test run
 * replays the same way every time; the HTTP layer only translates to and from each wire style.
 */
export class SandboxState {
  config: SandboxConfig;
  readonly accounts = new Map<string, SandboxAccount>();
  readonly tokens = new Map<string, SandboxToken>();
  readonly listings = new Map<string, SandboxListing>();
  faults: SandboxFaultRule[] = [];
  requests: SandboxRequestLogEntry[] = [];
  private buckets = new Map<string, { tokens: number; at: number }>();
  private clockOffsetMs = 0;
  private nextIds = { ...FIRST_ID };
  private tokenCounter = 0;
  private faultCounter = 0;

  constructor(private readonly options: SandboxOptions) {
    this.config = buildConfig(options);
    for (const account of options.accounts ?? []) this.addAccount(account);
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  /** Back to the state right after start: configured accounts only, no listings, rules or log. */
  reset(): void {
    this.config = buildConfig(this.options);
    this.accounts.clear();
    this.tokens.clear();
    this.listings.clear();
    this.faults = [];
    this.requests = [];
    this.buckets.clear();
    this.clockOffsetMs = 0;
    this.nextIds = { ...FIRST_ID };
    this.tokenCounter = 0;
    this.faultCounter = 0;
    for (const account of this.options.accounts ?? []) this.addAccount(account);
  }

  snapshot() {
    return {
      config: this.config,
      accounts: [...this.accounts.values()].map(({ password: _password, ...rest }) => rest),
      listings: [...this.listings.values()],
      faults: this.faults,
      clockOffsetMs: this.clockOffsetMs,
    };
  }

  // ---- accounts and tokens

  addAccount(input: SandboxAccountInput): SandboxAccount {
    const account: SandboxAccount = {
      accountId: input.accountId ?? `${input.marketplace}-${input.username}`,
      marketplace: input.marketplace,
      username: input.username,
      password: input.password,
      customerCode: input.customerCode ?? null,
      credentialsRevoked: false,
    };
    this.accounts.set(account.accountId, account);
    return account;
  }

  accountByUsername(marketplace: SandboxMarketplace, username: unknown): SandboxAccount | null {
    return [...this.accounts.values()].find((a) => a.marketplace === marketplace && a.username === username) ?? null;
  }

  login(marketplace: SandboxMarketplace, username: unknown, password: unknown, customerCode?: unknown): SandboxToken | null {
    const account = this.accountByUsername(marketplace, username);
    if (!account || account.credentialsRevoked || account.password !== password) return null;
    if (account.customerCode !== null && account.customerCode !== customerCode) return null;
    this.tokenCounter += 1;
    const digest = createHash('sha256').update(`${this.config.seed}:${marketplace}:${account.accountId}:${this.tokenCounter}`).digest('base64url');
    const token: SandboxToken = {
      token: `${marketplace === 'postmart' ? 'pm' : 'vs'}_${digest.slice(0, 32)}`,
      accountId: account.accountId,
      marketplace,
      expiresAt: this.now() + this.config.tokenTtlSec * 1_000,
      revoked: false,
    };
    this.tokens.set(token.token, token);
    return token;
  }

  authenticate(marketplace: SandboxMarketplace, token: string | undefined): AuthCheck {
    if (!token) return { status: 'missing' };
    const found = this.tokens.get(token);
    const account = found && this.accounts.get(found.accountId);
    if (!found || found.marketplace !== marketplace || !account) return { status: 'invalid' };
    if (found.revoked) return { status: 'revoked', account };
    if (found.expiresAt <= this.now()) return { status: 'expired', account };
    return { status: 'ok', account };
  }

  /** Tokens always; with `credentials`, the password too (a shop that changed it or was locked). */
  revoke(accountId: string, credentials = false): boolean {
    const account = this.accounts.get(accountId);
    if (!account) return false;
    for (const t of this.tokens.values()) if (t.accountId === accountId) t.revoked = true;
    if (credentials) account.credentialsRevoked = true;
    return true;
  }

  /** Token bucket per account and marketplace. Returns the whole seconds to wait when empty. */
  takeRateToken(marketplace: SandboxMarketplace, accountId: string): { ok: true } | { ok: false; retryAfterSec: number } {
    const { requestsPerSecond: rps, burst } = this.config.rateLimit;
    const key = `${marketplace}:${accountId}`;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1_000) * rps);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSec: Math.max(1, Math.ceil((1 - bucket.tokens) / rps)) };
  }

  // ---- fault rules and request log

  addFault(input: SandboxFaultRuleInput): SandboxFaultRule {
    this.faultCounter += 1;
    const rule: SandboxFaultRule = { ...input, id: `fault-${this.faultCounter}`, matched: 0, fired: 0 };
    this.faults.push(rule);
    return rule;
  }

  removeFault(id?: string): void {
    this.faults = id === undefined ? [] : this.faults.filter((f) => f.id !== id);
  }

  /** First matching rule that still has shots left; counts the match either way. */
  takeFault(marketplace: SandboxMarketplace, route: SandboxRoute, accountId: string | null): SandboxFaultRule | null {
    for (const rule of this.faults) {
      if (rule.marketplace && rule.marketplace !== marketplace) continue;
      if (rule.route && rule.route !== '*' && rule.route !== route) continue;
      if (rule.account && rule.account !== accountId) continue;
      if (rule.times !== undefined && rule.fired >= rule.times) continue;
      rule.matched += 1;
      if (rule.matched <= (rule.skip ?? 0)) continue;
      rule.fired += 1;
      return rule;
    }
    return null;
  }

  logRequest(entry: Omit<SandboxRequestLogEntry, 'seq' | 'at' | 'atMs' | 'status' | 'faultId' | 'account'>): SandboxRequestLogEntry {
    const atMs = this.now();
    const full: SandboxRequestLogEntry = { ...entry, seq: this.requests.length + 1, at: new Date(atMs).toISOString(), atMs, account: null, status: null, faultId: null };
    this.requests.push(full);
    return full;
  }

  // ---- listings

  validate(marketplace: SandboxMarketplace, input: Partial<Record<keyof SandboxListingInput, unknown>>): SandboxFieldProblem[] {
    const problems: SandboxFieldProblem[] = [];
    const required = (field: keyof SandboxListingInput) => {
      const value = input[field];
      const missing = typeof value !== 'string' || value.trim() === '';
      if (missing) problems.push({ field, code: 'REQUIRED', message: 'Trường bắt buộc' });
      return !missing;
    };
    required('sellerSku');
    if (required('title') && (input.title as string).length > SANDBOX_TITLE_MAX[marketplace])
      problems.push({ field: 'title', code: 'TOO_LONG', message: `Tên sản phẩm tối đa ${SANDBOX_TITLE_MAX[marketplace]} ký tự` });
    required('categoryName');
    required('unit');
    required('description');
    required('traceabilityUrl');
    if (!Number.isSafeInteger(input.price) || (input.price as number) < SANDBOX_MIN_PRICE)
      problems.push({ field: 'price', code: 'INVALID_PRICE', message: 'Giá phải là số nguyên, tối thiểu 1.000 đ' });
    if (!Number.isSafeInteger(input.stock) || (input.stock as number) < 0)
      problems.push({ field: 'stock', code: 'INVALID_STOCK', message: 'Tồn kho phải là số nguyên không âm' });
    if (input.weightGrams != null && (!Number.isSafeInteger(input.weightGrams) || (input.weightGrams as number) <= 0))
      problems.push({ field: 'weightGrams', code: 'INVALID_WEIGHT', message: 'Khối lượng phải là số gam nguyên dương' });
    if (!Array.isArray(input.images) || input.images.length === 0) problems.push({ field: 'images', code: 'REQUIRED', message: 'Cần ít nhất một ảnh' });
    else
      input.images.forEach((url, i) => {
        if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) problems.push({ field: `images[${i}]`, code: 'INVALID_URL', message: 'Đường dẫn ảnh không hợp lệ' });
      });
    return problems;
  }

  findBySku(marketplace: SandboxMarketplace, accountId: string, sellerSku: string): SandboxListing | null {
    return [...this.listings.values()].find((l) => l.marketplace === marketplace && l.accountId === accountId && l.sellerSku === sellerSku) ?? null;
  }

  /** Seller SKU is the natural key: a second create returns the first listing, untouched. */
  create(marketplace: SandboxMarketplace, accountId: string, input: SandboxListingInput): { listing: SandboxListing; duplicate: boolean } {
    const existing = this.findBySku(marketplace, accountId, input.sellerSku);
    if (existing) return { listing: existing, duplicate: true };
    const now = this.now();
    const id = this.nextIds[marketplace]++;
    const listing: SandboxListing = { ...input, id, marketplace, accountId, state: 'pending_review', reason: null, statusReads: 0, createdAt: now, updatedAt: now };
    this.listings.set(`${marketplace}:${id}`, listing);
    return { listing, duplicate: false };
  }

  get(marketplace: SandboxMarketplace, accountId: string, id: unknown): SandboxListing | null {
    const listing = this.listings.get(`${marketplace}:${Number(id)}`);
    return listing && listing.accountId === accountId ? listing : null;
  }

  /** A read of the status endpoint: this is what moves a listing through review. */
  readStatus(listing: SandboxListing, countsAsStatusRead: boolean): SandboxListing {
    if (listing.state !== 'pending_review') return listing;
    if (countsAsStatusRead) listing.statusReads += 1;
    const { afterReads, afterMs, rejections } = this.config.review;
    const byReads = afterReads != null && listing.statusReads >= afterReads;
    const byTime = afterMs != null && this.now() - listing.createdAt >= afterMs;
    if (byReads || byTime) {
      const rejection = rejections.find((r) => listing.sellerSku.startsWith(r.sellerSkuPrefix));
      listing.state = rejection ? 'rejected' : 'live';
      listing.reason = rejection?.reason ?? null;
      listing.updatedAt = this.now();
    }
    return listing;
  }

  /** Content edit. A rejected listing goes back to review; the seller SKU never changes. */
  update(listing: SandboxListing, input: SandboxListingInput): SandboxListing {
    Object.assign(listing, { ...input, sellerSku: listing.sellerSku, updatedAt: this.now() });
    if (listing.state === 'rejected') {
      listing.state = 'pending_review';
      listing.reason = null;
      listing.statusReads = 0;
    }
    return listing;
  }

  stockAndPrice(marketplace: SandboxMarketplace, accountId: string, items: { id: unknown; stock?: unknown; price?: unknown }[]): ItemResult[] {
    return items.map((item) => {
      const id = Number(item.id);
      const listing = this.get(marketplace, accountId, id);
      if (!listing) return { id, ok: false, code: 'NOT_FOUND', message: 'Không tìm thấy sản phẩm' };
      if (item.stock === undefined && item.price === undefined) return { id, ok: false, code: 'NOTHING_TO_UPDATE', message: 'Không có giá hoặc tồn kho để cập nhật' };
      if (item.stock !== undefined && (!Number.isSafeInteger(item.stock) || (item.stock as number) < 0))
        return { id, ok: false, code: 'INVALID_STOCK', message: 'Tồn kho phải là số nguyên không âm' };
      if (item.price !== undefined && (!Number.isSafeInteger(item.price) || (item.price as number) < SANDBOX_MIN_PRICE))
        return { id, ok: false, code: 'INVALID_PRICE', message: 'Giá phải là số nguyên, tối thiểu 1.000 đ' };
      if (listing.state === 'rejected') return { id, ok: false, code: 'NOT_EDITABLE', message: 'Sản phẩm bị từ chối: sửa nội dung và gửi duyệt lại' };
      if (item.stock !== undefined) listing.stock = item.stock as number;
      if (item.price !== undefined) listing.price = item.price as number;
      listing.updatedAt = this.now();
      return { id, ok: true };
    });
  }

  unlist(listing: SandboxListing): SandboxListing {
    listing.state = 'unlisted';
    listing.updatedAt = this.now();
    return listing;
  }
}

/** "Táo đại Mường La – HTX Hưng Thịnh – hộp 5kg" → "tao-dai-muong-la-htx-hung-thinh-hop-5kg". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}
