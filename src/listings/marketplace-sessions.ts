import { Injectable } from '@nestjs/common';
import type { MarketplaceAdapter, MarketplaceCredentials, TokenSet } from '../marketplaces/marketplace-adapter';
import type { MarketplaceAccount } from './marketplace-account.entity';
import { MarketplaceAccountsService } from './marketplace-accounts.service';

const EXPIRY_MARGIN_MS = 30_000;

export interface Session {
  credentials: MarketplaceCredentials;
  token: TokenSet;
}

// Marketplace tokens, per account, in this process's memory only: they are short-lived, and a restart
// simply logs in again. Keyed by the sealed credentials too, so new credentials mean a new login.
@Injectable()
export class MarketplaceSessions {
  private readonly sessions = new Map<string, { sealed: string; session: Session }>();

  constructor(private readonly accounts: MarketplaceAccountsService) {}

  /**
   * Runs `call` with a valid token. An `auth_expired` answer means: log in again and retry once
   * (shared/docs/marketplaces.md §D); anything else is the caller's to classify.
   */
  async run<T>(adapter: MarketplaceAdapter, account: MarketplaceAccount, call: (s: Session) => Promise<T>): Promise<T> {
    const session = await this.get(adapter, account);
    try {
      return await call(session);
    } catch (error) {
      if (adapter.classifyError(error).kind !== 'auth_expired') throw error;
      this.sessions.delete(account.id);
      return call(await this.get(adapter, account));
    }
  }

  forget(accountId: string): void {
    this.sessions.delete(accountId);
  }

  private async get(adapter: MarketplaceAdapter, account: MarketplaceAccount): Promise<Session> {
    const cached = this.sessions.get(account.id);
    if (cached && cached.sealed === account.credentialsSealed && new Date(cached.session.token.expiresAt).getTime() - EXPIRY_MARGIN_MS > Date.now()) {
      return cached.session;
    }
    const credentials = this.accounts.credentialsOf(account);
    const session = { credentials, token: await adapter.login(credentials) };
    this.sessions.set(account.id, { sealed: account.credentialsSealed!, session });
    return session;
  }
}
