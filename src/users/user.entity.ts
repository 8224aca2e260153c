import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Cooperative } from '../cooperatives/cooperative.entity';
import { Role } from './role.enum';

@Entity({ name: 'app_user' })
@Index('uq_app_user_email', ['email'], { unique: true, where: 'email IS NOT NULL' })
@Index('uq_app_user_phone', ['phone'], { unique: true, where: 'phone IS NOT NULL' })
@Index('idx_app_user_cooperative', ['cooperativeId'])
@Check('ck_app_user_login', 'email IS NOT NULL OR phone IS NOT NULL')
@Check('ck_app_user_scope', `(role IN ('cooperative_manager','cooperative_staff')) = (cooperative_id IS NOT NULL)`)
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text' }) fullName!: string;
  @Column({ type: 'text' }) passwordHash!: string;
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' }) role!: Role;
  @Column({ type: 'uuid', nullable: true }) cooperativeId!: string | null;
  @ManyToOne(() => Cooperative, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cooperative_id' })
  cooperative?: Cooperative;
  @Column({ type: 'int', array: true, default: () => "'{}'" }) provinceCodes!: number[];
  @Column({ type: 'boolean', default: true }) active!: boolean;
  // Bumped on password change or deactivation: every token carrying an older value stops working.
  @Column({ type: 'int', default: 0 }) tokenVersion!: number;
  @Column({ type: 'timestamptz', nullable: true }) lastLoginAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
