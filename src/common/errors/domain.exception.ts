import type { Bilingual } from '../i18n/messages';

export interface FieldProblem {
  field: string;
  message: string | Bilingual;
}

// Base of every expected failure. Services throw these; only the global filter turns them into HTTP.
// `code` is a value of a module's error-code enum, mapped to a status in error-status.ts.
export class DomainException<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    readonly bilingualMessage: Bilingual,
    readonly details?: FieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(bilingualMessage.en);
  }
}
