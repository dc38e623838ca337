import { randomUUID } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import fetch, { Response } from 'node-fetch';
import { getOperationAST, GraphQLError, GraphQLScalarType, parse, valueFromASTUntyped, type GraphQLSchema } from 'graphql';
import {
  createHttpServer,
  requestUrl,
  DateScalar,
  defaultHttpLimits,
  DateTimeScalar,
  createLogger,
  listen,
  subgraphEntries,
  maskUnexpectedErrors,
  sendJson,
  serveGraphQL,
  CREDENTIAL_HEADER,
  injectTraceContext,
  observeRequest,
  observingPlugin,
  RequestMetrics,
  subgraphFetchMetrics,
  type HttpLimits,
  type Observed,
  type Trust,
  type Listening,
  type Logger,
  type Viewer,
} from '@cadres/kit';
import { apolloLimits, defaultLimits, type QueryLimits } from './limits';
import { RateLimiter } from './rate-limit';
import { CircuitBreaker, failedFieldErrors } from './resilience';
import { serveGraphiqlAsset, serveGraphiqlPage } from './graphiql';

export interface GatewayContext {
  viewer: Viewer;
  requestId: string;
  authorization: string;
  /** The request's operation and outcome, for the metrics. */
  observed?: Observed;
}

export interface GatewayOptions {
  supergraphPath: string;
  /** Per-subgraph URL overrides (tests, deployments); otherwise the supergraph's URLs. */
  subgraphUrls?: Partial<Record<string, string>>;
  /** The subgraphs /ready waits for: every registered one (subgraphs/registry.ts) unless told otherwise. */
  subgraphs?: readonly string[];
  /** Verifies callers' tokens (public keys only) and signs the credential each subgraph request carries. */
  trust: Trust;
  log?: Logger;
  maxSockets?: number;
  /** A subgraph that has not answered by then fails its part of the request. */
  subgraphTimeoutMs?: number;
  /** Limits on one operation (depth, aliases, cost, …); the defaults pass every dashboard of the contract. */
  limits?: Partial<QueryLimits>;
  /** Largest request and response bodies, and how long a body may take to arrive. */
  http?: Partial<HttpLimits>;
  /** Requests per second per caller (token `sub`), with bursts up to `burst`; 0 turns it off. */
  rateLimit?: { perSecond: number; burst: number };
  /** Identical reads in flight for the same caller share one subgraph fetch (default on). */
  deduplicate?: boolean;
  /** Failed fetches in a row after which a subgraph is not asked for `breakerCooldownMs`. */
  breakerFailures?: number;
  breakerCooldownMs?: number;
  /**
   * Browser origins allowed to call /graphql (dashboards served from elsewhere): `*` for any.
   * Tokens travel in the Authorization header, never in cookies, so `*` exposes nothing a
   * token does not already grant.
   */
  corsOrigins?: string[];
}

export interface Gateway {
  listen(port: number, host?: string): Promise<Listening>;
  /**
   * Ready once every expected subgraph's /health has answered 200 (one the supergraph does not
   * name cannot); `degraded` while one does not answer now, and `subgraphs` says which.
   */
  ready(): Promise<{ ready: boolean; degraded: boolean; subgraphs: Record<string, boolean> }>;
  stop(): Promise<void>;
}

/** A subgraph fetch that got no usable answer; `kind` decides whether a read may be retried. */
class SubgraphUnreachable extends Error {
  constructor(readonly kind: 'connect' | 'timeout' | 'status', readonly why: string) {
    super(why);
  }
}

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** The operation the gateway planned for this fetch (parsed already, except for health checks). */
const documentOf = (options: ProcessOptions) =>
  ('document' in options && options.document) || (options.request.query ? parse(options.request.query) : undefined);

const isRead = (options: ProcessOptions) => {
  const document = documentOf(options);
  return !!document && getOperationAST(document)?.operation === 'query';
};

/**
 * Forwards the caller's token and the request id, over pooled keep-alive sockets. A subgraph
 * that does not answer fails only its own fields (each with its path), a read is retried once
 * when the connection failed (a stale keep-alive socket, a restart), and after repeated
 * failures the breaker answers at once instead of waiting on a subgraph that is down.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Reads in flight, by what they ask and for whom; absent when deduplication is off. */
  private readonly inflight?: Map<string, Promise<SubgraphResponse>>;

  constructor(
    private readonly subgraph: string,
    private readonly breaker: CircuitBreaker,
    private readonly log: Logger,
    private readonly timeoutMs: number,
    deduplicate: boolean,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(config);
    if (deduplicate) this.inflight = new Map();
  }

  override willSendRequest({ request, context }: ProcessOptions) {
    const ctx = context as Partial<GatewayContext>;
    if (ctx.authorization) request.http?.headers.set('authorization', ctx.authorization);
    if (ctx.requestId) request.http?.headers.set('x-request-id', ctx.requestId);
  }

  /**
   * Identical reads in flight at the same time, for the same caller (the whole Authorization
   * header, so no answer crosses from one viewer to another), share one fetch and its answer:
   * many people watching the same district screen cost one set of subgraph requests. Each gets
   * its own copy, because the gateway merges answers into the response in place.
   */
  override async process(options: ProcessOptions): Promise<SubgraphResponse> {
    const read = isRead(options);
    // A read of ID numbers is never shared: each unmasked read writes its own audit record.
    if (!read || !this.inflight || /\bidNumber\b/.test(options.request.query ?? '')) return this.send(options, read);
    const caller = (options.context as Partial<GatewayContext>).authorization ?? '';
    const key = JSON.stringify([options.request.query, options.request.variables ?? null, caller]);
    let shared = this.inflight.get(key);
    if (!shared) {
      shared = this.send(options, read)
        .then(({ data, errors, extensions }) => ({ data, errors, extensions }))
        .finally(() => this.inflight?.delete(key));
      this.inflight.set(key, shared);
    }
    return structuredClone(await shared);
  }

  private async send(options: ProcessOptions, read: boolean): Promise<SubgraphResponse> {
    // Mutations are never sent twice: the first one may have been applied.
    const retries = read ? 1 : 0;
    if (!this.breaker.allow()) {
      const wait = Math.ceil(this.breaker.retryInMs() / 1000);
      subgraphFetchMetrics.failed(this.subgraph, 'breaker');
      return this.unavailable(options, wait > 0 ? `is down; the gateway asks it again in ${wait} s` : 'is down; the gateway is trying it again');
    }
    for (let attempt = 0; ; attempt++) {
      const started = process.hrtime.bigint();
      try {
        const response = await super.process(options);
        subgraphFetchMetrics.observe(this.subgraph, Number(process.hrtime.bigint() - started) / 1e9);
        if (this.breaker.succeeded()) this.log.warn({ subgraph: this.subgraph }, 'subgraph answers again; circuit closed');
        return response;
      } catch (e) {
        // Every outcome settles the breaker: a probe left unsettled would keep it open for good.
        subgraphFetchMetrics.observe(this.subgraph, Number(process.hrtime.bigint() - started) / 1e9);
        const failure = this.unreachable(e);
        if (!failure) {
          this.breaker.succeeded(); // it answered (a 4xx with its own error): up, and the error is the caller's
          throw e;
        }
        // A read whose connection failed is tried once more before the request counts as failed.
        if (failure.kind === 'connect' && attempt < retries) continue;
        if (this.breaker.failed()) {
          this.log.warn({ subgraph: this.subgraph, ms: this.breaker.cooldownMs }, 'subgraph keeps failing; circuit open');
        }
        subgraphFetchMetrics.failed(this.subgraph, failure.kind);
        return this.unavailable(options, failure.why);
      }
    }
  }

  /**
   * What a failed fetch means: the fetcher's own verdict; a deadline that passed while the body
   * was read; or an answer that is not GraphQL (HTML from a proxy, cut JSON). Null for an
   * answer the subgraph meant (a 4xx carrying its error).
   */
  private unreachable(e: unknown): SubgraphUnreachable | null {
    if (e instanceof SubgraphUnreachable) return e;
    if (e instanceof GraphQLError && e.extensions.response) return null;
    const err = e as { name?: string; type?: string };
    if (err.name === 'AbortError' || err.type === 'aborted' || err.type === 'body-timeout') {
      return new SubgraphUnreachable('timeout', `did not answer within ${this.timeoutMs} ms`);
    }
    this.log.error({ err: e, subgraph: this.subgraph }, 'subgraph answered something that is not GraphQL');
    return new SubgraphUnreachable('status', 'did not answer with GraphQL');
  }

  /** Every field this fetch would have filled, as a SERVICE_UNAVAILABLE error naming the subgraph. */
  private unavailable(options: ProcessOptions, why: string): SubgraphResponse {
    const message = `The ${this.subgraph} subgraph ${why}; try again later`;
    const extensions = { code: 'SERVICE_UNAVAILABLE', subgraph: this.subgraph };
    const document = documentOf(options);
    return { errors: document ? failedFieldErrors(document, options.request.variables, message, extensions) : [{ message, extensions }] };
  }
}

const healthUrl = (graphqlUrl: string) => new URL('/health', graphqlUrl).toString();

/**
 * The gateway's copy of a custom scalar accepts anything, so a malformed Date would reach a
 * subgraph and fail its whole fetch. Giving the gateway the subgraphs' rules turns it into a
 * BAD_USER_INPUT (or a validation error, for a literal) before anything is planned. Values
 * pass on unchanged: the subgraphs parse them again.
 */
function checkScalarsAtTheGateway(schema: GraphQLSchema) {
  for (const rules of [DateScalar, DateTimeScalar]) {
    const type = schema.getType(rules.name);
    if (!(type instanceof GraphQLScalarType)) continue;
    type.parseValue = (value) => {
      rules.parseValue(value);
      return value;
    };
    type.parseLiteral = (ast, variables) => {
      rules.parseLiteral(ast, variables);
      return valueFromASTUntyped(ast, variables);
    };
  }
}

/** Sets the CORS headers when the request's origin is allowed; true if it is. */
function allowCors(req: http.IncomingMessage, res: http.ServerResponse, origins: string[]): boolean {
  const any = origins.includes('*');
  // The answer depends on the origin unless every origin is allowed: caches must know.
  if (!any) res.setHeader('vary', 'origin');
  const origin = req.headers.origin;
  if (!origin || !(any || origins.includes(origin))) return false;
  res.setHeader('access-control-allow-origin', any ? '*' : origin);
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', 'authorization, content-type, x-request-id, apollo-require-preflight');
  res.setHeader('access-control-max-age', '600');
  return true;
}

export async function createGateway(opts: GatewayOptions): Promise<Gateway> {
  const log = opts.log ?? createLogger('gateway');
  // @apollo/gateway otherwise sends usage metrics to Apollo every hour and probes the cloud
  // metadata addresses (AWS, GCP, Azure, Alibaba) at start-up. A government intranet has no
  // business calling out; an operator who wants it sets APOLLO_TELEMETRY_DISABLED=false.
  if (process.env.APOLLO_TELEMETRY_DISABLED !== 'false') process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  // One pool for all subgraph fetches, passed once to each data source (not per request).
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 64, maxFreeSockets: 16 });
  const services = new Map<string, string>();
  const breakers = new Map<string, CircuitBreaker>();
  let watcher: FSWatcher | undefined;

  const gateway = new ApolloGateway({
    // The committed supergraph, never one composed at start-up from the subgraphs' SDL: composition
    // is checked by a test, and replicas cannot diverge.
    async supergraphSdl({ update }) {
      let current = await readFile(opts.supergraphPath, 'utf8');
      let timer: NodeJS.Timeout | undefined;
      // Watch the directory, not the file: editors and `npm run compose` replace the file.
      watcher = watch(path.dirname(opts.supergraphPath), (_event, file) => {
        if (file !== path.basename(opts.supergraphPath)) return;
        clearTimeout(timer);
        timer = setTimeout(async () => {
          try {
            const next = await readFile(opts.supergraphPath, 'utf8');
            if (next === current) return;
            update(next);
            current = next;
            log.info({ path: opts.supergraphPath }, 'supergraph reloaded');
          } catch (e) {
            log.error({ err: e }, 'supergraph change rejected; still serving the previous one');
          }
        }, 100);
      });
      return {
        supergraphSdl: current,
        cleanup: async () => {
          clearTimeout(timer);
          watcher?.close();
        },
      };
    },
    buildService({ name, url }) {
      const target = opts.subgraphUrls?.[name] ?? url!;
      services.set(name, target);
      // One breaker per subgraph for the gateway's life, kept across supergraph reloads.
      let breaker = breakers.get(name);
      if (!breaker) breakers.set(name, (breaker = new CircuitBreaker(opts.breakerFailures ?? 5, opts.breakerCooldownMs ?? 10_000)));
      const timeout = opts.subgraphTimeoutMs ?? 30_000;
      return new SubgraphDataSource(name, breaker, log, timeout, opts.deduplicate ?? true, {
        url: target,
        fetcher: (async (input: string, init: { body?: string; headers?: Record<string, string> }) => {
          let response: Awaited<ReturnType<typeof fetch>>;
          // The subgraph answers only with this: it binds the body as sent and the caller's token.
          const headers = { ...init.headers, [CREDENTIAL_HEADER]: await opts.trust.credentials.sign(name, init.body ?? '', init.headers?.authorization) };
          // The subgraph continues this fetch's trace (Apollo's gateway.fetch span is the current one).
          injectTraceContext(headers);
          try {
            // The deadline runs from the call, through the body: waiting for a pooled socket is waiting too.
            response = await fetch(input, { ...init, headers, agent, signal: AbortSignal.timeout(timeout) as never });
          } catch (e) {
            // Say which part of the graph is down, without its address.
            const timedOut = (e as { name?: string }).name === 'AbortError';
            log.error({ err: e, subgraph: name }, 'subgraph fetch failed');
            throw new SubgraphUnreachable(timedOut ? 'timeout' : 'connect', timedOut ? `did not answer within ${timeout} ms` : 'is not answering');
          }
          if (response.status >= 500) {
            log.error({ subgraph: name, status: response.status }, 'subgraph answered with a server error');
            throw new SubgraphUnreachable('status', `failed (HTTP ${response.status})`);
          }
          if (response.status === 401) {
            // The gateway checked the caller's token already: the subgraph trusts other keys than ours.
            log.error({ subgraph: name }, 'subgraph refused the gateway: check AUTH_JWKS, SERVICE_KEY_FILE and SERVICE_JWKS on both');
            throw new SubgraphUnreachable('status', 'refused the gateway (HTTP 401)');
          }
          if (response.status >= 400 && /json/i.test(response.headers.get('content-type') ?? '')) {
            // A subgraph's refusal (one of its limits, a bad request) reaches the client with its own
            // code, as GraphQL errors, instead of the data source's "400: Bad Request".
            return new Response(await response.text(), { status: 200, headers: response.headers });
          }
          return response;
        }) as never,
      });
    },
    logger: log,
  });

  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => checkScalarsAtTheGateway(apiSchema));

  const limits = { ...defaultLimits, ...opts.limits };
  const httpLimits = { ...defaultHttpLimits, maxBodyBytes: 256 << 10, ...opts.http };
  const rate = opts.rateLimit ?? { perSecond: 50, burst: 200 };
  const rateLimiter = rate.perSecond > 0 ? new RateLimiter(rate.perSecond, rate.burst) : undefined;
  const limited = apolloLimits<GatewayContext>(limits, maskUnexpectedErrors(log));
  const server = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    parseOptions: limited.parseOptions,
    validationRules: limited.validationRules,
    formatError: limited.formatError,
    plugins: [ApolloServerPluginLandingPageDisabled(), limited.plugin, observingPlugin<GatewayContext>((context) => context.observed)],
  });
  await server.start();

  const expected = opts.subgraphs ?? subgraphEntries().map((e) => e.name);
  // Once every subgraph has answered, the gateway stays ready while one is down: it still answers
  // every field the others own, so a load balancer must not take it (and the whole API) away.
  const answered = new Set<string>();
  async function ready() {
    const names = [...new Set([...expected, ...services.keys()])];
    const checks = await Promise.all(
      names.map(async (name) => {
        const url = services.get(name);
        if (!url) return [name, false] as const;
        try {
          const res = await fetch(healthUrl(url), { agent, timeout: 2000 });
          return [name, res.ok] as const;
        } catch {
          return [name, false] as const;
        }
      }),
    );
    for (const [name, ok] of checks) if (ok) answered.add(name);
    const subgraphs = Object.fromEntries(checks);
    return { ready: names.length > 0 && names.every((name) => answered.has(name)), degraded: checks.some(([, ok]) => !ok), subgraphs };
  }

  const metrics = new RequestMetrics('gateway');
  const corsOrigins = opts.corsOrigins ?? ['*'];
  const httpServer = createHttpServer(async (req, res) => {
    const url = requestUrl(req);
    if (url.pathname === '/graphql' && allowCors(req, res, corsOrigins)) {
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
    }
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      const state = await ready();
      return sendJson(res, state.ready ? 200 : 503, state);
    }
    if (url.pathname.startsWith('/graphiql/') && req.method === 'GET' && (await serveGraphiqlAsset(url.pathname, res))) return;
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'not found' });
    // A browser asking for a page gets GraphiQL; API clients get GraphQL.
    if (req.method === 'GET' && !url.search && /text\/html/.test(req.headers.accept ?? '')) return serveGraphiqlPage(res);

    const started = process.hrtime.bigint();
    const observed: Observed = {};
    const requestId = randomUUID();
    // No headers: the gateway starts every trace itself, so that a client cannot join or choose one.
    await observeRequest(metrics, { name: 'gateway POST /graphql', service: 'gateway', requestId }, observed, started, () =>
      serveRequest(req, res, observed, started, requestId),
    );
  }, log);

  /** One /graphql request: token, rate, Apollo, the request's log line. */
  async function serveRequest(req: http.IncomingMessage, res: http.ServerResponse, observed: Observed, started: bigint, requestId: string) {
    const authorization = req.headers.authorization ?? '';
    // The token is checked before the body is read: a stranger's request costs a header parse.
    let viewer: Viewer;
    try {
      viewer = await opts.trust.verifyToken(authorization);
    } catch (e) {
      res.setHeader('connection', 'close');
      observed.outcome = 'UNAUTHENTICATED';
      return sendJson(res, 401, { errors: [{ message: (e as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    const wait = rateLimiter?.take(viewer.sub) ?? 0;
    if (wait) {
      res.setHeader('retry-after', String(wait));
      observed.outcome = 'RATE_LIMITED';
      return sendJson(res, 429, { errors: [{ message: `Too many requests; try again in ${wait} s`, extensions: { code: 'RATE_LIMITED', retryAfter: wait } }] });
    }
    const { status, body } = await serveGraphQL(server, req, res, async () => ({ viewer, requestId, authorization, observed }), httpLimits);
    log.info(
      {
        requestId,
        operation: (body as { operationName?: string } | undefined)?.operationName ?? null,
        status,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      },
      'request',
    );
  }

  let listening: Listening | undefined;
  return {
    ready,
    async listen(port, host = '127.0.0.1') {
      listening = await listen(httpServer, port, host);
      log.info({ url: listening.url }, 'gateway listening');
      return listening;
    },
    async stop() {
      await listening?.close();
      await server.stop();
      watcher?.close();
      agent.destroy();
    },
  };
}
