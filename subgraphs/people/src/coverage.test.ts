import { insertInChunks, type Subgraph } from '@cadres/kit';
import { type DemoWorld } from '@cadres/demo';
import { createTestSubgraph, data, describeEachDatabase } from '@cadres/kit/src/testing';
import { subgraph as placesSubgraph } from '@cadres/places';
import { Cadre, Department, Household, Liaison, Visit, VisitCadre, openKeyOf } from './entities';
import { subgraph as peopleSubgraph } from './server';

/**
 * Coverage on a world small enough to count by hand. One township (370502001000) with three
 * places: community A (…001), community B (…002) and village C (…201). Two building units in A.
 *
 *   A: lead cadre 科级 (SECTION_LEVEL)      → covered
 *   B: member cadre STAFF only               → not covered (no ranked liaison)
 *   C: a ranked link that ended last year    → not covered (only active links count)
 *
 *   households: H1 (A) linked, 4 home visits this year  → visited enough
 *               H2 (A) linked, 3 this year + 2 last year → not enough (this year counts)
 *               H3 (B) not linked, 5 this year           → visited enough
 *               H4 (C) linked, no visits                 → not enough
 *   units:      U1 linked by 2 cadres → fully linked; U2 by 1 → not
 *
 * By hand: 3 places, 1 with a ranked liaison, uncovered B and C; 4 households, 3 linked,
 * 2 visited enough (quota 4); 2 units, 1 fully linked.
 */
const NOW = new Date('2026-07-01T02:00:00Z');
const T = '370502001';
const [A, B, C] = [`${T}001`, `${T}002`, `${T}201`];

const places: DemoWorld['divisions'] = [
  { code: '370000000000', name: '山东省', level: 'PROVINCE', parentCode: null, population: null },
  { code: '370500000000', name: '东营市', level: 'CITY', parentCode: '370000000000', population: null },
  { code: '370502000000', name: '东营区', level: 'DISTRICT', parentCode: '370500000000', population: null },
  { code: `${T}000`, name: '文汇街道', level: 'TOWNSHIP', parentCode: '370502000000', population: null },
  { code: A, name: '甲社区', level: 'COMMUNITY', parentCode: `${T}000`, population: 900 },
  { code: B, name: '乙社区', level: 'COMMUNITY', parentCode: `${T}000`, population: 800 },
  { code: C, name: '丙村', level: 'VILLAGE', parentCode: `${T}000`, population: 500 },
] as DemoWorld['divisions'];

const miniWorld = {
  divisions: places,
  buildings: [{ id: 'B-1', name: '1号楼', divisionCode: A }],
  units: [
    { id: 'U1', name: '1单元', buildingId: 'B-1' },
    { id: 'U2', name: '2单元', buildingId: 'B-1' },
  ],
} as unknown as DemoWorld;

describeEachDatabase('coverage on a hand-built world', (db) => {
  let placesSg: Subgraph;
  let people: Subgraph;
  beforeAll(async () => {
    placesSg = await createTestSubgraph(placesSubgraph, db);
    await placesSg.seed(miniWorld);
    people = await createTestSubgraph(peopleSubgraph, db, { now: () => NOW });
    await people.ds.transaction(async (em) => {
      await insertInChunks(em, Department, [{ id: 'D1', name: '东营区民政局', divisionCode: '370502000000' }]);
      await insertInChunks(
        em,
        Cadre,
        [
          ['K1', 'SECTION_LEVEL'],
          ['S1', 'STAFF'],
          ['S2', 'STAFF'],
          ['K2', 'COUNTY_LEVEL'],
        ].map(([id, cadreRank]) => ({ id, name: id, cadreRank, departmentId: 'D1', partyMember: true, phone: null, version: 1 })),
      );
      const link = (id: string, cadreId: string, targetType: Liaison['targetType'], targetId: string, divisionCode: string, role: Liaison['role'], until: string | null = null) => ({
        id, cadreId, targetType, targetId, divisionCode, role, since: '2025-01-01', until, openKey: until ? null : openKeyOf({ cadreId, targetType, targetId, role }), version: 1,
      });
      await insertInChunks(em, Liaison, [
        link('L1', 'K1', 'Division', A, A, 'LEAD'),
        link('L2', 'S1', 'Division', B, B, 'MEMBER'),
        link('L3', 'K2', 'Division', C, C, 'LEAD', '2025-12-31'),
        link('L4', 'S1', 'Household', 'H1', A, 'MEMBER'),
        link('L5', 'S1', 'Household', 'H2', A, 'MEMBER'),
        link('L6', 'S2', 'Household', 'H4', C, 'MEMBER'),
        link('L7', 'S1', 'BuildingUnit', 'U1', A, 'LEAD'),
        link('L8', 'S2', 'BuildingUnit', 'U1', A, 'MEMBER'),
        link('L9', 'S2', 'BuildingUnit', 'U2', A, 'LEAD'),
      ]);
      await insertInChunks(
        em,
        Household,
        [
          ['H1', A],
          ['H2', A],
          ['H3', B],
          ['H4', C],
        ].map(([id, divisionCode]) => ({ id, divisionCode, unitId: null, headId: null, version: 1 })),
      );
      const visits: [string, string, string][] = [];
      const add = (household: string, divisionCode: string, dates: string[]) => dates.forEach((date) => visits.push([household, divisionCode, date]));
      add('H1', A, ['2026-01-10', '2026-02-10', '2026-03-10', '2026-04-10']);
      add('H2', A, ['2025-10-10', '2025-11-10', '2026-01-15', '2026-02-15', '2026-03-15']);
      add('H3', B, ['2026-01-20', '2026-02-20', '2026-03-20', '2026-04-20', '2026-05-20']);
      await insertInChunks(em, Visit, visits.map(([targetId, divisionCode, date], i) => ({ id: `V${i}`, date, kind: 'HOME_VISIT', targetType: 'Household', targetId, divisionCode, notes: null, version: 1 })));
      await insertInChunks(em, VisitCadre, visits.flatMap(([, , date], i) => ['S1', 'S2'].map((cadreId) => ({ visitId: `V${i}`, cadreId, date }))));
    });
  });
  afterAll(async () => {
    await people?.stop();
    await placesSg?.stop();
  });

  it('equals the figures worked out by hand, for the township and for each level above', async () => {
    // What the gateway sends people for `coverage @requires(...)`: the fields places provides.
    const codes = [`${T}000`, '370502000000', '370500000000'];
    const fromPlaces = await data(placesSg, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code villageAndCommunityCodes buildingUnitCount } } }`, {
      r: codes.map((code) => ({ __typename: 'Division', code })),
    });
    const result = await data(people, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { coverage {
        villagesAndCommunities withRankedLiaison uncovered(first: 10) { totalCount nodes { code } }
        households householdsLinked householdsVisitedEnough buildingUnits buildingUnitsFullyLinked } } } }`, {
      r: fromPlaces._entities.map((d: object) => ({ __typename: 'Division', ...d })),
    });
    const byHand = {
      villagesAndCommunities: 3,
      withRankedLiaison: 1,
      uncovered: { totalCount: 2, nodes: [{ code: B }, { code: C }] },
      households: 4,
      householdsLinked: 3,
      householdsVisitedEnough: 2,
      buildingUnits: 2,
      buildingUnitsFullyLinked: 1,
    };
    expect(result._entities).toEqual(codes.map(() => ({ coverage: byHand })));
  });
});
