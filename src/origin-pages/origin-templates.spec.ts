import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOriginTemplates, minifyCss, originTemplatesDir } from './origin-templates';
import { safeExternalUrl, safeMediaUrl, safeSameSiteUrl, safeSrcset, telHref } from './safe-urls';

describe('origin templates', () => {
  let dir: string;
  const write = (page: string, partials: Record<string, string> = {}) => {
    mkdirSync(join(dir, 'partials'), { recursive: true });
    writeFileSync(join(dir, 'page.hbs'), page);
    writeFileSync(join(dir, 'origin.css'), 'body { color: red; }');
    for (const [name, body] of Object.entries(partials)) writeFileSync(join(dir, 'partials', `${name}.hbs`), body);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nguon-origin-tpl-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds templates/origin from the source tree', () => {
    expect(originTemplatesDir()).toMatch(/templates[/\\]origin$/);
    expect(() => loadOriginTemplates()).not.toThrow();
  });

  it('fails at load, not at the first scan, when a template does not parse', () => {
    write('<p>{{#if x}}unclosed</p>');
    expect(() => loadOriginTemplates(dir)).toThrow(/Parse error/);
  });

  it('throws on a misspelt field instead of printing nothing (strict mode)', () => {
    write('<h1>{{prodcut.name}}</h1>');
    expect(() => loadOriginTemplates(dir).page({ product: { name: 'Cải bắp' } })).toThrow(/not defined/);
  });

  it('refuses custom helpers: all formatting belongs to the presenter', () => {
    write('{{formatDate harvestDate}}');
    expect(() => loadOriginTemplates(dir)).toThrow(/helper/i);
  });

  it('registers partials by file name and drops indentation', () => {
    write('<main>\n    {{> card}}\n</main>', { card: '  <p>{{name}}</p>' });
    expect(loadOriginTemplates(dir).page({ name: 'HTX Tân Minh Đức' })).toBe('<main>\n<p>HTX Tân Minh Đức</p></main>');
  });

  it('minifies our stylesheet without breaking values', () => {
    expect(minifyCss('/* why */\n.a , .b {\n  font: 18px/1.5 system-ui, "Segoe UI";\n  margin: 0 auto;\n}\n.c + .d { width: calc(100% - 1rem); }\n')).toBe(
      '.a,.b{font:18px/1.5 system-ui,"Segoe UI";margin:0 auto}.c + .d{width:calc(100% - 1rem)}',
    );
  });
});

describe('safe URLs', () => {
  it('allows our own media and https images only', () => {
    expect(safeMediaUrl('/media/products/a-640.webp')).toBe('/media/products/a-640.webp');
    expect(safeMediaUrl('https://cdn.nguon.vn/a.webp')).toBe('https://cdn.nguon.vn/a.webp');
    for (const bad of ['javascript:alert(1)', '//evil.example/a.png', 'http://plain.example/a.png', 'data:text/html,x', '/a b.png', '/a".png', '']) {
      expect(safeMediaUrl(bad)).toBeNull();
    }
  });

  it('allows https outbound links only', () => {
    expect(safeExternalUrl('https://voso.vn/p1')).toBe('https://voso.vn/p1');
    expect(safeExternalUrl('/internal')).toBeNull();
    expect(safeExternalUrl('JAVASCRIPT:alert(1)')).toBeNull();
  });

  it('allows same-site language links', () => {
    expect(safeSameSiteUrl('?lang=en')).toBe('?lang=en');
    expect(safeSameSiteUrl('/01/08938505974019/21/K7?lang=en')).toBe('/01/08938505974019/21/K7?lang=en');
    expect(safeSameSiteUrl('//evil.example')).toBeNull();
  });

  it('keeps a srcset only when every candidate is safe', () => {
    expect(safeSrcset('/m/a-320.webp 320w,  /m/a-640.webp 640w')).toBe('/m/a-320.webp 320w, /m/a-640.webp 640w');
    expect(safeSrcset('/m/a-320.webp 320w, javascript:x 640w')).toBeNull();
    expect(safeSrcset('/m/a.webp 2x extra')).toBeNull();
  });

  it('turns written phone numbers into tel: links', () => {
    expect(telHref('0220 3852 168')).toBe('tel:02203852168');
    expect(telHref('+84 (220) 385-2168')).toBe('tel:+842203852168');
    expect(telHref('gọi anh Hùng')).toBeNull();
  });
});
