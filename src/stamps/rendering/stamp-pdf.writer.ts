import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { pipeline } from 'node:stream/promises';
import { labelFitProblems, layoutLabelContent } from './label-content';
import { formatNumber as f } from './number-format';
import { QrCodeGenerator } from './qr-code.generator';
import { qrModuleSizeMm, qrPdfRectOperators } from './qr-path';
import { cutGuideSegments, getLayout, labelPositions, labelsPerPage, MM_TO_PT, pageSizePt, StampLayoutError } from './stamp-layouts';
import type { PtRect, StampLabel, StampLayout } from './stamp-rendering.types';
import { VietnameseFont } from './vietnamese-font';

const FONT_NAMES = { medium: 'BeVietnamPro-Medium', bold: 'BeVietnamPro-Bold' } as const;
const GUIDE_WIDTH_PT = 0.25;
const PIN_BOX_WIDTH_PT = 0.4;

export interface StampPdfResult {
  pages: number;
  labels: number;
}

type Labels = AsyncIterable<StampLabel> | Iterable<StampLabel>;

async function* pagesOf(labels: Labels, size: number): AsyncGenerator<StampLabel[]> {
  let page: StampLabel[] = [];
  for await (const label of labels) {
    page.push(label);
    if (page.length === size) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

function waitForDrain(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      out.removeListener('drain', onDrain);
      out.removeListener('error', onError);
      out.removeListener('close', onClose);
    };
    const onDrain = () => (cleanup(), resolve());
    const onError = (err: Error) => (cleanup(), reject(err));
    const onClose = () => (cleanup(), reject(new Error('The PDF output closed before the document was complete')));
    out.once('drain', onDrain).once('error', onError).once('close', onClose);
  });
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Print file of an issuance: a vector PDF (each QR one filled path of module rectangles, text in the
 * embedded Be Vietnam Pro) laid out by a templates/stamps layout.
 */
@Injectable()
export class StampPdfWriter {
  private readonly checked = new Set<string>();

  constructor(
    private readonly qr: QrCodeGenerator,
    private readonly font: VietnameseFont,
  ) {}

  /**
   * Streams the PDF into `out` and ends it. Labels are read one page at a time and a page is only drawn
   * once `out` has taken the previous ones, so 10,000 stamps never sit in memory together. Throws before
   * writing anything when there are no labels; on a later failure `out` is destroyed (incomplete file).
   */
  async write(layoutCode: string, labels: Labels, out: NodeJS.WritableStream): Promise<StampPdfResult> {
    const layout = this.layout(layoutCode);
    const perPage = labelsPerPage(layout);
    const pages = pagesOf(labels, perPage)[Symbol.asyncIterator]();
    let next = await pages.next();
    if (next.done) throw new RangeError('No stamps to print');

    const doc = this.openDocument(layout);
    const done = pipeline(doc, out);
    // Observed through `await done` below; this only stops an early failure being reported as unhandled.
    done.catch(() => undefined);
    const positions = labelPositions(layout);
    const result: StampPdfResult = { pages: 0, labels: 0 };
    try {
      while (!next.done) {
        this.drawPage(doc, layout, positions, next.value);
        result.pages += 1;
        result.labels += next.value.length;
        await this.waitForConsumer(doc, out);
        next = await pages.next();
      }
      doc.end();
    } catch (err) {
      doc.destroy(err as Error);
      await done.catch(() => undefined);
      // Let the label source release what it holds (a database cursor) when `out` failed first.
      await pages.return(undefined).catch(() => undefined);
      throw err;
    }
    await done;
    return result;
  }

  private layout(code: string): StampLayout {
    const layout = getLayout(code);
    if (!this.checked.has(code)) {
      const problems = labelFitProblems(layout.label, this.font);
      if (problems.length) throw new StampLayoutError(`Stamp layout ${code} does not fit its text: ${problems.join('; ')}`);
      this.checked.add(code);
    }
    return layout;
  }

  private openDocument(layout: StampLayout): PDFKit.PDFDocument {
    // bufferPages false (the default): pdfkit writes each page out as soon as the next one starts. The
    // default font is ours too, so pdfkit never loads Helvetica, which has no Vietnamese letters.
    const doc = new PDFDocument({
      autoFirstPage: false,
      bufferPages: false,
      font: this.font.fontFile('medium'),
      info: { Title: `Tem truy xuất nguồn gốc – ${layout.name}`, Creator: 'Nguồn', Producer: 'Nguồn (pdfkit)' },
    });
    doc.registerFont(FONT_NAMES.medium, this.font.fontFile('medium'));
    doc.registerFont(FONT_NAMES.bold, this.font.fontFile('bold'));
    return doc;
  }

  // pdfkit pushes page data without looking at backpressure; when a slow `out` (an HTTP client, a
  // bucket upload) makes the pipe pause, wait for it rather than queue more pages in memory.
  private async waitForConsumer(doc: PDFKit.PDFDocument, out: NodeJS.WritableStream): Promise<void> {
    await nextTick();
    while (doc.readableFlowing === false && !doc.destroyed) {
      await waitForDrain(out);
      await nextTick();
    }
  }

  private drawPage(doc: PDFKit.PDFDocument, layout: StampLayout, positions: PtRect[], labels: StampLabel[]): void {
    doc.addPage({ size: pageSizePt(layout), margin: 0 });
    this.drawCutGuides(doc, layout, labels.length);
    labels.forEach((label, i) => this.drawLabel(doc, layout, positions[i], label));
  }

  private drawCutGuides(doc: PDFKit.PDFDocument, layout: StampLayout, labelCount: number): void {
    const segments = cutGuideSegments(layout, labelCount);
    if (segments.length === 0) return;
    doc.save().lineWidth(GUIDE_WIDTH_PT).strokeColor('#808080');
    if (layout.cutGuides === 'lines') doc.dash(2, { space: 2 });
    for (const s of segments) doc.moveTo(s.x1, s.y1).lineTo(s.x2, s.y2);
    doc.stroke().restore();
  }

  private drawLabel(doc: PDFKit.PDFDocument, layout: StampLayout, origin: PtRect, label: StampLabel): void {
    const g = layout.label;
    const content = layoutLabelContent(label, g, this.font);
    const matrix = this.qr.matrix(label.url, g.qrErrorCorrection);
    const modulePt = qrModuleSizeMm(content.qr.width, matrix) * MM_TO_PT;
    const x = (mm: number) => origin.x + mm * MM_TO_PT;
    const y = (mm: number) => origin.y + mm * MM_TO_PT;

    // Raw operators: pdfkit's rect() per module run is several times slower for 10,000 codes. `0 g` is
    // pure DeviceGray black, which a printer puts on the K plate only, so module edges stay sharp
    // instead of a four-colour black that blurs with plate misregistration.
    doc.addContent(`q 0 g ${f(modulePt)} 0 0 ${f(modulePt)} ${f(x(content.qr.x))} ${f(y(content.qr.y))} cm`);
    doc.addContent(qrPdfRectOperators(matrix));
    doc.addContent('f Q');

    for (const t of content.texts) {
      doc
        .font(FONT_NAMES[t.weight])
        .fontSize(t.sizeMm * MM_TO_PT)
        .text(t.text, x(t.x), y(t.baseline), { lineBreak: false, baseline: 'alphabetic' });
    }
    if (content.pinBox) {
      const b = content.pinBox;
      doc.save().lineWidth(PIN_BOX_WIDTH_PT).rect(x(b.x), y(b.y), b.width * MM_TO_PT, b.height * MM_TO_PT).stroke().restore();
    }
  }
}
