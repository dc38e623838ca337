import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Rejects operations nested deeper than `max` fields, before any subgraph is asked.
 * Introspection (`__schema`, `__type`) is not counted: GraphiQL's own query is deep.
 */
export function maxDepthRule(max: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(node) {
      const depth = depthOf(node.selectionSet, context, new Set());
      if (depth > max) {
        context.reportError(
          new GraphQLError(`The query is ${depth} levels deep; at most ${max} are allowed`, {
            nodes: [node],
            extensions: { code: 'BAD_USER_INPUT', field: 'query' },
          }),
        );
      }
    },
  });
}

function depthOf(selectionSet: SelectionSetNode, context: ValidationContext, fragments: Set<string>): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const below = selection.selectionSet ? depthOf(selection.selectionSet, context, fragments) : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, context, fragments));
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (fragment && !fragments.has(name)) {
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, context, new Set([...fragments, name])));
      }
    }
  }
  return deepest;
}
