import type { FieldProblem } from '../errors/domain.exception';

// Shared by the PATCH use cases (cooperatives, users, planting areas, seasons…).

/** Field-by-field changes between two audit views, so an audit entry shows only what moved. */
export function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
    changed: keys.length > 0,
  };
}

/**
 * PATCH DTOs inherit IsOptional, which lets null through for every field; only the listed ones may be
 * cleared, the others would hit a NOT NULL column as a 500.
 */
export function refuseNulls(dto: object, clearable: readonly string[]): FieldProblem[] {
  return Object.entries(dto)
    .filter(([key, value]) => value === null && !clearable.includes(key))
    .map(([key]) => ({ field: key, message: { vi: `${key} không được để trống (null)`, en: `${key} cannot be null` } }));
}
