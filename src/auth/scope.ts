import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Role } from '../users/role.enum';
import type { AuthUser } from './auth-user';

// Who may see which cooperative, in one place. Services apply it to every query they run for a user:
// admin sees all; an officer the cooperatives of their provinces; cooperative users only their own.
export function scopeCooperatives<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: AuthUser,
  columns: { id: string; provinceCode: string },
): SelectQueryBuilder<T> {
  switch (actor.role) {
    case Role.Admin:
      return qb;
    case Role.Officer:
      return qb.andWhere(`${columns.provinceCode} = ANY(:scopeProvinces)`, { scopeProvinces: actor.provinceCodes });
    case Role.CooperativeManager:
    case Role.CooperativeStaff:
      return qb.andWhere(`${columns.id} = :scopeCooperative`, { scopeCooperative: actor.cooperativeId });
  }
}

export function canSeeCooperative(actor: AuthUser, coop: { id: string; provinceCode: number }): boolean {
  switch (actor.role) {
    case Role.Admin:
      return true;
    case Role.Officer:
      return actor.provinceCodes.includes(coop.provinceCode);
    case Role.CooperativeManager:
    case Role.CooperativeStaff:
      return actor.cooperativeId === coop.id;
  }
}

/** Admins, officers of the province, and the cooperative's own managers may change a cooperative. */
export function canManageCooperative(actor: AuthUser, coop: { id: string; provinceCode: number }): boolean {
  return actor.role !== Role.CooperativeStaff && canSeeCooperative(actor, coop);
}

/**
 * Scopes rows owned by a cooperative (any table with a cooperative_id column) to what the actor may see,
 * without joining: officers through a sub-select on their provinces.
 */
export function scopeOwnedRows<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: AuthUser,
  cooperativeIdColumn: string,
): SelectQueryBuilder<T> {
  switch (actor.role) {
    case Role.Admin:
      return qb;
    case Role.Officer:
      return qb.andWhere(`${cooperativeIdColumn} IN (SELECT id FROM cooperative WHERE province_code = ANY(:scopeProvinces))`, {
        scopeProvinces: actor.provinceCodes,
      });
    case Role.CooperativeManager:
    case Role.CooperativeStaff:
      return qb.andWhere(`${cooperativeIdColumn} = :scopeCooperative`, { scopeCooperative: actor.cooperativeId });
  }
}
