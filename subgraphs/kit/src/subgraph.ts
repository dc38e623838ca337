import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type DocumentNode } from 'graphql';
import type { DataSource, MixedList } from 'typeorm';
import type { z } from 'zod';
import { CREDENTIAL_HEADER, type Trust, type Viewer } from './auth';
import { parseConfig } from './config';
import { openDatabase, requestStats, type RequestStats } from './db';
// Types only: kit itself never loads the demo package (run.ts imports it when DEMO_DATA asks).
import type { DemoWorld } from '@cadres/demo';
import { AppError, maskUnexpectedErrors } from './errors';
import { createHttpServer, HttpError, listen, requestUrl, sendJson, serveGraphQL, type Listening } from './http';
import { apolloLimits, subgraphLimits, type QueryLimits } from './limits';
import { LoaderCache } from './loaders';
import { observingPlugin, RequestMetrics, watchPool, type Observed } from './metrics';
import { createLogger, type Logger } from './logger';
import { subgraphEntry, type SubgraphEntry } from './registry';
import { scalarResolvers } from './scalars';
import { observeRequest } from './tracing';

/** The clock every rule that depends on "now" reads, so that tests can fix it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** What every resolver of every subgraph receives. */
export interface SubgraphContext {
  viewer: Viewer;
  requestId: string;
  log: Logger;
  ds: DataSource;
  loaders: LoaderCache;
  now: Clock;
  /** The caller's Authorization header, to forward when this subgraph asks a peer subgraph. */
  authorization?: string;
  /** GraphQL URLs of the other subgraphs by name (for the rare checks that must ask the owner). */
  peers: Readonly<Record<string, string>>;
  /** Aborted when the caller has gone (the gateway gave up) or the request ran out of time. */
  signal?: AbortSignal;
  /** The service whose credential the request carried: `gateway`, or the peer subgraph asking. */
  caller: string;
  /** Signs this request's credential for a peer it asks (`payload`: the body it sends). */
  credential(peer: string, payload: string): Promise<string>;
}

/**
 * A subgraph's resolver map. Each subgraph types its own with the `Resolvers` generated from its
 * SDL (subgraphs/<name>/src/generated/graphql.ts, `npm run codegen`), which checks every type,
 * field, argument, parent and result against the schema; kit only needs a map of type names to
 * resolvers, whichever subgraph's it is.
 */
export type Resolvers = Readonly<Record<string, object | undefined>>;

/**
 * The one place a subgraph's generated resolver types meet @apollo/subgraph's loose
 * `GraphQLResolverMap`, which `buildSubgraphSchema` asks for. That map types every resolver as
 * `(source, args, context, info)` over `any`, so it cannot express what the generated types say
 * (`__resolveReference(reference, context, info)`, `__resolveType(value, context, info)`, each
 * field's own parent and arguments) and nothing generated is assignable to it as such. The
 * resolvers have been checked against the SDL where they are written; here they are only handed on.
 */
const asResolverMap = (resolvers: Resolvers) => resolvers as GraphQLResolverMap<SubgraphContext>;

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Where a registered subgraph's SDL is: schema.graphql in its own folder. */
export const sdlPath = (entry: SubgraphEntry) => path.join(repoRoot, entry.folder, 'schema.graphql');

/** The SDL of the registered subgraph `name` (its folder's schema.graphql): the source of truth. */
export function loadSdl(name: string): DocumentNode {
  return parse(readFileSync(sdlPath(subgraphEntry(name)), 'utf8'));
}

/**
 * A subgraph as its package defines it (`defineSubgraph`, exported as `subgraph` from its
 * src/index.ts); kit builds it (createSubgraph), runs it (runSubgraph), and the harness and
 * `npm start` find it through the registry. `C` is its own settings, once parsed.
 */
export interface SubgraphDefinition<C = unknown> {
  name: string;
  typeDefs: DocumentNode;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
  /**
   * Its own settings from the environment (PEOPLE_VISIT_QUOTA, ISSUES_…), parsed when the
   * subgraph is built, never when its modules load; a bad value stops start-up naming it.
   */
  settings: z.ZodType<C>;
  /** Its resolvers, for its settings. */
  resolvers(config: C): Resolvers;
  /**
   * Loads the demo world into an empty database, anchored to the subgraph's clock; false, and
   * nothing written, when the database already has its data.
   */
  seed?(subgraph: Subgraph<C>, world: DemoWorld): Promise<boolean>;
  /** Background work while it serves (the issues sweep); returns how to stop it. */
  started?(subgraph: Subgraph<C>): () => void;
}

/** A subgraph's definition, its SDL read from its folder (the registry says which). */
export function defineSubgraph<C>(def: Omit<SubgraphDefinition<C>, 'typeDefs'>): SubgraphDefinition<C> {
  return { ...def, typeDefs: loadSdl(def.name) };
}

/** The definition a registered subgraph's package exports as `subgraph` (its folder's package.json main). */
export function definitionOf(entry: SubgraphEntry): SubgraphDefinition {
  // Loaded by path, not package name: a subgraph needs no npm install to be found.
  const { subgraph } = require(path.join(repoRoot, entry.folder)) as { subgraph?: SubgraphDefinition };
  if (subgraph?.name !== entry.name) throw new Error(`${entry.folder} does not export the definition of ${entry.name} as \`subgraph\``);
  return subgraph;
}

export interface SubgraphOptions<C = unknown> {
  /** mysql://… or undefined for the embedded SQLite file under dataDir (`:memory:` in tests). */
  dbUrl?: string;
  /** For mysql:// URLs: the most connections open at once (DB_POOL_SIZE). */
  dbPoolSize?: number;
  /** For mysql:// URLs: identical reads in flight share one statement (SQL_DEDUPLICATE); on unless false. */
  shareReads?: boolean;
  dataDir: string;
  /** Verifies callers' tokens and the service credential every request must carry, and signs this subgraph's own. */
  trust: Trust;
  log?: Logger;
  now?: Clock;
  /** An open DataSource to use instead of opening one (tests share one per file). */
  dataSource?: DataSource;
  /** GraphQL URLs of the other subgraphs by name: places, people, enterprises, issues. */
  peers?: Record<string, string>;
  /** Longest a request may run before its remaining fields fail (default 30 s). */
  requestTimeoutMs?: number;
  /** Limits on one operation (kit limits: subgraphLimits unless told otherwise); raise them with the gateway's. */
  limits?: Partial<QueryLimits>;
  /** Its own settings (tests try other rules); parsed from the environment when absent. */
  config?: C;
}

export interface Subgraph<C = unknown> {
  name: string;
  ds: DataSource;
  log: Logger;
  /** Its own settings, as parsed at start-up. */
  config: C;
  /** Its clock (fixed in tests): seeds and background work read it too. */
  now: Clock;
  /** Loads the demo world into an empty database (the definition's seed); false when it wrote nothing. */
  seed(world: DemoWorld): Promise<boolean>;
  server: ApolloServer<SubgraphContext>;
  /** A fresh per-request context for `viewer` (what the HTTP layer builds after verifying the token). */
  context(viewer: Viewer, requestId?: string, authorization?: string, signal?: AbortSignal, caller?: string): SubgraphContext;
  /** Starts serving on `port` (0 = any free port). */
  listen(port: number, host?: string): Promise<Listening>;
  /** Stops Apollo and closes the database (if it opened it). */
  stop(): Promise<void>;
}

/**
 * Fails every field still to be resolved once the request's signal is aborted, so that a query
 * the gateway gave up on starts no more loads (each level of a query is a new batch of SQL).
 */
const stopAbandonedWork: ApolloServerPlugin<SubgraphContext> = {
  async requestDidStart() {
    return {
      async executionDidStart() {
        return {
          willResolveField({ contextValue }) {
            if (contextValue.signal?.aborted) throw new AppError('SERVICE_UNAVAILABLE', 'The request was given up or ran out of time');
          },
        };
      },
    };
  },
};

/**
 * A peer subgraph asks only to check a write of the caller's (does this household exist, where
 * is it, who is linked to it) and applies its own rules to the answer: it is answered as an
 * ANALYST of the caller's scope would be (read-only, personal data masked), whatever the
 * caller's role, so that a hotline (PARTNER) may report on a household it cannot list.
 */
const asPeerQuestion = (viewer: Viewer): Viewer => ({ ...viewer, role: 'ANALYST' });

/** Whether the database answers a trivial query within `ms` (a dead server may take its connect timeout). */
async function databaseAnswers(ds: DataSource, ms = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([ds.query('SELECT 1').then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Builds a subgraph: database (migrated), schema, Apollo server. Does not listen. */
export async function createSubgraph<C>(def: SubgraphDefinition<C>, opts: SubgraphOptions<C>): Promise<Subgraph<C>> {
  const log = opts.log ?? createLogger(def.name);
  const config = opts.config ?? parseConfig(def.settings);
  const resolvers = def.resolvers(config);
  const ds =
    opts.dataSource ??
    (await openDatabase({ url: opts.dbUrl, poolSize: opts.dbPoolSize, shareReads: opts.shareReads, dataDir: opts.dataDir, name: def.name, entities: def.entities, migrations: def.migrations, log }));
  const now = opts.now ?? systemClock;
  const schema = buildSubgraphSchema([{ typeDefs: def.typeDefs, resolvers: asResolverMap({ ...scalarResolvers, ...resolvers }) }]);
  const limits = apolloLimits<SubgraphContext>({ ...subgraphLimits, ...opts.limits }, maskUnexpectedErrors(log, def.name));
  const server = new ApolloServer<SubgraphContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    formatError: limits.formatError,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      stopAbandonedWork,
      limits.plugin,
      // The request's operation and outcome, for the metrics (kept in its RequestStats).
      observingPlugin<SubgraphContext>(() => requestStats.getStore() as Observed | undefined),
    ],
  });
  await server.start();
  const metrics = new RequestMetrics(def.name);
  const unwatchPool = watchPool(def.name, ds);

  const peers = opts.peers ?? {};
  const context = (viewer: Viewer, requestId: string = randomUUID(), authorization?: string, signal?: AbortSignal, caller = 'gateway'): SubgraphContext => ({
    viewer,
    requestId,
    log: log.child({ requestId }),
    ds,
    loaders: new LoaderCache(),
    now,
    authorization,
    peers,
    signal,
    caller,
    credential: (peer, payload) => opts.trust.credentials.sign(peer, payload, authorization),
  });

  const httpServer = createHttpServer(async (req, res) => {
    const url = requestUrl(req);
    if (url.pathname === '/health') {
      const database = await databaseAnswers(ds);
      return sendJson(res, database ? 200 : 503, { status: database ? 'ok' : 'database unavailable', subgraph: def.name });
    }
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'not found' });
    const started = process.hrtime.bigint();
    const stats: RequestStats & Observed = { sql: 0 };
    const requestId = String(req.headers['x-request-id'] ?? randomUUID());
    try {
      // The gateway's fetch span is the parent: its traceparent came with the request.
      await observeRequest(metrics, { name: `${def.name} POST /graphql`, service: def.name, requestId, headers: req.headers }, stats, started, () =>
        serveRequest(req, res, stats, started, requestId),
      );
    } finally {
      metrics.recordSql(stats.sql, stats.sqlMs ?? 0);
    }
  }, log);

  /** One /graphql request: token, credential, Apollo, the request's log line. */
  async function serveRequest(req: IncomingMessage, res: ServerResponse, stats: RequestStats, started: bigint, requestId: string) {
    // Work nobody waits for any more stops: the caller hung up, or the request ran out of time.
    const abandoned = new AbortController();
    const timeoutMs = opts.requestTimeoutMs ?? 30_000;
    const deadline = setTimeout(() => abandoned.abort(), timeoutMs);
    if (timeoutMs <= 0) abandoned.abort();
    res.once('close', () => res.writableFinished || abandoned.abort());
    const authorization = req.headers.authorization;
    let viewer: Viewer;
    try {
      // Checked before the body is read, as at the gateway: a stranger costs a header parse.
      viewer = await opts.trust.verifyToken(authorization);
    } catch (e) {
      clearTimeout(deadline);
      throw new HttpError(401, (e as Error).message, 'UNAUTHENTICATED');
    }
    let caller = '';
    const fromService = async (payload: string) => {
      try {
        caller = await opts.trust.credentials.verify(req.headers[CREDENTIAL_HEADER] as string | undefined, payload, authorization);
      } catch (e) {
        throw new HttpError(401, (e as Error).message, 'UNAUTHENTICATED');
      }
    };
    const { status, body } = await requestStats
      .run(stats, () =>
        serveGraphQL(server, req, res, async () => context(caller === 'gateway' ? viewer : asPeerQuestion(viewer), requestId, authorization, abandoned.signal, caller), undefined, fromService),
      )
      .finally(() => clearTimeout(deadline));
    log.info(
      {
        operation: (body as { operationName?: string } | undefined)?.operationName ?? null,
        status,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        sql: stats.sql,
        ...(stats.sqlShared ? { sqlShared: stats.sqlShared } : {}),
        requestId,
        caller: caller || null,
      },
      'request',
    );
  }

  let listening: Listening | undefined;
  const subgraph: Subgraph<C> = {
    name: def.name,
    ds,
    log,
    config,
    now,
    seed: (world) => (def.seed ? def.seed(subgraph, world) : Promise.resolve(false)),
    server,
    context,
    async listen(port, host) {
      listening = await listen(httpServer, port, host);
      log.info({ url: listening.url }, `${def.name} subgraph listening`);
      return listening;
    },
    async stop() {
      await listening?.close();
      await server.stop();
      unwatchPool();
      if (!opts.dataSource && ds.isInitialized) await ds.destroy();
    },
  };
  return subgraph;
}
