// Test set-up (not a test file): a world small enough that every figure of departments,
// campaigns, help records and activity is worked out by hand in the tests that use it.
import { insertInChunks, parseDivisionCode, type Subgraph, type Viewer } from '@cadres/kit';
import { adminViewer, createTestSubgraph, data, runOperation, type TestDatabaseKind } from '@cadres/kit/src/testing';
import { visitPlace } from './access';
import { Cadre, Department, Household, Liaison, Visit, VisitCadre, openKeyOf } from './entities';
import { subgraph as peopleSubgraph } from './server';

/** 10:00 on 1 July 2026 in Beijing. */
export const NOW = new Date('2026-07-01T02:00:00Z');

/**
 * 东营市 370500 with two districts: 东营区 370502 (townships T1 370502001, T2 370502002) and
 * 河口区 370503 (township T3 370503100).
 *   A = community 370502001001, B = village 370502002201, C = village 370503100201.
 */
export const CITY = '370500000000';
export const D_DONGYING = '370502000000';
export const D_HEKOU = '370503000000';
export const T1 = '370502001000';
export const A = '370502001001';
export const B = '370502002201';
export const C = '370503100201';

/**
 * Departments and their cadres:
 *   DC 市委组织部 (city): c1          D1 东营区民政局: c2, c3     D2 文汇街道 (T1): c4
 *   D3 河口区民政局: c5, c6, c7        D4 东营区住建局: c8        D5 文汇街道城管办 (T1): no cadres
 */
export const departments = [
  { id: 'DC', name: '市委组织部', divisionCode: CITY },
  { id: 'D1', name: '东营区民政局', divisionCode: D_DONGYING },
  { id: 'D2', name: '文汇街道', divisionCode: T1 },
  { id: 'D3', name: '河口区民政局', divisionCode: D_HEKOU },
  { id: 'D4', name: '东营区住建局', divisionCode: D_DONGYING },
  { id: 'D5', name: '文汇街道城管办', divisionCode: T1 },
];
const cadreDepartment: Record<string, string> = { c1: 'DC', c2: 'D1', c3: 'D1', c4: 'D2', c5: 'D3', c6: 'D3', c7: 'D3', c8: 'D4' };

/**
 * Visits (V7 last year; V8 goes to the township T1 itself):
 *   V1 2026-03-05 HOME_VISIT H1 (A)  c2 c3      V5 2026-05-20 RESEARCH  C      c5
 *   V2 2026-03-05 FORUM      A       c2         V6 2026-05-21 HOME_VISIT H3 (C) c5 c6
 *   V3 2026-04-10 HOME_VISIT H1 (A)  c1 c4      V7 2025-12-30 HOME_VISIT H3 (C) c5 c6
 *   V4 2026-04-12 HOME_VISIT H2 (B)  c2 c4      V8 2026-06-01 FORUM      T1     c4
 * Links active today: c2 → A, c4 → B (villages and communities), c3 → H1 (a household).
 */
const visits: [string, string, Visit['kind'], Visit['targetType'], string, string | null, string[]][] = [
  ['V1', '2026-03-05', 'HOME_VISIT', 'Household', 'H1', A, ['c2', 'c3']],
  ['V2', '2026-03-05', 'FORUM', 'Division', A, A, ['c2']],
  ['V3', '2026-04-10', 'HOME_VISIT', 'Household', 'H1', A, ['c1', 'c4']],
  ['V4', '2026-04-12', 'HOME_VISIT', 'Household', 'H2', B, ['c2', 'c4']],
  ['V5', '2026-05-20', 'RESEARCH', 'Division', C, C, ['c5']],
  ['V6', '2026-05-21', 'HOME_VISIT', 'Household', 'H3', C, ['c5', 'c6']],
  ['V7', '2025-12-30', 'HOME_VISIT', 'Household', 'H3', C, ['c5', 'c6']],
  ['V8', '2026-06-01', 'FORUM', 'Division', T1, null, ['c4']],
];

async function seed(people: Subgraph): Promise<void> {
  await people.ds.transaction(async (em) => {
    await insertInChunks(em, Department, departments.map((d) => ({ ...d, leaderCadreId: null, version: 1 })));
    await insertInChunks(
      em,
      Cadre,
      Object.entries(cadreDepartment).map(([id, departmentId]) => ({ id, name: `干部${id}`, cadreRank: 'SECTION_LEVEL' as const, departmentId, partyMember: true, phone: null, version: 1 })),
    );
    await insertInChunks(
      em,
      Household,
      [['H1', A], ['H2', B], ['H3', C]].map(([id, divisionCode]) => ({ id, divisionCode, unitId: null, headId: null, version: 1 })),
    );
    const link = (id: string, cadreId: string, targetType: Liaison['targetType'], targetId: string, divisionCode: string) => ({
      id, cadreId, targetType, targetId, divisionCode, role: 'LEAD' as const, since: '2026-01-01', until: null, openKey: openKeyOf({ cadreId, targetType, targetId, role: 'LEAD' }), version: 1,
    });
    await insertInChunks(em, Liaison, [link('L1', 'c2', 'Division', A, A), link('L2', 'c4', 'Division', B, B), link('L3', 'c3', 'Household', 'H1', A)]);
    const place = (v: (typeof visits)[number]) => visitPlace({ divisionCode: v[5], targetType: v[3], targetId: v[4] });
    await insertInChunks(em, Visit, visits.map((v) => ({ id: v[0], date: v[1], kind: v[2], targetType: v[3], targetId: v[4], divisionCode: place(v), cadreCount: v[6].length, notes: null, version: 1 })));
    await insertInChunks(em, VisitCadre, visits.flatMap((v) => v[6].map((cadreId) => ({ visitId: v[0], cadreId, date: v[1], divisionCode: place(v) }))));
  });
}

type Variables = Record<string, unknown>;

/**
 * What places knows of the small world, as its stand-in answers a Division: the villages and
 * communities A, B and C, and one building unit, U1 in A.
 */
function placesFields(type: string, key: string): Record<string, unknown> {
  if (type !== 'Division') return {};
  const prefix = parseDivisionCode(key)?.prefix ?? key;
  const codes = [A, B, C].filter((code) => code.startsWith(prefix));
  const unitIds = A.startsWith(prefix) ? ['U1'] : [];
  return { villageAndCommunityCodes: codes, villageAndCommunityCount: codes.length, buildingUnitIds: unitIds, buildingUnitCount: unitIds.length };
}

/** Inside a describe: people on a fresh database of `db`'s kind with the small world, its peers a stand-in (kit fakeOwners) answering placesFields. */
export function useSmallWorld(db: TestDatabaseKind) {
  let people: Subgraph;
  beforeAll(async () => {
    people = await createTestSubgraph(peopleSubgraph, db, { now: () => NOW, fakeOwners: true, ownerFields: placesFields });
    await seed(people);
  });
  afterAll(() => people?.stop());
  const asUser = (query: string, variables: Variables = {}, viewer: Viewer = adminViewer) => runOperation(people, query, variables, viewer);
  return {
    get people() {
      return people;
    },
    asUser,
    ok: (query: string, variables: Variables = {}, viewer: Viewer = adminViewer) => data(people, query, variables, viewer),
    /** The errors' extensions (code, field), or undefined when there were none. */
    failure: async (query: string, variables: Variables = {}, viewer: Viewer = adminViewer) =>
      (await asUser(query, variables, viewer)).errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field })),
  };
}
