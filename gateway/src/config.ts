import path from 'node:path';
import { z } from 'zod';
import { commonEnv, defaultMetricsPort, keyConfig, monitoringOf, monitoringSettings, parseConfig, queryLimitsOf, port, repoRoot, settingPrefix, settingsOf, subgraphEntries, subgraphUrlSettings } from '@cadres/kit';

/** Built when parsed, so that it covers every subgraph registered by then. */
const gatewayEnv = () =>
  settingsOf({
    ...commonEnv,
    GATEWAY_PORT: port(4000),
    ...monitoringSettings(defaultMetricsPort(4000)),
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
    /** Identical reads in flight for the same caller share one subgraph fetch; `false` turns it off. */
    SUBGRAPH_DEDUPLICATE: z.enum(['true', 'false']).default('true'),
    /** Largest request body (the query and its variables) and largest answer, in bytes. */
    MAX_REQUEST_BYTES: z.coerce.number().int().min(1024).max(64 << 20).default(256 << 10),
    MAX_RESPONSE_BYTES: z.coerce.number().int().min(1024).max(1 << 30).default(64 << 20),
    /** Requests per second per caller (the token's sub), and the burst it may spend at once; 0 turns it off. */
    RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).max(1e6).default(50),
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1e6).default(200),
    /** Browser origins allowed to call the API, comma-separated, or * for any. */
    CORS_ORIGINS: z.string().default('*'),
    /** Gateway processes sharing the port (node:cluster); it holds no state, so one per core scales. */
    GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    /** <NAME>_URL per registered subgraph: where the gateway finds it, instead of the supergraph's URL. */
    ...subgraphUrlSettings(),
  })
    .transform((e) => ({
      dataDir: e.DATA_DIR,
      keys: keyConfig(e, 'gateway'),
      logLevel: e.LOG_LEVEL,
      port: e.GATEWAY_PORT,
      ...monitoringOf(e),
      supergraphPath: e.SUPERGRAPH_PATH,
      maxSockets: e.SUBGRAPH_MAX_SOCKETS,
      subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
      breakerFailures: e.SUBGRAPH_BREAKER_FAILURES,
      breakerCooldownMs: e.SUBGRAPH_BREAKER_COOLDOWN_MS,
      deduplicate: e.SUBGRAPH_DEDUPLICATE === 'true',
      limits: queryLimitsOf(e),
      http: { maxBodyBytes: e.MAX_REQUEST_BYTES, maxResponseBytes: e.MAX_RESPONSE_BYTES },
      rateLimit: { perSecond: e.RATE_LIMIT_PER_SECOND, burst: e.RATE_LIMIT_BURST },
      workers: e.GATEWAY_WORKERS,
      corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
      /** Subgraph URL overrides by name; the supergraph's own URLs otherwise. */
      subgraphUrls: Object.fromEntries(
        subgraphEntries()
          .map(({ name }) => [name, e[`${settingPrefix(name)}_URL`] as string | undefined] as const)
          .filter(([, url]) => url),
      ) as Partial<Record<string, string>>,
    }));

export type GatewayConfig = z.infer<ReturnType<typeof gatewayEnv>>;
export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env): GatewayConfig => parseConfig(gatewayEnv(), env);
