/** One issuance (or one activation of part of it) of serialised stamps for a batch. */
export interface StampCommissioning {
  /** When the serials came into being for the supply chain: the activation, or the issuance if stamps are live at once. */
  eventTime: Date;
  /** Serial numbers (GS1 AI 21) of the stamps commissioned together. */
  serials: string[];
  /** The stamp issuance they belong to; makes the exported eventID stable across exports. */
  issuanceId: string;
  /**
   * GTIN printed on these stamps, when it may differ from the product's current one (a GTIN changed after
   * printing). Omitted or null: the product's GTIN is used.
   */
  gtin?: string | null;
}

/**
 * Extension point for the stamps feature: tells the EPCIS export which serials were commissioned for a
 * batch. Provide it under {@link STAMP_COMMISSIONING_SOURCE} (e.g. `useExisting` on the stamps service) and
 * export it from the providing module; without a provider the export simply has no stamp events.
 */
export interface StampCommissioningSource {
  commissioningFor(batchId: string): Promise<StampCommissioning[]>;
}

export const STAMP_COMMISSIONING_SOURCE = Symbol('STAMP_COMMISSIONING_SOURCE');
