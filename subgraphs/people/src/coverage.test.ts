import { insertInChunks, type Subgraph, type Viewer } from '@cadres/kit';
import { type DemoWorld } from '@cadres/demo';
import { countStatements, createTestSubgraph, data, describeEachDatabase } from '@cadres/kit/src/testing';
import { subgraph as placesSubgraph } from '@cadres/places';
import { Cadre, Department, Household, Liaison, Visit, VisitCadre, openKeyOf } from './entities';
import { subgraph as peopleSubgraph } from './server';
import { YEAR, buildingDivision, demo, grassroots, useDemoPeople, visitsOf, world } from './testing';

/**
 * Coverage on a world small enough to count by hand. One township (370502001000) with three
 * places: community A (…001), community B (…002) and village C (…201). Three building units in A.
 * Another district (370503) has village E.
 *
 *   A: lead cadre 科级 (SECTION_LEVEL)      → covered
 *   B: member cadre STAFF only               → not covered (no ranked liaison)
 *   C: a ranked link that ended last year    → not covered (only active links count)
 *
 *   households: H1 (A) linked, 4 home visits this year  → visited enough
 *               H2 (A) linked, 3 this year + 2 last year → not enough (this year counts)
 *               H3 (B) linked, 5 this year               → visited enough
 *               H4 (C) linked, no visits                 → not enough
 *               H5, H6 (C) linked, no visits             → not enough
 *   units:      U1 linked by 2 cadres → fully linked; U2 by 1, U3 by none → short
 *
 *   cadres:     D1 (the district): K1 → A, S1 → B, S2 → E (in the other district), K2 (its link ended)
 *               D2 (the township): S3, no village, holds H1 H2 H3 H5 H6 (the rule's 5)
 *               households held: S1 2, S2 1, K1 K2 0 → all four off the rule
 *
 * By hand: 3 places, 1 with a ranked liaison, uncovered B and C; 6 households, all linked,
 * 2 visited enough (quota 4); 3 units, 1 fully linked. The township's departments have 1 cadre,
 * unlinked; the district's 5, 3 linked (2 seen from the district, which does not see S2 → E).
 */
const NOW = new Date('2026-07-01T02:00:00Z');
const T = '370502001';
const [A, B, C] = [`${T}001`, `${T}002`, `${T}201`];
const E = '370503100201';

const places: DemoWorld['divisions'] = [
  { code: '370000000000', name: '山东省', level: 'PROVINCE', parentCode: null, population: null },
  { code: '370500000000', name: '东营市', level: 'CITY', parentCode: '370000000000', population: null },
  { code: '370502000000', name: '东营区', level: 'DISTRICT', parentCode: '370500000000', population: null },
  { code: `${T}000`, name: '文汇街道', level: 'TOWNSHIP', parentCode: '370502000000', population: null },
  { code: A, name: '甲社区', level: 'COMMUNITY', parentCode: `${T}000`, population: 900 },
  { code: B, name: '乙社区', level: 'COMMUNITY', parentCode: `${T}000`, population: 800 },
  { code: C, name: '丙村', level: 'VILLAGE', parentCode: `${T}000`, population: 500 },
  { code: '370503000000', name: '河口区', level: 'DISTRICT', parentCode: '370500000000', population: null },
  { code: '370503100000', name: '河口镇', level: 'TOWNSHIP', parentCode: '370503000000', population: null },
  { code: E, name: '戊村', level: 'VILLAGE', parentCode: '370503100000', population: 300 },
] as DemoWorld['divisions'];

const miniWorld = {
  divisions: places,
  buildings: [{ id: 'B-1', name: '1号楼', divisionCode: A }],
  units: [
    { id: 'U1', name: '1单元', buildingId: 'B-1' },
    { id: 'U2', name: '2单元', buildingId: 'B-1' },
    { id: 'U3', name: '3单元', buildingId: 'B-1' },
  ],
} as unknown as DemoWorld;

describeEachDatabase('coverage on a hand-built world', (db) => {
  let placesSg: Subgraph;
  let people: Subgraph;
  beforeAll(async () => {
    placesSg = await createTestSubgraph(placesSubgraph, db);
    await placesSg.seed(miniWorld);
    // People asks places itself for the lists of villages and units (and township sizes for 包片).
    people = await createTestSubgraph(peopleSubgraph, db, { now: () => NOW, peers: { places: (await placesSg.listen(0)).url } });
    await people.ds.transaction(async (em) => {
      await insertInChunks(em, Department, [
        { id: 'D1', name: '东营区民政局', divisionCode: '370502000000' },
        { id: 'D2', name: '文汇街道', divisionCode: `${T}000` },
      ]);
      await insertInChunks(
        em,
        Cadre,
        [
          ['K1', 'SECTION_LEVEL'],
          ['S1', 'STAFF'],
          ['S2', 'STAFF'],
          ['K2', 'COUNTY_LEVEL'],
          ['S3', 'STAFF', 'D2'],
        ].map(([id, cadreRank, departmentId = 'D1']) => ({ id, name: id, cadreRank, departmentId, partyMember: true, phone: null, version: 1 })),
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
        link('L10', 'S2', 'Division', E, E, 'MEMBER'),
        ...['H1', 'H2', 'H3', 'H5', 'H6'].map((h, i) => link(`L1${i + 1}`, 'S3', 'Household', h, h === 'H1' || h === 'H2' ? A : h === 'H3' ? B : C, 'MEMBER')),
      ]);
      await insertInChunks(
        em,
        Household,
        [
          ['H1', A],
          ['H2', A],
          ['H3', B],
          ['H4', C],
          ['H5', C],
          ['H6', C],
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

  /** Coverage of the township, the district and the city as the gateway asks people for it: with the fields places provides. */
  const codes = [`${T}000`, '370502000000', '370500000000'];
  const coverageOf = async (fields: string, viewer?: Viewer) => {
    const fromPlaces = await data(placesSg, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code villageAndCommunityCount buildingUnitCount } } }`, {
      r: codes.map((code) => ({ __typename: 'Division', code })),
    });
    const result = await data(people, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { coverage { ${fields} } } } }`, {
      r: fromPlaces._entities.map((d: object) => ({ __typename: 'Division', ...d })),
    }, viewer);
    return result._entities.map((d: { coverage: unknown } | null) => d?.coverage ?? null);
  };
  const ids = (...list: string[]) => ({ totalCount: list.length, nodes: list.map((id) => ({ id })) });

  it('equals the figures worked out by hand, for the township and for each level above', async () => {
    const township = {
      villagesAndCommunities: 3,
      withRankedLiaison: 1,
      uncovered: { totalCount: 2, nodes: [{ code: B }, { code: C }] },
      households: 6,
      householdsLinked: 6,
      householdsVisitedEnough: 2,
      householdsUnderQuota: ids('H2', 'H4', 'H5', 'H6'),
      buildingUnits: 3,
      buildingUnitsFullyLinked: 1,
      buildingUnitsShort: ids('U2', 'U3'),
      cadres: 1,
      cadresLinked: 0,
      cadresWithoutVillage: ids('S3'),
      householdsPerCadre: 5,
      cadresOffHouseholdQuota: ids(),
    };
    const district = { ...township, cadres: 5, cadresLinked: 3, cadresWithoutVillage: ids('K2', 'S3'), cadresOffHouseholdQuota: ids('K1', 'K2', 'S1', 'S2') };
    const city = { ...district, villagesAndCommunities: 4, uncovered: { totalCount: 3, nodes: [{ code: B }, { code: C }, { code: E }] } };
    const list = (name: string) => `${name}(first: 10) { totalCount nodes { id } }`;
    expect(
      await coverageOf(`villagesAndCommunities withRankedLiaison uncovered(first: 10) { totalCount nodes { code } }
        households householdsLinked householdsVisitedEnough ${list('householdsUnderQuota')} buildingUnits buildingUnitsFullyLinked ${list('buildingUnitsShort')}
        cadres cadresLinked ${list('cadresWithoutVillage')} householdsPerCadre ${list('cadresOffHouseholdQuota')}`),
    ).toEqual([township, district, city]);
  });

  it('pages the lists: first, after, hasNextPage', async () => {
    const page1 = await coverageOf('householdsUnderQuota(first: 3) { totalCount nodes { id } pageInfo { hasNextPage endCursor } }');
    expect(page1[0].householdsUnderQuota).toMatchObject({ totalCount: 4, nodes: [{ id: 'H2' }, { id: 'H4' }, { id: 'H5' }], pageInfo: { hasNextPage: true } });
    const after = page1[0].householdsUnderQuota.pageInfo.endCursor;
    expect(await coverageOf(`householdsUnderQuota(first: 3, after: "${after}") { nodes { id } pageInfo { hasNextPage } }`)).toEqual(
      codes.map(() => ({ householdsUnderQuota: { nodes: [{ id: 'H6' }], pageInfo: { hasNextPage: false } } })),
    );
  });

  it("counts for a district's scope only the links lying in it, and answers nothing outside it", async () => {
    const fields = 'cadres cadresLinked cadresWithoutVillage(first: 10) { totalCount nodes { id } }';
    const dongying: Viewer = { sub: 'a', role: 'ANALYST', scope: '370502000000' };
    // S2's link to E lies in 河口区: the district does not see it, so S2 has no village there.
    expect(await coverageOf(fields, dongying)).toEqual([
      { cadres: 1, cadresLinked: 0, cadresWithoutVillage: ids('S3') },
      { cadres: 5, cadresLinked: 2, cadresWithoutVillage: ids('K2', 'S2', 'S3') },
      null,
    ]);
    expect(await coverageOf(fields, { sub: 'h', role: 'ANALYST', scope: '370503000000' })).toEqual([null, null, null]);
    expect(await coverageOf(fields, { sub: 'p', role: 'PARTNER', scope: null })).toEqual([null, null, null]);
  });

  it('answers ended links with includeEnded on every liaison field, active ones by default', async () => {
    const fields = 'id since until';
    const result = await data(people, `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Division { active: liaisons { id } all: liaisons(includeEnded: true) { ${fields} } }
        ... on Cadre { activeOfCadre: liaisons { id } allOfCadre: liaisons(includeEnded: true) { ${fields} } } } }`, {
      r: [{ __typename: 'Division', code: C }, { __typename: 'Cadre', id: 'K2' }],
    });
    const ended = { id: 'L3', since: '2025-01-01', until: '2025-12-31' };
    expect(result._entities).toEqual([{ active: [], all: [ended] }, { activeOfCadre: [], allOfCadre: [ended] }]);
  });
});

describeEachDatabase('coverage of the demo world', (db) => {
  const t = useDemoPeople(db);
  const { ok } = t;

  it('answers coverage of subtrees from the fields places provides, in a constant number of statements', async () => {
    const targets = world.divisions.filter((d) => d.level === 'DISTRICT' || d.level === 'CITY').map((d) => d.code);
    const fromPlaces = await data(t.places, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code villageAndCommunityCount buildingUnitCount } } }`, {
      r: targets.map((code) => ({ __typename: 'Division', code })),
    });
    const reps = fromPlaces._entities.map((d: object) => ({ __typename: 'Division', ...d }));
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code coverage { villagesAndCommunities withRankedLiaison
      uncovered(first: 500) { totalCount nodes { code } } households householdsLinked householdsVisitedEnough visitQuota buildingUnits buildingUnitsFullyLinked } } } }`;
    const all = await countStatements(() => ok(q, { r: reps }));
    const districtsOnly = await countStatements(() => ok(q, { r: reps.slice(1) }));
    const one = await countStatements(() => ok(q, { r: reps.slice(1, 2) }));
    expect(districtsOnly.statements).toBe(one.statements);
    // people: ranked liaisons, households, linked households, visited enough, units fully linked;
    // places, asked for the list behind uncovered: the divisions, their village codes
    expect(one.statements).toBe(5 + 2);
    // two prefix lengths (the city and the districts): twice the statements but the one division lookup
    expect(all.statements).toBe(2 * one.statements - 1);

    const cadreRank = new Map(world.cadres.map((c) => [c.id, c.rank]));
    const ranked = new Set(world.villageLiaisons.filter((l) => ['COUNTY_LEVEL', 'SECTION_LEVEL'].includes(cadreRank.get(l.cadreId)!)).map((l) => l.divisionCode));
    const unitCadres = new Map<string, Set<string>>();
    for (const l of demo.liaisons) if (l.targetType === 'BuildingUnit') unitCadres.set(l.targetId, new Set([...(unitCadres.get(l.targetId) ?? []), l.cadreId]));
    const expected = (code: string) => {
      const prefix = code.endsWith('00000000') ? code.slice(0, 4) : code.slice(0, 6);
      const codes = grassroots.filter((d) => d.code.startsWith(prefix)).map((d) => d.code).sort();
      const households = demo.households.filter((h) => h.divisionCode.startsWith(prefix));
      const units = world.units.filter((u) => buildingDivision.get(u.buildingId)!.startsWith(prefix));
      return {
        code,
        coverage: {
          villagesAndCommunities: codes.length,
          withRankedLiaison: codes.filter((c) => ranked.has(c)).length,
          uncovered: { totalCount: codes.filter((c) => !ranked.has(c)).length, nodes: codes.filter((c) => !ranked.has(c)).map((c) => ({ code: c })) },
          households: households.length,
          householdsLinked: households.length,
          householdsVisitedEnough: households.filter((h) => visitsOf(h.id).filter((v) => v.date.startsWith(YEAR)).length >= 4).length,
          visitQuota: 4,
          buildingUnits: units.length,
          buildingUnitsFullyLinked: units.filter((u) => (unitCadres.get(u.id)?.size ?? 0) >= 2).length,
        },
      };
    };
    expect(all.result._entities).toEqual(targets.map(expected));
    const city = expected('370500000000').coverage;
    expect(city.uncovered.totalCount).toBeGreaterThan(0);
    expect(city.householdsVisitedEnough).toBeLessThan(city.households);
    expect(city.buildingUnitsFullyLinked).toBeLessThan(city.buildingUnits);

    const quota = await ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { coverage(visitQuota: 1) { householdsVisitedEnough visitQuota } } } }`, { r: reps.slice(0, 1) });
    expect(quota._entities).toEqual([
      { coverage: { householdsVisitedEnough: demo.households.filter((h) => visitsOf(h.id).some((v) => v.date.startsWith(YEAR))).length, visitQuota: 1 } },
    ]);
  });
});

describeEachDatabase('coverage lists of the demo world', (db) => {
  const t = useDemoPeople(db);

  it('send the same number of statements for one district as for five, and for pages of 10 as of 500', async () => {
    const districts = world.divisions.filter((d) => d.level === 'DISTRICT').map((d) => d.code);
    const fromPlaces = await data(t.places, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code villageAndCommunityCount buildingUnitCount } } }`, {
      r: districts.map((code) => ({ __typename: 'Division', code })),
    });
    const reps = fromPlaces._entities.map((d: object) => ({ __typename: 'Division', ...d }));
    const list = (name: string, n: number) => `${name}(first: ${n}) { totalCount nodes { id } }`;
    const q = (n: number) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { coverage { cadres cadresLinked
      ${['cadresWithoutVillage', 'buildingUnitsShort', 'householdsUnderQuota', 'cadresOffHouseholdQuota'].map((l) => list(l, n)).join(' ')} } } } }`;
    const one = await countStatements(() => t.ok(q(10), { r: reps.slice(0, 1) }));
    const all = await countStatements(() => t.ok(q(500), { r: reps }));
    expect(all.statements).toBe(one.statements);
    // Each list's total agrees with the counts beside it: the lists are the complements.
    for (const { coverage: c } of all.result._entities) {
      expect(c.cadresWithoutVillage.totalCount).toBe(c.cadres - c.cadresLinked);
      expect(c.cadresWithoutVillage.nodes.length).toBe(Math.min(500, c.cadresWithoutVillage.totalCount));
    }
    const units = all.result._entities.map((d: { coverage: { buildingUnitsShort: { totalCount: number } } }) => d.coverage.buildingUnitsShort.totalCount);
    expect(units.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(0);
  });
});
