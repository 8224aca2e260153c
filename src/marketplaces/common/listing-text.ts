import type { ListingDraft } from '../marketplace-adapter';

// Neither marketplace has fields for origin, OCOP or certifications, and shoppers pick farm produce by
// who grew it and in what pack. So both the API payloads and the assisted spreadsheets carry them in
// the title and the description, composed here once so every channel says the same thing.

const EN_DASH = ' – ';

const contains = (haystack: string, needle: string) => haystack.normalize('NFC').toLocaleLowerCase('vi').includes(needle.normalize('NFC').toLocaleLowerCase('vi'));

/** "Bưởi Diễn Vũ Bản – HTX Vũ Bản – quả 1,2 kg": parts the title already names are not repeated. */
export function composeTitle(draft: Pick<ListingDraft, 'title' | 'cooperativeName' | 'saleUnit'>): string {
  const title = draft.title.trim();
  const parts = [title];
  for (const extra of [draft.cooperativeName?.trim(), draft.saleUnit?.trim()]) {
    if (extra && !contains(title, extra)) parts.push(extra);
  }
  return parts.join(EN_DASH).normalize('NFC');
}

export const ocopLabel = (stars: number | null): string | null => (stars == null ? null : `OCOP ${stars} sao`);

export function originLine(draft: Pick<ListingDraft, 'cooperativeName' | 'provinceName'>): string {
  return [draft.cooperativeName, draft.provinceName].map((s) => s?.trim()).filter(Boolean).join(', ');
}

/** The seller's text followed by origin, OCOP, certifications and the traceability link. */
export function composeDescription(draft: ListingDraft): string {
  const facts = [
    `Xuất xứ: ${originLine(draft)}`,
    ocopLabel(draft.ocopStars) && `Chứng nhận OCOP: ${draft.ocopStars} sao`,
    draft.certifications.length > 0 && `Chứng nhận khác: ${draft.certifications.join(', ')}`,
    `Truy xuất nguồn gốc: ${draft.traceabilityUrl}`,
  ].filter((line): line is string => typeof line === 'string');
  return [draft.descriptionText.trim(), '', ...facts].join('\n').normalize('NFC');
}
