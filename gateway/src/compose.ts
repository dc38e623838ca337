import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, type GraphQLSchema } from 'graphql';
import { repoRoot } from '@cadres/kit';
import { currentSubgraphs } from './subgraphs';

export const supergraphPath = path.join(repoRoot, 'schema', 'supergraph.graphql');

/** Composes every registered subgraph's SDL (<folder>/schema.graphql); throws with every composition error. */
export function composeSupergraph(): string {
  return compose().supergraphSdl;
}

/** The API schema clients see through the gateway (the supergraph without its join directives). */
export function composeApiSchema(): GraphQLSchema {
  return compose().schema.toAPISchema().toGraphQLJSSchema();
}

function compose() {
  const result = composeServices(
    currentSubgraphs().map(({ name, url, sdlPath }) => ({ name, url, typeDefs: parse(readFileSync(sdlPath, 'utf8')) })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result;
}
