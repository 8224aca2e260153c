// GS1 Digital Link URIs, uncompressed, numeric AIs, as GS1 DL URI Syntax 1.x prescribes:
//   {base}/01/{gtin14}[/10/{lot}][/21/{serial}]
// Values are percent-encoded except for the unreserved characters (A–Z a–z 0–9 - . _ ~): "A&B+1" → "A%26B%2B1".

export interface DigitalLinkKeys {
  gtin: string;
  lot?: string;
  serial?: string;
}

export function encodeDlValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function buildDigitalLink(base: string, keys: DigitalLinkKeys): string {
  let uri = `${base.replace(/\/+$/, '')}/01/${keys.gtin}`;
  if (keys.lot !== undefined) uri += `/10/${encodeDlValue(keys.lot)}`;
  if (keys.serial !== undefined) uri += `/21/${encodeDlValue(keys.serial)}`;
  return uri;
}

/** Parses the path part of a DL URI (after the base); null when it is not a 01[/10][/21] path. */
export function parseDigitalLinkPath(path: string): DigitalLinkKeys | null {
  const match = /^\/01\/(\d{14})(?:\/10\/([^/?#]+))?(?:\/21\/([^/?#]+))?\/?$/.exec(path.split(/[?#]/)[0]);
  if (!match) return null;
  try {
    return {
      gtin: match[1],
      ...(match[2] !== undefined && { lot: decodeURIComponent(match[2]) }),
      ...(match[3] !== undefined && { serial: decodeURIComponent(match[3]) }),
    };
  } catch {
    return null;
  }
}
