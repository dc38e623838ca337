import type { Viewer } from '@cadres/kit';
import { describeEachDatabase, expectIdempotentCreate } from '@cadres/kit/src/testing';
import { D_DONGYING, D_HEKOU, useSmallWorld } from './small-world';

const dongyingAdmin: Viewer = { sub: 'admin-dy', role: 'ADMIN', scope: D_DONGYING };
const hekouAnalyst: Viewer = { sub: 'analyst-hk', role: 'ANALYST', scope: D_HEKOU };
const partner: Viewer = { sub: 'partner', role: 'PARTNER', scope: null };

const FIELDS = `id name divisionCode from to phases { name from to } version
  rules { householdsPerCadre visitsPerHousehold cadresPerHomeVisit cadresPerBuildingUnit rankedLiaisonRanks areaLeadCovers }
  departments { totalCount nodes { id } } departmentsNotStarted { totalCount nodes { id } }`;
const CREATE = `mutation($input: CampaignInput!, $key: String) { createCampaign(input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
/** 三解三促 in 东营区, March and April 2026: DC, D1, D2 and D4 take part; D4's cadre c8 never visits. */
const sanjie = {
  name: '三解三促', divisionCode: D_DONGYING, from: '2026-03-01', to: '2026-04-30',
  phases: [{ name: '动员部署', from: '2026-03-01', to: '2026-03-10' }, { name: '解决问题', from: '2026-03-11', to: '2026-04-30' }],
  departmentIds: ['D4', 'D1', 'DC', 'D2'],
};

describeEachDatabase('campaigns', (db) => {
  const t = useSmallWorld(db);

  it('creates a campaign with default rules, its departments and those not started; reads, lists and updates it in scope', async () => {
    const created = (await t.ok(CREATE, { input: sanjie }, dongyingAdmin)).createCampaign;
    expect(created).toEqual({
      id: created.id, name: '三解三促', divisionCode: D_DONGYING, from: '2026-03-01', to: '2026-04-30', phases: sanjie.phases, version: 1,
      rules: { householdsPerCadre: 5, visitsPerHousehold: 4, cadresPerHomeVisit: 2, cadresPerBuildingUnit: 2, rankedLiaisonRanks: ['COUNTY_LEVEL', 'SECTION_LEVEL'], areaLeadCovers: false },
      departments: { totalCount: 4, nodes: [{ id: 'D1' }, { id: 'D2' }, { id: 'D4' }, { id: 'DC' }] },
      // DC (c1 on V3), D1 (V1, V2, V4) and D2 (V3, V4) visited in March or April; D4 never did.
      departmentsNotStarted: { totalCount: 1, nodes: [{ id: 'D4' }] },
    });
    const hekou = (await t.ok(CREATE, { input: { name: '晋位争先', divisionCode: D_HEKOU, from: '2026-05-01', to: '2026-12-31', departmentIds: ['D3'], rules: { visitsPerHousehold: 2, rankedLiaisonRanks: ['STAFF', 'CITY_LEVEL'] } } })).createCampaign;
    expect(hekou.rules).toMatchObject({ visitsPerHousehold: 2, rankedLiaisonRanks: ['CITY_LEVEL', 'STAFF'] });
    expect(hekou.departmentsNotStarted).toEqual({ totalCount: 0, nodes: [] }); // D3's c5 visited on 20 May

    const LIST = `query($code: ID, $on: Date) { campaigns(divisionCode: $code, activeOn: $on) { totalCount nodes { id } } }`;
    expect((await t.ok(LIST)).campaigns).toEqual({ totalCount: 2, nodes: [{ id: hekou.id }, { id: created.id }] });
    expect((await t.ok(LIST, { on: '2026-04-30' })).campaigns.nodes).toEqual([{ id: created.id }]);
    expect((await t.ok(LIST, { code: D_HEKOU })).campaigns.nodes).toEqual([{ id: hekou.id }]);
    // appliesTo: run by the division or one above it; a village of 东营区 is under 东营区's campaign only.
    const APPLIES = `query($to: ID) { campaigns(appliesTo: $to) { totalCount nodes { id } } }`;
    expect((await t.ok(APPLIES, { to: '370502001001' })).campaigns.nodes).toEqual([{ id: created.id }]);
    expect((await t.ok(APPLIES, { to: D_DONGYING })).campaigns.nodes).toEqual([{ id: created.id }]);
    expect((await t.ok(APPLIES, { to: '370503100201' })).campaigns.nodes).toEqual([{ id: hekou.id }]);
    expect((await t.ok(APPLIES, { to: '370500000000' })).campaigns).toEqual({ totalCount: 0, nodes: [] });
    expect(await t.failure(APPLIES, { to: '3705' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'appliesTo' }]);
    expect((await t.ok(LIST, {}, hekouAnalyst)).campaigns.nodes).toEqual([{ id: hekou.id }]);
    expect((await t.ok(LIST, {}, partner)).campaigns).toEqual({ totalCount: 0, nodes: [] });
    expect((await t.ok(`{ campaign(id: "${created.id}") { id } }`, {}, hekouAnalyst)).campaign).toBeNull();

    const UPDATE = `mutation($id: ID!, $v: Int!, $input: CampaignInput!) { updateCampaign(id: $id, expectedVersion: $v, input: $input) { version to departments { nodes { id } } } }`;
    const moved = { ...sanjie, to: '2026-05-31', departmentIds: ['D1'] };
    expect((await t.ok(UPDATE, { id: created.id, v: 1, input: moved }, dongyingAdmin)).updateCampaign).toEqual({ version: 2, to: '2026-05-31', departments: { nodes: [{ id: 'D1' }] } });
    expect(await t.failure(UPDATE, { id: created.id, v: 1, input: moved }, dongyingAdmin)).toEqual([{ code: 'CONFLICT', field: 'expectedVersion' }]);
    expect(await t.failure(UPDATE, { id: hekou.id, v: 1, input: moved }, dongyingAdmin)).toEqual([{ code: 'FORBIDDEN', field: 'id' }]);
  });

  it('refuses what the rules, the scope and the roles do not allow', async () => {
    const cases: [Record<string, unknown>, Viewer | undefined, { code: string; field?: string }][] = [
      [{ to: '2026-02-01' }, undefined, { code: 'BAD_USER_INPUT', field: 'input.to' }],
      [{ divisionCode: '370502001001' }, undefined, { code: 'BAD_USER_INPUT', field: 'input.divisionCode' }],
      [{ phases: [{ name: '考核评议', from: '2026-04-01', to: '2026-05-10' }] }, undefined, { code: 'BAD_USER_INPUT', field: 'input.phases.0' }],
      [{ rules: { visitsPerHousehold: 0 } }, undefined, { code: 'BAD_USER_INPUT', field: 'input.rules.visitsPerHousehold' }],
      [{ rules: { rankedLiaisonRanks: [] } }, undefined, { code: 'BAD_USER_INPUT', field: 'input.rules.rankedLiaisonRanks' }],
      [{ departmentIds: ['D3'] }, undefined, { code: 'BAD_USER_INPUT', field: 'input.departmentIds' }],
      [{ departmentIds: ['nope'] }, undefined, { code: 'NOT_FOUND', field: 'input.departmentIds' }],
      [{ divisionCode: D_HEKOU, departmentIds: [] }, dongyingAdmin, { code: 'FORBIDDEN', field: 'input.divisionCode' }],
      [{}, hekouAnalyst, { code: 'FORBIDDEN' }],
      [{}, { sub: 'cadre', role: 'CADRE', scope: D_DONGYING, cadreId: 'c2' }, { code: 'FORBIDDEN' }],
    ];
    for (const [change, viewer, expected] of cases) {
      expect([change, await t.failure(CREATE, { input: { ...sanjie, ...change } }, viewer)]).toEqual([change, [{ field: undefined, ...expected }]]);
    }
  });

  it('creates at most once per idempotency key', async () => {
    await expectIdempotentCreate(t.people, {
      mutation: `mutation($input: CampaignInput!, $key: String) { createCampaign(input: $input, idempotencyKey: $key) { id } }`,
      variables: { input: sanjie },
      otherContent: { input: { ...sanjie, name: '晋位争先' } },
      field: 'createCampaign',
      count: async () => (await t.ok('{ campaigns { totalCount } }')).campaigns.totalCount,
    });
  });
});
