import { buildDigitalLink, encodeDlValue } from '../common/gs1/digital-link';
import { verifyGs1CheckDigit } from '../common/validation/gs1-check-digit';

// Identifiers in exported events. GS1 keys become GS1 Digital Link URIs on the canonical id.gs1.org
// domain, which EPCIS 2.0 accepts alongside EPC URNs; our own public base URL would make the same lot a
// different identifier on every deployment. Things without a GS1 key get URIs in our own namespace: the
// schema accepts any absolute URI there, and a reader can tell at a glance which ones are not GS1 keys.

const GS1_DOMAIN = 'https://id.gs1.org';
const NGUON = 'https://nguon.vn';

/** The JSON-LD prefix of our extension fields and ILMD keys, and the namespace it stands for. */
export const NGUON_PREFIX = 'nguon';
export const NGUON_VOCABULARY = `${NGUON}/epcis/`;

/** Class-level id of a lot: LGTIN (01 + 10) when the product has a GTIN. */
export const lotClassId = (gtin: string | null, lotCode: string, batchId: string): string =>
  gtin ? buildDigitalLink(GS1_DOMAIN, { gtin, lot: lotCode }) : `urn:nguon:lot:${batchId}`;

// An SGTIN's identity is GTIN + serial only (GS1 TDS), so the lot stays out of the URI; the commissioning
// event carries it as ILMD instead.
/** Instance-level id of a stamped item: SGTIN (01 + 21) when there is a GTIN. */
export const itemId = (gtin: string | null | undefined, serial: string): string =>
  gtin ? buildDigitalLink(GS1_DOMAIN, { gtin, serial }) : `urn:nguon:stamp:${encodeDlValue(serial)}`;

export const isGln = (value: string): boolean => /^\d{13}$/.test(value) && verifyGs1CheckDigit(value).ok;

/** SGLN (AI 414): a physical location. */
export const sglnId = (gln: string): string => `${GS1_DOMAIN}/414/${gln}`;

/** PGLN (AI 417): a party. */
export const pglnId = (gln: string): string => `${GS1_DOMAIN}/417/${gln}`;

// People type a location tracing code as a GLN, a planting-area or packing-house code, or an address.
/** A location tracing code as an EPCIS location: its SGLN when it is a valid GLN. */
export const locationId = (code: string): string => (isGln(code) ? sglnId(code) : `${NGUON}/location/${encodeDlValue(code)}`);

// Without a GLN the name is all we know of a trading partner; the URI at least names the same party the
// same way in every event.
export const partyId = (party: { name: string; gln: string | null }): string =>
  party.gln ? pglnId(party.gln) : `${NGUON}/party/${encodeDlValue(party.name)}`;

/** A business document (delivery note, invoice) of a cooperative, by the number people wrote on it. */
export const documentId = (cooperativeId: string, documentNo: string): string => `urn:nguon:doc:${cooperativeId}:${encodeDlValue(documentNo)}`;

export const eventIdOf = (traceEventId: string): string => `urn:uuid:${traceEventId}`;

// An issuance can be activated in parts; the event time tells the parts apart and stays the same on
// every export of the batch.
export const stampEventId = (issuanceId: string, eventTime: Date): string =>
  `urn:nguon:stamp-commissioning:${encodeDlValue(issuanceId)}:${eventTime.getTime()}`;

/** File name for a download: the lot code, kept to characters every file system and browser accept. */
export const exportFileName = (lotCode: string): string => `epcis-${lotCode.replace(/[^A-Za-z0-9._-]/g, '_')}.jsonld`;
