import { createSubgraph, loadSdl, type SubgraphDefinition, type SubgraphOptions } from '@cadres/kit';
import { loadIssuesConfig, type IssuesConfig } from './config';
import { entities } from './entities';
import { migrations } from './migrations';
import { createResolvers } from './resolvers';

/** The issues subgraph for a given configuration (tests pass their own rules). */
export const defineIssues = (config: IssuesConfig): SubgraphDefinition => ({
  name: 'issues',
  typeDefs: loadSdl('issues'),
  resolvers: createResolvers(config),
  entities,
  migrations,
});

/** The configuration, parsed once from the environment at start-up. */
export const issuesConfig = loadIssuesConfig();

export const issuesDefinition = defineIssues(issuesConfig);

/** Builds the issues subgraph (database migrated, schema ready); main.ts makes it listen. */
export const createIssuesSubgraph = (opts: SubgraphOptions) => createSubgraph(issuesDefinition, opts);
