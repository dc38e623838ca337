import { defineSubgraph } from '@cadres/kit';
import { z } from 'zod';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';

/** The sample subgraph (see subgraphs/places/src/server.ts for the shape). */
export const subgraph = defineSubgraph({
  name: 'sample',
  entities,
  migrations,
  /** Its own settings (SAMPLE_…), parsed at start-up: none yet. */
  settings: z.object({}),
  resolvers: () => resolvers,
  // Imported when called: seeds use the demo package, which a production subgraph never loads.
  seed: async (subgraph, world) => (await import('./seed')).seedSample(subgraph, world),
});
