import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { maskIdNumber, maskPhone, type Subgraph, type Viewer } from '@cadres/kit';
import { buildDemoPeople, buildDemoWorld } from '@cadres/demo';
import {
  adminViewer,
  countStatements,
  createTestSubgraph,
  data,
  describeEachDatabase,
  pendingSchemaChanges,
  runOperation,
  type OperationResult,
} from '@cadres/kit/src/testing';
import { subgraph as placesSubgraph } from '@cadres/places';
import { subgraph as peopleSubgraph } from './server';

const world = buildDemoWorld({ seed: 2023, scale: 1 });
const demo = buildDemoPeople(world);
/** 10:00 on 1 July 2026 in Beijing: every demo visit (up to 30 June 2026) lies in the past. */
const NOW = new Date('2026-07-01T02:00:00Z');
const analyst: Viewer = { sub: 'analyst', role: 'ANALYST', scope: null };
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const bySinceThenId = (a: { since: string; id: string }, b: { since: string; id: string }) =>
  a.since < b.since ? -1 : a.since > b.since ? 1 : byId(a, b);

/** Every demo liaison (village, household, building unit) in one shape. */
const allLiaisons = [
  ...world.villageLiaisons.map((l) => ({ ...l, targetType: 'Division', targetId: l.divisionCode })),
  ...demo.liaisons,
];
/** A demo liaison as the graph answers it. */
const liaisonOut = (l: (typeof allLiaisons)[number]) => ({
  id: l.id,
  role: l.role,
  since: l.since,
  until: null,
  cadre: { id: l.cadreId },
  target: l.targetType === 'Division' ? { __typename: 'Division', code: l.targetId } : { __typename: l.targetType, id: l.targetId },
});
const LIAISON_FIELDS = `id role since until cadre { id } target { __typename ... on Division { code } ... on BuildingUnit { id } ... on Household { id } ... on Enterprise { id } ... on Project { id } }`;
const grassroots = world.divisions.filter((d) => d.level === 'VILLAGE' || d.level === 'COMMUNITY');
const buildingDivision = new Map(world.buildings.map((b) => [b.id, b.divisionCode]));

/** A stand-in for the enterprises subgraph: `_entities` knows the demo enterprises and projects P-0001..P-0003. */
function fakeEnterprises(): Promise<{ url: string; close(): Promise<void> }> {
  // Enterprises answer with their division, projects with their site (here: their enterprise's division).
  const divisionOf = new Map<string, string>([
    ...world.enterprises.map((e) => [e.id, e.divisionCode] as [string, string]),
    ...['P-0001', 'P-0002', 'P-0003'].map((id, i) => [id, world.enterprises[i].divisionCode] as [string, string]),
  ]);
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { variables } = JSON.parse(body) as { variables: { r: { __typename: string; id: string }[] } };
      res.setHeader('content-type', 'application/json');
      const answer = (r: { __typename: string; id: string }) => {
        const code = divisionOf.get(r.id);
        if (!code) return null;
        return r.__typename === 'Project' ? { site: { code } } : { division: { code } };
      };
      res.end(JSON.stringify({ data: { _entities: variables.r.map(answer) } }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

describeEachDatabase('people subgraph', (db) => {
  let places: Subgraph;
  let enterprises: { url: string; close(): Promise<void> };
  let people: Subgraph;
  beforeAll(async () => {
    places = await createTestSubgraph(placesSubgraph, db);
    await places.seed(world);
    const placesUrl = (await places.listen(0)).url;
    enterprises = await fakeEnterprises();
    people = await createTestSubgraph(peopleSubgraph, db, { now: () => NOW, peers: { places: placesUrl, enterprises: enterprises.url } });
    await people.seed(world);
  });
  afterAll(async () => {
    await people?.stop();
    await places?.stop();
    await enterprises?.close();
  });

  // kit's runOperation puts a signed token in the context, as the HTTP layer would: people forwards it to places.
  const asUser = (query: string, variables: Record<string, unknown> = {}, viewer: Viewer = adminViewer) => runOperation(people, query, variables, viewer);
  const ok = (query: string, variables: Record<string, unknown> = {}, viewer: Viewer = adminViewer) => data(people, query, variables, viewer);
  const failure = async (query: string, variables: Record<string, unknown> = {}, viewer: Viewer = adminViewer) =>
    (await asUser(query, variables, viewer)).errors?.map((e) => e.extensions);

  it('has a migrated schema that matches the entities', async () => {
    expect(await pendingSchemaChanges(people.ds)).toEqual([]);
  });

  it('seeds only once', async () => {
    expect(await people.seed(world)).toBe(false);
  });

  it('answers a cadre with its department and liaisons', async () => {
    const cadre = world.cadres.find((c) => world.villageLiaisons.filter((l) => l.cadreId === c.id).length === 2)!;
    expect(new Set(allLiaisons.filter((l) => l.cadreId === cadre.id).map((l) => l.targetType))).toEqual(new Set(['Division', 'Household', 'BuildingUnit']));
    const dept = world.departments.find((d) => d.id === cadre.departmentId)!;
    const r = await data(
      people,
      `query($id: ID!) { cadre(id: $id) { id name rank partyMember phone department { id name divisionCode } liaisons { ${LIAISON_FIELDS} } } }`,
      { id: cadre.id },
    );
    expect(r).toEqual({
      cadre: {
        id: cadre.id,
        name: cadre.name,
        rank: cadre.rank,
        partyMember: cadre.partyMember,
        phone: cadre.phone,
        department: dept,
        liaisons: allLiaisons.filter((l) => l.cadreId === cadre.id).sort(bySinceThenId).map(liaisonOut),
      },
    });
    expect(await data(people, `{ cadre(id: "C-99999") { id } }`)).toEqual({ cadre: null });
  });

  it('masks a cadre phone for an analyst', async () => {
    const r = await data(people, `{ cadre(id: "C-00001") { phone } }`, {}, analyst);
    const phone = world.cadres[0].phone;
    expect(r).toEqual({ cadre: { phone: `${phone.slice(0, 3)}****${phone.slice(-4)}` } });
  });

  it('filters cadres by department, rank and name, ordered by id', async () => {
    const dept = world.departments.find((d) => d.divisionCode === '370502000000')!;
    const staff = world.cadres.filter((c) => c.departmentId === dept.id && c.rank === 'STAFF').sort(byId);
    const r = await data(people, `query($d: ID) { cadres(departmentId: $d, rank: STAFF, first: 500) { totalCount nodes { id name } pageInfo { hasNextPage } } }`, { d: dept.id });
    expect(r.cadres).toEqual({ totalCount: staff.length, nodes: staff.map(({ id, name }) => ({ id, name })), pageInfo: { hasNextPage: false } });

    const surname = world.cadres[5].name.slice(0, 1);
    const named = world.cadres.filter((c) => c.name.includes(surname)).sort(byId);
    const s = await data(people, `query($s: String) { cadres(search: $s, first: 2) { totalCount nodes { id } pageInfo { hasNextPage } } }`, { s: surname });
    expect(s.cadres).toEqual({ totalCount: named.length, nodes: named.slice(0, 2).map(({ id }) => ({ id })), pageInfo: { hasNextPage: named.length > 2 } });

    const none = await data(people, `{ cadres(search: "%") { totalCount nodes { id } } }`);
    expect(none.cadres).toEqual({ totalCount: 0, nodes: [] });
  });

  it('pages a department’s cadres with an opaque cursor', async () => {
    const dept = world.departments[0];
    const all = world.cadres.filter((c) => c.departmentId === dept.id).map((c) => c.id).sort();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await data(people, `query($id: ID!, $after: String) { department(id: $id) { cadres(first: 3, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`, { id: dept.id, after });
      const c = r.department.cadres;
      expect(c.totalCount).toBe(all.length);
      seen.push(...c.nodes.map((n: { id: string }) => n.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it('registers a cadre with a normalized phone', async () => {
    const r = await data(
      people,
      `mutation { registerCadre(name: " 王小明 ", rank: SECTION_LEVEL, departmentId: "D-370502-01", partyMember: true, phone: "+86 138-0013-8000") {
         name rank partyMember phone version department { id } liaisons { id } } }`,
    );
    expect(r).toEqual({
      registerCadre: { name: '王小明', rank: 'SECTION_LEVEL', partyMember: true, phone: '13800138000', version: 1, department: { id: 'D-370502-01' }, liaisons: [] },
    });
    const found = await data(people, `{ cadres(search: "王小明") { totalCount nodes { name phone } } }`);
    expect(found.cadres).toEqual({ totalCount: 1, nodes: [{ name: '王小明', phone: '13800138000' }] });
  });

  it('refuses bad cadre input with the field, and writes nothing', async () => {
    const before = await people.ds.query('SELECT COUNT(*) AS n FROM cadre');
    const attempt = (args: string, viewer?: Viewer) =>
      runOperation(people, `mutation { registerCadre(${args}) { id } }`, {}, viewer).then((r) => r.errors?.map((e) => e.extensions));
    const ok = 'rank: STAFF, partyMember: false';
    expect(await attempt(`name: "  ", departmentId: "D-370502-01", ${ok}`)).toEqual([{ code: 'BAD_USER_INPUT', field: 'name' }]);
    expect(await attempt(`name: "李四", departmentId: "D-370502-01", phone: "12345", ${ok}`)).toEqual([{ code: 'BAD_USER_INPUT', field: 'phone' }]);
    expect(await attempt(`name: "李四", departmentId: "D-nope", ${ok}`)).toEqual([{ code: 'NOT_FOUND', field: 'departmentId' }]);
    expect(await attempt(`name: "李四", departmentId: "D-370502-01", ${ok}`, analyst)).toEqual([{ code: 'FORBIDDEN' }]);
    expect(await people.ds.query('SELECT COUNT(*) AS n FROM cadre')).toEqual(before);
  });

  it('answers Division.liaisons for 1000 representations in as many statements as for 10', async () => {
    // Pad with valid codes nobody links, so that the batch really has 1000 keys.
    const codes = grassroots.map((d) => d.code);
    for (let i = 1; codes.length < 1000; i++) codes.push(`370599${String(100 + Math.floor(i / 200)).padStart(3, '0')}${String(1 + (i % 200)).padStart(3, '0')}`);
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code liaisons { ${LIAISON_FIELDS} cadre { name department { name } } } } } }`;
    const run = (list: string[]) => countStatements(() => data(people, q, { r: list.map((code) => ({ __typename: 'Division', code })) }));
    const small = await run(codes.slice(0, 10));
    const large = await run(codes);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBe(3); // liaisons, cadres, departments
    const cadreOf = new Map(world.cadres.map((c) => [c.id, c]));
    const deptOf = new Map(world.departments.map((d) => [d.id, d]));
    expect(large.result._entities).toEqual(
      codes.map((code) => ({
        code,
        liaisons: allLiaisons
          .filter((l) => l.targetType === 'Division' && l.targetId === code)
          .sort(bySinceThenId)
          .map((l) => ({ ...liaisonOut(l), cadre: { id: l.cadreId, name: cadreOf.get(l.cadreId)!.name, department: { name: deptOf.get(cadreOf.get(l.cadreId)!.departmentId)!.name } } })),
      })),
    );
  });

  it('sends the same number of statements for lists of 10 as of 500', async () => {
    const q = (n: number) => `{ cadres(first: ${n}) { totalCount nodes { id rank phone department { name cadres(first: ${n}) { totalCount nodes { id name } } }
      liaisons { id role cadre { name } target { ... on Division { code } ... on Household { id division { code } } } } } } }`;
    // (Department cadres' liaisons are left out: the loader cache would serve them from the
    // top-level list when it holds every cadre, which makes the counts differ by cache hits.)
    const small = await countStatements(() => data(people, q(10)));
    const large = await countStatements(() => data(people, q(500)));
    expect(large.result.cadres.nodes).toHaveLength(world.cadres.length + 1);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBe(8); // cadres, count, departments, department pages, their counts, liaisons, liaisons' cadres, household targets
  });

  // ---------------------------------------------------------------- households and residents

  const YEAR = '2026';
  const visitsOf = (householdId: string) => demo.visits.filter((v) => v.targetType === 'Household' && v.targetId === householdId);
  const newestFirst = (a: { date: string; id: string }, b: { date: string; id: string }) =>
    a.date > b.date ? -1 : a.date < b.date ? 1 : a.id > b.id ? -1 : 1;
  const household = demo.households.find((h) => h.unitId && h.tags.length >= 1 && demo.residents.filter((r) => r.householdId === h.id).length >= 2)!;
  const members = demo.residents.filter((r) => r.householdId === household.id).sort(byId);
  const HOUSEHOLD_FIELDS = `id division { code } unit { id } head { id } members { id name idNumber phone household { id } } tags
    liaisons { id cadre { id } } visitsThisYear visits(first: 3) { totalCount nodes { id date kind notes cadres { id } target { ... on Household { id } } } } version`;

  it('answers a household with its residents, tags, liaisons and visits', async () => {
    const visits = visitsOf(household.id).sort(newestFirst);
    const r = await data(people, `query($id: ID!) { household(id: $id) { ${HOUSEHOLD_FIELDS} } }`, { id: household.id });
    expect(r).toEqual({
      household: {
        id: household.id,
        division: { code: household.divisionCode },
        unit: { id: household.unitId },
        head: { id: household.headId },
        members: members.map((m) => ({ id: m.id, name: m.name, idNumber: m.idNumber, phone: m.phone, household: { id: household.id } })),
        tags: household.tags,
        liaisons: demo.liaisons.filter((l) => l.targetId === household.id).map((l) => ({ id: l.id, cadre: { id: l.cadreId } })),
        visitsThisYear: visits.filter((v) => v.date.startsWith(YEAR)).length,
        visits: {
          totalCount: visits.length,
          nodes: visits.slice(0, 3).map((v) => ({ id: v.id, date: v.date, kind: v.kind, notes: v.notes, cadres: v.cadreIds.map((id) => ({ id })), target: { id: household.id } })),
        },
        version: 1,
      },
    });
    expect(await data(people, `{ household(id: "H-nope") { id } }`)).toEqual({ household: null });
  });

  it('masks ID numbers and phones, and hides tags, from those who may not see them', async () => {
    const q = `query($id: ID!) { household(id: $id) { tags members { idNumber phone } } }`;
    const masked = { tags: [], members: members.map((m) => ({ idNumber: maskIdNumber(m.idNumber), phone: m.phone && maskPhone(m.phone) })) };
    const plain = { tags: household.tags, members: members.map(({ idNumber, phone }) => ({ idNumber, phone })) };
    const district = household.divisionCode.slice(0, 6) + '000000';
    const otherDistrict = world.divisions.find((d) => d.level === 'DISTRICT' && d.code !== district)!.code;
    expect((await data(people, q, { id: household.id }, analyst)).household).toEqual(masked);
    expect((await data(people, q, { id: household.id }, { sub: 'p', role: 'PARTNER', scope: null })).household).toEqual(masked);
    expect((await data(people, q, { id: household.id }, { sub: 'c', role: 'CADRE', scope: district })).household).toEqual(plain);
    expect((await data(people, q, { id: household.id }, { sub: 'c', role: 'CADRE', scope: otherDistrict })).household).toEqual(masked);
    // an ADMIN with a scope is held to it like anyone else
    expect((await data(people, q, { id: household.id }, { sub: 'a', role: 'ADMIN', scope: otherDistrict })).household).toEqual(masked);
    expect(maskIdNumber(members[0].idNumber)).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
  });

  it('lists the households of a subtree, by tag, for many divisions at once', async () => {
    const district = household.divisionCode.slice(0, 6) + '000000';
    const targets = [district, household.divisionCode.slice(0, 9) + '000', household.divisionCode, '370599000000'];
    const prefixOf = (code: string) => code.replace(/(000000|000)+$/, (m) => (code.endsWith('000000000') ? '' : m)).slice(0, code.endsWith('000000') ? 6 : code.endsWith('000') ? 9 : 12);
    const expectedFor = (code: string, tag?: string) => {
      const all = demo.households.filter((h) => h.divisionCode.startsWith(prefixOf(code)) && (!tag || (h.tags as string[]).includes(tag))).sort(byId);
      return { totalCount: all.length, nodes: all.slice(0, 5).map(({ id }) => ({ id })), pageInfo: { hasNextPage: all.length > 5 } };
    };
    const q = `query($r: [_Any!]!, $tag: HouseholdTag) { _entities(representations: $r) { ... on Division { code households(tag: $tag, first: 5) { totalCount nodes { id } pageInfo { hasNextPage } } } } }`;
    const r = (tag?: string) => data(people, q, { r: targets.map((code) => ({ __typename: 'Division', code })), tag });
    expect((await r())._entities).toEqual(targets.map((code) => ({ code, households: expectedFor(code) })));
    const tag = household.tags[0];
    expect((await r(tag))._entities).toEqual(targets.map((code) => ({ code, households: expectedFor(code, tag) })));
    expect(expectedFor(district, tag).totalCount).toBeGreaterThan(0);
    const forbidden = await runOperation(people, q, { r: [{ __typename: 'Division', code: district }], tag }, analyst);
    expect(forbidden.errors?.map((e) => e.extensions)).toEqual([{ code: 'FORBIDDEN', field: 'tag' }]);
  });

  it('sends the same number of statements for 10 households as for 500, with everything nested', async () => {
    const q = (n: number) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { households(first: ${n}) { totalCount nodes { ${HOUSEHOLD_FIELDS} } } } } }`;
    const r = { r: [{ __typename: 'Division', code: '370500000000' }] };
    const small = await countStatements(() => data(people, q(10), r));
    const large = await countStatements(() => data(people, q(500), r));
    expect(large.result._entities[0].households.nodes).toHaveLength(500);
    expect(large.statements).toBe(small.statements);
    // households, count, heads, members, members' households, tags, liaisons, their cadres, visits this year,
    // visit pages, their counts, visits, visit cadres
    expect(large.statements).toBe(13);
  });

  it('sends the same number of statements for the visits of 10 cadres as of 500', async () => {
    const q = (n: number) => `{ cadres(rank: STAFF, first: ${n}) { nodes { id visits(from: "2026-01-01", to: "2026-03-31", first: ${n}) { totalCount nodes { id date cadres { id } target { __typename ... on Household { id } } } } } } }`;
    const small = await countStatements(() => data(people, q(10)));
    const large = await countStatements(() => data(people, q(500)));
    expect(large.statements).toBe(small.statements);
    const cadreId = world.cadres.filter((c) => c.rank === 'STAFF').sort(byId)[0].id;
    const expected = demo.visits.filter((v) => v.cadreIds.includes(cadreId) && v.date >= '2026-01-01' && v.date <= '2026-03-31').sort(newestFirst);
    expect(large.result.cadres.nodes[0]).toEqual({
      id: cadreId,
      visits: {
        totalCount: expected.length,
        nodes: expected.map((v) => ({
          id: v.id,
          date: v.date,
          cadres: v.cadreIds.map((id) => ({ id })),
          target: v.targetType === 'Household' ? { __typename: 'Household', id: v.targetId } : { __typename: v.targetType },
        })),
      },
    });
  });

  // ---------------------------------------------------------------- coverage

  it('answers coverage of subtrees from the fields places provides, in a constant number of statements', async () => {
    const targets = world.divisions.filter((d) => d.level === 'DISTRICT' || d.level === 'CITY').map((d) => d.code);
    const fromPlaces = await data(places, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code villageAndCommunityCodes buildingUnitCount } } }`, {
      r: targets.map((code) => ({ __typename: 'Division', code })),
    });
    const reps = fromPlaces._entities.map((d: object) => ({ __typename: 'Division', ...d }));
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code coverage { villagesAndCommunities withRankedLiaison
      uncovered(first: 500) { totalCount nodes { code } } households householdsLinked householdsVisitedEnough visitQuota buildingUnits buildingUnitsFullyLinked } } } }`;
    const all = await countStatements(() => data(people, q, { r: reps }));
    const districtsOnly = await countStatements(() => data(people, q, { r: reps.slice(1) }));
    const one = await countStatements(() => data(people, q, { r: reps.slice(1, 2) }));
    expect(districtsOnly.statements).toBe(one.statements);
    expect(one.statements).toBe(5); // ranked liaisons, households, linked households, visited enough, units fully linked
    expect(all.statements).toBe(2 * one.statements); // two prefix lengths: the city and the districts

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

    const quota = await data(people, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { coverage(visitQuota: 1) { householdsVisitedEnough visitQuota } } } }`, { r: reps.slice(0, 1) });
    expect(quota._entities).toEqual([
      { coverage: { householdsVisitedEnough: demo.households.filter((h) => visitsOf(h.id).some((v) => v.date.startsWith(YEAR))).length, visitQuota: 1 } },
    ]);
  });

  // ---------------------------------------------------------------- writes

  it('registers a household; a lowercase x in the ID number is stored as X', async () => {
    const community = grassroots.find((d) => d.level === 'COMMUNITY' && world.buildings.some((b) => b.divisionCode === d.code))!;
    const unit = world.units.find((u) => buildingDivision.get(u.buildingId) === community.code)!;
    const r = await ok(
      `mutation($c: ID!, $u: ID) { registerHousehold(divisionCode: $c, unitId: $u, head: { name: "张三", idNumber: "11010519491231002x", phone: "0546-8221234" }, tags: [POOR, OLD_CADRE, POOR]) {
         division { code } unit { id } tags version head { name idNumber phone } members { name } visitsThisYear liaisons { id } } }`,
      { c: community.code, u: unit.id },
    );
    expect(r).toEqual({
      registerHousehold: {
        division: { code: community.code },
        unit: { id: unit.id },
        tags: ['POOR', 'OLD_CADRE'],
        version: 1,
        head: { name: '张三', idNumber: '11010519491231002X', phone: '0546-8221234' },
        members: [{ name: '张三' }],
        visitsThisYear: 0,
        liaisons: [],
      },
    });
  });

  it('refuses bad household input with the field, and writes nothing', async () => {
    const count = async () => (await people.ds.query('SELECT (SELECT COUNT(*) FROM household) AS h, (SELECT COUNT(*) FROM resident) AS r'))[0];
    const before = await count();
    const village = grassroots.find((d) => d.level === 'VILLAGE')!.code;
    const register = (code: string, idNumber: string, extra = '') =>
      failure(`mutation($c: ID!, $id: String!) { registerHousehold(divisionCode: $c, head: { name: "李四", idNumber: $id }${extra}) { id } }`, { c: code, id: idNumber });
    expect(await register(village, '110105194912310021')).toEqual([{ code: 'BAD_USER_INPUT', field: 'head.idNumber' }]); // check digit
    expect(await register(village, '110105194902310027')).toEqual([{ code: 'BAD_USER_INPUT', field: 'head.idNumber' }]); // 1949-02-31
    expect(await register(village, '1101051949123100')).toEqual([{ code: 'BAD_USER_INPUT', field: 'head.idNumber' }]); // length
    expect(await register(village, '110105194912310046', ', unitId: "U-nope"')).toEqual([{ code: 'NOT_FOUND', field: 'unitId' }]);
    expect(await register(village, '110105194912310046', `, unitId: "${world.units[0].id}"`)).toEqual([{ code: 'BAD_USER_INPUT', field: 'unitId' }]);
    expect(await register(village.slice(0, 9) + '000', '110105194912310046')).toEqual([{ code: 'BAD_USER_INPUT', field: 'divisionCode' }]);
    expect(await register('12345', '110105194912310046')).toEqual([{ code: 'BAD_USER_INPUT', field: 'divisionCode' }]);
    expect(await register(village.slice(0, 9) + '399', '110105194912310046')).toEqual([{ code: 'NOT_FOUND', field: 'divisionCode' }]); // well formed, not in places
    expect(await register(village, '11010519491231002X')).toEqual([{ code: 'CONFLICT', field: 'head.idNumber' }]); // registered above
    const elsewhere: Viewer = { sub: 'd', role: 'DEPARTMENT', scope: village.startsWith('370502') ? '370503000000' : '370502000000' };
    expect(
      await failure(`mutation($c: ID!) { registerHousehold(divisionCode: $c, head: { name: "李四", idNumber: "110105194912310046" }) { id } }`, { c: village }, elsewhere),
    ).toEqual([{ code: 'FORBIDDEN' }]);
    expect(await register(village, members[0].idNumber)).toEqual([{ code: 'CONFLICT', field: 'head.idNumber' }]);
    expect(
      await failure(`mutation($c: ID!) { registerHousehold(divisionCode: $c, head: { name: "李四", idNumber: "110105194912310046", phone: "123" }) { id } }`, { c: village }),
    ).toEqual([{ code: 'BAD_USER_INPUT', field: 'head.phone' }]);
    expect(await register(village, '110105194912310046', '')).toEqual(undefined);
    const after = await count();
    expect([Number(after.h), Number(after.r)]).toEqual([Number(before.h) + 1, Number(before.r) + 1]);
  });

  it('adds a resident and moves the household version on', async () => {
    const target = demo.households[0];
    const r = await ok(`mutation($h: ID!) { addResident(householdId: $h, resident: { name: "新成员", idNumber: "370502201001011233" }) { name idNumber phone household { id version members { name } } } }`, { h: target.id });
    const names = [...demo.residents.filter((m) => m.householdId === target.id).map((m) => ({ id: m.id, name: m.name })), { id: '~', name: '新成员' }];
    expect(r.addResident).toMatchObject({ name: '新成员', idNumber: '370502201001011233', phone: null, household: { id: target.id, version: 2 } });
    expect(r.addResident.household.members.map((m: { name: string }) => m.name).sort()).toEqual(names.map((n) => n.name).sort());
    expect(
      await failure(`mutation($h: ID!) { addResident(householdId: $h, expectedVersion: 1, resident: { name: "x", idNumber: "370502201001011241" }) { id } }`, { h: target.id }),
    ).toEqual([{ code: 'CONFLICT', field: 'expectedVersion' }]);
    expect(await failure(`mutation { addResident(householdId: "H-nope", resident: { name: "x", idNumber: "370502201001011241" }) { id } }`)).toEqual([{ code: 'NOT_FOUND', field: 'householdId' }]);
    expect(await failure(`mutation($h: ID!) { addResident(householdId: $h, resident: { name: "x", idNumber: "370502201001011233" }) { id } }`, { h: target.id })).toEqual([
      { code: 'CONFLICT', field: 'resident.idNumber' },
    ]);
  });

  // ---------------------------------------------------------------- liaison links

  /** Targets the demo does not already link to `cadreId`. */
  const unlinked = (cadreId: string, type: string, ids: string[]) =>
    ids.filter((id) => !allLiaisons.some((l) => l.cadreId === cadreId && l.targetType === type && l.targetId === id));
  const freeVillage = unlinked('C-00001', 'Division', grassroots.filter((d) => d.level === 'VILLAGE').map((d) => d.code))[0];
  const freeUnit = unlinked('C-00001', 'BuildingUnit', world.units.map((u) => u.id))[5];
  const freeHousehold = unlinked('C-00001', 'Household', demo.households.map((h) => h.id))[0];
  const link = (targetType: string, targetId: string, cadreId = 'C-00001', role = 'MEMBER', viewer?: Viewer) =>
    asUser(
      `mutation($c: ID!, $t: String!, $id: ID!, $role: LiaisonRole!) { linkCadre(cadreId: $c, targetType: $t, targetId: $id, role: $role, since: "2026-06-01") { id role since until version cadre { id } target { __typename ... on Division { code } ... on BuildingUnit { id } ... on Household { id } ... on Enterprise { id } ... on Project { id } } } }`,
      { c: cadreId, t: targetType, id: targetId, role },
      viewer,
    );

  it('links a cadre to each kind of target, checking the owner subgraph for existence', async () => {
    const village = freeVillage;
    const unit = freeUnit;
    const enterprise = world.enterprises[0].id;
    const cases: [string, string][] = [
      ['Division', village],
      ['BuildingUnit', unit],
      ['Household', freeHousehold],
      ['Enterprise', enterprise],
      ['Project', 'P-0002'],
    ];
    for (const [type, id] of cases) {
      const r = await link(type, id);
      expect(r.errors).toBeUndefined();
      const { id: liaisonId, ...rest } = r.data!.linkCadre;
      expect(typeof liaisonId).toBe('string');
      expect(rest).toEqual({ role: 'MEMBER', since: '2026-06-01', until: null, version: 1, cadre: { id: 'C-00001' }, target: type === 'Division' ? { __typename: type, code: id } : { __typename: type, id } });
    }
    // liaisons on every target type, through _entities as the gateway asks
    const r = await data(people, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { liaisons { cadre { id } role } } ... on Project { liaisons { cadre { id } } } ... on BuildingUnit { liaisons { cadre { id } } } } }`, {
      r: [{ __typename: 'Enterprise', id: enterprise }, { __typename: 'Project', id: 'P-0002' }, { __typename: 'Project', id: 'P-0003' }],
    });
    // the demo links one cadre to each enterprise and the same cadre to its projects; ours comes after (newer)
    const demoLead = (type: string, id: string) => demo.liaisons.filter((l) => l.targetType === type && l.targetId === id).map((l) => l.cadreId);
    expect(r._entities).toEqual([
      { liaisons: [...demoLead('Enterprise', enterprise).map((id) => ({ cadre: { id }, role: 'LEAD' })), { cadre: { id: 'C-00001' }, role: 'MEMBER' }] },
      { liaisons: [...demoLead('Project', 'P-0002').map((id) => ({ cadre: { id } })), { cadre: { id: 'C-00001' } }] },
      { liaisons: demoLead('Project', 'P-0003').map((id) => ({ cadre: { id } })) },
    ]);
    expect(demoLead('Enterprise', enterprise)).toHaveLength(1);
    // Cadre.liaisons: the union, oldest first (the five new ones share a since, so their order is by random id)
    const mine = await data(people, `{ cadre(id: "C-00001") { liaisons { since target { __typename } } } }`);
    const fresh = mine.cadre.liaisons.filter((l: { since: string }) => l.since === '2026-06-01');
    expect(fresh.map((l: { target: { __typename: string } }) => l.target.__typename).sort()).toEqual(cases.map(([t]) => t).sort());
    expect(mine.cadre.liaisons.slice(-5)).toEqual(fresh);
    // the unit's division was recorded: coverage of its community counts the link
    const [row] = await people.ds.query(`SELECT divisionCode FROM liaison WHERE targetType = 'BuildingUnit' AND targetId = ? AND cadreId = 'C-00001'`, [unit]);
    expect(row.divisionCode).toBe(buildingDivision.get(world.units.find((u) => u.id === unit)!.buildingId));
  });

  it('refuses links to missing or wrong targets, unknown cadres and duplicates', async () => {
    const village = freeVillage;
    const codes = async (r: Promise<OperationResult>) => (await r).errors?.map((e) => e.extensions);
    expect(await codes(link('Division', village))).toEqual([{ code: 'CONFLICT', field: 'targetId' }]); // linked above
    expect(await codes(link('Division', village.slice(0, 9) + '000'))).toEqual([{ code: 'BAD_USER_INPUT', field: 'targetId' }]);
    expect(await codes(link('Division', '370502001399'))).toEqual([{ code: 'NOT_FOUND', field: 'targetId' }]);
    expect(await codes(link('BuildingUnit', 'U-nope'))).toEqual([{ code: 'NOT_FOUND', field: 'targetId' }]);
    expect(await codes(link('Household', 'H-nope'))).toEqual([{ code: 'NOT_FOUND', field: 'targetId' }]);
    expect(await codes(link('Enterprise', 'E-nope'))).toEqual([{ code: 'NOT_FOUND', field: 'targetId' }]);
    expect(await codes(link('Building', 'B-1'))).toEqual([{ code: 'BAD_USER_INPUT', field: 'targetType' }]);
    expect(await codes(link('Division', village, 'C-99999'))).toEqual([{ code: 'NOT_FOUND', field: 'cadreId' }]);
    expect(await codes(link('Division', village, 'C-00001', 'MEMBER', analyst))).toEqual([{ code: 'FORBIDDEN' }]);
    const elsewhere: Viewer = { sub: 'd', role: 'DEPARTMENT', scope: village.startsWith('370502') ? '370503000000' : '370502000000' };
    expect(await codes(link('Division', village, 'C-00001', 'LEAD', elsewhere))).toEqual([{ code: 'FORBIDDEN' }]);
    // an enterprise's division is checked against the scope too
    const enterprise = world.enterprises.find((e) => !e.divisionCode.startsWith('370502'))!;
    const district: Viewer = { sub: 'd', role: 'DEPARTMENT', scope: '370502000000' };
    expect(await codes(link('Enterprise', enterprise.id, 'C-00002', 'MEMBER', district))).toEqual([{ code: 'FORBIDDEN' }]);
    // a link that starts in the future would count as active before it starts
    const future = await asUser(`mutation($v: ID!) { linkCadre(cadreId: "C-00003", targetType: "Division", targetId: $v, role: MEMBER, since: "2026-07-02") { id } }`, { v: village });
    expect(future.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'since' }]);
    // the same cadre may hold another role on the same target
    expect((await link('Division', village, 'C-00001', 'LEAD')).errors).toBeUndefined();
    // without a token to forward, places refuses, and so does people
    const target = unlinked('C-00001', 'BuildingUnit', world.units.map((u) => u.id))[6];
    const anonymous = await people.server.executeOperation(
      { query: `mutation { linkCadre(cadreId: "C-00001", targetType: "BuildingUnit", targetId: "${target}", role: MEMBER) { id } }` },
      { contextValue: people.context(adminViewer) },
    );
    expect(anonymous.body.kind === 'single' && anonymous.body.singleResult.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('unlinks by setting until, never deleting; the link can then be made again', async () => {
    const village = unlinked('C-00002', 'Division', grassroots.filter((d) => d.level === 'VILLAGE').map((d) => d.code))[1];
    const created = (await link('Division', village, 'C-00002')).data!.linkCadre;
    const rows = async () => Number((await people.ds.query('SELECT COUNT(*) AS n FROM liaison'))[0].n);
    const before = await rows();
    const unlink = (extra = '') => asUser(`mutation($id: ID!) { unlinkCadre(liaisonId: $id${extra}) { id until version } }`, { id: created.id });
    expect((await unlink(', expectedVersion: 7')).errors?.map((e) => e.extensions)).toEqual([{ code: 'CONFLICT', field: 'expectedVersion' }]);
    expect((await unlink(', until: "2026-05-01"')).errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'until' }]);
    expect((await unlink(', expectedVersion: 1')).data).toEqual({ unlinkCadre: { id: created.id, until: '2026-07-01', version: 2 } });
    expect((await unlink()).errors?.map((e) => e.extensions)).toEqual([{ code: 'CONFLICT', field: 'liaisonId' }]);
    expect(await rows()).toBe(before);
    const active = await data(people, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { liaisons { id } } } }`, { r: [{ __typename: 'Division', code: village }] });
    expect(active._entities[0].liaisons.map((l: { id: string }) => l.id)).not.toContain(created.id);
    expect((await link('Division', village, 'C-00002')).errors).toBeUndefined();
    expect(await failure(`mutation { unlinkCadre(liaisonId: "L-nope") { id } }`)).toEqual([{ code: 'NOT_FOUND', field: 'liaisonId' }]);
  });

  it('lets exactly one of several concurrent identical links and resident registrations through', async () => {
    const village = unlinked('C-00004', 'Division', grassroots.map((d) => d.code))[2];
    const links = await Promise.all(Array.from({ length: 5 }, () => link('Division', village, 'C-00004', 'LEAD')));
    const outcome = (rs: OperationResult[]) => rs.map((r) => (r.errors ? r.errors.map((e) => e.extensions?.code).join() : 'ok')).sort();
    expect(outcome(links)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'ok']);
    const residents = await Promise.all(
      demo.households.slice(10, 14).map((h) =>
        asUser(`mutation($h: ID!) { addResident(householdId: $h, resident: { name: "同一人", idNumber: "110105194912310062" }) { id } }`, { h: h.id }),
      ),
    );
    expect(outcome(residents)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'ok']);
  });

  // ---------------------------------------------------------------- visits

  it('records visits under the rules: 2 cadres for home and building visits, no future dates', async () => {
    const pair = demo.visits.find((v) => v.targetId === household.id)!.cadreIds;
    const visit = (kind: string, date: string, cadreIds: string[], targetType: string, targetId: string) =>
      asUser(
        `mutation($k: VisitKind!, $d: Date!, $c: [ID!]!, $t: String!, $id: ID!) { recordVisit(kind: $k, date: $d, cadreIds: $c, targetType: $t, targetId: $id, notes: " 了解情况 ") {
           date kind notes cadres { id } target { __typename ... on Household { id visitsThisYear } ... on BuildingUnit { id } ... on Division { code } } } }`,
        { k: kind, d: date, c: cadreIds, t: targetType, id: targetId },
      );
    const errors = async (r: Promise<OperationResult>) => (await r).errors?.map((e) => e.extensions);
    expect(await errors(visit('HOME_VISIT', '2026-06-30', [pair[0]], 'Household', household.id))).toEqual([{ code: 'BAD_USER_INPUT', field: 'cadreIds' }]);
    expect(await errors(visit('HOME_VISIT', '2026-06-30', [pair[0], pair[0]], 'Household', household.id))).toEqual([{ code: 'BAD_USER_INPUT', field: 'cadreIds' }]);
    expect(await errors(visit('FORUM', '2026-06-30', [pair[0]], 'BuildingUnit', world.units[0].id))).toEqual([{ code: 'BAD_USER_INPUT', field: 'cadreIds' }]);
    expect(await errors(visit('HOME_VISIT', '2026-07-02', pair, 'Household', household.id))).toEqual([{ code: 'BAD_USER_INPUT', field: 'date' }]);
    expect(await errors(visit('HOME_VISIT', '2026-06-30', [pair[0], 'C-99999'], 'Household', household.id))).toEqual([{ code: 'NOT_FOUND', field: 'cadreIds' }]);
    expect(await errors(visit('HOME_VISIT', '2026-06-30', pair, 'Household', 'H-nope'))).toEqual([{ code: 'NOT_FOUND', field: 'targetId' }]);
    expect(await errors(visit('HOME_VISIT', '2026-06-30', pair, 'Division', household.divisionCode))).toEqual([{ code: 'BAD_USER_INPUT', field: 'targetType' }]);

    const before = visitsOf(household.id).filter((v) => v.date.startsWith(YEAR)).length;
    const home = await visit('HOME_VISIT', '2026-07-01', [pair[1], pair[0]], 'Household', household.id);
    expect(home.data).toEqual({
      recordVisit: { date: '2026-07-01', kind: 'HOME_VISIT', notes: '了解情况', cadres: [...pair].sort().map((id) => ({ id })), target: { __typename: 'Household', id: household.id, visitsThisYear: before + 1 } },
    });
    const unit = await visit('FORUM', '2026-06-20', pair, 'BuildingUnit', world.units[0].id);
    expect(unit.data?.recordVisit.target).toEqual({ __typename: 'BuildingUnit', id: world.units[0].id });
    const forum = await visit('RESEARCH', '2026-06-20', [pair[0]], 'Division', '370502000000');
    expect(forum.data?.recordVisit.target).toEqual({ __typename: 'Division', code: '370502000000' });

    const mine = await data(people, `query($id: ID!) { household(id: $id) { visits(from: "2026-06-30", to: "2026-07-01") { totalCount nodes { date } } } }`, { id: household.id });
    const expected = [{ date: '2026-07-01' }, ...visitsOf(household.id).filter((v) => v.date === '2026-06-30').map(() => ({ date: '2026-06-30' }))];
    expect(mine.household.visits).toEqual({ totalCount: expected.length, nodes: expected });
    const theirs = await data(people, `query($id: ID!) { cadre(id: $id) { visits(from: "2026-07-01") { totalCount nodes { date kind } } } }`, { id: pair[0] });
    expect(theirs.cadre.visits).toEqual({ totalCount: 1, nodes: [{ date: '2026-07-01', kind: 'HOME_VISIT' }] });
  });
});
