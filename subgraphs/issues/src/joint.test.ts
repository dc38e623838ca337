import type { Subgraph, Viewer } from '@cadres/kit';
import { countStatements, data, describeEachDatabase, runOperation } from '@cadres/kit/src/testing';
import { CoHandler, Issue, IssueEvent, Meeting } from './entities';
import * as service from './service';
import { createIssuesSubgraph, testConfig } from './test-owners';
import { allowedSteps } from './workflow';

const config = testConfig();
const T0 = new Date('2026-03-02T08:00:00.000Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const iso = (hours: number) => at(hours).toISOString();
const DISTRICT = '370502000000';
const LEAD = 'D-370502-01';
const CO1 = 'D-370502-02';
const CO2 = 'D-370500-01'; // the city's: it serves every district
const dept = (sub: string, departmentId: string): Viewer => ({ sub, role: 'DEPARTMENT', scope: DISTRICT, departmentId });
const lead = dept('lead', LEAD);
const co1 = dept('co-1', CO1);
const co2 = dept('co-2', CO2);

const FIELDS = `status version feedback assignee { id } coHandlers { department { id } status feedback }
  meetings { date departments { id } decision at } history { at action fromStatus toStatus actor note }`;
const DOCS = {
  assignIssue: `mutation($id: ID!, $v: Int!, $d: ID!) { assignIssue(id: $id, expectedVersion: $v, departmentId: $d) { ${FIELDS} } }`,
  addCoHandler: `mutation($id: ID!, $v: Int!, $d: ID!) { addCoHandler(id: $id, expectedVersion: $v, departmentId: $d) { ${FIELDS} } }`,
  acceptCoHandling: `mutation($id: ID!, $v: Int!) { acceptCoHandling(id: $id, expectedVersion: $v) { ${FIELDS} } }`,
  reportCoHandling: `mutation($id: ID!, $v: Int!, $f: String!) { reportCoHandling(id: $id, expectedVersion: $v, feedback: $f) { ${FIELDS} } }`,
  recordMeeting: `mutation($id: ID!, $v: Int!, $date: Date!, $ds: [ID!]!, $decision: String!) {
    recordMeeting(id: $id, expectedVersion: $v, date: $date, departmentIds: $ds, decision: $decision) { ${FIELDS} } }`,
  acceptIssue: `mutation($id: ID!, $v: Int!) { acceptIssue(id: $id, expectedVersion: $v) { ${FIELDS} } }`,
  startIssue: `mutation($id: ID!, $v: Int!) { startIssue(id: $id, expectedVersion: $v) { ${FIELDS} } }`,
  resolveIssue: `mutation($id: ID!, $v: Int!, $f: String!) { resolveIssue(id: $id, expectedVersion: $v, feedback: $f) { ${FIELDS} } }`,
};
type Doc = keyof typeof DOCS;

const reportInput = {
  title: '小区积水', description: '雨后积水严重', category: 'INFRASTRUCTURE', kind: 'HELP', source: 'VISIT', urgency: 'GENERAL', divisionCode: '370502001201',
};

describeEachDatabase('issues subgraph: joint handling (共同接单) and meetings (联席会议)', (db) => {
  let issues: Subgraph;
  let clock = T0;
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, { config, now: () => clock });
  });
  afterAll(() => issues?.stop());
  beforeEach(() => {
    clock = T0;
  });

  const run = (doc: Doc, vars: Record<string, unknown>, viewer?: Viewer) => runOperation(issues, DOCS[doc], vars, viewer);
  const step = async (doc: Doc, vars: Record<string, unknown>, viewer?: Viewer) => {
    const r = await run(doc, vars, viewer);
    if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
    return r.data![doc];
  };
  const errorsOf = async (doc: Doc, vars: Record<string, unknown>, viewer?: Viewer) => (await run(doc, vars, viewer)).errors?.map((e) => e.extensions);
  const report = async () =>
    (await data(issues, `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id ref } }`, { input: reportInput })).reportIssue as { id: string; ref: string };
  const snapshot = async (id: string) => ({
    issue: await issues.ds.getRepository(Issue).findOneByOrFail({ id }),
    events: await issues.ds.getRepository(IssueEvent).countBy({ issueId: id }),
    coHandlers: await issues.ds.getRepository(CoHandler).find({ where: { issueId: id }, order: { seq: 'ASC' } }),
    meetings: await issues.ds.getRepository(Meeting).countBy({ issueId: id }),
  });

  it('resolves only once every co-handler has reported, with each part, the meeting and every step in the history', async () => {
    const { id } = await report();
    const moves: [Doc, Record<string, unknown>, Viewer | undefined][] = [
      ['assignIssue', { d: LEAD }, undefined],
      ['addCoHandler', { d: CO1 }, undefined],
      ['addCoHandler', { d: CO2 }, undefined],
      ['acceptIssue', {}, lead],
      ['startIssue', {}, lead],
      ['acceptCoHandling', {}, co1],
      ['recordMeeting', { date: '2026-03-02', ds: [LEAD, CO1, CO2], decision: '排水归区住建局, 管网归市水务局' }, lead],
      ['reportCoHandling', { f: '已疏通雨水口' }, co1],
    ];
    let v = 1;
    for (const [n, [doc, vars, viewer]] of moves.entries()) {
      clock = at(n + 1);
      v = (await step(doc, { id, v, ...vars }, viewer)).version;
    }
    // CO2 has not reported: the lead cannot resolve, and nothing is written.
    clock = at(9);
    const before = await snapshot(id);
    const refused = await run('resolveIssue', { id, v, f: '已排除积水' }, lead);
    expect([refused.errors?.map((e) => e.extensions), refused.errors?.[0].message]).toEqual([
      [{ code: 'INVALID_TRANSITION', current: 'IN_PROGRESS', allowed: allowedSteps('IN_PROGRESS').filter((s) => s !== 'resolve') }],
      expect.stringContaining(`waits for its co-handlers to report: ${CO2}`),
    ]);
    expect(await snapshot(id)).toEqual(before);
    clock = at(10);
    v = (await step('acceptCoHandling', { id, v }, co2)).version;
    clock = at(11);
    v = (await step('reportCoHandling', { id, v, f: '已更换排水管' }, co2)).version;
    clock = at(12);
    const resolved = await step('resolveIssue', { id, v, f: '已排除积水' }, lead);
    const ev = (h: number, action: string, from: string | null, to: string, actor: string, note: string | null) => ({
      at: iso(h), action, fromStatus: from, toStatus: to, actor, note,
    });
    expect(resolved).toEqual({
      status: 'RESOLVED',
      version: 12,
      feedback: '已排除积水',
      assignee: { id: LEAD },
      coHandlers: [
        { department: { id: CO1 }, status: 'REPORTED', feedback: '已疏通雨水口' },
        { department: { id: CO2 }, status: 'REPORTED', feedback: '已更换排水管' },
      ],
      meetings: [{ date: '2026-03-02', departments: [{ id: LEAD }, { id: CO1 }, { id: CO2 }], decision: '排水归区住建局, 管网归市水务局', at: iso(7) }],
      history: [
        ev(0, 'REPORT', null, 'REPORTED', 'test-admin', null),
        ev(1, 'ASSIGN', 'REPORTED', 'ASSIGNED', 'test-admin', LEAD),
        ev(2, 'ADD_CO_HANDLER', 'ASSIGNED', 'ASSIGNED', 'test-admin', CO1),
        ev(3, 'ADD_CO_HANDLER', 'ASSIGNED', 'ASSIGNED', 'test-admin', CO2),
        ev(4, 'ACCEPT', 'ASSIGNED', 'ACCEPTED', 'lead', null),
        ev(5, 'START', 'ACCEPTED', 'IN_PROGRESS', 'lead', null),
        ev(6, 'ACCEPT_CO_HANDLING', 'IN_PROGRESS', 'IN_PROGRESS', 'co-1', CO1),
        ev(7, 'MEETING', 'IN_PROGRESS', 'IN_PROGRESS', 'lead', '2026-03-02: 排水归区住建局, 管网归市水务局'),
        ev(8, 'REPORT_CO_HANDLING', 'IN_PROGRESS', 'IN_PROGRESS', 'co-1', `${CO1}: 已疏通雨水口`),
        ev(10, 'ACCEPT_CO_HANDLING', 'IN_PROGRESS', 'IN_PROGRESS', 'co-2', CO2),
        ev(11, 'REPORT_CO_HANDLING', 'IN_PROGRESS', 'IN_PROGRESS', 'co-2', `${CO2}: 已更换排水管`),
        ev(12, 'RESOLVE', 'IN_PROGRESS', 'RESOLVED', 'lead', '已排除积水'),
      ],
    });
  });

  it('validates every argument with a code and the field, refuses steps out of turn, and writes nothing when it refuses', async () => {
    const { id } = await report();
    const reported = await snapshot(id);
    expect(await errorsOf('addCoHandler', { id, v: 1, d: CO1 })).toEqual([
      { code: 'INVALID_TRANSITION', current: 'REPORTED', allowed: allowedSteps('REPORTED') }, // no lead yet
    ]);
    expect(await snapshot(id)).toEqual(reported);
    await step('assignIssue', { id, v: 1, d: LEAD });
    const assigned = await snapshot(id);
    const meeting = { id, v: 2, date: '2026-03-02', ds: [LEAD], decision: '协调' };
    const refusals = [
      await errorsOf('addCoHandler', { id, v: 2, d: LEAD }), // the lead itself
      await errorsOf('addCoHandler', { id, v: 2, d: 'D-370503-01' }), // serves another district
      await errorsOf('addCoHandler', { id, v: 2, d: 'D-missing' }),
      await errorsOf('addCoHandler', { id, v: 2, d: '  ' }),
      await errorsOf('addCoHandler', { id, v: 1, d: CO1 }),
      await errorsOf('recordMeeting', { ...meeting, ds: [] }),
      await errorsOf('recordMeeting', { ...meeting, ds: [LEAD, LEAD] }),
      await errorsOf('recordMeeting', { ...meeting, ds: [LEAD, 'D-missing'] }),
      await errorsOf('recordMeeting', { ...meeting, decision: ' ' }),
      await errorsOf('recordMeeting', { ...meeting, decision: 'x'.repeat(1901) }),
      await errorsOf('recordMeeting', { ...meeting, v: 1 }),
    ];
    expect(refusals).toEqual([
      [{ code: 'BAD_USER_INPUT', field: 'departmentId' }],
      [{ code: 'BAD_USER_INPUT', field: 'departmentId' }],
      [{ code: 'NOT_FOUND', field: 'departmentId' }],
      [{ code: 'BAD_USER_INPUT', field: 'departmentId' }],
      [{ code: 'CONFLICT', field: 'expectedVersion' }],
      [{ code: 'BAD_USER_INPUT', field: 'departmentIds' }],
      [{ code: 'BAD_USER_INPUT', field: 'departmentIds' }],
      [{ code: 'NOT_FOUND', field: 'departmentIds' }],
      [{ code: 'BAD_USER_INPUT', field: 'decision' }],
      [{ code: 'BAD_USER_INPUT', field: 'decision' }],
      [{ code: 'CONFLICT', field: 'expectedVersion' }],
    ]);
    expect(await snapshot(id)).toEqual(assigned);

    await step('addCoHandler', { id, v: 2, d: CO1 });
    const joint = await snapshot(id);
    expect([
      await errorsOf('addCoHandler', { id, v: 3, d: CO1 }), // twice
      await errorsOf('assignIssue', { id, v: 3, d: CO1 }), // a co-handler cannot become the lead beside itself
      await errorsOf('reportCoHandling', { id, v: 3, f: '已处理' }, co1), // not signed for yet
      await errorsOf('reportCoHandling', { id, v: 3, f: ' ' }, co1),
      await errorsOf('acceptCoHandling', { id, v: 2 }, co1),
    ]).toEqual([
      [{ code: 'CONFLICT', field: 'departmentId' }],
      [{ code: 'BAD_USER_INPUT', field: 'departmentId' }],
      [{ code: 'INVALID_TRANSITION', current: 'ASSIGNED', allowed: allowedSteps('ASSIGNED').filter((s) => s !== 'reportCoHandling') }],
      [{ code: 'BAD_USER_INPUT', field: 'feedback' }],
      [{ code: 'CONFLICT', field: 'expectedVersion' }],
    ]);
    expect(await snapshot(id)).toEqual(joint);
    await step('acceptCoHandling', { id, v: 3 }, co1);
    expect(await errorsOf('acceptCoHandling', { id, v: 4 }, co1)).toEqual([
      { code: 'INVALID_TRANSITION', current: 'ASSIGNED', allowed: allowedSteps('ASSIGNED').filter((s) => s !== 'acceptCoHandling') }, // already signed for
    ]);
  });
});

describeEachDatabase('issues subgraph: joint handling in the statistics', (db) => {
  let issues: Subgraph;
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, { config, now: () => T0 });
    const a = { ds: issues.ds, now: T0, actor: 'admin', config };
    // A: led by LEAD with CO1 beside it; B: led by CO1 alone.
    const A = await service.reportIssue(a, reportInput as service.ReportIssueInput);
    await service.addCoHandler(a, A.id, (await service.assignIssue(a, A.id, LEAD, 1)).version, CO1);
    const B = await service.reportIssue(a, reportInput as service.ReportIssueInput);
    await service.assignIssue(a, B.id, CO1, 1);
  });
  afterAll(() => issues?.stop());

  const STATS = 'total assigned open coHandled responseRate';
  const read = (viewer?: Viewer) =>
    data(
      issues,
      `query($r: [_Any!]!) { issueStats(divisionCode: "370500000000") { ${STATS} }
        _entities(representations: $r) { ... on Department { id issueStats { ${STATS} } } ... on Division { code issueStats { ${STATS} } } } }`,
      { r: [LEAD, CO1, CO2].map((id) => ({ __typename: 'Department', id })).concat([{ __typename: 'Division', code: DISTRICT } as never, { __typename: 'Division', code: '370503000000' } as never]) },
      viewer,
    );

  it("counts a co-handled issue for its co-handler apart from the issues it leads, and for its subtree once", async () => {
    const stats = (total: number, assigned: number, coHandled: number) => ({ total, assigned, open: total, coHandled, responseRate: assigned ? 0 : null });
    expect(await read()).toEqual({
      issueStats: stats(2, 2, 1),
      _entities: [
        { id: LEAD, issueStats: stats(1, 1, 0) },
        { id: CO1, issueStats: stats(1, 1, 1) },
        { id: CO2, issueStats: stats(0, 0, 0) },
        { code: DISTRICT, issueStats: stats(2, 2, 1) },
        { code: '370503000000', issueStats: stats(0, 0, 0) },
      ],
    });
    // Nobody counts issues it cannot read: another district's analyst sees none.
    const other = await read({ sub: 'analyst-503', role: 'ANALYST', scope: '370503000000' });
    expect(other._entities.map((e: { issueStats: { coHandled: number } }) => e.issueStats.coHandled)).toEqual([0, 0, 0, 0, 0]);
  });

  it('answers coHandled in the same number of statements for 10 and for 500 departments', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { issueStats { total coHandled } } } }`;
    const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Department', id: i === 0 ? CO1 : `D-370502-${1000 + i}` }));
    const small = await countStatements(() => data(issues, q, { r: reps(10) }));
    const large = await countStatements(() => data(issues, q, { r: reps(500) }));
    expect([small.statements, large.statements]).toEqual([2, 2]);
    expect(large.result._entities[0].issueStats).toEqual({ total: 1, coHandled: 1 });
  });
});
