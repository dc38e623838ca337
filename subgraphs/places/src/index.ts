export { createPlacesSubgraph, placesDefinition } from './server';
export { seedPlaces } from './seed';
export * as placesEntities from './entities';
