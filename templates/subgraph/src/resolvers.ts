import { loadOrNull } from '@cadres/kit';
import type { Resolvers } from './generated/graphql';
import { noteByDivision } from './loaders';

/** Typed by the types generated from schema.graphql (npm run codegen): a field the SDL lacks does not compile. */
export const resolvers: Resolvers = {
  Division: {
    // Places owns divisions: the gateway's representation ({ code }) is all this subgraph needs.
    __resolveReference: (ref) => ({ code: ref.code }),
    sampleNote: (d, _, ctx) => loadOrNull(noteByDivision(ctx), d.code),
  },
  SampleNote: {
    __resolveReference: (ref, ctx) => loadOrNull(noteByDivision(ctx), ref.divisionCode),
    // A reference the gateway completes from places.
    division: (n) => ({ code: n.divisionCode }),
  },
};
