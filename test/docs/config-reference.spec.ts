import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { variables, withConfigReference } from './config-reference';

// The configuration tables in README.md and docs/operations.md are generated from the env schema, so
// a new variable cannot ship undocumented. UPDATE_DOCS=1 rewrites them.
const DOCS = ['README.md', 'docs/operations.md'].map((file) => join(__dirname, '../..', file));

describe('configuration reference', () => {
  it('documents every environment variable with a description', () => {
    const vars = variables();
    expect(vars.length).toBeGreaterThan(25);
    expect(vars.filter((v) => v.description.length < 10).map((v) => v.name)).toEqual([]);
    expect(vars.find((v) => v.name === 'PORT')).toEqual({ name: 'PORT', description: 'HTTP port.', accepts: 'integer 1–65535', default: '`3000`' });
    expect(vars.find((v) => v.name === 'MIGRATIONS_RUN')?.accepts).toBe('`true` / `false`');
  });

  it.each(DOCS)('is up to date in %s', (file) => {
    const current = readFileSync(file, 'utf8');
    const generated = withConfigReference(current);
    if (process.env.UPDATE_DOCS === '1') writeFileSync(file, generated);
    else expect(current).toBe(generated);
  });
});
