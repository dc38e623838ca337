// Measuring (issues 11 and 12) on a hand-built ledger: every count and rate below is worked out
// by hand from the timeline in `beforeAll`, for subtrees, assignees and the assignee ranking.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseConfig, type Subgraph, type Viewer } from '@cadres/kit';
import { countStatements, createTestSubgraph, data, describeEachDatabase, runOperation } from '@cadres/kit/src/testing';
import { issuesSettings } from './config';
import { Issue, KnownDepartment } from './entities';
import type { Owners } from './owners';
import { subgraph as issuesSubgraph } from './server';
import { createIssuesSubgraph } from './test-owners';
import * as service from './service';

const config = parseConfig(issuesSettings, {}); // GENERAL 168 h, response 24 h, yellow at 20% left
const T0 = new Date('2026-03-02T08:00:00.000Z'); // 16:00 in Beijing
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

const D1 = 'D-370502-01';
const D2 = 'D-370502-02';
const D3 = 'D-370503-01';
const D4 = 'D-370500-01'; // a city department, working in both districts
const V502 = '370502001201';
const V503 = '370503001001';

const COUNTS = `total open closed green yellow red assigned respondedInTime evaluated solved satisfied closedOnTime fromVisits fixedOnTheSpot
  responseRate resolutionRate satisfactionRate onTimeRate`;
const RANKING = `totalCount pageInfo { hasNextPage endCursor } nodes { rank department { id } value numerator denominator }`;
const analyst = (scope: string): Viewer => ({ sub: `analyst-${scope}`, role: 'ANALYST', scope });

/** Ten and a thousand village codes of 东营区 (V502 is the 201st), for the statement counts. */
const villages = (n: number) => Array.from({ length: n }, (_, i) => `37050200${1 + Math.floor(i / 399)}${String((i % 399) + 1).padStart(3, '0')}`);
/** Places' childCodes as its stand-in answers them (Division.childIssueRanking asks places). 370504 and 370505 hold no issue, no department. */
const CHILDREN: Record<string, string[]> = {
  '370500000000': ['370502000000', '370503000000', '370504000000', '370505000000'],
  '370502000000': ['370502001000', '370502002000'],
  '370503000000': ['370503001000'],
  // Stand-ins with many children, only for the statement counts.
  '370502001000': villages(10),
  '370502009000': villages(1000),
};

/** People's campaigns as its stand-in answers them (campaignId on the measures asks people for the period). */
const CAMPAIGNS = { 'CP-1': { from: '2026-02-25', to: '2026-02-28' } };

/** The counts of IssueStats with their rates, as the hand computation gives them. */
function expected(c: {
  total: number; open: number; closed: number; green: number; yellow: number; red: number; assigned: number; respondedInTime: number;
  evaluated: number; solved: number; satisfied: number; closedOnTime: number; fromVisits: number; fixedOnTheSpot: number;
}) {
  const rate = (n: number, d: number) => (d ? n / d : null);
  return {
    ...c,
    responseRate: rate(c.respondedInTime, c.assigned),
    resolutionRate: rate(c.solved, c.evaluated),
    satisfactionRate: rate(c.satisfied, c.evaluated),
    onTimeRate: rate(c.closedOnTime, c.closed),
  };
}

describeEachDatabase('issues subgraph: measuring (counts, rates, assignees, rankings, fix on the spot)', (db) => {
  let issues: Subgraph;
  let clock = T0;
  const ids: Record<string, string> = {};
  const peopleQueries: string[] = [];
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, { config, now: () => clock, places: { children: CHILDREN }, people: { campaigns: CAMPAIGNS, received: peopleQueries } });
    // Assignments ask people for the department's division (known_department); the stand-in says `D-DDDDDD-…` serves DDDDDD.
    const unused = () => Promise.reject(new Error('not asked by assignIssue'));
    const owners: Owners = { departmentDivision: async (id) => `${id.slice(2, 8)}000000`, locate: unused, cadreDepartment: unused, householdCadres: unused, visitCadres: unused };
    const a = (hours: number): service.Actor => ({ ds: issues.ds, now: at(hours), actor: 'tester', config, owners });
    const report = async (name: string, hours: number, divisionCode: string, over: Partial<service.ReportIssueInput> = {}) => {
      const i = await service.reportIssue({ ...a(hours), owners: undefined }, {
        title: name, description: name, category: 'INFRASTRUCTURE', kind: 'HELP', source: 'VISIT', urgency: 'GENERAL', divisionCode, ...over,
      });
      ids[name] = i.id;
      return i;
    };
    /** Assign at h to dept, accept at `accepted`, start, resolve at `resolved`, evaluate at `evaluated` (each optional: the loop stops there). */
    const loop = async (i: Issue, dept: string, h: number, s: { accepted?: number; resolved?: number; evaluated?: number; verdict?: ['SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED', boolean] }) => {
      i = await service.assignIssue(a(h), i.id, dept, i.version);
      if (s.accepted == null) return;
      i = await service.acceptIssue(a(s.accepted), i.id, i.version);
      i = await service.startIssue(a(s.accepted), i.id, i.version);
      if (s.resolved == null) return;
      i = await service.resolveIssue(a(s.resolved), i.id, i.version, 'done');
      if (s.evaluated == null) return;
      await service.evaluateIssue(a(s.evaluated), i.id, i.version, ...s.verdict!);
    };
    // District 370502. Deadlines: report + 168 h; response limit: assignment + 24 h.
    await loop(await report('I1', -240, V502), D1, -239, { accepted: -237, resolved: -216, evaluated: -215, verdict: ['SATISFIED', true] }); // closed on time
    await loop(await report('I2', -240, V502), D1, -240, { accepted: -210, resolved: -192, evaluated: -191, verdict: ['DISSATISFIED', false] }); // late response, reopened, overdue: RED
    await loop(await report('I3', -216, V502), D1, -215, { accepted: -214, resolved: -24, evaluated: -23, verdict: ['BASICALLY_SATISFIED', true] }); // closed late
    await loop(await report('I4', -48, V502), D2, -47, { accepted: -46, resolved: -40 }); // RESOLVED, GREEN
    await loop(await report('I5', -192, V502), D2, -191, { accepted: -190, resolved: -168 }); // RESOLVED while GREEN, deadline passed since: stays GREEN
    // I6: fixed on the spot through the API (below), at -24 h, from visit V-1, about household H-1
    await report('I7', -24, V502, { visitId: 'V-2' }); // REPORTED, GREEN
    await loop(await report('I8', -72, V502), D4, -71, { accepted: -70 }); // ACCEPTED, GREEN
    // District 370503.
    await loop(await report('I9', -120, V503), D3, -119, { accepted: -89, resolved: -61, evaluated: -60, verdict: ['SATISFIED', true] }); // late response; closed 2026-02-27 20:00 UTC = 02-28 in Beijing
    await loop(await report('I10', -240, V503), D4, -239, {}); // ASSIGNED, never accepted, overdue: RED
    await report('I11', -150, V503); // REPORTED, 18 h left of 168: YELLOW
  });
  afterAll(() => issues?.stop());
  afterEach(() => {
    clock = T0;
  });

  const FIX = `mutation($input: ReportIssueInput!, $feedback: String!) { fixOnTheSpot(input: $input, feedback: $feedback) {
    id status version fixedOnTheSpot feedback light reporter { id } visit { id } subject { ... on Household { id } }
    history { action fromStatus toStatus note } } }`;
  const fixInput = (over: Record<string, unknown> = {}) => ({
    title: '楼道灯不亮', description: '走访时发现，当场更换灯泡', category: 'INFRASTRUCTURE', kind: 'HELP', source: 'VISIT', urgency: 'GENERAL',
    divisionCode: V502, subjectType: 'Household', subjectId: 'H-1', reporterId: 'C-00001', visitId: 'V-1', idempotencyKey: 'fix-1', ...over,
  });

  it('fixOnTheSpot: reported and closed at once with its visit, subject and reporter; idempotent; as report in the policy table', async () => {
    clock = at(-24);
    const first = (await data(issues, FIX, { input: fixInput(), feedback: '已当场更换' })).fixOnTheSpot;
    ids.I6 = first.id;
    expect(first).toEqual({
      id: first.id, status: 'CLOSED', version: 2, fixedOnTheSpot: true, feedback: '已当场更换', light: 'GREEN',
      reporter: { id: 'C-00001' }, visit: { id: 'V-1' }, subject: { id: 'H-1' },
      history: [
        { action: 'REPORT', fromStatus: null, toStatus: 'REPORTED', note: null },
        { action: 'FIX_ON_THE_SPOT', fromStatus: 'REPORTED', toStatus: 'CLOSED', note: '已当场更换' },
      ],
    });
    const count = () => issues.ds.getRepository(Issue).count();
    const before = await count();
    // The same key and content: the first issue. Other content under the key: CONFLICT. Refusals write nothing.
    expect((await data(issues, FIX, { input: fixInput(), feedback: '已当场更换' })).fixOnTheSpot.id).toBe(first.id);
    const outcome = async (vars: Record<string, unknown>, viewer?: Viewer) => (await runOperation(issues, FIX, vars, viewer)).errors?.map((e) => e.extensions);
    expect(await outcome({ input: fixInput(), feedback: '换了' })).toEqual([{ code: 'CONFLICT', field: 'input.idempotencyKey' }]);
    expect(await outcome({ input: fixInput({ visitId: null, idempotencyKey: null }), feedback: 'x' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.visitId' }]);
    expect(await outcome({ input: fixInput({ idempotencyKey: null }), feedback: ' ' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'feedback' }]);
    // Fixed on the spot by one who made the visit: another cadre is refused, a visit unknown is NOT_FOUND.
    expect(await outcome({ input: fixInput({ idempotencyKey: null, reporterId: 'C-00003' }), feedback: 'x' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.reporterId' }]);
    expect(await outcome({ input: fixInput({ idempotencyKey: null, visitId: 'V-missing' }), feedback: 'x' })).toEqual([{ code: 'NOT_FOUND', field: 'input.visitId' }]);
    for (const viewer of [analyst('370502000000'), { sub: 'd', role: 'DEPARTMENT', scope: null, departmentId: D1 } as Viewer]) {
      expect((await outcome({ input: fixInput({ idempotencyKey: null }), feedback: 'x' }, viewer))?.map((e) => e?.code)).toEqual(['FORBIDDEN']);
    }
    const cadre = (scope: string): Viewer => ({ sub: 'cadre-1', role: 'CADRE', scope, cadreId: 'C-00001' });
    expect((await outcome({ input: fixInput({ idempotencyKey: null }), feedback: 'x' }, cadre('370503000000')))?.map((e) => e?.code)).toEqual(['FORBIDDEN']);
    expect(await count()).toBe(before);
    // A cadre in scope may, as itself.
    const mine = await runOperation(issues, FIX, { input: fixInput({ idempotencyKey: 'fix-cadre' }), feedback: '已修好' }, cadre('370502000000'));
    expect(mine.data?.fixOnTheSpot.status).toBe('CLOSED');
    await issues.ds.getRepository(Issue).delete({ id: mine.data!.fixOnTheSpot.id });
  });

  const stats = async (code: string, extra = '', viewer?: Viewer) =>
    (await data(issues, `query($c: ID!) { issueStats(divisionCode: $c${extra}) { ${COUNTS} } }`, { c: code }, viewer)).issueStats;

  const district502 = expected({ total: 8, open: 5, closed: 3, green: 4, yellow: 0, red: 1, assigned: 6, respondedInTime: 5,
    evaluated: 4, solved: 3, satisfied: 3, closedOnTime: 2, fromVisits: 2, fixedOnTheSpot: 1 });
  const district503 = expected({ total: 3, open: 2, closed: 1, green: 0, yellow: 1, red: 1, assigned: 2, respondedInTime: 0,
    evaluated: 1, solved: 1, satisfied: 1, closedOnTime: 1, fromVisits: 0, fixedOnTheSpot: 0 });

  it('counts every numerator and denominator; the city is the sum of its districts', async () => {
    const city = await stats('370500000000');
    expect(city).toEqual(expected({ total: 11, open: 7, closed: 4, green: 4, yellow: 1, red: 2, assigned: 8, respondedInTime: 5,
      evaluated: 5, solved: 4, satisfied: 4, closedOnTime: 3, fromVisits: 2, fixedOnTheSpot: 1 }));
    expect([city.responseRate, city.resolutionRate, city.satisfactionRate, city.onTimeRate]).toEqual([5 / 8, 4 / 5, 4 / 5, 3 / 4]);
    expect(await stats('370502000000')).toEqual(district502);
    expect(await stats('370503000000')).toEqual(district503);
    const additive = ['total', 'open', 'closed', 'green', 'yellow', 'red', 'assigned', 'respondedInTime', 'evaluated', 'solved', 'satisfied', 'closedOnTime', 'fromVisits', 'fixedOnTheSpot'] as const;
    for (const k of additive) expect(city[k]).toBe(district502[k] + district503[k]);
  });

  it('a RESOLVED issue keeps the light it had when resolved while the resident is asked', async () => {
    const light = async (name: string) => (await data(issues, `query($id: ID!) { issue(id: $id) { status light } }`, { id: ids[name] })).issue;
    expect(await light('I5')).toEqual({ status: 'RESOLVED', light: 'GREEN' }); // resolved long before its deadline, which has passed since
    expect(await light('I2')).toEqual({ status: 'IN_PROGRESS', light: 'RED' }); // reopened: the clock runs again
    const red = (await data(issues, `{ issues(divisionCode: "370502000000", filter: { light: [RED] }) { nodes { id } } }`)).issues.nodes;
    expect(red).toEqual([{ id: ids.I3 }, { id: ids.I2 }]); // I3 closed late; I5 not there
  });

  it('counts by the date reported or closed, in Beijing dates', async () => {
    // Reported 2026-03-01 16:00 in Beijing (08:00 UTC): I6 and I7; I4 was reported on 02-28.
    expect((await stats('370500000000', ', from: "2026-03-01", to: "2026-03-02"')).total).toBe(2);
    // Closed 2026-03-01: I3 (late) and I6 (on the spot); I9 closed 2026-02-27 20:00 UTC, which is 02-28 in Beijing.
    expect(await stats('370500000000', ', by: CLOSED, from: "2026-03-01", to: "2026-03-02"')).toEqual(expected({
      total: 2, open: 0, closed: 2, green: 0, yellow: 0, red: 0, assigned: 1, respondedInTime: 1,
      evaluated: 2, solved: 2, satisfied: 2, closedOnTime: 1, fromVisits: 1, fixedOnTheSpot: 1 }));
    expect((await stats('370500000000', ', by: CLOSED, from: "2026-02-28", to: "2026-02-28"')).closed).toBe(1);
    expect((await stats('370500000000', ', by: CLOSED, from: "2026-02-27", to: "2026-02-27"')).closed).toBe(0);
    expect((await stats('370500000000', ', by: CLOSED')).total).toBe(4);
  });

  const departments = async (list: string[], viewer?: Viewer) =>
    (await data(issues, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { id issueStats { ${COUNTS} } serviceEvaluations { count average satisfactionRate } } } }`,
      { r: list.map((id) => ({ __typename: 'Department', id })) }, viewer))._entities;

  const rateDepartment = (dept: string, enterprise: string, score: number) =>
    data(issues, `mutation($t: ID!, $r: ID!, $s: Int!) { rate(targetType: "Department", targetId: $t, raterType: "Enterprise", raterId: $r, score: $s, aspect: SERVICE) { score } }`,
      { t: dept, r: enterprise, s: score });

  it('Department.issueStats as an assignee, and serviceEvaluations from enterprises\' ratings', async () => {
    await rateDepartment(D1, 'E-1', 4);
    await rateDepartment(D1, 'E-2', 2);
    await rateDepartment(D2, 'E-1', 5);
    await rateDepartment(D4, 'E-1', 3);
    const none = { total: 0, open: 0, closed: 0, green: 0, yellow: 0, red: 0, assigned: 0, respondedInTime: 0, evaluated: 0, solved: 0, satisfied: 0, closedOnTime: 0, fromVisits: 0, fixedOnTheSpot: 0 };
    expect(await departments([D1, D2, D3, D4])).toEqual([
      { id: D1, issueStats: expected({ ...none, total: 3, open: 1, closed: 2, red: 1, assigned: 3, respondedInTime: 2, evaluated: 3, solved: 2, satisfied: 2, closedOnTime: 1 }),
        serviceEvaluations: { count: 2, average: 3, satisfactionRate: 1 / 2 } },
      { id: D2, issueStats: expected({ ...none, total: 2, open: 2, green: 2, assigned: 2, respondedInTime: 2 }),
        serviceEvaluations: { count: 1, average: 5, satisfactionRate: 1 } },
      { id: D3, issueStats: expected({ ...none, total: 1, closed: 1, assigned: 1, evaluated: 1, solved: 1, satisfied: 1, closedOnTime: 1 }),
        serviceEvaluations: { count: 0, average: null, satisfactionRate: null } },
      { id: D4, issueStats: expected({ ...none, total: 2, open: 2, green: 1, red: 1, assigned: 2, respondedInTime: 1 }),
        serviceEvaluations: { count: 1, average: 3, satisfactionRate: 0 } },
    ]);
    // A district analyst counts only its district's issues: D4's work in 370503 is not there.
    const [d4] = await departments([D4], analyst('370502000000'));
    expect([d4.issueStats.total, d4.issueStats.assigned, d4.issueStats.respondedInTime]).toEqual([1, 1, 1]);
    // The departments met by assignment or rating, with the division people said each serves.
    expect(await issues.ds.getRepository(KnownDepartment).find({ order: { id: 'ASC' } })).toEqual([
      { id: D4, divisionCode: '370500000000' }, { id: D1, divisionCode: '370502000000' }, { id: D2, divisionCode: '370502000000' }, { id: D3, divisionCode: '370503000000' },
    ]);
  });

  const ranking = async (code: string, args: string, viewer?: Viewer) =>
    (await data(issues, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { assigneeRanking(${args}) { ${RANKING} } } } }`,
      { r: [{ __typename: 'Division', code }] }, viewer))._entities[0].assigneeRanking;
  const row = (rank: number, id: string, numerator: number, denominator: number | null) => ({
    rank, department: { id }, numerator, denominator, value: denominator == null ? numerator : denominator ? numerator / denominator : null,
  });

  it('ranks the assignee departments of a subtree: ties share a rank, stable by id, undefined last', async () => {
    const nodes = async (args: string, code = '370500000000') => (await ranking(code, args)).nodes;
    expect(await nodes('measure: RESPONSE_RATE')).toEqual([row(1, D2, 2, 2), row(2, D1, 2, 3), row(3, D4, 1, 2), row(4, D3, 0, 1)]);
    expect(await nodes('measure: RESOLUTION_RATE')).toEqual([row(1, D3, 1, 1), row(2, D1, 2, 3), row(3, D4, 0, 0), row(3, D2, 0, 0)]);
    expect(await nodes('measure: RESOLUTION_RATE, ascending: true')).toEqual([row(1, D1, 2, 3), row(2, D3, 1, 1), row(3, D4, 0, 0), row(3, D2, 0, 0)]);
    expect(await nodes('measure: SATISFACTION_RATE')).toEqual([row(1, D3, 1, 1), row(2, D1, 2, 3), row(3, D4, 0, 0), row(3, D2, 0, 0)]);
    expect(await nodes('measure: ON_TIME_RATE')).toEqual([row(1, D3, 1, 1), row(2, D1, 1, 2), row(3, D4, 0, 0), row(3, D2, 0, 0)]);
    expect(await nodes('measure: ASSIGNED')).toEqual([row(1, D1, 3, null), row(2, D4, 2, null), row(2, D2, 2, null), row(4, D3, 1, null)]);
    expect(await nodes('measure: SERVICE_RATING')).toEqual([row(1, D2, 5, 1), row(2, D4, 3, 1), row(2, D1, 6, 2), row(4, D3, 0, 0)]);
    // Reported from 2026-02-25 (Beijing): I4, I8, I9 only.
    expect(await nodes('measure: ASSIGNED, from: "2026-02-25"')).toEqual([row(1, D4, 1, null), row(1, D2, 1, null), row(1, D3, 1, null), row(4, D1, 0, null)]);
    // The district ranks the departments serving it; the city's D4 serves a division above it.
    expect(await nodes('measure: ASSIGNED', '370502000000')).toEqual([row(1, D1, 3, null), row(2, D2, 2, null)]);
    // Pages keep the ranks of the whole order.
    const page1 = await ranking('370500000000', 'measure: ASSIGNED, first: 2');
    expect([page1.totalCount, page1.pageInfo.hasNextPage, page1.nodes]).toEqual([4, true, [row(1, D1, 3, null), row(2, D4, 2, null)]]);
    const page2 = await ranking('370500000000', `measure: ASSIGNED, first: 2, after: "${page1.pageInfo.endCursor}"`);
    expect([page2.totalCount, page2.pageInfo.hasNextPage, page2.nodes]).toEqual([4, false, [row(2, D2, 2, null), row(4, D3, 1, null)]]);
  });

  const DIVISION_RANKING = `totalCount pageInfo { hasNextPage endCursor } nodes { rank division { code } value numerator denominator }`;
  const childRanking = async (code: string, args: string, viewer?: Viewer) =>
    (await data(issues, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { childIssueRanking(${args}) { ${DIVISION_RANKING} } } } }`,
      { r: [{ __typename: 'Division', code }] }, viewer))._entities[0].childIssueRanking;
  const drow = (rank: number, code: string, numerator: number, denominator: number | null) => ({
    rank, division: { code }, numerator, denominator, value: denominator == null ? numerator : denominator ? numerator / denominator : null,
  });

  it('childIssueRanking: every child places lists ranked by its own issueStats or its departments\' ratings; ties by code, undefined (null) last', async () => {
    const nodes = async (args: string) => (await childRanking('370500000000', args)).nodes;
    // From district502 and district503 above; 370504 and 370505 (no issue) tie at 0 assigned.
    expect(await nodes('measure: ASSIGNED')).toEqual([drow(1, '370502000000', 6, null), drow(2, '370503000000', 2, null), drow(3, '370504000000', 0, null), drow(3, '370505000000', 0, null)]);
    expect(await nodes('measure: ASSIGNED, ascending: true')).toEqual([drow(1, '370504000000', 0, null), drow(1, '370505000000', 0, null), drow(3, '370503000000', 2, null), drow(4, '370502000000', 6, null)]);
    // Rates: a child with no issue has no denominator: null, last in both directions (a tie of its own).
    expect(await nodes('measure: RESPONSE_RATE')).toEqual([drow(1, '370502000000', 5, 6), drow(2, '370503000000', 0, 2), drow(3, '370504000000', 0, 0), drow(3, '370505000000', 0, 0)]);
    expect(await nodes('measure: RESOLUTION_RATE')).toEqual([drow(1, '370503000000', 1, 1), drow(2, '370502000000', 3, 4), drow(3, '370504000000', 0, 0), drow(3, '370505000000', 0, 0)]);
    expect(await nodes('measure: RESOLUTION_RATE, ascending: true')).toEqual([drow(1, '370502000000', 3, 4), drow(2, '370503000000', 1, 1), drow(3, '370504000000', 0, 0), drow(3, '370505000000', 0, 0)]);
    expect(await nodes('measure: SATISFACTION_RATE')).toEqual([drow(1, '370503000000', 1, 1), drow(2, '370502000000', 3, 4), drow(3, '370504000000', 0, 0), drow(3, '370505000000', 0, 0)]);
    expect(await nodes('measure: ON_TIME_RATE')).toEqual([drow(1, '370503000000', 1, 1), drow(2, '370502000000', 2, 3), drow(3, '370504000000', 0, 0), drow(3, '370505000000', 0, 0)]);
    expect((await nodes('measure: SATISFACTION_RATE'))[2].value).toBeNull();
    // Ratings of the departments serving each: 370502's D1 (4, 2) and D2 (5); D3 was not rated; the city's D4 lies in no district.
    expect(await nodes('measure: SERVICE_RATING')).toEqual([drow(1, '370502000000', 11, 3), drow(2, '370503000000', 0, 0), drow(2, '370504000000', 0, 0), drow(2, '370505000000', 0, 0)]);
    // Reported from 2026-02-25 (Beijing): I4, I8 (370502) and I9 (370503).
    expect(await nodes('measure: ASSIGNED, from: "2026-02-25"')).toEqual([drow(1, '370502000000', 2, null), drow(2, '370503000000', 1, null), drow(3, '370504000000', 0, null), drow(3, '370505000000', 0, null)]);
    // Each numerator and denominator is the child's own issueStats.
    const own = await stats('370502000000');
    expect((await nodes('measure: SATISFACTION_RATE'))[1]).toMatchObject({ numerator: own.satisfied, denominator: own.evaluated, value: own.satisfactionRate });
    // Pages keep the ranks.
    const page1 = await childRanking('370500000000', 'measure: ASSIGNED, first: 3');
    expect([page1.totalCount, page1.pageInfo.hasNextPage, page1.nodes.length]).toEqual([4, true, 3]);
    const page2 = await childRanking('370500000000', `measure: ASSIGNED, first: 3, after: "${page1.pageInfo.endCursor}"`);
    expect([page2.totalCount, page2.pageInfo.hasNextPage, page2.nodes]).toEqual([4, false, [drow(3, '370505000000', 0, null)]]);
    // A township with no children ranks nothing; a division places does not know is null.
    expect(await childRanking('370503001000', 'measure: ASSIGNED')).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    expect(await childRanking('370599000000', 'measure: ASSIGNED')).toBeNull();
  });

  it('childIssueRanking as assigneeRanking for a district ANALYST: its own district only, nothing of another', async () => {
    const viewer = analyst('370502000000');
    expect((await childRanking('370502000000', 'measure: ASSIGNED', viewer)).nodes).toEqual([drow(1, '370502001000', 6, null), drow(2, '370502002000', 0, null)]);
    // The city: only the child that holds its scope, counting only what it reads.
    expect((await childRanking('370500000000', 'measure: RESPONSE_RATE', viewer)).nodes).toEqual([drow(1, '370502000000', 5, 6)]);
    expect(await childRanking('370503000000', 'measure: ASSIGNED', viewer)).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    // Ratings: as assigneeRanking, null for a role that may not read them.
    expect(await ranking('370502000000', 'measure: SERVICE_RATING', { sub: 'p', role: 'PARTNER', scope: null })).toBeNull();
    expect(await childRanking('370502000000', 'measure: SERVICE_RATING', { sub: 'p', role: 'PARTNER', scope: null })).toBeNull();
  });

  it('childIssueRanking ranks 10 children and 1,000 in the same number of statements, a city\'s as a township\'s', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division {
      satisfaction: childIssueRanking(measure: SATISFACTION_RATE) { totalCount nodes { rank division { code } } }
      rating: childIssueRanking(measure: SERVICE_RATING) { totalCount nodes { rank division { code } } } } } }`;
    const run = (code: string) => countStatements(() => data(issues, q, { r: [{ __typename: 'Division', code }] }));
    const ten = await run('370502001000');
    const thousand = await run('370502009000');
    expect(thousand.result._entities[0].satisfaction.totalCount).toBe(1000);
    // V502 (370502001201) holds the district's evaluated issues: first of the thousand.
    expect(thousand.result._entities[0].satisfaction.nodes[0]).toEqual({ rank: 1, division: { code: V502 } });
    expect(thousand.statements).toBe(ten.statements);
    expect((await run('370500000000')).statements).toBe(ten.statements);
    // One GROUP BY of the issues (SATISFACTION_RATE: the children's issueStats counts) and one of the ratings: the children are all one level.
    expect(ten.statements).toBe(2);
  });

  it('a district-scoped ANALYST ranks and counts only its district', async () => {
    const viewer = analyst('370502000000');
    expect(await stats('370500000000', '', viewer)).toEqual(district502);
    expect((await ranking('370500000000', 'measure: ASSIGNED', viewer)).nodes).toEqual([row(1, D1, 3, null), row(2, D2, 2, null)]);
    expect(await ranking('370503000000', 'measure: RESPONSE_RATE', viewer)).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    const households = async (v?: Viewer) =>
      (await data(issues, `{ _entities(representations: [{ __typename: "Household", id: "H-1" }]) { ... on Household { issues { totalCount nodes { id } } } } }`, {}, v))._entities[0].issues;
    expect(await households()).toEqual({ totalCount: 1, nodes: [{ id: ids.I6 }] });
    expect(await households(viewer)).toEqual({ totalCount: 1, nodes: [{ id: ids.I6 }] });
    expect(await households(analyst('370503000000'))).toEqual({ totalCount: 0, nodes: [] });
  });

  it('campaignId: the campaign\'s period for issueStats (subtree, Query, department) and both rankings, as with its from/to', async () => {
    const campaign = 'campaignId: "CP-1"';
    const period = 'from: "2026-02-25", to: "2026-02-28"';
    // Reported 2026-02-25..28 in Beijing: I9 (02-25, closed on time after a late response), I8 (02-27, ACCEPTED), I4 (02-28, RESOLVED).
    const hand = expected({ total: 3, open: 2, closed: 1, green: 2, yellow: 0, red: 0, assigned: 3, respondedInTime: 2,
      evaluated: 1, solved: 1, satisfied: 1, closedOnTime: 1, fromVisits: 0, fixedOnTheSpot: 0 });
    expect(await stats('370500000000', `, ${campaign}`)).toEqual(hand);
    expect(await stats('370500000000', `, ${period}`)).toEqual(hand);
    // Closed in the period: I9 only (02-28 04:00 in Beijing).
    expect((await stats('370500000000', `, by: CLOSED, ${campaign}`)).total).toBe(1);
    expect(await stats('370503000000', `, ${campaign}, by: CLOSED, category: INFRASTRUCTURE`)).toEqual(await stats('370503000000', `, ${period}, by: CLOSED, category: INFRASTRUCTURE`));
    // The rankings: from 2026-02-25 I4 (D2), I8 (D4), I9 (D3) were assigned; the ratings were all given on 03-02, after it.
    expect((await ranking('370500000000', `measure: ASSIGNED, ${campaign}`)).nodes).toEqual([row(1, D4, 1, null), row(1, D2, 1, null), row(1, D3, 1, null), row(4, D1, 0, null)]);
    for (const measure of ['RESPONSE_RATE', 'SERVICE_RATING']) {
      expect(await ranking('370500000000', `measure: ${measure}, ${campaign}, first: 2`)).toEqual(await ranking('370500000000', `measure: ${measure}, ${period}, first: 2`));
    }
    expect((await ranking('370500000000', `measure: SERVICE_RATING, ${campaign}`)).nodes.map((n: { denominator: number }) => n.denominator)).toEqual([0, 0, 0, 0]);
    expect((await childRanking('370500000000', `measure: ASSIGNED, ${campaign}`)).nodes).toEqual([
      drow(1, '370502000000', 2, null), drow(2, '370503000000', 1, null), drow(3, '370504000000', 0, null), drow(3, '370505000000', 0, null)]);
    expect(await childRanking('370500000000', `measure: SATISFACTION_RATE, ${campaign}`)).toEqual(await childRanking('370500000000', `measure: SATISFACTION_RATE, ${period}`));
    const department = async (args: string) =>
      (await data(issues, `{ _entities(representations: [{ __typename: "Department", id: "${D2}" }]) { ... on Department { issueStats(${args}) { ${COUNTS} } } } }`))._entities[0].issueStats;
    // D2 in the period: I4 only (I5 was reported 02-22).
    expect((await department(campaign)).total).toBe(1);
    expect(await department(campaign)).toEqual(await department(period));
  });

  it('campaignId: NOT_FOUND for a campaign people does not give, BAD_USER_INPUT with from or to, both on campaignId', async () => {
    const errors = async (query: string) => (await runOperation(issues, query)).errors?.map((e) => e.extensions);
    const divisionField = (field: string) => `{ _entities(representations: [{ __typename: "Division", code: "370500000000" }]) { ... on Division { ${field} } } }`;
    const cases: [string, string][] = [
      ['{ issueStats(divisionCode: "370500000000", ARGS) { total } }', 'Query.issueStats'],
      [divisionField('issueStats(ARGS) { total }'), 'Division.issueStats'],
      [divisionField('assigneeRanking(measure: ASSIGNED, ARGS) { totalCount }'), 'assigneeRanking'],
      [divisionField('childIssueRanking(measure: ASSIGNED, ARGS) { totalCount }'), 'childIssueRanking'],
      [`{ _entities(representations: [{ __typename: "Department", id: "${D1}" }]) { ... on Department { issueStats(ARGS) { total } } } }`, 'Department.issueStats'],
    ];
    for (const [query, name] of cases) {
      const of = (args: string) => errors(query.replace('ARGS', args)).then((e) => [name, e]);
      expect(await of('campaignId: "CP-missing"')).toEqual([name, [{ code: 'NOT_FOUND', field: 'campaignId' }]]);
      expect(await of('campaignId: "CP-1", from: "2026-02-25"')).toEqual([name, [{ code: 'BAD_USER_INPUT', field: 'campaignId' }]]);
      expect(await of('campaignId: "CP-1", to: "2026-02-28"')).toEqual([name, [{ code: 'BAD_USER_INPUT', field: 'campaignId' }]]);
    }
  });

  it('campaignId: the same statements as from/to, and one request to people for every campaign measure of a request', async () => {
    const q = (args: string) => `{ _entities(representations: [
        { __typename: "Division", code: "370500000000" }, { __typename: "Division", code: "370502000000" }, { __typename: "Division", code: "370503000000" },
        { __typename: "Department", id: "${D1}" }, { __typename: "Department", id: "${D2}" }]) {
      ... on Division { issueStats(${args}) { total byCategory { count } coHandled } assigneeRanking(measure: RESPONSE_RATE, ${args}) { totalCount nodes { rank } }
        childIssueRanking(measure: ASSIGNED, ${args}) { nodes { rank division { code } } } }
      ... on Department { issueStats(${args}) { total satisfied } } } }`;
    peopleQueries.length = 0;
    const byPeriod = await countStatements(() => data(issues, q('from: "2026-02-25", to: "2026-02-28"')));
    expect(peopleQueries).toEqual([]);
    const byCampaign = await countStatements(() => data(issues, q('campaignId: "CP-1"')));
    expect(byCampaign.result).toEqual(byPeriod.result);
    expect(byCampaign.statements).toBe(byPeriod.statements);
    expect(peopleQueries).toHaveLength(1);
    expect(peopleQueries[0]).toContain('... on Campaign { from to }');
  });

  it('campaignId with people away: SERVICE_UNAVAILABLE naming people, as for any peer issues asks', async () => {
    // A port nobody listens on any more.
    const gone = http.createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    const alone = await createTestSubgraph(issuesSubgraph, db, { config, peers: { people: `http://127.0.0.1:${port}/graphql` } });
    try {
      const result = await runOperation(alone, '{ issueStats(divisionCode: "370500000000", campaignId: "CP-1") { total } }');
      expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'SERVICE_UNAVAILABLE', subgraph: 'people' }]);
      // Without a campaign, people is not asked.
      expect((await data(alone, '{ issueStats(divisionCode: "370500000000") { total } }')).issueStats).toEqual({ total: 0 });
    } finally {
      await alone.stop();
    }
  });

  it('answers departments and rankings in the same number of statements for 10 and for 1,000 departments', async () => {
    // Extra departments in a district of their own (370505), each assigned nothing: they rank, undefined, in the city.
    const extra = Array.from({ length: 1000 }, (_, k) => ({ id: `D-370505-${String(k).padStart(4, '0')}`, divisionCode: '370505000000' }));
    for (let k = 0; k < extra.length; k += 250) await issues.ds.getRepository(KnownDepartment).insert(extra.slice(k, k + 250));
    const many = extra.map((d) => d.id);
    const q = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Department { id issueStats { total responseRate } serviceEvaluations { count } }
      ... on Division { code assigneeRanking(measure: SATISFACTION_RATE, first: 500) { totalCount nodes { rank department { id } } } } } }`;
    const reps = (list: string[]) => [
      ...list.map((id) => ({ __typename: 'Department', id })),
      ...['370500000000', '370502000000', '370505000000'].map((code) => ({ __typename: 'Division', code })),
    ];
    const small = await countStatements(() => data(issues, q, { r: reps(many.slice(0, 10)) }));
    const large = await countStatements(() => data(issues, q, { r: reps(many) }));
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBe(6); // department stats, their ratings, and per prefix length (4: 3705; 6: 370502, 370505) the ranking pages and their counts
    const city = large.result._entities[1000].assigneeRanking;
    expect([city.totalCount, city.nodes.length, city.nodes[0], city.nodes[2]]).toEqual([1004, 500, { rank: 1, department: { id: D3 } }, { rank: 3, department: { id: D4 } }]);
  });
});
