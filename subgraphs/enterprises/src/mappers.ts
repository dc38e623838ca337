// What the enterprises resolvers really return for a GraphQL type, where that is not the
// generated object type. scripts/codegen.ts maps the type `X` onto the export `XMapper` here, so
// that the generated resolver types check every parent and every result against it.
import type { Connection } from '@cadres/kit';
import type { Enterprise, Project, ProjectProgress } from './entities';

export type EnterpriseMapper = Enterprise;
export type ProjectMapper = Project;
/** A report as stored: progress in basis points (the resolver divides). */
export type ProgressReportMapper = ProjectProgress;

/** Divisions are places': enterprises' resolvers get and give the key only. */
export interface DivisionMapper {
  code: string;
}

/** Connections count lazily: kit's `totalCount` may be a function (graphql-js calls it when asked). */
export type EnterpriseConnectionMapper = Connection<Enterprise>;
export type ProjectConnectionMapper = Connection<Project>;
export type ProgressReportConnectionMapper = Connection<ProjectProgress>;
