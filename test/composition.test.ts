import { readFileSync } from 'node:fs';
import { composeSupergraph, supergraphPath } from '@cadres/gateway';

describe('schema/supergraph.graphql', () => {
  it('composes from the four subgraph SDLs without errors, and the committed file is up to date', () => {
    const composed = composeSupergraph();
    // On failure: run `npm run compose` and commit schema/supergraph.graphql.
    expect(readFileSync(supergraphPath, 'utf8')).toBe(composed);
  });
});
