import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdempotencyRecord } from '@cadres/kit';
import type { CadreRank, HouseholdTag, LiaisonRole, LiaisonTarget, PledgeStatus, VisitKind } from '../generated/graphql';

// The domain enums are the SDL's (subgraphs/people/schema.graphql, generated into ../generated/graphql.ts).
// Each value list below is checked against its type both ways: `satisfies` refuses a value the
// SDL lacks, and the `Record<Exclude<…>, never>` line fails to compile, naming it, when the SDL
// has a value the list lacks. The order of a list is the order the subgraph sorts in.
export type { CadreRank, HouseholdTag, LiaisonRole, PledgeStatus, VisitKind };

export const cadreRanks = ['CITY_LEVEL', 'COUNTY_LEVEL', 'SECTION_LEVEL', 'STAFF'] as const satisfies readonly CadreRank[];
({}) satisfies Record<Exclude<CadreRank, (typeof cadreRanks)[number]>, never>;

export const liaisonRoles = ['LEAD', 'MEMBER', 'FIRST_SECRETARY', 'AREA_LEAD'] as const satisfies readonly LiaisonRole[];
({}) satisfies Record<Exclude<LiaisonRole, (typeof liaisonRoles)[number]>, never>;

export const pledgeStatuses = ['PLANNED', 'ONGOING', 'DONE'] as const satisfies readonly PledgeStatus[];
({}) satisfies Record<Exclude<PledgeStatus, (typeof pledgeStatuses)[number]>, never>;

export const householdTags = [
  'POOR', 'WEALTHY', 'PETITIONER', 'OLD_PARTY_MEMBER', 'OLD_CADRE', 'OLD_MODEL', 'MILITARY_FAMILY',
] as const satisfies readonly HouseholdTag[];
({}) satisfies Record<Exclude<HouseholdTag, (typeof householdTags)[number]>, never>;

export const visitKinds = [
  'HOME_VISIT', 'FORUM', 'RESEARCH', 'STATIONED', 'ENTERPRISE_VISIT', 'SITE_VISIT', 'CONDOLENCE', 'PARTY_DAY', 'BUILDING_SWEEP',
] as const satisfies readonly VisitKind[];
({}) satisfies Record<Exclude<VisitKind, (typeof visitKinds)[number]>, never>;

/** What a liaison (and a visit) can point at: the GraphQL type names of the LiaisonTarget union. */
export type TargetType = NonNullable<LiaisonTarget['__typename']>;
export const targetTypes = ['Division', 'BuildingUnit', 'Household', 'Enterprise', 'Project'] as const satisfies readonly TargetType[];
({}) satisfies Record<Exclude<TargetType, (typeof targetTypes)[number]>, never>;

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

  /** The responsible leader (责任领导), a cadre id. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  leaderCadreId!: string | null;

  /** Defaults to 1 so that rows inserted before versions existed (and bulk seeds) start there. */
  @Column({ type: 'int', default: 1 })
  version!: number;
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
// Covering: coverage's statements read these alone (migration 1735900000000).
@Index('idx_liaison_type_division', ['targetType', 'divisionCode', 'targetId', 'cadreId', 'since', 'until'])
@Index('idx_liaison_cadre', ['cadreId', 'targetType', 'targetId', 'since', 'until'])
export class Liaison {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

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

  /**
   * The cadre's id while this is its open FIRST_SECRETARY link, else null: a unique index on it
   * lets a cadre be first secretary of one village or community at a time, also when two links
   * race (a NULL never collides, on either database).
   */
  @Index('uq_liaison_first_secretary', { unique: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  firstSecretaryKey!: string | null;

  @Column({ type: 'int' })
  version!: number;
}

export const openKeyOf = (l: Pick<Liaison, 'cadreId' | 'targetType' | 'targetId' | 'role'>) =>
  `${l.cadreId}|${l.targetType}|${l.targetId}|${l.role}`;

/** A household (户) in a village or community, optionally in a building unit. */
@Entity('household')
export class Household {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index('idx_household_division')
  @Column({ type: 'varchar', length: 12 })
  divisionCode!: string;

  @Index('idx_household_unit')
  @Column({ type: 'varchar', length: 48, nullable: true })
  unitId!: string | null;

  /** The head's resident id (set in the same transaction that adds the head). */
  @Index('idx_household_head')
  @Column({ type: 'varchar', length: 40, nullable: true })
  headId!: string | null;

  @Column({ type: 'int' })
  version!: number;
}

/** A resident (群众). The ID number is unique: a person belongs to one household. */
@Entity('resident')
export class Resident {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index('idx_resident_household')
  @Column({ type: 'varchar', length: 40 })
  householdId!: string;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Index('uq_resident_id_number', { unique: true })
  @Column({ type: 'varchar', length: 18 })
  idNumber!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  @Column({ type: 'int' })
  version!: number;
}

/**
 * A household's tag, one row per tag (a join table rather than a list column, so that "the
 * POOR households of district X" is an index range: tag, then the household's division code,
 * copied here for that purpose).
 */
@Entity('household_tag')
@Index('idx_household_tag_subtree', ['tag', 'divisionCode'])
export class HouseholdTagRow {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  householdId!: string;

  @PrimaryColumn({ type: 'simple-enum', enum: householdTags })
  tag!: HouseholdTag;

  @Column({ type: 'varchar', length: 12 })
  divisionCode!: string;
}

/** A visit (走访) by one or more cadres to a target, on a day. */
@Entity('visit')
@Index('idx_visit_target', ['targetType', 'targetId', 'date'])
// targetId too: coverage's households visited enough reads the index alone (migration 1735800000000).
@Index('idx_visit_type_division', ['targetType', 'divisionCode', 'date', 'targetId'])
// A subtree's visits in a period, read from the index alone (activity; migration 1736000000000).
@Index('idx_visit_place', ['divisionCode', 'date', 'kind', 'cadreCount', 'days'])
export class Visit {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index('idx_visit_date')
  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'simple-enum', enum: visitKinds })
  kind!: VisitKind;

  @Column({ type: 'simple-enum', enum: targetTypes })
  targetType!: TargetType;

  @Column({ type: 'varchar', length: 48 })
  targetId!: string;

  /**
   * Where the visit lies (access.ts visitPlace): the village or community its target lies in,
   * or a Division target itself; null only for a target whose division is unknown. Coverage and
   * activity count a subtree's visits by range on it.
   */
  @Column({ type: 'varchar', length: 12, nullable: true })
  divisionCode!: string | null;

  /** Its cadres (visit_cadre rows), i.e. its person-times: activity sums them without the join. */
  @Column({ type: 'int', default: 1 })
  cadreCount!: number;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes!: string | null;

  /** Days from `date` the visit lasted (a stationed visit may last several). Defaults to 1 for rows from before it. */
  @Column({ type: 'int', default: 1 })
  days!: number;

  @Column({ type: 'int' })
  version!: number;
}

/**
 * Who made a visit. The date and the visit's place are copied here, so that a cadre's visits in
 * a period, and a subtree's cadre-days, are each one index range.
 */
@Entity('visit_cadre')
@Index('idx_visit_cadre_cadre', ['cadreId', 'date'])
@Index('idx_visit_cadre_place', ['divisionCode', 'date', 'cadreId'])
export class VisitCadre {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  visitId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  cadreId!: string;

  @Column({ type: 'varchar', length: 10 })
  date!: string;

  /** The visit's divisionCode. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  divisionCode!: string | null;
}

/**
 * The audit log: one row per unmasked read of a resident's ID number (audit.ts), appended in
 * the request that read it. Append-only: nothing in the subgraph updates or deletes a row.
 */
@Entity('id_number_read')
@Index('idx_id_number_read_resident', ['residentId', 'readAt'])
@Index('idx_id_number_read_viewer', ['viewerSub', 'readAt'])
export class IdNumberRead {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The reader's token `sub` and role. */
  @Column({ type: 'varchar', length: 100 })
  viewerSub!: string;

  @Column({ type: 'varchar', length: 20 })
  viewerRole!: string;

  @Column({ type: 'varchar', length: 40 })
  residentId!: string;

  @Index('idx_id_number_read_time')
  @Column({ type: 'datetime', precision: 3 })
  readAt!: Date;

  /** The client's operation name (the gateway's `__people__n` suffix taken off), if it had one. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  operationName!: string | null;

  @Column({ type: 'varchar', length: 100 })
  requestId!: string;
}

/**
 * A campaign (三解三促, 万名干部下基层…) run by a city, district or township over a period
 * (`dateFrom`..`dateTo`: FROM and TO are reserved words), with its phases and rules. Its
 * participating departments are rows of campaign_department.
 */
@Entity('campaign')
@Index('idx_campaign_division', ['divisionCode', 'dateFrom'])
export class Campaign {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 12 })
  divisionCode!: string;

  @Column({ type: 'varchar', length: 10 })
  dateFrom!: string;

  @Column({ type: 'varchar', length: 10 })
  dateTo!: string;

  /** [{ name, from, to }], in order: read and written whole, never queried. */
  @Column({ type: 'simple-json' })
  phases!: { name: string; from: string; to: string }[];

  @Column({ type: 'int' })
  householdsPerCadre!: number;

  @Column({ type: 'int' })
  visitsPerHousehold!: number;

  @Column({ type: 'int' })
  cadresPerHomeVisit!: number;

  @Column({ type: 'int' })
  cadresPerBuildingUnit!: number;

  /** Comma-separated CadreRank values, in the enum's order. */
  @Column({ type: 'varchar', length: 100 })
  rankedLiaisonRanks!: string;

  @Column({ type: 'boolean' })
  areaLeadCovers!: boolean;

  @Column({ type: 'int' })
  version!: number;
}

/** A department taking part in a campaign. */
@Entity('campaign_department')
export class CampaignDepartment {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  campaignId!: string;

  @Index('idx_campaign_department_department')
  @PrimaryColumn({ type: 'varchar', length: 40 })
  departmentId!: string;
}

/**
 * Help and outreach (帮扶) a cadre did beyond a visit. `fundsFen`: funds in fen (分), an integer,
 * so that sums are exact on every database. `divisionCode`: where it lies (the target's division,
 * else the cadre's department's), for scope and for a subtree's figures.
 */
@Entity('help_record')
@Index('idx_help_record_cadre', ['cadreId', 'date'])
@Index('idx_help_record_division', ['divisionCode', 'date'])
export class HelpRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 40 })
  cadreId!: string;

  @Column({ type: 'simple-enum', enum: targetTypes, nullable: true })
  targetType!: TargetType | null;

  @Column({ type: 'varchar', length: 48, nullable: true })
  targetId!: string | null;

  @Column({ type: 'varchar', length: 12 })
  divisionCode!: string;

  @Column({ type: 'int' })
  peopleHelped!: number;

  @Column({ type: 'int' })
  fundsFen!: number;

  @Column({ type: 'int' })
  contactCards!: number;

  @Column({ type: 'int' })
  researchReports!: number;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;
}

/**
 * A township's assessment (评议考核) of a first secretary: a score and a comment per period of
 * its FIRST_SECRETARY link. One per link and period (unique), never replaced.
 */
@Entity('assessment')
@Index('uq_assessment_period', ['liaisonId', 'period'], { unique: true })
export class Assessment {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  liaisonId!: string;

  /** "2026", "2026-H1", "2026-Q3" or "2026-05". */
  @Column({ type: 'varchar', length: 10 })
  period!: string;

  @Column({ type: 'int' })
  score!: number;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  comment!: string | null;

  /** The assessor's token subject. */
  @Column({ type: 'varchar', length: 100 })
  assessedBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;
}

/** A practical-matter pledge (实事) led by a cadre (领办), at a division, with a target date. */
@Entity('pledge')
@Index('idx_pledge_division', ['divisionCode', 'targetDate'])
@Index('idx_pledge_cadre', ['leadCadreId', 'targetDate'])
export class Pledge {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 12 })
  divisionCode!: string;

  @Column({ type: 'varchar', length: 40 })
  leadCadreId!: string;

  @Column({ type: 'varchar', length: 10 })
  targetDate!: string;

  @Column({ type: 'simple-enum', enum: pledgeStatuses })
  status!: PledgeStatus;

  /** The China date it was taken on (领办); null on pledges recorded before dates were kept. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  startedOn!: string | null;

  /** The China date it was made routine (常态化), if it was. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  ongoingOn!: string | null;

  /** The China date it was done, if it is. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  doneOn!: string | null;

  @Column({ type: 'int' })
  version!: number;
}

/** IdempotencyRecord: kit's record of keyed creations (kit idempotency.ts). */
export const entities = [Department, Cadre, Liaison, Household, Resident, HouseholdTagRow, Visit, VisitCadre, IdNumberRead, Campaign, CampaignDepartment, HelpRecord, Assessment, Pledge, IdempotencyRecord];
