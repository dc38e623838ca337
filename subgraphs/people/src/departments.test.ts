import type { Viewer } from '@cadres/kit';
import { countStatements, describeEachDatabase, expectIdempotentCreate } from '@cadres/kit/src/testing';
import { Cadre } from './entities';
import { CITY, D_DONGYING, D_HEKOU, T1, useSmallWorld } from './small-world';

const dongyingAdmin: Viewer = { sub: 'admin-dy', role: 'ADMIN', scope: D_DONGYING };
const hekouAnalyst: Viewer = { sub: 'analyst-hk', role: 'ANALYST', scope: D_HEKOU };
const partner: Viewer = { sub: 'partner', role: 'PARTNER', scope: null };
const cadre: Viewer = { sub: 'cadre', role: 'CADRE', scope: D_DONGYING, cadreId: 'c2' };

const LIST = `query($code: ID, $search: String, $first: Int, $after: String) {
  departments(divisionCode: $code, search: $search, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
const ids = (r: Record<string, any>): string[] => r.departments.nodes.map((n: { id: string }) => n.id);

describeEachDatabase('departments', (db) => {
  const t = useSmallWorld(db);

  it('lists the subtree by id, searches, pages, and shows each reader only what it sees', async () => {
    expect(ids(await t.ok(LIST))).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'DC']);
    expect(ids(await t.ok(LIST, { code: D_DONGYING }))).toEqual(['D1', 'D2', 'D4', 'D5']);
    expect(ids(await t.ok(LIST, { code: T1 }))).toEqual(['D2', 'D5']);
    expect(ids(await t.ok(LIST, { search: '民政' }))).toEqual(['D1', 'D3']);
    const page = await t.ok(LIST, { first: 2 });
    expect(page.departments).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true }, nodes: [{ id: 'D1' }, { id: 'D2' }] });
    expect(ids(await t.ok(LIST, { first: 2, after: page.departments.pageInfo.endCursor }))).toEqual(['D3', 'D4']);
    // A district sees its own departments and the city's, never the sibling district's.
    expect(ids(await t.ok(LIST, {}, hekouAnalyst))).toEqual(['D3', 'DC']);
    expect(ids(await t.ok(LIST, { code: D_DONGYING }, hekouAnalyst))).toEqual([]);
    expect(await t.ok(LIST, {}, partner)).toEqual({ departments: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } });
    expect(await t.failure(LIST, { code: '3705' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'divisionCode' }]);
  });

  it('registers and updates a department with versions, its leader and validation', async () => {
    const REGISTER = `mutation($name: String!, $code: ID!, $leader: ID, $key: String) {
      registerDepartment(name: $name, divisionCode: $code, leaderCadreId: $leader, idempotencyKey: $key) { id name divisionCode version leader { id } } }`;
    const created = (await t.ok(REGISTER, { name: ' 东营区教育局 ', code: D_DONGYING, leader: 'c2' }, dongyingAdmin)).registerDepartment;
    expect(created).toMatchObject({ name: '东营区教育局', divisionCode: D_DONGYING, version: 1, leader: { id: 'c2' } });

    const failures: [Record<string, unknown>, Viewer, { code: string; field?: string }][] = [
      [{ name: '东营区教育局', code: D_DONGYING }, dongyingAdmin, { code: 'CONFLICT', field: 'name' }],
      [{ name: '甲社区办', code: '370502001001' }, dongyingAdmin, { code: 'BAD_USER_INPUT', field: 'divisionCode' }],
      [{ name: ' ', code: D_DONGYING }, dongyingAdmin, { code: 'BAD_USER_INPUT', field: 'name' }],
      [{ name: '河口区教育局', code: D_HEKOU }, dongyingAdmin, { code: 'FORBIDDEN', field: 'divisionCode' }],
      [{ name: '市教育局', code: CITY }, dongyingAdmin, { code: 'FORBIDDEN', field: 'divisionCode' }],
      [{ name: '东营区文旅局', code: D_DONGYING, leader: 'c5' }, dongyingAdmin, { code: 'FORBIDDEN', field: 'leaderCadreId' }],
      [{ name: '东营区文旅局', code: D_DONGYING, leader: 'nobody' }, dongyingAdmin, { code: 'NOT_FOUND', field: 'leaderCadreId' }],
      [{ name: '东营区文旅局', code: D_DONGYING }, cadre, { code: 'FORBIDDEN' }],
      [{ name: '东营区文旅局', code: D_DONGYING }, hekouAnalyst, { code: 'FORBIDDEN' }],
    ];
    for (const [vars, viewer, expected] of failures) expect([vars, await t.failure(REGISTER, vars, viewer)]).toEqual([vars, [{ field: undefined, ...expected }]]);

    const UPDATE = `mutation($id: ID!, $v: Int!, $name: String, $leader: ID) {
      updateDepartment(id: $id, expectedVersion: $v, name: $name, leaderCadreId: $leader) { id name version leader { id } } }`;
    expect((await t.ok(UPDATE, { id: created.id, v: 1, name: '东营区教育和体育局' }, dongyingAdmin)).updateDepartment).toEqual({
      id: created.id, name: '东营区教育和体育局', version: 2, leader: { id: 'c2' },
    });
    expect((await t.ok(UPDATE, { id: created.id, v: 2, leader: null }, dongyingAdmin)).updateDepartment).toMatchObject({ version: 3, leader: null });
    expect(await t.failure(UPDATE, { id: created.id, v: 2, name: '又一个' }, dongyingAdmin)).toEqual([{ code: 'CONFLICT', field: 'expectedVersion' }]);
    expect(await t.failure(UPDATE, { id: 'D3', v: 1, name: '河口区民政局二' }, dongyingAdmin)).toEqual([{ code: 'FORBIDDEN', field: 'id' }]);
    expect(await t.failure(UPDATE, { id: 'D4', v: 1, name: '东营区民政局' }, dongyingAdmin)).toEqual([{ code: 'CONFLICT', field: 'name' }]);
    expect(await t.failure(UPDATE, { id: 'nope', v: 1 }, dongyingAdmin)).toEqual([{ code: 'NOT_FOUND', field: 'id' }]);
    expect((await t.ok(`{ department(id: "${created.id}") { name version leader { id } } }`)).department).toEqual({ name: '东营区教育和体育局', version: 3, leader: null });
  });

  it('registers at most once per idempotency key', async () => {
    await expectIdempotentCreate(t.people, {
      mutation: `mutation($name: String!, $key: String) { registerDepartment(name: $name, divisionCode: "${T1}", idempotencyKey: $key) { id } }`,
      variables: { name: '文汇街道综治办' },
      otherContent: { name: '文汇街道党建办' },
      // Another caller's department needs a name of its own (a name is unique in its division).
      otherCallerContent: { name: '文汇街道宣传办' },
      field: 'registerDepartment',
      count: async () => (await t.ok(`{ departments(divisionCode: "${T1}") { totalCount } }`)).departments.totalCount,
    });
  });

  it('answers Department.cadreIds (what issues totals ratings by): every cadre, by id, one statement for any number of departments, seen as Department.cadres', async () => {
    // A cadre registered after the others, with the smallest id: the order is the id's, not the insertion's.
    await t.people.ds.getRepository(Cadre).insert({ id: 'c0', name: '干部c0', cadreRank: 'SECTION_LEVEL', departmentId: 'D3', partyMember: false, phone: null, version: 1 });
    const Q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { id cadreIds cadres(first: 1) { totalCount } } } }`;
    const IDS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { cadreIds } } }`;
    const reps = (list: string[]) => ({ r: list.map((id) => ({ __typename: 'Department', id })) });
    const one = await countStatements(() => t.ok(IDS, reps(['D1'])));
    const many = await countStatements(() => t.ok(IDS, reps(['D3', 'D1', 'DC', 'D5', 'D4', 'nope'])));
    expect(one.result._entities).toEqual([{ cadreIds: ['c2', 'c3'] }]);
    expect(many.result._entities).toEqual([{ cadreIds: ['c0', 'c5', 'c6', 'c7'] }, { cadreIds: ['c2', 'c3'] }, { cadreIds: ['c1'] }, { cadreIds: [] }, { cadreIds: ['c8'] }, null]);
    expect([one.statements, many.statements]).toEqual([2, 2]); // the departments, then all their cadres
    // 河口区 sees its own department and the city's with their cadres, as Department.cadres shows them; not 东营区's. PARTNER sees none.
    expect((await t.ok(Q, reps(['D3', 'D1', 'DC']), hekouAnalyst))._entities).toEqual([
      { id: 'D3', cadreIds: ['c0', 'c5', 'c6', 'c7'], cadres: { totalCount: 4 } },
      null,
      { id: 'DC', cadreIds: ['c1'], cadres: { totalCount: 1 } },
    ]);
    expect((await t.ok(Q, reps(['D3', 'DC']), partner))._entities).toEqual([null, null]);
  });
});
