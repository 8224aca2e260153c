import { Injectable } from '@nestjs/common';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { DomainException } from '../common/errors/domain.exception';
import { AppConfig } from '../config/app-config';
import { SharedRateWindow } from './shared-rate-window';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const MAX_CLIENTS = 100_000;

// Two limits on the public pages, both decided in memory (a scan never waits on a shared store): a
// token bucket per client address in this process, and the province-wide budget per minute that every
// replica shares through SharedRateWindow. Refuses stamp enumeration (10,000 guesses hit the limit
// long before luck could).
@Injectable()
export class PublicRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(
    config: AppConfig,
    private readonly shared: SharedRateWindow,
  ) {
    this.capacity = config.publicRateLimitPerMinute;
    this.perMs = config.publicRateLimitPerMinute / 60_000;
  }

  take(client: string, now = Date.now()): void {
    const blockedUntil = this.shared.blocked(client, now);
    if (blockedUntil !== null) throw rateLimited(Math.ceil((blockedUntil - now) / 1000));
    const bucket = this.buckets.get(client) ?? { tokens: this.capacity, updatedAt: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    if (bucket.tokens < 1) throw rateLimited(Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
    bucket.tokens -= 1;
    this.shared.hit(client, now);
    // Re-inserting keeps the Map in recency order, so the oldest client is the first key to evict.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > MAX_CLIENTS) this.buckets.delete(this.buckets.keys().next().value!);
  }
}

function rateLimited(seconds: number): DomainException {
  return new DomainException(
    CommonErrorCode.RATE_LIMITED,
    { vi: `Quá nhiều lượt tra cứu, vui lòng thử lại sau ${seconds} giây`, en: `Too many lookups, try again in ${seconds} seconds` },
    undefined,
    { 'retry-after': String(seconds) },
  );
}
