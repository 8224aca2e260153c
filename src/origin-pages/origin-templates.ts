import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { findProjectRoot } from '../common/project-root';

// Loads templates/origin once: the page, its partials and the CSS it inlines. Everything happens at
// boot, so a broken template stops the deploy instead of the first consumer's scan, and a request
// only runs an already compiled function (no file system, no parsing).

export type OriginPageTemplate = Handlebars.TemplateDelegate;

export interface OriginTemplates {
  page: OriginPageTemplate;
  /** Minified stylesheet, inlined in a <style> element by the page template. */
  css: string;
}

// strict: a typo such as {{prodcut.name}} throws in tests instead of silently printing nothing.
// knownHelpersOnly: the templates may use the built-in block helpers only, and skip the helper
// lookups at run time. The presenter does all formatting in TypeScript.
const COMPILE_OPTIONS: CompileOptions = { strict: true, knownHelpersOnly: true, preventIndent: true };

type CompileOptions = Parameters<typeof Handlebars.compile>[1] & object;

export function originTemplatesDir(): string {
  return join(findProjectRoot(__dirname), 'templates', 'origin');
}

export function loadOriginTemplates(dir: string = originTemplatesDir()): OriginTemplates {
  // A private environment: partials registered here cannot clash with any other Handlebars user.
  const hbs = Handlebars.create();
  const partialsDir = join(dir, 'partials');
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs')).sort()) {
    hbs.registerPartial(basename(file, '.hbs'), compileNow(hbs, readTemplate(join(partialsDir, file))));
  }
  return { page: compileNow(hbs, readTemplate(join(dir, 'page.hbs'))), css: minifyCss(readFileSync(join(dir, 'origin.css'), 'utf8')) };
}

// Handlebars.compile() parses lazily on first call. precompile() parses now and returns the template
// spec as JavaScript source (the same code compile() would evaluate later); template() links it to
// our environment. The source is our own repository's templates, never request data.
function compileNow(hbs: typeof Handlebars, source: string): OriginPageTemplate {
  const spec = hbs.precompile(source, COMPILE_OPTIONS) as unknown as string;
  return hbs.template(new Function(`return ${spec};`)());
}

// Indentation is for people editing the file; on a slow network every byte counts. There is no
// <pre> or <textarea> in these templates, where leading spaces would matter.
function readTemplate(path: string): string {
  return readFileSync(path, 'utf8').replace(/^[ \t]+/gm, '').replace(/\n{2,}/g, '\n');
}

// Enough for our own hand-written stylesheet (no strings or url() with meaningful spaces); not a
// general CSS minifier. Spaces around + and > stay: calc() needs them.
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}
