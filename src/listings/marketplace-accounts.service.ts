import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { SecretBox, SecretKeyUnavailableError } from '../common/crypto/secret-box';
import { notFound } from '../common/errors/common.errors';
import { DomainException } from '../common/errors/domain.exception';
import { CooperativesService } from '../cooperatives/cooperatives.service';
import type { MarketplaceCredentials } from '../marketplaces/marketplace-adapter';
import type { CreateMarketplaceAccountDto } from './dto/create-marketplace-account.dto';
import { maskUsername, MarketplaceAccountResponseDto, toMarketplaceAccountResponse } from './dto/marketplace-account-response.dto';
import type { MarketplaceCredentialsDto } from './dto/marketplace-credentials.dto';
import type { UpdateMarketplaceAccountDto } from './dto/update-marketplace-account.dto';
import { ListingErrorCode } from './listing-error-code';
import { ListingJobs } from './listing-jobs';
import { AccountStatus, MarketplaceAccount } from './marketplace-account.entity';

export const CREDENTIALS_PURPOSE = 'marketplace-credentials';
const RESEAL_CHUNK = 500;

/** What re-sealing the credentials after a DATA_ENCRYPTION_KEY rotation did (see resealCredentials). */
export interface CredentialsResealReport {
  resealed: number;
  alreadyCurrent: number;
  /** Credentials that no configured key opens (sealed with a key no longer listed): left untouched. */
  notOpenable: number;
  /** Ids of the keys those were sealed with ('unknown': a value from before key ids, or damaged). */
  missingKeyIds: string[];
}

// What the audit log may say about an account: never a credential, not even the masked username.
const auditView = (a: Pick<MarketplaceAccount, 'marketplace' | 'mode' | 'status' | 'baseUrl'>) => ({
  marketplace: a.marketplace,
  mode: a.mode,
  status: a.status,
  baseUrl: a.baseUrl,
});

@Injectable()
export class MarketplaceAccountsService {
  constructor(
    @InjectRepository(MarketplaceAccount) private readonly repo: Repository<MarketplaceAccount>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly cooperatives: CooperativesService,
    private readonly secrets: SecretBox,
    private readonly audit: AuditService,
    private readonly jobs: ListingJobs,
  ) {}

  async create(actor: AuthUser, cooperativeId: string, dto: CreateMarketplaceAccountDto): Promise<MarketplaceAccountResponseDto> {
    const coop = await this.cooperatives.getManageableOrThrow(actor, cooperativeId);
    if (dto.mode === 'partner_api' && !dto.credentials) throw credentialsRequired();
    try {
      return await this.db.transaction(async (manager) => {
        const account = await manager.save(
          manager.create(MarketplaceAccount, {
            cooperativeId: coop.id,
            marketplace: dto.marketplace,
            mode: dto.mode,
            status: AccountStatus.Active,
            createdBy: actor.id,
            ...(dto.credentials ? this.sealed(dto.credentials) : { baseUrl: null, usernameHint: null, credentialsSealed: null }),
          }),
        );
        await this.audit.record(manager, actor, { cooperativeId: coop.id, entityType: 'marketplace_account', entityId: account.id, action: 'created', after: auditView(account) });
        return toMarketplaceAccountResponse(account);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error as { constraint?: string }).constraint === 'uq_marketplace_account_coop') {
        throw new DomainException(ListingErrorCode.ACCOUNT_EXISTS, {
          vi: `Hợp tác xã đã có tài khoản ${dto.marketplace}; hãy cập nhật tài khoản đó`,
          en: `The cooperative already has a ${dto.marketplace} account; update it instead`,
        });
      }
      throw error;
    }
  }

  async list(actor: AuthUser, cooperativeId: string): Promise<MarketplaceAccountResponseDto[]> {
    await this.cooperatives.getVisibleOrThrow(actor, cooperativeId);
    const rows = await this.repo.find({ where: { cooperativeId }, order: { marketplace: 'ASC' } });
    return rows.map(toMarketplaceAccountResponse);
  }

  async get(actor: AuthUser, id: string): Promise<MarketplaceAccountResponseDto> {
    return toMarketplaceAccountResponse(await this.getVisibleOrThrow(actor, id));
  }

  async update(actor: AuthUser, id: string, dto: UpdateMarketplaceAccountDto): Promise<MarketplaceAccountResponseDto> {
    const current = await this.getManageableOrThrow(actor, id);
    const mode = dto.mode ?? current.mode;
    const hasCredentials = dto.credentials !== undefined || current.credentialsSealed !== null;
    if (mode === 'partner_api' && !hasCredentials) throw credentialsRequired();
    // A refused password is only cured by a new one; "active" alone would loop back to needs_reauth.
    if (dto.status === 'active' && current.status === AccountStatus.NeedsReauth && !dto.credentials) throw credentialsRequired();
    const fields: Partial<MarketplaceAccount> = { mode };
    if (dto.credentials) Object.assign(fields, this.sealed(dto.credentials), { status: AccountStatus.Active, statusReason: null, pausedUntil: null, pauseReason: null });
    if (dto.status === 'disabled') Object.assign(fields, { status: AccountStatus.Disabled, statusReason: null });
    else if (dto.status === 'active' && current.status === AccountStatus.Disabled) Object.assign(fields, { status: AccountStatus.Active, statusReason: null });
    const updated = await this.db.transaction(async (manager) => {
      await manager.update(MarketplaceAccount, id, fields);
      const after = await manager.findOneByOrFail(MarketplaceAccount, { id });
      await this.audit.record(manager, actor, {
        cooperativeId: current.cooperativeId,
        entityType: 'marketplace_account',
        entityId: id,
        action: dto.credentials ? 'credentials_replaced' : 'updated',
        before: auditView(current),
        after: auditView(after),
      });
      return after;
    });
    // After commit: the account's paused jobs pick up where they stopped.
    if (updated.status === AccountStatus.Active && current.status !== AccountStatus.Active) await this.jobs.nudgeAccount(id);
    return toMarketplaceAccountResponse(updated);
  }

  /** For listings: the account if the actor may see its cooperative; 404 otherwise. */
  async getVisibleOrThrow(actor: AuthUser, id: string): Promise<MarketplaceAccount> {
    const account = await this.repo.findOneBy({ id });
    if (!account) throw notFound('tài khoản sàn', 'Marketplace account');
    await this.cooperatives.getVisibleOrThrow(actor, account.cooperativeId).catch(() => {
      throw notFound('tài khoản sàn', 'Marketplace account');
    });
    return account;
  }

  async getManageableOrThrow(actor: AuthUser, id: string): Promise<MarketplaceAccount> {
    const account = await this.getVisibleOrThrow(actor, id);
    await this.cooperatives.getManageableOrThrow(actor, account.cooperativeId);
    return account;
  }

  /** Accounts of a set of cooperatives, keyed "cooperativeId:marketplace" (bulk publishing). */
  async byCooperatives(cooperativeIds: string[]): Promise<Map<string, MarketplaceAccount>> {
    if (!cooperativeIds.length) return new Map();
    const rows = await this.repo.createQueryBuilder('a').where('a.cooperative_id = ANY(:ids)', { ids: cooperativeIds }).getMany();
    return new Map(rows.map((a) => [`${a.cooperativeId}:${a.marketplace}`, a]));
  }

  findById(id: string): Promise<MarketplaceAccount | null> {
    return this.repo.findOneBy({ id });
  }

  /** Decrypted credentials, for the job talking to the marketplace only. Never log the result. */
  credentialsOf(account: MarketplaceAccount): MarketplaceCredentials {
    if (!account.credentialsSealed) throw new Error(`Account ${account.id} has no credentials`);
    return JSON.parse(this.secrets.open(CREDENTIALS_PURPOSE, account.credentialsSealed)) as MarketplaceCredentials;
  }

  /**
   * Key rotation: re-seals every account's credentials with the current key, in chunks, one
   * transaction and one UPDATE each. Credentials replaced meanwhile are left as the user set them: the
   * UPDATE applies only where the sealed value is still the one that was read.
   */
  async resealCredentials(chunk = RESEAL_CHUNK): Promise<CredentialsResealReport> {
    const prefix = this.secrets.currentPrefix();
    const report: CredentialsResealReport = { resealed: 0, alreadyCurrent: 0, notOpenable: 0, missingKeyIds: [] };
    [{ n: report.alreadyCurrent }] = await this.db.query(`SELECT count(*)::int AS n FROM marketplace_account WHERE starts_with(credentials_sealed, $1)`, [prefix]);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const fetched = await this.db.transaction(async (manager) => {
        const rows: { id: string; credentials_sealed: string }[] = await manager.query(
          `SELECT id, credentials_sealed FROM marketplace_account
           WHERE id > $1 AND credentials_sealed IS NOT NULL AND NOT starts_with(credentials_sealed, $2) ORDER BY id LIMIT $3`,
          [after, prefix, chunk],
        );
        const ids: string[] = [], olds: string[] = [], sealed: string[] = [];
        for (const r of rows) {
          try {
            sealed.push(this.secrets.reseal(CREDENTIALS_PURPOSE, r.credentials_sealed));
          } catch (error) {
            if (!(error instanceof SecretKeyUnavailableError)) throw error;
            report.notOpenable++;
            if (!report.missingKeyIds.includes(error.keyId ?? 'unknown')) report.missingKeyIds.push(error.keyId ?? 'unknown');
            continue;
          }
          ids.push(r.id);
          olds.push(r.credentials_sealed);
        }
        if (ids.length) {
          const updated: { id: string }[] = await manager.query(
            `WITH changed AS (
               UPDATE marketplace_account a SET credentials_sealed = u.sealed
               FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, old, sealed)
               WHERE a.id = u.id AND a.credentials_sealed = u.old RETURNING a.id)
             SELECT id FROM changed`,
            [ids, olds, sealed],
          );
          report.resealed += updated.length;
        }
        if (rows.length) after = rows[rows.length - 1].id;
        return rows.length;
      });
      if (fetched < chunk) break;
    }
    return report;
  }

  /** The marketplace refused the credentials: every job of the account pauses until they are re-entered. */
  async markNeedsReauth(manager: EntityManager, account: MarketplaceAccount, reason: string): Promise<void> {
    await manager.update(MarketplaceAccount, { id: account.id, status: AccountStatus.Active }, { status: AccountStatus.NeedsReauth, statusReason: reason });
    await this.audit.record(manager, null, {
      cooperativeId: account.cooperativeId,
      entityType: 'marketplace_account',
      entityId: account.id,
      action: 'needs_reauth',
      reason,
    });
  }

  private sealed(c: MarketplaceCredentialsDto): Pick<MarketplaceAccount, 'baseUrl' | 'usernameHint' | 'credentialsSealed'> {
    const credentials: MarketplaceCredentials = {
      baseUrl: c.baseUrl.replace(/\/+$/, ''),
      username: c.username,
      password: c.password,
      ...(c.customerCode && { customerCode: c.customerCode }),
    };
    return {
      baseUrl: credentials.baseUrl,
      usernameHint: maskUsername(c.username),
      credentialsSealed: this.secrets.seal(CREDENTIALS_PURPOSE, JSON.stringify(credentials)),
    };
  }
}

const credentialsRequired = () =>
  new DomainException(
    ListingErrorCode.ACCOUNT_CREDENTIALS_REQUIRED,
    {
      vi: 'Chế độ kết nối API (partner_api) cần địa chỉ API, tên đăng nhập và mật khẩu của tài khoản người bán',
      en: 'partner_api mode needs the API base URL, username and password of the seller account',
    },
    [{ field: 'credentials', message: { vi: 'Thiếu thông tin đăng nhập', en: 'Credentials missing' } }],
  );
