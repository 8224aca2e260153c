// What a consumer sees when scanning a stamp: the view model of the origin page, built by the
// resolver from one lookup (plus a cache of batch-level facts) and rendered to HTML or sent as JSON.
// Dates are 'YYYY-MM-DD' (Vietnam calendar); instants are ISO strings.

export type StampVerdict =
  | 'genuine' // activated stamp, batch not recalled
  | 'batch' // batch-level link (no serial): shows the lot, no per-stamp check
  | 'not_activated'
  | 'voided'
  | 'recalled'
  | 'unknown'; // serial not found: not a genuine stamp

export interface OriginWarning {
  kind: 'scanned_many_times' | 'pin_reused' | 'far_apart_scans' | 'recalled' | 'not_activated' | 'voided' | 'unknown' | 'expired_product';
  /** Already localised text, ready to show. */
  message: string;
}

export interface OriginStage {
  /** harvesting, packing, shipping, receiving… */
  step: string;
  label: string;
  /** Circular 02/2024 per-stage minimum: product tracing code, location tracing code, time. */
  productTracingCode: string;
  locationCode: string;
  locationName: string | null;
  time: string;
  /** One step back / forward, when known. */
  from: string | null;
  to: string | null;
}

export interface OriginView {
  lang: 'vi' | 'en';
  verdict: StampVerdict;
  warnings: OriginWarning[];
  stamp: { serial: string; scanCount: number; firstScanAt: string | null; pinRequired: boolean } | null;
  product: {
    name: string;
    brand: string | null;
    gtin: string | null;
    netContent: string;
    description: string | null;
    standardsApplied: string[];
    shelfLifeDays: number | null;
    image: { src: string; srcset: string; width: number; height: number; alt: string } | null;
  } | null;
  producer: { name: string; shortName: string | null; address: string; phone: string | null; logo: string | null } | null;
  batch: {
    lotCode: string;
    harvestDate: string;
    harvestDateTo: string | null;
    packDate: string | null;
    expiryDate: string | null;
    quantity: string;
    traceabilityCode: string;
    recallReason: string | null;
  } | null;
  plantingArea: { name: string; code: string | null; place: string; crop: string; standard: string | null } | null;
  ocop: { stars: number; label: string; validUntil: string } | null;
  certifications: { scheme: string; certificateNo: string; certBody: string; validUntil: string }[];
  stages: OriginStage[];
  diary: {
    entries: { activity: string; date: string; inputs: string | null; late: boolean }[];
    lateCount: number;
    phiOverrides: { input: string; reason: string }[];
  } | null;
  marketplaceLinks: { name: string; url: string }[];
  /** Link to switch language, keeping the same stamp. */
  alternateLanguageUrl: string;
  updatedAt: string;
  /** Outcome of the scratch-off PIN just POSTed to this page; absent on a plain GET. */
  pinCheck?: { result: 'verified' | 'wrong' | 'already_verified' | 'too_many_attempts' } | null;
}
