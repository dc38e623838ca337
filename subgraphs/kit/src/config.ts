import { z } from 'zod';
import { keyConfig, keySettings } from './keys';
import { defaultLimits, subgraphLimitsFor, type QueryLimits } from './limits';
import { defaultSubgraphUrl, settingPrefix, subgraphEntries, subgraphEntry } from './registry';

export class ConfigError extends Error {}

/**
 * Parses the environment once, at start-up. A bad value stops the process with a message
 * naming the variable and what it expected.
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** `mysql://user:pass@host:3306/name`; absent means the embedded SQLite file. */
export const dbUrl = z
  .string()
  .regex(/^(mysql|mariadb):\/\/.+\/[A-Za-z0-9_$]+(\?.*)?$/, 'expected mysql://user:pass@host:3306/database')
  .optional();

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/**
 * Limits on one operation (kit limits.ts), set alike on the gateway and every subgraph: a
 * subgraph allows what the gateway allows plus what query planning adds (subgraphLimitsFor).
 */
export const queryLimitSettings = {
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).max(100).default(defaultLimits.depth),
  MAX_QUERY_ALIASES: z.coerce.number().int().min(0).max(10_000).default(defaultLimits.aliases),
  MAX_QUERY_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(defaultLimits.tokens),
  MAX_QUERY_COST: z.coerce.number().int().min(1).max(1e9).default(defaultLimits.cost),
};
export const queryLimitsOf = (e: Record<string, unknown>): QueryLimits => ({
  ...defaultLimits,
  depth: e.MAX_QUERY_DEPTH as number,
  aliases: e.MAX_QUERY_ALIASES as number,
  tokens: e.MAX_QUERY_TOKENS as number,
  cost: e.MAX_QUERY_COST as number,
});

/**
 * Monitoring: METRICS_PORT is where GET /metrics answers, a port of its own on HOST, so that the
 * API's clients never see it (`off`: none); OTEL_EXPORTER_OTLP_ENDPOINT turns tracing on.
 */
export const monitoringSettings = (metricsPort: number) => ({
  METRICS_PORT: z
    .union([z.literal('off'), z.coerce.number().int().min(0).max(65535)])
    .default(metricsPort)
    .transform((v) => (v === 'off' ? null : v)),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
});
export const monitoringOf = (e: Record<string, unknown>) => ({
  metricsPort: e.METRICS_PORT as number | null,
  otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT as string | undefined,
});
/** The default metrics port of a process whose default API port is `port` (gateway 4000: 9400). */
export const defaultMetricsPort = (port: number) => port + 5400;

/** What every process (gateway and subgraphs) reads. */
export const commonEnv = {
  DATA_DIR: z.string().min(1).default('./data'),
  ...keySettings,
  ...queryLimitSettings,
  LOG_LEVEL: logLevel.default('info'),
};

/**
 * `<NAME>_URL` and `<NAME>_DB_URL` for a NAME no subgraph has (GRIDS_URL without a grids
 * subgraph) are errors, not ignored: a typo or a deployment that is out of step with the
 * registry would otherwise run with the default without a word. Only one-word names count,
 * as subgraph names are one word (TEST_MYSQL_URL, GITHUB_SERVER_URL are someone else's), and
 * the one-word URLs that hosts and CI systems set for themselves are left alone.
 */
const FOREIGN_URL_NAMES = new Set(['DATABASE', 'REDIS', 'AMQP', 'MONGO', 'MONGODB', 'ELASTICSEARCH', 'SENTRY', 'BUILD', 'JOB', 'JENKINS', 'RUN', 'GIT', 'NODE', 'NPM', 'PROXY']);

function rejectUnknownSubgraphSettings(env: Record<string, unknown>, ctx: z.RefinementCtx) {
  const known = new Set(subgraphEntries().map((e) => settingPrefix(e.name)));
  for (const key of Object.keys(env)) {
    const name = /^([A-Z][A-Z0-9]*)_(?:DB_)?URL$/.exec(key)?.[1];
    if (name && !known.has(name) && !FOREIGN_URL_NAMES.has(name)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `no subgraph is named ${name.toLowerCase()} (subgraphs/registry.ts has ${[...known].map((k) => k.toLowerCase()).join(', ')})`,
      });
    }
  }
}

/**
 * An environment schema of `shape` that also rejects settings of unknown subgraphs, reported
 * together with any other bad value.
 */
export function settingsOf<T extends z.ZodRawShape>(shape: T) {
  return z.looseObject(shape).superRefine(rejectUnknownSubgraphSettings, { when: () => true });
}

/** `<NAME>_URL` of every registered subgraph: a URL, or absent. */
export function subgraphUrlSettings(): Record<string, z.ZodOptional<z.ZodURL>> {
  return Object.fromEntries(subgraphEntries().map((e) => [`${settingPrefix(e.name)}_URL`, z.url().optional()]));
}

/** The environment of one subgraph: PLACES_DB_URL, PLACES_PORT (default from the registry), every peer's URL, ... */
export function subgraphEnv(name: string) {
  const self = subgraphEntry(name);
  const upper = settingPrefix(name);
  return settingsOf({
    ...commonEnv,
    [`${upper}_DB_URL`]: dbUrl,
    [`${upper}_PORT`]: port(self.port),
    ...monitoringSettings(defaultMetricsPort(self.port)),
    ...subgraphUrlSettings(),
    // A dashboard request sends up to seven statements at once (coverage, activity): the ten
    // connections of before let barely two such requests run at a time.
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(20),
    SQL_DEDUPLICATE: z.enum(['true', 'false']).default('true'),
    DEMO_DATA: z.enum(['true', 'false']).default('false'),
    DEMO_SEED: z.coerce.number().int().default(2023),
    DEMO_SCALE: z.coerce.number().positive().max(100).default(1),
  }).transform((e: Record<string, unknown>) => ({
    dataDir: e.DATA_DIR as string,
    keys: keyConfig(e, name),
    limits: subgraphLimitsFor(queryLimitsOf(e)),
    logLevel: e.LOG_LEVEL as string,
    dbUrl: e[`${upper}_DB_URL`] as string | undefined,
    /** Connections to MySQL/MariaDB this process keeps at most (SQLite has one). */
    dbPoolSize: e.DB_POOL_SIZE as number,
    /** Identical reads in flight share one statement (kit db.ts shareReadsInFlight). */
    shareReads: e.SQL_DEDUPLICATE === 'true',
    port: e[`${upper}_PORT`] as number,
    ...monitoringOf(e),
    /** Where each subgraph answers, for the few checks that must ask the owner: <NAME>_URL or the default. */
    peers: Object.fromEntries(
      subgraphEntries().map((peer) => [peer.name, (e[`${settingPrefix(peer.name)}_URL`] as string | undefined) ?? defaultSubgraphUrl(peer)]),
    ) as Record<string, string>,
    /** Load the shared demo world into an empty database at start-up (npm start sets it). */
    demo: e.DEMO_DATA === 'true' ? { seed: e.DEMO_SEED as number, scale: e.DEMO_SCALE as number } : null,
  }));
}
export type SubgraphConfig = z.infer<ReturnType<typeof subgraphEnv>>;
