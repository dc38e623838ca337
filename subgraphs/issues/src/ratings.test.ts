import type { Subgraph, Viewer } from '@cadres/kit';
import { data, describeEachDatabase, runOperation } from '@cadres/kit/src/testing';
import { Rating } from './entities';
import { createIssuesSubgraph, testConfig } from './test-owners';

const T0 = new Date('2026-03-02T08:00:00.000Z');
const RATE = `mutation($tt: String!, $t: ID!, $rt: String!, $r: ID!, $s: Int!, $a: RatingAspect) {
  rate(targetType: $tt, targetId: $t, raterType: $rt, raterId: $r, score: $s, aspect: $a) { id score at aspect } }`;

const hotline: Viewer = { sub: 'hotline', role: 'PARTNER', scope: null };
const cadre: Viewer = { sub: 'cadre-5', role: 'CADRE', scope: '370502000000', cadreId: 'C-00005' };

describeEachDatabase('issues subgraph: rating rules', (db) => {
  let issues: Subgraph;
  let clock = T0;
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, {
      config: testConfig(),
      now: () => clock,
      // C-00005 works in D-370502-09; H-lonely has no linked cadre, H-5 is linked to C-00005.
      people: { cadres: { 'C-00005': 'D-370502-09' }, links: { 'H-lonely': [], 'H-5': ['C-00005'] } },
    });
  });
  afterAll(() => issues?.stop());
  beforeEach(() => {
    clock = T0;
  });

  const rate = (vars: Record<string, unknown>, viewer: Viewer = hotline) =>
    runOperation(issues, RATE, { tt: 'Cadre', t: 'C-00001', rt: 'Household', r: 'H-1', s: 4, a: 'WORK', ...vars }, viewer);
  const ratings = () => issues.ds.getRepository(Rating).find({ order: { id: 'ASC' } });

  it('never lets a cadre rate itself or anyone rate its own department, and a household rates only its linked cadres', async () => {
    const before = await ratings();
    const refused = [
      await rate({ t: 'C-00005', r: 'H-5' }, cadre), // itself, though linked
      await rate({ tt: 'Department', t: 'D-370502-09', rt: 'Enterprise', r: 'E-0001', a: 'SERVICE' }, cadre), // its department, as people says
      await rate({ tt: 'Department', t: 'D-370502-01', rt: 'Enterprise', r: 'E-0001', a: 'SERVICE' }, { sub: 'a', role: 'ADMIN', scope: null, departmentId: 'D-370502-01' }),
      await rate({ r: 'H-lonely' }), // C-00001 is not linked to it
      await rate({ t: 'C-00005' }), // H-1 is linked to C-00001 and C-00002 only
    ];
    expect(refused.map((r) => r.errors?.map((e) => e.extensions))).toEqual(Array.from({ length: 5 }, () => [{ code: 'FORBIDDEN', field: 'targetId' }]));
    expect(await ratings()).toEqual(before);
    expect((await rate({ t: 'C-00005', r: 'H-5' })).errors).toBeUndefined(); // the hotline, for the household it is linked to
    expect((await rate({ tt: 'Department', t: 'D-370502-01', rt: 'Enterprise', r: 'E-0001', a: 'SERVICE' }, cadre)).errors).toBeUndefined();
  });

  it('replaces a second rating of the same target by the same rater on the same aspect in the same year', async () => {
    const first = (await data(issues, RATE, { tt: 'Cadre', t: 'C-00002', rt: 'Household', r: 'H-2', s: 2, a: 'CONDUCT' }, hotline)).rate;
    const count = async () => (await ratings()).filter((r) => r.raterId === 'H-2').length;
    clock = new Date('2026-12-31T15:59:59.000Z'); // 23:59:59 on 31 December in China: the same year
    const second = (await data(issues, RATE, { tt: 'Cadre', t: 'C-00002', rt: 'Household', r: 'H-2', s: 5, a: 'CONDUCT' }, cadre)).rate;
    expect(second).toEqual({ id: first.id, score: 5, at: clock.toISOString(), aspect: 'CONDUCT' });
    expect(await count()).toBe(1);
    const work = (await data(issues, RATE, { tt: 'Cadre', t: 'C-00002', rt: 'Household', r: 'H-2', s: 3, a: 'WORK' }, hotline)).rate;
    clock = new Date('2026-12-31T16:00:00.000Z'); // 1 January 2027 in China: a new period
    const nextYear = (await data(issues, RATE, { tt: 'Cadre', t: 'C-00002', rt: 'Household', r: 'H-2', s: 4, a: 'CONDUCT' }, hotline)).rate;
    expect(new Set([first.id, work.id, nextYear.id]).size).toBe(3);
    expect(await count()).toBe(3);
    const summary = await data(issues, `{ _entities(representations: [{ __typename: "Cadre", id: "C-00002" }]) { ... on Cadre { evaluations { count average } } } }`);
    expect(summary._entities).toEqual([{ evaluations: { count: 3, average: 4 } }]);
  });

  it('keeps one rating when first ratings of one slot race', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, n) => rate({ t: 'C-00002', r: 'H-3', s: 1 + (n % 5) })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.data!.rate.id)).size).toBe(1);
    expect((await ratings()).filter((r) => r.raterId === 'H-3').length).toBe(1);
  });
});
