import { IdempotencyRecord } from '@cadres/kit';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CoHandlingStatus, DemandStatus, ExtensionStatus, IssueCategory, IssueKind, IssueSource, IssueStatus, IssueSubject, RatingAspect, Satisfaction, Urgency } from '../generated/graphql';

// Column types are spelled out (not inferred from TypeScript metadata) so that the same
// entities and migrations hold on SQLite and MySQL, and tsx/esbuild can run them.
// Instants are `datetime(3)`: UTC, with milliseconds on both databases.

// The domain enums are the SDL's (generated into ../generated/graphql.ts). Each value list is
// checked against its type both ways: `satisfies` refuses a value the SDL lacks, and the
// `Record<Exclude<…>, never>` line fails to compile, naming it, when the SDL has a value the list
// lacks. The order of a list is the order the subgraph sorts in (byCategory's ties: enum order).
export type { CoHandlingStatus, DemandStatus, ExtensionStatus, IssueCategory, IssueKind, IssueSource, IssueStatus, RatingAspect, Satisfaction, Urgency };

export const issueCategories = [
  'EMPLOYMENT', 'SOCIAL_SECURITY', 'EDUCATION', 'MEDICAL', 'HOUSING', 'INFRASTRUCTURE',
  'SAFETY', 'ENVIRONMENT', 'ENTERPRISE_SERVICE', 'PROJECT_CONSTRUCTION', 'OTHER',
] as const satisfies readonly IssueCategory[];
({}) satisfies Record<Exclude<IssueCategory, (typeof issueCategories)[number]>, never>;

export const issueKinds = ['INQUIRY', 'HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION'] as const satisfies readonly IssueKind[];
({}) satisfies Record<Exclude<IssueKind, (typeof issueKinds)[number]>, never>;

export const issueSources = ['VISIT', 'HOTLINE', 'FORUM', 'ENTERPRISE', 'ONLINE', 'OTHER'] as const satisfies readonly IssueSource[];
({}) satisfies Record<Exclude<IssueSource, (typeof issueSources)[number]>, never>;

export const urgencies = ['EMERGENCY', 'UTILITIES', 'GENERAL', 'COMPLEX'] as const satisfies readonly Urgency[];
({}) satisfies Record<Exclude<Urgency, (typeof urgencies)[number]>, never>;

export const issueStatuses = ['REPORTED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED'] as const satisfies readonly IssueStatus[];
({}) satisfies Record<Exclude<IssueStatus, (typeof issueStatuses)[number]>, never>;

export const satisfactions = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const satisfies readonly Satisfaction[];
({}) satisfies Record<Exclude<Satisfaction, (typeof satisfactions)[number]>, never>;

export const extensionStatuses = ['REQUESTED', 'APPROVED', 'REFUSED'] as const satisfies readonly ExtensionStatus[];
({}) satisfies Record<Exclude<ExtensionStatus, (typeof extensionStatuses)[number]>, never>;

export const coHandlingStatuses = ['ASSIGNED', 'ACCEPTED', 'REPORTED'] as const satisfies readonly CoHandlingStatus[];
({}) satisfies Record<Exclude<CoHandlingStatus, (typeof coHandlingStatuses)[number]>, never>;

export const demandStatuses = ['ORDERED', 'OPENED', 'TAKEN', 'DONE', 'DELIBERATED'] as const satisfies readonly DemandStatus[];
({}) satisfies Record<Exclude<DemandStatus, (typeof demandStatuses)[number]>, never>;

/** What an issue can be about: the GraphQL type names of the IssueSubject union. */
export type SubjectType = NonNullable<IssueSubject['__typename']>;
export const subjectTypes = ['Household', 'Enterprise', 'Project', 'Division'] as const satisfies readonly SubjectType[];
({}) satisfies Record<Exclude<SubjectType, (typeof subjectTypes)[number]>, never>;

export const ratingAspects = ['WORK', 'CONDUCT', 'ENVIRONMENT', 'SERVICE'] as const satisfies readonly RatingAspect[];
({}) satisfies Record<Exclude<RatingAspect, (typeof ratingAspects)[number]>, never>;

/** One problem in the ledger (问题台账). Every change bumps `version` and appends an IssueEvent. */
@Entity('issue')
@Index('idx_issue_subject', ['subjectType', 'subjectId'])
export class Issue {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Ledger number `YYYY-DDDDDD-NNNNNN`: year, district, gap-free sequence. */
  @Index('uq_issue_ref', { unique: true })
  @Column({ type: 'varchar', length: 24 })
  ref!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 2000 })
  description!: string;

  @Index('idx_issue_category')
  @Column({ type: 'simple-enum', enum: issueCategories })
  category!: IssueCategory;

  @Column({ type: 'simple-enum', enum: issueKinds })
  kind!: IssueKind;

  @Column({ type: 'simple-enum', enum: issueSources })
  source!: IssueSource;

  @Column({ type: 'simple-enum', enum: urgencies })
  urgency!: Urgency;

  @Index('idx_issue_division')
  @Column({ type: 'varchar', length: 12 })
  divisionCode!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  subjectType!: SubjectType | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  subjectId!: string | null;

  @Index('idx_issue_reporter')
  @Column({ type: 'varchar', length: 40, nullable: true })
  reporterId!: string | null;

  /** Who reported it: the token's sub (a PARTNER or CADRE reads and evaluates what it reported), or a system actor. */
  @Index('idx_issue_reported_by')
  @Column({ type: 'varchar', length: 100 })
  reportedBy!: string;

  @Index('idx_issue_visit')
  @Column({ type: 'varchar', length: 40, nullable: true })
  visitId!: string | null;

  @Index('idx_issue_assignee')
  @Column({ type: 'varchar', length: 40, nullable: true })
  assigneeId!: string | null;

  @Index('idx_issue_status')
  @Column({ type: 'simple-enum', enum: issueStatuses })
  status!: IssueStatus;

  @Column({ type: 'int' })
  version!: number;

  @Index('idx_issue_reported_at')
  @Column({ type: 'datetime', precision: 3 })
  reportedAt!: Date;

  @Index('idx_issue_deadline')
  @Column({ type: 'datetime', precision: 3 })
  deadline!: Date;

  /** The deadline when first assigned (until then the current one): extensions never move it; the on-time rate uses it. */
  @Column({ type: 'datetime', precision: 3 })
  originalDeadline!: Date;

  /** When 20% of the time to the deadline is left: the light turns YELLOW (a plain comparison in SQL). */
  @Column({ type: 'datetime', precision: 3 })
  yellowAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  assignedAt!: Date | null;

  /** assignedAt + the response limit: accepted by then counts as responded in time. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  responseDeadline!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  resolvedAt!: Date | null;

  /** When it became CLOSED or REJECTED; null while open. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'int' })
  supervisionLevel!: number;

  @Column({ type: 'int' })
  reopenCount!: number;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  feedback!: string | null;

  /** The latest evaluation (评价); earlier ones stay in the history. */
  @Column({ type: 'simple-enum', enum: satisfactions, nullable: true })
  evalSatisfaction!: Satisfaction | null;

  /** 1 solved, 0 not solved, null not evaluated. */
  @Column({ type: 'int', nullable: true })
  evalSolved!: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  evalComment!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  evaluatedAt!: Date | null;

  /** Solved during the visit that found it (fixOnTheSpot): closed at once, counted as solved. */
  @Column({ type: 'boolean' })
  fixedOnTheSpot!: boolean;
}

/** One change of an issue. Append-only: `seq` is the issue's version after the change. */
@Entity('issue_event')
@Index('uq_issue_event_seq', ['issueId', 'seq'], { unique: true })
export class IssueEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  issueId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ type: 'simple-enum', enum: issueStatuses, nullable: true })
  fromStatus!: IssueStatus | null;

  @Column({ type: 'simple-enum', enum: issueStatuses, nullable: true })
  toStatus!: IssueStatus | null;

  @Column({ type: 'varchar', length: 100 })
  actor!: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;
}

/** A request by the assigned department to move an issue's deadline, and ADMIN's decision. */
@Entity('deadline_extension')
@Index('uq_deadline_extension_seq', ['issueId', 'seq'], { unique: true })
export class DeadlineExtension {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  issueId!: string;

  /** The issue's version after the request: orders an issue's requests. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'datetime', precision: 3 })
  requestedDeadline!: Date;

  @Column({ type: 'varchar', length: 2000 })
  reason!: string;

  @Column({ type: 'simple-enum', enum: extensionStatuses })
  status!: ExtensionStatus;

  @Column({ type: 'varchar', length: 100 })
  requestedBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  requestedAt!: Date;

  @Column({ type: 'varchar', length: 100, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;
}

/** The last ledger number handed out per district and year (row-locked while a report takes the next). */
@Entity('ledger_counter')
export class LedgerCounter {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  districtPrefix!: string;

  @PrimaryColumn({ type: 'int' })
  ledgerYear!: number;

  @Column({ type: 'int' })
  lastNumber!: number;
}

/**
 * 双评: a household rates a cadre, an enterprise rates a department; score 1..5. One rating per
 * rater, target, aspect and period (calendar year, China time): a second one replaces the first.
 */
@Entity('rating')
@Index('uq_rating_period', ['targetType', 'targetId', 'raterType', 'raterId', 'aspectKey', 'period'], { unique: true })
@Index('idx_rating_target', ['targetType', 'targetId'])
@Index('idx_rating_rater', ['raterType', 'raterId'])
export class Rating {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  targetType!: string;

  @Column({ type: 'varchar', length: 40 })
  targetId!: string;

  @Column({ type: 'varchar', length: 20 })
  raterType!: string;

  @Column({ type: 'varchar', length: 40 })
  raterId!: string;

  @Column({ type: 'simple-enum', enum: ratingAspects, nullable: true })
  aspect!: RatingAspect | null;

  /** `aspect`, or '-' without one: the unique index needs a value (NULLs never collide). */
  @Column({ type: 'varchar', length: 20 })
  aspectKey!: string;

  /** The calendar year (China time) the rating counts for. */
  @Column({ type: 'int' })
  period!: number;

  @Column({ type: 'int' })
  score!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;
}

/**
 * A department issues has met (an assignee or a rated department) and the division it serves, as
 * people said when it was met: what assigneeRanking ranks within a subtree, in SQL, without
 * asking people for every department.
 */
@Entity('known_department')
export class KnownDepartment {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index('idx_known_department_division')
  @Column({ type: 'varchar', length: 12 })
  divisionCode!: string;
}

/**
 * A department handling an issue jointly (共同接单) beside its lead (the assignee): it signs for
 * its part (ACCEPTED) and reports its feedback (REPORTED); the lead resolves only once every
 * co-handler has reported.
 */
@Entity('co_handler')
@Index('idx_co_handler_department', ['departmentId'])
export class CoHandler {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  issueId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  departmentId!: string;

  /** The issue's version after the co-handler was added: orders an issue's co-handlers. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'simple-enum', enum: coHandlingStatuses })
  status!: CoHandlingStatus;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  feedback!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  addedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  reportedAt!: Date | null;
}

/** A coordination meeting (联席会议) on an issue: its date, the departments present, its decision. */
@Entity('meeting')
@Index('uq_meeting_seq', ['issueId', 'seq'], { unique: true })
export class Meeting {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  issueId!: string;

  /** The issue's version after the meeting was recorded (its event's seq). */
  @Column({ type: 'int' })
  seq!: number;

  /** YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  date!: string;

  /** The departments present, in the order given: read and written whole, never queried. */
  @Column({ type: 'simple-json' })
  departmentIds!: string[];

  @Column({ type: 'varchar', length: 2000 })
  decision!: string;

  /** When it was recorded. */
  @Column({ type: 'datetime', precision: 3 })
  at!: Date;
}

/**
 * A demand of the 四单 method: residents order it (群众点单), the community opens it (社区开单),
 * departments and cadres take it (共同接单), it is done, and residents deliberate it (民主议单).
 * Every change bumps `version` and appends a DemandEvent.
 */
@Entity('demand')
export class Demand {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** `D-YYYY-DDDDDD-NNNNNN`: year, district, gap-free sequence (demand_counter), apart from the issues' numbers. */
  @Index('uq_demand_ref', { unique: true })
  @Column({ type: 'varchar', length: 24 })
  ref!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 2000 })
  description!: string;

  /** The village or community (or any division) it is for. */
  @Index('idx_demand_division')
  @Column({ type: 'varchar', length: 12 })
  divisionCode!: string;

  @Index('idx_demand_status')
  @Column({ type: 'simple-enum', enum: demandStatuses })
  status!: DemandStatus;

  @Column({ type: 'int' })
  version!: number;

  /** Who ordered it: the token's sub (a PARTNER reads what it ordered). Never published. */
  @Index('idx_demand_ordered_by')
  @Column({ type: 'varchar', length: 100 })
  orderedBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  orderedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  openedAt!: Date | null;

  /** When it was first taken. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  takenAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deliberatedAt!: Date | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  result!: string | null;

  /** Residents' scores (1..5) in 议单: read and written whole, never queried. */
  @Column({ type: 'simple-json', nullable: true })
  scores!: number[] | null;
}

/** A department or a cadre (or both, a cadre of the department) that took a demand. */
@Entity('demand_taker')
@Index('uq_demand_taker_seq', ['demandId', 'seq'], { unique: true })
export class DemandTaker {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  demandId!: string;

  /** The demand's version after it was taken: orders a demand's takers. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 40, nullable: true })
  departmentId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  cadreId!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;
}

/** One change of a demand. Append-only: `seq` is the demand's version after the change. */
@Entity('demand_event')
@Index('uq_demand_event_seq', ['demandId', 'seq'], { unique: true })
export class DemandEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  demandId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ type: 'simple-enum', enum: demandStatuses, nullable: true })
  fromStatus!: DemandStatus | null;

  @Column({ type: 'simple-enum', enum: demandStatuses })
  toStatus!: DemandStatus;

  @Column({ type: 'varchar', length: 100 })
  actor!: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;
}

/** The last demand number handed out per district and year (row-locked, as ledger_counter). */
@Entity('demand_counter')
export class DemandCounter {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  districtPrefix!: string;

  @PrimaryColumn({ type: 'int' })
  ledgerYear!: number;

  @Column({ type: 'int' })
  lastNumber!: number;
}

/** IdempotencyRecord: kit's record of keyed creations (kit idempotency.ts). */
export const entities = [Issue, IssueEvent, DeadlineExtension, LedgerCounter, Rating, KnownDepartment, CoHandler, Meeting,
  Demand, DemandTaker, DemandEvent, DemandCounter, IdempotencyRecord];
