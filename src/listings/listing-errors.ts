import type { LocalIssue } from '../marketplaces/marketplace-adapter';
import type { ListingFieldError } from './listing.entity';

export const localErrors = (issues: LocalIssue[]): ListingFieldError[] => issues.map((i) => ({ field: i.field, message: i.message, source: 'local' }));

export const marketplaceErrors = (errors: { field: string; code: string; message: string }[]): ListingFieldError[] =>
  errors.map((e) => ({ field: e.field, code: e.code, message: e.message, source: 'marketplace' }));
