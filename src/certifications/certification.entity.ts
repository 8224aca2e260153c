import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum CertificationSubject {
  Cooperative = 'cooperative',
  PlantingArea = 'planting_area',
  Product = 'product',
}

export enum CertificationScheme {
  VietGap = 'VietGAP',
  GlobalGap = 'GlobalGAP',
  OrganicTcvn = 'organic_tcvn',
  OrganicOther = 'organic_other',
  Haccp = 'HACCP',
  Iso22000 = 'ISO22000',
  Other = 'other',
}

// A certificate (VietGAP, GlobalGAP, organic, HACCP…) held by a cooperative, a planting area or a
// product. Shown to consumers only while valid on the harvest date of what they hold.
@Entity({ name: 'certification' })
@Index('idx_certification_subject', ['subjectType', 'subjectId'])
@Index('idx_certification_cooperative', ['cooperativeId'])
export class Certification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cooperativeId!: string;
  @Column({ type: 'text' }) subjectType!: CertificationSubject;
  @Column({ type: 'uuid' }) subjectId!: string;
  @Column({ type: 'text' }) scheme!: CertificationScheme;
  /** Name of the scheme when scheme is 'other'. */
  @Column({ type: 'text', nullable: true }) schemeName!: string | null;
  @Column({ type: 'text' }) certificateNo!: string;
  /** Certification body (tổ chức chứng nhận). */
  @Column({ type: 'text' }) certBody!: string;
  @Column({ type: 'date' }) issuedOn!: string;
  @Column({ type: 'date' }) validUntil!: string;
  @Column({ type: 'text', nullable: true }) scopeText!: string | null;
  /** Storage key of the scanned certificate (PDF or image), if uploaded. */
  @Column({ type: 'text', nullable: true }) fileKey!: string | null;
  @Column({ type: 'text', nullable: true }) fileType!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) revokedReason!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
