// EPCIS 2.0 documents are JSON-LD; a client that asks for plain JSON only (and not JSON-LD) gets the same
// bytes labelled application/json, which some HTTP tooling handles better.
export const JSON_LD = 'application/ld+json';
export const JSON_PLAIN = 'application/json';

export function epcisContentType(accept: string | undefined): string {
  const types = (accept ?? '')
    .toLowerCase()
    .split(',')
    .map((part) => part.split(';')[0].trim());
  const type = types.includes(JSON_PLAIN) && !types.includes(JSON_LD) ? JSON_PLAIN : JSON_LD;
  return `${type}; charset=utf-8`;
}
