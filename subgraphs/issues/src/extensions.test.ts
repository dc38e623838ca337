import type { Subgraph, Viewer } from '@cadres/kit';
import { data, describeEachDatabase, runOperation } from '@cadres/kit/src/testing';
import { DeadlineExtension, Issue, IssueEvent } from './entities';
import * as service from './service';
import { allowedSteps } from './workflow';
import { createIssuesSubgraph, testConfig } from './test-owners';

const config = testConfig();
const T0 = new Date('2026-03-02T08:00:00.000Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const iso = (hours: number) => at(hours).toISOString();

const admin: Viewer = { sub: 'supervision-office', role: 'ADMIN', scope: null };
const department: Viewer = { sub: 'water-bureau', role: 'DEPARTMENT', scope: '370502000000', departmentId: 'D-370502-01' };

const FIELDS = `version deadline originalDeadline light
  deadlineExtensions { requestedDeadline reason status requestedBy decidedBy note at }
  history { action actor note }`;
const REQUEST = `mutation($id: ID!, $v: Int!, $d: DateTime!, $reason: String!) {
  requestExtension(id: $id, expectedVersion: $v, newDeadline: $d, reason: $reason) { ${FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $v: Int!, $approve: Boolean!, $note: String) {
  decideExtension(id: $id, expectedVersion: $v, approve: $approve, note: $note) { ${FIELDS} } }`;

describeEachDatabase('issues subgraph: deadline extensions', (db) => {
  let issues: Subgraph;
  let clock = T0;
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, { config, now: () => clock });
  });
  afterAll(() => issues?.stop());
  beforeEach(() => {
    clock = T0;
  });

  /** A GENERAL issue (7 days) in `divisionCode`, reported at 0 and assigned to the department at 1 hour. */
  const assigned = async (divisionCode = '370502001201') => {
    const a = (hours: number) => ({ ds: issues.ds, now: at(hours), actor: 'hotline', config });
    const i = await service.reportIssue(a(0), {
      title: '停水', description: '小区停水三天', category: 'HOUSING', kind: 'HELP', source: 'HOTLINE', urgency: 'GENERAL', divisionCode,
    });
    return service.assignIssue(a(1), i.id, 'D-370502-01', i.version);
  };
  const ok = async (doc: string, vars: Record<string, unknown>, viewer: Viewer) => {
    const r = await runOperation(issues, doc, vars, viewer);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return Object.values(r.data!)[0] as any;
  };
  const errorsOf = async (doc: string, vars: Record<string, unknown>, viewer: Viewer) =>
    (await runOperation(issues, doc, vars, viewer)).errors?.map((e) => e.extensions);
  const snapshot = async (id: string) => ({
    issue: await issues.ds.getRepository(Issue).findOneByOrFail({ id }),
    events: await issues.ds.getRepository(IssueEvent).countBy({ issueId: id }),
    extensions: await issues.ds.getRepository(DeadlineExtension).findBy({ issueId: id }),
  });

  it('moves the deadline only when ADMIN approves the assignee’s request, at most twice, with every request and decision in the history', async () => {
    const i = await assigned();
    const week = 7 * 24;
    clock = at(10);
    let s = await ok(REQUEST, { id: i.id, v: 2, d: iso(week + 48), reason: '需协调供水公司' }, department);
    expect([s.version, s.deadline, s.originalDeadline, s.deadlineExtensions]).toEqual([
      3,
      iso(week),
      iso(week),
      [{ requestedDeadline: iso(week + 48), reason: '需协调供水公司', status: 'REQUESTED', requestedBy: 'water-bureau', decidedBy: null, note: null, at: iso(10) }],
    ]);
    // One open request at a time; the department may not decide it.
    expect(await errorsOf(REQUEST, { id: i.id, v: 3, d: iso(week + 72), reason: '再延' }, department)).toEqual([
      { code: 'INVALID_TRANSITION', current: 'ASSIGNED', allowed: allowedSteps('ASSIGNED').filter((s) => s !== 'requestExtension') },
    ]);
    expect(await errorsOf(DECIDE, { id: i.id, v: 3, approve: true }, department)).toEqual([{ code: 'FORBIDDEN' }]);
    clock = at(11);
    s = await ok(DECIDE, { id: i.id, v: 3, approve: true, note: '同意' }, admin);
    expect([s.deadline, s.originalDeadline, s.deadlineExtensions[0].status, s.deadlineExtensions[0].decidedBy, s.deadlineExtensions[0].at]).toEqual([
      iso(week + 48), iso(week), 'APPROVED', 'supervision-office', iso(11),
    ]);

    clock = at(12);
    s = await ok(REQUEST, { id: i.id, v: 4, d: iso(week + 96), reason: '设备到货延迟' }, department);
    s = await ok(DECIDE, { id: i.id, v: 5, approve: false, note: '理由不足' }, admin);
    expect([s.deadline, s.deadlineExtensions.map((e: any) => e.status)]).toEqual([iso(week + 48), ['APPROVED', 'REFUSED']]);
    s = await ok(REQUEST, { id: i.id, v: 6, d: iso(week + 96), reason: '设备到货延迟，附到货单' }, department);
    s = await ok(DECIDE, { id: i.id, v: 7, approve: true }, admin);
    expect([s.deadline, s.originalDeadline, s.deadlineExtensions.map((e: any) => e.status)]).toEqual([iso(week + 96), iso(week), ['APPROVED', 'REFUSED', 'APPROVED']]);

    // Two approved: no third request.
    const before = await snapshot(i.id);
    expect(await errorsOf(REQUEST, { id: i.id, v: 8, d: iso(week + 200), reason: '还要延' }, department)).toEqual([
      { code: 'INVALID_TRANSITION', current: 'ASSIGNED', allowed: allowedSteps('ASSIGNED').filter((s) => s !== 'requestExtension') },
    ]);
    expect(await snapshot(i.id)).toEqual(before);
    expect(s.history.slice(2)).toEqual([
      { action: 'REQUEST_EXTENSION', actor: 'water-bureau', note: `${iso(week)} -> ${iso(week + 48)}: 需协调供水公司` },
      { action: 'APPROVE_EXTENSION', actor: 'supervision-office', note: `${iso(week)} -> ${iso(week + 48)}: 同意` },
      { action: 'REQUEST_EXTENSION', actor: 'water-bureau', note: `${iso(week + 48)} -> ${iso(week + 96)}: 设备到货延迟` },
      { action: 'REFUSE_EXTENSION', actor: 'supervision-office', note: `${iso(week + 96)} refused: 理由不足` },
      { action: 'REQUEST_EXTENSION', actor: 'water-bureau', note: `${iso(week + 48)} -> ${iso(week + 96)}: 设备到货延迟，附到货单` },
      { action: 'APPROVE_EXTENSION', actor: 'supervision-office', note: `${iso(week + 48)} -> ${iso(week + 96)}` },
    ]);
  });

  it('validates requests and decisions with a code and the field, writing nothing', async () => {
    const i = await assigned();
    const before = await snapshot(i.id);
    const cases: [string, Record<string, unknown>, Viewer][] = [
      [REQUEST, { id: i.id, v: 2, d: iso(100), reason: '   ' }, department],
      [REQUEST, { id: i.id, v: 2, d: iso(24), reason: '早于现期限' }, department],
      [REQUEST, { id: i.id, v: 1, d: iso(300), reason: '旧版本' }, department],
      [REQUEST, { id: 'no-such-issue', v: 1, d: iso(300), reason: '无此问题' }, department],
      [DECIDE, { id: i.id, v: 2, approve: true }, admin],
      [DECIDE, { id: i.id, v: 2, approve: true, note: 'x'.repeat(1901) }, admin],
    ];
    const got = [];
    for (const [doc, vars, viewer] of cases) got.push(await errorsOf(doc, vars, viewer));
    const allowed = allowedSteps('ASSIGNED').filter((s) => s !== 'decideExtension');
    expect(got).toEqual([
      [{ code: 'BAD_USER_INPUT', field: 'reason' }],
      [{ code: 'BAD_USER_INPUT', field: 'newDeadline' }],
      [{ code: 'CONFLICT', field: 'expectedVersion' }],
      [{ code: 'NOT_FOUND', field: 'id' }],
      [{ code: 'INVALID_TRANSITION', current: 'ASSIGNED', allowed }], // nothing to decide
      [{ code: 'BAD_USER_INPUT', field: 'note' }],
    ]);
    // After the deadline has passed, no request.
    clock = at(7 * 24 + 1);
    expect(await errorsOf(REQUEST, { id: i.id, v: 2, d: iso(300), reason: '逾期后申请' }, department)).toEqual([
      { code: 'INVALID_TRANSITION', current: 'ASSIGNED', allowed: allowedSteps('ASSIGNED').filter((s) => s !== 'requestExtension') },
    ]);
    expect(await snapshot(i.id)).toEqual(before);
  });

  it('lets exactly one of concurrent decisions win', async () => {
    const i = await assigned();
    const r = await ok(REQUEST, { id: i.id, v: 2, d: iso(300), reason: '需协调' }, department);
    const results = await Promise.all(Array.from({ length: 10 }, (_, n) => runOperation(issues, DECIDE, { id: i.id, v: r.version, approve: n % 2 === 0 }, admin)));
    expect(results.filter((x) => !x.errors).length).toBe(1);
    const after = await snapshot(i.id);
    expect([after.issue.version, after.events, after.extensions.length]).toEqual([4, 4, 1]);
  });

  it('takes the limit from ISSUES_MAX_EXTENSIONS', async () => {
    const one = { ...testConfig({ ISSUES_MAX_EXTENSIONS: '1' }) };
    expect([config.maxExtensions, one.maxExtensions]).toEqual([2, 1]);
    const i = await assigned();
    const a = (actor: string) => ({ ds: issues.ds, now: T0, actor, config: one });
    let s = await service.requestExtension(a('water-bureau'), i.id, i.version, at(300), '需协调');
    s = await service.decideExtension(a('supervision-office'), s.id, s.version, true);
    await expect(service.requestExtension(a('water-bureau'), s.id, s.version, at(400), '再延')).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
  });

  it('measures the on-time rate against the original deadline and counts extended issues apart', async () => {
    const district = '370521001001';
    const i = await assigned(district);
    const a = (actor: string, hours: number) => ({ ds: issues.ds, now: at(hours), actor, config });
    let s = await service.requestExtension(a('water-bureau', 2), i.id, i.version, at(7 * 24 + 48), '需协调');
    s = await service.decideExtension(a('supervision-office', 3), s.id, s.version, true);
    s = await service.acceptIssue(a('water-bureau', 4), s.id, s.version);
    s = await service.startIssue(a('water-bureau', 4), s.id, s.version);
    s = await service.resolveIssue(a('water-bureau', 7 * 24 + 24), s.id, s.version, '已恢复供水'); // after the original deadline, before the extended one
    s = await service.evaluateIssue(a('hotline', 7 * 24 + 25), s.id, s.version, 'SATISFIED', true);
    const onTime = await assigned(district);
    let t = await service.acceptIssue(a('water-bureau', 2), onTime.id, onTime.version);
    t = await service.startIssue(a('water-bureau', 2), t.id, t.version);
    t = await service.resolveIssue(a('water-bureau', 3), t.id, t.version, '已处理');
    await service.evaluateIssue(a('hotline', 4), t.id, t.version, 'SATISFIED', true);
    clock = at(7 * 24 + 30);
    const r = await data(issues, `{ issueStats(divisionCode: "370521000000") { total closed onTimeRate extended }
      issue(id: "${i.id}") { light deadline originalDeadline } }`);
    expect(r).toEqual({
      issueStats: { total: 2, closed: 2, onTimeRate: 0.5, extended: 1 },
      // The light follows the working deadline: closed within the extension, GREEN.
      issue: { light: 'GREEN', deadline: iso(7 * 24 + 48), originalDeadline: iso(7 * 24) },
    });
  });

  it('lets ADMIN set a deadline directly, never moving the original one', async () => {
    const i = await assigned();
    const s = await ok(
      `mutation($id: ID!) { extendDeadline(id: $id, expectedVersion: 2, newDeadline: "${iso(400)}", reason: "督查室调整") { ${FIELDS} } }`,
      { id: i.id },
      admin,
    );
    expect([s.deadline, s.originalDeadline, s.deadlineExtensions, s.history.at(-1).actor]).toEqual([iso(400), iso(7 * 24), [], 'supervision-office']);
    expect(await errorsOf(`mutation($id: ID!) { extendDeadline(id: $id, expectedVersion: 3, newDeadline: "${iso(500)}", reason: "自行延期") { version } }`, { id: i.id }, department)).toEqual([
      { code: 'FORBIDDEN' },
    ]);
  });
});
