import { type Lang, ORIGIN_TEXTS, type OriginPageTexts, plural } from './origin-i18n';
import type { OriginWarning } from './origin-view';

/** Facts behind a scan warning; the resolver detects them, this file words them. */
export type OriginWarningFacts =
  | { kind: 'scanned_many_times'; scanCount: number; firstScanAt: string; firstScanPlace?: string | null }
  | { kind: 'pin_reused'; verifiedCount: number; firstVerifiedAt: string | null }
  | { kind: 'far_apart_scans'; places: string[]; withinHours: number }
  | { kind: 'expired_product'; expiryDate: string };

/** Builds the localised warning the view carries, so the resolver never writes page wording itself. */
export function originWarning(lang: Lang, facts: OriginWarningFacts): OriginWarning {
  const t = ORIGIN_TEXTS[lang];
  return { kind: facts.kind, message: warningMessage(lang, t, facts).normalize('NFC') };
}

function warningMessage(lang: Lang, t: OriginPageTexts, f: OriginWarningFacts): string {
  const vi = lang === 'vi';
  switch (f.kind) {
    case 'scanned_many_times': {
      const at = t.dateTimeInSentence(f.firstScanAt);
      const place = f.firstScanPlace ? (vi ? ` tại ${f.firstScanPlace}` : ` in ${f.firstScanPlace}`) : '';
      return vi
        ? `Tem này đã được quét ${f.scanCount} lần, lần đầu lúc ${at}${place}. Nếu sản phẩm vừa được mua mới, tem có thể đã bị sao chép.`
        : `This stamp has been scanned ${t.scanTimes(f.scanCount)}, first on ${at}${place}. If the product is newly bought, the stamp may have been copied.`;
    }
    case 'pin_reused': {
      const first = f.firstVerifiedAt ? t.dateTimeInSentence(f.firstVerifiedAt) : null;
      return vi
        ? `Mã PIN của tem này đã được xác thực ${f.verifiedCount} lần${first ? ` (lần đầu lúc ${first})` : ''}. Mỗi mã PIN chỉ dùng một lần: tem có thể đã bị tái sử dụng.`
        : `This stamp’s PIN has been verified ${t.scanTimes(f.verifiedCount)}${first ? ` (first on ${first})` : ''}. A PIN is meant to be used once: the stamp may have been reused.`;
    }
    case 'far_apart_scans':
      return vi
        ? `Tem này được quét ở những nơi cách xa nhau (${f.places.join(', ')}) trong vòng ${f.withinHours} giờ: tem có thể đã bị sao chép.`
        : `This stamp was scanned in places far apart (${f.places.join(', ')}) within ${plural(f.withinHours, 'hour', 'hours')}: it may have been copied.`;
    case 'expired_product':
      return vi ? `Sản phẩm đã hết hạn sử dụng từ ngày ${t.date(f.expiryDate)}.` : `This product passed its use-by date on ${t.date(f.expiryDate)}.`;
  }
}
