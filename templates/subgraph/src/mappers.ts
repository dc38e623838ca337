// What the sample resolvers really return for a GraphQL type, where codegen's conventions
// (an entity class of the type's name, kit's Connection for XConnection) do not say: the type
// `X` maps onto the export `XMapper` here (see scripts/codegen.ts).

/** A division places owns: this subgraph gets (from the gateway) and gives (to it) the key only. */
export interface DivisionMapper {
  code: string;
}
