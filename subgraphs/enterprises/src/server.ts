import { createSubgraph, loadSdl, type SubgraphOptions } from '@cadres/kit';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';

export const enterprisesDefinition = {
  name: 'enterprises',
  typeDefs: loadSdl('enterprises'),
  resolvers,
  entities,
  migrations,
};

/** Builds the enterprises subgraph (database migrated, schema ready); main.ts makes it listen. */
export const createEnterprisesSubgraph = (opts: SubgraphOptions) => createSubgraph(enterprisesDefinition, opts);
