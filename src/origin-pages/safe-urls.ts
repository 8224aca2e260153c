// Escaping stops markup injection, not a `javascript:` link: every URL that lands in an href or src
// passes these checks first. Anything doubtful is dropped, because a missing link is harmless on a
// page whose only job is to be trusted.

// Root-relative ('/media/…') but not protocol-relative ('//evil.example').
const ROOT_RELATIVE = /^\/(?!\/)/;
const HTTPS = /^https:\/\/[^\s/?#]+/i;
const NO_SPACE_OR_QUOTES = /^[^\s"'<>`]+$/;

/** An image or link target we serve ourselves or fetch over https (the CSP allows exactly these). */
export function safeMediaUrl(url: string | null | undefined): string | null {
  if (!url || !NO_SPACE_OR_QUOTES.test(url)) return null;
  return ROOT_RELATIVE.test(url) || HTTPS.test(url) ? url : null;
}

/** An outbound link (marketplace listing): https only, so a consumer is never sent to plain http. */
export function safeExternalUrl(url: string | null | undefined): string | null {
  if (!url || !NO_SPACE_OR_QUOTES.test(url)) return null;
  return HTTPS.test(url) ? url : null;
}

/** A same-site link such as '?lang=en' or '/01/…?lang=en'; null for anything else. */
export function safeSameSiteUrl(url: string | null | undefined): string | null {
  if (!url || !NO_SPACE_OR_QUOTES.test(url)) return null;
  return url.startsWith('?') || ROOT_RELATIVE.test(url) || HTTPS.test(url) ? url : null;
}

/** A srcset whose every candidate URL is safe; null as soon as one is not. */
export function safeSrcset(srcset: string | null | undefined): string | null {
  if (!srcset) return null;
  const candidates = srcset.split(',').map((c) => c.trim().split(/\s+/));
  const ok = candidates.every(([url, descriptor, ...rest]) => safeMediaUrl(url) !== null && rest.length === 0 && (!descriptor || /^\d+(\.\d+)?[wx]$/.test(descriptor)));
  return ok ? candidates.map((c) => c.join(' ')).join(', ') : null;
}

/** A dialable tel: URI from a Vietnamese phone number as people write it ("0220 3852 168"). */
export function telHref(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const dialable = phone.replace(/[\s.()-]/g, '');
  return /^\+?\d{6,15}$/.test(dialable) ? `tel:${dialable}` : null;
}
