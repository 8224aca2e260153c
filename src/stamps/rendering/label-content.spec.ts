import { fitWithEllipsis, labelFitProblems, layoutLabelContent, PIN_CAPTION, SCAN_CAPTION, wrapText } from './label-content';
import type { FontWeight, LabelGeometry, StampLabel } from './stamp-rendering.types';
import type { TextMeasurer } from './vietnamese-font';

// Every character half an em wide (bold a little wider): predictable widths without a font file.
function fakeMeasurer(): TextMeasurer {
  return {
    measure: (text: string, size: number, weight: FontWeight) => Array.from(text.normalize('NFC')).length * size * (weight === 'bold' ? 0.55 : 0.5),
    verticalMetrics: () => ({ ascent: 0.95, descent: 0.25 }),
  };
}

const GEOMETRY: LabelGeometry = {
  widthMm: 50,
  heightMm: 30,
  paddingMm: 1.5,
  qrSizeMm: 24,
  textGapMm: 0.5,
  qrErrorCorrection: 'M',
  fontSizesPt: { product: 7, cooperative: 6, caption: 5, serial: 5.5, pinCaption: 4.5, pin: 7.5 },
  productMaxLines: 2,
  captionMaxLines: 2,
};

function stamp(overrides: Partial<StampLabel> = {}): StampLabel {
  return { url: 'https://nguon.test/o/1', serial: 'TMD0000001', productName: 'Bắp cải VietGAP Tân Minh Đức', cooperativeName: 'HTX Tân Minh Đức', ...overrides };
}

describe('fitWithEllipsis', () => {
  const m = fakeMeasurer();

  it('keeps text that fits and cuts the rest with "…" inside the width', () => {
    expect(fitWithEllipsis('Rau muống', 10, 2, 'medium', m)).toBe('Rau muống');
    const cut = fitWithEllipsis('Hợp tác xã Nông nghiệp Vũ Bản', 10, 2, 'medium', m);
    expect(cut).toBe('Hợp tác x…');
    expect(m.measure(cut, 2, 'medium')).toBeLessThanOrEqual(10);
  });
});

describe('wrapText', () => {
  const m = fakeMeasurer();

  it('keeps every word when the text fits in the allowed lines', () => {
    // 28 characters over two lines of 16: no word may be dropped at the break.
    expect(wrapText('Bắp cải VietGAP Tân Minh Đức', 16, 2, 2, 'medium', m)).toEqual(['Bắp cải VietGAP', 'Tân Minh Đức']);
  });

  it('balances the lines instead of leaving one word alone', () => {
    expect(wrapText('Gạo nếp cái hoa vàng', 17, 2, 2, 'medium', m)).toEqual(['Gạo nếp cái', 'hoa vàng']);
  });

  it('ends the last allowed line with "…"', () => {
    const lines = wrapText('Gạo nếp cái hoa vàng đặc sản Thọ Xuân loại một', 12, 2, 2, 'medium', m);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    for (const line of lines) expect(m.measure(line, 2, 'medium')).toBeLessThanOrEqual(12);
  });

  it('never breaks at a no-break space (the scan caption keeps "truy xuất" and "nguồn gốc" whole)', () => {
    const lines = wrapText(SCAN_CAPTION, 18, 2, 2, 'medium', m);
    expect(lines.map((l) => l.replace(/\u00A0/g, ' '))).toEqual(['Quét để truy xuất', 'nguồn gốc']);
  });

  it('puts everything on one line, cut, when only one line is allowed', () => {
    expect(wrapText('Hợp tác xã Tân Minh Đức', 10, 1, 2, 'medium', m)).toEqual(['Hợp tác x…']);
  });
});

describe('layoutLabelContent', () => {
  const m = fakeMeasurer();

  it('puts the QR square at the padding and the serial centred under it', () => {
    const content = layoutLabelContent(stamp(), GEOMETRY, m);
    expect(content.qr.x).toBe(1.5);
    expect(content.qr.width).toBe(24);
    const serial = content.texts.find((t) => t.text === 'TMD0000001')!;
    const width = m.measure(serial.text, serial.sizeMm, serial.weight);
    expect(serial.x + width / 2).toBeCloseTo(content.qr.x + content.qr.width / 2, 6);
    expect(serial.baseline).toBeGreaterThan(content.qr.y + content.qr.width);
  });

  it('keeps every text inside the label and orders the column top to bottom', () => {
    const content = layoutLabelContent(stamp({ pin: '4821 7730' }), GEOMETRY, m);
    for (const t of content.texts) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x + m.measure(t.text, t.sizeMm, t.weight)).toBeLessThanOrEqual(GEOMETRY.widthMm - GEOMETRY.paddingMm + 1e-9);
      expect(t.baseline).toBeLessThanOrEqual(GEOMETRY.heightMm - GEOMETRY.paddingMm);
    }
    const column = content.texts.filter((t) => t.x > content.qr.x + content.qr.width);
    const texts = column.map((t) => t.text.replace(/\u00A0/g, ' '));
    expect(texts).toEqual(['Bắp cải VietGAP', 'Tân Minh Đức', 'HTX Tân Minh Đức', 'Quét để truy xuất', 'nguồn gốc', PIN_CAPTION, '4821 7730']);
    const baselines = column.map((t) => t.baseline);
    expect([...baselines].sort((a, b) => a - b)).toEqual(baselines);
    const box = content.pinBox!;
    const pin = content.texts.find((t) => t.text === '4821 7730')!;
    expect(pin.baseline).toBeGreaterThan(box.y);
    expect(pin.baseline).toBeLessThan(box.y + box.height);
    expect(box.y + box.height).toBeLessThanOrEqual(GEOMETRY.heightMm - GEOMETRY.paddingMm + 1e-9);
  });

  it('draws no PIN box or caption without a PIN', () => {
    const content = layoutLabelContent(stamp(), GEOMETRY, m);
    expect(content.pinBox).toBeUndefined();
    expect(content.texts.map((t) => t.text)).not.toContain(PIN_CAPTION);
  });

  it('normalises names to NFC (text typed on some phones arrives decomposed)', () => {
    const decomposed = 'Bắp cải'.normalize('NFD');
    const content = layoutLabelContent(stamp({ productName: decomposed }), GEOMETRY, m);
    expect(content.texts.map((t) => t.text)).toContain('Bắp cải'.normalize('NFC'));
  });

  it('shrinks a long serial to the QR width instead of cutting it', () => {
    const serial = 'TMD-2025-11-0000000000000123';
    const content = layoutLabelContent(stamp({ serial }), GEOMETRY, m);
    const text = content.texts.find((t) => t.text === serial)!;
    expect(m.measure(serial, text.sizeMm, 'medium')).toBeCloseTo(GEOMETRY.qrSizeMm, 6);
  });
});

describe('labelFitProblems', () => {
  it('accepts the roll geometry and reports a label too small for its text', () => {
    const m = fakeMeasurer();
    expect(labelFitProblems(GEOMETRY, m)).toEqual([]);
    const problems = labelFitProblems({ ...GEOMETRY, heightMm: 20, qrSizeMm: 16, widthMm: 30 }, m);
    expect(problems.join('; ')).toMatch(/text with a PIN needs [\d.]+ mm of 17\.00 mm/);
    expect(labelFitProblems({ ...GEOMETRY, widthMm: 30 }, m).join()).toMatch(/text column is 2\.50 mm wide/);
  });
});
