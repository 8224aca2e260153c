import { isISO8601, registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { bilingual } from '../i18n/messages';

// Calendar dates (issue dates, harvest days) travel as 'YYYY-MM-DD' strings end to end: PostgreSQL
// \`date\` columns read back as such strings, and they compare correctly as text.

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (strict ISO 8601: no 2025-02-30, no time part). */
export const isDateOnly = (value: unknown): value is string =>
  typeof value === 'string' && DATE_ONLY.test(value) && isISO8601(value, { strict: true });

/** Validates a date-only field, with a message that names the field and shows the expected form. */
export function IsDateOnly(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateOnly',
      target: object.constructor,
      propertyName,
      options: {
        ...options,
        message: (a: ValidationArguments) =>
          bilingual(
            `${a.property}: ngày phải có thật và viết theo dạng YYYY-MM-DD (ví dụ 2025-03-15)`,
            `${a.property}: must be a real date written YYYY-MM-DD (e.g. 2025-03-15)`,
          ),
      },
      validator: { validate: isDateOnly },
    });
}
