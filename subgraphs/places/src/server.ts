import { createSubgraph, loadSdl, type SubgraphOptions } from '@cadres/kit';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';

export const placesDefinition = {
  name: 'places',
  typeDefs: loadSdl('places'),
  resolvers,
  entities,
  migrations,
};

/** Builds the places subgraph (database migrated, schema ready); main.ts makes it listen. */
export const createPlacesSubgraph = (opts: SubgraphOptions) => createSubgraph(placesDefinition, opts);
