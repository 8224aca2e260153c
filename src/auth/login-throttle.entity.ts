import { Column, Entity, PrimaryColumn } from 'typeorm';

// One row per login identifier ("acct:…") and per client address ("ip:…"), shared by all replicas.
@Entity({ name: 'login_throttle' })
export class LoginThrottle {
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ type: 'int', default: 0 }) failures!: number;
  @Column({ type: 'timestamptz' }) lastFailureAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
}
