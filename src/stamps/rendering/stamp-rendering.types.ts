// What one printed stamp shows. Built by the stamps service from a stamp record; rendering never
// reads the database.
export interface StampLabel {
  /** The URL encoded in the QR code (GS1 Digital Link of the stamp). */
  url: string;
  serial: string;
  productName: string;
  cooperativeName: string;
  /** Scratch-off PIN, printed under a "Mã PIN (cào để xem)" caption when present. */
  pin?: string;
}

export type QrErrorCorrection = 'M' | 'Q';

export type FontWeight = 'medium' | 'bold';

export interface LabelFontSizes {
  product: number;
  cooperative: number;
  caption: number;
  serial: number;
  pinCaption: number;
  pin: number;
}

/** The inside of one label, in millimetres from its top-left corner. Font sizes are in points. */
export interface LabelGeometry {
  widthMm: number;
  heightMm: number;
  paddingMm: number;
  /** Side of the QR square, quiet zone included. */
  qrSizeMm: number;
  /** Space between the QR square and the text column (the quiet zone already separates them). */
  textGapMm: number;
  qrErrorCorrection: QrErrorCorrection;
  fontSizesPt: LabelFontSizes;
  productMaxLines: number;
  captionMaxLines: number;
}

export type CutGuideStyle = 'none' | 'crop-marks' | 'lines';

/** One file of templates/stamps/: a print sheet (or roll page) and the label drawn on it. */
export interface StampLayout {
  code: string;
  name: string;
  description: string;
  page: { widthMm: number; heightMm: number };
  margins: { topMm: number; rightMm: number; bottomMm: number; leftMm: number };
  grid: { columns: number; rows: number; columnGapMm: number; rowGapMm: number };
  label: LabelGeometry;
  cutGuides: CutGuideStyle;
}

/** A rectangle in PDF points, origin at the top-left of the page (pdfkit's coordinate system). */
export interface PtRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PtSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
