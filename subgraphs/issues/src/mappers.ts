// What issues' resolvers return for a GraphQL type, where that is neither the generated object
// type, nor the entity of the same name, nor a kit Connection: scripts/codegen.ts maps the type
// `X` onto the export `XMapper` here, so that the generated resolver types check every parent and
// every result against it.
import type { Connection, RankedDivisionRow } from '@cadres/kit';
import type { IssueEvent } from './entities';
import type { RankedRow } from './ranking';
import type { IssueStatsSource } from './stats';

/** Entities other subgraphs own, which issues adds fields to or points at: the key only. */
type ById = { id: string };
export type DivisionMapper = { code: string };
export type HouseholdMapper = ById;
export type DepartmentMapper = ById;
export type EnterpriseMapper = ById;
export type ProjectMapper = ById;
export type CadreMapper = ById;
export type VisitMapper = ById;

/** An issue's subject: a reference the gateway completes from the owner, which names its type (`__resolveType` reads it). */
export type IssueSubjectMapper =
  | { __typename: 'Division'; code: string }
  | { __typename: 'Household' | 'Enterprise' | 'Project'; id: string };

/** The counts as the schema shows them; byCategory is a function, run only when asked for. */
export type IssueStatsMapper = IssueStatsSource;

/** A ranking's page: RankedDepartment is named by the node type, not by the connection's name. */
export type RankedDepartmentMapper = RankedRow;
export type DepartmentRankingConnectionMapper = Connection<RankedRow>;

/** An issue's event, or a demand's as IssueEvent shows it (statuses null). */
export type IssueEventMapper = Pick<IssueEvent, 'at' | 'action' | 'fromStatus' | 'toStatus' | 'actor' | 'note'>;

/** A published list's line: a demand's public columns, and when it entered the list. */
export type PublishedItemMapper = { id: string; ref: string; title: string; divisionCode: string; status: string; result: string | null; at: Date };

/** A division ranking's page (kit ranking.ts). */
export type RankedDivisionMapper = RankedDivisionRow;
export type DivisionRankingConnectionMapper = Connection<RankedDivisionRow>;
