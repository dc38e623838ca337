import { parseConfig, type Subgraph, type Viewer } from '@cadres/kit';
import { buildDemoPeople, buildDemoProjects, buildDemoWorld } from '@cadres/demo';
import { countStatements, data, describeEachDatabase, runOperation } from '@cadres/kit/src/testing';
import { In, LessThan } from 'typeorm';
import { issuesSettings } from './config';
import { Issue, IssueEvent, issueStatuses, Rating } from './entities';
import { lightOf } from './resolvers';
import { createIssuesSubgraph } from './test-owners';
import * as service from './service';

const config = parseConfig(issuesSettings, {});
const T0 = new Date('2026-03-02T08:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

const STATS = `total open closed green yellow red responseRate resolutionRate satisfactionRate onTimeRate byCategory { category count }`;

describeEachDatabase('issues subgraph: statistics, lists and joins', (db) => {
  let issues: Subgraph;
  const refs: Record<string, string> = {};
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, { config, now: () => T0 });
    const a = (hours: number): service.Actor => ({ ds: issues.ds, now: at(hours), actor: 'tester', config });
    const report = async (name: string, hours: number, over: Partial<service.ReportIssueInput>) => {
      const i = await service.reportIssue(a(hours), {
        title: name, description: name, category: 'INFRASTRUCTURE', kind: 'HELP', source: 'VISIT', urgency: 'GENERAL',
        divisionCode: '370502001201', ...over,
      });
      refs[name] = i.ref;
      ids[name] = i.id;
      return i;
    };
    /** assign at h, accept at h + acceptAfter, start, resolve at resolveAt, evaluate right after. */
    const loop = async (i: Issue, h: number, acceptAfter: number, resolveAt: number, satisfaction: 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED', solved: boolean) => {
      i = await service.assignIssue(a(h), i.id, 'D-370502-01', i.version);
      i = await service.acceptIssue(a(h + acceptAfter), i.id, i.version);
      i = await service.startIssue(a(h + acceptAfter), i.id, i.version);
      i = await service.resolveIssue(a(resolveAt), i.id, i.version, 'done');
      return service.evaluateIssue(a(resolveAt + 1), i.id, i.version, satisfaction, solved);
    };
    const A = await report('A', -8 * DAY, { subjectType: 'Enterprise', subjectId: 'E-0001', reporterId: 'C-00001', visitId: 'V-1' });
    await service.assignIssue(a(-8 * DAY + 1), A.id, 'D-370502-02', A.version);
    await report('B', -6.5 * DAY, { divisionCode: '370502001202', category: 'EDUCATION', subjectType: 'Project', subjectId: 'P-1', reporterId: 'C-00001' });
    await report('C', -1 * DAY, { divisionCode: '370502100201', urgency: 'COMPLEX', reporterId: 'C-00002', visitId: 'V-1' });
    await loop(await report('D', -3 * DAY, { category: 'MEDICAL', subjectType: 'Enterprise', subjectId: 'E-0001' }), -3 * DAY + 1, 1, -2 * DAY, 'SATISFIED', true);
    await loop(await report('E', -3 * DAY, { divisionCode: '370502100201', category: 'HOUSING', urgency: 'UTILITIES' }), -3 * DAY, 30, -1 * DAY, 'BASICALLY_SATISFIED', true);
    await loop(await report('F', -2 * DAY, {}), -2 * DAY, 1, -1 * DAY, 'DISSATISFIED', false);
    const G = await report('G', -1 * DAY, { divisionCode: '370502001202', category: 'OTHER' });
    await service.rejectIssue(a(-1 * DAY + 1), G.id, G.version, 'not ours');
    await report('H', -1 * DAY, { divisionCode: '370503001001', category: 'EDUCATION' });
  });
  afterAll(() => issues?.stop());

  const stats = async (code: string, extra = '') =>
    (await data(issues, `query($c: ID!) { issueStats(divisionCode: $c${extra}) { ${STATS} } }`, { c: code })).issueStats;

  it('counts, lights and rates a subtree with aggregate SQL', async () => {
    expect(await stats('370502000000')).toEqual({
      total: 7, open: 4, closed: 2, green: 2, yellow: 1, red: 1,
      responseRate: 0.5, resolutionRate: 2 / 3, satisfactionRate: 2 / 3, onTimeRate: 0.5,
      byCategory: [
        { category: 'INFRASTRUCTURE', count: 3 },
        { category: 'EDUCATION', count: 1 },
        { category: 'MEDICAL', count: 1 },
        { category: 'HOUSING', count: 1 },
        { category: 'OTHER', count: 1 },
      ],
    });
    expect((await stats('370502001000')).total).toBe(5);
    expect((await stats('370500000000')).total).toBe(8);
    expect(await stats('370502000000', ', from: "2026-02-28", to: "2026-03-02", category: INFRASTRUCTURE')).toEqual({
      total: 2, open: 2, closed: 0, green: 2, yellow: 0, red: 0,
      responseRate: 1, resolutionRate: 0, satisfactionRate: 0, onTimeRate: null,
      byCategory: [{ category: 'INFRASTRUCTURE', count: 2 }],
    });
    expect(await stats('370505000000')).toEqual({
      total: 0, open: 0, closed: 0, green: 0, yellow: 0, red: 0,
      responseRate: null, resolutionRate: null, satisfactionRate: null, onTimeRate: null, byCategory: [],
    });
    const bad = await runOperation(issues, `{ issueStats(divisionCode: "3705") { total } }`);
    expect(bad.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'divisionCode' }]);
  });

  it('filters issues by light, status, category, assignee and dates, newest first', async () => {
    const list = async (filter: Record<string, unknown>, code: string | null = '370502000000') =>
      (await data(issues, `query($c: ID, $f: IssueFilter) { issues(divisionCode: $c, filter: $f) { totalCount nodes { ref light status } } }`, { c: code, f: filter })).issues;
    const row = (name: string, light: string, status: string) => ({ ref: refs[name], light, status });
    expect(await list({ light: ['RED'] })).toEqual({ totalCount: 2, nodes: [row('E', 'RED', 'CLOSED'), row('A', 'RED', 'ASSIGNED')] });
    expect(await list({ light: ['YELLOW'] })).toEqual({ totalCount: 1, nodes: [row('B', 'YELLOW', 'REPORTED')] });
    expect(await list({ status: ['CLOSED', 'REJECTED'], category: ['MEDICAL', 'OTHER'] })).toEqual({
      totalCount: 2,
      nodes: [row('G', 'GREEN', 'REJECTED'), row('D', 'GREEN', 'CLOSED')],
    });
    expect(await list({ assigneeId: 'D-370502-02' })).toEqual({ totalCount: 1, nodes: [row('A', 'RED', 'ASSIGNED')] });
    expect((await list({ from: '2026-03-01', to: '2026-03-01' }, null)).nodes.map((n: { ref: string }) => n.ref)).toEqual(
      [refs.H, refs.G, refs.C].sort().reverse(),
    );
    const page1 = (await data(issues, `{ issues(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { ref } } }`)).issues;
    const page2 = (await data(issues, `query($a: String) { issues(first: 10, after: $a) { pageInfo { hasNextPage } nodes { ref } } }`, { a: page1.pageInfo.endCursor })).issues;
    expect([page1.totalCount, page1.pageInfo.hasNextPage, page1.nodes.length + page2.nodes.length, page2.pageInfo.hasNextPage]).toEqual([8, true, 8, false]);
  });

  it('contributes issues to divisions, enterprises, projects, cadres and visits', async () => {
    const r = await data(
      issues,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Division { code issues(filter: { status: [REPORTED] }) { totalCount nodes { ref } } }
        ... on Enterprise { id issues { totalCount nodes { ref subject { ... on Enterprise { id } } } } }
        ... on Project { id issues { totalCount nodes { ref } } }
        ... on Cadre { id reportedIssues(first: 1) { totalCount nodes { ref reporter { id } } pageInfo { hasNextPage } } }
        ... on Visit { id raisedIssues { ref visit { id } } } } }`,
      {
        r: [
          { __typename: 'Division', code: '370502001000' },
          { __typename: 'Enterprise', id: 'E-0001' },
          { __typename: 'Project', id: 'P-1' },
          { __typename: 'Cadre', id: 'C-00001' },
          { __typename: 'Visit', id: 'V-1' },
          { __typename: 'Visit', id: 'V-2' },
        ],
      },
    );
    expect(r._entities).toEqual([
      { code: '370502001000', issues: { totalCount: 1, nodes: [{ ref: refs.B }] } },
      { id: 'E-0001', issues: { totalCount: 2, nodes: [{ ref: refs.D, subject: { id: 'E-0001' } }, { ref: refs.A, subject: { id: 'E-0001' } }] } },
      { id: 'P-1', issues: { totalCount: 1, nodes: [{ ref: refs.B }] } },
      { id: 'C-00001', reportedIssues: { totalCount: 2, nodes: [{ ref: refs.B, reporter: { id: 'C-00001' } }], pageInfo: { hasNextPage: true } } },
      { id: 'V-1', raisedIssues: [{ ref: refs.A, visit: { id: 'V-1' } }, { ref: refs.C, visit: { id: 'V-1' } }] },
      { id: 'V-2', raisedIssues: [] },
    ]);
  });

  it('answers issueStats and issues of 1,000 divisions in the same number of statements as of 10', async () => {
    const codes: string[] = ['370502000000', '370503000000'];
    for (let t = 1; codes.length < 1000; t++) for (let v = 1; v <= 100 && codes.length < 1000; v++) codes.push(`370502${String(t).padStart(3, '0')}${String(200 + v).padStart(3, '0')}`);
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code
      issueStats { ${STATS} } issues(first: 2) { totalCount nodes { ref history { action } } } } } }`;
    const reps = (list: string[]) => list.map((code) => ({ __typename: 'Division', code }));
    const small = await countStatements(() => data(issues, q, { r: reps(codes.slice(0, 10)) }));
    const large = await countStatements(() => data(issues, q, { r: reps(codes) }));
    expect([large.result._entities.length, small.statements]).toEqual([1000, 9]);
    expect(large.statements).toBe(small.statements);
    const district = large.result._entities[0];
    expect([district.code, district.issueStats, district.issues.totalCount]).toEqual(['370502000000', await stats('370502000000'), 7]);
    expect(large.result._entities.find((e: { code: string }) => e.code === '370502001201').issueStats.total).toBe(3);
  });

  it('rates cadres and departments and summarizes them in one statement per side', async () => {
    const rate = (v: Record<string, unknown>) =>
      runOperation(
        issues,
        `mutation($tt: String!, $t: ID!, $rt: String!, $r: ID!, $s: Int!, $a: RatingAspect, $c: String) {
          rate(targetType: $tt, targetId: $t, raterType: $rt, raterId: $r, score: $s, aspect: $a, comment: $c) { score comment at aspect } }`,
        v,
      );
    const ok = await rate({ tt: 'Cadre', t: 'C-00001', rt: 'Household', r: 'H-1', s: 5, a: 'WORK', c: '办事认真' });
    expect(ok).toEqual({ data: { rate: { score: 5, comment: '办事认真', at: T0.toISOString(), aspect: 'WORK' } } });
    await rate({ tt: 'Cadre', t: 'C-00001', rt: 'Household', r: 'H-2', s: 3, a: 'CONDUCT' });
    await rate({ tt: 'Cadre', t: 'C-00001', rt: 'Household', r: 'H-3', s: 4 });
    await rate({ tt: 'Department', t: 'D-370502-01', rt: 'Enterprise', r: 'E-0001', s: 2, a: 'SERVICE' });
    await rate({ tt: 'Department', t: 'D-370502-02', rt: 'Enterprise', r: 'E-0001', s: 5 });
    const errors = [];
    for (const v of [
      { tt: 'Cadre', t: 'C-00001', rt: 'Household', r: 'H-1', s: 0 },
      { tt: 'Cadre', t: 'C-00001', rt: 'Household', r: 'H-1', s: 6 },
      { tt: 'Cadre', t: 'C-00001', rt: 'Enterprise', r: 'E-1', s: 4 },
      { tt: 'Village', t: 'X', rt: 'Household', r: 'H-1', s: 4 },
      { tt: 'Department', t: 'D-1', rt: 'Enterprise', r: 'E-1', s: 4, a: 'WORK' },
    ]) errors.push((await rate(v)).errors?.map((e) => e.extensions));
    expect(errors).toEqual(['score', 'score', 'raterType', 'targetType', 'aspect'].map((field) => [{ code: 'BAD_USER_INPUT', field }]));
    expect(await issues.ds.getRepository(Rating).count()).toBe(5);
    // a scoped caller rates only for raters in its scope (the fake owners put every household in 370502)
    const rateAs = (viewer: Viewer) =>
      runOperation(issues, `mutation { rate(targetType: "Cadre", targetId: "C-00001", raterType: "Household", raterId: "H-9", score: 4) { score } }`, {}, viewer);
    expect((await rateAs({ sub: 'c', role: 'CADRE', scope: '370503000000' })).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await rateAs({ sub: 'c', role: 'CADRE', scope: '370502000000' })).data).toEqual({ rate: { score: 4 } });
    await issues.ds.getRepository(Rating).delete({ raterId: 'H-9' });
    const { result, statements } = await countStatements(() =>
      data(issues, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cadre { evaluations { count average satisfactionRate } } ... on Enterprise { evaluations { count average satisfactionRate } } } }`, {
        r: [
          { __typename: 'Cadre', id: 'C-00001' },
          { __typename: 'Cadre', id: 'C-00002' },
          { __typename: 'Enterprise', id: 'E-0001' },
          { __typename: 'Enterprise', id: 'E-0002' },
        ],
      }),
    );
    expect(result._entities).toEqual([
      { evaluations: { count: 3, average: 4, satisfactionRate: 2 / 3 } },
      { evaluations: { count: 0, average: null, satisfactionRate: null } },
      { evaluations: { count: 2, average: 3.5, satisfactionRate: 0.5 } },
      { evaluations: { count: 0, average: null, satisfactionRate: null } },
    ]);
    expect(statements).toBe(2);
  });
});

describeEachDatabase('issues subgraph: demo data', (db) => {
  let issues: Subgraph;
  const world = buildDemoWorld({ seed: 2023, scale: 1 });
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, { config, now: () => T0 });
  });
  afterAll(() => issues?.stop());

  it('seeds issues in every state and district, referencing only demo-world ids, once', async () => {
    expect(await issues.seed(world)).toBe(true);
    expect(await issues.seed(world)).toBe(false);
    const rows = await issues.ds.getRepository(Issue).find();
    const divisions = new Set(world.divisions.map((d) => d.code));
    const departments = new Set(world.departments.map((d) => d.id));
    const cadres = new Set(world.cadres.map((c) => c.id));
    const enterprises = new Set(world.enterprises.map((e) => e.id));
    const people = buildDemoPeople(world, { today: '2026-03-02' }); // T0's day, as the seed builds them
    const households = new Set(people.households.map((h) => h.id));
    const visits = new Map(people.visits.map((v) => [v.id, v]));
    const projects = new Set(buildDemoProjects(world).projects.map((p) => p.id));
    expect({
      statuses: [...new Set(rows.map((r) => r.status))].sort(),
      districts: new Set(rows.map((r) => r.divisionCode.slice(0, 6))).size,
      categories: new Set(rows.map((r) => r.category)).size,
      reopened: rows.some((r) => r.reopenCount > 0),
      closedLate: rows.some((r) => r.status === 'CLOSED' && r.finishedAt! > r.deadline),
      overdue: rows.some((r) => lightOf(r, T0) === 'RED' && !r.finishedAt),
      supervised: rows.some((r) => r.supervisionLevel > 0),
      subjectTypes: [...new Set(rows.map((r) => r.subjectType))].sort(),
      fromVisits: rows.some((r) => r.visitId),
      badRefs: rows.filter(
        (r) =>
          !divisions.has(r.divisionCode) ||
          (r.assigneeId && !departments.has(r.assigneeId)) ||
          (r.reporterId && !cadres.has(r.reporterId)) ||
          (r.subjectType === 'Enterprise' && !enterprises.has(r.subjectId!)) ||
          (r.subjectType === 'Division' && !divisions.has(r.subjectId!)) ||
          (r.subjectType === 'Household' && !households.has(r.subjectId!)) ||
          (r.subjectType === 'Project' && !projects.has(r.subjectId!)) ||
          (r.visitId && (visits.get(r.visitId)?.divisionCode !== r.divisionCode || !visits.get(r.visitId)!.cadreIds.includes(r.reporterId!))),
      ).length,
    }).toEqual({ statuses: [...issueStatuses].sort(), districts: 5, categories: 11, reopened: true, closedLate: true, overdue: true, supervised: true,
      subjectTypes: ['Division', 'Enterprise', 'Household', 'Project'], fromVisits: true, badRefs: 0 });
    // The SQL aggregates agree with the rows counted in JS.
    const open = rows.filter((r) => !r.finishedAt);
    const city = (await data(issues, `{ issueStats(divisionCode: "370500000000") { total open closed green yellow red } }`)).issueStats;
    expect(city).toEqual({
      total: rows.length,
      open: open.length,
      closed: rows.filter((r) => r.status === 'CLOSED').length,
      green: open.filter((r) => lightOf(r, T0) === 'GREEN').length,
      yellow: open.filter((r) => lightOf(r, T0) === 'YELLOW').length,
      red: open.filter((r) => lightOf(r, T0) === 'RED').length,
    });
    const householdLinks = people.liaisons.filter((l) => l.targetType === 'Household').length;
    expect(await issues.ds.getRepository(Rating).count()).toBe(world.enterprises.length * 2 + Math.ceil(householdLinks / 3) * 2);
  });

  it('seeds again over a seed that was interrupted, but never over work people did', async () => {
    const count = () => issues.ds.getRepository(Issue).count();
    const total = await count();
    // interrupted: the last issues and all ratings missing
    const last = await issues.ds.getRepository(Issue).find({ order: { ref: 'DESC' }, take: 3 });
    await issues.ds.getRepository(IssueEvent).delete({ issueId: In(last.map((i) => i.id)) });
    await issues.ds.getRepository(Issue).delete({ id: In(last.map((i) => i.id)) });
    await issues.ds.getRepository(Rating).clear();
    expect(await issues.seed(world)).toBe(true);
    expect(await count()).toBe(total);
    // a person's step in the ledger: an interrupted-looking seed is left alone
    await issues.ds.getRepository(Rating).clear();
    const [one] = await issues.ds.getRepository(Issue).find({ where: { status: 'REPORTED', supervisionLevel: LessThan(3) }, order: { ref: 'ASC' }, take: 1 });
    await data(issues, `mutation($id: ID!) { superviseIssue(id: $id, expectedVersion: ${one.version}) { version } }`, { id: one.id });
    expect(await issues.seed(world)).toBe(false);
    expect(await count()).toBe(total);
  });
});
