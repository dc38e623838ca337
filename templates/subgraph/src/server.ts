import { defineSubgraph } from '@cadres/kit';
import { z } from 'zod';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { seedSample } from './seed';

/** The sample subgraph (see subgraphs/places/src/server.ts for the shape). */
export const subgraph = defineSubgraph({
  name: 'sample',
  entities,
  migrations,
  /** Its own settings (SAMPLE_…), parsed at start-up: none yet. */
  settings: z.object({}),
  resolvers: () => resolvers,
  seed: seedSample,
});
