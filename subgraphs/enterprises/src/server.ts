import { defineSubgraph } from '@cadres/kit';
import { entities } from './entities';
import { lightRulesEnv } from './light';
import { migrations } from './migrations';
import { createResolvers } from './resolvers';

/** The enterprises subgraph (see places/src/server.ts for the shape); its settings are the light thresholds. */
export const subgraph = defineSubgraph({
  name: 'enterprises',
  entities,
  migrations,
  settings: lightRulesEnv,
  resolvers: createResolvers,
  seed: async (subgraph, world) => (await import('./seed')).seedEnterprises(subgraph, world),
});
