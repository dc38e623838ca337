import path from 'node:path';
import {
  createLogger,
  definitionOf,
  subgraphEntries,
  type Clock,
  type Subgraph,
  type SubgraphName,
  type Viewer,
} from '@cadres/kit';
import { buildDemoWorld, type DemoWorld } from '@cadres/demo';
import { createTestSubgraph, testToken, testTrust, type TestDatabaseKind } from '@cadres/kit/src/testing';
import { createGateway, supergraphPath, type Gateway, type GatewayOptions } from '@cadres/gateway';
import { startFaultyProxy, type FaultyProxy } from './faulty-proxy';

export interface RunningSupergraph {
  url: string;
  /** Every registered subgraph by name (one registered in-process too). */
  subgraphs: Record<SubgraphName, Subgraph & { url: string }> & Record<string, Subgraph & { url: string }>;
  gateway: Gateway;
  /** With `faults: true`: the proxy between the gateway and each subgraph, to stop or hang it. */
  faults: Record<SubgraphName, FaultyProxy> & Record<string, FaultyProxy>;
  world: DemoWorld;
  token(viewer?: Partial<Viewer>): Promise<string>;
  /** POSTs one operation to the gateway; returns the parsed body and the HTTP status. */
  request(query: string, variables?: Record<string, unknown>, opts?: { token?: string | null }): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/**
 * The whole federation in-process, on port 0: every registered subgraph (subgraphs/registry.ts)
 * on a fresh database of `db`'s kind, seeded with the demo world, and the gateway serving the
 * committed supergraph (or `supergraph`) with the subgraph URLs overridden.
 */
export async function startSupergraph(
  db: TestDatabaseKind,
  opts: { now?: Clock; seed?: boolean; scale?: number; supergraph?: string; faults?: boolean; gateway?: Partial<GatewayOptions> } = {},
): Promise<RunningSupergraph> {
  const world = buildDemoWorld({ seed: 2023, scale: opts.scale ?? 1 });
  const peers: Record<string, string> = {};
  const subgraphs = {} as RunningSupergraph['subgraphs'];
  const faults = {} as RunningSupergraph['faults'];
  const started: Subgraph[] = [];
  let gateway: Gateway | undefined;
  const stopAll = async () => {
    await gateway?.stop();
    for (const proxy of Object.values(faults)) await proxy.close();
    for (const s of started) await s.stop();
  };
  let url: string;
  try {
    for (const entry of subgraphEntries()) {
      const def = definitionOf(entry);
      // With a fixed clock the seeds are anchored to it too (project plans, issue ages), so that
      // lights and "this year" are deterministic; without one they use the real time.
      // A test that raises the gateway's limits raises the subgraphs' with them, as a deployment would.
      const subgraph = await createTestSubgraph(def, db, { now: opts.now, peers, limits: opts.gateway?.limits });
      started.push(subgraph);
      if (opts.seed !== false) await subgraph.seed(world);
      peers[def.name] = (await subgraph.listen(0)).url;
      subgraphs[def.name] = Object.assign(subgraph, { url: peers[def.name] });
    }
    // The subgraphs still ask each other directly: only the gateway's fetches go through a proxy.
    if (opts.faults) for (const name of Object.keys(subgraphs)) faults[name] = await startFaultyProxy(peers[name]);
    gateway = await createGateway({
      supergraphPath: opts.supergraph ?? supergraphPath,
      subgraphUrls: opts.faults ? Object.fromEntries(Object.entries(faults).map(([name, proxy]) => [name, proxy.url])) : peers,
      trust: await testTrust('gateway'),
      log: createLogger('gateway', 'silent'),
      // Tests send requests back to back under one token; the limiter has its own test.
      rateLimit: { perSecond: 0, burst: 1 },
      ...opts.gateway,
    });
    url = (await gateway.listen(0)).url;
  } catch (e) {
    // A start that fails halfway (a seed, a port) leaves nothing listening to hold jest open.
    await stopAll();
    throw e;
  }
  const adminToken = await testToken({ sub: 'e2e-admin', role: 'ADMIN', scope: null });

  return {
    url,
    subgraphs,
    gateway: gateway!,
    faults,
    world,
    token: (viewer = {}) => testToken({ sub: 'e2e', role: 'ADMIN', scope: null, ...viewer }),
    async request(query, variables = {}, { token = adminToken } = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: await res.json() };
    },
    stop: stopAll,
  };
}

export const repoFile = (...parts: string[]) => path.join(__dirname, '..', '..', ...parts);
