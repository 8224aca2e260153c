import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class IssueStampsDto {
  /** How many stamps, 1–100,000. */
  @IsInt() @Min(1) @Max(100_000)
  count!: number;

  /** Print a scratch-off PIN on each stamp (given out only in the print file). */
  @IsOptional() @IsBoolean()
  withPin?: boolean;
}
