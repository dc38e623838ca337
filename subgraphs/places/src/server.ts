import { defineSubgraph } from '@cadres/kit';
import { z } from 'zod';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';

/**
 * The places subgraph: what kit builds (createSubgraph), runs (main.ts) and seeds. Every
 * subgraph defines itself this way; places is the reference to copy.
 */
export const subgraph = defineSubgraph({
  name: 'places',
  entities,
  migrations,
  /** Places has no settings of its own. */
  settings: z.object({}),
  resolvers: () => resolvers,
  // Imported when called: seeds use the demo package, which a production subgraph never loads.
  seed: async (subgraph, world) => (await import('./seed')).seedPlaces(subgraph, world),
});
