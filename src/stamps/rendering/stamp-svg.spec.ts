import { getLayout } from './stamp-layouts';
import type { StampLabel } from './stamp-rendering.types';
import { renderStampSvg } from './stamp-svg';

function stamp(overrides: Partial<StampLabel> = {}): StampLabel {
  return {
    url: 'https://nguon.test/01/08936001234567/10/A%26B%2B1/21/Xk3mP9qT7vR2s',
    serial: 'TMD0000001',
    productName: 'Bắp cải VietGAP Tân Minh Đức',
    cooperativeName: 'HTX Tân Minh Đức',
    ...overrides,
  };
}

describe('renderStampSvg', () => {
  const geometry = getLayout('roll-single').label;

  it('has no <text>, one QR path and outlined text paths', () => {
    const svg = renderStampSvg(stamp(), geometry);
    expect(svg).not.toMatch(/<text/);
    expect(svg.match(/<path class="qr"/g)).toHaveLength(1);
    // Serial, two product lines, cooperative, two caption lines.
    expect(svg.match(/<path class="text" fill="#000" d="M/g)).toHaveLength(6);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="50mm" height="30mm" viewBox="0 0 50 30">/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('adds the PIN caption, the PIN and its box only when there is a PIN', () => {
    expect(renderStampSvg(stamp(), geometry)).not.toContain('pin-box');
    const svg = renderStampSvg(stamp({ pin: '4821 7730' }), geometry);
    expect(svg.match(/<rect class="pin-box"/g)).toHaveLength(1);
    expect(svg.match(/<path class="text"/g)).toHaveLength(8);
  });

  it('escapes names in the title and is deterministic', () => {
    const svg = renderStampSvg(stamp({ productName: 'Rau <sạch> & "ngon"' }), geometry);
    expect(svg).toContain('<title>TMD0000001 – Rau &#60;sạch&#62; &#38; &#34;ngon&#34; – HTX Tân Minh Đức</title>');
    expect(renderStampSvg(stamp(), geometry)).toBe(renderStampSvg(stamp(), geometry));
  });

  it('draws a different QR for a different URL', () => {
    const qrPath = (svg: string) => /<path class="qr"[^>]* d="([^"]+)"/.exec(svg)![1];
    expect(qrPath(renderStampSvg(stamp(), geometry))).not.toBe(qrPath(renderStampSvg(stamp({ url: 'https://nguon.test/o/2' }), geometry)));
  });
});
