import type { Viewer } from '@cadres/kit';
import { countStatements, describeEachDatabase } from '@cadres/kit/src/testing';
import { LIAISON_FIELDS, allLiaisons, analyst, byId, bySinceThenId, grassroots, liaisonOut, useDemoPeople, world } from './testing';

describeEachDatabase('people subgraph: cadres', (db) => {
  const t = useDemoPeople(db);
  const { ok, asUser } = t;

  it('answers a cadre with its department and liaisons', async () => {
    const cadre = world.cadres.find((c) => world.villageLiaisons.filter((l) => l.cadreId === c.id).length === 2 && allLiaisons.some((l) => l.cadreId === c.id && l.targetType === 'BuildingUnit'))!;
    expect(new Set(allLiaisons.filter((l) => l.cadreId === cadre.id).map((l) => l.targetType))).toEqual(new Set(['Division', 'Household', 'BuildingUnit']));
    const dept = world.departments.find((d) => d.id === cadre.departmentId)!;
    const r = await ok(
      `query($id: ID!) { cadre(id: $id) { id name rank partyMember phone department { id name divisionCode } liaisons { ${LIAISON_FIELDS} } } }`,
      { id: cadre.id },
    );
    expect(r).toEqual({
      cadre: {
        id: cadre.id,
        name: cadre.name,
        rank: cadre.rank,
        partyMember: cadre.partyMember,
        phone: cadre.phone,
        department: dept,
        liaisons: allLiaisons.filter((l) => l.cadreId === cadre.id).sort(bySinceThenId).map(liaisonOut),
      },
    });
    expect(await ok(`{ cadre(id: "C-99999") { id } }`)).toEqual({ cadre: null });
  });

  it('masks a cadre phone for an analyst', async () => {
    const r = await ok(`{ cadre(id: "C-00001") { phone } }`, {}, analyst);
    const phone = world.cadres[0].phone;
    expect(r).toEqual({ cadre: { phone: `${phone.slice(0, 3)}****${phone.slice(-4)}` } });
  });

  it('filters cadres by department, rank and name, ordered by id', async () => {
    const dept = world.departments.find((d) => d.divisionCode === '370502000000')!;
    const staff = world.cadres.filter((c) => c.departmentId === dept.id && c.rank === 'STAFF').sort(byId);
    const r = await ok(`query($d: ID) { cadres(departmentId: $d, rank: STAFF, first: 500) { totalCount nodes { id name } pageInfo { hasNextPage } } }`, { d: dept.id });
    expect(r.cadres).toEqual({ totalCount: staff.length, nodes: staff.map(({ id, name }) => ({ id, name })), pageInfo: { hasNextPage: false } });

    const surname = world.cadres[5].name.slice(0, 1);
    const named = world.cadres.filter((c) => c.name.includes(surname)).sort(byId);
    const s = await ok(`query($s: String) { cadres(search: $s, first: 2) { totalCount nodes { id } pageInfo { hasNextPage } } }`, { s: surname });
    expect(s.cadres).toEqual({ totalCount: named.length, nodes: named.slice(0, 2).map(({ id }) => ({ id })), pageInfo: { hasNextPage: named.length > 2 } });

    const none = await ok(`{ cadres(search: "%") { totalCount nodes { id } } }`);
    expect(none.cadres).toEqual({ totalCount: 0, nodes: [] });
  });

  it('pages a department’s cadres with an opaque cursor', async () => {
    const dept = world.departments[0];
    const all = world.cadres.filter((c) => c.departmentId === dept.id).map((c) => c.id).sort();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await ok(`query($id: ID!, $after: String) { department(id: $id) { cadres(first: 3, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`, { id: dept.id, after });
      const c = r.department.cadres;
      expect(c.totalCount).toBe(all.length);
      seen.push(...c.nodes.map((n: { id: string }) => n.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it('registers a cadre with a normalized phone', async () => {
    const r = await ok(
      `mutation { registerCadre(name: " 王小明 ", rank: SECTION_LEVEL, departmentId: "D-370502-01", partyMember: true, phone: "+86 138-0013-8000") {
         name rank partyMember phone version department { id } liaisons { id } } }`,
    );
    expect(r).toEqual({
      registerCadre: { name: '王小明', rank: 'SECTION_LEVEL', partyMember: true, phone: '13800138000', version: 1, department: { id: 'D-370502-01' }, liaisons: [] },
    });
    const found = await ok(`{ cadres(search: "王小明") { totalCount nodes { name phone } } }`);
    expect(found.cadres).toEqual({ totalCount: 1, nodes: [{ name: '王小明', phone: '13800138000' }] });
  });

  it('refuses bad cadre input with the field, and writes nothing', async () => {
    const before = await t.people.ds.query('SELECT COUNT(*) AS n FROM cadre');
    const attempt = (args: string, viewer?: Viewer) =>
      asUser(`mutation { registerCadre(${args}) { id } }`, {}, viewer).then((r) => r.errors?.map((e) => e.extensions));
    const ok = 'rank: STAFF, partyMember: false';
    expect(await attempt(`name: "  ", departmentId: "D-370502-01", ${ok}`)).toEqual([{ code: 'BAD_USER_INPUT', field: 'name' }]);
    expect(await attempt(`name: "李四", departmentId: "D-370502-01", phone: "12345", ${ok}`)).toEqual([{ code: 'BAD_USER_INPUT', field: 'phone' }]);
    expect(await attempt(`name: "李四", departmentId: "D-nope", ${ok}`)).toEqual([{ code: 'NOT_FOUND', field: 'departmentId' }]);
    expect(await attempt(`name: "李四", departmentId: "D-370502-01", ${ok}`, analyst)).toEqual([{ code: 'FORBIDDEN' }]);
    expect(await t.people.ds.query('SELECT COUNT(*) AS n FROM cadre')).toEqual(before);
  });

  it('answers Division.liaisons for 1000 representations in as many statements as for 10', async () => {
    // Pad with valid codes nobody links, so that the batch really has 1000 keys.
    const codes = grassroots.map((d) => d.code);
    for (let i = 1; codes.length < 1000; i++) codes.push(`370599${String(100 + Math.floor(i / 200)).padStart(3, '0')}${String(1 + (i % 200)).padStart(3, '0')}`);
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code liaisons { ${LIAISON_FIELDS} cadre { name department { name } } } } } }`;
    const run = (list: string[]) => countStatements(() => ok(q, { r: list.map((code) => ({ __typename: 'Division', code })) }));
    const small = await run(codes.slice(0, 10));
    const large = await run(codes);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBe(3); // liaisons, cadres, departments
    const cadreOf = new Map(world.cadres.map((c) => [c.id, c]));
    const deptOf = new Map(world.departments.map((d) => [d.id, d]));
    expect(large.result._entities).toEqual(
      codes.map((code) => ({
        code,
        liaisons: allLiaisons
          .filter((l) => l.targetType === 'Division' && l.targetId === code)
          .sort(bySinceThenId)
          .map((l) => ({ ...liaisonOut(l), cadre: { id: l.cadreId, name: cadreOf.get(l.cadreId)!.name, department: { name: deptOf.get(cadreOf.get(l.cadreId)!.departmentId)!.name } } })),
      })),
    );
  });

  it('sends the same number of statements for lists of 10 as of 500', async () => {
    const q = (n: number) => `{ cadres(first: ${n}) { totalCount nodes { id rank phone department { name cadres(first: 20) { totalCount nodes { id name } } }
      liaisons { id role cadre { name } target { ... on Division { code } ... on Household { id division { code } } } } } } }`;
    // (Department cadres' liaisons are left out: the loader cache would serve them from the
    // top-level list when it holds every cadre, which makes the counts differ by cache hits.)
    const small = await countStatements(() => ok(q(10)));
    const large = await countStatements(() => ok(q(500)));
    expect(large.result.cadres.nodes).toHaveLength(world.cadres.length + 1);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBe(8); // cadres, count, departments, department pages, their counts, liaisons, liaisons' cadres, household targets
  });
});
