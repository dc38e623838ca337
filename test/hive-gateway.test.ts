// Any Federation 2 gateway serves the committed supergraph (issue 14): every end-to-end dashboard
// query of dashboards.test.ts and outage.test.ts, through our gateway and through Hive Gateway on
// the same subgraphs with the same token, answers the same data and the same errors (code, field,
// path). Hive Gateway signs each subgraph request's service credential as ours does.
import { buildDemoPeople, buildDemoProjects, DEMO_PROJECTS_AS_OF, type DemoWorld } from '@cadres/demo';
import { describeEachDatabase, testTrust } from '@cadres/kit/src/testing';
import { entities as issuesEntities } from '@cadres/issues';
import { supergraphPath } from '@cadres/gateway';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';
import { startHiveGateway, type HiveGateway } from './support/hive-gateway';

const NOW = new Date(`${DEMO_PROJECTS_AS_OF}T04:00:00.000Z`);
const DISTRICT = '370502000000';

interface Case {
  name: string;
  query: string;
  variables?: (fed: RunningSupergraph) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Whose token both gateways get (default an ADMIN everywhere). */
  as?: 'admin' | 'analyst' | 'partner';
  /** The error codes our gateway answers with (default none): so that each case tests what it should. */
  codes?: string[];
}

/** What must be identical: the data, and each error's code, field and path (not its wording). */
const answer = (body: any) => ({
  data: body.data,
  errors: (body.errors ?? [])
    .map((e: any) => ({ code: e.extensions?.code, field: e.extensions?.field, path: e.path }))
    .sort((a: any, b: any) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
});

describeEachDatabase('Hive Gateway and ours on the same supergraph', (db) => {
  let fed: RunningSupergraph;
  let hive: HiveGateway;
  let world: DemoWorld;
  let people: ReturnType<typeof buildDemoPeople>;
  let projects: ReturnType<typeof buildDemoProjects>;
  const tokens: Record<NonNullable<Case['as']>, string> = { admin: '', analyst: '', partner: '' };
  const issueRows = () => fed.subgraphs.issues.ds.getRepository(issuesEntities.Issue).find();

  beforeAll(async () => {
    fed = await startSupergraph(db, { now: () => new Date(NOW) });
    hive = await startHiveGateway({
      supergraphPath,
      subgraphUrls: Object.fromEntries(Object.entries(fed.subgraphs).map(([name, s]) => [name, s.url])),
      trust: await testTrust('gateway'),
    });
    world = fed.world;
    people = buildDemoPeople(world);
    projects = buildDemoProjects(world, { asOf: DEMO_PROJECTS_AS_OF });
    tokens.admin = await fed.token();
    tokens.analyst = await fed.token({ sub: 'analyst', role: 'ANALYST', scope: null });
    tokens.partner = await fed.token({ sub: 'partner-12345', role: 'PARTNER', scope: null });
  }, 120_000);
  afterAll(async () => {
    await hive?.stop();
    await fed?.stop();
  });

  /** The operation through both gateways; returns our answer. */
  async function both(c: Case) {
    const variables = (await c.variables?.(fed)) ?? {};
    const token = tokens[c.as ?? 'admin'];
    const ours = await fed.request(c.query, variables, { token });
    const theirs = await hive.request(c.query, variables, token);
    expect([c.name, answer(ours.body).errors.map((e: any) => e.code)]).toEqual([c.name, c.codes ?? []]);
    expect([c.name, answer(theirs.body)]).toEqual([c.name, answer(ours.body)]);
    return ours.body;
  }

  // ----- dashboards.test.ts
  const redProjects = (n: number): Case => ({
    name: `RED projects of a district, first ${n} (issue 4)`,
    query: `query($d: ID!) { division(code: $d) { projects(light: RED, first: ${n}) { totalCount nodes {
        id name light plannedProgress actualProgress enterprise { name creditCode } liaisons { role cadre { name rank } } } } } }`,
    variables: () => ({ d: projects.projects.find((p) => p.intendedLight === 'RED')!.siteCode.slice(0, 6) + '000000' }),
  });
  const redIssues = (n: number): Case => ({
    name: `a district's RED issues with subject, assignee, reporter and history, first ${n}, and the four rates (issue 5)`,
    query: `query($d: ID!) {
      division(code: $d) { issues(filter: { light: [RED] }, first: ${n}) { totalCount nodes {
        id ref light status division { code name }
        subject { __typename ... on Household { id head { name } } ... on Enterprise { id name } ... on Project { id name } ... on Division { code name } }
        assignee { id name } reporter { id name } history { at action fromStatus toStatus } } } }
      issueStats(divisionCode: $d) { total open closed red responseRate resolutionRate satisfactionRate onTimeRate } }`,
    // The district whose RED issues show the most kinds of subject (then the most issues), as there.
    variables: async () => {
      const rows = await issueRows();
      const lightOf = (i: (typeof rows)[number]) =>
        i.finishedAt ? (i.finishedAt <= i.deadline ? 'GREEN' : 'RED') : i.deadline < NOW ? 'RED' : i.yellowAt <= NOW ? 'YELLOW' : 'GREEN';
      const redIn = (d: string) => rows.filter((i) => i.divisionCode.startsWith(d.slice(0, 6)) && lightOf(i) === 'RED');
      const score = (d: string) => new Set(redIn(d).map((i) => i.subjectType)).size * 1000 + redIn(d).length;
      return { d: world.divisions.filter((d) => d.level === 'DISTRICT').map((d) => d.code).sort((a, b) => score(b) - score(a))[0] };
    },
  });
  const household = (as: 'admin' | 'analyst'): Case => ({
    name: `a household, as ${as === 'admin' ? 'an admin' : 'an analyst'} (issue 3)`,
    query: `query($id: ID!) { household(id: $id) { division { name } unit { name building { name } } head { name idNumber phone }
      members { name } tags liaisons { cadre { name } } visits(first: 5) { totalCount } visitsThisYear } }`,
    variables: () => ({ id: people.households.find((x) => x.divisionCode.startsWith(DISTRICT.slice(0, 6)) && x.unitId && x.tags.length > 0)!.id }),
    as,
  });
  const villageLiaisons = (n: number): Case => ({
    name: `every village's liaisons, first ${n} (issue 3)`,
    query: `{ divisions(level: VILLAGE, first: ${n}) { nodes { code liaisons { role cadre { name } } } } }`,
  });
  const readCases: Case[] = [
    redProjects(10),
    redProjects(500),
    redIssues(5),
    redIssues(500),
    household('admin'),
    household('analyst'),
    {
      name: "a district's coverage (issue 3)",
      query: `query($d: ID!) { division(code: $d) { coverage { villagesAndCommunities withRankedLiaison uncovered(first: 500) { totalCount nodes { code name } }
        households householdsLinked householdsVisitedEnough buildingUnits buildingUnitsFullyLinked } } }`,
      variables: () => ({ d: DISTRICT }),
    },
    villageLiaisons(10),
    villageLiaisons(500),
    {
      name: "a district's townships ranked by satisfaction, issues asking places for the children (issue 11)",
      query: `query($d: ID!) { division(code: $d) { childIssueRanking(measure: SATISFACTION_RATE, first: 5) { totalCount pageInfo { hasNextPage endCursor }
        nodes { rank value numerator denominator division { code name } } } } }`,
      variables: () => ({ d: DISTRICT }),
    },
    {
      name: 'an enterprise by credit code with its liaisons, issues and evaluations (issue 3)',
      query: `query($cc: ID!) { enterprise(creditCode: $cc) { id name liaisons { cadre { name } } issues { totalCount } evaluations { count average } } }`,
      variables: async () => {
        const rows = await issueRows();
        return { cc: world.enterprises.find((x) => rows.some((i) => i.subjectType === 'Enterprise' && i.subjectId === x.id))!.creditCode };
      },
    },
    // ----- outage.test.ts's dashboards
    {
      name: 'district overview',
      query: `query DistrictOverview($d: ID!) { division(code: $d) { name level children { totalCount }
        coverage { villagesAndCommunities withRankedLiaison households householdsLinked }
        issueStats { total open red yellow green responseRate onTimeRate }
        enterprises(first: 3) { totalCount nodes { name } } projects(first: 3) { totalCount } } }`,
      variables: () => ({ d: DISTRICT }),
    },
    {
      name: "a township's villages with their liaisons and open issues",
      query: `query TownshipVillages($t: ID!) { division(code: $t) { name children(first: 100) { totalCount nodes {
        code name liaisons { role cadre { name rank } } issueStats { open red } } } } }`,
      variables: () => ({ t: world.divisions.find((d) => d.level === 'TOWNSHIP' && d.code.startsWith(DISTRICT.slice(0, 6)))!.code }),
    },
    {
      name: "a district's RED issues with division, reporter and assignee",
      query: `query RedIssues($d: ID!) { issues(divisionCode: $d, filter: { light: [RED] }, first: 20) { totalCount nodes {
        ref title status division { name } reporter { name } assignee { name } } } }`,
      variables: () => ({ d: DISTRICT }),
    },
    {
      name: "a cadre's page",
      query: `query CadrePage($c: ID!) { cadre(id: $c) { name rank department { name } liaisons { role since }
        reportedIssues(first: 5) { totalCount nodes { ref division { name } } } evaluations { count average } } }`,
      variables: async (f) => {
        const { body } = await f.request(`{ issues(divisionCode: "${DISTRICT}", first: 100) { nodes { reporter { id } } } }`);
        return { c: body.data.issues.nodes.find((n: any) => n.reporter).reporter.id };
      },
    },
    {
      name: "an enterprise's page",
      query: `query EnterprisePage($id: ID!) { enterprise(id: $id) { name creditCode division { name } liaisons { cadre { name } }
        issues { totalCount } evaluations { count average } projects { name site { name } } } }`,
      variables: async (f) => {
        const { body } = await f.request(`{ enterprises(first: 100) { nodes { id projects { id } } } }`);
        return { id: body.data.enterprises.nodes.find((e: any) => e.projects.length > 0).id };
      },
    },
  ];

  for (const c of readCases) {
    it(`answers the same: ${c.name}`, async () => {
      const body = await both(c);
      expect(body.data).toEqual(expect.anything());
    });
  }

  it('answers the same validation and workflow errors, and neither writes anything', async () => {
    const h = people.households.find((x) => x.divisionCode.startsWith(DISTRICT.slice(0, 6)))!;
    const cadreId = people.liaisons.find((l) => l.targetId === h.id)!.cadreId;
    const closed = (await issueRows()).find((i) => i.status === 'CLOSED')!;
    const before = (await issueRows()).length;
    const cases: Case[] = [
      {
        name: 'recordVisit of a household by its liaison on a non-visit',
        query: `mutation($c: ID!, $h: ID!) { recordVisit(kind: HOME_VISIT, date: "2026-06-30", cadreIds: [$c], targetType: "Household", targetId: $h) { id } }`,
        variables: () => ({ c: cadreId, h: h.id }),
        codes: ['BAD_USER_INPUT'],
      },
      {
        name: 'registerEnterprise with a bad credit code',
        query: `mutation { registerEnterprise(creditCode: "91350100M000100Y44", name: "东营测试有限公司", category: OTHER, divisionCode: "${DISTRICT}") { id } }`,
        codes: ['BAD_USER_INPUT'],
      },
      {
        name: 'registerHousehold with a bad id number',
        query: `mutation($d: ID!) { registerHousehold(divisionCode: $d, head: { name: "王测试", idNumber: "110105194912310021" }) { id } }`,
        variables: () => ({ d: h.divisionCode }),
        codes: ['BAD_USER_INPUT'],
      },
      {
        name: 'rejectIssue of a closed issue',
        query: `mutation($id: ID!, $v: Int!) { rejectIssue(id: $id, expectedVersion: $v, reason: "不属于本级职责") { id } }`,
        variables: () => ({ id: closed.id, v: closed.version }),
        codes: ['INVALID_TRANSITION'],
      },
    ];
    for (const c of cases) await both(c);
    expect((await issueRows()).length).toBe(before);
  });

  it("answers the same to the 12345 hotline: one report per idempotency key, followed while it is assigned (issue 5)", async () => {
    const village = world.divisions.find((d) => d.level === 'VILLAGE' && d.code.startsWith(DISTRICT.slice(0, 6)))!;
    const input = {
      title: '村口路灯不亮', description: '12345 热线转来：村口路灯连续三晚不亮。', category: 'INFRASTRUCTURE', kind: 'HELP', source: 'HOTLINE',
      urgency: 'GENERAL', divisionCode: village.code, subjectType: 'Division', subjectId: village.code, idempotencyKey: `hive-12345-${db.kind}-0001`,
    };
    const before = (await issueRows()).length;
    // The second through Hive Gateway is the retry with the same key: the same issue, not a new one.
    const reported = await both({
      name: 'reportIssue',
      query: `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id ref status version division { name } } }`,
      variables: () => ({ input }),
      as: 'partner',
    });
    expect((await issueRows()).length).toBe(before + 1);
    const { id, ref } = reported.data.reportIssue;
    const poll: Case = {
      name: 'the partner polls its issue',
      query: `query($ref: String!) { issue(ref: $ref) { id status version light history { action } } }`,
      variables: () => ({ ref }),
      as: 'partner',
    };
    expect((await both(poll)).data.issue.status).toBe('REPORTED');

    const department = world.departments.find((d) => d.divisionCode === DISTRICT)!;
    const assign = `mutation($id: ID!, $dep: ID!, $v: Int!) { assignIssue(id: $id, departmentId: $dep, expectedVersion: $v, note: "请按期办理") { status version assignee { name } } }`;
    await both({ name: 'the partner may not assign', query: assign, variables: () => ({ id, dep: department.id, v: 1 }), as: 'partner', codes: ['FORBIDDEN'] });
    expect((await fed.request(assign, { id, dep: department.id, v: 1 })).body.data.assignIssue.status).toBe('ASSIGNED');
    expect((await both(poll)).data.issue.status).toBe('ASSIGNED');
    const other = world.departments.filter((d) => d.divisionCode === DISTRICT)[1];
    await both({ name: 'a stale expectedVersion', query: assign, variables: () => ({ id, dep: other.id, v: 1 }), codes: ['CONFLICT'] });
    expect((await both(poll)).data.issue.version).toBe(2);
  });
});
