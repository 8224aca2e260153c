import type { Lang } from '../common/i18n/messages';
import { ORIGIN_TEXTS } from '../origin-pages/origin-i18n';
import { originWarning } from '../origin-pages/origin-warnings';
import type { OriginView, OriginWarning, StampVerdict } from '../origin-pages/origin-view';
import { todayInVietnam } from '../common/time/vn-date';
import type { OriginFacts } from './origin-facts.service';

export interface StampState {
  serial: string;
  status: 'issued' | 'activated' | 'voided' | 'recalled';
  statusReason: string | null;
  scanCount: number;
  firstScanAt: string | null;
  hasPin: boolean;
}

const SCHEME_NAMES: Record<string, string> = {
  VietGAP: 'VietGAP',
  GlobalGAP: 'GlobalGAP',
  organic_tcvn: 'Hữu cơ TCVN 11041',
  organic_other: 'Hữu cơ',
  HACCP: 'HACCP',
  ISO22000: 'ISO 22000',
};

type BaseView = Pick<OriginView, 'product' | 'producer' | 'batch' | 'plantingArea' | 'ocop' | 'certifications' | 'stages' | 'diary' | 'marketplaceLinks' | 'updatedAt'>;

// The batch half of a page is the same for every scan of the lot: built once per cached facts object
// and language, then shared (it is never mutated).
const baseViews = new WeakMap<OriginFacts, Partial<Record<Lang, BaseView>>>();

function baseViewOf(facts: OriginFacts, lang: Lang): BaseView {
  let byLang = baseViews.get(facts);
  if (!byLang) baseViews.set(facts, (byLang = {}));
  return (byLang[lang] ??= buildBaseView(facts, lang));
}

// Facts of the batch + state of the stamp + language → what the page shows.
export function buildOriginView(input: {
  lang: Lang;
  verdict: StampVerdict;
  facts: OriginFacts | null;
  stamp: StampState | null;
  warnings: OriginWarning[];
  alternateLanguageUrl: string;
  pinCheck?: OriginView['pinCheck'];
}): OriginView {
  const { lang, facts, stamp } = input;
  const warnings = [...input.warnings];
  if (facts?.batch.expiryDate && facts.batch.expiryDate < todayInVietnam() && input.verdict === 'genuine') {
    warnings.push(originWarning(lang, { kind: 'expired_product', expiryDate: facts.batch.expiryDate }));
  }
  const base = facts ? baseViewOf(facts, lang) : EMPTY_BASE;
  return {
    ...base,
    lang,
    verdict: input.verdict,
    warnings,
    stamp: stamp ? { serial: stamp.serial, scanCount: stamp.scanCount, firstScanAt: stamp.firstScanAt, pinRequired: stamp.hasPin } : null,
    batch: base.batch && stamp?.status === 'recalled' && !base.batch.recallReason ? { ...base.batch, recallReason: stamp.statusReason } : base.batch,
    alternateLanguageUrl: input.alternateLanguageUrl,
    updatedAt: facts?.builtAt ?? new Date().toISOString(),
    pinCheck: input.pinCheck ?? null,
  };
}

const EMPTY_BASE: BaseView = {
  product: null,
  producer: null,
  batch: null,
  plantingArea: null,
  ocop: null,
  certifications: [],
  stages: [],
  diary: null,
  marketplaceLinks: [],
  updatedAt: '',
};

function buildBaseView(facts: OriginFacts, lang: Lang): BaseView {
  const t = ORIGIN_TEXTS[lang];
  const image = facts.product.images[0];
  const productName = lang === 'en' && facts.product.nameEn ? facts.product.nameEn : facts.product.nameVi;
  return {
    product: {
      name: productName,
      brand: facts.product.brand,
      gtin: facts.product.gtin,
      netContent: `${facts.product.unitOfSale} ${formatNumber(facts.product.netContent, lang)} ${unitName(facts.product.netContentUnit)}`,
      description: facts.product.description,
      standardsApplied: facts.product.standardsApplied,
      shelfLifeDays: facts.product.shelfLifeDays,
      image: image
        ? {
            src: sameSite(image.urls.medium),
            srcset: `${sameSite(image.urls.small)} 160w, ${sameSite(image.urls.medium)} 640w, ${sameSite(image.urls.large)} 1280w`,
            width: Math.min(640, image.width),
            height: Math.round((Math.min(640, image.width) * image.height) / image.width),
            alt: productName,
          }
        : null,
    },
    producer: {
      name: facts.producer.name,
      shortName: facts.producer.shortName,
      address: facts.producer.address.fullText,
      phone: facts.producer.phone,
      logo: facts.producer.logo ? sameSite(facts.producer.logo.small) : null,
    },
    batch: {
      lotCode: facts.batch.lotCode,
      harvestDate: facts.batch.harvestDateFrom,
      harvestDateTo: facts.batch.harvestDateTo,
      packDate: facts.batch.packDate,
      expiryDate: facts.batch.expiryDate,
      quantity: `${formatNumber(facts.batch.quantity, lang)} ${facts.batch.unitName}`,
      traceabilityCode: facts.batch.productTracingCode,
      recallReason: facts.batch.recallReason,
    },
    plantingArea: {
      name: facts.area.name,
      code: facts.areaCode,
      place: facts.area.address.fullText,
      crop: [facts.area.crop, facts.area.variety].filter(Boolean).join(' – '),
      standard: facts.area.standard === 'none' ? null : standardName(facts.area.standard),
    },
    ocop: facts.ocop ? { stars: facts.ocop.stars, label: t.ocopText(facts.ocop.stars), validUntil: facts.ocop.validUntil } : null,
    certifications: facts.certifications.map((c) => ({
      scheme: c.scheme === 'other' ? (c.schemeName ?? c.scheme) : (SCHEME_NAMES[c.scheme] ?? c.scheme),
      certificateNo: c.certificateNo,
      certBody: c.certBody,
      validUntil: c.validUntil,
    })),
    stages: facts.stages.map((e) => ({
      step: e.step,
      label: t.steps[e.step] ?? e.step,
      productTracingCode: e.productTracingCode,
      locationCode: e.locationCode,
      locationName: e.locationName,
      time: new Date(e.eventTime).toISOString(),
      from: e.sourceParty?.name ?? null,
      to: e.destinationParty?.name ?? null,
    })),
    diary: diarySummary(facts, lang),
    marketplaceLinks: facts.marketplaceLinks.map((l) => ({ name: MARKETPLACE_NAMES[l.marketplace] ?? l.marketplace, url: l.url })),
    updatedAt: facts.builtAt,
  };
}

function diarySummary(facts: OriginFacts, lang: Lang): NonNullable<OriginView['diary']> {
  const t = ORIGIN_TEXTS[lang];
  const corrected = new Set(facts.diary.map((e) => e.correctsEntryId).filter(Boolean));
  const entries = facts.diary.filter((e) => !corrected.has(e.id));
  return {
    entries: entries.map((e) => ({
      activity: t.activities[e.activity] ?? e.activity,
      date: new Date(e.occurredAt).toISOString(),
      inputs: e.inputs.length
        ? e.inputs
            .map((i) => (i.preHarvestIntervalDays !== null ? `${i.name} (${lang === 'vi' ? 'cách ly' : 'PHI'} ${i.preHarvestIntervalDays} ${lang === 'vi' ? 'ngày' : 'days'})` : i.name))
            .join(', ')
        : null,
      late: e.late,
    })),
    lateCount: entries.filter((e) => e.late).length,
    phiOverrides: facts.batch.phiOverrides.map((o) => ({
      input: facts.diary.find((e) => e.id === o.diaryEntryId)?.inputs.map((i) => i.name).join(', ') ?? '',
      reason: o.reason,
    })),
  };
}

// Our own images are linked root-relative: the page then works on http://localhost and behind any
// host name, and the page's safe-URL rule (https or same-site only) keeps them.
const sameSite = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

const MARKETPLACE_NAMES: Record<string, string> = { postmart: 'Postmart', voso: 'Voso' };

const UNIT_NAMES: Record<string, string> = { KGM: 'kg', GRM: 'g', LTR: 'l', MLT: 'ml', H87: '', TNE: 'tấn' };
const unitName = (code: string) => UNIT_NAMES[code] ?? code;
const standardName = (s: string) => ({ vietgap: 'VietGAP', globalgap: 'GlobalGAP', organic: 'Hữu cơ' })[s] ?? s;
const formatNumber = (n: number, lang: Lang) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 3 });
