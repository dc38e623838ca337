import { defineSubgraph } from '@cadres/kit';
import { peopleSettings } from './config';
import { entities } from './entities';
import { migrations } from './migrations';
import { createResolvers } from './resolvers';

/** The people subgraph (see places/src/server.ts for the shape). */
export const subgraph = defineSubgraph({
  name: 'people',
  entities,
  migrations,
  settings: peopleSettings,
  resolvers: createResolvers,
  seed: async (subgraph, world) => (await import('./seed')).seedPeople(subgraph, world),
});
