// OpenTelemetry: one cross-subgraph query is one trace, gateway request span → Apollo's
// gateway.fetch per subgraph → that subgraph's request span (continued from the traceparent the
// gateway sent) → a span per SQL statement, every span in it of the same trace.
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, statementCount, tracingEnabled, type Tracing } from '@cadres/kit';
import { describeEachDatabase } from '@cadres/kit/src/testing';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';

const DISTRICT = '370502000000';
const OVERVIEW = `query DistrictOverview($d: ID!) { division(code: $d) { name coverage { villagesAndCommunities households }
  issueStats { total red } enterprises(first: 3) { totalCount nodes { name } } } }`;
const NAMES = ['places', 'people', 'enterprises', 'issues'] as const;

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
beforeAll(() => {
  tracing = startTracing({ service: 'test', processor: new SimpleSpanProcessor(exporter) });
});
afterAll(async () => {
  await tracing.stop();
  expect(tracingEnabled()).toBe(false);
});

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describeEachDatabase('tracing', (db) => {
  let fed: RunningSupergraph;
  beforeAll(async () => {
    fed = await startSupergraph(db);
  }, 120_000);
  afterAll(async () => {
    await fed?.stop();
  });

  it('one cross-subgraph query is one trace: gateway → fetch per subgraph → subgraph request → SQL', async () => {
    exporter.reset();
    const sql = statementCount();
    const { body } = await fed.request(OVERVIEW, { d: DISTRICT });
    const statements = statementCount() - sql;
    expect(body.errors).toBeUndefined();
    // The gateway's span ends just after the answer is written: wait for it.
    let root: ReadableSpan | undefined;
    for (let i = 0; i < 50 && !root; i++) {
      root = exporter.getFinishedSpans().find((s) => s.name === 'gateway POST /graphql');
      if (!root) await new Promise((r) => setTimeout(r, 20));
    }
    expect(root).toBeDefined();
    const spans = exporter.getFinishedSpans();
    // Everything this request did is in its one trace, and the gateway started it.
    expect(new Set(spans.map((s) => s.spanContext().traceId))).toEqual(new Set([root!.spanContext().traceId]));
    expect(parentOf(root!)).toBeUndefined();
    const requestId = root!.attributes['request.id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(root!.attributes['graphql.operation.name']).toBe('DistrictOverview');
    expect(root!.attributes.outcome).toBe('ok');

    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const ancestors = (span: ReadableSpan) => {
      const names: string[] = [];
      for (let p = parentOf(span); p; p = parentOf(byId.get(p)!)) {
        expect(byId.has(p)).toBe(true);
        names.push(byId.get(p)!.name);
      }
      return names;
    };
    // Apollo's own spans sit under ours.
    expect(spans.find((s) => s.name === 'gateway.request')?.parentSpanContext?.spanId).toBe(root!.spanContext().spanId);

    let sqlSpans = 0;
    for (const name of NAMES) {
      const fetches = spans.filter((s) => s.name === 'gateway.fetch' && s.attributes.service === name);
      expect([name, fetches.length]).toEqual([name, 1]);
      expect(ancestors(fetches[0]).at(-1)).toBe('gateway POST /graphql');
      // The subgraph continued the trace from the traceparent of that fetch, under the same request id.
      const served = spans.filter((s) => s.name === `${name} POST /graphql`);
      expect([name, served.length]).toEqual([name, 1]);
      expect(parentOf(served[0])).toBe(fetches[0].spanContext().spanId);
      expect(served[0].attributes['request.id']).toBe(requestId);
      expect(served[0].attributes.outcome).toBe('ok');
      const statementsOf = spans.filter((s) => s.name === 'sql' && parentOf(s) === served[0].spanContext().spanId);
      expect([name, statementsOf.length > 0]).toEqual([name, true]);
      for (const s of statementsOf) {
        expect(s.attributes['db.system.name']).toEqual(db.kind === 'sqlite' ? 'sqlite' : expect.stringMatching(/^(mysql|mariadb)$/));
        expect(String(s.attributes['db.query.text'])).toMatch(/^\s*(SELECT|WITH)\b/i);
        expect(s.endTime[0] * 1e9 + s.endTime[1]).toBeGreaterThanOrEqual(s.startTime[0] * 1e9 + s.startTime[1]);
      }
      sqlSpans += statementsOf.length;
    }
    // A span for every statement sent, none of them stray.
    expect(sqlSpans).toBe(statements);
    expect(spans.filter((s) => s.name === 'sql')).toHaveLength(statements);
  });

  it('a refused request is a trace too, with its outcome', async () => {
    exporter.reset();
    expect((await fed.request('{ division(code: "370502000000") { name } }', {}, { token: null })).status).toBe(401);
    let root: ReadableSpan | undefined;
    for (let i = 0; i < 50 && !root; i++) {
      root = exporter.getFinishedSpans().find((s) => s.name === 'gateway POST /graphql');
      if (!root) await new Promise((r) => setTimeout(r, 20));
    }
    expect(root?.attributes.outcome).toBe('UNAUTHENTICATED');
    expect(exporter.getFinishedSpans().filter((s) => s.name === 'gateway.fetch')).toHaveLength(0);
  });
});
