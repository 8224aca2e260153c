import { TraceParty, TraceStep } from '../harvest-batches/trace-events/trace-event.entity';
import type { TraceEventResponseDto } from '../harvest-batches/trace-events/dto/trace-event-response.dto';
import {
  documentId,
  eventIdOf,
  itemId,
  locationId,
  lotClassId,
  NGUON_PREFIX,
  NGUON_VOCABULARY,
  partyId,
  sglnId,
  stampEventId,
} from './epcis-identifiers';
import { formatWithOffset, VIETNAM_OFFSET } from './epcis-time';
import type { CompactIri, EpcisDocument, EpcisErrorDeclaration, EpcisObjectEvent } from './epcis.types';
import type { StampCommissioning } from './stamp-commissioning.source';

// Pinned to 2.0.0 like the standard's own examples: the unversioned URL follows the latest release and
// could change under a document that says schemaVersion 2.0.
export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

export type ExportedTraceEvent = Pick<
  TraceEventResponseDto,
  | 'id'
  | 'step'
  | 'action'
  | 'bizStep'
  | 'disposition'
  | 'eventTime'
  | 'eventTimeZoneOffset'
  | 'recordTime'
  | 'locationCode'
  | 'locationName'
  | 'sourceParty'
  | 'destinationParty'
  | 'quantity'
  | 'unit'
  | 'documentNo'
  | 'ilmd'
  | 'notes'
  | 'correctsEventId'
>;

export interface EpcisExportInput {
  /** Becomes creationDate. */
  now: Date;
  batch: { id: string; cooperativeId: string; lotCode: string; expiryDate: string | null };
  /** GTIN-14 of the batch's product, if it has one. */
  gtin: string | null;
  cooperativeGln: string | null;
  /** The batch's trace events, in time order. */
  events: ExportedTraceEvent[];
  stampCommissioning: StampCommissioning[];
}

interface Context {
  input: EpcisExportInput;
  lotClass: string;
  corrections: Map<string, ExportedTraceEvent[]>;
}

/** The whole history of one batch as an EPCIS 2.0 JSON-LD document. */
export function toEpcisDocument(input: EpcisExportInput): EpcisDocument {
  const ctx: Context = { input, lotClass: lotClassId(input.gtin, input.batch.lotCode, input.batch.id), corrections: correctionsByTarget(input.events) };
  const timed = [
    ...input.events.map((e) => ({ at: e.eventTime, event: traceEventToEpcis(e, ctx) })),
    ...input.stampCommissioning.filter((s) => s.serials.length).map((s) => ({ at: s.eventTime, event: stampCommissioningToEpcis(s, input) })),
  ];
  // Array.prototype.sort is stable: events at the same instant keep the order they were recorded in.
  timed.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    '@context': [EPCIS_CONTEXT, { [NGUON_PREFIX]: NGUON_VOCABULARY }],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: formatWithOffset(input.now),
    epcisBody: { eventList: timed.map((t) => t.event) },
  };
}

function traceEventToEpcis(e: ExportedTraceEvent, ctx: Context): EpcisObjectEvent {
  const offset = e.eventTimeZoneOffset || VIETNAM_OFFSET;
  const harvest = e.step === TraceStep.Harvesting;
  const errorDeclaration = errorDeclarationFor(e, ctx);
  const { sourceList, destinationList } = partiesOf(e);
  return {
    type: 'ObjectEvent',
    eventID: eventIdOf(e.id),
    eventTime: formatWithOffset(e.eventTime, offset),
    eventTimeZoneOffset: offset,
    recordTime: formatWithOffset(e.recordTime, offset),
    ...(errorDeclaration && { errorDeclaration }),
    action: e.action as EpcisObjectEvent['action'],
    quantityList: [{ epcClass: ctx.lotClass, ...(e.quantity !== null && e.unit && { quantity: e.quantity, uom: e.unit }) }],
    bizStep: e.bizStep,
    disposition: e.disposition,
    ...locationsOf(e, ctx.input.cooperativeGln),
    ...(e.documentNo && { bizTransactionList: [{ bizTransaction: documentId(ctx.input.batch.cooperativeId, e.documentNo) }] }),
    ...(sourceList.length > 0 && { sourceList }),
    ...(destinationList.length > 0 && { destinationList }),
    // ILMD describes a lot from its beginning of life, so only the harvest (ADD) carries it; the schema
    // refuses ILMD on OBSERVE events anyway.
    ...(harvest && e.action === 'ADD' && { ilmd: harvestIlmd(e, ctx.input) }),
    ...extensionsOf(e),
  };
}

// Where it happened. The planting area is the most specific place a harvest was observed (readPoint); the
// business location is the cooperative when it has a GLN. Other events happen where people said.
function locationsOf(e: ExportedTraceEvent, cooperativeGln: string | null): Pick<EpcisObjectEvent, 'readPoint' | 'bizLocation'> {
  const here = { id: locationId(e.locationCode) };
  if (e.step === TraceStep.Harvesting || e.step === TraceStep.Recall) return { readPoint: here, bizLocation: cooperativeGln ? { id: sglnId(cooperativeGln) } : here };
  // After shipping the goods are between places: CBV leaves bizLocation out of a shipping event.
  if (e.step === TraceStep.Shipping) return { readPoint: here };
  return { readPoint: here, bizLocation: here };
}

// One step back and one step forward (Circular 02/2024 Art. 6): who owns the goods and where they are.
function partiesOf(e: ExportedTraceEvent): Pick<Required<EpcisObjectEvent>, 'sourceList' | 'destinationList'> {
  return {
    sourceList: sides(e.sourceParty).map(({ type, id }) => ({ type, source: id })),
    destinationList: sides(e.destinationParty).map(({ type, id }) => ({ type, destination: id })),
  };
}

function sides(party: TraceParty | null): { type: 'owning_party' | 'location'; id: string }[] {
  if (!party) return [];
  const list: { type: 'owning_party' | 'location'; id: string }[] = [{ type: 'owning_party', id: partyId(party) }];
  if (party.locationCode) list.push({ type: 'location', id: locationId(party.locationCode) });
  return list;
}

function harvestIlmd(e: ExportedTraceEvent, input: EpcisExportInput): Record<CompactIri, unknown> {
  const recorded = e.ilmd ?? {};
  const harvestDate = text(recorded.harvestDate);
  const harvestDateTo = text(recorded.harvestDateTo);
  return {
    // CBV master-data attributes, for readers that know GS1 and not us.
    ...(harvestDate && { 'cbvmda:harvestStartDate': harvestDate, 'cbvmda:harvestEndDate': harvestDateTo ?? harvestDate }),
    'cbvmda:lotNumber': input.batch.lotCode,
    'cbvmda:countryOfOrigin': 'VN',
    ...(input.batch.expiryDate && { 'cbvmda:itemExpirationDate': input.batch.expiryDate }),
    ...(harvestDate && { 'nguon:harvestDate': harvestDate }),
    ...(harvestDateTo && { 'nguon:harvestDateTo': harvestDateTo }),
    // The code the area held on the harvest date: the location tracing code of Circular 02/2024.
    'nguon:plantingAreaCode': text(recorded.plantingAreaCode) ?? e.locationCode,
  };
}

// The names and free text people recorded have no place in the EPCIS core; they go along as extension
// fields so an inspector reading the file sees what the cooperative wrote.
function extensionsOf(e: ExportedTraceEvent): Record<CompactIri, unknown> {
  return {
    'nguon:step': e.step,
    ...(e.locationName && { 'nguon:locationName': e.locationName }),
    ...(e.sourceParty && { 'nguon:sourcePartyName': e.sourceParty.name }),
    ...(e.destinationParty && { 'nguon:destinationPartyName': e.destinationParty.name }),
    ...(e.documentNo && { 'nguon:documentNo': e.documentNo }),
    ...(e.notes && { [e.step === TraceStep.Recall ? 'nguon:recallReason' : 'nguon:notes']: e.notes }),
  };
}

// Trace events are append-only: a mistake is answered by a new event naming the wrong one. EPCIS says it
// the other way round, with an errorDeclaration on the erroneous event listing the corrective events.
function correctionsByTarget(events: ExportedTraceEvent[]): Map<string, ExportedTraceEvent[]> {
  const map = new Map<string, ExportedTraceEvent[]>();
  for (const e of events) {
    if (e.correctsEventId) map.set(e.correctsEventId, [...(map.get(e.correctsEventId) ?? []), e]);
  }
  return map;
}

function errorDeclarationFor(e: ExportedTraceEvent, ctx: Context): EpcisErrorDeclaration | null {
  const corrections = ctx.corrections.get(e.id);
  if (!corrections?.length) return null;
  const first = corrections.reduce((a, b) => (b.recordTime < a.recordTime ? b : a));
  return {
    declarationTime: formatWithOffset(first.recordTime, e.eventTimeZoneOffset || VIETNAM_OFFSET),
    reason: 'incorrect_data',
    correctiveEventIDs: corrections.map((c) => eventIdOf(c.id)),
  };
}

// Printing and activating stamps commissions one serialised item per stamp (CBV: commissioning). The lot
// goes in ILMD, since the SGTIN itself does not carry it.
function stampCommissioningToEpcis(s: StampCommissioning, input: EpcisExportInput): EpcisObjectEvent {
  const gtin = s.gtin ?? input.gtin;
  return {
    type: 'ObjectEvent',
    eventID: stampEventId(s.issuanceId, s.eventTime),
    eventTime: formatWithOffset(s.eventTime),
    eventTimeZoneOffset: VIETNAM_OFFSET,
    action: 'ADD',
    // The schema wants unique items; a repeated serial is the same item anyway.
    epcList: [...new Set(s.serials)].map((serial) => itemId(gtin, serial)),
    bizStep: 'commissioning',
    disposition: 'active',
    ...(input.cooperativeGln && { bizLocation: { id: sglnId(input.cooperativeGln) } }),
    ilmd: { 'cbvmda:lotNumber': input.batch.lotCode, 'nguon:stampIssuanceId': s.issuanceId },
    'nguon:step': 'stamp_commissioning',
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
