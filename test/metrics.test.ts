// Prometheus metrics: one request through the gateway moves every counter by exactly what it did
// (one gateway request, one fetch and one request per subgraph, every SQL statement), refusals
// count under their code, operation names stay bounded, and the pool and process metrics are there.
import { RequestMetrics, serveMetrics, statementCount, type Listening } from '@cadres/kit';
import { describeEachDatabase } from '@cadres/kit/src/testing';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';

const DISTRICT = '370502000000';
const OVERVIEW = `query DistrictOverview($d: ID!) { division(code: $d) { name coverage { villagesAndCommunities households }
  issueStats { total red } enterprises(first: 3) { totalCount nodes { name } } } }`;
const NAMES = ['places', 'people', 'enterprises', 'issues'] as const;

type Samples = Map<string, number>;

/** `name{a="x",b="y"} 12` lines into a map keyed by the line's name and labels as written. */
function parse(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) samples.set(m[1], Number(m[2]));
  }
  return samples;
}

const series = (name: string, labels: Record<string, string>) =>
  `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`;

describeEachDatabase('metrics', (db) => {
  let fed: RunningSupergraph;
  let metrics: Listening;
  const scrape = async () => {
    const res = await fetch(metrics.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return parse(await res.text());
  };
  /** How much each series moved while `send` ran (absent before counts as 0). */
  const moved = async (send: () => Promise<unknown>) => {
    const before = await scrape();
    await send();
    const after = await scrape();
    return (name: string, labels: Record<string, string>) => {
      const key = series(name, labels);
      return (after.get(key) ?? 0) - (before.get(key) ?? 0);
    };
  };

  beforeAll(async () => {
    fed = await startSupergraph(db);
    metrics = await serveMetrics(0, '127.0.0.1');
  }, 120_000);
  afterAll(async () => {
    await metrics?.close();
    await fed?.stop();
  });

  it('a cross-subgraph query moves each counter by exactly what it did', async () => {
    // A first run warms the query plan; the counted one must then be the same every time.
    expect((await fed.request(OVERVIEW, { d: DISTRICT })).body.errors).toBeUndefined();
    let statements = 0;
    const delta = await moved(async () => {
      const sql = statementCount();
      const { body } = await fed.request(OVERVIEW, { d: DISTRICT });
      statements = statementCount() - sql;
      expect(body.errors).toBeUndefined();
    });
    expect(delta('graphql_requests_total', { service: 'gateway', operation: 'DistrictOverview', outcome: 'ok' })).toBe(1);
    expect(delta('graphql_request_duration_seconds_count', { service: 'gateway', operation: 'DistrictOverview' })).toBe(1);
    expect(delta('graphql_request_duration_seconds_bucket', { le: '+Inf', service: 'gateway', operation: 'DistrictOverview' })).toBe(1);
    for (const name of NAMES) {
      // places answers the division, then each of the others its own fields: one fetch each.
      expect([name, delta('gateway_subgraph_fetch_duration_seconds_count', { subgraph: name })]).toEqual([name, 1]);
      expect([name, delta('gateway_subgraph_fetch_errors_total', { subgraph: name, kind: 'connect' })]).toEqual([name, 0]);
      expect([name, delta('subgraph_request_sql_statements_count', { service: name })]).toEqual([name, 1]);
      expect([name, delta('subgraph_request_sql_seconds_count', { service: name })]).toEqual([name, 1]);
    }
    // Every statement the four subgraphs sent is counted, once, under the request that sent it.
    expect(statements).toBeGreaterThan(0);
    expect(NAMES.reduce((sum, name) => sum + delta('subgraph_request_sql_statements_sum', { service: name }), 0)).toBe(statements);
  });

  it('subgraph requests count under the operation the gateway planned', async () => {
    const after = await scrape();
    const planned = [...after.keys()].filter((k) => k.startsWith('graphql_requests_total{service="people",operation="DistrictOverview__people__'));
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((k) => k.endsWith('outcome="ok"}'))).toBe(true);
  });

  it('refusals count under their code, anonymous operations under (anonymous)', async () => {
    const delta = await moved(async () => {
      expect((await fed.request('{ division(code: "370502000000") { name } }', {}, { token: null })).status).toBe(401);
      expect((await fed.request('{ division(code: "370502000000") { name } }')).status).toBe(200);
      expect((await fed.request('query Broken { nope }')).status).toBe(400);
    });
    expect(delta('graphql_requests_total', { service: 'gateway', operation: '(anonymous)', outcome: 'UNAUTHENTICATED' })).toBe(1);
    expect(delta('graphql_requests_total', { service: 'gateway', operation: '(anonymous)', outcome: 'ok' })).toBe(1);
    // A query that fails validation never resolves to an operation: its name is not taken on trust.
    expect(delta('graphql_requests_total', { service: 'gateway', operation: '(anonymous)', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
  });

  it('the pool and Node process metrics are there', async () => {
    const samples = await scrape();
    for (const name of NAMES) {
      expect(samples.get(series('db_pool_size', { service: name }))).toBe(db.kind === 'sqlite' ? 1 : 20); // DB_POOL_SIZE's default;
      const open = (samples.get(series('db_pool_connections', { service: name, state: 'in_use' })) ?? 0) + (samples.get(series('db_pool_connections', { service: name, state: 'idle' })) ?? 0);
      expect(open).toBeGreaterThanOrEqual(1);
      expect(samples.get(series('db_pool_waiting', { service: name }))).toBe(0);
    }
    expect(samples.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(samples.get('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });
});

describe('operation labels', () => {
  it('stay bounded: past the cap and over 100 characters a name counts as (other)', async () => {
    const m = new RequestMetrics('bounded');
    for (let i = 0; i < 500; i++) m.record({ operation: `Op${i}`, outcome: undefined }, 0.001);
    m.record({ operation: 'x'.repeat(101), outcome: 'not a code' }, 0.001);
    const text = await (await import('@cadres/kit')).metricsRegistry.getSingleMetricAsString('graphql_requests_total');
    const lines = text.split('\n').filter((l) => l.includes('service="bounded"'));
    expect(lines.length).toBeLessThanOrEqual(201);
    expect(lines).toContain('graphql_requests_total{service="bounded",operation="(other)",outcome="ok"} ' + (500 - (lines.length - 2)));
    expect(lines).toContain('graphql_requests_total{service="bounded",operation="(other)",outcome="(other)"} 1');
  });
});
