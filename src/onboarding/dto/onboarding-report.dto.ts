import { ApiProperty } from '@nestjs/swagger';
import { ONBOARDING_KINDS, OnboardingKind } from '../kinds/column-spec';
import { RowErrorDto } from './row-error.dto';

// The answer to an upload: the same shape for a dry run, an applied file, and (inside the 422 error
// body, whose `details` carry the errors) a file refused because of bad rows.
export class OnboardingReportDto {
  @ApiProperty({ enum: ONBOARDING_KINDS })
  kind!: OnboardingKind;

  /** True: the file was only checked, nothing was written. */
  dryRun!: boolean;

  /** Format read from the file's content: xlsx or csv. */
  @ApiProperty({ enum: ['xlsx', 'csv'] })
  format!: 'xlsx' | 'csv';

  /** Data rows read (the header, the "VD:" example row and blank rows are not counted). */
  totalRows!: number;

  /** Rows that passed every check. */
  validRows!: number;

  /** Rows with at least one problem. */
  errorRows!: number;

  /** Every problem, by row then column (at most 1,000; see errorsTruncated). */
  errors!: RowErrorDto[];

  /** True when there were more problems than listed. */
  errorsTruncated!: boolean;

  /** Headers of row 1 that are not template columns: their cells were not read. */
  ignoredColumns!: string[];

  /** Entities written: 0 for a dry run or a refused file, otherwise every row (all or nothing). */
  created!: number;

  /** Ids of the created entities, in the order of the rows; only when the file was applied. */
  createdIds?: string[];
}
