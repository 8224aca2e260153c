import { ORIGIN_TEXTS, type OriginPageTexts, type VerdictKey } from './origin-i18n';
import type { FactModel, ImageModel, OriginPageModel, SectionModel, Tone } from './origin-page.model';
import type { OriginView, OriginWarning, StampVerdict } from './origin-view';
import { safeExternalUrl, safeMediaUrl, safeSameSiteUrl, safeSrcset, telHref } from './safe-urls';

// Turns the resolver's OriginView into the template model: which sections a verdict may show, the
// wording, the date formats, and the last line of defence on what the law lets us claim.

interface Visibility {
  product: boolean;
  /** Batch-bound facts: planting area, certificates, stages, diary. */
  lot: boolean;
  buy: boolean;
  pin: boolean;
}

// An unknown serial shows nothing but the verdict: any product data would lend the fake credibility.
// Unactivated or voided stamps are not bound to a lot, so lot data would be a claim we cannot back.
// A recall keeps the lot data (the buyer must recognise the lot) but never offers to sell it.
const VISIBILITY: Record<StampVerdict, Visibility> = {
  genuine: { product: true, lot: true, buy: true, pin: true },
  batch: { product: true, lot: true, buy: true, pin: false },
  recalled: { product: true, lot: true, buy: false, pin: false },
  not_activated: { product: true, lot: false, buy: false, pin: false },
  voided: { product: true, lot: false, buy: false, pin: false },
  unknown: { product: false, lot: false, buy: false, pin: false },
};

const VERDICT_TONE: Record<StampVerdict, Tone> = {
  genuine: 'ok',
  batch: 'info',
  not_activated: 'warn',
  voided: 'warn',
  recalled: 'bad',
  unknown: 'bad',
};
const TONE_ICON: Record<Tone, string> = { ok: '✓', info: 'i', warn: '!', bad: '✕' };

// Signs that a registered stamp was copied: they turn a green verdict orange.
const SUSPICIOUS: ReadonlySet<OriginWarning['kind']> = new Set(['scanned_many_times', 'pin_reused', 'far_apart_scans']);

// Only 3★–5★ products are certified and may carry the OCOP mark (Decision 1162, Art. 5).
const OCOP_MIN_STARS = 3;
const OCOP_MAX_STARS = 5;

const IMAGE_SIZES = '(min-width: 42rem) 38rem, 92vw';

export function presentOriginPage(view: OriginView): OriginPageModel {
  const t = ORIGIN_TEXTS[view.lang] ?? ORIGIN_TEXTS.vi;
  const show = VISIBILITY[view.verdict];
  const productName = show.product ? (view.product?.name ?? null) : null;
  return {
    lang: view.lang,
    title: `${productName ?? (view.verdict === 'unknown' ? t.invalidStampTitle : t.verdicts[view.verdict].title)} — ${t.brand}`,
    langSwitch: {
      url: safeSameSiteUrl(view.alternateLanguageUrl) ?? `?lang=${t.otherLanguage.lang}`,
      label: t.otherLanguage.label,
      lang: t.otherLanguage.lang,
    },
    verdict: presentVerdict(view, t),
    product: show.product ? presentProduct(view, t, show.lot) : null,
    certifications: show.lot ? presentCertifications(view, t) : null,
    producer: show.product ? presentProducer(view, t) : null,
    plantingArea: show.lot ? presentPlantingArea(view, t) : null,
    batch: show.lot ? presentBatch(view, t) : null,
    stages: show.lot ? presentStages(view, t) : null,
    diary: show.lot ? presentDiary(view, t) : null,
    buy: show.buy ? presentBuy(view, t) : null,
    stamp: presentStamp(view, t, show.pin),
    footer: { updated: view.updatedAt ? `${t.labels.updatedAt} ${t.dateTime(view.updatedAt)}` : null, text: t.footer },
  };
}

function presentVerdict(view: OriginView, t: OriginPageTexts): OriginPageModel['verdict'] {
  // The banner already states the verdict; repeating it as a warning line would only add noise.
  const warnings = view.warnings.filter((w) => w.kind !== view.verdict);
  const registered = view.verdict === 'genuine' || view.verdict === 'batch';
  const key: VerdictKey = view.verdict === 'genuine' && warnings.some((w) => SUSPICIOUS.has(w.kind)) ? 'genuine_warned' : view.verdict;
  const tone: Tone = registered && warnings.length > 0 ? 'warn' : VERDICT_TONE[view.verdict];
  const text = t.verdicts[key];
  return {
    tone,
    icon: TONE_ICON[tone],
    title: text.title,
    detail: text.detail,
    reason: view.verdict === 'recalled' ? { label: t.recallReason, text: view.batch?.recallReason || t.recallReasonMissing } : null,
    warnings: warnings.map((w) => w.message || t.warningFallback[w.kind]),
    advice: text.advice,
  };
}

function fact(label: string, value: string | number | null | undefined, opts: { code?: boolean; href?: string | null } = {}): FactModel[] {
  if (value === null || value === undefined || value === '') return [];
  return [{ label, value: String(value), code: opts.code ?? false, href: opts.href ?? null }];
}

function dateRange(t: OriginPageTexts, from: string, to: string | null): string {
  return to && to !== from ? `${t.date(from)} – ${t.date(to)}` : t.date(from);
}

function presentImage(image: NonNullable<OriginView['product']>['image']): ImageModel | null {
  const src = safeMediaUrl(image?.src);
  // An image without real dimensions would shift the text as it loads on a slow network: drop it.
  if (!image || !src || !(Number.isInteger(image.width) && image.width > 0 && Number.isInteger(image.height) && image.height > 0)) return null;
  return { src, srcset: safeSrcset(image.srcset), sizes: IMAGE_SIZES, width: image.width, height: image.height, alt: image.alt };
}

function presentProduct(view: OriginView, t: OriginPageTexts, lot: boolean): OriginPageModel['product'] {
  const p = view.product;
  if (!p) return null;
  const harvest = lot && view.batch ? dateRange(t, view.batch.harvestDate, view.batch.harvestDateTo) : null;
  return {
    name: p.name,
    description: p.description,
    image: presentImage(p.image),
    // The one-second answer: who, where, when.
    keyFacts: [
      ...fact(t.summary.grownBy, view.producer?.shortName || view.producer?.name),
      ...fact(t.summary.grownIn, lot ? view.plantingArea?.place : null),
      ...fact(t.summary.harvested, harvest),
    ],
    facts: [
      ...fact(t.labels.brand, p.brand),
      ...fact(t.labels.gtin, p.gtin, { code: true }),
      ...fact(t.labels.netContent, p.netContent),
      ...fact(t.labels.shelfLife, p.shelfLifeDays != null ? t.shelfLifeDays(p.shelfLifeDays) : null),
      ...fact(t.labels.standards, p.standardsApplied.join('; ')),
    ],
  };
}

/** Valid on the harvest date: a certificate that lapsed before harvest says nothing about this lot. */
function validOnHarvest(view: OriginView, validUntil: string): boolean {
  const harvest = view.batch?.harvestDate;
  return !harvest || validUntil.slice(0, 10) >= harvest;
}

function presentCertifications(view: OriginView, t: OriginPageTexts): OriginPageModel['certifications'] {
  const o = view.ocop;
  const stars = o && Number.isInteger(o.stars) && o.stars >= OCOP_MIN_STARS && o.stars <= OCOP_MAX_STARS && validOnHarvest(view, o.validUntil) ? o.stars : 0;
  const ocop =
    o && stars > 0
      ? {
          stars: '★'.repeat(stars),
          aria: t.ocopAria(stars),
          text: t.ocopText(stars),
          // The resolver's label (e.g. the recognising decision) adds to, never replaces, our wording.
          detail: o.label && o.label !== t.ocopText(stars) ? o.label : null,
          facts: fact(t.labels.validUntil, t.date(o.validUntil)),
        }
      : null;
  const items = view.certifications
    .filter((c) => validOnHarvest(view, c.validUntil))
    .map((c) => ({
      scheme: c.scheme,
      facts: [
        ...fact(t.labels.certificateNo, c.certificateNo, { code: true }),
        ...fact(t.labels.certBody, c.certBody),
        ...fact(t.labels.validUntil, t.date(c.validUntil)),
      ],
    }));
  return ocop || items.length > 0 ? { title: t.sections.certifications, ocop, items } : null;
}

function presentProducer(view: OriginView, t: OriginPageTexts): OriginPageModel['producer'] {
  const p = view.producer;
  if (!p) return null;
  return {
    title: t.sections.producer,
    name: p.name,
    facts: [...fact(t.labels.address, p.address), ...fact(t.labels.phone, p.phone, { href: telHref(p.phone) })],
  };
}

function section(title: string, facts: FactModel[]): SectionModel | null {
  return facts.length > 0 ? { title, facts } : null;
}

function presentPlantingArea(view: OriginView, t: OriginPageTexts): SectionModel | null {
  const a = view.plantingArea;
  if (!a) return null;
  return section(t.sections.plantingArea, [
    ...fact(t.labels.areaCode, a.code, { code: true }),
    ...fact(t.labels.areaName, a.name),
    ...fact(t.labels.place, a.place),
    ...fact(t.labels.crop, a.crop),
    ...fact(t.labels.standard, a.standard),
  ]);
}

function presentBatch(view: OriginView, t: OriginPageTexts): SectionModel | null {
  const b = view.batch;
  if (!b) return null;
  return section(t.sections.batch, [
    ...fact(t.labels.traceabilityCode, b.traceabilityCode, { code: true }),
    ...fact(t.labels.lotCode, b.lotCode, { code: true }),
    ...fact(t.labels.harvestDate, dateRange(t, b.harvestDate, b.harvestDateTo)),
    ...fact(t.labels.packDate, b.packDate ? t.date(b.packDate) : null),
    ...fact(t.labels.expiryDate, b.expiryDate ? t.date(b.expiryDate) : null),
    ...fact(t.labels.quantity, b.quantity),
  ]);
}

function presentStages(view: OriginView, t: OriginPageTexts): OriginPageModel['stages'] {
  if (view.stages.length === 0) return null;
  const items = view.stages.map((s) => {
    const name = t.steps[s.step] ?? s.label;
    return {
      name,
      detail: s.label && s.label !== name ? s.label : null,
      facts: [
        ...fact(t.labels.stageTime, t.dateTime(s.time)),
        ...fact(t.labels.productTracingCode, s.productTracingCode, { code: true }),
        ...fact(t.labels.locationCode, s.locationCode, { code: true }),
        ...fact(t.labels.place, s.locationName),
        ...fact(t.labels.from, s.from),
        ...fact(t.labels.to, s.to),
      ],
    };
  });
  return { title: t.sections.stages, items };
}

function presentDiary(view: OriginView, t: OriginPageTexts): OriginPageModel['diary'] {
  const d = view.diary;
  if (!d || (d.entries.length === 0 && d.phiOverrides.length === 0)) return null;
  return {
    title: t.sections.diary,
    summary: t.diarySummary(d.entries.length, d.lateCount),
    phiOverrides: d.phiOverrides.map((o) => ({ title: t.phiOverrideTitle, input: o.input, reasonLabel: t.phiOverrideReason, reason: o.reason })),
    entries: d.entries.map((e) => ({
      date: t.date(e.date),
      activity: t.activities[e.activity] ?? e.activity,
      inputs: e.inputs || null,
      late: e.late ? t.diaryLate : null,
    })),
  };
}

function presentBuy(view: OriginView, t: OriginPageTexts): OriginPageModel['buy'] {
  const links = view.marketplaceLinks.flatMap((l) => {
    const url = safeExternalUrl(l.url);
    return url ? [{ name: l.name, url }] : [];
  });
  return links.length > 0 ? { title: t.sections.buy, links } : null;
}

const PIN_RESULT: Record<NonNullable<OriginView['pinCheck']>['result'], { tone: Tone; text: (t: OriginPageTexts) => string; form: boolean }> = {
  verified: { tone: 'ok', text: (t) => t.pin.verified, form: false },
  wrong: { tone: 'warn', text: (t) => t.pin.wrong, form: true },
  already_verified: { tone: 'bad', text: (t) => t.pin.alreadyVerified, form: false },
  too_many_attempts: { tone: 'warn', text: (t) => t.pin.tooManyAttempts, form: false },
};

function presentStamp(view: OriginView, t: OriginPageTexts, pinAllowed: boolean): OriginPageModel['stamp'] {
  const s = view.stamp;
  if (!s) return null;
  if (view.verdict === 'unknown') return { title: t.sections.stamp, facts: fact(t.labels.scannedSerial, s.serial, { code: true }), pin: null };
  const outcome = view.pinCheck ? PIN_RESULT[view.pinCheck.result] : null;
  const pin =
    pinAllowed && s.pinRequired
      ? {
          result: outcome ? { tone: outcome.tone, text: outcome.text(t) } : null,
          form: !outcome || outcome.form ? { label: t.pin.label, help: t.pin.help, submit: t.pin.submit } : null,
        }
      : null;
  return {
    title: t.sections.stamp,
    facts: [
      ...fact(t.labels.serial, s.serial, { code: true }),
      ...fact(t.labels.scanCount, t.scanTimes(s.scanCount)),
      ...fact(t.labels.firstScan, s.firstScanAt ? t.dateTime(s.firstScanAt) : null),
    ],
    pin,
  };
}
