import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export type OcopGroupLevel = 'group' | 'subgroup' | 'product_set';

// Product groups of the OCOP programme (nhóm → phân nhóm → bộ sản phẩm), shipped as seeded reference data
// rather than an enum: the appendix of Decision 148/QĐ-TTg was not fully retrieved (domain.md §3.3), and a
// later decision can add rows with its own legal_basis without a code change.
@Entity({ name: 'ocop_reference_group' })
@Check('ck_ocop_reference_group_level', `level IN ('group', 'subgroup', 'product_set')`)
@Check('ck_ocop_reference_group_parent', `(level = 'group') = (parent_code IS NULL)`)
export class OcopReferenceGroup {
  /** "1", "1.1", "1.1.a": position in the appendix table. */
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) level!: OcopGroupLevel;
  @Column({ type: 'text', nullable: true }) parentCode!: string | null;
  @ManyToOne(() => OcopReferenceGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code' })
  parent?: OcopReferenceGroup;
  @Column({ type: 'text' }) nameVi!: string;
  @Column({ type: 'text' }) nameEn!: string;
  /** The legal text the row comes from, e.g. "148/QĐ-TTg". */
  @Column({ type: 'text' }) legalBasis!: string;
  @Column({ type: 'int' }) sortOrder!: number;
}
