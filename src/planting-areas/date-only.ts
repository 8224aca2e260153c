import { isISO8601, registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { bilingual } from '../common/i18n/messages';

// Calendar dates (issue dates, harvest windows) travel as 'YYYY-MM-DD' strings end to end: PostgreSQL
// `date` columns read back as such strings, and they compare correctly as text. "Today" is the day in
// Vietnam (UTC+7, no daylight saving), not the server's, so a change made at 6 am in Hà Nội is dated
// today even on a UTC server.

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (strict ISO 8601: no 2025-02-30, no time part). */
export const isDateOnly = (value: unknown): value is string =>
  typeof value === 'string' && DATE_ONLY.test(value) && isISO8601(value, { strict: true });

export function todayInVietnam(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

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
