// What the people resolvers really return for a GraphQL type, where that is not the generated
// object type. scripts/codegen.ts maps the type `X` onto the export `XMapper` here, so that the
// generated resolver types check every parent and every result against it.
import type { Connection } from '@cadres/kit';
import type { CoverageSource, DivisionWithRequires } from './coverage';
import type { Cadre, Department, Household, Liaison, Resident, Visit } from './entities';

export type DepartmentMapper = Department;
export type CadreMapper = Cadre;
export type HouseholdMapper = Household;
export type ResidentMapper = Resident;
export type LiaisonMapper = Liaison;
export type VisitMapper = Visit;

/**
 * Entities other subgraphs own, which people adds fields to: people's resolvers get (from the
 * gateway's representation) and give (to it) the key, and for a division the fields coverage
 * @requires from places.
 */
export type DivisionMapper = DivisionWithRequires;
export interface BuildingUnitMapper {
  id: string;
}
export interface EnterpriseMapper {
  id: string;
}
export interface ProjectMapper {
  id: string;
}

/**
 * A liaison's or visit's target: people's own household row, or a reference the gateway
 * completes from the owner, which names its type (`__resolveType` reads it).
 */
export type LiaisonTargetMapper =
  | Household
  | { __typename: 'Division'; code: string }
  | { __typename: 'BuildingUnit' | 'Enterprise' | 'Project'; id: string };

/** Coverage is computed from the division's subtree and the @requires fields (coverage.ts). */
export type CoverageMapper = CoverageSource;

/** Connections count lazily: kit's `totalCount` may be a function (graphql-js calls it when asked). */
export type CadreConnectionMapper = Connection<Cadre>;
export type HouseholdConnectionMapper = Connection<Household>;
export type VisitConnectionMapper = Connection<Visit>;
export type DivisionConnectionMapper = Connection<DivisionMapper>;
