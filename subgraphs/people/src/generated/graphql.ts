// Generated from the subgraph's SDL by scripts/codegen.ts (`npm run codegen`): do not edit.
// A test fails when this file is stale. What resolvers return: see mappersOf in the script.
import type { Connection } from '@cadres/kit';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Department as DepartmentEntity, Cadre as CadreEntity, Liaison as LiaisonEntity, Household as HouseholdEntity, Resident as ResidentEntity, Visit as VisitEntity, IdNumberRead as IdNumberReadEntity, Campaign as CampaignEntity, HelpRecord as HelpRecordEntity, Assessment as AssessmentEntity, Pledge as PledgeEntity } from '../entities';
import type { DepartmentRankingConnectionMapper, DivisionRankingConnectionMapper, DivisionMapper, BuildingUnitMapper, EnterpriseMapper, ProjectMapper, LiaisonTargetMapper, CoverageMapper, DepartmentCoverageMapper, RankedDepartmentMapper, RankedDivisionMapper } from '../mappers';
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
  Date: { input: string; output: string; }
  DateTime: { input: Date; output: Date; }
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

export type DivisionConnection = {
  __typename?: 'DivisionConnection';
  nodes: Array<Division>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** 市级 县级 科级 一般干部 */
export type CadreRank =
  | 'CITY_LEVEL'
  | 'COUNTY_LEVEL'
  | 'SECTION_LEVEL'
  | 'STAFF';

/** AREA_LEAD: a township leader's 包片 link to a township (its area). */
export type LiaisonRole =
  | 'LEAD'
  | 'MEMBER'
  | 'FIRST_SECRETARY'
  | 'AREA_LEAD';

/** 访三老 走三户 and more: who must be visited. Sensitive personal data. */
export type HouseholdTag =
  | 'POOR'
  | 'WEALTHY'
  | 'PETITIONER'
  | 'OLD_PARTY_MEMBER'
  | 'OLD_CADRE'
  | 'OLD_MODEL'
  | 'MILITARY_FAMILY';

/** CONDOLENCE 慰问, PARTY_DAY 主题党日, BUILDING_SWEEP 楼栋遍访. */
export type VisitKind =
  | 'HOME_VISIT'
  | 'FORUM'
  | 'RESEARCH'
  | 'STATIONED'
  | 'ENTERPRISE_VISIT'
  | 'SITE_VISIT'
  | 'CONDOLENCE'
  | 'PARTY_DAY'
  | 'BUILDING_SWEEP';

/** A division (owned by places). People adds the cadres linked to it, its households and its coverage. */
export type Division = {
  __typename?: 'Division';
  code: Scalars['ID']['output'];
  /** Active liaison links to this village or community, oldest first; with includeEnded, ended ones (with until) too. */
  liaisons?: Maybe<Array<Liaison>>;
  /**
   * Households anywhere in this division's subtree, ordered by id, optionally with one tag.
   * Filtering by tag reveals tags, so with a tag only ADMIN gets the rows; every other reader
   * gets the count (totalCount) with no rows. Null for PARTNER and outside the caller's scope.
   */
  households?: Maybe<HouseholdConnection>;
  /** Provided by places: how many villages and communities the subtree has. */
  villageAndCommunityCount: Scalars['Int']['output'];
  /** Provided by places: how many building units the subtree has. */
  buildingUnitCount: Scalars['Int']['output'];
  /**
   * Coverage of the subtree against the campaign rules. visitQuota is the yearly number of
   * visits a household needs (default: the PEOPLE_VISIT_QUOTA setting, 4 unless set).
   */
  coverage?: Maybe<Coverage>;
  /** Activity in the subtree over the period (null outside the caller's scope). With campaignId, the campaign's period (not with from/to). */
  activity?: Maybe<ActivityStats>;
  /**
   * The departments lying in the subtree (with campaignId: those of them taking part, over the
   * campaign's period), ranked by the measure as Department.activity counts it, highest first
   * unless ascending; ties share a rank and keep id order; an undefined value (null) comes last
   * either way. Null outside the caller's scope.
   */
  departmentRanking?: Maybe<DepartmentRankingConnection>;
  /** Provided by places: the codes of the direct children (divisionRanking ranks every one). */
  childCodes: Array<Scalars['ID']['output']>;
  /**
   * The direct children (the townships of a district, the districts of a city, the villages and
   * communities of a township) ranked by the measure of their own activity (Division.activity over
   * the same period: with campaignId, the campaign's), highest first unless ascending: a count, or
   * VISITS_PER_CADRE, ACTIVE_CADRE_SHARE and LINKED_CADRE_SHARE over the cadres of the departments
   * lying in the child. Every child is ranked, one with nothing counted too; ties share a rank and
   * keep code order; an undefined value (no cadres) comes last either way. Null outside the
   * caller's scope.
   */
  divisionRanking?: Maybe<DivisionRankingConnection>;
  /**
   * Coverage of the subtree under a campaign's rules (visits per household, households per cadre,
   * cadres per building unit, ranked ranks) over its period, links as on its last day (today while
   * it runs); null outside the caller's scope, NOT_FOUND for a campaign the caller does not see.
   */
  coverageIn?: Maybe<Coverage>;
  /**
   * One row per HouseholdTag, every one in the enum's order (zeros too), for the households of
   * the subtree: how many carry the tag, have an active liaison, and were visited in the period
   * (with campaignId, the campaign's, not with from/to; else from/to, the calendar year filling
   * in). Counts only, so every reader of people data gets them (the tags of a household stay
   * hidden, see Household.tags); null for PARTNER and outside the caller's scope.
   */
  householdTags?: Maybe<Array<HouseholdTagCount>>;
  /** Active FIRST_SECRETARY links to the villages and communities of the subtree (with includeEnded, ended ones with their until too), by village code then oldest first; null outside the caller's scope. */
  firstSecretaries?: Maybe<LiaisonConnection>;
  /** Pledges lying in the subtree, optionally of one status, by target date then id; null outside the caller's scope. */
  pledges?: Maybe<PledgeConnection>;
};


/** A division (owned by places). People adds the cadres linked to it, its households and its coverage. */
export type DivisionLiaisonsArgs = {
  includeEnded?: InputMaybe<Scalars['Boolean']['input']>;
};


/** A division (owned by places). People adds the cadres linked to it, its households and its coverage. */
export type DivisionHouseholdsArgs = {
  tag?: InputMaybe<HouseholdTag>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** A division (owned by places). People adds the cadres linked to it, its households and its coverage. */
export type DivisionCoverageArgs = {
  visitQuota?: InputMaybe<Scalars['Int']['input']>;
};


/** A division (owned by places). People adds the cadres linked to it, its households and its coverage. */
export type DivisionActivityArgs = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};


/** A division (owned by places). People adds the cadres linked to it, its households and its coverage. */
export type DivisionDepartmentRankingArgs = {
  measure: ActivityMeasure;
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  ascending?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** A division (owned by places). People adds the cadres linked to it, its households and its coverage. */
export type DivisionDivisionRankingArgs = {
  measure: ActivityMeasure;
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  ascending?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** A division (owned by places). People adds the cadres linked to it, its households and its coverage. */
export type DivisionCoverageInArgs = {
  campaignId: Scalars['ID']['input'];
};


/** A division (owned by places). People adds the cadres linked to it, its households and its coverage. */
export type DivisionHouseholdTagsArgs = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};


/** A division (owned by places). People adds the cadres linked to it, its households and its coverage. */
export type DivisionFirstSecretariesArgs = {
  includeEnded?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** A division (owned by places). People adds the cadres linked to it, its households and its coverage. */
export type DivisionPledgesArgs = {
  status?: InputMaybe<PledgeStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

/** A building unit (owned by places). People adds the cadres linked to it: 2 cadres per unit is the rule. */
export type BuildingUnit = {
  __typename?: 'BuildingUnit';
  id: Scalars['ID']['output'];
  /** Active liaison links to this unit, oldest first; with includeEnded, ended ones (with until) too. */
  liaisons?: Maybe<Array<Liaison>>;
  /** Visits to this unit in the caller's scope, newest first, optionally from/to a date (both inclusive); null for those who read no people data. */
  visits?: Maybe<VisitConnection>;
};


/** A building unit (owned by places). People adds the cadres linked to it: 2 cadres per unit is the rule. */
export type BuildingUnitLiaisonsArgs = {
  includeEnded?: InputMaybe<Scalars['Boolean']['input']>;
};


/** A building unit (owned by places). People adds the cadres linked to it: 2 cadres per unit is the rule. */
export type BuildingUnitVisitsArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

/** An enterprise (owned by enterprises). People adds the cadres linked to it. */
export type Enterprise = {
  __typename?: 'Enterprise';
  id: Scalars['ID']['output'];
  /** Active liaison links to this enterprise, oldest first; with includeEnded, ended ones (with until) too. */
  liaisons?: Maybe<Array<Liaison>>;
  /** Visits to this enterprise in the caller's scope, newest first, optionally from/to a date (both inclusive); null for those who read no people data. */
  visits?: Maybe<VisitConnection>;
};


/** An enterprise (owned by enterprises). People adds the cadres linked to it. */
export type EnterpriseLiaisonsArgs = {
  includeEnded?: InputMaybe<Scalars['Boolean']['input']>;
};


/** An enterprise (owned by enterprises). People adds the cadres linked to it. */
export type EnterpriseVisitsArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

/** A key project (owned by enterprises). People adds the cadres linked to it. */
export type Project = {
  __typename?: 'Project';
  id: Scalars['ID']['output'];
  /** Active liaison links to this project, oldest first; with includeEnded, ended ones (with until) too. */
  liaisons?: Maybe<Array<Liaison>>;
  /** Visits to this project in the caller's scope, newest first, optionally from/to a date (both inclusive); null for those who read no people data. */
  visits?: Maybe<VisitConnection>;
};


/** A key project (owned by enterprises). People adds the cadres linked to it. */
export type ProjectLiaisonsArgs = {
  includeEnded?: InputMaybe<Scalars['Boolean']['input']>;
};


/** A key project (owned by enterprises). People adds the cadres linked to it. */
export type ProjectVisitsArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

/** A department or unit (单位) that cadres belong to. */
export type Department = {
  __typename?: 'Department';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The division the department serves (a city or a district). */
  divisionCode: Scalars['ID']['output'];
  /** Its cadres, ordered by id. */
  cadres: CadreConnection;
  /** Ids of all its cadres, ordered (the issues subgraph asks for them to total its cadres' ratings: Department.cadreEvaluations). */
  cadreIds: Array<Scalars['ID']['output']>;
  /** The responsible leader (责任领导), if named; null when the caller does not see that cadre. */
  leader?: Maybe<Cadre>;
  /** Optimistic-locking version: bumped by every change. */
  version: Scalars['Int']['output'];
  /** Its cadres' activity over the period (counting only what lies in the caller's scope); null for those who read no people data. */
  activity?: Maybe<ActivityStats>;
  /**
   * Its cadres' coverage: under a campaign's rules with links as on its last day (today while it
   * runs), else under today's default rules with today's links. Only links lying in the caller's
   * scope count. Null for those who read no people data; NOT_FOUND for a campaign the caller does
   * not see.
   */
  coverage?: Maybe<DepartmentCoverage>;
};


/** A department or unit (单位) that cadres belong to. */
export type DepartmentCadresArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** A department or unit (单位) that cadres belong to. */
export type DepartmentActivityArgs = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};


/** A department or unit (单位) that cadres belong to. */
export type DepartmentCoverageArgs = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
};

export type DepartmentConnection = {
  __typename?: 'DepartmentConnection';
  nodes: Array<Department>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A cadre (干部). */
export type Cadre = {
  __typename?: 'Cadre';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  rank: CadreRank;
  department: Department;
  partyMember: Scalars['Boolean']['output'];
  /** Personal data: unmasked for ADMIN, DEPARTMENT and CADRE callers; masked (138****1234) for others. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Active liaison links of this cadre, oldest first; with includeEnded, ended ones (with until) too. */
  liaisons: Array<Liaison>;
  /** Visits this cadre took part in, newest first, optionally from/to a date (both inclusive). */
  visits: VisitConnection;
  /** Optimistic-locking version: bumped by every change. */
  version: Scalars['Int']['output'];
  /** Its help records in the caller's scope, newest first, optionally from/to a date (both inclusive). */
  helpRecords: HelpRecordConnection;
  /**
   * Days the cadre spent stationed (its STATIONED visits, each of Visit.days from its date) within
   * the period: a campaign's, or from/to (both inclusive), else the calendar year; only the days of
   * visits lying in the caller's scope, and none outside the period.
   */
  stationedDays: Scalars['Int']['output'];
  /** The pledges it leads in the caller's scope, by target date then id; null for those who read no people data. */
  pledges?: Maybe<Array<Pledge>>;
};


/** A cadre (干部). */
export type CadreLiaisonsArgs = {
  includeEnded?: InputMaybe<Scalars['Boolean']['input']>;
};


/** A cadre (干部). */
export type CadreVisitsArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** A cadre (干部). */
export type CadreHelpRecordsArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** A cadre (干部). */
export type CadreStationedDaysArgs = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};

export type CadreConnection = {
  __typename?: 'CadreConnection';
  nodes: Array<Cadre>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A household (户) in a village or community. */
export type Household = {
  __typename?: 'Household';
  id: Scalars['ID']['output'];
  /** The village or community it lives in. */
  division?: Maybe<Division>;
  /** The building unit it lives in (communities), if known. */
  unit?: Maybe<BuildingUnit>;
  head: Resident;
  /** Every resident, the head included, ordered by id. */
  members: Array<Resident>;
  /** Sensitive: shown to ADMIN, and to a CADRE actively linked to the household; [] for others. */
  tags: Array<HouseholdTag>;
  /** Active liaison links to this household, oldest first; with includeEnded, ended ones (with until) too. */
  liaisons: Array<Liaison>;
  /** Visits to this household, newest first, optionally from/to a date (both inclusive). */
  visits: VisitConnection;
  /** Visits to this household in the current calendar year (Beijing time). */
  visitsThisYear: Scalars['Int']['output'];
  version: Scalars['Int']['output'];
};


/** A household (户) in a village or community. */
export type HouseholdLiaisonsArgs = {
  includeEnded?: InputMaybe<Scalars['Boolean']['input']>;
};


/** A household (户) in a village or community. */
export type HouseholdVisitsArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type HouseholdConnection = {
  __typename?: 'HouseholdConnection';
  nodes: Array<Household>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A resident (群众). */
export type Resident = {
  __typename?: 'Resident';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** GB 11643, validated. Masked (110105********002X) unless the caller may see it (see Household.tags). */
  idNumber?: Maybe<Scalars['String']['output']>;
  /** Masked (138****1234) unless the caller may see it. */
  phone?: Maybe<Scalars['String']['output']>;
  household: Household;
};

export type ResidentInput = {
  name: Scalars['String']['input'];
  /** GB 11643; a lowercase x is accepted and stored as X. */
  idNumber: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** What a cadre can be linked to (联系/包联) and what a visit goes to. */
export type LiaisonTarget = Division | BuildingUnit | Household | Enterprise | Project;

/**
 * A liaison link. Unlinking sets `until` and never deletes the link. A link is active on a day
 * when `until` is null or later than that day.
 */
export type Liaison = {
  __typename?: 'Liaison';
  id: Scalars['ID']['output'];
  cadre: Cadre;
  target?: Maybe<LiaisonTarget>;
  role: LiaisonRole;
  since: Scalars['Date']['output'];
  until?: Maybe<Scalars['Date']['output']>;
  version: Scalars['Int']['output'];
  /** The assessments of this FIRST_SECRETARY link, by period (oldest first); [] for other links. */
  assessments: Array<Assessment>;
};

/** A visit (走访). */
export type Visit = {
  __typename?: 'Visit';
  id: Scalars['ID']['output'];
  date: Scalars['Date']['output'];
  kind: VisitKind;
  /** A home visit, or a visit to a building unit, is made by at least 2 cadres (组团式). */
  cadres: Array<Cadre>;
  target?: Maybe<LiaisonTarget>;
  notes?: Maybe<Scalars['String']['output']>;
  /** Days the visit lasted from date (a stationed visit may last several); 1 for most. */
  days: Scalars['Int']['output'];
};

export type VisitConnection = {
  __typename?: 'VisitConnection';
  nodes: Array<Visit>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** Coverage of a division's subtree against the campaign rules (两个全覆盖 and the quotas). */
export type Coverage = {
  __typename?: 'Coverage';
  villagesAndCommunities: Scalars['Int']['output'];
  /** Villages and communities with at least one active COUNTY_LEVEL or SECTION_LEVEL liaison. */
  withRankedLiaison: Scalars['Int']['output'];
  /** The villages and communities without such a liaison, ordered by code. */
  uncovered: DivisionConnection;
  households: Scalars['Int']['output'];
  /** Households with at least one active liaison. */
  householdsLinked: Scalars['Int']['output'];
  /** Households visited at least visitQuota times this calendar year. */
  householdsVisitedEnough: Scalars['Int']['output'];
  /** The quota householdsVisitedEnough counts against. */
  visitQuota: Scalars['Int']['output'];
  buildingUnits: Scalars['Int']['output'];
  /** Building units with at least 2 distinct cadres actively linked. */
  buildingUnitsFullyLinked: Scalars['Int']['output'];
  /** Cadres of the departments lying in the subtree (the other direction of 两个全覆盖). */
  cadres: Scalars['Int']['output'];
  /** Of those, the ones actively linked to at least one village or community. */
  cadresLinked: Scalars['Int']['output'];
  /** The others, ordered by id. */
  cadresWithoutVillage: CadreConnection;
  /** Building units of the subtree with fewer actively linked cadres than the rule (2), ordered by id. */
  buildingUnitsShort: BuildingUnitConnection;
  /** Households of the subtree visited fewer times than visitQuota in the period (this calendar year), ordered by id. */
  householdsUnderQuota: HouseholdConnection;
  /** The households a cadre should hold (about 5): the rule cadresOffHouseholdQuota measures against. */
  householdsPerCadre: Scalars['Int']['output'];
  /** Cadres of the subtree's departments actively linked to fewer or more households than householdsPerCadre, ordered by id. */
  cadresOffHouseholdQuota: CadreConnection;
  /** Enterprises lying in the subtree, as the enterprises subgraph counts them; null when it does not answer. */
  enterprises?: Maybe<Scalars['Int']['output']>;
  /** Enterprises of the subtree with at least one active liaison (any cadre, any role). */
  enterprisesLinked: Scalars['Int']['output'];
  /** The enterprises of the subtree without an active liaison, ordered by id; null when the enterprises subgraph does not answer. */
  enterprisesWithoutLiaison?: Maybe<EnterpriseConnection>;
};


/** Coverage of a division's subtree against the campaign rules (两个全覆盖 and the quotas). */
export type CoverageUncoveredArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** Coverage of a division's subtree against the campaign rules (两个全覆盖 and the quotas). */
export type CoverageCadresWithoutVillageArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** Coverage of a division's subtree against the campaign rules (两个全覆盖 and the quotas). */
export type CoverageBuildingUnitsShortArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** Coverage of a division's subtree against the campaign rules (两个全覆盖 and the quotas). */
export type CoverageHouseholdsUnderQuotaArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** Coverage of a division's subtree against the campaign rules (两个全覆盖 and the quotas). */
export type CoverageCadresOffHouseholdQuotaArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** Coverage of a division's subtree against the campaign rules (两个全覆盖 and the quotas). */
export type CoverageEnterprisesWithoutLiaisonArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type EnterpriseConnection = {
  __typename?: 'EnterpriseConnection';
  nodes: Array<Enterprise>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type BuildingUnitConnection = {
  __typename?: 'BuildingUnitConnection';
  nodes: Array<BuildingUnit>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/**
 * An unmasked read of a resident's ID number: the audit log, one record per resident per field
 * read, written in the request that read it. Append-only: no mutation changes it.
 */
export type IdNumberRead = {
  __typename?: 'IdNumberRead';
  id: Scalars['ID']['output'];
  /** The reader's token subject and role. */
  viewerSub: Scalars['String']['output'];
  viewerRole: Scalars['String']['output'];
  residentId: Scalars['ID']['output'];
  /** The resident read (null when the caller may not see it now). */
  resident?: Maybe<Resident>;
  readAt: Scalars['DateTime']['output'];
  /** The client's operation name, if it had one. */
  operationName?: Maybe<Scalars['String']['output']>;
  /** The request id (x-request-id) the read was made under: the gateway's log line has the same. */
  requestId: Scalars['String']['output'];
};

export type IdNumberReadConnection = {
  __typename?: 'IdNumberReadConnection';
  nodes: Array<IdNumberRead>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** A cadre by id; null when there is none. */
  cadre?: Maybe<Cadre>;
  /** Cadres, ordered by id, filtered by department, rank and a name fragment. */
  cadres: CadreConnection;
  /** A department by id; null when there is none. */
  department?: Maybe<Department>;
  /**
   * Departments lying in divisionCode's subtree (default: everywhere), ordered by id, optionally
   * by a name fragment; only those the caller sees (a district's scope also sees its city's).
   */
  departments: DepartmentConnection;
  /** A household by id; null when there is none. */
  household?: Maybe<Household>;
  /**
   * The audit log of unmasked ID number reads, newest first, for ADMIN only (FORBIDDEN to the
   * other roles) and within its scope: by reader, by resident, and from/to a day (Beijing time,
   * both inclusive).
   */
  idNumberReads: IdNumberReadConnection;
  /** A campaign by id; null when there is none or the caller does not see it. */
  campaign?: Maybe<Campaign>;
  /**
   * Campaigns run in divisionCode's subtree (default: everywhere); with appliesTo, only those that
   * apply to that division, run by it or by a division above it (a district's dashboard finds the
   * city's campaign); optionally those running on activeOn. Newest first; only those the caller sees.
   */
  campaigns: CampaignConnection;
};


export type QueryCadreArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCadresArgs = {
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  rank?: InputMaybe<CadreRank>;
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


export type QueryDepartmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDepartmentsArgs = {
  divisionCode?: InputMaybe<Scalars['ID']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


export type QueryHouseholdArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIdNumberReadsArgs = {
  viewerSub?: InputMaybe<Scalars['String']['input']>;
  residentId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCampaignArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCampaignsArgs = {
  divisionCode?: InputMaybe<Scalars['ID']['input']>;
  appliesTo?: InputMaybe<Scalars['ID']['input']>;
  activeOn?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Registers a cadre in an existing department. The phone is validated and stored normalized. */
  registerCadre: Cadre;
  /** Registers a household with its head. divisionCode must be a village or community code; unitId a building unit in it. */
  registerHousehold: Household;
  /**
   * Adds a resident to a household (its version moves on). An ID number already registered is a
   * CONFLICT; so is an expectedVersion the household no longer has.
   */
  addResident: Resident;
  /**
   * Links a cadre to a target: targetType is Division (a village or community), BuildingUnit,
   * Household, Enterprise or Project. since defaults to today. A target that does not exist is
   * NOT_FOUND; the same active link (cadre, target, role) twice is a CONFLICT. AREA_LEAD (包片)
   * links to a township, and only to one; FIRST_SECRETARY only to a village or community, and a
   * cadre already first secretary somewhere (an active link) is a CONFLICT on cadreId.
   */
  linkCadre: Liaison;
  /**
   * Registers a department (单位) serving a city, district or township, optionally with its
   * responsible leader (a cadre the caller sees). ADMIN only, in its scope. The same name twice
   * in one division is a CONFLICT.
   */
  registerDepartment: Department;
  /** Renames a department or names its leader (ADMIN, in scope); a stale expectedVersion is a CONFLICT. */
  updateDepartment: Department;
  /** Ends a link: sets until (default today); the link is kept. With expectedVersion, a link that moved on is a CONFLICT. */
  unlinkCadre: Liaison;
  /**
   * Records a visit made on date (not in the future) by the cadres, to a target as for linkCadre
   * that fits the kind: HOME_VISIT a Household; BUILDING_SWEEP a BuildingUnit; ENTERPRISE_VISIT an
   * Enterprise; CONDOLENCE a Household or Enterprise; STATIONED and PARTY_DAY a Division or
   * Enterprise; SITE_VISIT a Project or Division; RESEARCH a Division, Enterprise or Project; FORUM
   * any (otherwise BAD_USER_INPUT, field targetType).
   */
  recordVisit: Visit;
  /** Creates a campaign (ADMIN, for a division in its scope). Rules default as CampaignRules says. */
  createCampaign: Campaign;
  /** Replaces a campaign's name, division, period, phases, rules and departments (ADMIN, in scope); a stale expectedVersion is a CONFLICT. */
  updateCampaign: Campaign;
  /** Records help (帮扶): a CADRE for itself, ADMIN for a cadre it sees; the target, if any, must exist, and the record lie in the caller's scope. */
  recordHelp: HelpRecord;
  /**
   * Records a township's assessment of a first secretary (ADMIN, the link in its scope): score 1 to
   * 100 for a period (2026, 2026-H1, 2026-Q1, 2026-05). One per link and period: a second is a
   * CONFLICT (period), not a replacement.
   */
  assessFirstSecretary: Assessment;
  /**
   * Creates a pledge (ADMIN, the division in its scope), PLANNED, led by a cadre the caller sees whose
   * department serves the division (lies in it or above it).
   */
  createPledge: Pledge;
  /**
   * Moves a pledge on (ADMIN in scope, or its lead cadre): PLANNED to ONGOING or DONE, ONGOING to
   * DONE (else INVALID_TRANSITION); a stale expectedVersion is a CONFLICT.
   */
  setPledgeStatus: Pledge;
};


export type MutationRegisterCadreArgs = {
  name: Scalars['String']['input'];
  rank: CadreRank;
  departmentId: Scalars['ID']['input'];
  partyMember: Scalars['Boolean']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRegisterHouseholdArgs = {
  divisionCode: Scalars['ID']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
  head: ResidentInput;
  tags?: InputMaybe<Array<HouseholdTag>>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationAddResidentArgs = {
  householdId: Scalars['ID']['input'];
  resident: ResidentInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationLinkCadreArgs = {
  cadreId: Scalars['ID']['input'];
  targetType: Scalars['String']['input'];
  targetId: Scalars['ID']['input'];
  role: LiaisonRole;
  since?: InputMaybe<Scalars['Date']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRegisterDepartmentArgs = {
  name: Scalars['String']['input'];
  divisionCode: Scalars['ID']['input'];
  leaderCadreId?: InputMaybe<Scalars['ID']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateDepartmentArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  leaderCadreId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationUnlinkCadreArgs = {
  liaisonId: Scalars['ID']['input'];
  until?: InputMaybe<Scalars['Date']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationRecordVisitArgs = {
  kind: VisitKind;
  date: Scalars['Date']['input'];
  cadreIds: Array<Scalars['ID']['input']>;
  targetType: Scalars['String']['input'];
  targetId: Scalars['ID']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  days?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCreateCampaignArgs = {
  input: CampaignInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateCampaignArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  input: CampaignInput;
};


export type MutationRecordHelpArgs = {
  input: HelpInput;
};


export type MutationAssessFirstSecretaryArgs = {
  liaisonId: Scalars['ID']['input'];
  period: Scalars['String']['input'];
  score: Scalars['Int']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCreatePledgeArgs = {
  title: Scalars['String']['input'];
  divisionCode: Scalars['ID']['input'];
  leadCadreId: Scalars['ID']['input'];
  targetDate: Scalars['Date']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetPledgeStatusArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  status: PledgeStatus;
};

/** A campaign (e.g. 三解三促) run by a city, district or township: its period, phases, rules and the departments taking part. */
export type Campaign = {
  __typename?: 'Campaign';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The city, district or township that runs it. */
  divisionCode: Scalars['ID']['output'];
  from: Scalars['Date']['output'];
  to: Scalars['Date']['output'];
  /** In order, e.g. 动员部署 → 排查梳理 → 解决问题 → 考核评议. */
  phases: Array<CampaignPhase>;
  rules: CampaignRules;
  /** The departments taking part that the caller sees, ordered by id. */
  departments: DepartmentConnection;
  /** Of those, the ones whose cadres made no visit in the period so far (尚未启动), ordered by id. */
  departmentsNotStarted: DepartmentConnection;
  version: Scalars['Int']['output'];
};


/** A campaign (e.g. 三解三促) run by a city, district or township: its period, phases, rules and the departments taking part. */
export type CampaignDepartmentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** A campaign (e.g. 三解三促) run by a city, district or township: its period, phases, rules and the departments taking part. */
export type CampaignDepartmentsNotStartedArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type CampaignPhase = {
  __typename?: 'CampaignPhase';
  name: Scalars['String']['output'];
  from: Scalars['Date']['output'];
  to: Scalars['Date']['output'];
};

export type CampaignRules = {
  __typename?: 'CampaignRules';
  /** Households a cadre links (default 5). */
  householdsPerCadre: Scalars['Int']['output'];
  /** Visits a household needs within the campaign's period (default 4). */
  visitsPerHousehold: Scalars['Int']['output'];
  /** Cadres who make a home visit together (default 2). */
  cadresPerHomeVisit: Scalars['Int']['output'];
  /** Cadres linked to a building unit (default 2). */
  cadresPerBuildingUnit: Scalars['Int']['output'];
  /** The ranks that make a village or community covered (default COUNTY_LEVEL, SECTION_LEVEL). */
  rankedLiaisonRanks: Array<CadreRank>;
  /** Whether a township 包片 leader (AREA_LEAD) also covers the villages of the area (default false). */
  areaLeadCovers: Scalars['Boolean']['output'];
};

export type CampaignInput = {
  name: Scalars['String']['input'];
  divisionCode: Scalars['ID']['input'];
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
  phases?: InputMaybe<Array<CampaignPhaseInput>>;
  rules?: InputMaybe<CampaignRulesInput>;
  departmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type CampaignPhaseInput = {
  name: Scalars['String']['input'];
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};

/** Omitted rules take their defaults (see CampaignRules). */
export type CampaignRulesInput = {
  householdsPerCadre?: InputMaybe<Scalars['Int']['input']>;
  visitsPerHousehold?: InputMaybe<Scalars['Int']['input']>;
  cadresPerHomeVisit?: InputMaybe<Scalars['Int']['input']>;
  cadresPerBuildingUnit?: InputMaybe<Scalars['Int']['input']>;
  rankedLiaisonRanks?: InputMaybe<Array<CadreRank>>;
  areaLeadCovers?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CampaignConnection = {
  __typename?: 'CampaignConnection';
  nodes: Array<Campaign>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/**
 * Activity figures over a period (a campaign's, or from/to: China dates, both inclusive; with
 * neither, the calendar year). For a division: the visits and help records lying in its subtree,
 * and the cadres of the departments lying there; for a department: the visits and help records
 * of its cadres that lie in the caller's scope.
 */
export type ActivityStats = {
  __typename?: 'ActivityStats';
  /** 人次: one per cadre per visit. */
  personTimes: Scalars['Int']['output'];
  visits: Scalars['Int']['output'];
  /** Visits per kind (kinds with none left out), in the enum's order. */
  byKind: Array<VisitKindCount>;
  /** Cadres of the departments counted. */
  cadres: Scalars['Int']['output'];
  /** Of those, the ones with at least one visit counted. */
  cadresActive: Scalars['Int']['output'];
  /** Distinct households visited. */
  householdsVisited: Scalars['Int']['output'];
  /** Distinct (cadre, day) of the visits counted: a visit of N days counts its N days (none after the period). */
  cadreDays: Scalars['Int']['output'];
  /** FORUM visits (座谈会). */
  forums: Scalars['Int']['output'];
  /** From help records. */
  peopleHelped: Scalars['Int']['output'];
  /** Yuan, from help records (summed exactly, to the fen). */
  funds: Scalars['Float']['output'];
  /** 联系卡, from help records. */
  contactCards: Scalars['Int']['output'];
  /** 调研报告, from help records. */
  researchReports: Scalars['Int']['output'];
  /** 实事 pledges taken on (领办) in the period: for a division those lying in its subtree, for a department those its cadres lead (in the caller's scope). */
  pledgesStarted: Scalars['Int']['output'];
  /** Of the same pledges, those made routine work (常态化) in the period. */
  pledgesOngoing: Scalars['Int']['output'];
  /** Of the same pledges, those done in the period. */
  pledgesDone: Scalars['Int']['output'];
  /** One row per month of the period, oldest first. */
  monthly: Array<MonthlyActivity>;
};

export type VisitKindCount = {
  __typename?: 'VisitKindCount';
  kind: VisitKind;
  count: Scalars['Int']['output'];
};

export type MonthlyActivity = {
  __typename?: 'MonthlyActivity';
  /** e.g. 2026-05 */
  month: Scalars['String']['output'];
  personTimes: Scalars['Int']['output'];
  visits: Scalars['Int']['output'];
  /** Distinct households visited in the month. */
  householdsVisited: Scalars['Int']['output'];
  cadreDays: Scalars['Int']['output'];
  pledgesStarted: Scalars['Int']['output'];
  pledgesOngoing: Scalars['Int']['output'];
  pledgesDone: Scalars['Int']['output'];
};

/** Help and outreach (帮扶) a cadre recorded beyond a visit. It lies at its target's division, else at the cadre's department's. */
export type HelpRecord = {
  __typename?: 'HelpRecord';
  id: Scalars['ID']['output'];
  date: Scalars['Date']['output'];
  cadre: Cadre;
  /** The household, enterprise, project, building unit or division helped, if any. */
  target?: Maybe<LiaisonTarget>;
  peopleHelped: Scalars['Int']['output'];
  /** Yuan, exact to the fen. */
  funds: Scalars['Float']['output'];
  contactCards: Scalars['Int']['output'];
  researchReports: Scalars['Int']['output'];
  note?: Maybe<Scalars['String']['output']>;
};

export type HelpRecordConnection = {
  __typename?: 'HelpRecordConnection';
  nodes: Array<HelpRecord>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type HelpInput = {
  /** Not after today (China time). */
  date: Scalars['Date']['input'];
  cadreId: Scalars['ID']['input'];
  /** Division, BuildingUnit, Household, Enterprise or Project, with targetId; or neither. */
  targetType?: InputMaybe<Scalars['String']['input']>;
  targetId?: InputMaybe<Scalars['ID']['input']>;
  /** Default 0; counts are 0 to 1,000,000. */
  peopleHelped?: InputMaybe<Scalars['Int']['input']>;
  /** Yuan, 0 to 10,000,000 with at most 2 decimals (default 0). */
  funds?: InputMaybe<Scalars['Float']['input']>;
  contactCards?: InputMaybe<Scalars['Int']['input']>;
  researchReports?: InputMaybe<Scalars['Int']['input']>;
  /** At most 2,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Makes retrying safe: the same key (per caller) returns the first result and creates nothing; the same key with other content is a CONFLICT. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/**
 * What departments are ranked by, over the period: PERSON_TIMES, HOUSEHOLDS_VISITED, CADRE_DAYS and
 * PEOPLE_HELPED are counts (no denominator); VISITS_PER_CADRE is person-times per cadre; the shares
 * are of the department's cadres: ACTIVE_CADRE_SHARE with a visit in the period, LINKED_CADRE_SHARE
 * actively linked to a village or community on the period's last day (today, while it runs).
 */
export type ActivityMeasure =
  | 'PERSON_TIMES'
  | 'VISITS_PER_CADRE'
  | 'HOUSEHOLDS_VISITED'
  | 'CADRE_DAYS'
  | 'ACTIVE_CADRE_SHARE'
  | 'LINKED_CADRE_SHARE'
  | 'PEOPLE_HELPED';

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

/** How many of a subtree's households carry a tag, and how many of those are linked and visited: counts, never whose. */
export type HouseholdTagCount = {
  __typename?: 'HouseholdTagCount';
  tag: HouseholdTag;
  /** Households carrying the tag. */
  households: Scalars['Int']['output'];
  /** Of those, the ones with an active liaison (as on the period's last day; today while it runs). */
  linked: Scalars['Int']['output'];
  /** Of those, the ones visited at least once in the period. */
  visited: Scalars['Int']['output'];
};

/** A department's cadres against the campaign rules (两个全覆盖 and the households each cadre holds). */
export type DepartmentCoverage = {
  __typename?: 'DepartmentCoverage';
  /** Its cadres. */
  cadres: Scalars['Int']['output'];
  /** Of those, the ones actively linked to at least one village or community. */
  cadresLinked: Scalars['Int']['output'];
  /** The others, ordered by id. */
  cadresWithoutVillage: CadreConnection;
  /** The households a cadre should hold (about 5): the rule cadresOffHouseholdQuota measures against. */
  householdsPerCadre: Scalars['Int']['output'];
  /** Distinct households actively linked to its cadres. */
  householdsLinked: Scalars['Int']['output'];
  /** Its cadres actively linked to fewer or more households than householdsPerCadre, ordered by id. */
  cadresOffHouseholdQuota: CadreConnection;
};


/** A department's cadres against the campaign rules (两个全覆盖 and the households each cadre holds). */
export type DepartmentCoverageCadresWithoutVillageArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** A department's cadres against the campaign rules (两个全覆盖 and the households each cadre holds). */
export type DepartmentCoverageCadresOffHouseholdQuotaArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type LiaisonConnection = {
  __typename?: 'LiaisonConnection';
  nodes: Array<Liaison>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A township's assessment (评议考核) of a first secretary for a period. */
export type Assessment = {
  __typename?: 'Assessment';
  id: Scalars['ID']['output'];
  /** e.g. 2026, 2026-H1, 2026-Q3 or 2026-05. */
  period: Scalars['String']['output'];
  /** 1 to 100. */
  score: Scalars['Int']['output'];
  comment?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
};

/** ONGOING: 常态化, routine work that continues. */
export type PledgeStatus =
  | 'PLANNED'
  | 'ONGOING'
  | 'DONE';

/** A practical-matter pledge (实事) led by a cadre (领办), at a division, with a target date. It lies at its division. */
export type Pledge = {
  __typename?: 'Pledge';
  id: Scalars['ID']['output'];
  title: Scalars['String']['output'];
  division?: Maybe<Division>;
  leadCadre: Cadre;
  targetDate: Scalars['Date']['output'];
  status: PledgeStatus;
  /** Optimistic-locking version: bumped by every change. */
  version: Scalars['Int']['output'];
};

export type PledgeConnection = {
  __typename?: 'PledgeConnection';
  nodes: Array<Pledge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
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
  BuildingUnit: BuildingUnit;
  Enterprise: Enterprise;
  Project: Project;
  Department: Department;
  Cadre: Cadre;
  Household: Household;
  Resident: Resident;
  Visit: Visit;
  Campaign: Campaign;
  HelpRecord: HelpRecord;
  Pledge: Pledge;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Division:
    ( { __typename: 'Division' }
    & GraphQLRecursivePick<FederationTypes['Division'], {"code":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Division'], {"villageAndCommunityCount":true,"buildingUnitCount":true}>
        | GraphQLRecursivePick<FederationTypes['Division'], {"villageAndCommunityCount":true,"buildingUnitCount":true,"childCodes":true}>
        | GraphQLRecursivePick<FederationTypes['Division'], {"villageAndCommunityCount":true,"buildingUnitCount":true}>
        | GraphQLRecursivePick<FederationTypes['Division'], {"villageAndCommunityCount":true,"buildingUnitCount":true,"childCodes":true}>
        | GraphQLRecursivePick<FederationTypes['Division'], {"childCodes":true}>
        | GraphQLRecursivePick<FederationTypes['Division'], {"childCodes":true,"villageAndCommunityCount":true,"buildingUnitCount":true}>
        | GraphQLRecursivePick<FederationTypes['Division'], {"villageAndCommunityCount":true,"buildingUnitCount":true}> ) );
  BuildingUnit:
    ( { __typename: 'BuildingUnit' }
    & GraphQLRecursivePick<FederationTypes['BuildingUnit'], {"id":true}> );
  Enterprise:
    ( { __typename: 'Enterprise' }
    & GraphQLRecursivePick<FederationTypes['Enterprise'], {"id":true}> );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}> );
  Department:
    ( { __typename: 'Department' }
    & GraphQLRecursivePick<FederationTypes['Department'], {"id":true}> );
  Cadre:
    ( { __typename: 'Cadre' }
    & GraphQLRecursivePick<FederationTypes['Cadre'], {"id":true}> );
  Household:
    ( { __typename: 'Household' }
    & GraphQLRecursivePick<FederationTypes['Household'], {"id":true}> );
  Resident:
    ( { __typename: 'Resident' }
    & GraphQLRecursivePick<FederationTypes['Resident'], {"id":true}> );
  Visit:
    ( { __typename: 'Visit' }
    & GraphQLRecursivePick<FederationTypes['Visit'], {"id":true}> );
  Campaign:
    ( { __typename: 'Campaign' }
    & GraphQLRecursivePick<FederationTypes['Campaign'], {"id":true}> );
  HelpRecord:
    ( { __typename: 'HelpRecord' }
    & GraphQLRecursivePick<FederationTypes['HelpRecord'], {"id":true}> );
  Pledge:
    ( { __typename: 'Pledge' }
    & GraphQLRecursivePick<FederationTypes['Pledge'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  DivisionConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Division']>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CadreRank: CadreRank;
  LiaisonRole: LiaisonRole;
  HouseholdTag: HouseholdTag;
  VisitKind: VisitKind;
  Division: ResolverTypeWrapper<DivisionMapper>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  BuildingUnit: ResolverTypeWrapper<BuildingUnitMapper>;
  Enterprise: ResolverTypeWrapper<EnterpriseMapper>;
  Project: ResolverTypeWrapper<ProjectMapper>;
  Department: ResolverTypeWrapper<DepartmentEntity>;
  DepartmentConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Department']>>;
  Cadre: ResolverTypeWrapper<CadreEntity>;
  CadreConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Cadre']>>;
  Household: ResolverTypeWrapper<HouseholdEntity>;
  HouseholdConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Household']>>;
  Resident: ResolverTypeWrapper<ResidentEntity>;
  ResidentInput: ResidentInput;
  LiaisonTarget: ResolverTypeWrapper<LiaisonTargetMapper>;
  Liaison: ResolverTypeWrapper<LiaisonEntity>;
  Visit: ResolverTypeWrapper<VisitEntity>;
  VisitConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Visit']>>;
  Coverage: ResolverTypeWrapper<CoverageMapper>;
  EnterpriseConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Enterprise']>>;
  BuildingUnitConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['BuildingUnit']>>;
  IdNumberRead: ResolverTypeWrapper<IdNumberReadEntity>;
  IdNumberReadConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['IdNumberRead']>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Campaign: ResolverTypeWrapper<CampaignEntity>;
  CampaignPhase: ResolverTypeWrapper<CampaignPhase>;
  CampaignRules: ResolverTypeWrapper<CampaignRules>;
  CampaignInput: CampaignInput;
  CampaignPhaseInput: CampaignPhaseInput;
  CampaignRulesInput: CampaignRulesInput;
  CampaignConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Campaign']>>;
  ActivityStats: ResolverTypeWrapper<ActivityStats>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  VisitKindCount: ResolverTypeWrapper<VisitKindCount>;
  MonthlyActivity: ResolverTypeWrapper<MonthlyActivity>;
  HelpRecord: ResolverTypeWrapper<HelpRecordEntity>;
  HelpRecordConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['HelpRecord']>>;
  HelpInput: HelpInput;
  ActivityMeasure: ActivityMeasure;
  RankedDepartment: ResolverTypeWrapper<RankedDepartmentMapper>;
  DepartmentRankingConnection: ResolverTypeWrapper<DepartmentRankingConnectionMapper>;
  RankedDivision: ResolverTypeWrapper<RankedDivisionMapper>;
  DivisionRankingConnection: ResolverTypeWrapper<DivisionRankingConnectionMapper>;
  HouseholdTagCount: ResolverTypeWrapper<HouseholdTagCount>;
  DepartmentCoverage: ResolverTypeWrapper<DepartmentCoverageMapper>;
  LiaisonConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Liaison']>>;
  Assessment: ResolverTypeWrapper<AssessmentEntity>;
  PledgeStatus: PledgeStatus;
  Pledge: ResolverTypeWrapper<PledgeEntity>;
  PledgeConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Pledge']>>;
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
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  PageInfo: PageInfo;
  DivisionConnection: Connection<ResolversParentTypes['Division']>;
  Int: Scalars['Int']['output'];
  Division: DivisionMapper;
  ID: Scalars['ID']['output'];
  BuildingUnit: BuildingUnitMapper;
  Enterprise: EnterpriseMapper;
  Project: ProjectMapper;
  Department: DepartmentEntity;
  DepartmentConnection: Connection<ResolversParentTypes['Department']>;
  Cadre: CadreEntity;
  CadreConnection: Connection<ResolversParentTypes['Cadre']>;
  Household: HouseholdEntity;
  HouseholdConnection: Connection<ResolversParentTypes['Household']>;
  Resident: ResidentEntity;
  ResidentInput: ResidentInput;
  LiaisonTarget: LiaisonTargetMapper;
  Liaison: LiaisonEntity;
  Visit: VisitEntity;
  VisitConnection: Connection<ResolversParentTypes['Visit']>;
  Coverage: CoverageMapper;
  EnterpriseConnection: Connection<ResolversParentTypes['Enterprise']>;
  BuildingUnitConnection: Connection<ResolversParentTypes['BuildingUnit']>;
  IdNumberRead: IdNumberReadEntity;
  IdNumberReadConnection: Connection<ResolversParentTypes['IdNumberRead']>;
  Query: Record<PropertyKey, never>;
  Mutation: Record<PropertyKey, never>;
  Campaign: CampaignEntity;
  CampaignPhase: CampaignPhase;
  CampaignRules: CampaignRules;
  CampaignInput: CampaignInput;
  CampaignPhaseInput: CampaignPhaseInput;
  CampaignRulesInput: CampaignRulesInput;
  CampaignConnection: Connection<ResolversParentTypes['Campaign']>;
  ActivityStats: ActivityStats;
  Float: Scalars['Float']['output'];
  VisitKindCount: VisitKindCount;
  MonthlyActivity: MonthlyActivity;
  HelpRecord: HelpRecordEntity;
  HelpRecordConnection: Connection<ResolversParentTypes['HelpRecord']>;
  HelpInput: HelpInput;
  RankedDepartment: RankedDepartmentMapper;
  DepartmentRankingConnection: DepartmentRankingConnectionMapper;
  RankedDivision: RankedDivisionMapper;
  DivisionRankingConnection: DivisionRankingConnectionMapper;
  HouseholdTagCount: HouseholdTagCount;
  DepartmentCoverage: DepartmentCoverageMapper;
  LiaisonConnection: Connection<ResolversParentTypes['Liaison']>;
  Assessment: AssessmentEntity;
  Pledge: PledgeEntity;
  PledgeConnection: Connection<ResolversParentTypes['Pledge']>;
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

export type Federation__ProvidesDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__ProvidesDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__ProvidesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

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

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type PageInfoResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DivisionConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DivisionConnection'] = ResolversParentTypes['DivisionConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Division']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DivisionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Division'] = ResolversParentTypes['Division'], FederationReferenceType extends FederationReferenceTypes['Division'] = FederationReferenceTypes['Division']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Division']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  liaisons?: Resolver<Maybe<Array<ResolversTypes['Liaison']>>, ParentType, ContextType, RequireFields<DivisionLiaisonsArgs, 'includeEnded'>>;
  households?: Resolver<Maybe<ResolversTypes['HouseholdConnection']>, ParentType, ContextType, Partial<DivisionHouseholdsArgs>>;
  coverage?: Resolver<Maybe<ResolversTypes['Coverage']>, ParentType, ContextType, Partial<DivisionCoverageArgs>>;
  activity?: Resolver<Maybe<ResolversTypes['ActivityStats']>, ParentType, ContextType, Partial<DivisionActivityArgs>>;
  departmentRanking?: Resolver<Maybe<ResolversTypes['DepartmentRankingConnection']>, ParentType, ContextType, RequireFields<DivisionDepartmentRankingArgs, 'measure'>>;
  divisionRanking?: Resolver<Maybe<ResolversTypes['DivisionRankingConnection']>, ParentType, ContextType, RequireFields<DivisionDivisionRankingArgs, 'measure'>>;
  coverageIn?: Resolver<Maybe<ResolversTypes['Coverage']>, ParentType, ContextType, RequireFields<DivisionCoverageInArgs, 'campaignId'>>;
  householdTags?: Resolver<Maybe<Array<ResolversTypes['HouseholdTagCount']>>, ParentType, ContextType, Partial<DivisionHouseholdTagsArgs>>;
  firstSecretaries?: Resolver<Maybe<ResolversTypes['LiaisonConnection']>, ParentType, ContextType, RequireFields<DivisionFirstSecretariesArgs, 'includeEnded'>>;
  pledges?: Resolver<Maybe<ResolversTypes['PledgeConnection']>, ParentType, ContextType, Partial<DivisionPledgesArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BuildingUnitResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['BuildingUnit'] = ResolversParentTypes['BuildingUnit'], FederationReferenceType extends FederationReferenceTypes['BuildingUnit'] = FederationReferenceTypes['BuildingUnit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['BuildingUnit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  liaisons?: Resolver<Maybe<Array<ResolversTypes['Liaison']>>, ParentType, ContextType, RequireFields<BuildingUnitLiaisonsArgs, 'includeEnded'>>;
  visits?: Resolver<Maybe<ResolversTypes['VisitConnection']>, ParentType, ContextType, Partial<BuildingUnitVisitsArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EnterpriseResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Enterprise'] = ResolversParentTypes['Enterprise'], FederationReferenceType extends FederationReferenceTypes['Enterprise'] = FederationReferenceTypes['Enterprise']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Enterprise']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  liaisons?: Resolver<Maybe<Array<ResolversTypes['Liaison']>>, ParentType, ContextType, RequireFields<EnterpriseLiaisonsArgs, 'includeEnded'>>;
  visits?: Resolver<Maybe<ResolversTypes['VisitConnection']>, ParentType, ContextType, Partial<EnterpriseVisitsArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  liaisons?: Resolver<Maybe<Array<ResolversTypes['Liaison']>>, ParentType, ContextType, RequireFields<ProjectLiaisonsArgs, 'includeEnded'>>;
  visits?: Resolver<Maybe<ResolversTypes['VisitConnection']>, ParentType, ContextType, Partial<ProjectVisitsArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type DepartmentResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Department'] = ResolversParentTypes['Department'], FederationReferenceType extends FederationReferenceTypes['Department'] = FederationReferenceTypes['Department']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Department']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  divisionCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  cadres?: Resolver<ResolversTypes['CadreConnection'], ParentType, ContextType, Partial<DepartmentCadresArgs>>;
  cadreIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  leader?: Resolver<Maybe<ResolversTypes['Cadre']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  activity?: Resolver<Maybe<ResolversTypes['ActivityStats']>, ParentType, ContextType, Partial<DepartmentActivityArgs>>;
  coverage?: Resolver<Maybe<ResolversTypes['DepartmentCoverage']>, ParentType, ContextType, Partial<DepartmentCoverageArgs>>;
};

export type DepartmentConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DepartmentConnection'] = ResolversParentTypes['DepartmentConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Department']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CadreResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Cadre'] = ResolversParentTypes['Cadre'], FederationReferenceType extends FederationReferenceTypes['Cadre'] = FederationReferenceTypes['Cadre']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cadre']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['CadreRank'], ParentType, ContextType>;
  department?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  partyMember?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  liaisons?: Resolver<Array<ResolversTypes['Liaison']>, ParentType, ContextType, RequireFields<CadreLiaisonsArgs, 'includeEnded'>>;
  visits?: Resolver<ResolversTypes['VisitConnection'], ParentType, ContextType, Partial<CadreVisitsArgs>>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  helpRecords?: Resolver<ResolversTypes['HelpRecordConnection'], ParentType, ContextType, Partial<CadreHelpRecordsArgs>>;
  stationedDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType, Partial<CadreStationedDaysArgs>>;
  pledges?: Resolver<Maybe<Array<ResolversTypes['Pledge']>>, ParentType, ContextType>;
};

export type CadreConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CadreConnection'] = ResolversParentTypes['CadreConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Cadre']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HouseholdResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Household'] = ResolversParentTypes['Household'], FederationReferenceType extends FederationReferenceTypes['Household'] = FederationReferenceTypes['Household']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Household']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  division?: Resolver<Maybe<ResolversTypes['Division']>, ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['BuildingUnit']>, ParentType, ContextType>;
  head?: Resolver<ResolversTypes['Resident'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['Resident']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['HouseholdTag']>, ParentType, ContextType>;
  liaisons?: Resolver<Array<ResolversTypes['Liaison']>, ParentType, ContextType, RequireFields<HouseholdLiaisonsArgs, 'includeEnded'>>;
  visits?: Resolver<ResolversTypes['VisitConnection'], ParentType, ContextType, Partial<HouseholdVisitsArgs>>;
  visitsThisYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type HouseholdConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['HouseholdConnection'] = ResolversParentTypes['HouseholdConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Household']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ResidentResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Resident'] = ResolversParentTypes['Resident'], FederationReferenceType extends FederationReferenceTypes['Resident'] = FederationReferenceTypes['Resident']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Resident']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  idNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  household?: Resolver<ResolversTypes['Household'], ParentType, ContextType>;
};

export type LiaisonTargetResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['LiaisonTarget'] = ResolversParentTypes['LiaisonTarget']> = {
  __resolveType: TypeResolveFn<'Division' | 'BuildingUnit' | 'Household' | 'Enterprise' | 'Project', ParentType, ContextType>;
};

export type LiaisonResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Liaison'] = ResolversParentTypes['Liaison']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  cadre?: Resolver<ResolversTypes['Cadre'], ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['LiaisonTarget']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['LiaisonRole'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  until?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  assessments?: Resolver<Array<ResolversTypes['Assessment']>, ParentType, ContextType>;
};

export type VisitResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Visit'] = ResolversParentTypes['Visit'], FederationReferenceType extends FederationReferenceTypes['Visit'] = FederationReferenceTypes['Visit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Visit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['VisitKind'], ParentType, ContextType>;
  cadres?: Resolver<Array<ResolversTypes['Cadre']>, ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['LiaisonTarget']>, ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type VisitConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['VisitConnection'] = ResolversParentTypes['VisitConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Visit']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CoverageResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Coverage'] = ResolversParentTypes['Coverage']> = {
  villagesAndCommunities?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withRankedLiaison?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  uncovered?: Resolver<ResolversTypes['DivisionConnection'], ParentType, ContextType, Partial<CoverageUncoveredArgs>>;
  households?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  householdsLinked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  householdsVisitedEnough?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visitQuota?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  buildingUnits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  buildingUnitsFullyLinked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cadres?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cadresLinked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cadresWithoutVillage?: Resolver<ResolversTypes['CadreConnection'], ParentType, ContextType, Partial<CoverageCadresWithoutVillageArgs>>;
  buildingUnitsShort?: Resolver<ResolversTypes['BuildingUnitConnection'], ParentType, ContextType, Partial<CoverageBuildingUnitsShortArgs>>;
  householdsUnderQuota?: Resolver<ResolversTypes['HouseholdConnection'], ParentType, ContextType, Partial<CoverageHouseholdsUnderQuotaArgs>>;
  householdsPerCadre?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cadresOffHouseholdQuota?: Resolver<ResolversTypes['CadreConnection'], ParentType, ContextType, Partial<CoverageCadresOffHouseholdQuotaArgs>>;
  enterprises?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  enterprisesLinked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  enterprisesWithoutLiaison?: Resolver<Maybe<ResolversTypes['EnterpriseConnection']>, ParentType, ContextType, Partial<CoverageEnterprisesWithoutLiaisonArgs>>;
};

export type EnterpriseConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['EnterpriseConnection'] = ResolversParentTypes['EnterpriseConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Enterprise']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BuildingUnitConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['BuildingUnitConnection'] = ResolversParentTypes['BuildingUnitConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['BuildingUnit']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IdNumberReadResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['IdNumberRead'] = ResolversParentTypes['IdNumberRead']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  viewerSub?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  viewerRole?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  residentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resident?: Resolver<Maybe<ResolversTypes['Resident']>, ParentType, ContextType>;
  readAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IdNumberReadConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['IdNumberReadConnection'] = ResolversParentTypes['IdNumberReadConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['IdNumberRead']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  cadre?: Resolver<Maybe<ResolversTypes['Cadre']>, ParentType, ContextType, RequireFields<QueryCadreArgs, 'id'>>;
  cadres?: Resolver<ResolversTypes['CadreConnection'], ParentType, ContextType, Partial<QueryCadresArgs>>;
  department?: Resolver<Maybe<ResolversTypes['Department']>, ParentType, ContextType, RequireFields<QueryDepartmentArgs, 'id'>>;
  departments?: Resolver<ResolversTypes['DepartmentConnection'], ParentType, ContextType, Partial<QueryDepartmentsArgs>>;
  household?: Resolver<Maybe<ResolversTypes['Household']>, ParentType, ContextType, RequireFields<QueryHouseholdArgs, 'id'>>;
  idNumberReads?: Resolver<ResolversTypes['IdNumberReadConnection'], ParentType, ContextType, Partial<QueryIdNumberReadsArgs>>;
  campaign?: Resolver<Maybe<ResolversTypes['Campaign']>, ParentType, ContextType, RequireFields<QueryCampaignArgs, 'id'>>;
  campaigns?: Resolver<ResolversTypes['CampaignConnection'], ParentType, ContextType, Partial<QueryCampaignsArgs>>;
};

export type MutationResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  registerCadre?: Resolver<ResolversTypes['Cadre'], ParentType, ContextType, RequireFields<MutationRegisterCadreArgs, 'name' | 'rank' | 'departmentId' | 'partyMember'>>;
  registerHousehold?: Resolver<ResolversTypes['Household'], ParentType, ContextType, RequireFields<MutationRegisterHouseholdArgs, 'divisionCode' | 'head'>>;
  addResident?: Resolver<ResolversTypes['Resident'], ParentType, ContextType, RequireFields<MutationAddResidentArgs, 'householdId' | 'resident'>>;
  linkCadre?: Resolver<ResolversTypes['Liaison'], ParentType, ContextType, RequireFields<MutationLinkCadreArgs, 'cadreId' | 'targetType' | 'targetId' | 'role'>>;
  registerDepartment?: Resolver<ResolversTypes['Department'], ParentType, ContextType, RequireFields<MutationRegisterDepartmentArgs, 'name' | 'divisionCode'>>;
  updateDepartment?: Resolver<ResolversTypes['Department'], ParentType, ContextType, RequireFields<MutationUpdateDepartmentArgs, 'id' | 'expectedVersion'>>;
  unlinkCadre?: Resolver<ResolversTypes['Liaison'], ParentType, ContextType, RequireFields<MutationUnlinkCadreArgs, 'liaisonId'>>;
  recordVisit?: Resolver<ResolversTypes['Visit'], ParentType, ContextType, RequireFields<MutationRecordVisitArgs, 'kind' | 'date' | 'cadreIds' | 'targetType' | 'targetId'>>;
  createCampaign?: Resolver<ResolversTypes['Campaign'], ParentType, ContextType, RequireFields<MutationCreateCampaignArgs, 'input'>>;
  updateCampaign?: Resolver<ResolversTypes['Campaign'], ParentType, ContextType, RequireFields<MutationUpdateCampaignArgs, 'id' | 'expectedVersion' | 'input'>>;
  recordHelp?: Resolver<ResolversTypes['HelpRecord'], ParentType, ContextType, RequireFields<MutationRecordHelpArgs, 'input'>>;
  assessFirstSecretary?: Resolver<ResolversTypes['Assessment'], ParentType, ContextType, RequireFields<MutationAssessFirstSecretaryArgs, 'liaisonId' | 'period' | 'score'>>;
  createPledge?: Resolver<ResolversTypes['Pledge'], ParentType, ContextType, RequireFields<MutationCreatePledgeArgs, 'title' | 'divisionCode' | 'leadCadreId' | 'targetDate'>>;
  setPledgeStatus?: Resolver<ResolversTypes['Pledge'], ParentType, ContextType, RequireFields<MutationSetPledgeStatusArgs, 'id' | 'expectedVersion' | 'status'>>;
};

export type CampaignResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Campaign'] = ResolversParentTypes['Campaign'], FederationReferenceType extends FederationReferenceTypes['Campaign'] = FederationReferenceTypes['Campaign']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Campaign']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  divisionCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  phases?: Resolver<Array<ResolversTypes['CampaignPhase']>, ParentType, ContextType>;
  rules?: Resolver<ResolversTypes['CampaignRules'], ParentType, ContextType>;
  departments?: Resolver<ResolversTypes['DepartmentConnection'], ParentType, ContextType, Partial<CampaignDepartmentsArgs>>;
  departmentsNotStarted?: Resolver<ResolversTypes['DepartmentConnection'], ParentType, ContextType, Partial<CampaignDepartmentsNotStartedArgs>>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CampaignPhaseResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CampaignPhase'] = ResolversParentTypes['CampaignPhase']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type CampaignRulesResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CampaignRules'] = ResolversParentTypes['CampaignRules']> = {
  householdsPerCadre?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visitsPerHousehold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cadresPerHomeVisit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cadresPerBuildingUnit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rankedLiaisonRanks?: Resolver<Array<ResolversTypes['CadreRank']>, ParentType, ContextType>;
  areaLeadCovers?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type CampaignConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CampaignConnection'] = ResolversParentTypes['CampaignConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Campaign']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ActivityStatsResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ActivityStats'] = ResolversParentTypes['ActivityStats']> = {
  personTimes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  byKind?: Resolver<Array<ResolversTypes['VisitKindCount']>, ParentType, ContextType>;
  cadres?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cadresActive?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  householdsVisited?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cadreDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  forums?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  peopleHelped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  funds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  contactCards?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  researchReports?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pledgesStarted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pledgesOngoing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pledgesDone?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  monthly?: Resolver<Array<ResolversTypes['MonthlyActivity']>, ParentType, ContextType>;
};

export type VisitKindCountResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['VisitKindCount'] = ResolversParentTypes['VisitKindCount']> = {
  kind?: Resolver<ResolversTypes['VisitKind'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MonthlyActivityResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['MonthlyActivity'] = ResolversParentTypes['MonthlyActivity']> = {
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  personTimes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  householdsVisited?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cadreDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pledgesStarted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pledgesOngoing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pledgesDone?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HelpRecordResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['HelpRecord'] = ResolversParentTypes['HelpRecord'], FederationReferenceType extends FederationReferenceTypes['HelpRecord'] = FederationReferenceTypes['HelpRecord']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['HelpRecord']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  cadre?: Resolver<ResolversTypes['Cadre'], ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['LiaisonTarget']>, ParentType, ContextType>;
  peopleHelped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  funds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  contactCards?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  researchReports?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type HelpRecordConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['HelpRecordConnection'] = ResolversParentTypes['HelpRecordConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['HelpRecord']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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

export type HouseholdTagCountResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['HouseholdTagCount'] = ResolversParentTypes['HouseholdTagCount']> = {
  tag?: Resolver<ResolversTypes['HouseholdTag'], ParentType, ContextType>;
  households?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  linked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visited?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DepartmentCoverageResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DepartmentCoverage'] = ResolversParentTypes['DepartmentCoverage']> = {
  cadres?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cadresLinked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cadresWithoutVillage?: Resolver<ResolversTypes['CadreConnection'], ParentType, ContextType, Partial<DepartmentCoverageCadresWithoutVillageArgs>>;
  householdsPerCadre?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  householdsLinked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cadresOffHouseholdQuota?: Resolver<ResolversTypes['CadreConnection'], ParentType, ContextType, Partial<DepartmentCoverageCadresOffHouseholdQuotaArgs>>;
};

export type LiaisonConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['LiaisonConnection'] = ResolversParentTypes['LiaisonConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Liaison']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AssessmentResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Assessment'] = ResolversParentTypes['Assessment']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type PledgeResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Pledge'] = ResolversParentTypes['Pledge'], FederationReferenceType extends FederationReferenceTypes['Pledge'] = FederationReferenceTypes['Pledge']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Pledge']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  division?: Resolver<Maybe<ResolversTypes['Division']>, ParentType, ContextType>;
  leadCadre?: Resolver<ResolversTypes['Cadre'], ParentType, ContextType>;
  targetDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PledgeStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PledgeConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['PledgeConnection'] = ResolversParentTypes['PledgeConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Pledge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  PageInfo?: PageInfoResolvers<ContextType>;
  DivisionConnection?: DivisionConnectionResolvers<ContextType>;
  Division?: DivisionResolvers<ContextType>;
  BuildingUnit?: BuildingUnitResolvers<ContextType>;
  Enterprise?: EnterpriseResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Department?: DepartmentResolvers<ContextType>;
  DepartmentConnection?: DepartmentConnectionResolvers<ContextType>;
  Cadre?: CadreResolvers<ContextType>;
  CadreConnection?: CadreConnectionResolvers<ContextType>;
  Household?: HouseholdResolvers<ContextType>;
  HouseholdConnection?: HouseholdConnectionResolvers<ContextType>;
  Resident?: ResidentResolvers<ContextType>;
  LiaisonTarget?: LiaisonTargetResolvers<ContextType>;
  Liaison?: LiaisonResolvers<ContextType>;
  Visit?: VisitResolvers<ContextType>;
  VisitConnection?: VisitConnectionResolvers<ContextType>;
  Coverage?: CoverageResolvers<ContextType>;
  EnterpriseConnection?: EnterpriseConnectionResolvers<ContextType>;
  BuildingUnitConnection?: BuildingUnitConnectionResolvers<ContextType>;
  IdNumberRead?: IdNumberReadResolvers<ContextType>;
  IdNumberReadConnection?: IdNumberReadConnectionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Campaign?: CampaignResolvers<ContextType>;
  CampaignPhase?: CampaignPhaseResolvers<ContextType>;
  CampaignRules?: CampaignRulesResolvers<ContextType>;
  CampaignConnection?: CampaignConnectionResolvers<ContextType>;
  ActivityStats?: ActivityStatsResolvers<ContextType>;
  VisitKindCount?: VisitKindCountResolvers<ContextType>;
  MonthlyActivity?: MonthlyActivityResolvers<ContextType>;
  HelpRecord?: HelpRecordResolvers<ContextType>;
  HelpRecordConnection?: HelpRecordConnectionResolvers<ContextType>;
  RankedDepartment?: RankedDepartmentResolvers<ContextType>;
  DepartmentRankingConnection?: DepartmentRankingConnectionResolvers<ContextType>;
  RankedDivision?: RankedDivisionResolvers<ContextType>;
  DivisionRankingConnection?: DivisionRankingConnectionResolvers<ContextType>;
  HouseholdTagCount?: HouseholdTagCountResolvers<ContextType>;
  DepartmentCoverage?: DepartmentCoverageResolvers<ContextType>;
  LiaisonConnection?: LiaisonConnectionResolvers<ContextType>;
  Assessment?: AssessmentResolvers<ContextType>;
  Pledge?: PledgeResolvers<ContextType>;
  PledgeConnection?: PledgeConnectionResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
  federation__FieldSet?: GraphQLScalarType;
  federation__Scope?: GraphQLScalarType;
  federation__Policy?: GraphQLScalarType;
  _Any?: GraphQLScalarType;
};

export type DirectiveResolvers<ContextType = SubgraphContext> = {
  link?: LinkDirectiveResolver<any, any, ContextType>;
  federation__provides?: Federation__ProvidesDirectiveResolver<any, any, ContextType>;
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
