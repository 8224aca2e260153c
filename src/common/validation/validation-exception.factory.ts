import type { ValidationError } from 'class-validator';
import { validationFailed } from '../errors/common.errors';
import type { FieldProblem } from '../errors/domain.exception';
import { constraintMessage } from '../i18n/messages';

// Turns class-validator's tree into flat `{field: "address.communeCode", message}` entries.
export function validationExceptionFactory(errors: ValidationError[]) {
  return validationFailed(flatten(errors, ''));
}

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([key, english]) => ({
      field,
      message: constraintMessage(field, key, english, error),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
