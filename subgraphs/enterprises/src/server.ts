import { createSubgraph, loadSdl, type SubgraphDefinition, type SubgraphOptions } from '@cadres/kit';
import { entities } from './entities';
import { lightRulesFromEnv, type LightRules } from './light';
import { migrations } from './migrations';
import { createResolvers } from './resolvers';

/** The subgraph with the given light thresholds (tests use this to try other thresholds). */
export const createEnterprisesDefinition = (rules: LightRules): SubgraphDefinition => ({
  name: 'enterprises',
  typeDefs: loadSdl('enterprises'),
  resolvers: createResolvers(rules),
  entities,
  migrations,
});

/** The subgraph as configured by the environment (PROJECT_LIGHT_*, parsed once, when this module loads). */
export const enterprisesDefinition = createEnterprisesDefinition(lightRulesFromEnv());

/** Builds the enterprises subgraph (database migrated, schema ready); main.ts makes it listen. */
export const createEnterprisesSubgraph = (opts: SubgraphOptions) => createSubgraph(enterprisesDefinition, opts);
