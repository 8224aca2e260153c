import type { Lang } from '../common/i18n/messages';

// What the Handlebars templates receive: every string already worded, formatted and filtered, so the
// templates stay logic-less (no helpers) and can be compiled in strict mode. A section is null when
// it must not appear; every other key is always present, which strict mode requires.

export type Tone = 'ok' | 'warn' | 'bad' | 'info';

export interface FactModel {
  label: string;
  value: string;
  /** Codes (serials, lot and tracing codes) are set in monospace and may break anywhere. */
  code: boolean;
  href: string | null;
}

export interface SectionModel {
  title: string;
  facts: FactModel[];
}

export interface ImageModel {
  src: string;
  srcset: string | null;
  sizes: string;
  width: number;
  height: number;
  alt: string;
}

export interface OriginPageModel {
  lang: Lang;
  title: string;
  langSwitch: { url: string; label: string; lang: Lang };
  verdict: {
    tone: Tone;
    icon: string;
    title: string;
    detail: string;
    reason: { label: string; text: string } | null;
    warnings: string[];
    advice: string | null;
  };
  product: {
    name: string;
    description: string | null;
    image: ImageModel | null;
    keyFacts: FactModel[];
    facts: FactModel[];
  } | null;
  certifications: {
    title: string;
    ocop: { stars: string; aria: string; text: string; detail: string | null; facts: FactModel[] } | null;
    items: { scheme: string; facts: FactModel[] }[];
  } | null;
  producer: { title: string; name: string; facts: FactModel[] } | null;
  plantingArea: SectionModel | null;
  batch: SectionModel | null;
  stages: { title: string; items: { name: string; detail: string | null; facts: FactModel[] }[] } | null;
  diary: {
    title: string;
    summary: string;
    phiOverrides: { title: string; input: string; reasonLabel: string; reason: string }[];
    entries: { date: string; activity: string; inputs: string | null; late: string | null }[];
  } | null;
  buy: { title: string; links: { name: string; url: string }[] } | null;
  stamp: {
    title: string;
    facts: FactModel[];
    pin: {
      result: { tone: Tone; text: string } | null;
      form: { label: string; help: string; submit: string } | null;
    } | null;
  } | null;
  footer: { updated: string | null; text: string };
}
