import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { insertInChunks, type Subgraph, type Viewer } from '@cadres/kit';
import { type DemoWorld } from '@cadres/demo';
import { countStatements, createTestSubgraph, data, describeEachDatabase, runOperation } from '@cadres/kit/src/testing';
import { subgraph as placesSubgraph } from '@cadres/places';
import { Cadre, Campaign, Department, Household, Liaison, Visit, VisitCadre, openKeyOf } from './entities';
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
 *               DC (the city): K9 (STAFF) → E (the other district), holds H4 (in C, this district)
 *               households held: S1 2, S2 1, K1 K2 0 → all four off the rule
 *
 * By hand: 3 places, 1 with a ranked liaison, uncovered B and C; 6 households, all linked,
 * 2 visited enough (quota 4); 3 units, 1 fully linked. The township's departments have 1 cadre,
 * unlinked; the district's 5, 3 linked (2 seen from the district, which does not see S2 → E);
 * the city's 6, 4 linked.
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
  let placesUrl: string;
  let people: Subgraph;
  beforeAll(async () => {
    placesSg = await createTestSubgraph(placesSubgraph, db);
    await placesSg.seed(miniWorld);
    // People asks places itself for the lists of villages and units (and township sizes for 包片).
    placesUrl = (await placesSg.listen(0)).url;
    people = await createTestSubgraph(peopleSubgraph, db, { now: () => NOW, peers: { places: placesUrl } });
    await people.ds.transaction(async (em) => {
      await insertInChunks(em, Department, [
        { id: 'D1', name: '东营区民政局', divisionCode: '370502000000' },
        { id: 'D2', name: '文汇街道', divisionCode: `${T}000` },
        { id: 'DC', name: '市委组织部', divisionCode: '370500000000' },
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
          ['K9', 'STAFF', 'DC'],
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
        link('L20', 'K9', 'Division', E, E, 'MEMBER'),
        link('L21', 'K9', 'Household', 'H4', C, 'MEMBER'),
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
      await insertInChunks(em, Visit, visits.map(([targetId, divisionCode, date], i) => ({ id: `V${i}`, date, kind: 'HOME_VISIT', targetType: 'Household', targetId, divisionCode, cadreCount: 2, notes: null, version: 1 })));
      await insertInChunks(em, VisitCadre, visits.flatMap(([, divisionCode, date], i) => ['S1', 'S2'].map((cadreId) => ({ visitId: `V${i}`, cadreId, date, divisionCode }))));
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
    // The city adds DC's K9 (linked to E, holding 1 household) and E.
    const city = {
      ...district,
      villagesAndCommunities: 4,
      uncovered: { totalCount: 3, nodes: [{ code: B }, { code: C }, { code: E }] },
      cadres: 6,
      cadresLinked: 4,
      cadresOffHouseholdQuota: ids('K1', 'K2', 'K9', 'S1', 'S2'),
    };
    const list = (name: string) => `${name}(first: 10) { totalCount nodes { id } }`;
    expect(
      await coverageOf(`villagesAndCommunities withRankedLiaison uncovered(first: 10) { totalCount nodes { code } }
        households householdsLinked householdsVisitedEnough ${list('householdsUnderQuota')} buildingUnits buildingUnitsFullyLinked ${list('buildingUnitsShort')}
        cadres cadresLinked ${list('cadresWithoutVillage')} householdsPerCadre ${list('cadresOffHouseholdQuota')}`),
    ).toEqual([township, district, city]);
  });

  it('answers the rest of coverage when the enterprises subgraph does not: its figures null, the error names it', async () => {
    const gone = http.createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    const alone = await createTestSubgraph(peopleSubgraph, db, { now: () => NOW, peers: { places: placesUrl, enterprises: `http://127.0.0.1:${port}/graphql` } });
    try {
      const result = await runOperation(alone, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { coverage {
        villagesAndCommunities buildingUnits enterprises enterprisesLinked enterprisesWithoutLiaison { totalCount } } } } }`, {
        r: [{ __typename: 'Division', code: `${T}000`, villageAndCommunityCount: 3, buildingUnitCount: 3 }],
      });
      expect(result.data).toEqual({ _entities: [{ coverage: { villagesAndCommunities: 3, buildingUnits: 3, enterprises: null, enterprisesLinked: 0, enterprisesWithoutLiaison: null } }] });
      expect(result.errors?.map((e) => [e.path?.at(-1), e.extensions?.code, e.extensions?.subgraph])).toEqual([
        ['enterprises', 'SERVICE_UNAVAILABLE', 'enterprises'],
        ['enterprisesWithoutLiaison', 'SERVICE_UNAVAILABLE', 'enterprises'],
      ]);
    } finally {
      await alone.stop();
    }
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

  /** Department.coverage of departments as the gateway asks people for them; null for a department unseen. */
  const DEPARTMENT_COVERAGE = `query($r: [_Any!]!, $c: ID) { _entities(representations: $r) { ... on Department { coverage(campaignId: $c) {
    cadres cadresLinked cadresWithoutVillage(first: 10) { totalCount nodes { id } } householdsPerCadre householdsLinked cadresOffHouseholdQuota(first: 10) { totalCount nodes { id } } } } } }`;
  const departments = (ids: string[], campaignId?: string) => ({ r: ids.map((id) => ({ __typename: 'Department', id })), c: campaignId ?? null });
  const departmentCoverage = async (ids: string[], viewer?: Viewer, campaignId?: string) =>
    (await data(people, DEPARTMENT_COVERAGE, departments(ids, campaignId), viewer))._entities.map((d: { coverage: unknown } | null) => d?.coverage ?? null);

  it("Department.coverage: its own cadres' figures, the same as the division's where the department is the division's only one", async () => {
    const own = (cadres: number, linked: number, without: string[], householdsLinked: number, off: string[], householdsPerCadre = 5) => ({
      cadres, cadresLinked: linked, cadresWithoutVillage: ids(...without), householdsPerCadre, householdsLinked, cadresOffHouseholdQuota: ids(...off),
    });
    expect(await departmentCoverage(['D1', 'D2', 'DC'])).toEqual([
      // K1 → A, S1 → B, S2 → E; K2's link ended. Households H1 H2 (S1), H4 (S2): 2, 1, 0, 0 against 5.
      own(4, 3, ['K2'], 3, ['K1', 'K2', 'S1', 'S2']),
      // S3 holds exactly the rule's 5.
      own(1, 0, ['S3'], 5, []),
      own(1, 1, [], 1, ['K9']),
    ]);
    // The township's coverage counts D2 alone: the same cadre figures.
    const [township] = await coverageOf('cadres cadresLinked cadresWithoutVillage(first: 10) { totalCount nodes { id } } householdsPerCadre cadresOffHouseholdQuota(first: 10) { totalCount nodes { id } }');
    const { householdsLinked: _, ...d2 } = (await departmentCoverage(['D2']))[0];
    expect(d2).toEqual(township);
  });

  it("Department.coverage counts only the links lying in the caller's scope; a department unseen is null", async () => {
    const dongying: Viewer = { sub: 'a', role: 'ANALYST', scope: '370502000000' };
    const hekou: Viewer = { sub: 'h', role: 'ANALYST', scope: '370503000000' };
    const fields = (c: { cadresLinked: number; cadresWithoutVillage: unknown; householdsLinked: number; cadresOffHouseholdQuota: unknown }) => ({
      cadresLinked: c.cadresLinked, cadresWithoutVillage: c.cadresWithoutVillage, householdsLinked: c.householdsLinked, cadresOffHouseholdQuota: c.cadresOffHouseholdQuota,
    });
    // From 东营区: S2's and K9's links to E lie in 河口区; K9's link to H4 (in C) is seen.
    expect((await departmentCoverage(['D1', 'D2', 'DC'], dongying)).map(fields)).toEqual([
      { cadresLinked: 2, cadresWithoutVillage: ids('K2', 'S2'), householdsLinked: 3, cadresOffHouseholdQuota: ids('K1', 'K2', 'S1', 'S2') },
      { cadresLinked: 0, cadresWithoutVillage: ids('S3'), householdsLinked: 5, cadresOffHouseholdQuota: ids() },
      { cadresLinked: 0, cadresWithoutVillage: ids('K9'), householdsLinked: 1, cadresOffHouseholdQuota: ids('K9') },
    ]);
    // From 河口区: 东营区's departments are unseen; the city's K9 holds E there, and no household.
    expect(await departmentCoverage(['D1', 'D2', 'DC'], hekou)).toEqual([
      null,
      null,
      { cadres: 1, cadresLinked: 1, cadresWithoutVillage: ids(), householdsPerCadre: 5, householdsLinked: 0, cadresOffHouseholdQuota: ids('K9') },
    ]);
    // A CADRE reads people data too; PARTNER reads none (the department itself is null).
    const cadre: Viewer = { sub: 'c', role: 'CADRE', scope: null, cadreId: 'S1' };
    expect((await departmentCoverage(['D1'], cadre)).map(fields)).toEqual([
      { cadresLinked: 3, cadresWithoutVillage: ids('K2'), householdsLinked: 3, cadresOffHouseholdQuota: ids('K1', 'K2', 'S1', 'S2') },
    ]);
    expect(await runOperation(people, DEPARTMENT_COVERAGE, departments(['D1', 'DC']), { sub: 'p', role: 'PARTNER', scope: null })).toEqual({ data: { _entities: [null, null] } });
  });

  it("Department.coverage under a campaign: its householdsPerCadre, links as on its last day; NOT_FOUND for a campaign unseen", async () => {
    const campaign = (id: string, divisionCode: string) => ({
      id, name: id, divisionCode, dateFrom: '2025-06-01', dateTo: '2025-06-30', phases: [], householdsPerCadre: 2, visitsPerHousehold: 4, cadresPerHomeVisit: 2,
      cadresPerBuildingUnit: 2, rankedLiaisonRanks: 'COUNTY_LEVEL,SECTION_LEVEL', areaLeadCovers: false, version: 1,
    });
    await people.ds.getRepository(Campaign).insert([campaign('CP-CITY', '370500000000'), campaign('CP-HEKOU', '370503000000')]);
    // On 30 June 2025 K2's link to C was active; holdings against 2: K1 0, K2 0, S1 2, S2 1; S3 5; K9 1.
    expect(await departmentCoverage(['D1', 'D2', 'DC'], undefined, 'CP-CITY')).toEqual([
      { cadres: 4, cadresLinked: 4, cadresWithoutVillage: ids(), householdsPerCadre: 2, householdsLinked: 3, cadresOffHouseholdQuota: ids('K1', 'K2', 'S2') },
      { cadres: 1, cadresLinked: 0, cadresWithoutVillage: ids('S3'), householdsPerCadre: 2, householdsLinked: 5, cadresOffHouseholdQuota: ids('S3') },
      { cadres: 1, cadresLinked: 1, cadresWithoutVillage: ids(), householdsPerCadre: 2, householdsLinked: 1, cadresOffHouseholdQuota: ids('K9') },
    ]);
    const failure = async (campaignId: string, viewer?: Viewer) =>
      (await runOperation(people, DEPARTMENT_COVERAGE, departments(['D1'], campaignId), viewer)).errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field }));
    expect(await failure('no-such-campaign')).toEqual([{ code: 'NOT_FOUND', field: 'campaignId' }]);
    // The same error Division.coverageIn gives: a 河口区 campaign is not seen from 东营区.
    expect(await failure('CP-HEKOU', { sub: 'a', role: 'ANALYST', scope: '370502000000' })).toEqual([{ code: 'NOT_FOUND', field: 'campaignId' }]);
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

  it('Department.coverage sends as many statements for a department of 2 cadres as of 200, and for 4 departments as for 1', async () => {
    // Two more departments in another city (no coverage above counts them): 2 and 200 cadres, cadre
    // n linked to a village there when n is even, and to n % 7 households.
    const sizes: [string, number][] = [['DS', 2], ['DX', 200]];
    await people.ds.transaction(async (em) => {
      await insertInChunks(em, Department, sizes.map(([id]) => ({ id, name: id, divisionCode: '370600000000', leaderCadreId: null, version: 1 })));
      const cadres = sizes.flatMap(([dept, n]) => Array.from({ length: n }, (_, i) => ({ id: `${dept}-${String(i).padStart(3, '0')}`, n: i })));
      await insertInChunks(em, Cadre, cadres.map(({ id }) => ({ id, name: id, cadreRank: 'STAFF' as const, departmentId: id.slice(0, 2), partyMember: false, phone: null, version: 1 })));
      const link = (id: string, cadreId: string, targetType: Liaison['targetType'], targetId: string) => ({
        id, cadreId, targetType, targetId, divisionCode: '370602001201', role: 'MEMBER' as const, since: '2025-01-01', until: null, openKey: openKeyOf({ cadreId, targetType, targetId, role: 'MEMBER' }), version: 1,
      });
      await insertInChunks(em, Liaison, cadres.flatMap(({ id, n }) => [
        ...(n % 2 === 0 ? [link(`${id}-v`, id, 'Division', '370602001201')] : []),
        ...Array.from({ length: n % 7 }, (_, k) => link(`${id}-h${k}`, id, 'Household', `HX-${n}-${k}`)),
      ]));
    });
    const count = (ids: string[], campaignId?: string) => countStatements(() => data(people, DEPARTMENT_COVERAGE, departments(ids, campaignId)));
    const small = await count(['DS']);
    const big = await count(['DX']);
    // DS: its 2 cadres hold 0 and 1 households, DS-000 a village. DX: 200 cadres, 100 with a village; those holding 5 (n % 7 = 5) are on the rule.
    const onRule = Array.from({ length: 200 }, (_, n) => n).filter((n) => n % 7 === 5).length;
    const held = Array.from({ length: 200 }, (_, n) => n % 7).reduce((a, b) => a + b, 0);
    expect(small.result._entities[0].coverage).toEqual({
      cadres: 2, cadresLinked: 1, cadresWithoutVillage: ids('DS-001'), householdsPerCadre: 5, householdsLinked: 1, cadresOffHouseholdQuota: ids('DS-000', 'DS-001'),
    });
    expect(big.result._entities[0].coverage).toMatchObject({ cadres: 200, cadresLinked: 100, cadresWithoutVillage: { totalCount: 100 }, householdsLinked: held, cadresOffHouseholdQuota: { totalCount: 200 - onRule } });
    expect(big.result._entities[0].coverage.cadresOffHouseholdQuota.nodes.map((c: { id: string }) => c.id)).toEqual(['DX-000', 'DX-001', 'DX-002', 'DX-003', 'DX-004', 'DX-006', 'DX-007', 'DX-008', 'DX-009', 'DX-010']);
    // The department (1), all cadres, those without a village and their page, the households
    // held, those off the rule and their page (6), and the cadres of both lists' nodes: 1
    // statement, or 2 when the two pages come back apart (MySQL's pool runs them side by side,
    // so which one a run sends varies). Whichever, never more for more cadres or departments.
    const bound = [8, 9];
    expect(bound).toContain(small.statements);
    expect(bound).toContain(big.statements);
    expect(bound).toContain((await count(['D1', 'D2', 'DC', 'DX'])).statements);
    // A campaign adds the one statement that loads it.
    expect(bound.map((n) => n + 1)).toContain((await count(['D1', 'D2', 'DC', 'DX'], 'CP-CITY')).statements);
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
