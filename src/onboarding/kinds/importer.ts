import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import type { Bilingual } from '../../common/i18n/messages';
import type { RowCells } from '../row-reader';
import type { RowProblems } from '../row-problems';
import type { ColumnSpec, OnboardingKind } from './column-spec';

/** A row that passed every check, ready for the multi-row INSERT. */
export interface PreparedRow {
  row: number;
  /** Column values of the new entity; the id is chosen here so that audit entries can name it. */
  values: ObjectLiteral & { id: string };
  /** What the audit entry records: the owner cooperative and the created state. */
  audit: { cooperativeId: string; after: object };
}

/**
 * One kind of upload (cooperatives, planting areas, products): its columns, who may upload it, and
 * the checks a row must pass. The service does the rest (reading, reporting, the transaction), the
 * same for every kind.
 */
export interface KindImporter {
  readonly kind: OnboardingKind;
  readonly columns: ColumnSpec[];
  readonly title: Bilingual;
  readonly entity: EntityTarget<ObjectLiteral>;
  /** entityType of the audit entries, as the single-create endpoint records it. */
  readonly entityType: string;
  /** Throws 403 for roles that may not upload this kind at all (checked before the file is read). */
  assertMayUpload(actor: AuthUser): void;
  /** Checks every row, recording problems; returns the rows that passed. */
  check(actor: AuthUser, rows: RowCells[], problems: RowProblems): Promise<PreparedRow[]>;
}
