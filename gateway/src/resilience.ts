import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Stops the gateway waiting on a subgraph that keeps failing: after `threshold` failed requests
 * in a row it is open (requests fail at once) for `cooldownMs`; then one request at a time goes
 * through as a probe, and the first success closes it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private probing = false;

  constructor(
    readonly threshold: number,
    readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a request may be sent now. In the half-open state this admits the one probe. */
  allow(): boolean {
    if (this.failures < this.threshold) return true;
    if (this.now() < this.openUntil || this.probing) return false;
    this.probing = true;
    return true;
  }

  /** Milliseconds until the next probe may go (0 when closed). */
  retryInMs(): number {
    return this.failures < this.threshold ? 0 : Math.max(0, this.openUntil - this.now());
  }

  get isOpen(): boolean {
    return this.failures >= this.threshold;
  }

  /** Records an answer; returns true if this closed an open breaker. */
  succeeded(): boolean {
    const wasOpen = this.isOpen;
    this.failures = 0;
    this.probing = false;
    return wasOpen;
  }

  /** Records a failure; returns true if this opened the breaker (or kept it open after a probe). */
  failed(): boolean {
    this.failures++;
    this.probing = false;
    if (this.failures < this.threshold) return false;
    this.openUntil = this.now() + this.cooldownMs;
    return true;
  }
}

/** Response keys (alias or name) of a selection set, through inline fragments and spreads. */
function responseKeys(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  typename: string | undefined,
  into: Set<string>,
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') into.add(selection.alias?.value ?? selection.name.value);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    if (!fragment) continue;
    const condition = fragment.typeCondition?.name.value;
    // An entity fetch selects per type (`... on Division { coverage }`): only the matching one.
    if (typename && condition && condition !== typename) continue;
    responseKeys(fragment.selectionSet, fragments, typename, into);
  }
  return into;
}

/**
 * One error per field that a failed subgraph fetch would have filled, with the path the
 * gateway maps into the client's response: `[field]` for a root fetch, and
 * `['_entities', i, field]` for each representation of an entity fetch (the gateway turns
 * those into the entity's path, such as `division.coverage`). The client then sees every field
 * of the healthy subgraphs and knows exactly which ones are missing.
 */
export function failedFieldErrors(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  message: string,
  extensions: Record<string, unknown>,
): GraphQLFormattedError[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operation ??= definition;
  }
  if (!operation) return [{ message, extensions }];
  const error = (path: (string | number)[]): GraphQLFormattedError => ({ message, path, extensions });

  const roots = operation.selectionSet.selections;
  const entities = roots.length === 1 && roots[0].kind === Kind.FIELD && roots[0].name.value === '_entities' ? roots[0] : undefined;
  const representations = variables?.representations;
  if (entities?.selectionSet && Array.isArray(representations)) {
    const key = entities.alias?.value ?? '_entities';
    return representations.flatMap((representation: { __typename?: string }, i) =>
      [...responseKeys(entities.selectionSet!, fragments, representation?.__typename, new Set())].map((field) => error([key, i, field])),
    );
  }
  const keys = [...responseKeys(operation.selectionSet, fragments, undefined, new Set())];
  return keys.length ? keys.map((field) => error([field])) : [{ message, extensions }];
}
