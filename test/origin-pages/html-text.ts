// Just enough HTML-to-text for unit assertions on our own markup: what a person would read, with
// tags dropped, entities decoded and whitespace collapsed. The browser spec checks real rendering.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return NAMED[code.toLowerCase()] ?? whole;
  });
}

export function textOf(html: string): string {
  const body = html.replace(/<head>[\s\S]*<\/head>/i, '');
  return decodeEntities(body.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** Every start tag with the given name, e.g. tags(html, 'img'). */
export function tags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
}

/** The decoded value of one attribute in a start tag; null when absent. */
export function attr(tag: string, name: string): string | null {
  const m = tag.match(new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s>])`, 'i'));
  if (!m) return null;
  return decodeEntities(m[1] ?? '');
}
