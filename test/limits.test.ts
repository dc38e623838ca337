// Hostile input never stalls the graph: every refusal is quick, has a code, and the gateway keeps
// answering other callers meanwhile. The limits' defaults pass every dashboard in test/ (they run
// with them); here, what they refuse.
import net from 'node:net';
import { createLogger } from '@cadres/kit';
import { authorizationFor, countStatements, createTestSubgraph, describeEachDatabase, subgraphRequestHeaders, testTrust } from '@cadres/kit/src/testing';
import { subgraph as placesSubgraph } from '@cadres/places';
import { RateLimiter } from '@cadres/gateway/src/rate-limit';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';

const DISTRICT = '370502000000';
const codesOf = (body: any): string[] => (body?.errors ?? []).map((e: any) => e.extensions?.code);

describeEachDatabase('hostile queries at the gateway', (db) => {
  let fed: RunningSupergraph;
  let token: string;
  beforeAll(async () => {
    fed = await startSupergraph(db, { gateway: { http: { bodyTimeoutMs: 500 } } });
    token = await fed.token();
  }, 120_000);
  afterAll(() => fed?.stop());

  /** POSTs a raw body; returns the status, the parsed body (or text) and how long it took. */
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const started = Date.now();
    const res = await fetch(fed.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, body: parsed, ms: Date.now() - started };
  };
  const ask = (query: string, variables: Record<string, unknown> = {}) => post(JSON.stringify({ query, variables }));
  const stillAnswers = async () => {
    const { body, ms } = await ask(`{ division(code: "${DISTRICT}") { name } }`);
    expect(body).toEqual({ data: { division: { name: '东营区' } } });
    expect(ms).toBeLessThan(1000);
  };

  const nested = (levels: number) => `{ division(code: "${DISTRICT}") { ${'parent { '.repeat(levels)}code${' }'.repeat(levels)} } }`;
  const doubling = (levels: number) =>
    `{ division(code: "${DISTRICT}") { ...F0 } }\n` +
    Array.from({ length: levels }, (_, i) => `fragment F${i} on Division { ...F${i + 1} ...F${i + 1} }`).join('\n') +
    `\nfragment F${levels} on Division { name }`;

  const corpus: { name: string; send: () => ReturnType<typeof post>; status: number; code: string }[] = [
    { name: 'depth 50', send: () => ask(nested(50)), status: 400, code: 'QUERY_TOO_DEEP' },
    { name: 'fragments that each spread the next twice, 30 levels', send: () => ask(doubling(30)), status: 400, code: 'QUERY_TOO_COSTLY' },
    { name: 'a fragment cycle', send: () => ask(`{ division(code: "${DISTRICT}") { ...A } } fragment A on Division { parent { ...B } } fragment B on Division { parent { ...A } }`), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: '2,000 aliases', send: () => ask(`{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: division(code: "${DISTRICT}") { name }`).join(' ')} }`), status: 400, code: 'QUERY_TOO_LARGE' },
    { name: '100 aliases (under the token limit)', send: () => ask(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: division(code: "${DISTRICT}") { name }`).join(' ')} }`), status: 400, code: 'TOO_MANY_ALIASES' },
    {
      name: '20 aliases of a 500-household list with ID numbers',
      send: () => ask(`{ division(code: "${DISTRICT}") { ${Array.from({ length: 20 }, (_, i) => `h${i}: households(first: 500) { nodes { members { idNumber } visits(first: 500) { nodes { id } } } }`).join(' ')} } }`),
      status: 400,
      code: 'QUERY_TOO_COSTLY',
    },
    { name: 'a 2 MB query', send: () => ask(`{ __typename ${' '.repeat(2 << 20)} }`), status: 413, code: 'REQUEST_TOO_LARGE' },
    { name: 'malformed JSON', send: () => post('{"query": "{ __typename }"'), status: 400, code: 'BAD_REQUEST' },
    { name: 'a JSON array of 100 operations', send: () => post(JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ __typename }' })))), status: 400, code: 'BAD_REQUEST' },
    { name: 'a variable of the wrong type', send: () => ask('query($c: ID!) { division(code: $c) { name } }', { c: { nested: true } }), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'first: -1', send: () => ask(`{ divisions(first: -1) { totalCount } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'first: 1e9', send: () => ask(`{ divisions(first: 1000000000) { totalCount } }`), status: 200, code: 'BAD_USER_INPUT' },
    { name: 'no token', send: () => post('{"query": "{ __typename }"}', { authorization: '' }), status: 401, code: 'UNAUTHENTICATED' },
  ];

  for (const { name, send, status, code } of corpus) {
    it(`refuses ${name} within a second, with ${code}`, async () => {
      const answer = await send();
      expect([answer.status, codesOf(answer.body)[0]]).toEqual([status, code]);
      expect(answer.ms).toBeLessThan(1000);
      // Never an internal error, a stack trace, SQL or an address.
      expect(JSON.stringify(answer.body)).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace|SELECT|127\.0\.0\.1|    at /);
      await stillAnswers();
    });
  }

  it('counts a page by its first, from a variable or its default, and not its nodes a second time', async () => {
    const pages = (first: string) =>
      `query${first.startsWith('$') ? '($n: Int = 500)' : ''} { divisions(first: ${first}) { nodes { children(first: ${first}) { nodes { code } } } } }`;
    // 1 + 500 × (1 + 1 + 500 × (1 + 1)) = 501,501 fields: under the limit, whether the 500 is written out or a default.
    for (const query of [pages('500'), pages('$n')]) expect(codesOf((await ask(query)).body)).toEqual([]);
    // Three levels of 500 are not.
    const deeper = `query($n: Int = 500) { divisions(first: $n) { nodes { children(first: $n) { nodes { children(first: $n) { nodes { code } } } } } } }`;
    expect(codesOf((await ask(deeper)).body)).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('says the limit in each refusal', async () => {
    const { body } = await ask(nested(50));
    expect(body.errors).toEqual([{ message: 'Query depth limit of 12 exceeded, found 52.', extensions: { code: 'QUERY_TOO_DEEP', limit: 12 } }]);
    const costly = await ask(doubling(30));
    expect(costly.body.errors).toEqual([
      { message: `The query would cost about ${2 ** 30 + 1} fields; at most 1000000 are allowed`, extensions: { code: 'QUERY_TOO_COSTLY', limit: 1_000_000 } },
    ]);
  });

  it('never answers 500 for SQL-looking, Unicode, control-character or 100 KB strings in a string argument', async () => {
    const hostile = ["' OR 1=1; DROP TABLE division; --", '%_!\\', '东营\u0000\u202e𝕏', 'x'.repeat(100_000)];
    const fields = [
      (v: string) => `{ divisions(search: ${JSON.stringify(v)}, first: 5) { totalCount } }`,
      (v: string) => `{ division(code: ${JSON.stringify(v)}) { name } }`,
      (v: string) => `{ cadres(search: ${JSON.stringify(v)}, first: 5) { totalCount } }`,
      (v: string) => `{ enterprises(search: ${JSON.stringify(v)}, first: 5) { totalCount } }`,
      (v: string) => `{ enterprise(creditCode: ${JSON.stringify(v)}) { name } }`,
      (v: string) => `{ issue(ref: ${JSON.stringify(v)}) { id } }`,
      (v: string) => `{ household(id: ${JSON.stringify(v)}) { id } }`,
    ];
    for (const field of fields) {
      for (const value of hostile) {
        const answer = await ask(field(value));
        expect([field(value).slice(0, 40), answer.status < 500, JSON.stringify(answer.body)]).not.toContainEqual(expect.stringMatching(/INTERNAL_SERVER_ERROR|SELECT|stacktrace/));
        expect(answer.status).toBeLessThan(500);
      }
    }
  });

  it('answers 404, never 500, for prototype names and protocol-relative paths', async () => {
    const base = fed.url.replace('/graphql', '');
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype']) {
      for (const path of [`/graphiql/${name}`, `/${name}`, `/graphql/${name}`]) {
        const res = await fetch(`${base}${path}`);
        expect([path, res.status]).toEqual([path, 404]);
      }
    }
    // Paths that are protocol-relative URLs to a naive parser, on the gateway and on a subgraph.
    const { hostname, port } = new URL(fed.url);
    const { port: placesPort } = new URL(fed.subgraphs.places.url);
    for (const at of [port, placesPort]) {
      for (const path of ['//', '/\\', '//x/graphql']) {
        const line = await new Promise<string>((resolve) => {
          const socket = net.connect(Number(at), hostname);
          let received = '';
          socket.on('data', (chunk) => (received += chunk));
          socket.on('close', () => resolve(received.split('\r\n')[0]));
          socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        });
        expect([at, path, line]).toEqual([at, path, 'HTTP/1.1 404 Not Found']);
      }
    }
  });

  it('answers 300 slow anonymous connections with 401 at once, without reading their bodies, and keeps serving', async () => {
    const { hostname, port } = new URL(fed.url);
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 300 }, () =>
        new Promise<string>((resolve) => {
          const socket = net.connect(Number(port), hostname);
          let received = '';
          socket.on('data', (chunk) => (received += chunk));
          socket.on('close', () => resolve(received.split('\r\n')[0]));
          socket.on('error', () => resolve(received.split('\r\n')[0]));
          // A megabyte promised, a few bytes sent, and never the rest.
          socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{"query":`);
        }),
      ),
    );
    expect(new Set(answers)).toEqual(new Set(['HTTP/1.1 401 Unauthorized']));
    expect(Date.now() - started).toBeLessThan(5000);
    await stillAnswers();
  });

  it('cuts a caller whose body does not arrive in time (408), and one who sends too much at once (413)', async () => {
    const { hostname, port } = new URL(fed.url);
    const raw = (head: string) =>
      new Promise<{ line: string; ms: number }>((resolve) => {
        const started = Date.now();
        const socket = net.connect(Number(port), hostname);
        let received = '';
        socket.on('data', (chunk) => (received += chunk));
        socket.on('close', () => resolve({ line: received.split('\r\n')[0], ms: Date.now() - started }));
        socket.write(head);
      });
    const slow = await raw(`POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`);
    expect(slow.line).toBe('HTTP/1.1 408 Request Timeout');
    expect(slow.ms).toBeLessThan(2000);
    const large = await raw(`POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{"query":`);
    expect(large.line).toBe('HTTP/1.1 413 Payload Too Large');
    await stillAnswers();
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
