// IssueStats.monthly on a hand-built ledger: every month below is worked out by hand from the
// instants in `beforeAll` (UTC; the Beijing month is 8 hours on), around month ends on purpose.
import { parseConfig, type Subgraph } from '@cadres/kit';
import { countStatements, data, describeEachDatabase, runOperation } from '@cadres/kit/src/testing';
import { issuesSettings } from './config';
import type { Issue } from './entities';
import type { Owners } from './owners';
import * as service from './service';
import { createIssuesSubgraph } from './test-owners';

const config = parseConfig(issuesSettings, {});
const NOW = new Date('2026-06-10T04:00:00.000Z'); // 2026-06-10 12:00 in Beijing
const D1 = 'D-370502-01';
const V502 = '370502001201';
const V503 = '370503001001';
const MONTHLY = 'monthly { month reported closed solved satisfied fromVisits }';

const m = (month: string, reported: number, closed: number, solved: number, satisfied: number, fromVisits: number) =>
  ({ month, reported, closed, solved, satisfied, fromVisits });
const zero = (month: string) => m(month, 0, 0, 0, 0, 0);

describeEachDatabase('issues subgraph: IssueStats.monthly', (db) => {
  let issues: Subgraph;
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, { config, now: () => NOW });
    const unused = () => Promise.reject(new Error('not asked by assignIssue'));
    const owners: Owners = { departmentDivision: async (id) => `${id.slice(2, 8)}000000`, locate: unused, cadreDepartment: unused, householdCadres: unused, visitCadres: unused };
    const a = (iso: string): service.Actor => ({ ds: issues.ds, now: new Date(iso), actor: 'tester', config, owners });
    const report = (iso: string, over: Partial<service.ReportIssueInput> = {}) =>
      service.reportIssue({ ...a(iso), owners: undefined }, {
        title: 'x', description: 'x', category: 'INFRASTRUCTURE', kind: 'HELP', source: 'VISIT', urgency: 'GENERAL', divisionCode: V502, ...over,
      });
    /** Assigned to D1, accepted and started at `iso`, resolved at `resolved`, evaluated at `evaluated`. */
    const handle = async (i: Issue, iso: string, resolved: string, evaluated: string, verdict: ['SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED', boolean]) => {
      i = await service.assignIssue(a(iso), i.id, D1, i.version);
      i = await service.acceptIssue(a(iso), i.id, i.version);
      i = await service.startIssue(a(iso), i.id, i.version);
      i = await service.resolveIssue(a(resolved), i.id, i.version, 'done');
      return service.evaluateIssue(a(evaluated), i.id, i.version, ...verdict);
    };
    // P8: reported 2025-12-31 23:00 (December); closed satisfied and solved 2026-01-05 (January).
    await handle(await report('2025-12-31T15:00:00.000Z'), '2026-01-01T01:00:00.000Z', '2026-01-04T00:00:00.000Z', '2026-01-05T00:00:00.000Z', ['SATISFIED', true]);
    // P1: reported 01-10 on a visit (January); closed 02-01 11:00 (February).
    await handle(await report('2026-01-10T02:00:00.000Z', { visitId: 'V-1' }), '2026-01-10T03:00:00.000Z', '2026-01-12T02:00:00.000Z', '2026-02-01T03:00:00.000Z', ['SATISFIED', true]);
    // P2: reported 2026-02-01 00:30 in Beijing (January 31 in UTC): February. Left REPORTED, education.
    await report('2026-01-31T16:30:00.000Z', { category: 'EDUCATION' });
    // P3: reported 2026-01-31 23:30 in Beijing, on a visit: January. Evaluated 04-05 dissatisfied but solved: reopened, solved in April, not satisfied.
    await handle(await report('2026-01-31T15:30:00.000Z', { visitId: 'V-2' }), '2026-02-01T00:00:00.000Z', '2026-04-04T00:00:00.000Z', '2026-04-05T10:00:00.000Z', ['DISSATISFIED', true]);
    // P6: reported 02-10 and rejected 02-11: reported in February, never closed.
    const p6 = await report('2026-02-10T00:00:00.000Z');
    await service.rejectIssue(a('2026-02-11T00:00:00.000Z'), p6.id, p6.version, 'not ours');
    // P7: another district (370503), February.
    await report('2026-02-15T00:00:00.000Z', { divisionCode: V503 });
    // March: nothing at all.
    // P4: fixed on the spot on 2026-05-01 00:10 in Beijing (April 30 in UTC), on a visit: May, reported, closed, solved and satisfied at once.
    await service.fixOnTheSpot({ ...a('2026-04-30T16:10:00.000Z'), owners: undefined }, {
      title: 'x', description: 'x', category: 'INFRASTRUCTURE', kind: 'HELP', source: 'VISIT', urgency: 'GENERAL', divisionCode: V502, reporterId: 'C-00001', visitId: 'V-1',
    }, 'fixed');
    // P5: reported 05-20 (May); closed 2026-06-01 01:00 in Beijing (May 31 in UTC): June, after a May-ending period.
    await handle(await report('2026-05-20T04:00:00.000Z'), '2026-05-20T05:00:00.000Z', '2026-05-21T00:00:00.000Z', '2026-05-31T17:00:00.000Z', ['SATISFIED', true]);
  });
  afterAll(() => issues?.stop());

  const stats = async (code: string, args: string, fields = `total ${MONTHLY}`) =>
    (await data(issues, `{ issueStats(divisionCode: "${code}"${args}) { ${fields} } }`)).issueStats;
  const JAN_MAY = ', from: "2026-01-01", to: "2026-05-31"';

  it('counts each figure in the Beijing month of its own date within from..to; March, with nothing, is zeros', async () => {
    const district = await stats('370502000000', JAN_MAY);
    expect(district.monthly).toEqual([
      m('2026-01', 2, 1, 1, 1, 2), // reported P1, P3 (both on visits); P8 closed, solved, satisfied
      m('2026-02', 2, 1, 1, 1, 0), // reported P2, P6; P1 closed
      zero('2026-03'),
      m('2026-04', 0, 0, 1, 0, 0), // P3's evaluation: solved, dissatisfied
      m('2026-05', 2, 1, 1, 1, 1), // reported P4 (on the spot, a visit) and P5; P4 closed; P5's closing is June's
    ]);
    // Counting by report date, the months of reported add up to total; by CLOSED, those of closed do (P8, P1, P4; P6 was rejected).
    expect(district.total).toBe(6);
    expect(district.monthly.reduce((n: number, x: { reported: number }) => n + x.reported, 0)).toBe(district.total);
    const closed = await stats('370502000000', `${JAN_MAY}, by: CLOSED`);
    expect(closed.total).toBe(3);
    expect(closed.monthly).toEqual(district.monthly);
    // The city holds P7 too (February); a category keeps its issues only (P2).
    expect((await stats('370500000000', JAN_MAY)).monthly[1]).toEqual(m('2026-02', 3, 1, 1, 1, 0));
    expect((await stats('370502000000', `${JAN_MAY}, category: EDUCATION`)).monthly).toEqual([zero('2026-01'), m('2026-02', 1, 0, 0, 0, 0), zero('2026-03'), zero('2026-04'), zero('2026-05')]);
  });

  it('without from/to: from the first month with a figure to this month; none at all: this month', async () => {
    const all = await stats('370502000000', '');
    expect(all.monthly).toEqual([
      m('2025-12', 1, 0, 0, 0, 0), // P8 reported
      m('2026-01', 2, 1, 1, 1, 2),
      m('2026-02', 2, 1, 1, 1, 0),
      zero('2026-03'),
      m('2026-04', 0, 0, 1, 0, 0),
      m('2026-05', 2, 1, 1, 1, 1),
      m('2026-06', 0, 1, 1, 1, 0), // P5 closed
    ]);
    expect(all.total).toBe(7);
    expect(all.monthly.reduce((n: number, x: { reported: number }) => n + x.reported, 0)).toBe(7);
    // One bound only: from its month to this one; April counts from the 15th, after P3's evaluation (04-05).
    expect((await stats('370502000000', ', from: "2026-04-15"')).monthly).toEqual([zero('2026-04'), m('2026-05', 2, 1, 1, 1, 1), m('2026-06', 0, 1, 1, 1, 0)]);
    expect((await stats('370505000000', '')).monthly).toEqual([zero('2026-06')]);
    expect((await stats('370505000000', ', from: "2026-01-20", to: "2026-03-02"')).monthly).toEqual([zero('2026-01'), zero('2026-02'), zero('2026-03')]);
    const long = await runOperation(issues, `{ issueStats(divisionCode: "370502000000", from: "2010-01-01", to: "2026-05-31") { ${MONTHLY} } }`);
    expect(long.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'to' }]);
  });

  it('Department.issueStats.monthly: the issues it was assigned (P8, P1, P3, P5)', async () => {
    const dept = (await data(issues, `{ _entities(representations: [{ __typename: "Department", id: "${D1}" }]) { ... on Department { issueStats(from: "2026-01-01", to: "2026-05-31") { total ${MONTHLY} } } } }`))._entities[0].issueStats;
    expect(dept).toEqual({
      total: 3,
      monthly: [m('2026-01', 2, 1, 1, 1, 2), m('2026-02', 0, 1, 1, 1, 0), zero('2026-03'), m('2026-04', 0, 0, 1, 0, 0), m('2026-05', 1, 0, 0, 0, 0)],
    });
  });

  it('runs only when asked for: one statement more, the same for 10 subtrees as for 1, shared by REPORTED and CLOSED', async () => {
    const one = (fields: string) => countStatements(() => data(issues, `{ issueStats(divisionCode: "370502000000"${JAN_MAY}) { ${fields} } }`));
    expect((await one('total closed')).statements).toBe(1);
    expect((await one(`total ${MONTHLY}`)).statements).toBe(2);
    const townships = Array.from({ length: 10 }, (_, k) => `370502${String(k + 1).padStart(3, '0')}000`);
    const of = (codes: string[]) => countStatements(() =>
      data(issues, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division {
        a: issueStats(from: "2026-01-01", to: "2026-05-31") { total ${MONTHLY} } b: issueStats(from: "2026-01-01", to: "2026-05-31", by: CLOSED) { total ${MONTHLY} } } } }`,
      { r: codes.map((code) => ({ __typename: 'Division', code })) }));
    const many = await of(townships);
    // Two count statements (REPORTED, CLOSED) and one series for both, for one township as for ten.
    expect(many.statements).toBe(3);
    expect((await of(townships.slice(0, 1))).statements).toBe(3);
    expect(many.result._entities[0].a.monthly).toEqual([m('2026-01', 2, 1, 1, 1, 2), m('2026-02', 2, 1, 1, 1, 0), zero('2026-03'), m('2026-04', 0, 0, 1, 0, 0), m('2026-05', 2, 1, 1, 1, 1)]);
    expect(many.result._entities[1].b.monthly).toEqual([zero('2026-01'), zero('2026-02'), zero('2026-03'), zero('2026-04'), zero('2026-05')]);
  });
});
