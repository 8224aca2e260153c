import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Nearest folder above `start` holding package.json: the repository root whether the code runs from
 * src/ (ts-jest), dist/src/ (nest build) or dist/bench/src/ (benchmarks). Data files (templates,
 * reference data) are read from there, so no build step has to copy them.
 */
export function findProjectRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}
