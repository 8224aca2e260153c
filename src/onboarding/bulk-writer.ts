import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import type { AuthUser } from '../auth/auth-user';
import type { PreparedRow } from './kinds/importer';

// PostgreSQL takes at most 65,535 bind parameters per statement; our widest table has 16 columns, so
// 1,000 rows per INSERT stays far below that while keeping round trips few (5 statements for 5,000 rows).
export const INSERT_CHUNK_ROWS = 1000;

/** Multi-row INSERTs of at most `chunk` rows each, inside the caller's transaction. */
export async function insertInChunks(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  rows: ObjectLiteral[],
  chunk = INSERT_CHUNK_ROWS,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    // updateEntity(false): ids are chosen beforehand, so nothing needs to be read back.
    await manager.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + chunk)).updateEntity(false).execute();
  }
}

/**
 * One audit entry per created entity, written like AuditService.record (same columns, same JSON) but
 * with multi-row INSERTs: 5,000 single INSERTs would dominate the upload's time.
 */
export async function recordCreated(manager: EntityManager, actor: AuthUser, entityType: string, rows: PreparedRow[], reason: string): Promise<void> {
  const entries = rows.map((r) => ({
    cooperativeId: r.audit.cooperativeId,
    entityType,
    entityId: r.values.id,
    action: 'created',
    actorId: actor.id,
    actorRole: actor.role,
    before: null,
    // Through JSON, as AuditService stores it: Dates become ISO strings, undefined fields disappear.
    after: JSON.parse(JSON.stringify(r.audit.after)) as Record<string, unknown>,
    reason,
  }));
  await insertInChunks(manager, AuditEntry, entries);
}
