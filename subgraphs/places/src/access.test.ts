// The role matrix of access.ts, asserted whole: every role reads the reference data of its own
// scope, and a district-scoped token sees nothing of another district (lookups, lists, nested
// fields, _entities).
import { type Role, type Subgraph, type Viewer } from '@cadres/kit';
import { buildDemoWorld } from '@cadres/demo';
import { adminViewer, createTestSubgraph, describeEachDatabase, runOperation } from '@cadres/kit/src/testing';
import { subgraph as placesSubgraph } from './server';

const world = buildDemoWorld({ seed: 2023, scale: 1 });
const CITY = '370500000000';
/** The scoped tokens' district (东营区) and another (河口区). */
const A = '370502000000';
const B = '370503000000';
const ROLES: Role[] = ['ADMIN', 'DEPARTMENT', 'CADRE', 'ANALYST', 'PARTNER'];

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const inDistrict = (district: string) => (code: string) => code.startsWith(district.slice(0, 6));
/** A township, a village, a building and a unit of a district (the first of each in the demo world). */
function placesOf(district: string) {
  const inside = inDistrict(district);
  const township = world.divisions.filter((d) => d.level === 'TOWNSHIP' && inside(d.code)).sort(byCode)[0];
  const village = world.divisions.filter((d) => d.parentCode === township.code).sort(byCode)[0];
  const building = world.buildings.find((b) => inside(b.divisionCode))!;
  const unit = world.units.find((u) => u.buildingId === building.id)!;
  return { township, village, building, unit };
}
const a = placesOf(A);
const b = placesOf(B);

const viewer = (role: Role, scope: string | null): Viewer => ({ sub: `${role.toLowerCase()}-${scope ?? 'all'}`, role, scope });

async function outcome(sg: Subgraph, query: string, variables: Record<string, unknown>, v: Viewer) {
  const r = await runOperation(sg, query, variables, v);
  return { data: r.data ?? null, errors: r.errors?.map((e) => e.extensions) };
}

const LOOKUPS = `query($city: ID!, $a: ID!, $b: ID!, $va: ID!, $vb: ID!, $ba: ID!, $bb: ID!, $ua: ID!, $ub: ID!) {
  city: division(code: $city) { code }
  a: division(code: $a) { code parent { code } ancestors { code } }
  b: division(code: $b) { code }
  villageA: division(code: $va) { code parent { code } ancestors { code } }
  villageB: division(code: $vb) { code }
  buildingA: building(id: $ba) { id division { code } }
  buildingB: building(id: $bb) { id }
  unitA: buildingUnit(id: $ua) { id building { id } }
  unitB: buildingUnit(id: $ub) { id } }`;
const LISTS = `query($city: ID!, $search: String) {
  districts: divisions(level: DISTRICT) { totalCount nodes { code } }
  ofCity: divisions(parentCode: $city) { totalCount nodes { code } }
  searched: divisions(search: $search) { totalCount nodes { code } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Division { code }
  ... on Building { id }
  ... on BuildingUnit { id } } }`;
const lookupVariables = {
  city: CITY, a: A, b: B, va: a.village.code, vb: b.village.code, ba: a.building.id, bb: b.building.id, ua: a.unit.id, ub: b.unit.id,
};
const representations = [
  ...[CITY, A, B, a.village.code, b.village.code].map((code) => ({ __typename: 'Division', code })),
  ...[a.building.id, b.building.id].map((id) => ({ __typename: 'Building', id })),
  ...[a.unit.id, b.unit.id].map((id) => ({ __typename: 'BuildingUnit', id })),
];

describeEachDatabase('places subgraph: role matrix and scope', (db) => {
  let sg: Subgraph;
  beforeAll(async () => {
    sg = await createTestSubgraph(placesSubgraph, db);
    await sg.seed(world);
  });
  afterAll(() => sg?.stop());

  const ask = async (v: Viewer) => ({
    lookups: await outcome(sg, LOOKUPS, lookupVariables, v),
    // A township of B by its name: found by search only where B is in scope.
    lists: await outcome(sg, LISTS, { city: CITY, search: b.township.name }, v),
    entities: await outcome(sg, ENTITIES, { r: representations }, v),
  });
  const codes = (...list: string[]) => ({ totalCount: list.length, nodes: list.map((code) => ({ code })) });
  const districts = world.divisions.filter((d) => d.level === 'DISTRICT').sort(byCode).map((d) => d.code);
  const named = (name: string) => world.divisions.filter((d) => d.name.includes(name)).sort(byCode).map((d) => d.code);

  it('has no mutations, so the matrix has no writes to hold (one added must join access.ts)', async () => {
    expect(await outcome(sg, `{ __schema { mutationType { name } } }`, {}, adminViewer)).toEqual({ data: { __schema: { mutationType: null } }, errors: undefined });
  });

  it.each(ROLES)('%s scoped to a district reads only that district, its parents and its neighbours being null or absent', async (role) => {
    expect(await ask(viewer(role, A))).toEqual({
      lookups: {
        data: {
          city: null,
          a: { code: A, parent: null, ancestors: [] }, // the province and the city lie above the scope
          b: null,
          villageA: { code: a.village.code, parent: { code: a.township.code }, ancestors: [{ code: A }, { code: a.township.code }] },
          villageB: null,
          buildingA: { id: a.building.id, division: { code: a.building.divisionCode } },
          buildingB: null,
          unitA: { id: a.unit.id, building: { id: a.building.id } },
          unitB: null,
        },
        errors: undefined,
      },
      lists: {
        data: { districts: codes(A), ofCity: codes(A), searched: codes(...named(b.township.name).filter(inDistrict(A))) },
        errors: undefined,
      },
      entities: {
        data: { _entities: [null, { code: A }, null, { code: a.village.code }, null, { id: a.building.id }, null, { id: a.unit.id }, null] },
        errors: undefined,
      },
    });
  });

  it.each(ROLES)('%s without a scope reads everything (PARTNER too: the hotline reports by division code)', async (role) => {
    expect(await ask(viewer(role, null))).toEqual({
      lookups: {
        data: {
          city: { code: CITY },
          a: { code: A, parent: { code: CITY }, ancestors: [{ code: '370000000000' }, { code: CITY }] },
          b: { code: B },
          villageA: {
            code: a.village.code, parent: { code: a.township.code },
            ancestors: [{ code: '370000000000' }, { code: CITY }, { code: A }, { code: a.township.code }],
          },
          villageB: { code: b.village.code },
          buildingA: { id: a.building.id, division: { code: a.building.divisionCode } },
          buildingB: { id: b.building.id },
          unitA: { id: a.unit.id, building: { id: a.building.id } },
          unitB: { id: b.unit.id },
        },
        errors: undefined,
      },
      lists: { data: { districts: codes(...districts), ofCity: codes(...districts), searched: codes(...named(b.township.name)) }, errors: undefined },
      entities: {
        data: { _entities: [{ code: CITY }, { code: A }, { code: B }, { code: a.village.code }, { code: b.village.code }, { id: a.building.id }, { id: b.building.id }, { id: a.unit.id }, { id: b.unit.id }] },
        errors: undefined,
      },
    });
  });

  it('gives a scoped token the whole subtree below its scope: children, buildings and the coverage inputs', async () => {
    const q = `query($t: ID!) { division(code: $t) { children(first: 500) { totalCount } buildings { totalCount } villageAndCommunityCodes buildingUnitCount } }`;
    const results = [];
    for (const v of [viewer('ANALYST', A), adminViewer]) results.push(await outcome(sg, q, { t: a.township.code }, v));
    expect(results[0]).toEqual(results[1]);
    expect(results[0].data!.division.children.totalCount).toBeGreaterThan(0);
  });
});
