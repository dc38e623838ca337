import http from 'node:http';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import client, { AggregatorRegistry, Counter, Gauge, Histogram, register } from 'prom-client';
import type { DataSource } from 'typeorm';
import { listen, sendJson, type Listening } from './http';
import type { Logger } from './logger';

/**
 * Prometheus metrics of this process, in prom-client's global registry: one registry per process
 * (so that node:cluster's primary can aggregate its workers'), every series labelled by `service`
 * (gateway, places, …), which also keeps processes that share one (tests) apart.
 *
 * Label values stay bounded: an operation name is a client's string, so only the first
 * MAX_OPERATIONS distinct names (of at most 100 characters) get their own series, later ones count
 * as `(other)`; an outcome is `ok` or an error code (our codes, or `(other)` for anything unlike one).
 */
export const metricsRegistry = register;
const MAX_OPERATIONS = 200;

let defaultsCollected = false;
/** Node's process metrics (CPU, memory, event loop lag, GC), started once per process when metrics are served. */
function collectDefaults() {
  if (defaultsCollected) return;
  defaultsCollected = true;
  client.collectDefaultMetrics({ register });
}

const requests = new Counter({
  name: 'graphql_requests_total',
  help: 'GraphQL requests by operation name and outcome (ok, or the first error code)',
  labelNames: ['service', 'operation', 'outcome'] as const,
});
const requestSeconds = new Histogram({
  name: 'graphql_request_duration_seconds',
  help: 'Time from the request to its answer, by operation name',
  labelNames: ['service', 'operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
});
const fetchSeconds = new Histogram({
  name: 'gateway_subgraph_fetch_duration_seconds',
  help: 'Gateway: one HTTP fetch from a subgraph (each attempt), until its answer is read',
  labelNames: ['subgraph'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
});
const fetchErrors = new Counter({
  name: 'gateway_subgraph_fetch_errors_total',
  help: 'Gateway: subgraph fetches whose fields failed SERVICE_UNAVAILABLE, by kind (connect, timeout, status, breaker)',
  labelNames: ['subgraph', 'kind'] as const,
});
const sqlStatements = new Histogram({
  name: 'subgraph_request_sql_statements',
  help: 'Subgraph: SQL statements one request sent',
  labelNames: ['service'] as const,
  buckets: [0, 1, 2, 3, 5, 8, 13, 20, 50, 100, 200, 500],
});
const sqlSeconds = new Histogram({
  name: 'subgraph_request_sql_seconds',
  help: "Subgraph: time one request's SQL statements took (as TypeORM measures them: whole milliseconds)",
  labelNames: ['service'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

/** The databases whose pools the gauges below report, by subgraph. */
const pools = new Map<string, DataSource>();
interface MysqlPool {
  config?: { connectionLimit?: number };
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}
/** mysql2's pool (TypeORM's MysqlDriver.pool), or undefined for SQLite. Its counts are private fields, read defensively. */
const mysqlPool = (ds: DataSource): MysqlPool | undefined => (ds.driver as unknown as { pool?: MysqlPool }).pool;

new Gauge({
  name: 'db_pool_size',
  help: 'Subgraph: most connections the pool opens (SQLite: 1, its one connection)',
  labelNames: ['service'] as const,
  collect() {
    this.reset();
    for (const [service, ds] of pools) this.set({ service }, mysqlPool(ds)?.config?.connectionLimit ?? 1);
  },
});
new Gauge({
  name: 'db_pool_connections',
  help: 'Subgraph: open connections, by state (in_use, idle); SQLite reports its one connection as in_use while open',
  labelNames: ['service', 'state'] as const,
  collect() {
    this.reset();
    for (const [service, ds] of pools) {
      const pool = mysqlPool(ds);
      const all = pool ? (pool._allConnections?.length ?? 0) : ds.isInitialized ? 1 : 0;
      const idle = pool?._freeConnections?.length ?? 0;
      this.set({ service, state: 'in_use' }, all - idle);
      this.set({ service, state: 'idle' }, idle);
    }
  },
});
new Gauge({
  name: 'db_pool_waiting',
  help: 'Subgraph: statements waiting for a free connection (SQLite: always 0, its driver is synchronous)',
  labelNames: ['service'] as const,
  collect() {
    this.reset();
    for (const [service, ds] of pools) this.set({ service }, mysqlPool(ds)?._connectionQueue?.length ?? 0);
  },
});

/** Reports `ds`'s pool as `service`'s until the returned function is called. */
export function watchPool(service: string, ds: DataSource): () => void {
  pools.set(service, ds);
  return () => {
    if (pools.get(service) === ds) pools.delete(service);
  };
}

const operations = new Set<string>();
/** A bounded label for an operation name (null: anonymous, or refused before one was known). */
function operationLabel(name: string | null | undefined): string {
  if (!name) return '(anonymous)';
  if (operations.has(name)) return name;
  if (name.length > 100 || operations.size >= MAX_OPERATIONS) return '(other)';
  operations.add(name);
  return name;
}
const outcomeLabel = (code: string | undefined) => (!code ? 'ok' : /^[A-Z][A-Z0-9_]{0,39}$/.test(code) ? code : '(other)');

/**
 * What one request turned out to be, filled in as it is served (the Apollo plugin below sets
 * both; the HTTP layer sets `outcome` for refusals Apollo never saw).
 */
export interface Observed {
  operation?: string | null;
  outcome?: string;
}

/** Records each finished request of one service; the children are cached, so a request costs two label lookups. */
export class RequestMetrics {
  private readonly timers = new Map<string, client.Histogram.Internal<'service' | 'operation'>>();
  private readonly counters = new Map<string, client.Counter.Internal>();
  private readonly sqlCount: client.Histogram.Internal<'service'>;
  private readonly sqlTime: client.Histogram.Internal<'service'>;
  constructor(readonly service: string) {
    this.sqlCount = sqlStatements.labels(service);
    this.sqlTime = sqlSeconds.labels(service);
  }

  record(observed: Observed, seconds: number) {
    const operation = operationLabel(observed.operation);
    const outcome = outcomeLabel(observed.outcome);
    let timer = this.timers.get(operation);
    if (!timer) this.timers.set(operation, (timer = requestSeconds.labels(this.service, operation)));
    timer.observe(seconds);
    const key = `${operation}\n${outcome}`;
    let counter = this.counters.get(key);
    if (!counter) this.counters.set(key, (counter = requests.labels(this.service, operation, outcome)));
    counter.inc();
  }

  /** A subgraph request's SQL: how many statements, and how long they took. */
  recordSql(statements: number, ms: number) {
    this.sqlCount.observe(statements);
    this.sqlTime.observe(ms / 1000);
  }
}

/** Gateway: one subgraph fetch (each attempt) and the fetches that failed their fields. */
export const subgraphFetchMetrics = {
  observe: (subgraph: string, seconds: number) => fetchSeconds.labels(subgraph).observe(seconds),
  failed: (subgraph: string, kind: 'connect' | 'timeout' | 'status' | 'breaker') => fetchErrors.labels(subgraph, kind).inc(),
};

/**
 * Fills in the `Observed` of each request (`observedOf` finds it in the context): the operation
 * Apollo resolved (never the raw query) and the first error's code.
 */
export function observingPlugin<C extends BaseContext>(observedOf: (context: C) => Observed | undefined): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc: GraphQLRequestContextWillSendResponse<C>) {
          const observed = observedOf(rc.contextValue);
          if (!observed) return;
          observed.operation = rc.operationName;
          const body = rc.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : rc.errors;
          const code = errors?.[0]?.extensions?.code;
          observed.outcome = errors?.length ? (typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR') : undefined;
        },
      };
    },
  };
}

/**
 * serveMetrics for a process's main: a metrics port that cannot be had (taken) is logged, not
 * fatal, as the API matters more than its metrics; the scraper's `up == 0` shows the gap.
 */
export async function startMetrics(port: number | null, host: string, log: Logger, opts: { cluster?: boolean } = {}): Promise<Listening | undefined> {
  if (port === null) return undefined;
  try {
    return await serveMetrics(port, host, log, opts);
  } catch (e) {
    log.error({ err: e, port }, 'metrics not served: METRICS_PORT cannot be listened on');
    return undefined;
  }
}

/** In a node:cluster worker: answers the primary's requests for this worker's metrics (prom-client listens once an aggregator exists). */
export function answerClusterScrapes(): void {
  collectDefaults();
  new AggregatorRegistry();
}

/**
 * Serves GET /metrics on its own port, bound to `host`, apart from the API: the metrics are for
 * the operator's scraper, not for the API's clients. In a node:cluster primary the answer adds
 * up every worker's metrics.
 */
export async function serveMetrics(port: number, host: string, log?: Logger, opts: { cluster?: boolean } = {}): Promise<Listening> {
  collectDefaults();
  const aggregator = opts.cluster ? new AggregatorRegistry() : undefined;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') return sendJson(res, 404, { error: 'not found' });
    (aggregator ? aggregator.clusterMetrics() : register.metrics()).then(
      (text) => {
        res.setHeader('content-type', register.contentType);
        res.end(text);
      },
      (e: unknown) => {
        log?.error({ err: e }, 'metrics failed');
        sendJson(res, 500, { error: 'metrics failed' });
      },
    );
  });
  const listening = await listen(server, port, host, '/metrics');
  log?.info({ url: listening.url }, 'metrics listening');
  return listening;
}
