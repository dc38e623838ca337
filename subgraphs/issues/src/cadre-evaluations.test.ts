// Department.cadreEvaluations on hand-placed ratings: every figure below is worked out by hand from
// RATINGS. People's stand-in says which cadres each department has now (Department.cadreIds).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Subgraph, Viewer } from '@cadres/kit';
import { countStatements, createTestSubgraph, data, describeEachDatabase, runOperation } from '@cadres/kit/src/testing';
import { Rating } from './entities';
import { subgraph as issuesSubgraph } from './server';
import { createIssuesSubgraph, testConfig } from './test-owners';

const D1 = 'D-370502-01'; // C-1, C-2
const D2 = 'D-370502-02'; // C-3
const D3 = 'D-370503-01'; // no cadre
const BIG = 'D-370502-50'; // 50 cadres, for the statement count
const TWO = 'D-370502-22'; // 2 of them
const MISSING = 'D-missing-1'; // people does not know it
const bigCadres = Array.from({ length: 50 }, (_, i) => `C-${100 + i}`);

/** [cadre, household, aspect, score, instant]; Beijing is UTC+8, so 16:00Z is midnight of the next Beijing day. */
const RATINGS: [string, string, 'WORK' | 'CONDUCT' | null, number, string][] = [
  ['C-1', 'H-1', 'WORK', 5, '2026-03-01T16:00:00.000Z'], // 2 March 00:00 in Beijing: the period's first instant
  ['C-1', 'H-1', 'CONDUCT', 3, '2026-03-10T15:59:59.999Z'], // 10 March 23:59:59.999: its last
  ['C-1', 'H-2', 'WORK', 4, '2026-03-01T15:59:59.999Z'], // 1 March in Beijing: before it
  ['C-2', 'H-3', 'WORK', 2, '2026-03-05T08:00:00.000Z'],
  ['C-2', 'H-4', 'CONDUCT', 1, '2026-03-10T16:00:00.000Z'], // 11 March in Beijing: after it
  ['C-3', 'H-5', 'WORK', 4, '2026-03-06T02:00:00.000Z'],
  ['C-3', 'H-6', null, 5, '2026-02-01T02:00:00.000Z'],
  ['C-9', 'H-7', 'WORK', 1, '2026-03-05T02:00:00.000Z'], // a cadre of no department asked: never counts
];

const SUMMARY = 'count average satisfactionRate';
const summary = (count: number, total: number, good: number) =>
  count ? { count, average: total / count, satisfactionRate: good / count } : { count: 0, average: null, satisfactionRate: null };
const reps = (ids: string[]) => ids.map((id) => ({ __typename: 'Department', id }));
const Q = (args = '') => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { id cadreEvaluations${args} { ${SUMMARY} } } } }`;

describeEachDatabase('issues subgraph: Department.cadreEvaluations (residents rate its cadres)', (db) => {
  let issues: Subgraph;
  const peopleQueries: string[] = [];
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, {
      config: testConfig(),
      people: {
        departmentCadres: { [D1]: ['C-1', 'C-2'], [D2]: ['C-3'], [BIG]: bigCadres, [TWO]: bigCadres.slice(0, 2) },
        received: peopleQueries,
      },
    });
    const rows = RATINGS.map(([cadre, household, aspect, score, at], i) => ({ id: `R-${i}`, targetType: 'Cadre', targetId: cadre, raterType: 'Household', raterId: household, aspect, score, at }));
    // D1 rated by an enterprise: the department's own service, not its cadres'.
    rows.push({ id: 'R-dept', targetType: 'Department', targetId: D1, raterType: 'Enterprise', raterId: 'E-1', aspect: 'SERVICE' as never, score: 1, at: '2026-03-05T02:00:00.000Z' });
    // Each big cadre rated once, 4: only the statement count looks at them.
    bigCadres.forEach((c, i) => rows.push({ id: `R-big-${i}`, targetType: 'Cadre', targetId: c, raterType: 'Household', raterId: 'H-8', aspect: 'WORK', score: 4, at: '2026-03-05T02:00:00.000Z' }));
    await issues.ds.getRepository(Rating).insert(
      rows.map((r) => ({ ...r, aspectKey: r.aspect ?? '-', period: 2026, comment: null, at: new Date(r.at) })),
    );
  });
  afterAll(() => issues?.stop());
  beforeEach(() => {
    peopleQueries.length = 0;
  });

  it('totals every rating of its cadres, all time and from..to (Beijing dates, both inclusive)', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { id
      all: cadreEvaluations { ${SUMMARY} }
      march: cadreEvaluations(from: "2026-03-02", to: "2026-03-10") { ${SUMMARY} }
      since: cadreEvaluations(from: "2026-03-06") { ${SUMMARY} }
      until: cadreEvaluations(to: "2026-03-01") { ${SUMMARY} }
      serviceEvaluations { count } } } }`;
    const got = (await data(issues, q, { r: reps([D1, D2, D3, MISSING]) }))._entities;
    expect(got).toEqual([
      {
        id: D1,
        all: summary(5, 5 + 3 + 4 + 2 + 1, 2), // 5 and 4 are >= 4
        march: summary(3, 5 + 3 + 2, 1), // C-1's 5 (first instant) and 3 (last), C-2's 2
        since: summary(2, 3 + 1, 0), // C-1's 3 on 10 March, C-2's 1 on 11 March
        until: summary(1, 4, 1), // C-1's 4 on 1 March
        serviceEvaluations: { count: 1 }, // the enterprise's rating stays there
      },
      { id: D2, all: summary(2, 4 + 5, 2), march: summary(1, 4, 1), since: summary(1, 4, 1), until: summary(1, 5, 1), serviceEvaluations: { count: 0 } },
      { id: D3, all: summary(0, 0, 0), march: summary(0, 0, 0), since: summary(0, 0, 0), until: summary(0, 0, 0), serviceEvaluations: { count: 0 } },
      // People does not know it: its cadres' ratings are unknown, not zero.
      { id: MISSING, all: null, march: null, since: null, until: null, serviceEvaluations: { count: 0 } },
    ]);
    // One question to people for every department and period of the request.
    expect(peopleQueries).toHaveLength(1);
    expect(peopleQueries[0]).toContain('... on Department { cadreIds }');
    // The same figures as the cadres' own summaries, added up.
    const cadres = (await data(issues, `{ _entities(representations: [{ __typename: "Cadre", id: "C-1" }, { __typename: "Cadre", id: "C-2" }]) { ... on Cadre { evaluations { count } } } }`))._entities;
    expect(cadres).toEqual([{ evaluations: { count: 3 } }, { evaluations: { count: 2 } }]);
  });

  it('null for the roles that may not read ratings, as serviceEvaluations; people is not asked then', async () => {
    const as = async (viewer: Viewer) => (await data(issues, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { cadreEvaluations { count } serviceEvaluations { count } } } }`, { r: reps([D1]) }, viewer))._entities[0];
    expect(await as({ sub: 'hotline', role: 'PARTNER', scope: null })).toEqual({ cadreEvaluations: null, serviceEvaluations: null });
    expect(peopleQueries).toEqual([]);
    for (const role of ['ANALYST', 'DEPARTMENT', 'CADRE'] as const) {
      expect(await as({ sub: `a-${role}`, role, scope: '370502000000' })).toEqual({ cadreEvaluations: { count: 5 }, serviceEvaluations: { count: 1 } });
    }
  });

  it('to before from is BAD_USER_INPUT on to, before people is asked', async () => {
    const result = await runOperation(issues, Q('(from: "2026-03-10", to: "2026-03-02")'), { r: reps([D1]) });
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'to' }]);
    expect(peopleQueries).toEqual([]);
  });

  it('one statement and one request to people, for 1 or 3 departments and for 2 or 50 cadres', async () => {
    const run = async (ids: string[]) => {
      peopleQueries.length = 0;
      const counted = await countStatements(() => data(issues, Q('(from: "2026-03-02", to: "2026-03-10")'), { r: reps(ids) }));
      expect(peopleQueries).toHaveLength(1);
      return counted;
    };
    const one = await run([D1]);
    const three = await run([D1, D2, D3]);
    const two = await run([TWO]);
    const fifty = await run([BIG]);
    expect([one.statements, three.statements, two.statements, fifty.statements]).toEqual([1, 1, 1, 1]);
    expect(three.result._entities.map((d: { cadreEvaluations: { count: number } }) => d.cadreEvaluations.count)).toEqual([3, 1, 0]);
    expect([two.result._entities[0].cadreEvaluations, fifty.result._entities[0].cadreEvaluations]).toEqual([summary(2, 8, 2), summary(50, 200, 50)]);
  });

  it('people away: SERVICE_UNAVAILABLE naming people, as for any peer issues asks', async () => {
    const gone = http.createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    const alone = await createTestSubgraph(issuesSubgraph, db, { config: testConfig(), peers: { people: `http://127.0.0.1:${port}/graphql` } });
    try {
      const result = await runOperation(alone, Q(), { r: reps([D1]) });
      expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'SERVICE_UNAVAILABLE', subgraph: 'people' }]);
    } finally {
      await alone.stop();
    }
  });
});
