import { randomBytes } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { generateKeyPair, type JWTVerifyGetKey, type KeyLike } from 'jose';
import {
  CREDENTIAL_HEADER,
  createServiceCredentials,
  createTokenVerifier,
  signToken,
  type SigningKey,
  type TokenAudience,
  type Trust,
  type Viewer,
} from './auth';
import { statementCount } from './db';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { QueryLimits } from './limits';
import { createLogger } from './logger';
import { entityOwners } from './peer';
import { createSubgraph, loadSdl, type Clock, type Subgraph, type SubgraphDefinition } from './subgraph';

/**
 * Test support shared by every subgraph. Database tests run on the embedded SQLite and, when
 * TEST_MYSQL_URL is set (CI sets it), again on MySQL/MariaDB in a fresh database per test file.
 */
export interface TestDatabaseKind {
  kind: 'sqlite' | 'mysql';
  /** A URL for a new, empty database (for MySQL created on the server; dropped by cleanup()). */
  create(label: string): Promise<string | ':memory:'>;
  cleanup(): Promise<void>;
}

const mysqlBase = () => process.env.TEST_MYSQL_URL?.replace(/\/+$/, '');

function mysqlKind(base: string): TestDatabaseKind {
  const created: string[] = [];
  const admin = async <T>(run: (conn: import('mysql2/promise').Connection) => Promise<T>) => {
    const mysql = await import('mysql2/promise');
    const conn = await mysql.createConnection(base);
    try {
      return await run(conn);
    } finally {
      await conn.end();
    }
  };
  return {
    kind: 'mysql',
    async create(label) {
      const name = `t_${label.replace(/\W/g, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
      await admin((c) => c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
      created.push(name);
      return `${base}/${name}`;
    },
    async cleanup() {
      if (!created.length) return;
      await admin(async (c) => {
        for (const name of created.splice(0)) await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      });
    },
  };
}

const sqliteKind = (): TestDatabaseKind => ({ kind: 'sqlite', create: async () => ':memory:', cleanup: async () => {} });

/** The databases this test run covers: SQLite always, MySQL/MariaDB when TEST_MYSQL_URL is set. */
export function testDatabases(): TestDatabaseKind[] {
  const base = mysqlBase();
  return base ? [sqliteKind(), mysqlKind(base)] : [sqliteKind()];
}

/** `describe` once per database kind, with the kind's name in the title. */
export function describeEachDatabase(title: string, body: (db: TestDatabaseKind) => void) {
  for (const db of testDatabases()) {
    describe(`${title} [${db.kind}]`, () => {
      afterAll(() => db.cleanup());
      body(db);
    });
  }
}

/** Runs `fn` and returns how many SQL statements were sent meanwhile (all in-process DataSources). */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = statementCount();
  const result = await fn();
  return { result, statements: statementCount() - before };
}

export const adminViewer: Viewer = { sub: 'test-admin', role: 'ADMIN', scope: null };

export interface OperationResult<D = Record<string, any>> {
  data?: D | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Executes one operation against a subgraph in-process, as `viewer`, with fresh loaders. */
export async function runOperation<D = Record<string, any>>(
  subgraph: Subgraph,
  query: string,
  variables: Record<string, unknown> = {},
  viewer: Viewer = adminViewer,
): Promise<OperationResult<D>> {
  // A real token for the viewer, so that a subgraph that asks a peer can forward it.
  const authorization = await authorizationFor(viewer);
  const response = await subgraph.server.executeOperation(
    { query, variables },
    { contextValue: subgraph.context(viewer, undefined, authorization) },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as OperationResult<D>;
}

/** The data of an operation that must succeed; its errors otherwise fail the test with their messages. */
export async function data<D = Record<string, any>>(
  subgraph: Subgraph,
  query: string,
  variables: Record<string, unknown> = {},
  viewer: Viewer = adminViewer,
): Promise<D> {
  const result = await runOperation<D>(subgraph, query, variables, viewer);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as D;
}

/**
 * Test keys, made once per test process: the token issuer's, and one per service (named by its
 * kid, like the development keys). Every test service trusts every other.
 */
export const testTokenAudience: TokenAudience = { issuer: 'cadres-test', audience: 'cadres' };
type KeyPair = { signing: SigningKey; publicKey: KeyLike };
const keyPairs = new Map<string, Promise<KeyPair>>();
function testKeyPair(kid: string): Promise<KeyPair> {
  let pair = keyPairs.get(kid);
  if (!pair) {
    pair = generateKeyPair('EdDSA', { crv: 'Ed25519' }).then(({ publicKey, privateKey }) => ({ signing: { kid, alg: 'EdDSA', key: privateKey }, publicKey }));
    keyPairs.set(kid, pair);
  }
  return pair;
}
const TEST_ISSUER_KID = 'test-issuer';
const testServiceKeys: JWTVerifyGetKey = async ({ kid }) => {
  if (!kid || kid === TEST_ISSUER_KID || !keyPairs.has(kid)) throw new Error(`no test service key ${kid}`);
  return (await testKeyPair(kid)).publicKey;
};

/** What `service` trusts in tests: tokens of the test issuer, credentials of any test service. */
export async function testTrust(service: string): Promise<Trust> {
  const [issuer, own] = await Promise.all([testKeyPair(TEST_ISSUER_KID), testKeyPair(service)]);
  return {
    verifyToken: createTokenVerifier(async () => issuer.publicKey, testTokenAudience),
    credentials: createServiceCredentials(service, own.signing, testServiceKeys),
  };
}

/** The test issuer's private key (tests that forge or expire tokens sign with it). */
export const testIssuerKey = async (): Promise<SigningKey> => (await testKeyPair(TEST_ISSUER_KID)).signing;

/** A test service's private key (tests that forge credentials sign with it). */
export const testServiceKey = async (service: string): Promise<SigningKey> => (await testKeyPair(service)).signing;

/** A valid test token for `viewer`. */
export async function testToken(viewer: Viewer, expiresIn: string | number = '1h'): Promise<string> {
  return signToken(viewer, await testIssuerKey(), testTokenAudience, expiresIn);
}

/** The `Authorization` header value of a valid test token for `viewer`. */
export async function authorizationFor(viewer: Viewer): Promise<string> {
  return `Bearer ${await testToken(viewer)}`;
}

/**
 * The headers a request sent straight to `subgraph` over HTTP needs to be accepted, as
 * `viewer`: its token and the gateway's credential for this `payload` (the POST body as sent,
 * or the GET query string such as `?query=…`).
 */
export async function subgraphRequestHeaders(viewer: Viewer, subgraph: string, payload: string): Promise<Record<string, string>> {
  const authorization = await authorizationFor(viewer);
  const credential = await (await testTrust('gateway')).credentials.sign(subgraph, payload, authorization);
  return { authorization, [CREDENTIAL_HEADER]: credential };
}

/** `fetch` as the gateway would send it to `subgraph`, as `viewer` (headers from subgraphRequestHeaders). */
export function subgraphFetch(viewer: Viewer, subgraph: string): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const payload = typeof init.body === 'string' ? init.body : url.search;
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(await subgraphRequestHeaders(viewer, subgraph, payload))) headers.set(name, value);
    return fetch(input, { ...init, headers });
  };
}

/**
 * A subgraph on a new, empty database of `db`'s kind (migrated). Stop it in afterAll.
 * `fakeOwners`: its peers are a stand-in that knows every entity but keys containing
 * "missing" (see startFakeOwners), stopped with the subgraph, answering the fields `ownerFields`
 * adds (startFakeOwners' `fields`). `config`: its own settings
 * (default: parsed from the environment, as at start-up).
 */
export async function createTestSubgraph<C>(
  def: SubgraphDefinition<C>,
  db: TestDatabaseKind,
  opts: { now?: Clock; peers?: Record<string, string>; fakeOwners?: boolean; ownerFields?: (type: string, key: string) => Record<string, unknown>; requestTimeoutMs?: number; limits?: Partial<QueryLimits>; config?: C } = {},
): Promise<Subgraph<C>> {
  const owners = opts.fakeOwners ? await startFakeOwners(undefined, undefined, opts.ownerFields) : undefined;
  const subgraph = await createSubgraph(def, {
    dbUrl: await db.create(def.name),
    dataDir: path.join(os.tmpdir(), 'cadres-test'),
    trust: await testTrust(def.name),
    log: createLogger(def.name, 'silent'),
    now: opts.now,
    peers: owners?.peers ?? opts.peers,
    requestTimeoutMs: opts.requestTimeoutMs,
    limits: opts.limits,
    config: opts.config,
  });
  if (!owners) return subgraph;
  const stop = subgraph.stop;
  return Object.assign(subgraph, { stop: () => stop().finally(() => owners.close()) });
}

/** The DDL TypeORM would still run to match the entities: empty when the migrations are complete. */
export async function pendingSchemaChanges(ds: DataSource): Promise<string[]> {
  const sql = await ds.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

/** A district nobody has: the fake owners know no division in it. */
export const MISSING_DISTRICT = '370599';

/**
 * Stand-ins for the owner subgraphs when one subgraph is tested alone: each peer is its owner's
 * real SDL (buildSubgraphSchema) with fixture resolvers, so a selection the owner does not serve
 * fails the test as it would fail in production. Every entity exists except those `missing`
 * names (by default, keys containing "missing" and divisions in MISSING_DISTRICT), each located
 * in the division `located` names (by default 370502001201, a community of 东营区), whichever
 * way the question asks for it (division, site, building), with the fields `fields` adds (e.g. a
 * Division's childCodes). Use `peers` as the subgraph's peers.
 */
export async function startFakeOwners(
  missing: (type: string, key: string) => boolean = (_type, key) => key.includes('missing') || key.startsWith(MISSING_DISTRICT),
  located: (type: string, key: string) => string = () => '370502001201',
  fields: (type: string, key: string) => Record<string, unknown> = () => ({}),
): Promise<{ url: string; peers: Record<string, string>; close(): Promise<void> }> {
  const http = await import('node:http');
  const schemas = new Map<string, GraphQLSchema>();
  for (const peer of new Set(Object.values(entityOwners).map((o) => o.peer))) {
    const typeDefs = loadSdl(peer);
    const resolvers: Record<string, { __resolveReference(ref: Record<string, unknown>): unknown }> = {};
    for (const [type, owner] of Object.entries(entityOwners)) {
      if (owner.peer !== peer) continue;
      resolvers[type] = {
        __resolveReference(ref) {
          const key = String(ref[owner.key]);
          if (missing(type, key)) return null;
          const division = { code: located(type, key) };
          return { ...ref, division, site: division, building: { id: 'fake-building', division }, ...fields(type, key) };
        },
      };
    }
    schemas.set(peer, buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]));
  }
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const peer = (req.url ?? '').split('/')[1];
      const schema = schemas.get(peer);
      res.setHeader('content-type', 'application/json');
      // Like the real owners, a fake answers only a request that carries a service credential.
      try {
        await (await testTrust(peer)).credentials.verify(req.headers[CREDENTIAL_HEADER] as string | undefined, body, req.headers.authorization);
      } catch (e) {
        res.statusCode = 401;
        return res.end(JSON.stringify({ errors: [{ message: (e as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] }));
      }
      const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
      const result = schema ? await graphql({ schema, source: query, variableValues: variables }) : { errors: [{ message: `no such peer: ${req.url}` }] };
      res.end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
  return {
    url,
    peers: Object.fromEntries([...schemas.keys()].map((peer) => [peer, `${url}/${peer}/graphql`])),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A second caller for idempotency tests: an ADMIN like `adminViewer`, with its own `sub`. */
export const otherAdminViewer: Viewer = { sub: 'test-admin-2', role: 'ADMIN', scope: null };

export interface IdempotentCase {
  /** The mutation document: takes `$key: String` for its idempotencyKey and selects at least `id` of the result. */
  mutation: string;
  /** The mutation's field name in `data`. */
  field: string;
  /** The variables of the first request (without key). */
  variables: Record<string, unknown>;
  /** Overrides that make another request (for the CONFLICT). */
  otherContent: Record<string, unknown>;
  /** Overrides for the second caller's request with the same key (default none: the same content). */
  otherCallerContent?: Record<string, unknown>;
  /** How many of what the mutation creates exist (rows). */
  count: () => Promise<number>;
  key?: string;
  /** The field a CONFLICT names (default `idempotencyKey`; reportIssue's key is `input.idempotencyKey`). */
  keyField?: string;
}

/**
 * The idempotencyKey contract of one creating mutation, asserted exactly: the first request
 * creates one row; a retry with the same key answers the same object and creates nothing; the
 * key with other content is CONFLICT (field idempotencyKey) and creates nothing; another caller
 * with the same key creates its own (and its retry answers it). Returns both callers' results.
 */
export async function expectIdempotentCreate(subgraph: Subgraph, c: IdempotentCase): Promise<{ first: any; theirs: any }> {
  const key = c.key ?? `retry-${c.field}`;
  const before = await c.count();
  const first = (await data(subgraph, c.mutation, { ...c.variables, key }))[c.field];
  expect(await c.count()).toBe(before + 1);
  expect((await data(subgraph, c.mutation, { ...c.variables, key }))[c.field]).toEqual(first);
  const reused = await runOperation(subgraph, c.mutation, { ...c.variables, ...c.otherContent, key });
  expect({ data: reused.data, errors: reused.errors?.map((e) => e.extensions) }).toEqual({
    data: null,
    errors: [{ code: 'CONFLICT', field: c.keyField ?? 'idempotencyKey' }],
  });
  expect(await c.count()).toBe(before + 1);
  const variables = { ...c.variables, ...c.otherCallerContent, key };
  const theirs = (await data(subgraph, c.mutation, variables, otherAdminViewer))[c.field];
  expect(theirs.id).not.toBe(first.id);
  expect(await c.count()).toBe(before + 2);
  expect((await data(subgraph, c.mutation, variables, otherAdminViewer))[c.field]).toEqual(theirs);
  expect((await data(subgraph, c.mutation, { ...c.variables, key }))[c.field]).toEqual(first);
  expect(await c.count()).toBe(before + 2);
  return { first, theirs };
}

/** `n` concurrent identical requests with one key: all answer the same object, and exactly one row is created. */
export async function expectOneOfConcurrent(
  subgraph: Subgraph,
  c: Pick<IdempotentCase, 'mutation' | 'field' | 'variables' | 'count'> & { key: string; n?: number },
): Promise<any> {
  const before = await c.count();
  const results = await Promise.all(Array.from({ length: c.n ?? 10 }, () => runOperation(subgraph, c.mutation, { ...c.variables, key: c.key })));
  expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
  const first = results[0].data![c.field];
  expect(results.map((r) => r.data![c.field])).toEqual(Array.from({ length: c.n ?? 10 }, () => first));
  expect(await c.count()).toBe(before + 1);
  return first;
}
