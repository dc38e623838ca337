// What people's resolvers return for a GraphQL type, where that is neither the generated object
// type, nor the entity of the same name, nor a kit Connection: scripts/codegen.ts maps the type
// `X` onto the export `XMapper` here, so that the generated resolver types check every parent and
// every result against it.
import type { Connection, RankedDivisionRow } from '@cadres/kit';
import type { RankedDepartmentRow } from './activity';
import type { CadreCoverageSource, CoverageSource, DivisionWithRequires } from './coverage';
import type { Household } from './entities';

/**
 * Entities other subgraphs own, which people adds fields to: people's resolvers get (from the
 * gateway's representation) and give (to it) the key, and for a division the fields coverage
 * @requires from places.
 */
/** With what places provides for @requires: coverage's fields, and the children divisionRanking ranks. */
export type DivisionMapper = DivisionWithRequires & { childCodes?: string[] };
export type BuildingUnitMapper = { id: string };
export type EnterpriseMapper = { id: string };
export type ProjectMapper = { id: string };

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

/** A department's coverage: its cadres, the rules and the day links count on (coverage.ts). */
export type DepartmentCoverageMapper = CadreCoverageSource;

/** A ranking's page: RankedDepartment is named by the node type, not by the connection's name (as in issues). */
export type RankedDepartmentMapper = RankedDepartmentRow;
export type DepartmentRankingConnectionMapper = Connection<RankedDepartmentRow>;

/** A division ranking's page (kit ranking.ts). */
export type RankedDivisionMapper = RankedDivisionRow;
export type DivisionRankingConnectionMapper = Connection<RankedDivisionRow>;
