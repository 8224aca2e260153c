import { Param, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { invalidField } from '../errors/common.errors';

class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}
  transform(value: string): string {
    if (!isUUID(value)) throw invalidField(this.field, `${this.field} phải là UUID hợp lệ`, `${this.field} must be a UUID`);
    return value;
  }
}

class IntPipe implements PipeTransform<string, number> {
  constructor(private readonly field: string) {}
  transform(value: string): number {
    if (!/^\d{1,9}$/.test(value)) throw invalidField(this.field, `${this.field} phải là số nguyên dương`, `${this.field} must be a positive integer`);
    return Number(value);
  }
}

class SlugPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}
  transform(value: string): string {
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(value)) {
      throw invalidField(this.field, `${this.field} phải là tên viết thường dạng snake_case, ví dụ planting_area`, `${this.field} must be a snake_case name such as planting_area`);
    }
    return value;
  }
}

/** A path parameter that must be a UUID; a 400 names the parameter otherwise. */
export const UuidParam = (name: string) => Param(name, new UuidPipe(name));
/** A path parameter that must be a positive integer. */
export const IntParam = (name: string) => Param(name, new IntPipe(name));
/** A path parameter naming a kind of record in snake_case (planting_area, harvest_batch…). */
export const SlugParam = (name: string) => Param(name, new SlugPipe(name));
