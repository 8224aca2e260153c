import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StampStatus } from './stamp-status';

// One printed QR stamp. The serial is the public identity (random, ≥ 64 bits); the numeric id and seq
// stay internal. Scan counters live on the row so a scan is one indexed UPDATE … RETURNING.
@Entity({ name: 'stamp' })
@Index('uq_stamp_serial', ['serial'], { unique: true })
@Index('idx_stamp_issuance_seq', ['issuanceId', 'seq'])
@Index('idx_stamp_batch', ['batchId'])
export class Stamp {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) issuanceId!: string;
  @Column({ type: 'uuid' }) batchId!: string;
  @Column({ type: 'uuid' }) cooperativeId!: string;
  /** Position within the issuance (1…count), the order labels are printed in. */
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'text' }) serial!: string;
  @Column({ type: 'char', length: 14, nullable: true }) gtin!: string | null;
  /** HMAC of serial + PIN; null when the issuance has no PINs. */
  @Column({ type: 'text', nullable: true }) pinHash!: string | null;
  /** The PIN, encrypted, kept only until the print file is confirmed printed. */
  @Column({ type: 'text', nullable: true }) pinSealed!: string | null;
  @Column({ type: 'text', default: StampStatus.Issued }) status!: StampStatus;
  @Column({ type: 'timestamptz', nullable: true }) statusChangedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) statusReason!: string | null;
  /** When the stamp went live (EPCIS commissioning); kept after a later recall or void. */
  @Column({ type: 'timestamptz', nullable: true }) activatedAt!: Date | null;
  @Column({ type: 'int', default: 0 }) scanCount!: number;
  @Column({ type: 'timestamptz', nullable: true }) firstScanAt!: Date | null;
  @Column({ type: 'int', nullable: true }) firstScanProvince!: number | null;
  @Column({ type: 'timestamptz', nullable: true }) lastScanAt!: Date | null;
  @Column({ type: 'int', nullable: true }) lastScanProvince!: number | null;
  /** The scan before the last, kept so one UPDATE … RETURNING can compare two consecutive scans. */
  @Column({ type: 'timestamptz', nullable: true }) prevScanAt!: Date | null;
  @Column({ type: 'int', nullable: true }) prevScanProvince!: number | null;
  @Column({ type: 'int', default: 0 }) pinVerifications!: number;
  @Column({ type: 'timestamptz', nullable: true }) pinFirstVerifiedAt!: Date | null;
  /** Wrong PINs in a row; at PIN_MAX_FAILURES the check pauses until pinLockedUntil. */
  @Column({ type: 'int', default: 0 }) pinFailures!: number;
  @Column({ type: 'timestamptz', nullable: true }) pinLockedUntil!: Date | null;
}
