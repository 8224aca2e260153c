import type { TraceEvent, TraceParty, TraceStep } from '../trace-event.entity';

export class TraceEventResponseDto {
  id!: string;
  batchId!: string;
  step!: TraceStep;
  eventType!: string;
  action!: string;
  bizStep!: string;
  disposition!: string;
  eventTime!: Date;
  eventTimeZoneOffset!: string;
  recordTime!: Date;
  productTracingCode!: string;
  locationCode!: string;
  locationName!: string | null;
  sourceParty!: TraceParty | null;
  destinationParty!: TraceParty | null;
  quantity!: number | null;
  unit!: string | null;
  documentNo!: string | null;
  ilmd!: Record<string, unknown> | null;
  notes!: string | null;
  correctsEventId!: string | null;
}

export const toTraceEventResponse = (e: TraceEvent): TraceEventResponseDto => ({
  id: e.id,
  batchId: e.batchId,
  step: e.step,
  eventType: e.eventType,
  action: e.action,
  bizStep: e.bizStep,
  disposition: e.disposition,
  eventTime: e.eventTime,
  eventTimeZoneOffset: e.eventTimeZoneOffset,
  recordTime: e.recordTime,
  productTracingCode: e.productTracingCode,
  locationCode: e.locationCode,
  locationName: e.locationName,
  sourceParty: e.sourceParty,
  destinationParty: e.destinationParty,
  quantity: e.quantity === null ? null : Number(e.quantity),
  unit: e.unit,
  documentNo: e.documentNo,
  ilmd: e.ilmd,
  notes: e.notes,
  correctsEventId: e.correctsEventId,
});
