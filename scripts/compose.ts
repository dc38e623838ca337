// Composes every registered subgraph's schema.graphql into schema/supergraph.graphql, the file the gateway serves.
// Run after changing a subgraph's SDL: `npm run compose`. A test fails while it is stale.
import { writeFileSync } from 'node:fs';
import { composeSupergraph, supergraphPath } from '../gateway/src/compose';

writeFileSync(supergraphPath, composeSupergraph());
console.log(`wrote ${supergraphPath}`);
