import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQueryDto {
  /** Page number, from 1 (at most 1,000,000: beyond, the row offset overflows the database's bigint). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  page: number = 1;

  /** Items per page, 1–100. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize: number = 20;

  /** Language of messages (vi by default; Accept-Language works too). */
  @IsOptional() @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** "name" sorts ascending, "-name" descending; only whitelisted keys reach SQL. */
export function parseSort<K extends string>(
  sort: string | undefined,
  columns: Record<K, string>,
  fallback: K,
): { column: string; direction: 'ASC' | 'DESC' } {
  const desc = sort?.startsWith('-') ?? false;
  const key = (sort?.replace(/^-/, '') ?? fallback) as K;
  return { column: columns[key] ?? columns[fallback], direction: desc ? 'DESC' : 'ASC' };
}
