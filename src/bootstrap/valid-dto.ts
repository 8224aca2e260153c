import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

// The demo seeder calls services directly, past the HTTP ValidationPipe; this applies the same
// transforms (GTIN padding, NFC text) and checks, so demo data is held to the API's rules.
export function validDto<T extends object>(cls: ClassConstructor<T>, plain: object): T {
  const dto = plainToInstance(cls, plain);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new Error(`Demo data does not pass ${cls.name}: ${errors.map((e) => e.toString()).join('; ')}`);
  return dto;
}
