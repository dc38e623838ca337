import { parseConfig, type Subgraph } from '@cadres/kit';
import { data, describeEachDatabase, runOperation } from '@cadres/kit/src/testing';
import { issuesSettings } from './config';
import { Issue, IssueEvent, issueStatuses } from './entities';
import { createIssuesSubgraph } from './test-owners';
import { superviseOverdue } from './service';
import { allowedSteps } from './workflow';

const config = parseConfig(issuesSettings, {});
const T0 = new Date('2026-03-02T08:00:00.000Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const iso = (hours: number) => at(hours).toISOString();

const FIELDS = `id ref status version light supervisionLevel deadline reopenCount feedback responseDeadline assignee { id }
  evaluation { satisfaction solved comment at } history { at action fromStatus toStatus actor note }`;

const MUTATIONS = {
  assignIssue: '$id: ID!, $v: Int!, $departmentId: ID!, $note: String',
  acceptIssue: '$id: ID!, $v: Int!',
  startIssue: '$id: ID!, $v: Int!, $note: String',
  resolveIssue: '$id: ID!, $v: Int!, $feedback: String!',
  evaluateIssue: '$id: ID!, $v: Int!, $satisfaction: Satisfaction!, $solved: Boolean!, $comment: String',
  rejectIssue: '$id: ID!, $v: Int!, $reason: String!',
  extendDeadline: '$id: ID!, $v: Int!, $newDeadline: DateTime!, $reason: String!',
  superviseIssue: '$id: ID!, $v: Int!, $note: String',
} as const;
type Mutation = keyof typeof MUTATIONS;

const mutationText = (name: Mutation) => {
  const vars = MUTATIONS[name];
  const args = vars
    .split(', ')
    .map((v) => v.split(':')[0].slice(1))
    .map((a) => (a === 'v' ? 'expectedVersion: $v' : `${a}: $${a}`))
    .join(', ');
  return `mutation(${vars}) { ${name}(${args}) { ${FIELDS} } }`;
};

describe('the workflow table', () => {
  it('allows these steps from each status', () => {
    expect(Object.fromEntries(issueStatuses.map((s) => [s, allowedSteps(s)]))).toEqual({
      REPORTED: ['assign', 'reject', 'extendDeadline', 'supervise', 'recordMeeting'],
      ASSIGNED: ['assign', 'accept', 'reject', 'extendDeadline', 'supervise', 'requestExtension', 'decideExtension', 'addCoHandler', 'acceptCoHandling', 'reportCoHandling', 'recordMeeting'],
      ACCEPTED: ['start', 'extendDeadline', 'supervise', 'requestExtension', 'decideExtension', 'addCoHandler', 'acceptCoHandling', 'reportCoHandling', 'recordMeeting'],
      IN_PROGRESS: ['resolve', 'extendDeadline', 'supervise', 'requestExtension', 'decideExtension', 'addCoHandler', 'acceptCoHandling', 'reportCoHandling', 'recordMeeting'],
      RESOLVED: ['evaluate', 'supervise', 'decideExtension', 'recordMeeting'],
      CLOSED: [],
      REJECTED: [],
    });
  });
});

describeEachDatabase('issues subgraph: the closed loop', (db) => {
  let issues: Subgraph;
  let clock = T0;
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, { config, now: () => clock });
  });
  afterAll(() => issues?.stop());
  beforeEach(() => {
    clock = T0;
  });

  const report = async (over: Record<string, unknown> = {}) =>
    (
      await data(issues, `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { ${FIELDS} } }`, {
        input: {
          title: '路灯损坏',
          description: '夜间出行不便',
          category: 'INFRASTRUCTURE',
          kind: 'HELP',
          source: 'VISIT',
          urgency: 'GENERAL',
          divisionCode: '370502001201',
          ...over,
        },
      })
    ).reportIssue;
  const run = (name: Mutation, vars: Record<string, unknown>) => runOperation(issues, mutationText(name), vars);
  const step = async (name: Mutation, vars: Record<string, unknown>) => {
    const r = await run(name, vars);
    if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
    return r.data![name];
  };
  const snapshot = async (id: string) => ({
    issue: await issues.ds.getRepository(Issue).findOneByOrFail({ id }),
    events: await issues.ds.getRepository(IssueEvent).countBy({ issueId: id }),
  });

  it('walks the whole loop, with a re-assignment and a reopening, and records every step', async () => {
    const i = await report();
    clock = at(1);
    let s = await step('assignIssue', { id: i.id, v: 1, departmentId: 'D-370502-01', note: '请核实' });
    clock = at(2);
    s = await step('assignIssue', { id: i.id, v: s.version, departmentId: 'D-370502-03' });
    expect([s.status, s.assignee, s.responseDeadline]).toEqual(['ASSIGNED', { id: 'D-370502-03' }, iso(26)]);
    clock = at(3);
    s = await step('acceptIssue', { id: i.id, v: s.version });
    clock = at(4);
    s = await step('startIssue', { id: i.id, v: s.version, note: '已到现场' });
    clock = at(5);
    s = await step('resolveIssue', { id: i.id, v: s.version, feedback: '已更换灯泡' });
    clock = at(6);
    s = await step('evaluateIssue', { id: i.id, v: s.version, satisfaction: 'DISSATISFIED', solved: false, comment: '仍然不亮' });
    expect([s.status, s.reopenCount, s.evaluation]).toEqual([
      'IN_PROGRESS',
      1,
      { satisfaction: 'DISSATISFIED', solved: false, comment: '仍然不亮', at: iso(6) },
    ]);
    clock = at(7);
    s = await step('resolveIssue', { id: i.id, v: s.version, feedback: '已更换线路' });
    clock = at(8);
    s = await step('evaluateIssue', { id: i.id, v: s.version, satisfaction: 'BASICALLY_SATISFIED', solved: true });
    expect(s).toEqual({
      id: i.id,
      ref: i.ref,
      status: 'CLOSED',
      version: 9,
      light: 'GREEN',
      supervisionLevel: 0,
      deadline: iso(7 * 24),
      reopenCount: 1,
      feedback: '已更换线路',
      responseDeadline: iso(26),
      assignee: { id: 'D-370502-03' },
      evaluation: { satisfaction: 'BASICALLY_SATISFIED', solved: true, comment: null, at: iso(8) },
      history: [
        ['REPORT', null, 'REPORTED', null],
        ['ASSIGN', 'REPORTED', 'ASSIGNED', 'D-370502-01: 请核实'],
        ['REASSIGN', 'ASSIGNED', 'ASSIGNED', 'D-370502-03'],
        ['ACCEPT', 'ASSIGNED', 'ACCEPTED', null],
        ['START', 'ACCEPTED', 'IN_PROGRESS', '已到现场'],
        ['RESOLVE', 'IN_PROGRESS', 'RESOLVED', '已更换灯泡'],
        ['REOPEN', 'RESOLVED', 'IN_PROGRESS', 'DISSATISFIED, not solved: 仍然不亮'],
        ['RESOLVE', 'IN_PROGRESS', 'RESOLVED', '已更换线路'],
        ['CLOSE', 'RESOLVED', 'CLOSED', 'BASICALLY_SATISFIED, solved'],
      ].map(([action, fromStatus, toStatus, note], n) => ({ at: iso(n === 0 ? 0 : n), action, fromStatus, toStatus, actor: 'test-admin', note })),
    });
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const i = await report();
    await step('assignIssue', { id: i.id, v: 1, departmentId: 'D-370502-01' });
    const before = await snapshot(i.id);
    const r = await run('acceptIssue', { id: i.id, v: 1 });
    expect(r.errors?.map((e) => e.extensions)).toEqual([{ code: 'CONFLICT', field: 'expectedVersion' }]);
    expect(await snapshot(i.id)).toEqual(before);
  });

  it('refuses a step from the wrong status with INVALID_TRANSITION, the current status and the allowed steps, and writes nothing', async () => {
    const i = await report();
    const before = await snapshot(i.id);
    const results = [];
    for (const [name, vars] of [
      ['acceptIssue', {}],
      ['resolveIssue', { feedback: 'x' }],
      ['evaluateIssue', { satisfaction: 'SATISFIED', solved: true }],
    ] as const) {
      results.push((await run(name, { id: i.id, v: 1, ...vars })).errors?.map((e) => e.extensions));
    }
    const expected = [{ code: 'INVALID_TRANSITION', current: 'REPORTED', allowed: allowedSteps('REPORTED') }];
    expect(results).toEqual([expected, expected, expected]);
    expect(await snapshot(i.id)).toEqual(before);
  });

  it('rejects only from REPORTED or ASSIGNED, and only with a reason', async () => {
    const a = await report();
    const noReason = await run('rejectIssue', { id: a.id, v: 1, reason: '  ' });
    expect(noReason.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'reason' }]);
    clock = at(1);
    const rejected = await step('rejectIssue', { id: a.id, v: 1, reason: '不属于本级职责' });
    expect([rejected.status, rejected.version, rejected.light, rejected.history.at(-1)]).toEqual([
      'REJECTED',
      2,
      'GREEN',
      { at: iso(1), action: 'REJECT', fromStatus: 'REPORTED', toStatus: 'REJECTED', actor: 'test-admin', note: '不属于本级职责' },
    ]);
    const b = await report();
    const s = await step('assignIssue', { id: b.id, v: 1, departmentId: 'D-370502-01' });
    const accepted = await step('acceptIssue', { id: b.id, v: s.version });
    const late = await run('rejectIssue', { id: b.id, v: accepted.version, reason: '太晚' });
    expect(late.errors?.map((e) => e.extensions)).toEqual([
      { code: 'INVALID_TRANSITION', current: 'ACCEPTED', allowed: allowedSteps('ACCEPTED') },
    ]);
  });

  it('lets exactly one of 20 concurrent accepts with the same expectedVersion win', async () => {
    const i = await report();
    const s = await step('assignIssue', { id: i.id, v: 1, departmentId: 'D-370502-01' });
    const results = await Promise.all(Array.from({ length: 20 }, () => run('acceptIssue', { id: i.id, v: s.version })));
    const codes = results.map((r) => (r.errors ? r.errors.map((e) => e.extensions?.code).join() : 'OK'));
    expect(codes.filter((c) => c === 'OK').length).toBe(1);
    expect(codes.filter((c) => c === 'CONFLICT').length).toBe(19);
    const after = await snapshot(i.id);
    expect([after.issue.status, after.issue.version, after.events]).toEqual(['ACCEPTED', 3, 3]);
  });

  it('turns the light YELLOW with 20% of the time left, RED when overdue, and judges closed ones by the deadline', async () => {
    const i = await report({ urgency: 'UTILITIES' }); // 24 hours
    const lightAt = async (hours: number) => {
      clock = at(hours);
      return (await data(issues, `query($id: ID) { issue(id: $id) { light } }`, { id: i.id })).issue.light;
    };
    expect([await lightAt(19.19), await lightAt(19.2), await lightAt(24), await lightAt(24.01)]).toEqual(['GREEN', 'YELLOW', 'YELLOW', 'RED']);
    // Closed after the deadline: RED for good.
    clock = at(25);
    let s = await step('assignIssue', { id: i.id, v: 1, departmentId: 'D-370502-01' });
    s = await step('acceptIssue', { id: i.id, v: s.version });
    s = await step('startIssue', { id: i.id, v: s.version });
    s = await step('resolveIssue', { id: i.id, v: s.version, feedback: '已修复' });
    s = await step('evaluateIssue', { id: i.id, v: s.version, satisfaction: 'SATISFIED', solved: true });
    expect([s.status, s.light, await lightAt(1000)]).toEqual(['CLOSED', 'RED', 'RED']);
  });

  it('extends a deadline only before it passes, to a later instant, with a reason', async () => {
    const i = await report({ urgency: 'UTILITIES' });
    clock = at(20); // YELLOW
    const earlier = await run('extendDeadline', { id: i.id, v: 1, newDeadline: iso(23), reason: '需协调' });
    expect(earlier.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'newDeadline' }]);
    const s = await step('extendDeadline', { id: i.id, v: 1, newDeadline: iso(48), reason: '需协调供电公司' });
    expect([s.deadline, s.light, s.version, s.history.at(-1)]).toEqual([
      iso(48),
      'GREEN', // 20% of 48 hours is 9.6 hours before the new deadline
      2,
      { at: iso(20), action: 'EXTEND_DEADLINE', fromStatus: 'REPORTED', toStatus: 'REPORTED', actor: 'test-admin', note: `${iso(24)} -> ${iso(48)}: 需协调供电公司` },
    ]);
    clock = at(49);
    const before = await snapshot(i.id);
    const tooLate = await run('extendDeadline', { id: i.id, v: 2, newDeadline: iso(72), reason: '再延期' });
    expect(tooLate.errors?.map((e) => e.extensions)).toEqual([
      { code: 'INVALID_TRANSITION', current: 'REPORTED', allowed: allowedSteps('REPORTED').filter((s) => s !== 'extendDeadline') },
    ]);
    expect(await snapshot(i.id)).toEqual(before);
  });

  it('raises supervision by one up to 3, and the sweep raises overdue issues idempotently', async () => {
    const i = await report();
    let v = 1;
    for (let level = 1; level <= 3; level++) {
      const s = await step('superviseIssue', { id: i.id, v, note: level === 3 ? '挂牌督办' : null });
      expect(s.supervisionLevel).toBe(level);
      v = s.version;
    }
    const top = await run('superviseIssue', { id: i.id, v });
    expect(top.errors?.map((e) => e.extensions)).toEqual([
      { code: 'INVALID_TRANSITION', current: 'REPORTED', allowed: allowedSteps('REPORTED').filter((s) => s !== 'supervise') },
    ]);

    // The sweep, on a fresh district so that only these issues count.
    clock = at(-30 * 24);
    const onTime = await report({ divisionCode: '370523001001', urgency: 'COMPLEX' }); // due at -15 days... reported at -30 days
    clock = at(0);
    const yellow = await report({ divisionCode: '370523001001', urgency: 'UTILITIES' });
    const overdue = await report({ divisionCode: '370523001001', urgency: 'EMERGENCY' });
    const actor = (hours: number) => ({ ds: issues.ds, now: at(hours), actor: 'system:sweep', config });
    expect(await superviseOverdue(actor(2.5))).toBe(2 + 0); // the 30-day-old COMPLEX one (level 3) and the EMERGENCY one (level 2)
    expect(await superviseOverdue(actor(2.5))).toBe(0);
    const levels = async () =>
      (await issues.ds.getRepository(Issue).findBy({ divisionCode: '370523001001' }))
        .sort((a, b) => a.ref.localeCompare(b.ref))
        .map((x) => [x.ref, x.supervisionLevel, x.version]);
    expect(await levels()).toEqual([
      [onTime.ref, 3, 2],
      [yellow.ref, 0, 1],
      [overdue.ref, 2, 2],
    ]);
    expect(await superviseOverdue(actor(20))).toBe(1); // the UTILITIES one is YELLOW now: a reminder
    expect(await superviseOverdue(actor(20))).toBe(0);
    expect(await levels()).toEqual([
      [onTime.ref, 3, 2],
      [yellow.ref, 1, 2],
      [overdue.ref, 2, 2],
    ]);
    const history = (await data(issues, `query($id: ID) { issue(id: $id) { history { action actor note } } }`, { id: overdue.id })).issue.history;
    expect(history).toEqual([
      { action: 'REPORT', actor: 'test-admin', note: null },
      { action: 'AUTO_SUPERVISE', actor: 'system:sweep', note: 'level 0 -> 2' },
    ]);
  });

  it('refuses writes to read-only roles, outside the scope, and handling steps to other departments, writing nothing', async () => {
    const viewer = (role: string, extra: Record<string, unknown> = {}) => ({ sub: `${role.toLowerCase()}-1`, role, scope: null, ...extra }) as never;
    const as = (v: never, name: Mutation, vars: Record<string, unknown>) => runOperation(issues, mutationText(name), vars, v);
    const reportAs = (v: never) =>
      runOperation(issues, `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id version history { actor } } }`, {
        input: { title: '噪音扰民', description: '夜间施工', category: 'ENVIRONMENT', kind: 'COMPLAINT', source: 'HOTLINE', urgency: 'GENERAL', divisionCode: '370502001201' },
      }, v);
    const codes = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => r.errors?.map((e) => e.extensions?.code);

    expect(codes(await reportAs(viewer('ANALYST')))).toEqual(['FORBIDDEN']);
    expect(codes(await reportAs(viewer('CADRE', { scope: '370503000000' })))).toEqual(['FORBIDDEN']);
    const byHotline = await reportAs(viewer('PARTNER'));
    const id = byHotline.data!.reportIssue.id;
    expect(byHotline.data!.reportIssue.history).toEqual([{ actor: 'partner-1' }]);
    expect(codes(await as(viewer('PARTNER'), 'assignIssue', { id, v: 1, departmentId: 'D-370502-01' }))).toEqual(['FORBIDDEN']);
    expect(codes(await as(viewer('DEPARTMENT', { scope: '370505000000' }), 'assignIssue', { id, v: 1, departmentId: 'D-370502-01' }))).toEqual(['FORBIDDEN']);
    await step('assignIssue', { id, v: 1, departmentId: 'D-370502-01' });
    const before = await snapshot(id);
    expect(codes(await as(viewer('DEPARTMENT', { departmentId: 'D-370502-02' }), 'acceptIssue', { id, v: 2 }))).toEqual(['FORBIDDEN']);
    expect(codes(await as(viewer('DEPARTMENT'), 'acceptIssue', { id, v: 2 }))).toEqual(['FORBIDDEN']); // no departmentId: not provably the assignee
    expect(codes(await as(viewer('ANALYST'), 'acceptIssue', { id, v: 2 }))).toEqual(['FORBIDDEN']);
    expect(await snapshot(id)).toEqual(before);
    const accepted = await as(viewer('DEPARTMENT', { departmentId: 'D-370502-01', scope: '370502000000' }), 'acceptIssue', { id, v: 2 });
    expect([accepted.errors, accepted.data!.acceptIssue.status, accepted.data!.acceptIssue.history.at(-1).actor]).toEqual([undefined, 'ACCEPTED', 'department-1']);
  });
});
