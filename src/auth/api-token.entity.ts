import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';

// Integration tokens. Only a SHA-256 of the token is stored; the token itself is shown once.
@Entity({ name: 'api_token' })
@Index('uq_api_token_hash', ['tokenHash'], { unique: true })
@Index('idx_api_token_user', ['userId'])
export class ApiToken {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) tokenHash!: string;
  /** First characters, so a person can tell tokens apart in a list. */
  @Column({ type: 'text' }) prefix!: string;
  @Column({ type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
