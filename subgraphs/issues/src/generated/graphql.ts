// Generated from the subgraph's SDL by scripts/codegen.ts (`npm run codegen`): do not edit.
// A test fails when this file is stale. What resolvers return: see mappersOf in the script.
import type { Connection } from '@cadres/kit';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Issue as IssueEntity, DeadlineExtension as DeadlineExtensionEntity, Rating as RatingEntity, CoHandler as CoHandlerEntity, Meeting as MeetingEntity, Demand as DemandEntity, DemandTaker as DemandTakerEntity } from '../entities';
import type { IssueEventMapper, DepartmentRankingConnectionMapper, DivisionRankingConnectionMapper, DivisionMapper, HouseholdMapper, DepartmentMapper, EnterpriseMapper, ProjectMapper, CadreMapper, VisitMapper, IssueSubjectMapper, IssueStatsMapper, RankedDepartmentMapper, PublishedItemMapper, RankedDivisionMapper } from '../mappers';
import type { SubgraphContext } from '@cadres/kit';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: Date; output: Date; }
  Date: { input: string; output: string; }
  link__Import: { input: unknown; output: unknown; }
  federation__FieldSet: { input: unknown; output: unknown; }
  federation__Scope: { input: unknown; output: unknown; }
  federation__Policy: { input: unknown; output: unknown; }
  _Any: { input: unknown; output: unknown; }
};

export type PageInfo = {
  __typename?: 'PageInfo';
  hasNextPage: Scalars['Boolean']['output'];
  endCursor?: Maybe<Scalars['String']['output']>;
};

export type IssueCategory =
  | 'EMPLOYMENT'
  | 'SOCIAL_SECURITY'
  | 'EDUCATION'
  | 'MEDICAL'
  | 'HOUSING'
  | 'INFRASTRUCTURE'
  | 'SAFETY'
  | 'ENVIRONMENT'
  | 'ENTERPRISE_SERVICE'
  | 'PROJECT_CONSTRUCTION'
  | 'OTHER';

/** 咨询 求助 投诉 举报 建议 */
export type IssueKind =
  | 'INQUIRY'
  | 'HELP'
  | 'COMPLAINT'
  | 'REPORT'
  | 'SUGGESTION';

export type IssueSource =
  | 'VISIT'
  | 'HOTLINE'
  | 'FORUM'
  | 'ENTERPRISE'
  | 'ONLINE'
  | 'OTHER';

/** Default deadlines from the report: EMERGENCY 2 hours, UTILITIES 24 hours, GENERAL 7 days, COMPLEX 15 days (configurable). */
export type Urgency =
  | 'EMERGENCY'
  | 'UTILITIES'
  | 'GENERAL'
  | 'COMPLEX';

export type IssueStatus =
  | 'REPORTED'
  | 'ASSIGNED'
  | 'ACCEPTED'
  | 'IN_PROGRESS'
  | 'RESOLVED'
  | 'CLOSED'
  | 'REJECTED';

export type Satisfaction =
  | 'SATISFIED'
  | 'BASICALLY_SATISFIED'
  | 'DISSATISFIED';

/** Also defined by enterprises (Project.light): the same three values. */
export type Light =
  | 'GREEN'
  | 'YELLOW'
  | 'RED';

/** What a rating scores: a household rates a cadre's WORK or CONDUCT (评工作评作风); an enterprise rates a department's ENVIRONMENT or SERVICE (评环境评服务). */
export type RatingAspect =
  | 'WORK'
  | 'CONDUCT'
  | 'ENVIRONMENT'
  | 'SERVICE';

/** An administrative division (owned by places). Issues adds the ledger of its subtree. */
export type Division = {
  __typename?: 'Division';
  code: Scalars['ID']['output'];
  /**
   * Statistics of the issues anywhere in this division's subtree, reported (or, by: CLOSED, closed)
   * from..to. With campaignId, the campaign's period (people's Campaign from..to), not with from/to.
   */
  issueStats?: Maybe<IssueStats>;
  /** Issues reported anywhere in this division's subtree, newest first. */
  issues?: Maybe<IssueConnection>;
  /**
   * The departments serving a division in this subtree (as people said when issues met them: an
   * assignment or a rating), ranked by how they handle the issues assigned to them (reported
   * from..to) or by enterprises' ratings of their service (rated from..to). Highest first unless
   * ascending; a department whose measure is undefined (null) comes last either way. With
   * campaignId, the period is the campaign's (people's Campaign from..to), not with from/to.
   */
  assigneeRanking?: Maybe<DepartmentRankingConnection>;
  /**
   * The direct children of this division (its districts, townships, villages: every one places
   * lists) ranked by the issues whose subject division lies in each child's subtree, reported
   * from..to and readable by the caller, as each child's own issueStats counts them:
   * ASSIGNED the issues assigned to a department (a count); RESPONSE_RATE respondedInTime / assigned;
   * RESOLUTION_RATE solved / evaluated; SATISFACTION_RATE satisfied / evaluated; ON_TIME_RATE
   * closedOnTime / closed; SERVICE_RATING the average score enterprises gave (rated from..to) the
   * departments serving a division in the child's subtree (numerator: the sum of the scores,
   * denominator: their number). Highest first unless ascending; ties share a rank and keep code
   * order; a child whose measure is undefined (no denominator, e.g. no issues) has value null and
   * comes last either way. A caller with a scope ranks only the children that overlap it (a
   * district ANALYST: its own district's townships; nothing of another district). Null when
   * places does not know the division, or SERVICE_RATING for a role that may not read ratings.
   * With campaignId, the period is the campaign's (people's Campaign from..to), not with from/to.
   */
  childIssueRanking?: Maybe<DivisionRankingConnection>;
  /** Demands (四单) anywhere in this division's subtree, newest first; status: any of these (all when absent). */
  demands?: Maybe<DemandConnection>;
  /**
   * A published list (亮出来, 晒出去) of the demands in this subtree, newest first, readable by every
   * role (inside its scope) and without personal data: no description, no one who ordered, no cadre.
   * NEEDS (需求清单): every demand the community opened; RECTIFICATION (整改清单): those taken and being
   * handled; RESULTS (结果清单): those done or deliberated, with their result.
   */
  publishedList?: Maybe<PublishedItemConnection>;
};


/** An administrative division (owned by places). Issues adds the ledger of its subtree. */
export type DivisionIssueStatsArgs = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  category?: InputMaybe<IssueCategory>;
  by?: InputMaybe<IssueDate>;
};


/** An administrative division (owned by places). Issues adds the ledger of its subtree. */
export type DivisionIssuesArgs = {
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** An administrative division (owned by places). Issues adds the ledger of its subtree. */
export type DivisionAssigneeRankingArgs = {
  measure: IssueMeasure;
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  ascending?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** An administrative division (owned by places). Issues adds the ledger of its subtree. */
export type DivisionChildIssueRankingArgs = {
  measure: IssueMeasure;
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  ascending?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** An administrative division (owned by places). Issues adds the ledger of its subtree. */
export type DivisionDemandsArgs = {
  status?: InputMaybe<Array<DemandStatus>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** An administrative division (owned by places). Issues adds the ledger of its subtree. */
export type DivisionPublishedListArgs = {
  list: PublishedList;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type Household = {
  __typename?: 'Household';
  id: Scalars['ID']['output'];
  /** Issues whose subject is this household, newest first. */
  issues?: Maybe<IssueConnection>;
};


export type HouseholdIssuesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type Department = {
  __typename?: 'Department';
  id: Scalars['ID']['output'];
  /**
   * Statistics of the issues assigned to this department (its performance as an assignee), reported
   * (or, by: CLOSED, closed) from..to. With campaignId, the campaign's period (people's Campaign
   * from..to), not with from/to.
   */
  issueStats?: Maybe<IssueStats>;
  /** How enterprises rate this department (评环境评服务): every rating it received. */
  serviceEvaluations?: Maybe<EvaluationSummary>;
  /**
   * How residents rate this department's cadres (评干部): every household's rating of a cadre who is
   * now one of its cadres (asked of people), optionally only those made from..to (Beijing dates, both
   * inclusive). Null for those who may not read ratings, and for a department people does not show the caller.
   */
  cadreEvaluations?: Maybe<EvaluationSummary>;
};


export type DepartmentIssueStatsArgs = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  by?: InputMaybe<IssueDate>;
};


export type DepartmentCadreEvaluationsArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** What a department is ranked by: ASSIGNED issues, the four rates of IssueStats, or SERVICE_RATING (the average score enterprises gave it). */
export type IssueMeasure =
  | 'ASSIGNED'
  | 'RESPONSE_RATE'
  | 'RESOLUTION_RATE'
  | 'SATISFACTION_RATE'
  | 'ON_TIME_RATE'
  | 'SERVICE_RATING';

/** Which date of an issue a period bounds: when it was reported, or when it was closed (销号; only CLOSED issues count then). */
export type IssueDate =
  | 'REPORTED'
  | 'CLOSED';

export type RankedDepartment = {
  __typename?: 'RankedDepartment';
  /** 1 = first in the requested order; ties share a rank (the next one skips), and the order within a tie is the department id. */
  rank: Scalars['Int']['output'];
  department: Department;
  /** null when the measure is undefined (no denominator). */
  value?: Maybe<Scalars['Float']['output']>;
  /** A rate's numerator and denominator; SERVICE_RATING: the sum of the scores and the number of ratings; ASSIGNED: the count and null. */
  numerator?: Maybe<Scalars['Int']['output']>;
  denominator?: Maybe<Scalars['Int']['output']>;
};

export type DepartmentRankingConnection = {
  __typename?: 'DepartmentRankingConnection';
  nodes: Array<RankedDepartment>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type RankedDivision = {
  __typename?: 'RankedDivision';
  /** 1 = first in the requested order; ties share a rank (the next one skips), and the order within a tie is the division code. */
  rank: Scalars['Int']['output'];
  /** Null only when places cannot answer for it. */
  division?: Maybe<Division>;
  /** null when the measure is undefined (no denominator). */
  value?: Maybe<Scalars['Float']['output']>;
  /** A rate's numerator and denominator; a count: the count and null. */
  numerator?: Maybe<Scalars['Int']['output']>;
  denominator?: Maybe<Scalars['Int']['output']>;
};

export type DivisionRankingConnection = {
  __typename?: 'DivisionRankingConnection';
  nodes: Array<RankedDivision>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type Enterprise = {
  __typename?: 'Enterprise';
  id: Scalars['ID']['output'];
  /** Issues whose subject is this enterprise, newest first. */
  issues?: Maybe<IssueConnection>;
  /** How this enterprise rates the government's service (its ratings of departments). */
  evaluations?: Maybe<EvaluationSummary>;
};


export type EnterpriseIssuesArgs = {
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type Project = {
  __typename?: 'Project';
  id: Scalars['ID']['output'];
  /** Issues whose subject is this project, newest first. */
  issues?: Maybe<IssueConnection>;
};


export type ProjectIssuesArgs = {
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type Cadre = {
  __typename?: 'Cadre';
  id: Scalars['ID']['output'];
  /** Issues this cadre found and reported, newest first. */
  reportedIssues?: Maybe<IssueConnection>;
  /** Residents' ratings of this cadre. */
  evaluations?: Maybe<EvaluationSummary>;
};


export type CadreReportedIssuesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type Visit = {
  __typename?: 'Visit';
  id: Scalars['ID']['output'];
  /** Issues raised during this visit, oldest first. */
  raisedIssues?: Maybe<Array<Issue>>;
};

export type IssueSubject = Household | Enterprise | Project | Division;

/** A problem in the ledger and where it stands in the closed loop (发现 → 交办 → 办理 → 反馈 → 督办 → 销号). */
export type Issue = {
  __typename?: 'Issue';
  id: Scalars['ID']['output'];
  /** Human ledger number: year-district-sequence, e.g. 2026-370502-000123; unique and gap-free per district (first 6 digits of the division code) and year (China Standard Time). */
  ref: Scalars['String']['output'];
  title: Scalars['String']['output'];
  description: Scalars['String']['output'];
  category: IssueCategory;
  kind: IssueKind;
  source: IssueSource;
  urgency: Urgency;
  division?: Maybe<Division>;
  subject?: Maybe<IssueSubject>;
  /** The cadre who found it, if any. */
  reporter?: Maybe<Cadre>;
  /** The visit it came from, if any. */
  visit?: Maybe<Visit>;
  /** The department it was assigned to (交办). */
  assignee?: Maybe<Department>;
  status: IssueStatus;
  version: Scalars['Int']['output'];
  reportedAt: Scalars['DateTime']['output'];
  /** The deadline the work is due by now: moved by an approved extension or by ADMIN (extendDeadline). */
  deadline: Scalars['DateTime']['output'];
  /** The deadline as it stood when the issue was first assigned (before that, the current one); extensions never move it. The on-time rate measures against it. */
  originalDeadline: Scalars['DateTime']['output'];
  /** Requests to move the deadline and their decisions, oldest first. */
  deadlineExtensions: Array<DeadlineExtension>;
  /** Open: GREEN on time, YELLOW when 20% or less of the time from report to deadline is left, RED overdue. Closed (and rejected): GREEN if finished by the deadline, RED if late. */
  light: Light;
  /** 0 none, 1 reminder 催办, 2 supervision notice 督办, 3 listed 挂牌督办. */
  supervisionLevel: Scalars['Int']['output'];
  /** Every change, oldest first; never rewritten. Reading an issue: ADMIN, DEPARTMENT, CADRE and ANALYST inside their scope; PARTNER only the issues it reported. */
  history: Array<IssueEvent>;
  /** The latest evaluation, if any. */
  evaluation?: Maybe<Evaluation>;
  /** When the assigned department must have accepted (签收) it: assignment plus the response limit. */
  responseDeadline?: Maybe<Scalars['DateTime']['output']>;
  /** The department's feedback (反馈) when it resolved the issue. */
  feedback?: Maybe<Scalars['String']['output']>;
  /** How many times a dissatisfied or unsolved evaluation sent it back to IN_PROGRESS. */
  reopenCount: Scalars['Int']['output'];
  /** Solved during the visit that found it (fixOnTheSpot): reported and closed at once. */
  fixedOnTheSpot: Scalars['Boolean']['output'];
  /** Departments handling it jointly (共同接单) beside the lead (assignee), in the order they were added; the lead resolves only once all have REPORTED. */
  coHandlers: Array<CoHandler>;
  /** Coordination meetings (联席会议) on it, in the order they were recorded; each is in the history too (MEETING). */
  meetings: Array<Meeting>;
};

/** A co-handler's part: ASSIGNED when added, ACCEPTED once it signed for its part, REPORTED once it reported its feedback. */
export type CoHandlingStatus =
  | 'ASSIGNED'
  | 'ACCEPTED'
  | 'REPORTED';

/** A department handling an issue jointly beside its lead. */
export type CoHandler = {
  __typename?: 'CoHandler';
  department: Department;
  status: CoHandlingStatus;
  /** Its feedback on its part, once REPORTED. */
  feedback?: Maybe<Scalars['String']['output']>;
};

/** A coordination meeting (联席会议) on an issue. */
export type Meeting = {
  __typename?: 'Meeting';
  date: Scalars['Date']['output'];
  /** The departments present, in the order given. */
  departments: Array<Department>;
  decision: Scalars['String']['output'];
  /** When it was recorded. */
  at: Scalars['DateTime']['output'];
};

export type ExtensionStatus =
  | 'REQUESTED'
  | 'APPROVED'
  | 'REFUSED';

/** A request by the assigned department to move the deadline, and ADMIN's decision on it. */
export type DeadlineExtension = {
  __typename?: 'DeadlineExtension';
  requestedDeadline: Scalars['DateTime']['output'];
  reason: Scalars['String']['output'];
  status: ExtensionStatus;
  /** The requester's token sub. */
  requestedBy: Scalars['String']['output'];
  /** The decider's token sub; null while REQUESTED. */
  decidedBy?: Maybe<Scalars['String']['output']>;
  /** The decision's note, if any. */
  note?: Maybe<Scalars['String']['output']>;
  /** When it was decided, or requested while REQUESTED. */
  at: Scalars['DateTime']['output'];
};

export type IssueConnection = {
  __typename?: 'IssueConnection';
  nodes: Array<Issue>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type IssueEvent = {
  __typename?: 'IssueEvent';
  at: Scalars['DateTime']['output'];
  action: Scalars['String']['output'];
  fromStatus?: Maybe<IssueStatus>;
  toStatus?: Maybe<IssueStatus>;
  actor: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
};

/** from and to are calendar dates in China (Beijing) time bounding reportedAt, both inclusive. */
export type IssueFilter = {
  status?: InputMaybe<Array<IssueStatus>>;
  category?: InputMaybe<Array<IssueCategory>>;
  light?: InputMaybe<Array<Light>>;
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};

/**
 * Over the issues of a subtree or an assignee (from/to: calendar dates in China time, inclusive,
 * bounding when they were reported, or closed with by: CLOSED; category: one category). Open means
 * not CLOSED or REJECTED; total counts REJECTED too. Every rate comes with its numerator and
 * denominator. An issue fixed on the spot counts as found, closed on time, evaluated, solved and
 * satisfied: the resident saw it solved at the door.
 */
export type IssueStats = {
  __typename?: 'IssueStats';
  total: Scalars['Int']['output'];
  open: Scalars['Int']['output'];
  closed: Scalars['Int']['output'];
  /** Lights of the open issues; a RESOLVED one keeps the light it had when it was resolved while the resident is asked. */
  green: Scalars['Int']['output'];
  yellow: Scalars['Int']['output'];
  red: Scalars['Int']['output'];
  /** respondedInTime / assigned; null when none assigned. */
  responseRate?: Maybe<Scalars['Float']['output']>;
  /** solved / evaluated; null when none evaluated. */
  resolutionRate?: Maybe<Scalars['Float']['output']>;
  /** satisfied / evaluated; null when none evaluated. */
  satisfactionRate?: Maybe<Scalars['Float']['output']>;
  /** closedOnTime / closed; null when none closed. */
  onTimeRate?: Maybe<Scalars['Float']['output']>;
  /** Issues whose deadline was moved past the original one (an approved extension or ADMIN's direct change). */
  extended: Scalars['Int']['output'];
  /** Ever assigned to a department. */
  assigned: Scalars['Int']['output'];
  /** Accepted (签收) within the response limit. */
  respondedInTime: Scalars['Int']['output'];
  /** With an evaluation (回访), or fixed on the spot. */
  evaluated: Scalars['Int']['output'];
  /** Evaluated as solved, or fixed on the spot. */
  solved: Scalars['Int']['output'];
  /** Evaluated SATISFIED or BASICALLY_SATISFIED, or fixed on the spot. */
  satisfied: Scalars['Int']['output'];
  /** Closed by the original deadline (extensions do not count). */
  closedOnTime: Scalars['Int']['output'];
  /** Found on a visit. */
  fromVisits: Scalars['Int']['output'];
  /** Solved during the visit that found it. */
  fixedOnTheSpot: Scalars['Int']['output'];
  /**
   * Handled jointly (共同接单). Of a subtree: its issues with at least one co-handler. Of a department:
   * the issues it co-handled beside another lead; they count here only, never in its other counts or
   * rates, which stay those of the issues it leads.
   */
  coHandled: Scalars['Int']['output'];
  /** Categories with at least one issue, most first (ties in enum order). */
  byCategory: Array<CategoryCount>;
  /**
   * The same issues (subtree or assignee, category, what the caller reads) month by month, for
   * trend charts: each figure in the Beijing calendar month of its own date, counted when that
   * date lies in from..to (whatever by says), so that the months of reported add up to total
   * with by: REPORTED and those of closed to total with by: CLOSED. Oldest first, one row per
   * month from from's month (without from: the first month with any figure; none: this month)
   * to to's month (without to: this month, or a later month with a figure), months with nothing
   * as zeros; at most 120 months (BAD_USER_INPUT beyond).
   */
  monthly: Array<MonthlyIssues>;
};

/** One calendar month (Beijing time) of IssueStats.monthly. */
export type MonthlyIssues = {
  __typename?: 'MonthlyIssues';
  /** YYYY-MM, e.g. 2026-05. */
  month: Scalars['String']['output'];
  /** Reported in the month. */
  reported: Scalars['Int']['output'];
  /** Closed (销号) in the month. */
  closed: Scalars['Int']['output'];
  /** Evaluated as solved in the month (the latest evaluation), or fixed on the spot in it: IssueStats.solved by month. */
  solved: Scalars['Int']['output'];
  /** Evaluated SATISFIED or BASICALLY_SATISFIED in the month, or fixed on the spot in it: IssueStats.satisfied by month. */
  satisfied: Scalars['Int']['output'];
  /** Reported in the month and found on a visit. */
  fromVisits: Scalars['Int']['output'];
};

export type CategoryCount = {
  __typename?: 'CategoryCount';
  category: IssueCategory;
  count: Scalars['Int']['output'];
};

export type Evaluation = {
  __typename?: 'Evaluation';
  satisfaction: Satisfaction;
  solved: Scalars['Boolean']['output'];
  comment?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
};

/** 双评 summary; satisfactionRate is the share of scores >= 4 (null when there are none). */
export type EvaluationSummary = {
  __typename?: 'EvaluationSummary';
  count: Scalars['Int']['output'];
  average?: Maybe<Scalars['Float']['output']>;
  satisfactionRate?: Maybe<Scalars['Float']['output']>;
};

export type Rating = {
  __typename?: 'Rating';
  id: Scalars['ID']['output'];
  score: Scalars['Int']['output'];
  comment?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  aspect?: Maybe<RatingAspect>;
};

export type ReportIssueInput = {
  title: Scalars['String']['input'];
  description: Scalars['String']['input'];
  category: IssueCategory;
  kind: IssueKind;
  source: IssueSource;
  urgency: Urgency;
  divisionCode: Scalars['ID']['input'];
  /** Household | Enterprise | Project | Division, with subjectId. */
  subjectType?: InputMaybe<Scalars['String']['input']>;
  subjectId?: InputMaybe<Scalars['ID']['input']>;
  reporterId?: InputMaybe<Scalars['ID']['input']>;
  visitId?: InputMaybe<Scalars['ID']['input']>;
  /** A retried report with the same key (per caller) returns the first issue, never a second; the same key with other content is a CONFLICT. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** The steps of the 四单 method: 点单 ORDERED, 开单 OPENED, 接单 TAKEN, 办结 DONE, 议单 DELIBERATED. */
export type DemandStatus =
  | 'ORDERED'
  | 'OPENED'
  | 'TAKEN'
  | 'DONE'
  | 'DELIBERATED';

/** Who took a demand (接单): a department, a cadre, or a cadre for its department. */
export type DemandTaker = {
  __typename?: 'DemandTaker';
  department?: Maybe<Department>;
  cadre?: Maybe<Cadre>;
};

/** A residents' demand in the 四单 method (群众点单, 社区开单, 共同接单, 民主议单). */
export type Demand = {
  __typename?: 'Demand';
  id: Scalars['ID']['output'];
  /** D-year-district-sequence, e.g. D-2026-370502-000007; unique and gap-free per district and year, apart from the issues' numbers. */
  ref: Scalars['String']['output'];
  title: Scalars['String']['output'];
  description: Scalars['String']['output'];
  division?: Maybe<Division>;
  status: DemandStatus;
  version: Scalars['Int']['output'];
  /** In the order they took it. */
  takers: Array<DemandTaker>;
  /** What was done (办结). */
  result?: Maybe<Scalars['String']['output']>;
  /** Residents' scores in 议单 (1..5); null until deliberated. */
  deliberation?: Maybe<EvaluationSummary>;
  /** Every change, oldest first. fromStatus and toStatus are null (they name issue statuses): each action (ORDER, OPEN, TAKE, COMPLETE, DELIBERATE) leads to one demand status. */
  history: Array<IssueEvent>;
};

export type DemandConnection = {
  __typename?: 'DemandConnection';
  nodes: Array<Demand>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** 需求清单, 整改清单, 结果清单. */
export type PublishedList =
  | 'NEEDS'
  | 'RECTIFICATION'
  | 'RESULTS';

/** One line of a published list: nothing about a person. */
export type PublishedItem = {
  __typename?: 'PublishedItem';
  ref: Scalars['String']['output'];
  title: Scalars['String']['output'];
  division?: Maybe<Division>;
  /** The demand's status (DemandStatus). */
  status: Scalars['String']['output'];
  /** The ids of the departments that took it, in the order they did (cadres, being persons, are left out; names come from people by id). */
  handledBy: Array<Scalars['String']['output']>;
  result?: Maybe<Scalars['String']['output']>;
  /** When it entered the list: opened (NEEDS), first taken (RECTIFICATION), done (RESULTS). */
  at: Scalars['DateTime']['output'];
};

export type PublishedItemConnection = {
  __typename?: 'PublishedItemConnection';
  nodes: Array<PublishedItem>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/**
 * Every read is confined to the caller's token: issues outside its scope subtree (and, for a
 * PARTNER, issues it did not report) are absent from lists, null for lookups and not counted in stats.
 */
export type Query = {
  __typename?: 'Query';
  /** An issue by id or by ledger number (exactly one of them); null when none or not visible to the caller. */
  issue?: Maybe<Issue>;
  /** Issues, newest first: in a division's subtree when divisionCode is given. */
  issues: IssueConnection;
  /** A demand by id or by ref (exactly one of them); null when none or not visible to the caller. */
  demand?: Maybe<Demand>;
  /**
   * Statistics of the issues in a division's subtree, as Division.issueStats. With campaignId, the
   * campaign's period (people's Campaign from..to), not with from/to: NOT_FOUND for a campaign
   * the caller does not see, BAD_USER_INPUT with from or to.
   */
  issueStats: IssueStats;
};


/**
 * Every read is confined to the caller's token: issues outside its scope subtree (and, for a
 * PARTNER, issues it did not report) are absent from lists, null for lookups and not counted in stats.
 */
export type QueryIssueArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  ref?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Every read is confined to the caller's token: issues outside its scope subtree (and, for a
 * PARTNER, issues it did not report) are absent from lists, null for lookups and not counted in stats.
 */
export type QueryIssuesArgs = {
  divisionCode?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<IssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Every read is confined to the caller's token: issues outside its scope subtree (and, for a
 * PARTNER, issues it did not report) are absent from lists, null for lookups and not counted in stats.
 */
export type QueryDemandArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  ref?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Every read is confined to the caller's token: issues outside its scope subtree (and, for a
 * PARTNER, issues it did not report) are absent from lists, null for lookups and not counted in stats.
 */
export type QueryIssueStatsArgs = {
  divisionCode: Scalars['ID']['input'];
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  category?: InputMaybe<IssueCategory>;
  by?: InputMaybe<IssueDate>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** -> REPORTED, with a new ledger number. */
  reportIssue: Issue;
  /**
   * A problem solved during the visit that found it (即知即改): reported with its visit (required),
   * subject and reporter (one of the visit's cadres, else BAD_USER_INPUT on input.reporterId), and
   * CLOSED at once with the feedback; the history shows both steps.
   * Idempotent like reportIssue (input.idempotencyKey); who may: as reportIssue.
   */
  fixOnTheSpot: Issue;
  /** REPORTED, or ASSIGNED to re-assign -> ASSIGNED (交办). */
  assignIssue: Issue;
  /** ASSIGNED -> ACCEPTED (签收). */
  acceptIssue: Issue;
  /** ACCEPTED -> IN_PROGRESS. */
  startIssue: Issue;
  /** IN_PROGRESS -> RESOLVED (反馈), by the lead; refused (INVALID_TRANSITION, naming them) while a co-handler has not REPORTED its part. */
  resolveIssue: Issue;
  /** RESOLVED -> CLOSED (销号), or back to IN_PROGRESS when DISSATISFIED or not solved. */
  evaluateIssue: Issue;
  /** REPORTED | ASSIGNED -> REJECTED, with a reason. */
  rejectIssue: Issue;
  /** ADMIN sets a later deadline directly, before the current one passes, with a reason (originalDeadline stays). */
  extendDeadline: Issue;
  /** The assigned department asks, before the deadline passes, for a later one, with a reason; one open request at a time, and at most ISSUES_MAX_EXTENSIONS (2) approved per issue. */
  requestExtension: Issue;
  /** ADMIN approves (the deadline moves to the requested one) or refuses the open request. */
  decideExtension: Issue;
  /**
   * ADMIN adds a department to handle the issue jointly beside its lead (ASSIGNED, ACCEPTED or
   * IN_PROGRESS); like an assignee, it must serve a division that covers the issue's.
   */
  addCoHandler: Issue;
  /** The co-handling department (its token's departmentId) signs for its part: ASSIGNED -> ACCEPTED. */
  acceptCoHandling: Issue;
  /** The co-handling department reports its part's feedback: ACCEPTED -> REPORTED. */
  reportCoHandling: Issue;
  /** ADMIN or the lead department records a coordination meeting (联席会议) on an open issue; it joins the history as MEETING. */
  recordMeeting: Issue;
  /** 群众点单 -> ORDERED: residents' demand, entered by staff (ADMIN, CADRE) or the hotline (PARTNER); idempotent like reportIssue. */
  orderDemand: Demand;
  /** 社区开单: ORDERED -> OPENED, by ADMIN or a department serving a division that covers the demand's. */
  openDemand: Demand;
  /**
   * 共同接单: OPENED or TAKEN -> TAKEN. A department (serving a division covering the demand's) and/or
   * a cadre takes it; more takers may join. ADMIN names any; a DEPARTMENT or CADRE takes only as itself.
   */
  takeDemand: Demand;
  /** 办结: TAKEN -> DONE with the result, by ADMIN or one of its takers. */
  completeDemand: Demand;
  /** 民主议单: DONE -> DELIBERATED with residents' scores (1 to 500 scores of 1..5), by ADMIN or a department serving the division that did not take it. */
  deliberateDemand: Demand;
  /** Raises supervisionLevel by one (at most 3) on an open issue. */
  superviseIssue: Issue;
  /** targetType Cadre (raterType Household) or Department (raterType Enterprise); score 1..5. */
  rate: Rating;
};


export type MutationReportIssueArgs = {
  input: ReportIssueInput;
};


export type MutationFixOnTheSpotArgs = {
  input: ReportIssueInput;
  feedback: Scalars['String']['input'];
};


export type MutationAssignIssueArgs = {
  id: Scalars['ID']['input'];
  departmentId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationAcceptIssueArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
};


export type MutationStartIssueArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationResolveIssueArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  feedback: Scalars['String']['input'];
};


export type MutationEvaluateIssueArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  satisfaction: Satisfaction;
  solved: Scalars['Boolean']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRejectIssueArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
};


export type MutationExtendDeadlineArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  newDeadline: Scalars['DateTime']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRequestExtensionArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  newDeadline: Scalars['DateTime']['input'];
  reason: Scalars['String']['input'];
};


export type MutationDecideExtensionArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  approve: Scalars['Boolean']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationAddCoHandlerArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  departmentId: Scalars['ID']['input'];
};


export type MutationAcceptCoHandlingArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
};


export type MutationReportCoHandlingArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  feedback: Scalars['String']['input'];
};


export type MutationRecordMeetingArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  date: Scalars['Date']['input'];
  departmentIds: Array<Scalars['ID']['input']>;
  decision: Scalars['String']['input'];
};


export type MutationOrderDemandArgs = {
  divisionCode: Scalars['ID']['input'];
  title: Scalars['String']['input'];
  description: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationOpenDemandArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
};


export type MutationTakeDemandArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  cadreId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationCompleteDemandArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  result: Scalars['String']['input'];
};


export type MutationDeliberateDemandArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  scores: Array<Scalars['Int']['input']>;
};


export type MutationSuperviseIssueArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRateArgs = {
  targetType: Scalars['String']['input'];
  targetId: Scalars['ID']['input'];
  raterType: Scalars['String']['input'];
  raterId: Scalars['ID']['input'];
  score: Scalars['Int']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
  aspect?: InputMaybe<RatingAspect>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

export type Link__Purpose =
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY'
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION';



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Division: Division;
  Household: Household;
  Department: Department;
  Enterprise: Enterprise;
  Project: Project;
  Cadre: Cadre;
  Visit: Visit;
  Issue: Issue;
  Demand: Demand;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Division:
    ( { __typename: 'Division' }
    & GraphQLRecursivePick<FederationTypes['Division'], {"code":true}> );
  Household:
    ( { __typename: 'Household' }
    & GraphQLRecursivePick<FederationTypes['Household'], {"id":true}> );
  Department:
    ( { __typename: 'Department' }
    & GraphQLRecursivePick<FederationTypes['Department'], {"id":true}> );
  Enterprise:
    ( { __typename: 'Enterprise' }
    & GraphQLRecursivePick<FederationTypes['Enterprise'], {"id":true}> );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}> );
  Cadre:
    ( { __typename: 'Cadre' }
    & GraphQLRecursivePick<FederationTypes['Cadre'], {"id":true}> );
  Visit:
    ( { __typename: 'Visit' }
    & GraphQLRecursivePick<FederationTypes['Visit'], {"id":true}> );
  Issue:
    ( { __typename: 'Issue' }
    & GraphQLRecursivePick<FederationTypes['Issue'], {"id":true}> );
  Demand:
    ( { __typename: 'Demand' }
    & GraphQLRecursivePick<FederationTypes['Demand'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  IssueCategory: IssueCategory;
  IssueKind: IssueKind;
  IssueSource: IssueSource;
  Urgency: Urgency;
  IssueStatus: IssueStatus;
  Satisfaction: Satisfaction;
  Light: Light;
  RatingAspect: RatingAspect;
  Division: ResolverTypeWrapper<DivisionMapper>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Household: ResolverTypeWrapper<HouseholdMapper>;
  Department: ResolverTypeWrapper<DepartmentMapper>;
  IssueMeasure: IssueMeasure;
  IssueDate: IssueDate;
  RankedDepartment: ResolverTypeWrapper<RankedDepartmentMapper>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  DepartmentRankingConnection: ResolverTypeWrapper<DepartmentRankingConnectionMapper>;
  RankedDivision: ResolverTypeWrapper<RankedDivisionMapper>;
  DivisionRankingConnection: ResolverTypeWrapper<DivisionRankingConnectionMapper>;
  Enterprise: ResolverTypeWrapper<EnterpriseMapper>;
  Project: ResolverTypeWrapper<ProjectMapper>;
  Cadre: ResolverTypeWrapper<CadreMapper>;
  Visit: ResolverTypeWrapper<VisitMapper>;
  IssueSubject: ResolverTypeWrapper<IssueSubjectMapper>;
  Issue: ResolverTypeWrapper<IssueEntity>;
  CoHandlingStatus: CoHandlingStatus;
  CoHandler: ResolverTypeWrapper<CoHandlerEntity>;
  Meeting: ResolverTypeWrapper<MeetingEntity>;
  ExtensionStatus: ExtensionStatus;
  DeadlineExtension: ResolverTypeWrapper<DeadlineExtensionEntity>;
  IssueConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Issue']>>;
  IssueEvent: ResolverTypeWrapper<IssueEventMapper>;
  IssueFilter: IssueFilter;
  IssueStats: ResolverTypeWrapper<IssueStatsMapper>;
  MonthlyIssues: ResolverTypeWrapper<MonthlyIssues>;
  CategoryCount: ResolverTypeWrapper<CategoryCount>;
  Evaluation: ResolverTypeWrapper<Evaluation>;
  EvaluationSummary: ResolverTypeWrapper<EvaluationSummary>;
  Rating: ResolverTypeWrapper<RatingEntity>;
  ReportIssueInput: ReportIssueInput;
  DemandStatus: DemandStatus;
  DemandTaker: ResolverTypeWrapper<DemandTakerEntity>;
  Demand: ResolverTypeWrapper<DemandEntity>;
  DemandConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Demand']>>;
  PublishedList: PublishedList;
  PublishedItem: ResolverTypeWrapper<PublishedItemMapper>;
  PublishedItemConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['PublishedItem']>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  link__Purpose: Link__Purpose;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  federation__FieldSet: ResolverTypeWrapper<Scalars['federation__FieldSet']['output']>;
  federation__Scope: ResolverTypeWrapper<Scalars['federation__Scope']['output']>;
  federation__Policy: ResolverTypeWrapper<Scalars['federation__Policy']['output']>;
  _Any: ResolverTypeWrapper<Scalars['_Any']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  Date: Scalars['Date']['output'];
  PageInfo: PageInfo;
  Division: DivisionMapper;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Household: HouseholdMapper;
  Department: DepartmentMapper;
  RankedDepartment: RankedDepartmentMapper;
  Float: Scalars['Float']['output'];
  DepartmentRankingConnection: DepartmentRankingConnectionMapper;
  RankedDivision: RankedDivisionMapper;
  DivisionRankingConnection: DivisionRankingConnectionMapper;
  Enterprise: EnterpriseMapper;
  Project: ProjectMapper;
  Cadre: CadreMapper;
  Visit: VisitMapper;
  IssueSubject: IssueSubjectMapper;
  Issue: IssueEntity;
  CoHandler: CoHandlerEntity;
  Meeting: MeetingEntity;
  DeadlineExtension: DeadlineExtensionEntity;
  IssueConnection: Connection<ResolversParentTypes['Issue']>;
  IssueEvent: IssueEventMapper;
  IssueFilter: IssueFilter;
  IssueStats: IssueStatsMapper;
  MonthlyIssues: MonthlyIssues;
  CategoryCount: CategoryCount;
  Evaluation: Evaluation;
  EvaluationSummary: EvaluationSummary;
  Rating: RatingEntity;
  ReportIssueInput: ReportIssueInput;
  DemandTaker: DemandTakerEntity;
  Demand: DemandEntity;
  DemandConnection: Connection<ResolversParentTypes['Demand']>;
  PublishedItem: PublishedItemMapper;
  PublishedItemConnection: Connection<ResolversParentTypes['PublishedItem']>;
  Query: Record<PropertyKey, never>;
  Mutation: Record<PropertyKey, never>;
  link__Import: Scalars['link__Import']['output'];
  federation__FieldSet: Scalars['federation__FieldSet']['output'];
  federation__Scope: Scalars['federation__Scope']['output'];
  federation__Policy: Scalars['federation__Policy']['output'];
  _Any: Scalars['_Any']['output'];
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
};

export type LinkDirectiveArgs = {
  url?: Maybe<Scalars['String']['input']>;
  as?: Maybe<Scalars['String']['input']>;
  for?: Maybe<Link__Purpose>;
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
};

export type LinkDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__RequiresDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__RequiresDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ProvidesDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__ProvidesDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__ProvidesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExternalDirectiveArgs = {
  reason?: Maybe<Scalars['String']['input']>;
};

export type Federation__ExternalDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__ExternalDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__TagDirectiveArgs = {
  name: Scalars['String']['input'];
};

export type Federation__TagDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__TagDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExtendsDirectiveArgs = { };

export type Federation__ExtendsDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__ExtendsDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InaccessibleDirectiveArgs = { };

export type Federation__InaccessibleDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type Federation__OverrideDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ComposeDirectiveDirectiveArgs = {
  name?: Maybe<Scalars['String']['input']>;
};

export type Federation__ComposeDirectiveDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__ComposeDirectiveDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InterfaceObjectDirectiveArgs = { };

export type Federation__InterfaceObjectDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__InterfaceObjectDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__AuthenticatedDirectiveArgs = { };

export type Federation__AuthenticatedDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['federation__Scope']['input']>>;
};

export type Federation__RequiresScopesDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['federation__Policy']['input']>>;
};

export type Federation__PolicyDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type PageInfoResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DivisionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Division'] = ResolversParentTypes['Division'], FederationReferenceType extends FederationReferenceTypes['Division'] = FederationReferenceTypes['Division']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Division']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issueStats?: Resolver<Maybe<ResolversTypes['IssueStats']>, ParentType, ContextType, RequireFields<DivisionIssueStatsArgs, 'by'>>;
  issues?: Resolver<Maybe<ResolversTypes['IssueConnection']>, ParentType, ContextType, Partial<DivisionIssuesArgs>>;
  assigneeRanking?: Resolver<Maybe<ResolversTypes['DepartmentRankingConnection']>, ParentType, ContextType, RequireFields<DivisionAssigneeRankingArgs, 'measure'>>;
  childIssueRanking?: Resolver<Maybe<ResolversTypes['DivisionRankingConnection']>, ParentType, ContextType, RequireFields<DivisionChildIssueRankingArgs, 'measure'>>;
  demands?: Resolver<Maybe<ResolversTypes['DemandConnection']>, ParentType, ContextType, Partial<DivisionDemandsArgs>>;
  publishedList?: Resolver<Maybe<ResolversTypes['PublishedItemConnection']>, ParentType, ContextType, RequireFields<DivisionPublishedListArgs, 'list'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type HouseholdResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Household'] = ResolversParentTypes['Household'], FederationReferenceType extends FederationReferenceTypes['Household'] = FederationReferenceTypes['Household']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Household']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issues?: Resolver<Maybe<ResolversTypes['IssueConnection']>, ParentType, ContextType, Partial<HouseholdIssuesArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type DepartmentResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Department'] = ResolversParentTypes['Department'], FederationReferenceType extends FederationReferenceTypes['Department'] = FederationReferenceTypes['Department']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Department']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issueStats?: Resolver<Maybe<ResolversTypes['IssueStats']>, ParentType, ContextType, RequireFields<DepartmentIssueStatsArgs, 'by'>>;
  serviceEvaluations?: Resolver<Maybe<ResolversTypes['EvaluationSummary']>, ParentType, ContextType>;
  cadreEvaluations?: Resolver<Maybe<ResolversTypes['EvaluationSummary']>, ParentType, ContextType, Partial<DepartmentCadreEvaluationsArgs>>;
};

export type RankedDepartmentResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['RankedDepartment'] = ResolversParentTypes['RankedDepartment']> = {
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  department?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  numerator?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  denominator?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type DepartmentRankingConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DepartmentRankingConnection'] = ResolversParentTypes['DepartmentRankingConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['RankedDepartment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RankedDivisionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['RankedDivision'] = ResolversParentTypes['RankedDivision']> = {
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  division?: Resolver<Maybe<ResolversTypes['Division']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  numerator?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  denominator?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type DivisionRankingConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DivisionRankingConnection'] = ResolversParentTypes['DivisionRankingConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['RankedDivision']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EnterpriseResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Enterprise'] = ResolversParentTypes['Enterprise'], FederationReferenceType extends FederationReferenceTypes['Enterprise'] = FederationReferenceTypes['Enterprise']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Enterprise']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issues?: Resolver<Maybe<ResolversTypes['IssueConnection']>, ParentType, ContextType, Partial<EnterpriseIssuesArgs>>;
  evaluations?: Resolver<Maybe<ResolversTypes['EvaluationSummary']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issues?: Resolver<Maybe<ResolversTypes['IssueConnection']>, ParentType, ContextType, Partial<ProjectIssuesArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CadreResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Cadre'] = ResolversParentTypes['Cadre'], FederationReferenceType extends FederationReferenceTypes['Cadre'] = FederationReferenceTypes['Cadre']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cadre']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reportedIssues?: Resolver<Maybe<ResolversTypes['IssueConnection']>, ParentType, ContextType, Partial<CadreReportedIssuesArgs>>;
  evaluations?: Resolver<Maybe<ResolversTypes['EvaluationSummary']>, ParentType, ContextType>;
};

export type VisitResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Visit'] = ResolversParentTypes['Visit'], FederationReferenceType extends FederationReferenceTypes['Visit'] = FederationReferenceTypes['Visit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Visit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  raisedIssues?: Resolver<Maybe<Array<ResolversTypes['Issue']>>, ParentType, ContextType>;
};

export type IssueSubjectResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['IssueSubject'] = ResolversParentTypes['IssueSubject']> = {
  __resolveType: TypeResolveFn<'Household' | 'Enterprise' | 'Project' | 'Division', ParentType, ContextType>;
};

export type IssueResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Issue'] = ResolversParentTypes['Issue'], FederationReferenceType extends FederationReferenceTypes['Issue'] = FederationReferenceTypes['Issue']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Issue']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ref?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['IssueCategory'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['IssueKind'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['IssueSource'], ParentType, ContextType>;
  urgency?: Resolver<ResolversTypes['Urgency'], ParentType, ContextType>;
  division?: Resolver<Maybe<ResolversTypes['Division']>, ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['IssueSubject']>, ParentType, ContextType>;
  reporter?: Resolver<Maybe<ResolversTypes['Cadre']>, ParentType, ContextType>;
  visit?: Resolver<Maybe<ResolversTypes['Visit']>, ParentType, ContextType>;
  assignee?: Resolver<Maybe<ResolversTypes['Department']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IssueStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reportedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deadline?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  originalDeadline?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deadlineExtensions?: Resolver<Array<ResolversTypes['DeadlineExtension']>, ParentType, ContextType>;
  light?: Resolver<ResolversTypes['Light'], ParentType, ContextType>;
  supervisionLevel?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['IssueEvent']>, ParentType, ContextType>;
  evaluation?: Resolver<Maybe<ResolversTypes['Evaluation']>, ParentType, ContextType>;
  responseDeadline?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  feedback?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reopenCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fixedOnTheSpot?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  coHandlers?: Resolver<Array<ResolversTypes['CoHandler']>, ParentType, ContextType>;
  meetings?: Resolver<Array<ResolversTypes['Meeting']>, ParentType, ContextType>;
};

export type CoHandlerResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CoHandler'] = ResolversParentTypes['CoHandler']> = {
  department?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CoHandlingStatus'], ParentType, ContextType>;
  feedback?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MeetingResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Meeting'] = ResolversParentTypes['Meeting']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  departments?: Resolver<Array<ResolversTypes['Department']>, ParentType, ContextType>;
  decision?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type DeadlineExtensionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DeadlineExtension'] = ResolversParentTypes['DeadlineExtension']> = {
  requestedDeadline?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExtensionStatus'], ParentType, ContextType>;
  requestedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decidedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type IssueConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['IssueConnection'] = ResolversParentTypes['IssueConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Issue']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IssueEventResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['IssueEvent'] = ResolversParentTypes['IssueEvent']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromStatus?: Resolver<Maybe<ResolversTypes['IssueStatus']>, ParentType, ContextType>;
  toStatus?: Resolver<Maybe<ResolversTypes['IssueStatus']>, ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type IssueStatsResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['IssueStats'] = ResolversParentTypes['IssueStats']> = {
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  closed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  green?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  yellow?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  red?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  responseRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  resolutionRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  satisfactionRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  onTimeRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  extended?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  assigned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  respondedInTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  evaluated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  solved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  satisfied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  closedOnTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fromVisits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fixedOnTheSpot?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  coHandled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  byCategory?: Resolver<Array<ResolversTypes['CategoryCount']>, ParentType, ContextType>;
  monthly?: Resolver<Array<ResolversTypes['MonthlyIssues']>, ParentType, ContextType>;
};

export type MonthlyIssuesResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['MonthlyIssues'] = ResolversParentTypes['MonthlyIssues']> = {
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reported?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  closed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  solved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  satisfied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fromVisits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CategoryCountResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CategoryCount'] = ResolversParentTypes['CategoryCount']> = {
  category?: Resolver<ResolversTypes['IssueCategory'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EvaluationResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Evaluation'] = ResolversParentTypes['Evaluation']> = {
  satisfaction?: Resolver<ResolversTypes['Satisfaction'], ParentType, ContextType>;
  solved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type EvaluationSummaryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['EvaluationSummary'] = ResolversParentTypes['EvaluationSummary']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  satisfactionRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type RatingResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Rating'] = ResolversParentTypes['Rating']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  aspect?: Resolver<Maybe<ResolversTypes['RatingAspect']>, ParentType, ContextType>;
};

export type DemandTakerResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DemandTaker'] = ResolversParentTypes['DemandTaker']> = {
  department?: Resolver<Maybe<ResolversTypes['Department']>, ParentType, ContextType>;
  cadre?: Resolver<Maybe<ResolversTypes['Cadre']>, ParentType, ContextType>;
};

export type DemandResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Demand'] = ResolversParentTypes['Demand'], FederationReferenceType extends FederationReferenceTypes['Demand'] = FederationReferenceTypes['Demand']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Demand']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ref?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  division?: Resolver<Maybe<ResolversTypes['Division']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DemandStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  takers?: Resolver<Array<ResolversTypes['DemandTaker']>, ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  deliberation?: Resolver<Maybe<ResolversTypes['EvaluationSummary']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['IssueEvent']>, ParentType, ContextType>;
};

export type DemandConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DemandConnection'] = ResolversParentTypes['DemandConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Demand']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PublishedItemResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['PublishedItem'] = ResolversParentTypes['PublishedItem']> = {
  ref?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  division?: Resolver<Maybe<ResolversTypes['Division']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  handledBy?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type PublishedItemConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['PublishedItemConnection'] = ResolversParentTypes['PublishedItemConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['PublishedItem']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  issue?: Resolver<Maybe<ResolversTypes['Issue']>, ParentType, ContextType, Partial<QueryIssueArgs>>;
  issues?: Resolver<ResolversTypes['IssueConnection'], ParentType, ContextType, Partial<QueryIssuesArgs>>;
  demand?: Resolver<Maybe<ResolversTypes['Demand']>, ParentType, ContextType, Partial<QueryDemandArgs>>;
  issueStats?: Resolver<ResolversTypes['IssueStats'], ParentType, ContextType, RequireFields<QueryIssueStatsArgs, 'divisionCode' | 'by'>>;
};

export type MutationResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  reportIssue?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationReportIssueArgs, 'input'>>;
  fixOnTheSpot?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationFixOnTheSpotArgs, 'input' | 'feedback'>>;
  assignIssue?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationAssignIssueArgs, 'id' | 'departmentId' | 'expectedVersion'>>;
  acceptIssue?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationAcceptIssueArgs, 'id' | 'expectedVersion'>>;
  startIssue?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationStartIssueArgs, 'id' | 'expectedVersion'>>;
  resolveIssue?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationResolveIssueArgs, 'id' | 'expectedVersion' | 'feedback'>>;
  evaluateIssue?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationEvaluateIssueArgs, 'id' | 'expectedVersion' | 'satisfaction' | 'solved'>>;
  rejectIssue?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationRejectIssueArgs, 'id' | 'expectedVersion' | 'reason'>>;
  extendDeadline?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationExtendDeadlineArgs, 'id' | 'expectedVersion' | 'newDeadline' | 'reason'>>;
  requestExtension?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationRequestExtensionArgs, 'id' | 'expectedVersion' | 'newDeadline' | 'reason'>>;
  decideExtension?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationDecideExtensionArgs, 'id' | 'expectedVersion' | 'approve'>>;
  addCoHandler?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationAddCoHandlerArgs, 'id' | 'expectedVersion' | 'departmentId'>>;
  acceptCoHandling?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationAcceptCoHandlingArgs, 'id' | 'expectedVersion'>>;
  reportCoHandling?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationReportCoHandlingArgs, 'id' | 'expectedVersion' | 'feedback'>>;
  recordMeeting?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationRecordMeetingArgs, 'id' | 'expectedVersion' | 'date' | 'departmentIds' | 'decision'>>;
  orderDemand?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationOrderDemandArgs, 'divisionCode' | 'title' | 'description'>>;
  openDemand?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationOpenDemandArgs, 'id' | 'expectedVersion'>>;
  takeDemand?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationTakeDemandArgs, 'id' | 'expectedVersion'>>;
  completeDemand?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationCompleteDemandArgs, 'id' | 'expectedVersion' | 'result'>>;
  deliberateDemand?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationDeliberateDemandArgs, 'id' | 'expectedVersion' | 'scores'>>;
  superviseIssue?: Resolver<ResolversTypes['Issue'], ParentType, ContextType, RequireFields<MutationSuperviseIssueArgs, 'id' | 'expectedVersion'>>;
  rate?: Resolver<ResolversTypes['Rating'], ParentType, ContextType, RequireFields<MutationRateArgs, 'targetType' | 'targetId' | 'raterType' | 'raterId' | 'score'>>;
};

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export interface Federation__FieldSetScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__FieldSet'], any> {
  name: 'federation__FieldSet';
}

export interface Federation__ScopeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__Scope'], any> {
  name: 'federation__Scope';
}

export interface Federation__PolicyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__Policy'], any> {
  name: 'federation__Policy';
}

export interface _AnyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['_Any'], any> {
  name: '_Any';
}

export type Resolvers<ContextType = SubgraphContext> = {
  DateTime?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  PageInfo?: PageInfoResolvers<ContextType>;
  Division?: DivisionResolvers<ContextType>;
  Household?: HouseholdResolvers<ContextType>;
  Department?: DepartmentResolvers<ContextType>;
  RankedDepartment?: RankedDepartmentResolvers<ContextType>;
  DepartmentRankingConnection?: DepartmentRankingConnectionResolvers<ContextType>;
  RankedDivision?: RankedDivisionResolvers<ContextType>;
  DivisionRankingConnection?: DivisionRankingConnectionResolvers<ContextType>;
  Enterprise?: EnterpriseResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Cadre?: CadreResolvers<ContextType>;
  Visit?: VisitResolvers<ContextType>;
  IssueSubject?: IssueSubjectResolvers<ContextType>;
  Issue?: IssueResolvers<ContextType>;
  CoHandler?: CoHandlerResolvers<ContextType>;
  Meeting?: MeetingResolvers<ContextType>;
  DeadlineExtension?: DeadlineExtensionResolvers<ContextType>;
  IssueConnection?: IssueConnectionResolvers<ContextType>;
  IssueEvent?: IssueEventResolvers<ContextType>;
  IssueStats?: IssueStatsResolvers<ContextType>;
  MonthlyIssues?: MonthlyIssuesResolvers<ContextType>;
  CategoryCount?: CategoryCountResolvers<ContextType>;
  Evaluation?: EvaluationResolvers<ContextType>;
  EvaluationSummary?: EvaluationSummaryResolvers<ContextType>;
  Rating?: RatingResolvers<ContextType>;
  DemandTaker?: DemandTakerResolvers<ContextType>;
  Demand?: DemandResolvers<ContextType>;
  DemandConnection?: DemandConnectionResolvers<ContextType>;
  PublishedItem?: PublishedItemResolvers<ContextType>;
  PublishedItemConnection?: PublishedItemConnectionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
  federation__FieldSet?: GraphQLScalarType;
  federation__Scope?: GraphQLScalarType;
  federation__Policy?: GraphQLScalarType;
  _Any?: GraphQLScalarType;
};

export type DirectiveResolvers<ContextType = SubgraphContext> = {
  link?: LinkDirectiveResolver<any, any, ContextType>;
  federation__requires?: Federation__RequiresDirectiveResolver<any, any, ContextType>;
  federation__provides?: Federation__ProvidesDirectiveResolver<any, any, ContextType>;
  federation__external?: Federation__ExternalDirectiveResolver<any, any, ContextType>;
  federation__tag?: Federation__TagDirectiveResolver<any, any, ContextType>;
  federation__extends?: Federation__ExtendsDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
  federation__inaccessible?: Federation__InaccessibleDirectiveResolver<any, any, ContextType>;
  federation__override?: Federation__OverrideDirectiveResolver<any, any, ContextType>;
  federation__composeDirective?: Federation__ComposeDirectiveDirectiveResolver<any, any, ContextType>;
  federation__interfaceObject?: Federation__InterfaceObjectDirectiveResolver<any, any, ContextType>;
  federation__authenticated?: Federation__AuthenticatedDirectiveResolver<any, any, ContextType>;
  federation__requiresScopes?: Federation__RequiresScopesDirectiveResolver<any, any, ContextType>;
  federation__policy?: Federation__PolicyDirectiveResolver<any, any, ContextType>;
};
