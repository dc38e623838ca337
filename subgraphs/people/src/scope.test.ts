// Scope: a district-scoped token never sees another district's households, residents, visits
// or cadres, in lists, lookups, stats, nested fields or `_entities` calls, and writes nothing there.
import type { Role, Viewer } from '@cadres/kit';
import { describeEachDatabase } from '@cadres/kit/src/testing';
import { allLiaisons, demo, grassroots, useDemoPeople, world } from './testing';

const D = '370502000000';
const inD = (code: string | null) => !!code && code.startsWith('370502');
const deptOf = new Map(world.departments.map((d) => [d.id, d]));
const cadreOf = new Map(world.cadres.map((c) => [c.id, c]));
const cadreDivision = (cadreId: string) => deptOf.get(cadreOf.get(cadreId)!.departmentId)!.divisionCode;
/** Departments a D-scoped token sees: those in D and those above it (the city's, the province's). */
const seesDepartmentAt = (code: string) => inD(code) || D.startsWith(code.replace(/0+$/, ''));
const seesCadre = (cadreId: string) => seesDepartmentAt(cadreDivision(cadreId));

const otherHousehold = demo.households.find((h) => !inD(h.divisionCode))!;
const otherResident = demo.residents.find((r) => r.householdId === otherHousehold.id)!;
const otherVisit = demo.visits.find((v) => !inD(v.divisionCode))!;
const otherDepartment = world.departments.find((d) => !seesDepartmentAt(d.divisionCode))!;
const otherCadre = world.cadres.find((c) => c.departmentId === otherDepartment.id)!;
const otherVillage = grassroots.find((d) => !inD(d.code) && d.level === 'VILLAGE')!.code;
const otherLiaison = world.villageLiaisons.find((l) => !inD(l.divisionCode))!;
/** A household of D linked to a cadre of another district, and one of D's cadres. */
const mixedHousehold = demo.households.find((h) => inD(h.divisionCode) && demo.liaisons.some((l) => l.targetId === h.id && !seesCadre(l.cadreId)))!;
const cadreOfD = world.cadres.find((c) => inD(cadreDivision(c.id)))!;
/** A city cadre with links and visits both inside and outside D. */
const cityCadre = world.cadres.find(
  (c) => cadreDivision(c.id) === '370500000000' && allLiaisons.some((l) => l.cadreId === c.id && inD(l.divisionCode)) && allLiaisons.some((l) => l.cadreId === c.id && !inD(l.divisionCode)),
)!;
const mixedVisit = demo.visits.find((v) => inD(v.divisionCode) && v.cadreIds.some((id) => !seesCadre(id)))!;

describeEachDatabase('people scope', (db) => {
  const t = useDemoPeople(db);
  const { ok, failure } = t;

  const readers: Role[] = ['ADMIN', 'DEPARTMENT', 'CADRE', 'ANALYST'];
  describe.each(readers)('a %s token scoped to 东营区', (role) => {
    const viewer: Viewer = { sub: `scope-${role}`, role, scope: D, departmentId: cadreOfD.departmentId, cadreId: cadreOfD.id };

    it('gets null for lookups and _entities of another district', async () => {
      const r = await ok(
        `query($h: ID!, $c: ID!, $d: ID!, $r: [_Any!]!) { household(id: $h) { id } cadre(id: $c) { id } department(id: $d) { id }
          _entities(representations: $r) { __typename ... on Household { id } ... on Resident { id } ... on Cadre { id } ... on Department { id } ... on Visit { id }
            ... on Division { code households { totalCount } liaisons { id } coverage { households } } } }`,
        {
          h: otherHousehold.id,
          c: otherCadre.id,
          d: otherDepartment.id,
          r: [
            { __typename: 'Household', id: otherHousehold.id },
            { __typename: 'Resident', id: otherResident.id },
            { __typename: 'Cadre', id: otherCadre.id },
            { __typename: 'Department', id: otherDepartment.id },
            { __typename: 'Visit', id: otherVisit.id },
            // another district, and the city above D: their households, links and coverage are no D figures
            { __typename: 'Division', code: otherVillage, villageAndCommunityCount: 1, buildingUnitCount: 0 },
            { __typename: 'Division', code: '370500000000', villageAndCommunityCount: 1, buildingUnitCount: 0 },
          ],
        },
        viewer,
      );
      expect(r).toEqual({ household: null, cadre: null, department: null, _entities: [null, null, null, null, null, null, null] });
    });

    it('lists only the cadres it may see, and none of another district', async () => {
      const r = await ok(`{ cadres(first: 500) { totalCount nodes { id } } }`, {}, viewer);
      const expected = world.cadres.filter((c) => seesCadre(c.id)).map((c) => c.id).sort();
      expect(r.cadres).toEqual({ totalCount: expected.length, nodes: expected.map((id) => ({ id })) });
      expect(expected).not.toContain(otherCadre.id);
    });

    it('leaves other districts out of nested lists: links, visits and visit cadres', async () => {
      const r = await ok(
        `query($h: ID!, $c: ID!, $r: [_Any!]!) {
          household(id: $h) { liaisons { cadre { id } } }
          cadre(id: $c) { liaisons { id } visits(first: 500) { totalCount } }
          _entities(representations: $r) { ... on Visit { cadres { id } } ... on Division { liaisons { cadre { id } } } } }`,
        { h: mixedHousehold.id, c: cityCadre.id, r: [{ __typename: 'Visit', id: mixedVisit.id }, { __typename: 'Division', code: otherLiaisonInD().divisionCode }] },
        viewer,
      );
      const linksOf = (targetId: string) => allLiaisons.filter((l) => l.targetId === targetId && seesCadre(l.cadreId)).map((l) => ({ cadre: { id: l.cadreId } }));
      expect(r.household.liaisons).toEqual(linksOf(mixedHousehold.id));
      expect(r.household.liaisons.length).toBeLessThan(allLiaisons.filter((l) => l.targetId === mixedHousehold.id).length);
      expect(r.cadre.liaisons.map((l: { id: string }) => l.id).sort()).toEqual(allLiaisons.filter((l) => l.cadreId === cityCadre.id && inD(l.divisionCode)).map((l) => l.id).sort());
      expect(r.cadre.visits.totalCount).toBe(demo.visits.filter((v) => v.cadreIds.includes(cityCadre.id) && inD(v.divisionCode)).length);
      expect(r._entities[0]).toEqual({ cadres: mixedVisit.cadreIds.filter(seesCadre).sort().map((id) => ({ id })) });
      expect(r._entities[1].liaisons).toEqual(linksOf(otherLiaisonInD().divisionCode));
    });
  });

  /** A village of D linked by a cadre of another district. */
  const otherLiaisonInD = () => world.villageLiaisons.find((l) => inD(l.divisionCode) && !seesCadre(l.cadreId))!;

  it('refuses writes that store anything of another district, for an ADMIN scoped to 东营区 too', async () => {
    const admin: Viewer = { sub: 'scope-admin', role: 'ADMIN', scope: D };
    const villageOfD = grassroots.find((d) => inD(d.code) && d.level === 'VILLAGE')!.code;
    const forbidden = (field: string) => [{ code: 'FORBIDDEN', field }];
    const visit = (cadreIds: string[], targetType: string, targetId: string) =>
      failure(
        `mutation($c: [ID!]!, $t: String!, $id: ID!) { recordVisit(kind: FORUM, date: "2026-06-30", cadreIds: $c, targetType: $t, targetId: $id) { id } }`,
        { c: cadreIds, t: targetType, id: targetId },
        admin,
      );
    const link = (cadreId: string, targetType: string, targetId: string) =>
      failure(`mutation($c: ID!, $t: String!, $id: ID!) { linkCadre(cadreId: $c, targetType: $t, targetId: $id, role: MEMBER) { id } }`, { c: cadreId, t: targetType, id: targetId }, admin);
    expect(await visit([cadreOfD.id], 'Household', otherHousehold.id)).toEqual(forbidden('targetId'));
    expect(await visit([cadreOfD.id], 'Division', otherVillage)).toEqual(forbidden('targetId'));
    expect(await visit([cadreOfD.id, otherCadre.id], 'Division', villageOfD)).toEqual(forbidden('cadreIds'));
    expect(await link(cadreOfD.id, 'Division', otherVillage)).toEqual(forbidden('targetId'));
    expect(await link(cadreOfD.id, 'Household', otherHousehold.id)).toEqual(forbidden('targetId'));
    expect(await link(otherCadre.id, 'Division', villageOfD)).toEqual(forbidden('cadreId'));
    expect(await failure(`mutation($l: ID!) { unlinkCadre(liaisonId: $l) { id } }`, { l: otherLiaison.id }, admin)).toEqual(forbidden('liaisonId'));
    expect(
      await failure(`mutation($h: ID!) { addResident(householdId: $h, resident: { name: "越界", idNumber: "110105194912310046" }) { id } }`, { h: otherHousehold.id }, admin),
    ).toEqual(forbidden('householdId'));
    expect(
      await failure(`mutation($c: ID!) { registerHousehold(divisionCode: $c, head: { name: "越界", idNumber: "110105194912310046" }) { id } }`, { c: otherVillage }, admin),
    ).toEqual(forbidden('divisionCode'));
    // a city department serves D, but its roster is the city's to change
    expect(
      await failure(`mutation($d: ID!) { registerCadre(name: "越界", rank: STAFF, departmentId: $d, partyMember: false) { id } }`, { d: 'D-370500-01' }, admin),
    ).toEqual(forbidden('departmentId'));
    const counts = await t.people.ds.query(`SELECT (SELECT COUNT(*) FROM visit) AS v, (SELECT COUNT(*) FROM resident) AS r, (SELECT COUNT(*) FROM cadre) AS c`);
    expect(counts.map((c: Record<string, unknown>) => [Number(c.v), Number(c.r), Number(c.c)])).toEqual([[demo.visits.length, demo.residents.length, world.cadres.length]]);
  });
});
