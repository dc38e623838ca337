export { createEnterprisesSubgraph, enterprisesDefinition } from './server';
export { seedEnterprises } from './seed';
export * as enterprisesEntities from './entities';
