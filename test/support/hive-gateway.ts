import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { CREDENTIAL_HEADER, type Trust } from '@cadres/kit';

export interface HiveGateway {
  url: string;
  /** POSTs one operation; returns the parsed body and the HTTP status (like RunningSupergraph.request). */
  request(query: string, variables: Record<string, unknown>, token: string): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/**
 * Hive Gateway (@graphql-hive/gateway-runtime, The Guild's Federation 2 gateway) serving the
 * supergraph at `supergraphPath`, each subgraph at `subgraphUrls[name]` instead of its
 * join__graph url. Like our gateway, it forwards the caller's Authorization to every subgraph
 * (Hive's propagateHeaders, so that its in-flight deduplication of subgraph fetches keys on it,
 * as ours does: two callers never share a fetch) and signs each subgraph request's
 * x-service-credential with `trust` (audience: the subgraph; the hash of the body as sent; the
 * hash of the Authorization header as sent). It checks no token of its own: the subgraphs do.
 * `plugins` run before the signing one (to watch the subgraph requests).
 */
export async function startHiveGateway(opts: {
  supergraphPath: string;
  subgraphUrls: Record<string, string>;
  trust: Trust;
  plugins?: GatewayPlugin[];
  /** Where it listens (default: a free port on 127.0.0.1); bench/hive-gateway.ts gives one. */
  port?: number;
  host?: string;
}): Promise<HiveGateway> {
  // Hive's logger refuses to be made (each child of it, at each request) while LOG_LEVEL holds a
  // level it does not know, such as the tests' "silent" (pino's); "error" is a level of both.
  const logLevel = process.env.LOG_LEVEL;
  if (logLevel && !['trace', 'debug', 'info', 'warn', 'error', 'false'].includes(logLevel)) process.env.LOG_LEVEL = 'error';
  const supergraph = await readFile(opts.supergraphPath, 'utf8');
  const byUrl = new Map(Object.entries(opts.subgraphUrls).map(([name, url]) => [url, name]));

  // The last plugin's onFetch sees the request as it will be sent: the final URL, body and headers
  // (the Authorization propagateHeaders put there, before Hive keyed the fetch for deduplication).
  const signing: GatewayPlugin = {
    onFetch({ url, options, setOptions }) {
      const target = new URL(url);
      const subgraph = byUrl.get(`${target.origin}${target.pathname}`);
      if (!subgraph) return;
      if (options.body !== undefined && typeof options.body !== 'string') throw new Error(`Hive Gateway sent ${subgraph} a body that is not a string`);
      const payload = options.body ?? target.search;
      const sent = Object.entries(options.headers ?? {}).filter(([name]) => name.toLowerCase() === 'authorization');
      if (sent.length > 1) throw new Error(`Hive Gateway sent ${subgraph} ${sent.length} Authorization headers`);
      const authorization = sent[0]?.[1];
      return opts.trust.credentials.sign(subgraph, payload, authorization).then((credential) => {
        setOptions({ ...options, headers: { ...options.headers, [CREDENTIAL_HEADER]: credential } });
      });
    },
  };

  const runtime = createGatewayRuntime({
    supergraph,
    transportEntries: Object.fromEntries(Object.entries(opts.subgraphUrls).map(([name, location]) => [name, { location }])),
    // The caller's Authorization on every subgraph request, set before Hive dedupes the fetch.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
    },
    plugins: () => [...(opts.plugins ?? []), signing],
    logging: false,
    landingPage: false,
    graphiql: false,
  });
  const server: Server = createServer(runtime);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve));
  const url = `http://${host}:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    async request(query, variables, token) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: await res.json() };
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
      process.env.LOG_LEVEL = logLevel;
    },
  };
}
