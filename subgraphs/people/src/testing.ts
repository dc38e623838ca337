// Test set-up the people test files share: the demo world loaded into places and people, a
// stand-in for enterprises, and the demo's expected values. Not a test file itself.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Subgraph, Viewer } from '@cadres/kit';
import { buildDemoPeople, buildDemoWorld } from '@cadres/demo';
import { adminViewer, createTestSubgraph, data, runOperation, type OperationResult, type TestDatabaseKind } from '@cadres/kit/src/testing';
import { subgraph as placesSubgraph } from '@cadres/places';
import { subgraph as peopleSubgraph } from './server';

export const world = buildDemoWorld({ seed: 2023, scale: 1 });
export const demo = buildDemoPeople(world);
/** 10:00 on 1 July 2026 in Beijing: every demo visit (up to 30 June 2026) lies in the past. */
export const NOW = new Date('2026-07-01T02:00:00Z');
export const YEAR = '2026';
export const analyst: Viewer = { sub: 'analyst', role: 'ANALYST', scope: null };

export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
export const bySinceThenId = (a: { since: string; id: string }, b: { since: string; id: string }) =>
  a.since < b.since ? -1 : a.since > b.since ? 1 : byId(a, b);
export const newestFirst = (a: { date: string; id: string }, b: { date: string; id: string }) =>
  a.date > b.date ? -1 : a.date < b.date ? 1 : a.id > b.id ? -1 : 1;

/** Every demo liaison (village, household, building unit) in one shape. */
export const allLiaisons = [
  ...world.villageLiaisons.map((l) => ({ ...l, targetType: 'Division', targetId: l.divisionCode })),
  ...demo.liaisons,
];
/** A demo liaison as the graph answers it. */
export const liaisonOut = (l: (typeof allLiaisons)[number]) => ({
  id: l.id,
  role: l.role,
  since: l.since,
  until: null,
  cadre: { id: l.cadreId },
  target: l.targetType === 'Division' ? { __typename: 'Division', code: l.targetId } : { __typename: l.targetType, id: l.targetId },
});
export const LIAISON_FIELDS = `id role since until cadre { id } target { __typename ... on Division { code } ... on BuildingUnit { id } ... on Household { id } ... on Enterprise { id } ... on Project { id } }`;
export const grassroots = world.divisions.filter((d) => d.level === 'VILLAGE' || d.level === 'COMMUNITY');
export const buildingDivision = new Map(world.buildings.map((b) => [b.id, b.divisionCode]));

export const visitsOf = (householdId: string) => demo.visits.filter((v) => v.targetType === 'Household' && v.targetId === householdId);
/** A demo household in a building unit, with tags and at least 2 residents. */
export const household = demo.households.find((h) => h.unitId && h.tags.length >= 1 && demo.residents.filter((r) => r.householdId === h.id).length >= 2)!;
export const members = demo.residents.filter((r) => r.householdId === household.id).sort(byId);
export const HOUSEHOLD_FIELDS = `id division { code } unit { id } head { id } members { id name idNumber phone household { id } } tags
    liaisons { id cadre { id } } visitsThisYear visits(first: 3) { totalCount nodes { id date kind notes cadres { id } target { ... on Household { id } } } } version`;

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

/** Each result's outcome, 'ok' or its error codes, sorted: concurrent requests finish in any order. */
export const outcomes = (rs: OperationResult[]) => rs.map((r) => (r.errors ? r.errors.map((e) => e.extensions?.code).join() : 'ok')).sort();

type Variables = Record<string, unknown>;

/**
 * Inside a describe: places and people on fresh databases of `db`'s kind, both seeded with the
 * demo world, people's peers places (listening) and the enterprises stand-in; stopped afterAll.
 * kit's runOperation puts a signed token in the context, as the HTTP layer would: people
 * forwards it to places.
 */
export function useDemoPeople(db: TestDatabaseKind) {
  let places: Subgraph;
  let people: Subgraph;
  let enterprises: { url: string; close(): Promise<void> };
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
  const asUser = (query: string, variables: Variables = {}, viewer: Viewer = adminViewer) => runOperation(people, query, variables, viewer);
  return {
    get people() {
      return people;
    },
    get places() {
      return places;
    },
    asUser,
    /** The data of an operation that must succeed. */
    ok: (query: string, variables: Variables = {}, viewer: Viewer = adminViewer) => data(people, query, variables, viewer),
    /** The errors' extensions (code, field), or undefined when there were none. */
    failure: async (query: string, variables: Variables = {}, viewer: Viewer = adminViewer) =>
      (await asUser(query, variables, viewer)).errors?.map((e) => e.extensions),
  };
}
