import { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { invalidField } from '../errors/common.errors';

/** Deepest nesting of objects and arrays a request body may have (a GeoJSON MultiPolygon needs 6). */
export const MAX_BODY_DEPTH = 32;

/**
 * Refuses a JSON body nested deeper than MAX_BODY_DEPTH, naming the top-level field that holds it. Must run
 * before the ValidationPipe: class-transformer walks the body recursively and overflows the stack near
 * 2,000 levels, which would be a 500. Walks iteratively, so any depth is safe to check.
 */
export class BodyDepthPipe implements PipeTransform {
  constructor(private readonly maxDepth = MAX_BODY_DEPTH) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' || typeof value !== 'object' || value === null) return value;
    const field = tooDeep(value, this.maxDepth);
    if (field !== undefined) {
      throw invalidField(
        field,
        `${field}: dữ liệu lồng nhau quá sâu (tối đa ${this.maxDepth} cấp)`,
        `${field}: nested too deeply (at most ${this.maxDepth} levels)`,
      );
    }
    return value;
  }
}

/** The top-level key under which `value` nests deeper than `max` ("body" for the root itself), if any. */
export function tooDeep(value: object, max: number): string | undefined {
  const stack: { node: unknown; depth: number; top: string }[] = [{ node: value, depth: 1, top: '' }];
  while (stack.length) {
    const { node, depth, top } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) return top || 'body';
    for (const [key, child] of Object.entries(node)) stack.push({ node: child, depth: depth + 1, top: top || key });
  }
  return undefined;
}
