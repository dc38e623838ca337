import { insertInChunks, type Subgraph } from '@cadres/kit';
import { type DemoWorld } from '@cadres/demo';
import { countStatements, createTestSubgraph, data, describeEachDatabase } from '@cadres/kit/src/testing';
import { subgraph as placesSubgraph } from '@cadres/places';
import { Cadre, Department, Liaison, openKeyOf } from './entities';
import { subgraph as peopleSubgraph } from './server';

/**
 * 包片 (areaLeadCovers) on a world counted by hand. District 东营区 (370502) with three townships:
 *
 *   T1 (370502001000): A (…001) own LEAD K1 (SECTION_LEVEL), B (…002) and C (…201) no own liaison;
 *                      T1 has an active AREA_LEAD of K2 (SECTION_LEVEL)          → with the rule: A B C
 *   T2 (370502002000): D (…001) no own liaison; AREA_LEAD of S1 (STAFF, unranked) → never covered
 *   T3 (370502003000): F (…001) no own liaison; AREA_LEAD of K3 (COUNTY_LEVEL) that ended in 2025 → never
 *
 * Rule off: 5 villages, 1 covered (A), uncovered B C D F. Rule on: 3 covered (A B C), uncovered D F.
 */
const NOW = new Date('2026-07-01T02:00:00Z');
const DISTRICT = '370502000000';
const [T1, T2, T3] = ['370502001000', '370502002000', '370502003000'];
const [A, B, C] = ['370502001001', '370502001002', '370502001201'];
const D = '370502002001';
const F = '370502003001';

const division = (code: string, name: string, level: string, parentCode: string | null) => ({ code, name, level, parentCode, population: level === 'VILLAGE' || level === 'COMMUNITY' ? 100 : null });
const miniWorld = {
  divisions: [
    division('370000000000', '山东省', 'PROVINCE', null),
    division('370500000000', '东营市', 'CITY', '370000000000'),
    division(DISTRICT, '东营区', 'DISTRICT', '370500000000'),
    division(T1, '文汇街道', 'TOWNSHIP', DISTRICT),
    division(T2, '黄河路街道', 'TOWNSHIP', DISTRICT),
    division(T3, '六户镇', 'TOWNSHIP', DISTRICT),
    division(A, '甲社区', 'COMMUNITY', T1),
    division(B, '乙社区', 'COMMUNITY', T1),
    division(C, '丙村', 'VILLAGE', T1),
    division(D, '丁社区', 'COMMUNITY', T2),
    division(F, '己村', 'VILLAGE', T3),
  ],
  buildings: [],
  units: [],
} as unknown as DemoWorld;

describeEachDatabase('coverage with 包片 (areaLeadCovers)', (db) => {
  let placesSg: Subgraph;
  let people: Subgraph;
  let campaignOn: string;
  let campaignOff: string;
  beforeAll(async () => {
    placesSg = await createTestSubgraph(placesSubgraph, db);
    await placesSg.seed(miniWorld);
    // People asks places itself for the lists of villages and units (and township sizes for 包片).
    people = await createTestSubgraph(peopleSubgraph, db, { now: () => NOW, peers: { places: (await placesSg.listen(0)).url } });
    await people.ds.transaction(async (em) => {
      await insertInChunks(em, Department, [{ id: 'D1', name: '东营区民政局', divisionCode: DISTRICT }]);
      await insertInChunks(
        em,
        Cadre,
        [
          ['K1', 'SECTION_LEVEL'],
          ['K2', 'SECTION_LEVEL'],
          ['K3', 'COUNTY_LEVEL'],
          ['S1', 'STAFF'],
        ].map(([id, cadreRank]) => ({ id, name: id, cadreRank, departmentId: 'D1', partyMember: true, phone: null, version: 1 })),
      );
      const link = (id: string, cadreId: string, targetId: string, role: Liaison['role'], until: string | null = null) => ({
        id, cadreId, targetType: 'Division' as const, targetId, divisionCode: targetId, role, since: '2025-01-01', until,
        openKey: until ? null : openKeyOf({ cadreId, targetType: 'Division', targetId, role }), version: 1,
      });
      await insertInChunks(em, Liaison, [
        link('L1', 'K1', A, 'LEAD'),
        link('L2', 'K2', T1, 'AREA_LEAD'),
        link('L3', 'S1', T2, 'AREA_LEAD'),
        link('L4', 'K3', T3, 'AREA_LEAD', '2025-12-31'),
      ]);
    });
    const CREATE = `mutation($input: CampaignInput!) { createCampaign(input: $input) { id rules { areaLeadCovers } } }`;
    const create = async (areaLeadCovers: boolean) => {
      const made = (await data(people, CREATE, { input: { name: `包片${areaLeadCovers}`, divisionCode: DISTRICT, from: '2026-01-01', to: '2026-12-31', rules: { areaLeadCovers } } })).createCampaign;
      expect(made.rules.areaLeadCovers).toBe(areaLeadCovers);
      return made.id as string;
    };
    campaignOn = await create(true);
    campaignOff = await create(false);
  });
  afterAll(async () => {
    await people?.stop();
    await placesSg?.stop();
  });

  const FIELDS = 'villagesAndCommunities withRankedLiaison uncovered(first: 10) { totalCount nodes { code } }';
  /** `field` (coverage or coverageIn(…)) of each code, as the gateway asks people: with the fields places provides. */
  const coverageOf = async (codes: string[], field: string) => {
    const fromPlaces = await data(placesSg, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code villageAndCommunityCount buildingUnitCount } } }`, {
      r: codes.map((code) => ({ __typename: 'Division', code })),
    });
    const reps = fromPlaces._entities.map((d: object) => ({ __typename: 'Division', ...d }));
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { c: ${field} { ${FIELDS} } } } }`;
    const { result, statements } = await countStatements(() => data(people, q, { r: reps }));
    return { got: result._entities.map((d: { c: unknown }) => d.c), statements };
  };
  const cov = (n: number, covered: number, uncovered: string[]) => ({ villagesAndCommunities: n, withRankedLiaison: covered, uncovered: { totalCount: uncovered.length, nodes: uncovered.map((code) => ({ code })) } });
  const codes = [DISTRICT, T1, T2, T3, B];

  it('with the rule off (Division.coverage, or a campaign without it) only a village’s own ranked liaison covers it', async () => {
    const off = [cov(5, 1, [B, C, D, F]), cov(3, 1, [B, C]), cov(1, 0, [D]), cov(1, 0, [F]), cov(1, 0, [B])];
    expect((await coverageOf(codes, 'coverage')).got).toEqual(off);
    expect((await coverageOf(codes, `coverageIn(campaignId: "${campaignOff}")`)).got).toEqual(off);
  });

  it('with the rule on, a ranked active AREA_LEAD of the township covers its villages; an unranked or ended one covers nothing', async () => {
    expect((await coverageOf(codes, `coverageIn(campaignId: "${campaignOn}")`)).got).toEqual([
      cov(5, 3, [D, F]), // A by its own liaison, B and C by K2's 包片 of T1
      cov(3, 3, []),
      cov(1, 0, [D]), // S1 is STAFF
      cov(1, 0, [F]), // K3's link ended
      cov(1, 1, []), // B alone: its township's AREA_LEAD covers it
    ]);
  });

  it('sends as many statements for three townships as for one', async () => {
    const field = `coverageIn(campaignId: "${campaignOn}")`;
    const one = await coverageOf([T1], field);
    const three = await coverageOf([T1, T2, T3], field);
    expect(three.statements).toBe(one.statements);
    // people: the campaign, own ranked liaisons, area-led townships; places, asked for uncovered: the division, its village codes
    expect(one.statements).toBe(5);
  });
});
