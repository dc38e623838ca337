// What the issues resolvers really return for a GraphQL type, where that is not the generated
// object type. scripts/codegen.ts maps the type `X` onto the export `XMapper` here, so that the
// generated resolver types check every parent and every result against it.
import type { Connection } from '@cadres/kit';
import type { Issue, IssueEvent, Rating } from './entities';
import type { IssueStatsSource } from './stats';

export type IssueMapper = Issue;
export type IssueEventMapper = IssueEvent;
export type RatingMapper = Rating;

/** Entities other subgraphs own, which issues adds fields to or points at: the key only. */
export interface DivisionMapper {
  code: string;
}
export interface HouseholdMapper {
  id: string;
}
export interface DepartmentMapper {
  id: string;
}
export interface EnterpriseMapper {
  id: string;
}
export interface ProjectMapper {
  id: string;
}
export interface CadreMapper {
  id: string;
}
export interface VisitMapper {
  id: string;
}

/** An issue's subject: a reference the gateway completes from the owner, which names its type (`__resolveType` reads it). */
export type IssueSubjectMapper =
  | { __typename: 'Division'; code: string }
  | { __typename: 'Household' | 'Enterprise' | 'Project'; id: string };

/** The counts as the schema shows them; byCategory is a function, run only when asked for. */
export type IssueStatsMapper = IssueStatsSource;

/** Connections count lazily: kit's `totalCount` may be a function (graphql-js calls it when asked). */
export type IssueConnectionMapper = Connection<Issue>;
