import { createSubgraph, loadSdl, type SubgraphOptions } from '@cadres/kit';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';

export const peopleDefinition = {
  name: 'people',
  typeDefs: loadSdl('people'),
  resolvers,
  entities,
  migrations,
};

/** Builds the people subgraph (database migrated, schema ready); main.ts makes it listen. */
export const createPeopleSubgraph = (opts: SubgraphOptions) => createSubgraph(peopleDefinition, opts);
