import { type Subgraph } from '@cadres/kit';
import { buildDemoWorld } from '@cadres/demo';
import {
  countStatements,
  createTestSubgraph,
  data,
  describeEachDatabase,
  pendingSchemaChanges,
  runOperation,
} from '@cadres/kit/src/testing';
import { subgraph as placesSubgraph } from './server';

const world = buildDemoWorld({ seed: 2023, scale: 1 });
const districts = world.divisions.filter((d) => d.level === 'DISTRICT');
const dongying = districts.find((d) => d.code === '370502000000')!;

describeEachDatabase('places subgraph', (db) => {
  let places: Subgraph;
  beforeAll(async () => {
    places = await createTestSubgraph(placesSubgraph, db);
    await places.seed(world);
  });
  afterAll(() => places?.stop());

  it('has a migrated schema that matches the entities', async () => {
    expect(await pendingSchemaChanges(places.ds)).toEqual([]);
  });

  it('seeds only once', async () => {
    expect(await places.seed(world)).toBe(false);
  });

  it('answers a division with its parent, ancestors and children', async () => {
    const townships = world.divisions.filter((d) => d.parentCode === dongying.code).sort((a, b) => a.code.localeCompare(b.code));
    const result = await data(
      places,
      `query($code: ID!) { division(code: $code) { code name level population parent { code name }
         ancestors { code level } children(first: 2) { totalCount nodes { code name level } pageInfo { hasNextPage } } } }`,
      { code: dongying.code },
    );
    expect(result.division).toEqual({
      code: '370502000000',
      name: '东营区',
      level: 'DISTRICT',
      population: dongying.population,
      parent: { code: '370500000000', name: '东营市' },
      ancestors: [
        { code: '370000000000', level: 'PROVINCE' },
        { code: '370500000000', level: 'CITY' },
      ],
      children: {
        totalCount: townships.length,
        nodes: townships.slice(0, 2).map(({ code, name }) => ({ code, name, level: 'TOWNSHIP' })),
        pageInfo: { hasNextPage: townships.length > 2 },
      },
    });
  });

  it('pages children with an opaque cursor until the end', async () => {
    const all = world.divisions.filter((d) => d.parentCode === '370500000000').map((d) => d.code).sort();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await data(places, `query($after: String) { division(code: "370500000000") { children(first: 2, after: $after) { nodes { code } pageInfo { hasNextPage endCursor } } } }`, { after });
      const c = r.division.children;
      seen.push(...c.nodes.map((n: { code: string }) => n.code));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it('filters children by level and divisions by search', async () => {
    const village = world.divisions.find((d) => d.level === 'VILLAGE')!;
    const r = await data(places, `query($p: ID, $s: String) { divisions(parentCode: $p, level: VILLAGE, search: $s) { totalCount nodes { code } } }`, {
      p: village.parentCode,
      s: village.name,
    });
    expect(r.divisions.nodes).toContainEqual({ code: village.code });
    expect(r.divisions.totalCount).toBe(r.divisions.nodes.length);
  });

  it('gives null for an unknown but valid code', async () => {
    expect(await data(places, `{ division(code: "370599000000") { code } }`)).toEqual({ division: null });
  });

  it('rejects a malformed code and an oversized page with BAD_USER_INPUT and the field', async () => {
    const bad = await runOperation(places, `{ division(code: "37050") { code } }`);
    expect(bad.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'code' }]);
    const big = await runOperation(places, `{ division(code: "370500000000") { children(first: 501) { totalCount } } }`);
    expect(big.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'first' }]);
  });

  it('answers buildings of a subtree with their units', async () => {
    const community = world.divisions.find((d) => d.level === 'COMMUNITY' && world.buildings.some((b) => b.divisionCode === d.code))!;
    const buildings = world.buildings.filter((b) => b.divisionCode === community.code);
    const r = await data(places, `query($c: ID!) { division(code: $c) { buildings(first: 500) { totalCount nodes { id division { code } units { id building { id } } } } } }`, { c: community.code });
    expect(r.division.buildings.totalCount).toBe(buildings.length);
    expect(r.division.buildings.nodes).toEqual(
      buildings.map((b) => ({
        id: b.id,
        division: { code: community.code },
        units: world.units.filter((u) => u.buildingId === b.id).map((u) => ({ id: u.id, building: { id: b.id } })),
      })),
    );
  });

  it('counts buildings of nested subtrees of different levels in one request', async () => {
    const township = world.divisions.find((d) => d.level === 'TOWNSHIP' && d.code.startsWith('370502') && world.buildings.some((b) => b.divisionCode.startsWith(d.code.slice(0, 9))))!;
    const within = (prefix: string) => world.buildings.filter((b) => b.divisionCode.startsWith(prefix)).length;
    const r = await data(places, `query($t: ID!) { city: division(code: "370500000000") { buildings { totalCount } }
      district: division(code: "370502000000") { buildings { totalCount } } township: division(code: $t) { buildings { totalCount } } }`, { t: township.code });
    expect(r).toEqual({
      city: { buildings: { totalCount: world.buildings.length } },
      district: { buildings: { totalCount: within('370502') } },
      township: { buildings: { totalCount: within(township.code.slice(0, 9)) } },
    });
  });

  it('sends the same number of statements for 10 children as for 500', async () => {
    const q = (n: number) => `{ divisions(level: TOWNSHIP, first: ${n}) { nodes { code parent { code } ancestors { code }
      children(first: ${n}) { totalCount nodes { code buildings(first: ${n}) { totalCount nodes { units { id } } } } } } } }`;
    const small = await countStatements(() => data(places, q(10)));
    const large = await countStatements(() => data(places, q(500)));
    expect(large.statements).toBe(small.statements);
  });

  it('resolves entity references in one statement per type', async () => {
    const codes = world.divisions.slice(0, 300).map((d) => ({ __typename: 'Division', code: d.code }));
    const { result, statements } = await countStatements(() =>
      data(places, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code } } }`, { r: [...codes, { __typename: 'Division', code: '370599000000' }] }),
    );
    expect(result._entities).toEqual([...codes.map(({ code }) => ({ code })), null]);
    expect(statements).toBe(1);
  });

  it("gives people's departments their division (Department.parentDivision), in one statement for many, null out of scope", async () => {
    const departments = world.departments.slice(0, 50).map((d) => ({ __typename: 'Department', id: d.id, divisionCode: d.divisionCode }));
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { id parentDivision { code name } } } }`;
    const { result, statements } = await countStatements(() => data(places, query, { r: departments }));
    const name = new Map(world.divisions.map((d) => [d.code, d.name]));
    expect(result._entities).toEqual(world.departments.slice(0, 50).map((d) => ({ id: d.id, parentDivision: { code: d.divisionCode, name: name.get(d.divisionCode) } })));
    expect(statements).toBe(1);
    const district = { sub: 'a', role: 'ANALYST' as const, scope: '370502000000' };
    const scoped = await data(places, query, { r: departments }, district);
    expect(scoped._entities.map((e: { parentDivision: { code: string } | null }) => e.parentDivision?.code ?? null)).toEqual(
      world.departments.slice(0, 50).map((d) => (d.divisionCode.startsWith('370502') ? d.divisionCode : null)),
    );
  });

  it('gives the village and community codes and unit counts of many subtrees, for people\'s coverage', async () => {
    const grassroots = (prefix: string) =>
      world.divisions.filter((d) => (d.level === 'VILLAGE' || d.level === 'COMMUNITY') && d.code.startsWith(prefix)).map((d) => d.code).sort();
    const buildingDivision = new Map(world.buildings.map((b) => [b.id, b.divisionCode]));
    const unitIds = (prefix: string) => world.units.filter((u) => buildingDivision.get(u.buildingId)!.startsWith(prefix)).map((u) => u.id).sort();
    const village = world.divisions.find((d) => d.level === 'VILLAGE')!;
    const targets = [
      { code: '370500000000', prefix: '3705' },
      ...districts.map((d) => ({ code: d.code, prefix: d.code.slice(0, 6) })),
      { code: village.code, prefix: village.code },
    ];
    const { result, statements } = await countStatements(() =>
      data(places, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code villageAndCommunityCodes buildingUnitCount buildingUnitIds } } }`, {
        r: targets.map(({ code }) => ({ __typename: 'Division', code })),
      }),
    );
    expect(result._entities).toEqual(targets.map(({ code, prefix }) => ({ code, villageAndCommunityCodes: grassroots(prefix), buildingUnitCount: unitIds(prefix).length, buildingUnitIds: unitIds(prefix) })));
    expect(statements).toBe(10); // divisions; codes, unit counts and unit ids for 3 prefix lengths each
  });

  it('gives the codes of the direct children of many divisions in one statement, for the division rankings', async () => {
    const township = world.divisions.find((d) => d.level === 'TOWNSHIP')!;
    const village = world.divisions.find((d) => d.level === 'VILLAGE')!;
    const codes = ['370500000000', ...districts.map((d) => d.code), township.code, village.code];
    const childrenOf = (code: string) => world.divisions.filter((d) => d.parentCode === code).map((d) => d.code).sort();
    const { result, statements } = await countStatements(() =>
      data(places, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code childCodes } } }`, { r: codes.map((code) => ({ __typename: 'Division', code })) }),
    );
    expect(result._entities).toEqual(codes.map((code) => ({ code, childCodes: childrenOf(code) })));
    expect(result._entities[0].childCodes).toHaveLength(districts.length);
    expect(result._entities.at(-1).childCodes).toEqual([]);
    expect(statements).toBe(2); // the divisions, their children's codes
  });
});
