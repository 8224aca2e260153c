import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A party one step back or one step forward (Circular 02/2024 Art. 6). */
export interface TraceParty {
  name: string;
  /** GLN when the party has one. */
  gln: string | null;
  /** Location tracing code: GLN, planting-area code or address. */
  locationCode: string | null;
}

export enum TraceStep {
  Harvesting = 'harvesting',
  Packing = 'packing',
  Storing = 'storing',
  Shipping = 'shipping',
  Receiving = 'receiving',
  Processing = 'processing',
  Recall = 'recall',
}

// What happened to a batch, shaped after EPCIS 2.0 so it exports without loss. Append-only: a trigger
// refuses UPDATE and DELETE; a mistake is answered by a new event that references the wrong one.
@Entity({ name: 'trace_event' })
@Index('idx_trace_event_batch', ['batchId', 'eventTime'])
export class TraceEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cooperativeId!: string;
  @Column({ type: 'uuid' }) batchId!: string;
  @Column({ type: 'text' }) step!: TraceStep;
  /** EPCIS event type: ObjectEvent here. */
  @Column({ type: 'text' }) eventType!: string;
  /** EPCIS action: ADD (harvest creates the lot), OBSERVE otherwise. */
  @Column({ type: 'text' }) action!: string;
  /** CBV 2.0 bizStep, e.g. commissioning, packing, shipping, receiving. */
  @Column({ type: 'text' }) bizStep!: string;
  /** CBV 2.0 disposition, e.g. active, in_transit, recalled. */
  @Column({ type: 'text' }) disposition!: string;
  @Column({ type: 'timestamptz' }) eventTime!: Date;
  @Column({ type: 'text', default: '+07:00' }) eventTimeZoneOffset!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) recordTime!: Date;
  /** Product tracing code (mã truy vết sản phẩm): the lot's Digital Link URI or internal id. */
  @Column({ type: 'text' }) productTracingCode!: string;
  /** Location tracing code (mã truy vết địa điểm): planting-area code, GLN or address. */
  @Column({ type: 'text' }) locationCode!: string;
  @Column({ type: 'text', nullable: true }) locationName!: string | null;
  @Column({ type: 'jsonb', nullable: true }) sourceParty!: TraceParty | null;
  @Column({ type: 'jsonb', nullable: true }) destinationParty!: TraceParty | null;
  @Column({ type: 'numeric', precision: 14, scale: 3, nullable: true }) quantity!: string | null;
  @Column({ type: 'text', nullable: true }) unit!: string | null;
  /** Business document, e.g. a delivery note number. */
  @Column({ type: 'text', nullable: true }) documentNo!: string | null;
  @Column({ type: 'jsonb', nullable: true }) ilmd!: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ type: 'uuid', nullable: true }) correctsEventId!: string | null;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
}
