// What the places resolvers really return for a GraphQL type, where that is not the generated
// object type. scripts/codegen.ts maps the type `X` onto the export `XMapper` here, so that the
// generated resolver types check every parent and every result against it.
import type { Connection } from '@cadres/kit';
import type { Building, BuildingUnit, Division } from './entities';

export type DivisionMapper = Division;
export type BuildingMapper = Building;
export type BuildingUnitMapper = BuildingUnit;
/** Connections count lazily: kit's `totalCount` may be a function (graphql-js calls it when asked). */
export type DivisionConnectionMapper = Connection<Division>;
export type BuildingConnectionMapper = Connection<Building>;
