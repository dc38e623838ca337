import { defineSubgraph } from '@cadres/kit';
import { issuesSettings } from './config';
import { entities } from './entities';
import { migrations } from './migrations';
import { createResolvers } from './resolvers';
import { startSupervisionSweep } from './sweep';

/** The issues subgraph (see places/src/server.ts for the shape); while it serves, the supervision sweep runs. */
export const subgraph = defineSubgraph({
  name: 'issues',
  entities,
  migrations,
  settings: issuesSettings,
  resolvers: createResolvers,
  seed: async (subgraph, world) => (await import('./seed')).seedIssues(subgraph, world),
  started: startSupervisionSweep,
});
