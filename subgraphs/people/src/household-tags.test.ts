// Division.householdTags on the small world (small-world.ts) with tags and a few more households
// added here: every count below is worked out by hand.
import { insertInChunks, type Viewer } from '@cadres/kit';
import { countStatements, describeEachDatabase } from '@cadres/kit/src/testing';
import { Household, HouseholdTagRow, Liaison, Visit, householdTags, openKeyOf, type HouseholdTag } from './entities';
import { A, B, C, CITY, D_DONGYING, D_HEKOU, T1, useSmallWorld } from './small-world';

/**
 * The households (small world: H1 A, H2 B, H3 C; added: H4 A, H5 B, H6 C), their tags, links and visits:
 *   H1 A  POOR PETITIONER        c3's link (since 2026-01-01)           visits 2026-03-05, 2026-04-10
 *   H2 B  POOR OLD_PARTY_MEMBER  no link                                visit  2026-04-12
 *   H3 C  POOR MILITARY_FAMILY   no link                                visits 2025-12-30, 2026-05-21
 *   H4 A  POOR OLD_CADRE         c2's link (since 2026-01-01)           no visit
 *   H5 B  POOR                   c4's link, 2026-01-01 until 2026-05-31 no visit
 *   H6 C  no tag                 c5's link                              visit 2026-06-01 (counts under no tag)
 * A and B lie in 东营区 (A in T1), C in 河口区. Today is 2026-07-01: H5's link has ended.
 */
const tags: [string, string, HouseholdTag[]][] = [
  ['H1', A, ['POOR', 'PETITIONER']],
  ['H2', B, ['POOR', 'OLD_PARTY_MEMBER']],
  ['H3', C, ['POOR', 'MILITARY_FAMILY']],
  ['H4', A, ['POOR', 'OLD_CADRE']],
  ['H5', B, ['POOR']],
];

const Q = `query($r: [_Any!]!, $c: ID, $from: Date, $to: Date) { _entities(representations: $r) { ... on Division { householdTags(campaignId: $c, from: $from, to: $to) { tag households linked visited } } } }`;
const divisions = (codes: string[]) => ({ r: codes.map((code) => ({ __typename: 'Division', code })) });

/** Every tag in the enum's order: [households, linked, visited] for those given, zeros for the rest. */
const rows = (given: Partial<Record<HouseholdTag, [number, number, number]>>) =>
  householdTags.map((tag) => {
    const [households, linked, visited] = given[tag] ?? [0, 0, 0];
    return { tag, households, linked, visited };
  });

const dongyingAnalyst: Viewer = { sub: 'analyst-dy', role: 'ANALYST', scope: D_DONGYING };
const hekouAnalyst: Viewer = { sub: 'analyst-hk', role: 'ANALYST', scope: D_HEKOU };

describeEachDatabase('Division.householdTags', (db) => {
  const t = useSmallWorld(db);
  beforeAll(async () => {
    await t.people.ds.transaction(async (em) => {
      await insertInChunks(em, Household, [['H4', A], ['H5', B], ['H6', C]].map(([id, divisionCode]) => ({ id, divisionCode, unitId: null, headId: null, version: 1 })));
      await insertInChunks(em, HouseholdTagRow, tags.flatMap(([householdId, divisionCode, list]) => list.map((tag) => ({ householdId, tag, divisionCode }))));
      const link = (id: string, cadreId: string, targetId: string, divisionCode: string, until: string | null = null) => ({
        id, cadreId, targetType: 'Household' as const, targetId, divisionCode, role: 'MEMBER' as const, since: '2026-01-01', until,
        openKey: until ? null : openKeyOf({ cadreId, targetType: 'Household', targetId, role: 'MEMBER' }), version: 1,
      });
      await insertInChunks(em, Liaison, [link('LT4', 'c2', 'H4', A), link('LT5', 'c4', 'H5', B, '2026-05-31'), link('LT6', 'c5', 'H6', C)]);
      await insertInChunks(em, Visit, [{ id: 'VT6', date: '2026-06-01', kind: 'HOME_VISIT', targetType: 'Household', targetId: 'H6', divisionCode: C, notes: null, version: 1 }]);
    });
  });
  const tagsOf = async (codes: string[], vars: Record<string, unknown> = {}, viewer?: Viewer) =>
    (await t.ok(Q, { ...divisions(codes), ...vars }, viewer))._entities.map((d: { householdTags: unknown } | null) => d?.householdTags ?? null);

  // The calendar year 2026, links as today.
  const city = rows({ POOR: [5, 2, 3], PETITIONER: [1, 1, 1], OLD_PARTY_MEMBER: [1, 0, 1], OLD_CADRE: [1, 1, 0], MILITARY_FAMILY: [1, 0, 1] });
  const dongying = rows({ POOR: [4, 2, 2], PETITIONER: [1, 1, 1], OLD_PARTY_MEMBER: [1, 0, 1], OLD_CADRE: [1, 1, 0] });
  const hekou = rows({ POOR: [1, 0, 1], MILITARY_FAMILY: [1, 0, 1] });
  // T1 and community A: H1 and H4.
  const inA = rows({ POOR: [2, 2, 1], PETITIONER: [1, 1, 1], OLD_CADRE: [1, 1, 0] });

  it('counts each tag over the calendar year, zeros included, for subtrees of every level', async () => {
    expect(await tagsOf([CITY, D_DONGYING, D_HEKOU, T1, A])).toEqual([city, dongying, hekou, inA, inA]);
    expect(await tagsOf([B])).toEqual([rows({ POOR: [2, 0, 1], OLD_PARTY_MEMBER: [1, 0, 1] })]);
  });

  it("over from/to (links as on the last day) and over a campaign's period; bad periods refused as Division.activity refuses them", async () => {
    // 2025-12-01..2026-04-11: H5's link still ran; visits H1 (3-05, 4-10) and H3 (2025-12-30), not H2's of 4-12.
    expect(await tagsOf([CITY], { from: '2025-12-01', to: '2026-04-11' })).toEqual([
      rows({ POOR: [5, 3, 2], PETITIONER: [1, 1, 1], OLD_PARTY_MEMBER: [1, 0, 0], OLD_CADRE: [1, 1, 0], MILITARY_FAMILY: [1, 0, 1] }),
    ]);
    // from alone: the calendar year's end fills in (2026-06-15..2026-12-31: no tagged household visited; links as today).
    expect(await tagsOf([CITY], { from: '2026-06-15' })).toEqual([
      rows({ POOR: [5, 2, 0], PETITIONER: [1, 1, 0], OLD_PARTY_MEMBER: [1, 0, 0], OLD_CADRE: [1, 1, 0], MILITARY_FAMILY: [1, 0, 0] }),
    ]);
    const CREATE = `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`;
    const campaign = (await t.ok(CREATE, { input: { name: '访三老走三户', divisionCode: D_DONGYING, from: '2026-03-01', to: '2026-04-30' } })).createCampaign.id;
    // Links on 30 April: H1, H4 and H5; visits H1 and H2.
    expect(await tagsOf([D_DONGYING], { c: campaign })).toEqual([rows({ POOR: [4, 3, 2], PETITIONER: [1, 1, 1], OLD_PARTY_MEMBER: [1, 0, 1], OLD_CADRE: [1, 1, 0] })]);
    const bad = (vars: Record<string, unknown>, viewer?: Viewer, codes = [D_DONGYING]) => t.failure(Q, { ...divisions(codes), ...vars }, viewer);
    expect(await bad({ from: '2026-05-01', to: '2026-04-30' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'to' }]);
    expect(await bad({ c: campaign, to: '2026-04-30' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'to' }]);
    expect(await bad({ c: 'no-such-campaign' })).toEqual([{ code: 'NOT_FOUND', field: 'campaignId' }]);
    // A campaign of 东营区 is not seen from 河口区.
    expect(await bad({ c: campaign }, hekouAnalyst, [D_HEKOU])).toEqual([{ code: 'NOT_FOUND', field: 'campaignId' }]);
  });

  it("gives the counts to every role that reads people data, in its scope; null for PARTNER and outside the scope", async () => {
    const readers: Viewer[] = [
      { sub: 'analyst', role: 'ANALYST', scope: null },
      { sub: 'dept', role: 'DEPARTMENT', scope: null, departmentId: 'D1' },
      { sub: 'cadre', role: 'CADRE', scope: null, cadreId: 'c2' },
    ];
    for (const viewer of readers) expect([viewer.role, await tagsOf([CITY, D_HEKOU], {}, viewer)]).toEqual([viewer.role, [city, hekou]]);
    expect(await tagsOf([CITY, D_DONGYING, D_HEKOU, A], {}, dongyingAnalyst)).toEqual([null, dongying, null, inA]);
    expect(await tagsOf([CITY, D_DONGYING], {}, { sub: 'partner', role: 'PARTNER', scope: null })).toEqual([null, null]);
    // The analyst reads the aggregate, and still no household's tags.
    expect((await t.ok(`{ household(id: "H1") { tags } }`, {}, dongyingAnalyst)).household).toEqual({ tags: [] });
  });

  it('sends one statement per prefix length, whatever the number of divisions or households', async () => {
    const count = async (codes: string[]) => (await countStatements(() => t.ok(Q, divisions(codes)))).statements;
    expect(await count([D_DONGYING])).toBe(1);
    expect(await count([D_DONGYING, D_HEKOU])).toBe(1);
    expect(await count([CITY, D_DONGYING, D_HEKOU, T1, A, B])).toBe(4);
    // 300 more households in C, every one POOR, every other one linked, every third visited this year.
    const extra = Array.from({ length: 300 }, (_, i) => `HX${String(i).padStart(3, '0')}`);
    await t.people.ds.transaction(async (em) => {
      await insertInChunks(em, Household, extra.map((id) => ({ id, divisionCode: C, unitId: null, headId: null, version: 1 })));
      await insertInChunks(em, HouseholdTagRow, extra.map((householdId) => ({ householdId, tag: 'POOR' as const, divisionCode: C })));
      await insertInChunks(em, Liaison, extra.filter((_, i) => i % 2 === 0).map((targetId) => ({
        id: `L-${targetId}`, cadreId: 'c6', targetType: 'Household' as const, targetId, divisionCode: C, role: 'MEMBER' as const, since: '2026-01-01', until: null,
        openKey: openKeyOf({ cadreId: 'c6', targetType: 'Household', targetId, role: 'MEMBER' }), version: 1,
      })));
      await insertInChunks(em, Visit, extra.filter((_, i) => i % 3 === 0).map((targetId) => ({
        id: `V-${targetId}`, date: '2026-02-01', kind: 'HOME_VISIT' as const, targetType: 'Household' as const, targetId, divisionCode: C, notes: null, version: 1,
      })));
    });
    const after = await countStatements(() => t.ok(Q, divisions([D_DONGYING, D_HEKOU])));
    expect(after.statements).toBe(1);
    expect(after.result._entities.map((d: { householdTags: unknown }) => d.householdTags)).toEqual([dongying, rows({ POOR: [301, 150, 101], MILITARY_FAMILY: [1, 0, 1] })]);
  });
});
