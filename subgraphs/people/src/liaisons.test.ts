import type { Viewer } from '@cadres/kit';
import { adminViewer, describeEachDatabase, type OperationResult } from '@cadres/kit/src/testing';
import { allLiaisons, buildingDivision, demo, grassroots, analyst, outcomes, useDemoPeople, world } from './testing';

describeEachDatabase('people subgraph: liaison links', (db) => {
  const t = useDemoPeople(db);
  const { ok, asUser, failure } = t;

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
    const r = await ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { liaisons { cadre { id } role } } ... on Project { liaisons { cadre { id } } } ... on BuildingUnit { liaisons { cadre { id } } } } }`, {
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
    const mine = await ok(`{ cadre(id: "C-00001") { liaisons { since target { __typename } } } }`);
    const fresh = mine.cadre.liaisons.filter((l: { since: string }) => l.since === '2026-06-01');
    expect(fresh.map((l: { target: { __typename: string } }) => l.target.__typename).sort()).toEqual(cases.map(([t]) => t).sort());
    expect(mine.cadre.liaisons.slice(-5)).toEqual(fresh);
    // the unit's division was recorded: coverage of its community counts the link
    const [row] = await t.people.ds.query(`SELECT divisionCode FROM liaison WHERE targetType = 'BuildingUnit' AND targetId = ? AND cadreId = 'C-00001'`, [unit]);
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
    const anonymous = await t.people.server.executeOperation(
      { query: `mutation { linkCadre(cadreId: "C-00001", targetType: "BuildingUnit", targetId: "${target}", role: MEMBER) { id } }` },
      { contextValue: t.people.context(adminViewer) },
    );
    expect(anonymous.body.kind === 'single' && anonymous.body.singleResult.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('unlinks by setting until, never deleting; the link can then be made again', async () => {
    const village = unlinked('C-00002', 'Division', grassroots.filter((d) => d.level === 'VILLAGE').map((d) => d.code))[1];
    const created = (await link('Division', village, 'C-00002')).data!.linkCadre;
    const rows = async () => Number((await t.people.ds.query('SELECT COUNT(*) AS n FROM liaison'))[0].n);
    const before = await rows();
    const unlink = (extra = '') => asUser(`mutation($id: ID!) { unlinkCadre(liaisonId: $id${extra}) { id until version } }`, { id: created.id });
    expect((await unlink(', expectedVersion: 7')).errors?.map((e) => e.extensions)).toEqual([{ code: 'CONFLICT', field: 'expectedVersion' }]);
    expect((await unlink(', until: "2026-05-01"')).errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'until' }]);
    expect((await unlink(', expectedVersion: 1')).data).toEqual({ unlinkCadre: { id: created.id, until: '2026-07-01', version: 2 } });
    expect((await unlink()).errors?.map((e) => e.extensions)).toEqual([{ code: 'CONFLICT', field: 'liaisonId' }]);
    expect(await rows()).toBe(before);
    const active = await ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { liaisons { id } } } }`, { r: [{ __typename: 'Division', code: village }] });
    expect(active._entities[0].liaisons.map((l: { id: string }) => l.id)).not.toContain(created.id);
    expect((await link('Division', village, 'C-00002')).errors).toBeUndefined();
    expect(await failure(`mutation { unlinkCadre(liaisonId: "L-nope") { id } }`)).toEqual([{ code: 'NOT_FOUND', field: 'liaisonId' }]);
  });

  it('lets exactly one of several concurrent identical links through', async () => {
    const village = unlinked('C-00004', 'Division', grassroots.map((d) => d.code))[2];
    const links = await Promise.all(Array.from({ length: 5 }, () => link('Division', village, 'C-00004', 'LEAD')));
    expect(outcomes(links)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'ok']);
  });
});
