import { defineSubgraph } from '@cadres/kit';
import { z } from 'zod';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { seedPlaces } from './seed';

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
  seed: seedPlaces,
});
