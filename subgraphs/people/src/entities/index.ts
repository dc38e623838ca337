import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CadreRank, LiaisonRole } from '@cadres/kit';

export const cadreRanks: CadreRank[] = ['CITY_LEVEL', 'COUNTY_LEVEL', 'SECTION_LEVEL', 'STAFF'];
export const liaisonRoles: LiaisonRole[] = ['LEAD', 'MEMBER', 'FIRST_SECRETARY'];
/** What a liaison (and a visit) can point at: the GraphQL type names of the LiaisonTarget union. */
export const targetTypes = ['Division', 'BuildingUnit', 'Household', 'Enterprise', 'Project'] as const;
export type TargetType = (typeof targetTypes)[number];

// Column types are spelled out (no decorator metadata under tsx/esbuild) and column names are
// the property names, so that raw SQL (grouped pages, coverage) can name them directly.
// Dates are varchar(10) 'YYYY-MM-DD': they compare as text on every database.

/** A department or unit (单位) that cadres belong to. */
@Entity('department')
export class Department {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index('idx_department_division')
  @Column({ type: 'varchar', length: 12 })
  divisionCode!: string;
}

/** A cadre (干部). `cadreRank` rather than `rank`: RANK is a reserved word in MySQL 8. */
@Entity('cadre')
export class Cadre {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index('idx_cadre_name')
  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Index('idx_cadre_rank')
  @Column({ type: 'simple-enum', enum: cadreRanks })
  cadreRank!: CadreRank;

  @Index('idx_cadre_department')
  @Column({ type: 'varchar', length: 40 })
  departmentId!: string;

  @Column({ type: 'boolean' })
  partyMember!: boolean;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  @Column({ type: 'int' })
  version!: number;
}

/**
 * A liaison link (联系/包联) from a cadre to a target. Unlinking sets `until`; rows are never
 * deleted. A link is active on day D when `until` is null or after D.
 */
@Entity('liaison')
@Index('idx_liaison_target', ['targetType', 'targetId'])
@Index('idx_liaison_type_division', ['targetType', 'divisionCode'])
export class Liaison {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index('idx_liaison_cadre')
  @Column({ type: 'varchar', length: 40 })
  cadreId!: string;

  @Column({ type: 'simple-enum', enum: targetTypes })
  targetType!: TargetType;

  @Column({ type: 'varchar', length: 48 })
  targetId!: string;

  /**
   * The village or community the target lies in, when known (Division, BuildingUnit,
   * Household targets): lets coverage count a subtree's links with one range scan.
   */
  @Column({ type: 'varchar', length: 12, nullable: true })
  divisionCode!: string | null;

  @Column({ type: 'simple-enum', enum: liaisonRoles })
  role!: LiaisonRole;

  @Column({ type: 'varchar', length: 10 })
  since!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  until!: string | null;

  /**
   * `cadreId|targetType|targetId|role` while the link is open, null once unlinked: a unique
   * index on it makes a concurrent duplicate link fail in the database, not only in our check.
   */
  @Index('uq_liaison_open', { unique: true })
  @Column({ type: 'varchar', length: 160, nullable: true })
  openKey!: string | null;

  @Column({ type: 'int' })
  version!: number;
}

export const openKeyOf = (l: Pick<Liaison, 'cadreId' | 'targetType' | 'targetId' | 'role'>) =>
  `${l.cadreId}|${l.targetType}|${l.targetId}|${l.role}`;

export const entities = [Department, Cadre, Liaison];
