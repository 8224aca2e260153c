import { checkScope, normaliseScope } from './code-scope';

describe('code scope', () => {
  it('normalises case and spaces', () => {
    expect(normaliseScope(' Export: cn ')).toBe('export:CN');
    expect(normaliseScope('DOMESTIC')).toBe('domestic');
    expect(normaliseScope('noi dia')).toBe('noidia');
  });

  it('accepts domestic, ISO 3166-1 alpha-2 markets and the EU', () => {
    for (const scope of ['domestic', 'export:CN', 'export:US', 'export:JP', 'export:AU', 'export:EU']) expect(checkScope(scope)).toEqual({ ok: true });
  });

  it('refuses unknown countries, Vietnam itself and other shapes', () => {
    expect(checkScope('export:XX')).toEqual({ ok: false, reason: 'country' });
    expect(checkScope('export:VN')).toEqual({ ok: false, reason: 'vietnam' });
    expect(checkScope('export:CHN')).toEqual({ ok: false, reason: 'format' });
    expect(checkScope('china')).toEqual({ ok: false, reason: 'format' });
    expect(checkScope(42)).toEqual({ ok: false, reason: 'format' });
  });
});
