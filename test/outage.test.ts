// One department down is one department's fields down: the dashboards through the gateway with
// each subgraph stopped, and hung, answer every field the other subgraphs own, and an error
// naming the subgraph and the path of each field that failed. Then the circuit breaker and the
// one retry a read gets.
import { createLogger, creditCodeCheckChar } from '@cadres/kit';
import { DEMO_PROJECTS_AS_OF } from '@cadres/demo';
import { describeEachDatabase, testToken, testTrust } from '@cadres/kit/src/testing';
import { createGateway, supergraphPath, type Gateway } from '@cadres/gateway';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';

const NOW = new Date(`${DEMO_PROJECTS_AS_OF}T04:00:00.000Z`);
const DISTRICT = '370502000000';
const SUBGRAPHS = ['places', 'people', 'enterprises', 'issues'] as const;
type Name = (typeof SUBGRAPHS)[number];

/**
 * A dashboard and, for each subgraph, the fields that fail with it: paths into `data`, with `*`
 * for every item of a list. `errors` are where the errors point; `nulls` where the null lands
 * when the failed field is non-null and the null moves up to its nullable parent (default: the
 * same paths; '' is the whole of `data`).
 */
interface Dashboard {
  name: string;
  query: string;
  variables: (fed: RunningSupergraph) => Promise<Record<string, unknown>>;
  fails: Record<Name, { errors: string[]; nulls?: string[] }>;
}

const dashboards: Dashboard[] = [
  {
    name: 'district overview',
    query: `query DistrictOverview($d: ID!) { division(code: $d) { name level children { totalCount }
      coverage { villagesAndCommunities withRankedLiaison households householdsLinked }
      issueStats { total open red yellow green responseRate onTimeRate }
      enterprises(first: 3) { totalCount nodes { name } } projects(first: 3) { totalCount } } }`,
    variables: async () => ({ d: DISTRICT }),
    fails: {
      places: { errors: ['division'] },
      people: { errors: ['division.coverage'] },
      enterprises: { errors: ['division.enterprises', 'division.projects'] },
      issues: { errors: ['division.issueStats'] },
    },
  },
  {
    name: "a township's villages with their liaisons and open issues",
    query: `query TownshipVillages($t: ID!) { division(code: $t) { name children(first: 100) { totalCount nodes {
      code name liaisons { role cadre { name rank } } issueStats { open red } } } } }`,
    variables: async (fed) => ({ t: fed.world.divisions.find((d) => d.level === 'TOWNSHIP' && d.code.startsWith(DISTRICT.slice(0, 6)))!.code }),
    fails: {
      places: { errors: ['division'] },
      people: { errors: ['division.children.nodes.*.liaisons'] },
      enterprises: { errors: [] },
      issues: { errors: ['division.children.nodes.*.issueStats'] },
    },
  },
  {
    name: "a district's RED issues with division, reporter and assignee",
    query: `query RedIssues($d: ID!) { issues(divisionCode: $d, filter: { light: [RED] }, first: 20) { totalCount nodes {
      ref title status division { name } reporter { name } assignee { name } } } }`,
    variables: async () => ({ d: DISTRICT }),
    fails: {
      places: { errors: ['issues.nodes.*.division.name'], nulls: ['issues.nodes.*.division'] },
      people: {
        errors: ['issues.nodes.*.reporter.name', 'issues.nodes.*.assignee.name'],
        nulls: ['issues.nodes.*.reporter', 'issues.nodes.*.assignee'],
      },
      enterprises: { errors: [] },
      // Query.issues is non-null: without it there is no data at all.
      issues: { errors: ['issues'], nulls: [''] },
    },
  },
  {
    name: "a cadre's page",
    query: `query CadrePage($c: ID!) { cadre(id: $c) { name rank department { name } liaisons { role since }
      reportedIssues(first: 5) { totalCount nodes { ref division { name } } } evaluations { count average } } }`,
    variables: async (fed) => {
      const { body } = await fed.request(`{ issues(divisionCode: "${DISTRICT}", first: 100) { nodes { reporter { id } } } }`);
      return { c: body.data.issues.nodes.find((n: any) => n.reporter).reporter.id };
    },
    fails: {
      places: { errors: ['cadre.reportedIssues.nodes.*.division.name'], nulls: ['cadre.reportedIssues.nodes.*.division'] },
      people: { errors: ['cadre'] },
      enterprises: { errors: [] },
      issues: { errors: ['cadre.reportedIssues', 'cadre.evaluations'] },
    },
  },
  {
    name: "an enterprise's page",
    query: `query EnterprisePage($id: ID!) { enterprise(id: $id) { name creditCode division { name } liaisons { cadre { name } }
      issues { totalCount } evaluations { count average } projects { name site { name } } } }`,
    // One with a key project, so that every subgraph has a part in the page.
    variables: async (fed) => {
      const { body } = await fed.request(`{ enterprises(first: 100) { nodes { id projects { id } } } }`);
      return { id: body.data.enterprises.nodes.find((e: any) => e.projects.length > 0).id };
    },
    fails: {
      places: { errors: ['enterprise.division.name', 'enterprise.projects.*.site.name'], nulls: ['enterprise.division', 'enterprise.projects.*.site'] },
      people: { errors: ['enterprise.liaisons'] },
      enterprises: { errors: ['enterprise'] },
      issues: { errors: ['enterprise.issues', 'enterprise.evaluations'] },
    },
  },
];

type Path = (string | number)[];

/** The concrete paths a pattern names in `data`: where every step up to the last one exists. */
function expand(pattern: string, data: unknown): Path[] {
  if (pattern === '') return [[]];
  const walk = (value: unknown, steps: string[], at: Path): Path[] => {
    if (value === null || value === undefined) return [];
    const [step, ...rest] = steps;
    if (step === '*') return (value as unknown[]).flatMap((item, i) => walk(item, rest, [...at, i]));
    if (rest.length === 0) return [[...at, step]];
    return walk((value as Record<string, unknown>)[step], rest, [...at, step]);
  };
  return walk(data, pattern.split('.'), []);
}

function withNulls(data: unknown, paths: Path[]): unknown {
  if (paths.some((p) => p.length === 0)) return null;
  const copy = structuredClone(data) as Record<string | number, any>;
  for (const path of paths) {
    let parent = copy;
    for (const step of path.slice(0, -1)) parent = parent?.[step];
    if (parent) parent[path[path.length - 1]] = null;
  }
  return copy;
}

const key = (path: Path) => path.join('.');

/** The answer a dashboard must give with `down` failing, built from its healthy answer. */
function expectedWithout(dashboard: Dashboard, down: Name, healthy: { data: unknown }) {
  const { errors, nulls = errors } = dashboard.fails[down];
  const errorPaths = errors.flatMap((p) => expand(p, healthy.data)).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    data: withNulls(healthy.data, nulls.flatMap((p) => expand(p, healthy.data))),
    errors: errorPaths.map((path) => ({
      message: expect.stringContaining(`The ${down} subgraph`),
      path,
      extensions: { code: 'SERVICE_UNAVAILABLE', subgraph: down },
    })),
  };
}

const sortedErrors = (body: any) => ({ ...body, errors: [...(body.errors ?? [])].sort((a: any, b: any) => (key(a.path ?? []) < key(b.path ?? []) ? -1 : 1)) });

describeEachDatabase('one subgraph down or hung', (db) => {
  let fed: RunningSupergraph;
  const healthy = new Map<string, { variables: Record<string, unknown>; body: any }>();

  beforeAll(async () => {
    // A short timeout, so that a hung subgraph costs the test little; no breaker here (its own test below).
    fed = await startSupergraph(db, { now: () => new Date(NOW), faults: true, gateway: { subgraphTimeoutMs: 1500, breakerFailures: 1_000_000 } });
    for (const dashboard of dashboards) {
      const variables = await dashboard.variables(fed);
      const { body } = await fed.request(dashboard.query, variables);
      healthy.set(dashboard.name, { variables, body });
    }
  }, 120_000);
  afterAll(() => fed?.stop());

  it('answers every dashboard in full while all four answer', () => {
    for (const dashboard of dashboards) {
      const { body } = healthy.get(dashboard.name)!;
      expect(body.errors).toBeUndefined();
      // Each failure pattern names fields that are there, so that the tests below test something.
      for (const name of SUBGRAPHS) for (const p of dashboard.fails[name].errors) expect([dashboard.name, p, expand(p, body.data).length > 0]).toEqual([dashboard.name, p, true]);
    }
  });

  for (const down of SUBGRAPHS) {
    it(`answers the other subgraphs' fields with ${down} stopped, and says which fields failed`, async () => {
      const before = await fetch(fed.url.replace('/graphql', '/ready'));
      expect([before.status, ((await before.json()) as { degraded: boolean }).degraded]).toEqual([200, false]);
      await fed.faults[down].set('down');
      try {
        // Still ready (a load balancer keeps it: it answers the rest), and /ready says what is missing.
        const ready = await fetch(fed.url.replace('/graphql', '/ready'));
        expect([ready.status, await ready.json()]).toEqual([
          200,
          { ready: true, degraded: true, subgraphs: Object.fromEntries(SUBGRAPHS.map((name) => [name, name !== down])) },
        ]);
        for (const dashboard of dashboards) {
          const { variables, body: before } = healthy.get(dashboard.name)!;
          const { status, body } = await fed.request(dashboard.query, variables);
          const expected = expectedWithout(dashboard, down, before);
          expect([dashboard.name, status, sortedErrors(body)]).toEqual([dashboard.name, 200, expected.errors.length ? expected : { data: before.data, errors: [] }]);
          // Nothing tells the client where the subgraph lives.
          expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|localhost|http:\/\/|:\d{4,5}\b/);
        }
      } finally {
        await fed.faults[down].set('none');
      }
      // Back up: whole answers again.
      const first = dashboards[0];
      expect((await fed.request(first.query, healthy.get(first.name)!.variables)).body).toEqual(healthy.get(first.name)!.body);
    });
  }

  for (const hung of SUBGRAPHS) {
    it(`answers the other subgraphs' fields with ${hung} hung (accepting connections, never answering)`, async () => {
      const dashboard = dashboards[0];
      const { variables, body: before } = healthy.get(dashboard.name)!;
      await fed.faults[hung].set('hung');
      try {
        const started = Date.now();
        const { body } = await fed.request(dashboard.query, variables);
        expect(sortedErrors(body)).toEqual(expectedWithout(dashboard, hung, before));
        expect(body.errors[0].message).toBe(`The ${hung} subgraph did not answer within 1500 ms; try again later`);
        expect(Date.now() - started).toBeLessThan(5000);
      } finally {
        await fed.faults[hung].set('none');
      }
    });
  }

  it('retries a read once when its connection is cut, and never a mutation', async () => {
    const dashboard = dashboards[0];
    const { variables, body: before } = healthy.get(dashboard.name)!;
    const enterprises = fed.faults.enterprises;
    await enterprises.resetNext(1);
    const seen = enterprises.connections;
    expect((await fed.request(dashboard.query, variables)).body).toEqual(before);
    expect(enterprises.connections - seen).toBe(2);

    const register = `mutation($cc: ID!) { registerEnterprise(creditCode: $cc, name: "重试测试企业", category: OTHER, divisionCode: "370502001201") { id } }`;
    const creditCode = `91370502MA3C00000${creditCodeCheckChar('91370502MA3C00000')}`;
    await enterprises.resetNext(1);
    const cut = enterprises.connections;
    const { body } = await fed.request(register, { cc: creditCode });
    expect(body).toEqual({
      data: null,
      errors: [{ message: 'The enterprises subgraph is not answering; try again later', path: ['registerEnterprise'], extensions: { code: 'SERVICE_UNAVAILABLE', subgraph: 'enterprises' } }],
    });
    expect(enterprises.connections - cut).toBe(1);
    const { body: lookup } = await fed.request(`query($cc: ID!) { enterprise(creditCode: $cc) { id } }`, { cc: creditCode });
    expect(lookup).toEqual({ data: { enterprise: null } });
  });
});

describeEachDatabase('the circuit breaker', (db) => {
  let fed: RunningSupergraph;
  let gateway: Gateway;
  let url: string;
  const query = dashboards[0].query;
  const ask = async () => {
    const started = Date.now();
    const token = await fed.token();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { d: DISTRICT } }),
    });
    return { body: (await res.json()) as any, ms: Date.now() - started };
  };

  beforeAll(async () => {
    fed = await startSupergraph(db, { now: () => new Date(NOW), faults: true });
    // A gateway of its own, with a breaker that opens after 2 failures and waits 500 ms.
    gateway = await createGateway({
      supergraphPath,
      subgraphUrls: Object.fromEntries(Object.entries(fed.faults).map(([name, proxy]) => [name, proxy.url])),
      trust: await testTrust('gateway'),
      log: createLogger('gateway', 'silent'),
      subgraphTimeoutMs: 1000,
      breakerFailures: 2,
      breakerCooldownMs: 500,
    });
    url = (await gateway.listen(0)).url;
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await fed?.stop();
  });

  it('stops waiting on a hung subgraph after two failures, and asks it again on its own once it answers', async () => {
    const healthy = await ask();
    expect(healthy.body.errors).toBeUndefined();
    await fed.faults.issues.set('hung');
    const failures = [await ask(), await ask()];
    for (const { body, ms } of failures) {
      expect(body.errors.map((e: any) => [e.path, e.extensions.code])).toEqual([[['division', 'issueStats'], 'SERVICE_UNAVAILABLE']]);
      expect(ms).toBeGreaterThanOrEqual(1000);
    }
    // Open: the issues subgraph is not asked, the rest of the dashboard answers at once.
    const connections = fed.faults.issues.connections;
    const fast = await ask();
    expect(fast.ms).toBeLessThan(800);
    expect(fast.body).toEqual({
      data: { division: { ...healthy.body.data.division, issueStats: null } },
      errors: [{ message: expect.stringMatching(/^The issues subgraph is down; the gateway asks it again in \d s; try again later$/), path: ['division', 'issueStats'], extensions: { code: 'SERVICE_UNAVAILABLE', subgraph: 'issues' } }],
    });
    expect(fed.faults.issues.connections).toBe(connections);

    // It comes back; after the cool-down one probe goes through, and the breaker closes.
    await fed.faults.issues.set('none');
    await new Promise((r) => setTimeout(r, 600));
    expect((await ask()).body).toEqual(healthy.body);
    expect((await ask()).body).toEqual(healthy.body);
  });

  it('counts an answer that is not GraphQL as a failure, and still closes once the subgraph is back', async () => {
    const healthy = await ask();
    await fed.faults.issues.set('html');
    try {
      const failures = [await ask(), await ask()];
      for (const { body } of failures) {
        expect(body.errors).toEqual([
          { message: 'The issues subgraph did not answer with GraphQL; try again later', path: ['division', 'issueStats'], extensions: { code: 'SERVICE_UNAVAILABLE', subgraph: 'issues' } },
        ]);
      }
      await new Promise((r) => setTimeout(r, 600));
      // The probe gets HTML again: the breaker opens again (it used to stay half-open for good).
      expect((await ask()).body.errors[0].message).toBe('The issues subgraph did not answer with GraphQL; try again later');
    } finally {
      await fed.faults.issues.set('none');
    }
    await new Promise((r) => setTimeout(r, 600));
    expect((await ask()).body).toEqual(healthy.body);
  });

  it('opens again when the probe fails', async () => {
    const healthy = await ask();
    await fed.faults.issues.set('down');
    try {
      await ask();
      await ask();
      await new Promise((r) => setTimeout(r, 600));
      // The probe: refused at once, so the breaker opens again without waiting.
      const probe = await ask();
      expect(probe.body.errors[0].message).toBe('The issues subgraph is not answering; try again later');
      const next = await ask();
      expect(next.body.errors[0].message).toMatch(/^The issues subgraph is down/);
    } finally {
      await fed.faults.issues.set('none');
    }
    await new Promise((r) => setTimeout(r, 600));
    expect((await ask()).body).toEqual(healthy.body);
  });
});
