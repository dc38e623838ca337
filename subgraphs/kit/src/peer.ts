// Asking another subgraph (the owner of an entity) over HTTP, for the few checks a subgraph
// cannot make from its own tables: "does this building unit exist, and in which division?"
// before people links a cadre to it. The caller's Authorization header and request id are
// forwarded, so the owner applies the caller's rights and the logs line up, with this
// subgraph's credential for the request (a subgraph answers only the gateway and its peers).

import DataLoader from 'dataloader';
import { CREDENTIAL_HEADER } from './auth';
import { AppError, notFound } from './errors';
import { entityOwnersOf, type OwnedType, type SubgraphName } from './registry';
import type { SubgraphContext } from './subgraph';
import { injectTraceContext } from './tracing';

export type PeerContext = Pick<SubgraphContext, 'peers' | 'authorization' | 'requestId' | 'credential'>;

export class PeerError extends Error {
  constructor(readonly peer: string, message: string) {
    super(`peer ${peer}: ${message}`);
  }
}

interface PeerResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

const DEFAULT_TIMEOUT_MS = 10_000;

const peerUnavailable = (peer: string) =>
  new AppError('SERVICE_UNAVAILABLE', `The ${peer} subgraph is not answering; try again later`, { subgraph: peer });

/**
 * Runs one operation on the peer subgraph `peer` (a name in ctx.peers). Returns the raw
 * GraphQL response. A peer that is unreachable or slow is SERVICE_UNAVAILABLE naming it (the
 * client may retry); one that is unknown or answers something that is not GraphQL throws
 * PeerError, which is not a GraphQLError, so the client sees INTERNAL_SERVER_ERROR and the log
 * has the reason.
 */
export async function askPeer<T>(
  ctx: PeerContext,
  peer: string,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<PeerResponse<T>> {
  const url = ctx.peers[peer];
  if (!url) throw new PeerError(peer, 'no URL configured');
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': ctx.requestId };
  if (ctx.authorization) headers.authorization = ctx.authorization;
  const body = JSON.stringify({ query, variables });
  headers[CREDENTIAL_HEADER] = await ctx.credential(peer, body);
  // The peer's request span joins this request's trace (while tracing is on).
  injectTraceContext(headers);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    throw peerUnavailable(peer);
  }
  let answer: PeerResponse<T>;
  try {
    answer = (await response.json()) as PeerResponse<T>;
  } catch {
    throw new PeerError(peer, `answered HTTP ${response.status} without a GraphQL body`);
  }
  if (!answer || typeof answer !== 'object') throw new PeerError(peer, `answered HTTP ${response.status} without a GraphQL body`);
  return answer;
}

/**
 * Resolves entity representations on their owner through `_entities`, the way the gateway
 * does: one request for the whole list. `selection` is what to read of each, e.g.
 * `... on BuildingUnit { id building { division { code } } }`. The result is aligned with
 * `representations`; an entity the owner does not have is null (whether the owner answers
 * null or a NOT_FOUND error at that position). UNAUTHENTICATED and FORBIDDEN from the owner
 * are passed on as such; any other error throws PeerError.
 */
export async function fetchEntities<T>(
  ctx: PeerContext,
  peer: string,
  representations: readonly Record<string, unknown>[],
  selection: string,
): Promise<(T | null)[]> {
  if (representations.length === 0) return [];
  const body = await askPeer<{ _entities: (T | null)[] }>(
    ctx,
    peer,
    `query PeerEntities($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
    { r: representations },
  );
  const unexpected = (body.errors ?? []).filter((e) => !(e.extensions?.code === 'NOT_FOUND' && e.path?.[0] === '_entities'));
  if (unexpected.length) {
    // The caller's own rights, as the owner judged them, reach the client unchanged.
    const denied = unexpected.find((e) => e.extensions?.code === 'UNAUTHENTICATED' || e.extensions?.code === 'FORBIDDEN');
    if (denied) throw new AppError(denied.extensions!.code as 'UNAUTHENTICATED' | 'FORBIDDEN', `${peer}: ${denied.message}`);
    if (unexpected.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) throw peerUnavailable(peer);
    const codes = unexpected.map((e) => e.extensions?.code ?? 'ERROR').join(', ');
    throw new PeerError(peer, `_entities failed (${codes}): ${unexpected[0].message}`);
  }
  const list = body.data?._entities;
  if (!Array.isArray(list) || list.length !== representations.length) throw new PeerError(peer, '_entities answered no list of the right length');
  return list.map((e) => e ?? null);
}

/**
 * `selection` (fields, e.g. `from to`) of many `type` entities, read from `peer` (by default the
 * type's owner; another subgraph for fields it adds, e.g. enterprises' Division.enterpriseIds):
 * one `_entities` request per request and selection, whatever the number of keys (a DataLoader
 * on ctx.loaders). An entity the peer does not have, or does not show this caller, is null.
 */
export function entityLoader<T>(ctx: PeerContext & Pick<SubgraphContext, 'loaders'>, type: OwnedType, selection: string, peer?: SubgraphName): DataLoader<string, T | null> {
  const owner = ownerOf(type);
  const asked = peer ?? owner.peer;
  return ctx.loaders.get(`entities:${asked}:${type}:${selection}`, () =>
    new DataLoader<string, T | null>((keys) =>
      fetchEntities<T>(ctx, asked, keys.map((k) => ({ __typename: type, [owner.key]: k })), `... on ${type} { ${selection} }`),
    ),
  );
}

/** Which subgraph owns each entity type, and its key field: subgraphs/registry.ts `owns`. */
export const entityOwners = entityOwnersOf() as Readonly<Record<OwnedType, { peer: SubgraphName; key: string }>>;

/** The subgraph that owns `type` and the key it is asked by, among the subgraphs registered now. */
export function ownerOf(type: string): { peer: string; key: string } {
  const owner = entityOwnersOf()[type];
  if (!owner) throw new Error(`No registered subgraph owns ${type}`);
  return owner;
}

/** A reference a mutation is about to store, and the argument it came from. */
export interface OwnedRef {
  type: OwnedType;
  id: string;
  field: string;
}

/**
 * NOT_FOUND (with the argument as `field`) unless every reference exists at its owner: one
 * `_entities` request per owning subgraph, in parallel. For ids a subgraph stores but does
 * not own (the department an issue is assigned to, the household that rated a cadre).
 */
export async function requireExisting(ctx: PeerContext, refs: readonly OwnedRef[]): Promise<void> {
  const byPeer = new Map<string, OwnedRef[]>();
  for (const ref of refs) {
    const { peer } = ownerOf(ref.type);
    byPeer.set(peer, [...(byPeer.get(peer) ?? []), ref]);
  }
  const missing = await Promise.all(
    [...byPeer].map(async ([peer, list]) => {
      const found = await fetchEntities<{ __typename: string }>(
        ctx,
        peer,
        list.map((r) => ({ __typename: r.type, [ownerOf(r.type).key]: r.id })),
        '__typename',
      );
      return list.filter((_, i) => !found[i]);
    }),
  );
  const first = missing.flat()[0];
  if (first) throw notFound(first.type, first.id, first.field);
}

/** Where each located entity type keeps its division, as a selection on its owner. */
const divisionSelections: Partial<Record<OwnedType, { selection: string; code: (e: any) => string }>> = {
  Division: { selection: 'code', code: (e) => e.code },
  BuildingUnit: { selection: 'building { division { code } }', code: (e) => e.building.division.code },
  Household: { selection: 'division { code }', code: (e) => e.division.code },
  Enterprise: { selection: 'division { code }', code: (e) => e.division.code },
  Project: { selection: 'site { code }', code: (e) => e.site.code },
};

/** The division an entity lies in, asked of its owner; NOT_FOUND (with `field`) when it does not exist. */
export async function divisionOf(ctx: PeerContext, type: OwnedType, id: string, field: string): Promise<string> {
  const located = divisionSelections[type];
  if (!located) throw new Error(`${type} has no division to locate`);
  const { peer, key } = ownerOf(type);
  const [found] = await fetchEntities(ctx, peer, [{ __typename: type, [key]: id }], `... on ${type} { ${located.selection} }`);
  if (!found) throw notFound(type, id, field);
  return located.code(found);
}
