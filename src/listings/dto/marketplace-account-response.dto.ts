import type { AccountMode, MarketplaceCode } from '../../marketplaces/marketplace-adapter';
import type { AccountStatus, MarketplaceAccount } from '../marketplace-account.entity';

export class MarketplaceAccountResponseDto {
  id!: string;
  cooperativeId!: string;
  marketplace!: MarketplaceCode;
  mode!: AccountMode;
  status!: AccountStatus;
  statusReason!: string | null;
  baseUrl!: string | null;
  /** Masked, e.g. "ht•••01"; the full username and the password are never returned. */
  username!: string | null;
  hasPassword!: boolean;
  /** Set while the marketplace asked us to slow down (Retry-After). */
  pausedUntil!: Date | null;
  pauseReason!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const toMarketplaceAccountResponse = (a: MarketplaceAccount): MarketplaceAccountResponseDto => ({
  id: a.id,
  cooperativeId: a.cooperativeId,
  marketplace: a.marketplace,
  mode: a.mode,
  status: a.status,
  statusReason: a.statusReason,
  baseUrl: a.baseUrl,
  username: a.usernameHint,
  hasPassword: a.credentialsSealed !== null,
  pausedUntil: a.pausedUntil && a.pausedUntil > new Date() ? a.pausedUntil : null,
  pauseReason: a.pausedUntil && a.pausedUntil > new Date() ? a.pauseReason : null,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

/** "hoptacxa01" → "ho•••01": recognisable to its owner, useless to anyone else. */
export function maskUsername(username: string): string {
  const chars = [...username];
  if (chars.length <= 4) return '•••';
  return `${chars.slice(0, 2).join('')}•••${chars.slice(-2).join('')}`;
}
