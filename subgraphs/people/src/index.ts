export { createPeopleSubgraph, peopleDefinition } from './server';
export { seedPeople } from './seed';
export * as peopleEntities from './entities';
