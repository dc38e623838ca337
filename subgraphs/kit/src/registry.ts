// The registered subgraphs (subgraphs/registry.ts) and what follows from an entry: its
// settings' prefix, default URL, the types it owns. Composition, loadSdl, the settings, the
// harness, the gateway's /ready and the peer client's `ownerOf` read the list through
// `subgraphEntries()` when called, so that a subgraph registered in-process (the fifth-subgraph
// test) is seen by all of them; `entityOwners` and the gateway's `subgraphList` are the file's.
import { registry, type SubgraphEntry } from '../../registry';

export type { OwnedType, SubgraphEntry, SubgraphName } from '../../registry';

const added: SubgraphEntry[] = [];

/** Every registered subgraph, in composition order. */
export function subgraphEntries(): readonly SubgraphEntry[] {
  return [...registry, ...added];
}

export function subgraphEntry(name: string): SubgraphEntry {
  const entry = subgraphEntries().find((e) => e.name === name);
  if (!entry) throw new Error(`No subgraph named ${name} in subgraphs/registry.ts (it has ${subgraphEntries().map((e) => e.name).join(', ')})`);
  return entry;
}

/** What is wrong with a list of entries: duplicate names, ports or owned types, names that cannot prefix a setting. */
export function registryProblems(entries: readonly SubgraphEntry[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const once = (what: string, owner: string) => {
    const earlier = seen.get(what);
    if (earlier) problems.push(`${what} is claimed by ${earlier} and ${owner}`);
    else seen.set(what, owner);
  };
  for (const e of entries) {
    if (!/^[a-z][a-z0-9]*$/.test(e.name)) problems.push(`${e.name}: a subgraph name is one lowercase word (letters and digits)`);
    if (!Number.isInteger(e.port) || e.port < 1 || e.port > 65535) problems.push(`${e.name}: port ${e.port} is not a TCP port`);
    once(`name ${e.name}`, e.name);
    once(`port ${e.port}`, e.name);
    for (const type of Object.keys(e.owns)) once(`type ${type}`, e.name);
  }
  return problems;
}

/**
 * Adds a subgraph for this process only and returns how to take it out again. For the
 * fifth-subgraph test: editing registry.ts would change the federation under every other test
 * running at the same time. A real subgraph gets its line in registry.ts (npm run new-subgraph).
 */
export function registerSubgraph(entry: SubgraphEntry): () => void {
  const problems = registryProblems([...subgraphEntries(), entry]);
  if (problems.length) throw new Error(`Cannot register ${entry.name}: ${problems.join('; ')}`);
  added.push(entry);
  return () => {
    const i = added.indexOf(entry);
    if (i >= 0) added.splice(i, 1);
  };
}

/** PLACES for places: the prefix of PLACES_DB_URL, PLACES_PORT, PLACES_URL. */
export const settingPrefix = (name: string) => name.toUpperCase();

/** Where the subgraph answers on this machine by default (the URL the committed supergraph names). */
export const defaultSubgraphUrl = (entry: SubgraphEntry) => `http://127.0.0.1:${entry.port}/graphql`;

/** Which subgraph owns each entity type, and its key field, over every registered subgraph. */
export function entityOwnersOf(entries: readonly SubgraphEntry[] = subgraphEntries()): Record<string, { peer: string; key: string }> {
  return Object.fromEntries(entries.flatMap((e) => Object.entries(e.owns).map(([type, key]) => [type, { peer: e.name, key }])));
}
