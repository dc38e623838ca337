// What every subgraph's package exports: `subgraph` (its definition) and its entities.
export { subgraph } from './server';
export * as entities from './entities';
