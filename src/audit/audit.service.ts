import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { CooperativesService } from '../cooperatives/cooperatives.service';
import { Page, PageQueryDto } from '../common/pagination/page-query.dto';
import { notFound } from '../common/errors/common.errors';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryResponseDto, toAuditEntryResponse } from './dto/audit-entry-response.dto';

export interface AuditRecord {
  cooperativeId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntry) private readonly repo: Repository<AuditEntry>,
    private readonly cooperatives: CooperativesService,
  ) {}

  /** Writes the entry inside the caller's transaction, so a change and its audit commit together. */
  async record(manager: EntityManager, actor: AuthUser | null, entry: AuditRecord): Promise<void> {
    await manager.query(
      `INSERT INTO audit_entry (cooperative_id, entity_type, entity_id, action, actor_id, actor_role, before, after, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.cooperativeId,
        entry.entityType,
        entry.entityId,
        entry.action,
        actor?.id ?? null,
        actor?.role ?? null,
        json(entry.before),
        json(entry.after),
        entry.reason ?? null,
      ],
    );
  }

  /** The history of one entity, for those who may see the cooperative that owns it. */
  async listForEntity(actor: AuthUser, entityType: string, entityId: string, page: PageQueryDto): Promise<Page<AuditEntryResponseDto>> {
    const owner = await this.repo.findOne({ where: { entityType, entityId }, select: { cooperativeId: true }, order: { id: 'ASC' } });
    if (!owner) throw notFound('lịch sử thay đổi', 'Audit history');
    if (owner.cooperativeId) await this.cooperatives.getVisibleOrThrow(actor, owner.cooperativeId);
    else if (actor.role !== 'admin') throw notFound('lịch sử thay đổi', 'Audit history');
    const [rows, total] = await this.repo.findAndCount({
      where: { entityType, entityId },
      order: { id: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    return { items: rows.map(toAuditEntryResponse), page: page.page, pageSize: page.pageSize, total };
  }
}

// Entities hold Dates and nested objects; store exactly what the API would show as JSON.
const json = (value: object | null | undefined): string | null => (value ? JSON.stringify(value) : null);
