import { countStatements, describeEachDatabase, type OperationResult } from '@cadres/kit/src/testing';
import { Visit, VisitCadre } from './entities';
import { YEAR, buildingDivision, byId, demo, household, newestFirst, world, useDemoPeople, visitsOf } from './testing';

describeEachDatabase('people subgraph: visits', (db) => {
  const t = useDemoPeople(db);
  const { ok, asUser } = t;

  it('sends the same number of statements for the visits of 10 cadres as of 500', async () => {
    const q = (n: number) => `{ cadres(rank: STAFF, first: ${n}) { nodes { id visits(from: "2026-01-01", to: "2026-03-31", first: 20) { totalCount nodes { id date cadres { id } target { __typename ... on Household { id } } } } } } }`;
    const small = await countStatements(() => ok(q(10)));
    const large = await countStatements(() => ok(q(500)));
    expect(large.statements).toBe(small.statements);
    const cadreId = world.cadres.filter((c) => c.rank === 'STAFF').sort(byId)[0].id;
    const expected = demo.visits.filter((v) => v.cadreIds.includes(cadreId) && v.date >= '2026-01-01' && v.date <= '2026-03-31').sort(newestFirst);
    expect(large.result.cadres.nodes[0]).toEqual({
      id: cadreId,
      visits: {
        totalCount: expected.length,
        nodes: expected.slice(0, 20).map((v) => ({
          id: v.id,
          date: v.date,
          cadres: v.cadreIds.map((id) => ({ id })),
          target: v.targetType === 'Household' ? { __typename: 'Household', id: v.targetId } : { __typename: v.targetType },
        })),
      },
    });
  });

  it('records visits under the rules: 2 cadres for home and building visits, no future dates', async () => {
    const pair = demo.visits.find((v) => v.targetId === household.id)!.cadreIds;
    const visit = (kind: string, date: string, cadreIds: string[], targetType: string, targetId: string) =>
      asUser(
        `mutation($k: VisitKind!, $d: Date!, $c: [ID!]!, $t: String!, $id: ID!) { recordVisit(kind: $k, date: $d, cadreIds: $c, targetType: $t, targetId: $id, notes: " 了解情况 ") {
           id date kind notes cadres { id } target { __typename ... on Household { id visitsThisYear } ... on BuildingUnit { id } ... on Division { code } } } }`,
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
      recordVisit: { id: expect.any(String), date: '2026-07-01', kind: 'HOME_VISIT', notes: '了解情况', cadres: [...pair].sort().map((id) => ({ id })), target: { __typename: 'Household', id: household.id, visitsThisYear: before + 1 } },
    });
    const unit = await visit('FORUM', '2026-06-20', pair, 'BuildingUnit', world.units[0].id);
    expect(unit.data?.recordVisit.target).toEqual({ __typename: 'BuildingUnit', id: world.units[0].id });
    const forum = await visit('RESEARCH', '2026-06-20', [pair[0]], 'Division', '370502000000');
    expect(forum.data?.recordVisit.target).toEqual({ __typename: 'Division', code: '370502000000' });
    // Where each lies and its person-times, kept on the visit and beside its cadres for activity.
    const stored = async (id: string) => {
      const v = await t.people.ds.getRepository(Visit).findOneByOrFail({ id });
      const cadres = await t.people.ds.getRepository(VisitCadre).findBy({ visitId: id });
      return [v.divisionCode, v.cadreCount, cadres.map((c) => c.divisionCode)];
    };
    expect(await stored(home.data?.recordVisit.id)).toEqual([household.divisionCode, 2, [household.divisionCode, household.divisionCode]]);
    expect(await stored(forum.data?.recordVisit.id)).toEqual(['370502000000', 1, ['370502000000']]);

    const mine = await ok(`query($id: ID!) { household(id: $id) { visits(from: "2026-06-30", to: "2026-07-01") { totalCount nodes { date } } } }`, { id: household.id });
    const expected = [{ date: '2026-07-01' }, ...visitsOf(household.id).filter((v) => v.date === '2026-06-30').map(() => ({ date: '2026-06-30' }))];
    expect(mine.household.visits).toEqual({ totalCount: expected.length, nodes: expected });
    const theirs = await ok(`query($id: ID!) { cadre(id: $id) { visits(from: "2026-07-01") { totalCount nodes { date kind } } } }`, { id: pair[0] });
    expect(theirs.cadre.visits).toEqual({ totalCount: 1, nodes: [{ date: '2026-07-01', kind: 'HOME_VISIT' }] });
  });

  it('refuses a target that does not fit the kind, for every kind, with the field at fault; records one that fits', async () => {
    // One target of each type, all in the district of the household's cadres' visits (the stand-in knows P-0001).
    const pair = demo.visits.find((v) => v.targetId === household.id)!.cadreIds;
    const targets: Record<string, string> = {
      Household: household.id,
      BuildingUnit: world.units[0].id,
      Enterprise: world.enterprises[0].id,
      Project: 'P-0001',
      Division: household.divisionCode,
    };
    const fits: Record<string, string[]> = {
      HOME_VISIT: ['Household'],
      BUILDING_SWEEP: ['BuildingUnit'],
      ENTERPRISE_VISIT: ['Enterprise'],
      CONDOLENCE: ['Household', 'Enterprise'],
      STATIONED: ['Division', 'Enterprise'],
      PARTY_DAY: ['Division', 'Enterprise'],
      SITE_VISIT: ['Project', 'Division'],
      RESEARCH: ['Division', 'Enterprise', 'Project'],
      FORUM: ['Division', 'BuildingUnit', 'Household', 'Enterprise', 'Project'],
    };
    const kinds = (await ok(`{ __type(name: "VisitKind") { enumValues { name } } }`)).__type.enumValues.map((v: { name: string }) => v.name);
    expect(Object.keys(fits).sort()).toEqual([...kinds].sort()); // a kind added later needs its row here
    const count = async () => (await t.people.ds.query('SELECT COUNT(*) AS n FROM visit'))[0].n;
    const before = Number(await count());
    const outcome: Record<string, Record<string, string>> = {};
    for (const kind of kinds) {
      outcome[kind] = {};
      for (const [type, id] of Object.entries(targets)) {
        const r = await asUser(
          `mutation($k: VisitKind!, $c: [ID!]!, $t: String!, $id: ID!) { recordVisit(kind: $k, date: "2026-06-10", cadreIds: $c, targetType: $t, targetId: $id) { kind target { __typename } } }`,
          { k: kind, c: pair, t: type, id },
        );
        outcome[kind][type] = r.errors ? r.errors.map((e) => `${e.extensions?.code} ${e.extensions?.field}`).join() : `${r.data!.recordVisit.kind} ${r.data!.recordVisit.target.__typename}`;
      }
    }
    const expected = Object.fromEntries(kinds.map((kind: string) => [
      kind,
      Object.fromEntries(Object.keys(targets).map((type) => [type, fits[kind].includes(type) ? `${kind} ${type}` : 'BAD_USER_INPUT targetType'])),
    ]));
    expect(outcome).toEqual(expected);
    const accepted = Object.values(fits).reduce((n, types) => n + types.length, 0);
    expect(Number(await count())).toBe(before + accepted); // nothing written when refused
    const refused = (await asUser(`mutation($c: [ID!]!, $p: ID!) { recordVisit(kind: ENTERPRISE_VISIT, date: "2026-06-10", cadreIds: $c, targetType: "Project", targetId: $p) { id } }`, { c: pair, p: 'P-0001' })).errors![0];
    expect(refused.message).toBe('targetType Project does not fit kind ENTERPRISE_VISIT, which goes to Enterprise');
  });

  it('records how many days a visit lasted, and the new kinds; lists the visits of an enterprise and a unit in scope only', async () => {
    const cadreId = demo.visits.find((v) => v.targetId === household.id)!.cadreIds[0];
    const enterprise = world.enterprises[0];
    const unitDistrict = buildingDivision.get(world.units[1].buildingId)!.slice(0, 6);
    const elsewhere = world.divisions.find((d) => d.level === 'DISTRICT' && !enterprise.divisionCode.startsWith(d.code.slice(0, 6)) && !d.code.startsWith(unitDistrict))!.code;
    const visit = (kind: string, date: string, targetType: string, targetId: string, days?: number) =>
      asUser(
        `mutation($k: VisitKind!, $d: Date!, $c: [ID!]!, $t: String!, $id: ID!, $days: Int) { recordVisit(kind: $k, date: $d, cadreIds: $c, targetType: $t, targetId: $id, days: $days) { id kind date days } }`,
        { k: kind, d: date, c: [cadreId], t: targetType, id: targetId, days },
      );
    const errors = async (r: Promise<OperationResult>) => (await r).errors?.map((e) => e.extensions);
    for (const days of [0, 367]) expect(await errors(visit('STATIONED', '2026-01-05', 'Enterprise', enterprise.id, days))).toEqual([{ code: 'BAD_USER_INPUT', field: 'days' }]);
    // 2026-06-25 + 7 days ends on 1 July, today; 8 would end tomorrow.
    expect(await errors(visit('STATIONED', '2026-06-25', 'Enterprise', enterprise.id, 8))).toEqual([{ code: 'BAD_USER_INPUT', field: 'days' }]);
    const stay = (await visit('STATIONED', '2026-06-25', 'Enterprise', enterprise.id, 7)).data?.recordVisit;
    expect(stay).toMatchObject({ kind: 'STATIONED', date: '2026-06-25', days: 7 });
    const condolence = (await visit('CONDOLENCE', '2026-06-26', 'Enterprise', enterprise.id)).data?.recordVisit;
    expect(condolence).toMatchObject({ kind: 'CONDOLENCE', days: 1 });
    const sweep = (await asUser(
      `mutation($c: [ID!]!, $u: ID!) { recordVisit(kind: BUILDING_SWEEP, date: "2026-06-27", cadreIds: $c, targetType: "BuildingUnit", targetId: $u) { id kind days } }`,
      { c: demo.visits.find((v) => v.targetId === household.id)!.cadreIds, u: world.units[1].id },
    )).data?.recordVisit;
    expect(sweep).toMatchObject({ kind: 'BUILDING_SWEEP', days: 1 });

    const q = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Enterprise { visits(from: "2026-06-25") { totalCount nodes { id kind days } } }
      ... on BuildingUnit { unitVisits: visits(from: "2026-06-27", to: "2026-06-27") { totalCount nodes { id kind days } } } } }`;
    const r = { r: [{ __typename: 'Enterprise', id: enterprise.id }, { __typename: 'BuildingUnit', id: world.units[1].id }] };
    expect((await ok(q, r))._entities).toEqual([
      { visits: { totalCount: 2, nodes: [{ id: condolence.id, kind: 'CONDOLENCE', days: 1 }, { id: stay.id, kind: 'STATIONED', days: 7 }] } },
      { unitVisits: { totalCount: 1, nodes: [{ id: sweep.id, kind: 'BUILDING_SWEEP', days: 1 }] } },
    ]);
    // Another district's token sees none of them; the hotline reads no visits at all.
    const none = { totalCount: 0, nodes: [] };
    expect((await ok(q, r, { sub: 'a', role: 'ANALYST', scope: elsewhere }))._entities).toEqual([{ visits: none }, { unitVisits: none }]);
    expect((await ok(q, r, { sub: 'p', role: 'PARTNER', scope: null }))._entities).toEqual([{ visits: null }, { unitVisits: null }]);

    const counted = await countStatements(() => ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { visits(first: 5) { totalCount nodes { id days cadres { id } } } } } }`, { r: world.enterprises.slice(0, 10).map((e) => ({ __typename: 'Enterprise', id: e.id })) }));
    const more = await countStatements(() => ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { visits(first: 5) { totalCount nodes { id days cadres { id } } } } } }`, { r: world.enterprises.slice(0, 200).map((e) => ({ __typename: 'Enterprise', id: e.id })) }));
    expect(more.statements).toBe(counted.statements);
  });
});
