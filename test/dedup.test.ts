// In-flight deduplication: identical subgraph fetches of the same caller share one request and
// its answer; another caller's never does, and neither does a mutation.
import { createLogger } from '@cadres/kit';
import { describeEachDatabase, testToken, testTrust } from '@cadres/kit/src/testing';
import { createGateway, supergraphPath, type Gateway } from '@cadres/gateway';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';

const DISTRICT = '370502000000';
const OVERVIEW = `query DistrictOverview($d: ID!) { division(code: $d) { name coverage { villagesAndCommunities households }
  issueStats { total red } enterprises(first: 3) { totalCount nodes { name } } } }`;
const NAMES = ['places', 'people', 'enterprises', 'issues'] as const;

describeEachDatabase('in-flight deduplication at the gateway', (db) => {
  let fed: RunningSupergraph;
  let plain: Gateway;
  let plainUrl: string;
  beforeAll(async () => {
    fed = await startSupergraph(db, { faults: true });
    // The same federation behind a gateway with deduplication off, for comparison.
    plain = await createGateway({
      supergraphPath,
      subgraphUrls: Object.fromEntries(Object.entries(fed.faults).map(([name, proxy]) => [name, proxy.url])),
      trust: await testTrust('gateway'),
      log: createLogger('gateway', 'silent'),
      rateLimit: { perSecond: 0, burst: 1 },
      deduplicate: false,
    });
    plainUrl = (await plain.listen(0)).url;
    // Slow subgraphs, so that concurrent requests are surely in flight together.
    for (const proxy of Object.values(fed.faults)) proxy.delayMs = 300;
  }, 120_000);
  afterAll(async () => {
    await plain?.stop();
    await fed?.stop();
  });

  const requestsPerSubgraph = async (send: () => Promise<unknown>) => {
    const before = NAMES.map((n) => fed.faults[n].requests);
    await send();
    return Object.fromEntries(NAMES.map((n, i) => [n, fed.faults[n].requests - before[i]]));
  };
  const post = async (url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return res.json();
  };

  it('sends one fetch per subgraph for ten identical concurrent dashboard requests, and each gets the whole answer', async () => {
    const token = await fed.token({ sub: 'screen' });
    const alone = await post(fed.url, token, OVERVIEW, { d: DISTRICT });
    expect(alone.errors).toBeUndefined();
    let answers: unknown[] = [];
    const counts = await requestsPerSubgraph(async () => {
      answers = await Promise.all(Array.from({ length: 10 }, () => post(fed.url, token, OVERVIEW, { d: DISTRICT })));
    });
    expect(counts).toEqual({ places: 1, people: 1, enterprises: 1, issues: 1 });
    expect(answers).toEqual(Array(10).fill(alone));
  });

  it('sends ten of each with deduplication off', async () => {
    const token = await fed.token({ sub: 'screen' });
    const counts = await requestsPerSubgraph(() => Promise.all(Array.from({ length: 10 }, () => post(plainUrl, token, OVERVIEW, { d: DISTRICT }))));
    expect(counts).toEqual({ places: 10, people: 10, enterprises: 10, issues: 10 });
  });

  it('never shares an answer between two callers', async () => {
    const [a, b] = [await fed.token({ sub: 'viewer-a' }), await fed.token({ sub: 'viewer-b' })];
    const counts = await requestsPerSubgraph(() => Promise.all([post(fed.url, a, OVERVIEW, { d: DISTRICT }), post(fed.url, b, OVERVIEW, { d: DISTRICT })]));
    expect(counts).toEqual({ places: 2, people: 2, enterprises: 2, issues: 2 });
  });

  it('never shares a mutation', async () => {
    const token = await fed.token({ sub: 'hotline' });
    const report = `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id } }`;
    const village = fed.world.divisions.find((d) => d.level === 'VILLAGE' && d.code.startsWith(DISTRICT.slice(0, 6)))!.code;
    const input = {
      title: '去重测试', description: '两次相同的上报', category: 'INFRASTRUCTURE', kind: 'HELP', source: 'HOTLINE', urgency: 'GENERAL',
      divisionCode: village, subjectType: 'Division', subjectId: village,
    };
    let answers: any[] = [];
    const counts = await requestsPerSubgraph(async () => {
      answers = await Promise.all([post(fed.url, token, report, { input }), post(fed.url, token, report, { input })]);
    });
    // No idempotencyKey: two reports, two issues.
    expect(answers.map((a) => a.errors)).toEqual([undefined, undefined]);
    expect(counts.issues).toBe(2);
    expect(new Set(answers.map((a) => a.data.reportIssue.id)).size).toBe(2);
  });
});
