// Limits on what one request may ask of the graph, checked at the gateway before any subgraph is
// asked, and again by each subgraph on what it is sent (a peer or a stolen credential is no way
// around them). Each is linear in the document: a fragment is measured once and its figure reused at
// every spread, so a small document of fragments that spread each other twice costs no more to
// check than to read. Each refusal has its own code and says the limit.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface QueryLimits {
  /** Nested fields; fragments count by the fields they hold. */
  depth: number;
  /** Aliased fields, fragments counted at every spread. */
  aliases: number;
  directives: number;
  /** Tokens of the document (graphql-js stops parsing past it). */
  tokens: number;
  /** Estimated fields resolved: a list multiplies what it selects by `first` (or a typical size). */
  cost: number;
}

export const defaultLimits: QueryLimits = { depth: 12, aliases: 30, directives: 50, tokens: 2000, cost: 1_000_000 };

/**
 * What a subgraph allows: what the gateway sends it is a client's operation planned again, one
 * level deeper (`_entities`), with its fragments written out and keys, `__typename` and the
 * planner's own aliases added. The cost is the same: `_entities` counts its representations.
 */
export const subgraphLimitsFor = (gateway: QueryLimits): QueryLimits => ({
  ...gateway,
  depth: gateway.depth + 1,
  aliases: gateway.aliases * 2,
  tokens: gateway.tokens * 10,
});
export const subgraphLimits = subgraphLimitsFor(defaultLimits);

/** Pages are `first` long (20 by default, at most 500: the contract's convention). */
const DEFAULT_PAGE = 20;
const MAX_PAGE = 500;
/** A plain list field (liaisons, members, history) is counted as this long. */
const TYPICAL_LIST = 5;

/** A request over one of the limits: 400, with its own code and the limit. */
export class LimitError extends GraphQLError {
  constructor(code: string, message: string, limit: number) {
    super(message, { extensions: { code, limit, http: { status: 400 } } });
  }
}

/**
 * The client's view of a limit error. Apollo gives every validation error the code
 * GRAPHQL_VALIDATION_FAILED (and a too-long document GRAPHQL_PARSE_FAILED); a refusal by a
 * limit keeps its own, so that a client can tell "too deep" from a typo.
 */
export function formatLimitError(formatted: GraphQLFormattedError, error: unknown, limits: QueryLimits): GraphQLFormattedError | undefined {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (original instanceof LimitError) return { message: original.message, extensions: { code: original.extensions.code, limit: original.extensions.limit } };
  if (/Document contains more (?:than|that) \d+ tokens/.test(formatted.message)) {
    return { message: `The query has more than ${limits.tokens} tokens`, extensions: { code: 'QUERY_TOO_LARGE', limit: limits.tokens } };
  }
  return undefined;
}

/** graphql-armor's rules, reporting our codes instead of throwing its generic syntax error. */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  const report = (code: string, limit: number) => (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(new LimitError(code, error.message.replace(/^Syntax Error: /, ''), limit));
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxDepthRule({ ...common, n: limits.depth, flattenFragments: true, ignoreIntrospection: true, onReject: [report('QUERY_TOO_DEEP', limits.depth)] }),
    maxAliasesRule({ ...common, n: limits.aliases, onReject: [report('TOO_MANY_ALIASES', limits.aliases)] }),
    maxDirectivesRule({ ...common, n: limits.directives, onReject: [report('TOO_MANY_DIRECTIVES', limits.directives)] }),
  ] as ValidationRule[];
}

/**
 * The estimated cost of an operation: every field counts 1, and a field that returns a list or
 * a connection multiplies what it selects by its `first` (from the document or the variables,
 * at most 500), or by a typical size when it has none. Introspection is free.
 */
export function operationCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  root: GraphQLCompositeType,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): number {
  const memo = new Map<string, number>();
  const costOf = (set: SelectionSetNode, type: GraphQLCompositeType, open: Set<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
        const returns = field ? getNamedType(field.type) : undefined;
        let below = 0;
        if (selection.selectionSet && returns && isCompositeType(returns)) below = costOf(selection.selectionSet, returns, open);
        // A connection's `first` already counted its nodes: they are not a second list.
        const inPage = type.name.endsWith('Connection') && (name === 'nodes' || name === 'edges');
        total += 1 + (field && !inPage ? sizeOf(field.type, selection.arguments ?? [], variables) : 1) * below;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        total += costOf(selection.selectionSet, condition && isCompositeType(condition) ? condition : type, open);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle is a validation error of its own (NoFragmentCycles); it costs nothing here.
        if (!fragment || open.has(name)) continue;
        if (!memo.has(name)) {
          const condition = schema.getType(fragment.typeCondition.name.value);
          open.add(name);
          memo.set(name, costOf(fragment.selectionSet, condition && isCompositeType(condition) ? condition : type, open));
          open.delete(name);
        }
        total += memo.get(name)!;
      }
    }
    return total;
  };
  return costOf(selectionSet, root, new Set());
}

function sizeOf(type: import('graphql').GraphQLOutputType, args: readonly import('graphql').ArgumentNode[], variables: Record<string, unknown>): number {
  // A subgraph's `_entities` resolves one entity per representation the gateway sent.
  const representations = args.find((a) => a.name.value === 'representations');
  if (representations) {
    const value = valueFromASTUntyped(representations.value, variables);
    if (Array.isArray(value)) return value.length;
  }
  const named = getNamedType(type);
  const isConnection = named.name.endsWith('Connection');
  if (!isConnection && !isListType(getNullableType(type))) return 1;
  const first = args.find((a) => a.name.value === 'first');
  const value = first ? Number(valueFromASTUntyped(first.value, variables)) : NaN;
  if (Number.isFinite(value)) return Math.min(Math.max(Math.trunc(value), 0), MAX_PAGE);
  return isConnection ? DEFAULT_PAGE : TYPICAL_LIST;
}

/** The 400 Apollo Server answers for a schema of its own when `operationName` picks no operation. */
const unresolvedOperation = (name: string | null | undefined) =>
  new GraphQLError(name ? `Unknown operation named "${name}".` : 'Must provide operation name if query contains multiple operations.', {
    extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
  });

/**
 * Refuses an operation whose estimated cost is over `max`, once its variables are known; and a
 * request whose `operationName` names no operation of its document.
 */
export function costLimitPlugin<C extends BaseContext = BaseContext>(max: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // Only what comes over HTTP is measured: an operation run in-process (tests) is the code's own.
          if (!request.http) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
          // Nothing to measure, and nothing to run: the gateway's executor would throw (a 500).
          if (!operation) throw unresolvedOperation(request.operationName);
          const root = schema.getRootType(operation.operation);
          if (!root) return;
          // A variable the request leaves out counts at its default (`$n: Int = 500`).
          const defaults = Object.fromEntries(
            (operation.variableDefinitions ?? []).filter((v) => v.defaultValue).map((v) => [v.variable.name.value, valueFromASTUntyped(v.defaultValue!)]),
          );
          const cost = operationCost(schema, operation.selectionSet, root, fragments, { ...defaults, ...request.variables });
          if (cost > max) throw new LimitError('QUERY_TOO_COSTLY', `The query would cost about ${cost} fields; at most ${max} are allowed`, max);
        },
      };
    },
  };
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * The ApolloServer options that apply `limits` (its plugin goes in with the server's others);
 * a refusal keeps its own code, every other error goes to `formatError`.
 */
export function apolloLimits<C extends BaseContext>(limits: QueryLimits, formatError: FormatError) {
  return {
    // graphql-js stops parsing a document past this many tokens (a parse error, given its own code).
    parseOptions: { maxTokens: limits.tokens },
    validationRules: limitRules(limits),
    formatError: (formatted: GraphQLFormattedError, error: unknown) => formatLimitError(formatted, error, limits) ?? formatError(formatted, error),
    plugin: costLimitPlugin<C>(limits.cost),
  };
}
