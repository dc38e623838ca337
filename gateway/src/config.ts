import path from 'node:path';
import { z } from 'zod';
import { commonEnv, parseConfig, port, repoRoot } from '@cadres/kit';
import { subgraphList, type SubgraphName } from './subgraphs';

const gatewayEnv = z
  .object({
    ...commonEnv,
    GATEWAY_PORT: port(4000),
    /** The composed supergraph the gateway serves (and watches for changes). */
    SUPERGRAPH_PATH: z.string().default(path.join(repoRoot, 'schema', 'supergraph.graphql')),
    /** Sockets per subgraph in the keep-alive pool. */
    SUBGRAPH_MAX_SOCKETS: z.coerce.number().int().min(1).max(1024).default(64),
    /** How long the gateway waits for a subgraph's answer. */
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    /** Failed requests in a row after which the gateway stops asking a subgraph for a while. */
    SUBGRAPH_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1_000_000).default(5),
    /** How long it then answers for that subgraph at once, before it lets one request through to try. */
    SUBGRAPH_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    /** Deepest selection a query may have; protects the subgraphs from pathological queries. */
    MAX_QUERY_DEPTH: z.coerce.number().int().min(1).max(100).default(12),
    /** Browser origins allowed to call the API, comma-separated, or * for any. */
    CORS_ORIGINS: z.string().default('*'),
    /** Gateway processes sharing the port (node:cluster); it holds no state, so one per core scales. */
    GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    PLACES_URL: z.url().optional(),
    PEOPLE_URL: z.url().optional(),
    ENTERPRISES_URL: z.url().optional(),
    ISSUES_URL: z.url().optional(),
  })
  .transform((e) => ({
    dataDir: e.DATA_DIR,
    authSecret: e.AUTH_SECRET,
    logLevel: e.LOG_LEVEL,
    port: e.GATEWAY_PORT,
    supergraphPath: e.SUPERGRAPH_PATH,
    maxSockets: e.SUBGRAPH_MAX_SOCKETS,
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    breakerFailures: e.SUBGRAPH_BREAKER_FAILURES,
    breakerCooldownMs: e.SUBGRAPH_BREAKER_COOLDOWN_MS,
    maxQueryDepth: e.MAX_QUERY_DEPTH,
    workers: e.GATEWAY_WORKERS,
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    /** Subgraph URL overrides by name; the supergraph's own URLs otherwise. */
    subgraphUrls: Object.fromEntries(
      subgraphList
        .map(({ name }) => [name, e[`${name.toUpperCase()}_URL` as 'PLACES_URL']] as const)
        .filter(([, url]) => url),
    ) as Partial<Record<SubgraphName, string>>,
  }));

export type GatewayConfig = z.infer<typeof gatewayEnv>;
export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env) => parseConfig(gatewayEnv, env);
