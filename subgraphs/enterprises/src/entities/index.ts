import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { IdempotencyRecord } from '@cadres/kit';
import type { EnterpriseCategory, ProjectLevel } from '../generated/graphql';

// The domain enums are the SDL's (generated into ../generated/graphql.ts). Each value list is
// checked against its type both ways: `satisfies` refuses a value the SDL lacks, and the
// `Record<Exclude<…>, never>` line fails to compile, naming it, when the SDL has a value the
// list lacks.
export type { EnterpriseCategory, ProjectLevel };

export const enterpriseCategories = ['ABOVE_SCALE_INDUSTRIAL', 'SPECIALIZED_NEW', 'TECH_SME', 'OTHER'] as const satisfies readonly EnterpriseCategory[];
({}) satisfies Record<Exclude<EnterpriseCategory, (typeof enterpriseCategories)[number]>, never>;

export const projectLevels = ['PROVINCIAL_KEY', 'MUNICIPAL_KEY', 'COUNTY_KEY', 'OTHER'] as const satisfies readonly ProjectLevel[];
({}) satisfies Record<Exclude<ProjectLevel, (typeof projectLevels)[number]>, never>;

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

/**
 * A key project (重点项目) on an enterprise's site. The latest progress report is kept on the row
 * (actualBp, reportCount), written in the same transaction as the report, so that lists can be
 * filtered by light in SQL; project_progress holds every report.
 */
@Entity('project')
export class Project {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'simple-enum', enum: projectLevels })
  level!: ProjectLevel;

  @Index('idx_project_enterprise')
  @Column({ type: 'varchar', length: 40 })
  enterpriseId!: string;

  /** The site's division code: subtree queries are a range on this column. */
  @Index('idx_project_site')
  @Column({ type: 'varchar', length: 12 })
  siteCode!: string;

  /** YYYY-MM-DD */
  @Column({ type: 'varchar', length: 10 })
  plannedStart!: string;

  /** YYYY-MM-DD, after plannedStart. */
  @Column({ type: 'varchar', length: 10 })
  plannedFinish!: string;

  /** plannedStart as days since 1970-01-01: lets SQL compute planned progress on both databases. */
  @Column({ type: 'int' })
  startDay!: number;

  /** plannedFinish as days since 1970-01-01. */
  @Column({ type: 'int' })
  finishDay!: number;

  /** The latest reported progress in basis points (0..10000 = 0..1); 0 before any report. */
  @Column({ type: 'int' })
  actualBp!: number;

  /** How many progress reports there are: the next report's seq is reportCount + 1. */
  @Column({ type: 'int' })
  reportCount!: number;

  @VersionColumn({ type: 'int' })
  version!: number;
}

/** One progress report, never changed. (projectId, seq) is unique: concurrent writers cannot both append seq n. */
@Entity('project_progress')
@Index('uq_project_progress_seq', ['projectId', 'seq'], { unique: true })
export class ProjectProgress {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  projectId!: string;

  @Column({ type: 'int' })
  seq!: number;

  /** Basis points, 0..10000. */
  @Column({ type: 'int' })
  progressBp!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ type: 'datetime' })
  reportedAt!: Date;

  /** The reporting viewer's subject (token sub). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  reportedBy!: string | null;
}

/** IdempotencyRecord: kit's record of keyed creations (kit idempotency.ts). */
export const entities = [Enterprise, Project, ProjectProgress, IdempotencyRecord];
