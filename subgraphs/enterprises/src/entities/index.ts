import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { EnterpriseCategory } from '@cadres/kit';

export const enterpriseCategories: EnterpriseCategory[] = ['ABOVE_SCALE_INDUSTRIAL', 'SPECIALIZED_NEW', 'TECH_SME', 'OTHER'];

// Column types are spelled out (not inferred from TypeScript metadata) so that the same
// entities and migrations hold on SQLite and MySQL, and tsx/esbuild can run them. Index names
// are explicit and identical in the migrations.

/** An enterprise (企业), keyed by id and by its unified social credit code. */
@Entity('enterprise')
@Index('idx_enterprise_division_category', ['divisionCode', 'category'])
@Index('idx_enterprise_category', ['category', 'id'])
export class Enterprise {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  /** GB 32100 unified social credit code: validated on write, unique. */
  @Index('uq_enterprise_credit_code', { unique: true })
  @Column({ type: 'varchar', length: 18 })
  creditCode!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'simple-enum', enum: enterpriseCategories })
  category!: EnterpriseCategory;

  @Column({ type: 'varchar', length: 50, nullable: true })
  industry!: string | null;

  @Column({ type: 'int', nullable: true })
  employees!: number | null;

  /** Where it is (a division code, never a name): subtree queries are a range on this column. */
  @Column({ type: 'varchar', length: 12 })
  divisionCode!: string;

  @VersionColumn({ type: 'int' })
  version!: number;
}

export const entities = [Enterprise];
