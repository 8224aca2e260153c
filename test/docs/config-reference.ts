import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { EnvSchema } from '../../src/config/env.schema';

const SCHEMA_FILE = join(__dirname, '../../src/config/env.schema.ts');
export const BEGIN = '<!-- config-reference:begin (generated from src/config/env.schema.ts; `UPDATE_DOCS=1 npx jest test/docs`) -->';
export const END = '<!-- config-reference:end -->';

interface Variable {
  name: string;
  description: string;
  accepts: string;
  default: string;
}

/** The doc comment of every property of EnvSchema, read from the source with the TypeScript compiler. */
function descriptions(): Map<string, string> {
  const source = ts.createSourceFile(SCHEMA_FILE, readFileSync(SCHEMA_FILE, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = new Map<string, string>();
  source.forEachChild(function visit(node) {
    if (ts.isPropertyDeclaration(node) && ts.isIdentifier(node.name)) {
      const doc = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join(' ');
      found.set(node.name.text, doc.replace(/\s+/g, ' ').trim());
    }
    node.forEachChild(visit);
  });
  return found;
}

/** What values a variable accepts, from its class-validator decorators. */
function accepts(name: string): string {
  const rules = getMetadataStorage().getTargetValidationMetadatas(EnvSchema, '', true, false).filter((m) => m.propertyName === name);
  const arg = (kind: string) => rules.find((r) => (r.name ?? r.type) === kind)?.constraints?.[0];
  const min = arg('min');
  const max = arg('max');
  const range = min !== undefined && max !== undefined ? ` ${min}–${max}` : '';
  if (rules.some((r) => r.name === 'isBoolean')) return '`true` / `false`';
  if (rules.some((r) => r.name === 'isInt')) return `integer${range}`;
  if (min !== undefined) return `number${range}`;
  const allowed = arg('isIn') as readonly string[] | undefined;
  if (allowed) return allowed.map((v) => `\`${v}\``).join(' ');
  if (rules.some((r) => r.name === 'isEmail')) return 'email address';
  if (rules.some((r) => r.name === 'isUrl')) return 'http(s) URL';
  const minLength = arg('minLength');
  if (minLength !== undefined) return `text, ≥ ${minLength} characters`;
  if (rules.some((r) => r.name === 'matches')) return 'see meaning';
  return 'text';
}

export function variables(): Variable[] {
  const docs = descriptions();
  const defaults = new EnvSchema() as unknown as Record<string, unknown>;
  return [...docs.keys()].map((name) => ({
    name,
    description: docs.get(name) ?? '',
    accepts: accepts(name),
    default: defaults[name] === undefined ? '—' : defaults[name] === '' ? 'empty' : `\`${String(defaults[name])}\``,
  }));
}

export function configReferenceMarkdown(): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = variables().map((v) => `| \`${v.name}\` | ${v.default} | ${v.accepts} | ${escape(v.description)} |`);
  return [BEGIN, '| variable | default | accepts | meaning |', '| --- | --- | --- | --- |', ...rows, END].join('\n');
}

/** Replaces the generated block of a Markdown document. */
export function withConfigReference(markdown: string): string {
  const start = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) throw new Error('the document has no config-reference block');
  return markdown.slice(0, start) + configReferenceMarkdown() + markdown.slice(end + END.length);
}
