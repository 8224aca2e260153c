import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum ScanResult {
  Ok = 'ok',
  Batch = 'batch',
  UnknownSerial = 'unknown_serial',
  NotActivated = 'not_activated',
  Voided = 'voided',
  Recalled = 'recalled',
  Suspicious = 'suspicious',
}

// Every scan of a stamp (or of an unknown serial). Personal data is minimised: the IP is stored only
// as a salted hash, the place only as a province code when the edge provides one.
@Entity({ name: 'scan_event' })
@Index('idx_scan_event_stamp', ['stampId', 'scannedAt'])
@Index('idx_scan_event_cooperative', ['cooperativeId', 'scannedAt'])
export class ScanEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'bigint', nullable: true }) stampId!: string | null;
  @Column({ type: 'uuid', nullable: true }) batchId!: string | null;
  @Column({ type: 'uuid', nullable: true }) cooperativeId!: string | null;
  @Column({ type: 'text' }) serial!: string;
  @Column({ type: 'timestamptz' }) scannedAt!: Date;
  @Column({ type: 'text', nullable: true }) ipHash!: string | null;
  @Column({ type: 'text', nullable: true }) userAgent!: string | null;
  @Column({ type: 'int', nullable: true }) provinceCode!: number | null;
  @Column({ type: 'text' }) result!: ScanResult;
}
