// The subset of the GS1 EPCIS 2.0 JSON-LD binding we emit (EPCIS 2.0 §12, CBV 2.0). Field names and
// nesting follow the official JSON Schema; keys of the form "prefix:name" are extensions whose prefix
// the document's @context maps to a namespace.

/** An extension field or ILMD key: a compact IRI such as "nguon:plantingAreaCode" or "cbvmda:lotNumber". */
export type CompactIri = `${string}:${string}`;

export type EpcisAction = 'ADD' | 'OBSERVE' | 'DELETE';

/** CBV 2.0 source/destination types (the short JSON-LD names of cbv:SDT-…). */
export type SourceDestType = 'owning_party' | 'possessing_party' | 'location';

export interface EpcisQuantityElement {
  epcClass: string;
  quantity?: number;
  /** UN/ECE Recommendation 20 code, e.g. KGM. */
  uom?: string;
}

export interface EpcisErrorDeclaration {
  declarationTime: string;
  reason?: 'did_not_occur' | 'incorrect_data';
  correctiveEventIDs?: string[];
}

export interface EpcisObjectEvent {
  type: 'ObjectEvent';
  eventID: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  recordTime?: string;
  errorDeclaration?: EpcisErrorDeclaration;
  action: EpcisAction;
  epcList?: string[];
  quantityList?: EpcisQuantityElement[];
  bizStep?: string;
  disposition?: string;
  readPoint?: { id: string };
  bizLocation?: { id: string };
  bizTransactionList?: { type?: string; bizTransaction: string }[];
  sourceList?: { type: SourceDestType; source: string }[];
  destinationList?: { type: SourceDestType; destination: string }[];
  ilmd?: Record<CompactIri, unknown>;
  [extension: CompactIri]: unknown;
}

export interface EpcisDocument {
  '@context': (string | Record<string, string>)[];
  type: 'EPCISDocument';
  schemaVersion: '2.0';
  creationDate: string;
  epcisBody: { eventList: EpcisObjectEvent[] };
}
