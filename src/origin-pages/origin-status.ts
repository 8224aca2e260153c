import type { StampVerdict } from './origin-view';

// Every verdict gets its own status so monitoring, logs and the national portal's link checker can
// tell a counterfeit wave (404s) from a recall (451s) without parsing HTML. Phones show the body
// whatever the status, so the page itself never depends on it.
export const ORIGIN_PAGE_STATUS: Record<StampVerdict, number> = {
  genuine: 200,
  // A lot-level QR is a normal, complete page: only the per-item check is missing.
  batch: 200,
  // The serial does not exist: nothing behind this URL, the classic "not found".
  unknown: 404,
  // The stamp exists but its product data is withheld until the producer activates it. 403 (unlike
  // 404/410/451) is not cacheable by default (RFC 9111 §4.2.2), and this state changes soon.
  not_activated: 403,
  // Voiding is final: the stamp is gone for good.
  voided: 410,
  // The lot was withdrawn from sale by a recall decision; the page still explains it with the reason.
  recalled: 451,
};

export function originStatusCode(verdict: StampVerdict): number {
  return ORIGIN_PAGE_STATUS[verdict];
}
