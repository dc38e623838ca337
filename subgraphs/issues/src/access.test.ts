import type { Subgraph, Viewer } from '@cadres/kit';
import { data, describeEachDatabase, runOperation } from '@cadres/kit/src/testing';
import type { IssuesConfig } from './config';
import { CoHandler, DeadlineExtension, Issue, IssueEvent, Meeting, Rating } from './entities';
import * as service from './service';
import { createIssuesSubgraph, testConfig } from './test-owners';

const config = testConfig();
const T0 = new Date('2026-03-02T08:00:00.000Z');
const DISTRICT = '370502000000';
const VILLAGE = '370502001201';
const ASSIGNEE = 'D-370502-01';
/** The lead when the DEPARTMENT viewer's department (ASSIGNEE) co-handles. */
const OTHER_LEAD = 'D-370502-03';

const viewers = {
  ADMIN: { sub: 'admin', role: 'ADMIN', scope: null },
  DEPARTMENT: { sub: 'dept', role: 'DEPARTMENT', scope: DISTRICT, departmentId: ASSIGNEE },
  CADRE: { sub: 'cadre', role: 'CADRE', scope: DISTRICT, cadreId: 'C-00005' },
  ANALYST: { sub: 'analyst', role: 'ANALYST', scope: null },
  PARTNER: { sub: 'hotline', role: 'PARTNER', scope: null },
} satisfies Record<string, Viewer>;
type RoleName = keyof typeof viewers;

const reportInput = (over: Record<string, unknown> = {}) => ({
  title: '路灯损坏', description: '夜间出行不便', category: 'INFRASTRUCTURE', kind: 'HELP', source: 'HOTLINE', urgency: 'GENERAL',
  divisionCode: VILLAGE, ...over,
});

/** Every issues mutation: the state its issue is prepared in (by a trusted actor), and its document. */
/** CO_ASSIGNED, CO_ACCEPTED: led by OTHER_LEAD, ASSIGNEE co-handling it (its part added, or signed for). */
type Stage = 'none' | 'REPORTED' | 'ASSIGNED' | 'ACCEPTED' | 'IN_PROGRESS' | 'RESOLVED' | 'EXTENSION_REQUESTED' | 'CO_ASSIGNED' | 'CO_ACCEPTED';
const mutations: Record<string, { stage: Stage; doc: string }> = {
  reportIssue: { stage: 'none', doc: `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id } }` },
  assignIssue: { stage: 'REPORTED', doc: `mutation($id: ID!, $v: Int!) { assignIssue(id: $id, expectedVersion: $v, departmentId: "${ASSIGNEE}") { id } }` },
  acceptIssue: { stage: 'ASSIGNED', doc: `mutation($id: ID!, $v: Int!) { acceptIssue(id: $id, expectedVersion: $v) { id } }` },
  startIssue: { stage: 'ACCEPTED', doc: `mutation($id: ID!, $v: Int!) { startIssue(id: $id, expectedVersion: $v) { id } }` },
  resolveIssue: { stage: 'IN_PROGRESS', doc: `mutation($id: ID!, $v: Int!) { resolveIssue(id: $id, expectedVersion: $v, feedback: "已修复") { id } }` },
  evaluateIssue: { stage: 'RESOLVED', doc: `mutation($id: ID!, $v: Int!) { evaluateIssue(id: $id, expectedVersion: $v, satisfaction: SATISFIED, solved: true) { id } }` },
  rejectIssue: { stage: 'REPORTED', doc: `mutation($id: ID!, $v: Int!) { rejectIssue(id: $id, expectedVersion: $v, reason: "不属于本级职责") { id } }` },
  extendDeadline: { stage: 'ASSIGNED', doc: `mutation($id: ID!, $v: Int!) { extendDeadline(id: $id, expectedVersion: $v, newDeadline: "2026-03-20T00:00:00Z", reason: "需协调") { id } }` },
  superviseIssue: { stage: 'ASSIGNED', doc: `mutation($id: ID!, $v: Int!) { superviseIssue(id: $id, expectedVersion: $v) { id } }` },
  requestExtension: { stage: 'ASSIGNED', doc: `mutation($id: ID!, $v: Int!) { requestExtension(id: $id, expectedVersion: $v, newDeadline: "2026-03-20T00:00:00Z", reason: "需协调供电公司") { id } }` },
  decideExtension: { stage: 'EXTENSION_REQUESTED', doc: `mutation($id: ID!, $v: Int!) { decideExtension(id: $id, expectedVersion: $v, approve: true) { id } }` },
  addCoHandler: { stage: 'ASSIGNED', doc: `mutation($id: ID!, $v: Int!) { addCoHandler(id: $id, expectedVersion: $v, departmentId: "D-370502-02") { id } }` },
  acceptCoHandling: { stage: 'CO_ASSIGNED', doc: `mutation($id: ID!, $v: Int!) { acceptCoHandling(id: $id, expectedVersion: $v) { id } }` },
  reportCoHandling: { stage: 'CO_ACCEPTED', doc: `mutation($id: ID!, $v: Int!) { reportCoHandling(id: $id, expectedVersion: $v, feedback: "已清理") { id } }` },
  recordMeeting: {
    stage: 'ASSIGNED',
    doc: `mutation($id: ID!, $v: Int!) { recordMeeting(id: $id, expectedVersion: $v, date: "2026-03-03", departmentIds: ["${ASSIGNEE}", "D-370502-02"], decision: "分工协作") { id } }`,
  },
  rate: { stage: 'none', doc: `mutation($rater: ID!) { rate(targetType: "Cadre", targetId: "C-00001", raterType: "Household", raterId: $rater, score: 5, aspect: WORK) { id } }` },
};
type MutationName = keyof typeof mutations;

/** The role matrix, exactly: what each role may do to an issue in its scope that it reported (PARTNER, CADRE) or that is assigned to it (DEPARTMENT). */
const OK = 'OK';
const NO = 'FORBIDDEN';
const expected: Record<RoleName, Record<MutationName, string>> = {
  ADMIN: { reportIssue: OK, assignIssue: OK, acceptIssue: OK, startIssue: OK, resolveIssue: OK, evaluateIssue: OK, rejectIssue: OK, extendDeadline: OK, superviseIssue: OK, requestExtension: NO, decideExtension: OK, addCoHandler: OK, acceptCoHandling: NO, reportCoHandling: NO, recordMeeting: OK, rate: OK },
  DEPARTMENT: { reportIssue: NO, assignIssue: NO, acceptIssue: OK, startIssue: OK, resolveIssue: OK, evaluateIssue: NO, rejectIssue: NO, extendDeadline: NO, superviseIssue: NO, requestExtension: OK, decideExtension: NO, addCoHandler: NO, acceptCoHandling: OK, reportCoHandling: OK, recordMeeting: OK, rate: NO },
  CADRE: { reportIssue: OK, assignIssue: NO, acceptIssue: NO, startIssue: NO, resolveIssue: NO, evaluateIssue: OK, rejectIssue: NO, extendDeadline: NO, superviseIssue: NO, requestExtension: NO, decideExtension: NO, addCoHandler: NO, acceptCoHandling: NO, reportCoHandling: NO, recordMeeting: NO, rate: OK },
  ANALYST: { reportIssue: NO, assignIssue: NO, acceptIssue: NO, startIssue: NO, resolveIssue: NO, evaluateIssue: NO, rejectIssue: NO, extendDeadline: NO, superviseIssue: NO, requestExtension: NO, decideExtension: NO, addCoHandler: NO, acceptCoHandling: NO, reportCoHandling: NO, recordMeeting: NO, rate: NO },
  PARTNER: { reportIssue: OK, assignIssue: NO, acceptIssue: NO, startIssue: NO, resolveIssue: NO, evaluateIssue: OK, rejectIssue: NO, extendDeadline: NO, superviseIssue: NO, requestExtension: NO, decideExtension: NO, addCoHandler: NO, acceptCoHandling: NO, reportCoHandling: NO, recordMeeting: NO, rate: OK },
};

/** Walks a new issue, reported by `reporter` (a token sub) in `divisionCode`, to `stage` as trusted actors do. */
async function prepare(ds: Subgraph['ds'], cfg: IssuesConfig, stage: Stage, reporter: string, divisionCode = VILLAGE): Promise<Issue | null> {
  if (stage === 'none') return null;
  const a = (actor: string) => ({ ds, now: T0, actor, config: cfg });
  let i = await service.reportIssue(a(reporter), reportInput({ divisionCode }) as service.ReportIssueInput);
  const order: Stage[] = ['REPORTED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED'];
  const jointly = stage === 'CO_ASSIGNED' || stage === 'CO_ACCEPTED';
  const upTo = stage === 'EXTENSION_REQUESTED' || jointly ? 1 : order.indexOf(stage);
  if (upTo >= 1) i = await service.assignIssue(a('admin'), i.id, jointly ? OTHER_LEAD : ASSIGNEE, i.version);
  if (jointly) i = await service.addCoHandler(a('admin'), i.id, i.version, ASSIGNEE);
  if (stage === 'CO_ACCEPTED') i = await service.acceptCoHandling(a('dept'), i.id, i.version, ASSIGNEE);
  if (upTo >= 2) i = await service.acceptIssue(a('dept'), i.id, i.version);
  if (upTo >= 3) i = await service.startIssue(a('dept'), i.id, i.version);
  if (upTo >= 4) i = await service.resolveIssue(a('dept'), i.id, i.version, '已修复');
  if (stage === 'EXTENSION_REQUESTED') i = await service.requestExtension(a('dept'), i.id, i.version, new Date('2026-03-20T00:00:00Z'), '需协调');
  return i;
}

describeEachDatabase('issues subgraph: the role matrix', (db) => {
  let issues: Subgraph;
  beforeAll(async () => {
    // C-00005 (the CADRE viewer) belongs to another department than the assignee.
    issues = await createIssuesSubgraph(db, { config, now: () => T0, people: { cadres: { 'C-00005': 'D-370502-09' } } });
  });
  afterAll(() => issues?.stop());

  /** Everything a refused write could have touched. */
  const snapshot = async (id?: string) => ({
    issue: id ? await issues.ds.getRepository(Issue).findOneByOrFail({ id }) : null,
    issues: await issues.ds.getRepository(Issue).count(),
    events: await issues.ds.getRepository(IssueEvent).count(),
    extensions: await issues.ds.getRepository(DeadlineExtension).find({ order: { id: 'ASC' } }),
    ratings: await issues.ds.getRepository(Rating).count(),
    coHandlers: await issues.ds.getRepository(CoHandler).find({ order: { issueId: 'ASC', departmentId: 'ASC' } }),
    meetings: await issues.ds.getRepository(Meeting).count(),
  });
  const outcome = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
    r.errors ? r.errors.map((e) => e.extensions?.code).join() : OK;

  it('gives every role exactly its rights on every mutation, and a refusal writes nothing', async () => {
    const got: Record<string, Record<string, string>> = {};
    for (const role of Object.keys(viewers) as RoleName[]) {
      got[role] = {};
      const viewer = viewers[role];
      for (const [name, m] of Object.entries(mutations)) {
        const issue = await prepare(issues.ds, config, m.stage, viewer.sub);
        const vars = issue ? { id: issue.id, v: issue.version } : { input: reportInput(), rater: `H-${role}` };
        const before = await snapshot(issue?.id);
        const result = await runOperation(issues, m.doc, vars, viewer);
        got[role][name] = outcome(result);
        if (result.errors) expect([role, name, await snapshot(issue?.id)]).toEqual([role, name, before]);
      }
    }
    expect(got).toEqual(expected);
  });

  it('confines the loop to the assignee, the return visit to the reporter, and keeps anyone from evaluating its own department', async () => {
    const codes = async (stage: Stage, reporter: string, doc: string, viewer: Viewer) => {
      const issue = (await prepare(issues.ds, config, stage, reporter))!;
      const before = await snapshot(issue.id);
      const r = await runOperation(issues, doc, { id: issue.id, v: issue.version }, viewer);
      if (r.errors) expect(await snapshot(issue.id)).toEqual(before);
      return outcome(r);
    };
    const otherDepartment = { ...viewers.DEPARTMENT, sub: 'dept-2', departmentId: 'D-370502-02' };
    const noDepartment = { sub: 'dept-3', role: 'DEPARTMENT', scope: DISTRICT } as Viewer;
    expect([
      await codes('ASSIGNED', 'admin', mutations.acceptIssue.doc, otherDepartment),
      await codes('ASSIGNED', 'admin', mutations.acceptIssue.doc, noDepartment),
      await codes('ASSIGNED', 'admin', mutations.requestExtension.doc, otherDepartment),
      await codes('IN_PROGRESS', 'admin', mutations.resolveIssue.doc, { ...viewers.DEPARTMENT, scope: '370503000000' }),
      // The return visit: only by the PARTNER or CADRE that reported the issue.
      await codes('RESOLVED', 'someone-else', mutations.evaluateIssue.doc, viewers.PARTNER),
      await codes('RESOLVED', 'someone-else', mutations.evaluateIssue.doc, viewers.CADRE),
      // Its own department handled it: an ADMIN of the assignee, a reporting cadre of the assignee (people says so).
      await codes('RESOLVED', 'admin', mutations.evaluateIssue.doc, { ...viewers.ADMIN, departmentId: ASSIGNEE }),
      await codes('RESOLVED', 'cadre-7', mutations.evaluateIssue.doc, { sub: 'cadre-7', role: 'CADRE', scope: DISTRICT, cadreId: 'C-00007' }),
      // Joint handling: a department that does not co-handle it signs for no part; a co-handler neither resolves (the lead does) nor records meetings.
      await codes('CO_ASSIGNED', 'admin', mutations.acceptCoHandling.doc, otherDepartment),
      await codes('CO_ASSIGNED', 'admin', mutations.recordMeeting.doc, viewers.DEPARTMENT),
      await codes('CO_ASSIGNED', 'admin', mutations.acceptCoHandling.doc, { ...viewers.DEPARTMENT, departmentId: OTHER_LEAD }),
      // Outside the scope, even ADMIN.
      await codes('REPORTED', 'admin', mutations.superviseIssue.doc, { ...viewers.ADMIN, scope: '370503000000' }),
    ]).toEqual([NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO]);
  });

  it('lets a cadre report only as itself, and assigns only to a department that serves the issue', async () => {
    const report = (reporterId: string | null, viewer: Viewer) =>
      runOperation(issues, mutations.reportIssue.doc, { input: reportInput({ reporterId }) }, viewer);
    const before = await issues.ds.getRepository(Issue).count();
    expect((await report('C-00001', viewers.CADRE)).errors?.map((e) => e.extensions)).toEqual([{ code: 'FORBIDDEN', field: 'input.reporterId' }]);
    expect(await issues.ds.getRepository(Issue).count()).toBe(before);
    expect(outcome(await report('C-00005', viewers.CADRE))).toBe(OK);
    expect(outcome(await report('C-00001', viewers.ADMIN))).toBe(OK);

    const assign = async (departmentId: string) => {
      const issue = (await prepare(issues.ds, config, 'REPORTED', 'admin'))!;
      const r = await runOperation(
        issues,
        `mutation($id: ID!, $d: ID!) { assignIssue(id: $id, expectedVersion: 1, departmentId: $d) { assignee { id } } }`,
        { id: issue.id, d: departmentId },
        viewers.ADMIN,
      );
      return r.errors ? r.errors.map((e) => e.extensions) : r.data!.assignIssue.assignee.id;
    };
    expect(await assign('D-370503-01')).toEqual([{ code: 'BAD_USER_INPUT', field: 'departmentId' }]); // another district's
    expect(await assign('D-370500-01')).toBe('D-370500-01'); // the city's covers every district
    expect(await assign('D-missing')).toEqual([{ code: 'NOT_FOUND', field: 'departmentId' }]);
  });
});

describeEachDatabase('issues subgraph: what each token reads', (db) => {
  let issues: Subgraph;
  const ids: Record<string, Issue> = {};
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, { config, now: () => T0 });
    ids.own = (await prepare(issues.ds, config, 'ASSIGNED', 'hotline'))!;
    ids.other = (await prepare(issues.ds, config, 'ASSIGNED', 'admin'))!;
    ids.elsewhere = (await prepare(issues.ds, config, 'REPORTED', 'hotline', '370503001001'))!;
    await issues.ds.getRepository(Rating).insert({
      id: 'R-1', targetType: 'Cadre', targetId: 'C-00001', raterType: 'Household', raterId: 'H-1', aspect: 'WORK', aspectKey: 'WORK', period: 2026, score: 5, comment: null, at: T0,
    });
  });
  afterAll(() => issues?.stop());

  const read = (viewer: Viewer) =>
    data(
      issues,
      `query($own: ID, $other: ID, $ref: String, $r: [_Any!]!) {
        own: issue(id: $own) { ref status history { action actor } }
        other: issue(id: $other) { ref }
        byRef: issue(ref: $ref) { ref }
        issues { totalCount nodes { ref } }
        issueStats(divisionCode: "370500000000") { total open }
        _entities(representations: $r) {
          ... on Issue { ref }
          ... on Division { code issueStats { total } issues { totalCount nodes { ref } } }
          ... on Enterprise { issues { totalCount } }
          ... on Cadre { reportedIssues { totalCount } evaluations { count } }
        } }`,
      {
        own: ids.own.id,
        other: ids.other.id,
        ref: ids.elsewhere.ref,
        r: [
          { __typename: 'Issue', id: ids.other.id },
          { __typename: 'Issue', id: ids.elsewhere.id },
          { __typename: 'Division', code: '370500000000' },
          { __typename: 'Division', code: '370503000000' },
          { __typename: 'Enterprise', id: 'E-0001' },
          { __typename: 'Cadre', id: 'C-00001' },
        ],
      },
      viewer,
    );

  it('shows PARTNER only the issues it reported, with their status and history, in lookups, lists and stats', async () => {
    const r = await read(viewers.PARTNER);
    expect(r).toEqual({
      own: { ref: ids.own.ref, status: 'ASSIGNED', history: [{ action: 'REPORT', actor: 'hotline' }, { action: 'ASSIGN', actor: 'admin' }] },
      other: null,
      byRef: { ref: ids.elsewhere.ref }, // its own, in another district: a PARTNER has no scope
      issues: { totalCount: 2, nodes: [{ ref: ids.elsewhere.ref }, { ref: ids.own.ref }] },
      issueStats: { total: 2, open: 2 },
      _entities: [
        null,
        { ref: ids.elsewhere.ref },
        { code: '370500000000', issueStats: { total: 2 }, issues: { totalCount: 2, nodes: [{ ref: ids.elsewhere.ref }, { ref: ids.own.ref }] } },
        { code: '370503000000', issueStats: { total: 1 }, issues: { totalCount: 1, nodes: [{ ref: ids.elsewhere.ref }] } },
        { issues: { totalCount: 0 } },
        { reportedIssues: { totalCount: 0 }, evaluations: null }, // no ratings summaries either
      ],
    });
  });

  it("never shows a district token another district's issues: lists, lookups, stats, nested fields, _entities", async () => {
    const r = await read({ sub: 'analyst-502', role: 'ANALYST', scope: DISTRICT });
    expect(r).toEqual({
      own: { ref: ids.own.ref, status: 'ASSIGNED', history: [{ action: 'REPORT', actor: 'hotline' }, { action: 'ASSIGN', actor: 'admin' }] },
      other: { ref: ids.other.ref },
      byRef: null,
      issues: { totalCount: 2, nodes: [{ ref: ids.other.ref }, { ref: ids.own.ref }] },
      issueStats: { total: 2, open: 2 }, // the city's stats, as far as the token sees: its district
      _entities: [
        { ref: ids.other.ref },
        null,
        { code: '370500000000', issueStats: { total: 2 }, issues: { totalCount: 2, nodes: [{ ref: ids.other.ref }, { ref: ids.own.ref }] } },
        { code: '370503000000', issueStats: { total: 0 }, issues: { totalCount: 0, nodes: [] } },
        { issues: { totalCount: 0 } },
        { reportedIssues: { totalCount: 0 }, evaluations: { count: 1 } },
      ],
    });
    const everywhere = await read(viewers.ADMIN);
    expect([everywhere.byRef, everywhere.issues.totalCount, everywhere.issueStats.total]).toEqual([{ ref: ids.elsewhere.ref }, 3, 3]);
  });
});
