import type { AuditEntry } from '../audit-entry.entity';

export class AuditEntryResponseDto {
  id!: string;
  entityType!: string;
  entityId!: string;
  action!: string;
  actorId!: string | null;
  actorRole!: string | null;
  at!: Date;
  before!: Record<string, unknown> | null;
  after!: Record<string, unknown> | null;
  reason!: string | null;
}

export const toAuditEntryResponse = (e: AuditEntry): AuditEntryResponseDto => ({
  id: e.id,
  entityType: e.entityType,
  entityId: e.entityId,
  action: e.action,
  actorId: e.actorId,
  actorRole: e.actorRole,
  at: e.at,
  before: e.before,
  after: e.after,
  reason: e.reason,
});
