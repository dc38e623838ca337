// Hostile input never stalls the graph: every refusal is quick, has a code, and every service
// keeps answering other callers meanwhile. The corpus goes to the gateway and, with a valid
// gateway credential (as a compromised peer could send it), straight to a subgraph: the
// subgraphs apply the same limits. The limits' defaults pass every dashboard in test/ (they run
// with them); here, what they refuse.
import net from 'node:net';
import { buildClientSchema, getIntrospectionQuery, getNamedType, isCompositeType, isInputObjectType, isNonNullType, isScalarType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { createLogger, type Viewer } from '@cadres/kit';
import { authorizationFor, countStatements, createTestSubgraph, describeEachDatabase, subgraphRequestHeaders, testTrust } from '@cadres/kit/src/testing';
import { subgraph as placesSubgraph } from '@cadres/places';
import { RateLimiter } from '@cadres/gateway/src/rate-limit';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';

const DISTRICT = '370502000000';
/** The hostile caller: a valid read-only token, as the issue's attacks used. */
const analyst: Viewer = { sub: 'hostile', role: 'ANALYST', scope: null };
const codesOf = (body: any): string[] => (body?.errors ?? []).map((e: any) => e.extensions?.code);
/** What no answer may carry: an internal error, a stack trace, SQL or an address. */
const LEAK = /INTERNAL_SERVER_ERROR|stacktrace|SELECT |INSERT |SQLITE|\bER_[A-Z_]+|127\.0\.0\.1|    at /;
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'];

interface Answer {
  status: number;
  body: any;
  /** From the request's first byte to the answer's last: the refusal itself, nothing set up before. */
  ms: number;
}

/** Where the corpus is sent. */
interface Target {
  name: 'gateway' | 'places';
  url(): string;
  /** What a request with this payload (the POST body, or the GET query string) needs to be let in. */
  headers(payload: string): Promise<Record<string, string>>;
  /** A 500-row list on Division (with what it selects of each row). */
  page500: string;
}

/** The first line of the answer to `request`, sent raw to `url`'s port (net: no client rewrites the path). */
function rawRequest(url: string, request: string): Promise<{ line: string; ms: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(Number(port), hostname);
    let received = '';
    const done = () => resolve({ line: received.split('\r\n')[0], ms: Date.now() - started });
    socket.on('data', (chunk) => (received += chunk));
    socket.on('close', done);
    socket.on('error', done);
    socket.write(request);
  });
}

describeEachDatabase('hostile queries', (db) => {
  let fed: RunningSupergraph;
  beforeAll(async () => {
    fed = await startSupergraph(db, { gateway: { http: { bodyTimeoutMs: 500 } } });
  }, 120_000);
  afterAll(() => fed?.stop());

  const gateway: Target = {
    name: 'gateway',
    url: () => fed.url,
    headers: async () => ({ authorization: await authorizationFor(analyst) }),
    page500: 'households(first: 500) { nodes { members { idNumber } visits(first: 500) { nodes { id } } } }',
  };
  const places: Target = {
    name: 'places',
    url: () => fed.subgraphs.places.url,
    headers: (payload) => subgraphRequestHeaders(analyst, 'places', payload),
    page500: 'children(first: 500) { nodes { name children(first: 500) { nodes { name } } } }',
  };

  /** POSTs a raw body to `target` (`headers` replace the target's own); the timer starts once the request is ready. */
  const post = async (target: Target, body: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const all = { 'content-type': 'application/json', ...(await target.headers(body)), ...headers };
    const started = Date.now();
    const res = await fetch(target.url(), { method: 'POST', headers: all, body });
    const text = await res.text();
    const ms = Date.now() - started;
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, body: parsed, ms };
  };
  const ask = (target: Target, query: string, variables: Record<string, unknown> = {}) => post(target, JSON.stringify({ query, variables }));

  /** Every service answers its part of one dashboard query, whatever was sent before. */
  const everyServiceAnswers = async () => {
    const { body } = await ask(gateway, `{ division(code: "${DISTRICT}") { name coverage { villagesAndCommunities } enterprises(first: 1) { totalCount } issueStats { total } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.division.name).toBe('东营区');
    const direct = await ask(places, `{ division(code: "${DISTRICT}") { name } }`);
    expect(direct.body).toEqual({ data: { division: { name: '东营区' } } });
  };

  /** A refusal, or an answer: under 500, every error with a code, nothing leaked, within a second. */
  const expectHarmless = (what: string, answer: Answer) => {
    const text = JSON.stringify(answer.body);
    expect([what, answer.status < 500, LEAK.test(text) && text.slice(0, 300)]).toEqual([what, true, false]);
    expect([what, codesOf(answer.body).filter((code) => typeof code !== 'string')]).toEqual([what, []]);
    expect([what, answer.ms < 1000 || answer.ms]).toEqual([what, true]);
  };

  const nested = (levels: number) => `{ division(code: "${DISTRICT}") { ${'parent { '.repeat(levels)}code${' }'.repeat(levels)} } }`;
  const doubling = (levels: number) =>
    `{ division(code: "${DISTRICT}") { ...F0 } }\n` +
    Array.from({ length: levels }, (_, i) => `fragment F${i} on Division { ...F${i + 1} ...F${i + 1} }`).join('\n') +
    `\nfragment F${levels} on Division { name }`;
  const aliases = (count: number, selection: string) => `{ division(code: "${DISTRICT}") { ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} } }`;

  /** What the corpus sends, and the answer each target gives: its status and first error code. */
  const corpus: { name: string; send: (t: Target) => Promise<Answer>; status: number; code: string | Record<Target['name'], string> }[] = [
    { name: 'malformed JSON', send: (t) => post(t, '{"query": "{ __typename }"'), status: 400, code: 'BAD_REQUEST' },
    { name: 'a 2 MB query', send: (t) => ask(t, `{ __typename ${' '.repeat(2 << 20)} }`), status: 413, code: 'REQUEST_TOO_LARGE' },
    { name: 'depth 50', send: (t) => ask(t, nested(50)), status: 400, code: 'QUERY_TOO_DEEP' },
    { name: 'fragments that each spread the next twice, 30 levels', send: (t) => ask(t, doubling(30)), status: 400, code: 'QUERY_TOO_COSTLY' },
    {
      name: 'a fragment cycle',
      send: (t) => ask(t, `{ division(code: "${DISTRICT}") { ...A } } fragment A on Division { parent { ...B } } fragment B on Division { parent { ...A } }`),
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    { name: 'a fragment that spreads itself', send: (t) => ask(t, `{ division(code: "${DISTRICT}") { ...A } } fragment A on Division { name ...A }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    // 6,000 tokens: over the gateway's 2,000; a subgraph allows ten times as many (planning writes fragments out), not the aliases.
    { name: '2,000 aliases', send: (t) => ask(t, aliases(2000, 'name')), status: 400, code: { gateway: 'QUERY_TOO_LARGE', places: 'TOO_MANY_ALIASES' } },
    { name: '100 aliases (under the token limit)', send: (t) => ask(t, aliases(100, 'name')), status: 400, code: 'TOO_MANY_ALIASES' },
    { name: '1,000 aliases of a 500-row list', send: (t) => ask(t, aliases(1000, t.page500)), status: 400, code: 'QUERY_TOO_LARGE' },
    { name: '20 aliases of a 500-row list (under the alias limit)', send: (t) => ask(t, aliases(20, t.page500)), status: 400, code: 'QUERY_TOO_COSTLY' },
    { name: 'a JSON array of 100 operations', send: (t) => post(t, JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ __typename }' })))), status: 400, code: 'BAD_REQUEST' },
    { name: 'a variable of the wrong type', send: (t) => ask(t, 'query($c: ID!) { division(code: $c) { name } }', { c: { nested: true } }), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'a list where a number goes', send: (t) => ask(t, 'query($n: Int) { divisions(first: $n) { totalCount } }', { n: [1, 2] }), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'first: -1', send: (t) => ask(t, `{ divisions(first: -1) { totalCount } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'first: 1e9', send: (t) => ask(t, `{ divisions(first: 1000000000) { totalCount } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'first: 1e9 in a variable', send: (t) => ask(t, 'query($n: Int) { divisions(first: $n) { totalCount } }', { n: 1e9 }), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'no token', send: (t) => post(t, '{"query": "{ __typename }"}', { authorization: '' }), status: 401, code: 'UNAUTHENTICATED' },
    ...PROTOTYPE_NAMES.flatMap((name) => [
      { name: `a field named ${name}`, send: (t: Target) => ask(t, `{ ${name} }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
      { name: `an argument named ${name}`, send: (t: Target) => ask(t, `{ division(code: "${DISTRICT}", ${name}: 1) { name } }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
      // Declared, required and not sent: a lookup that reads the prototype would find a function.
      { name: `a missing variable named ${name}`, send: (t: Target) => ask(t, `query($${name}: ID!) { division(code: $${name}) { name } }`), status: 400, code: 'BAD_USER_INPUT' },
      { name: `an operation named ${name}, asked for by another name`, send: (t: Target) => post(t, JSON.stringify({ query: `query ${name} { __typename }`, operationName: 'x' })), status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
    ]),
  ];

  for (const target of [gateway, places]) {
    describe(`sent to the ${target.name}${target === places ? ' subgraph directly' : ''}`, () => {
      for (const { name, send, status, code } of corpus) {
        const expected = typeof code === 'string' ? code : code[target.name];
        it(`refuses ${name} within a second, with ${expected}`, async () => {
          const answer = await send(target);
          expect([answer.status, codesOf(answer.body)[0]]).toEqual([status, expected]);
          expectHarmless(name, answer);
          await everyServiceAnswers();
        });
      }

      it('answers prototype names as aliases and variables like any other name', async () => {
        const selection = PROTOTYPE_NAMES.map((name) => `${name}: name`).join(' ');
        const asAliases = await ask(target, `{ division(code: "${DISTRICT}") { ${selection} } }`);
        expectHarmless('aliases', asAliases);
        expect(asAliases.body).toEqual({ data: { division: Object.fromEntries(PROTOTYPE_NAMES.map((name) => [name, '东营区'])) } });
        for (const name of PROTOTYPE_NAMES) {
          // As JSON.parse reads it: "__proto__" an own key like any other.
          const asVariable = await post(target, `{"query": "query($${name}: ID!) { division(code: $${name}) { name } }", "variables": {"${name}": "${DISTRICT}"}}`);
          expectHarmless(`$${name}`, asVariable);
          if (name !== '__proto__') expect([name, asVariable.body]).toEqual([name, { data: { division: { name: '东营区' } } }]);
        }
        // JSON.parse makes "__proto__" an own key; it must not become the variables' prototype.
        const polluted = await post(target, `{"query": "query($c: ID!) { division(code: $c) { name } }", "variables": {"__proto__": {"c": "${DISTRICT}"}}}`);
        expectHarmless('__proto__ variables', polluted);
        expect(codesOf(polluted.body)).toEqual(['BAD_USER_INPUT']);
      });

      it('never answers 500 for SQL-looking, Unicode, control-character or 100 KB strings in any string argument of its queries', async () => {
        const schema = await schemaOf(target);
        const queries = stringArgumentQueries(schema);
        expect(queries.length).toBeGreaterThanOrEqual(target === gateway ? 20 : 6);
        const hostile = ["' OR 1=1; DROP TABLE division; --", '%_!\\', '东营\u0000\u202e𝕏\ud800', 'x'.repeat(100_000)];
        for (const { query, argument } of queries) {
          for (const value of hostile) {
            const answer = await ask(target, query, { v: value });
            expectHarmless(`${argument} = ${value.slice(0, 20)}`, answer);
          }
        }
        await everyServiceAnswers();
      });

      it('refuses a 100 KB search with BAD_USER_INPUT naming the argument, at most 100 characters', async () => {
        const answer = await ask(target, 'query($s: String) { divisions(search: $s, first: 5) { totalCount } }', { s: 'x'.repeat(100_000) });
        expect(answer.body.errors).toEqual([
          expect.objectContaining({ message: 'search must be at most 100 characters', extensions: { code: 'BAD_USER_INPUT', field: 'search' } }),
        ]);
        expectHarmless('search', answer);
      });

      it('answers 404, never 500, for prototype names and protocol-relative paths', async () => {
        const prefixes = target === gateway ? ['', '/graphiql', '/graphql', '/health', '/ready'] : ['', '/graphql', '/health'];
        for (const name of PROTOTYPE_NAMES) {
          for (const path of prefixes.map((prefix) => `${prefix}/${name}`)) {
            const { line } = await rawRequest(target.url(), `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
            expect([path, line]).toEqual([path, 'HTTP/1.1 404 Not Found']);
          }
        }
        // Paths that are protocol-relative URLs to a naive parser.
        for (const path of ['//', '/\\', '//x/graphql']) {
          const { line } = await rawRequest(target.url(), `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
          expect([path, line]).toEqual([path, 'HTTP/1.1 404 Not Found']);
        }
        // Prototype names as query-string parameters of a GraphQL GET.
        const search = `?query=${encodeURIComponent('{ __typename }')}&${PROTOTYPE_NAMES.map((name) => `${name}=x&${name}[x]=y`).join('&')}`;
        const headers = { 'apollo-require-preflight': 'true', ...(await target.headers(search)) };
        const res = await fetch(`${target.url()}${search}`, { headers });
        expect([res.status, await res.json()]).toEqual([200, { data: { __typename: 'Query' } }]);
      });

      it('answers 300 slow anonymous connections with 401 at once, without reading their bodies, and keeps serving', async () => {
        const started = Date.now();
        // A megabyte promised, a few bytes sent, and never the rest.
        const slow = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{"query":`;
        const answers = await Promise.all(Array.from({ length: 300 }, () => rawRequest(target.url(), slow)));
        expect(new Set(answers.map((a) => a.line))).toEqual(new Set(['HTTP/1.1 401 Unauthorized']));
        // Each is answered as soon as its headers are in; all 300 at once, on a shared machine, within 5 s.
        expect(Date.now() - started).toBeLessThan(5000);
        await everyServiceAnswers();
      });
    });
  }

  /** The schema `target` serves, by introspection (an authenticated caller may). */
  async function schemaOf(target: Target): Promise<GraphQLSchema> {
    const { body } = await ask(target, getIntrospectionQuery());
    return buildClientSchema(body.data);
  }

  it('counts a page by its first, from a variable or its default, and not its nodes a second time', async () => {
    const pages = (first: string) =>
      `query${first.startsWith('$') ? '($n: Int = 500)' : ''} { divisions(first: ${first}) { nodes { children(first: ${first}) { nodes { code } } } } }`;
    // 1 + 500 × (1 + 1 + 500 × (1 + 1)) = 501,501 fields: under the limit, whether the 500 is written out or a default.
    for (const query of [pages('500'), pages('$n')]) expect(codesOf((await ask(gateway, query)).body)).toEqual([]);
    // Three levels of 500 are not.
    const deeper = `query($n: Int = 500) { divisions(first: $n) { nodes { children(first: $n) { nodes { children(first: $n) { nodes { code } } } } } } }`;
    expect(codesOf((await ask(gateway, deeper)).body)).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('counts an _entities call sent to a subgraph by its representations', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { children(first: 500) { nodes { children(first: 500) { nodes { code } } } } } } }';
    const representations = (count: number) => Array.from({ length: count }, () => ({ __typename: 'Division', code: DISTRICT }));
    // One representation: 1 + 1 × (1 + 500 × (1 + 1 + 500 × 1)), about 251,000 fields; ten are 2.5 million.
    expect(codesOf((await ask(places, query, { r: representations(1) })).body)).toEqual([]);
    expect(codesOf((await ask(places, query, { r: representations(10) })).body)).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('says the limit in each refusal', async () => {
    const { body } = await ask(gateway, nested(50));
    expect(body.errors).toEqual([{ message: 'Query depth limit of 12 exceeded, found 52.', extensions: { code: 'QUERY_TOO_DEEP', limit: 12 } }]);
    const direct = await ask(places, nested(50));
    expect(direct.body.errors).toEqual([{ message: 'Query depth limit of 13 exceeded, found 52.', extensions: { code: 'QUERY_TOO_DEEP', limit: 13 } }]);
    const costly = await ask(gateway, doubling(30));
    expect(costly.body.errors).toEqual([
      { message: `The query would cost about ${2 ** 30 + 1} fields; at most 1000000 are allowed`, extensions: { code: 'QUERY_TOO_COSTLY', limit: 1_000_000 } },
    ]);
  });

  it('cuts a caller whose body does not arrive in time (408), and one who sends too much at once (413)', async () => {
    const authorization = await authorizationFor(analyst);
    const slow = await rawRequest(fed.url, `POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: ${authorization}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`);
    expect(slow.line).toBe('HTTP/1.1 408 Request Timeout');
    expect(slow.ms).toBeLessThan(2000);
    const large = await rawRequest(fed.url, `POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: ${authorization}\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{"query":`);
    expect(large.line).toBe('HTTP/1.1 413 Payload Too Large');
    await everyServiceAnswers();
  });

  it('stops work on a subgraph when the request has run out of time', async () => {
    const places = await createTestSubgraph(placesSubgraph, db, { requestTimeoutMs: 0 });
    try {
      const { url } = await places.listen(0);
      const body = JSON.stringify({ query: '{ divisions(first: 500) { totalCount nodes { name children { totalCount } } } }' });
      const headers = await subgraphRequestHeaders({ sub: 'x', role: 'ADMIN', scope: null }, 'places', body);
      const { result, statements } = await countStatements(async () => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
        return res.json();
      });
      expect(result).toEqual({
        data: null,
        errors: [{ message: 'The request was given up or ran out of time', locations: [{ line: 1, column: 3 }], path: ['divisions'], extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
      expect(statements).toBe(0);
    } finally {
      await places.stop();
    }
  });
});

/**
 * One query per string argument of every root query field `schema` serves (ID and String, also
 * inside an input object), the argument given as `$v`; a field whose other required arguments are
 * not of the same type is left out (one `$v` cannot fill them).
 */
export function stringArgumentQueries(schema: GraphQLSchema): { query: string; argument: string }[] {
  const isText = (type: GraphQLInputType) => {
    const named = getNamedType(type);
    return isScalarType(named) && (named.name === 'String' || named.name === 'ID');
  };
  const queries: { query: string; argument: string }[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    if (field.name.startsWith('_')) continue;
    const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
    for (const arg of field.args) {
      const named = getNamedType(arg.type);
      // Where $v goes in this argument: the argument itself, or each text field of its input object.
      const uses = isText(arg.type)
        ? [{ value: '$v', type: arg.type, name: arg.name }]
        : isInputObjectType(named)
          ? Object.values(named.getFields()).filter((f) => isText(f.type)).map((f) => ({ value: `{ ${f.name}: $v }`, type: f.type, name: `${arg.name}.${f.name}` }))
          : [];
      const others = field.args.filter((a) => a !== arg && isNonNullType(a.type));
      for (const use of uses) {
        if (!others.every((a) => String(a.type) === String(use.type))) continue;
        const args = [`${arg.name}: ${use.value}`, ...others.map((a) => `${a.name}: $v`)].join(', ');
        queries.push({ query: `query($v: ${use.type}) { ${field.name}(${args})${selection} }`, argument: `${field.name}(${use.name})` });
      }
    }
  }
  return queries;
}

describe('the rate limit per caller', () => {
  it('lets a burst through, refills at the rate, and says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0, 1]);
    expect(limiter.take('b')).toBe(0); // callers are apart
    now = 500; // half a second: one request's worth
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 1]);
    now = 10_000; // refilled, but never past the burst
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0, 1]);
  });

  it('answers 429 with Retry-After once a token has spent its burst', async () => {
    const { createGateway, supergraphPath } = await import('@cadres/gateway');
    const gateway = await createGateway({ supergraphPath, subgraphUrls: {}, trust: await testTrust('gateway'), log: createLogger('gateway', 'silent'), rateLimit: { perSecond: 1, burst: 2 } });
    try {
      const { url } = await gateway.listen(0);
      const authorization = await authorizationFor({ sub: 'script', role: 'ANALYST', scope: null });
      const send = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: '{"query":"{ __typename }"}' });
      const answers = [await send(), await send(), await send()];
      expect(answers.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(answers[2].headers.get('retry-after')).toBe('1');
      expect(await answers[2].json()).toEqual({ errors: [{ message: 'Too many requests; try again in 1 s', extensions: { code: 'RATE_LIMITED', retryAfter: 1 } }] });
    } finally {
      await gateway.stop();
    }
  });
});
