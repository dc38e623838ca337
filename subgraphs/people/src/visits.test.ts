import { countStatements, describeEachDatabase, type OperationResult } from '@cadres/kit/src/testing';
import { YEAR, byId, demo, household, newestFirst, world, useDemoPeople, visitsOf } from './testing';

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

    const mine = await ok(`query($id: ID!) { household(id: $id) { visits(from: "2026-06-30", to: "2026-07-01") { totalCount nodes { date } } } }`, { id: household.id });
    const expected = [{ date: '2026-07-01' }, ...visitsOf(household.id).filter((v) => v.date === '2026-06-30').map(() => ({ date: '2026-06-30' }))];
    expect(mine.household.visits).toEqual({ totalCount: expected.length, nodes: expected });
    const theirs = await ok(`query($id: ID!) { cadre(id: $id) { visits(from: "2026-07-01") { totalCount nodes { date kind } } } }`, { id: pair[0] });
    expect(theirs.cadre.visits).toEqual({ totalCount: 1, nodes: [{ date: '2026-07-01', kind: 'HOME_VISIT' }] });
  });
});
