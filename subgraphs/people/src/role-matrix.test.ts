// The role matrix of access.ts, asserted exactly: every role × every people mutation and every
// personal-data field, each with its outcome (allowed, plain, masked, null, absent, FORBIDDEN).
import { idNumberCheckChar, maskIdNumber, maskPhone, type Viewer } from '@cadres/kit';
import { describeEachDatabase } from '@cadres/kit/src/testing';
import { IdNumberRead } from './entities';
import { allLiaisons, demo, grassroots, useDemoPeople, world } from './testing';

const districtOf = (code: string) => code.slice(0, 6) + '000000';
const deptOf = new Map(world.departments.map((d) => [d.id, d]));
const cadreOf = new Map(world.cadres.map((c) => [c.id, c]));
const cadreDivision = (cadreId: string) => deptOf.get(cadreOf.get(cadreId)!.departmentId)!.divisionCode;

/** A household with tags, 2+ residents with phones and a visit, linked to a cadre of its own district. */
const H = demo.households.find((h) => {
  const residents = demo.residents.filter((r) => r.householdId === h.id);
  const link = demo.liaisons.find((l) => l.targetType === 'Household' && l.targetId === h.id);
  return h.tags.length > 0 && residents.length >= 2 && residents.every((r) => r.phone) && !!link && districtOf(cadreDivision(link.cadreId)) === districtOf(h.divisionCode)
    && demo.visits.some((v) => v.targetType === 'Household' && v.targetId === h.id);
})!;
const D = districtOf(H.divisionCode);
const members = demo.residents.filter((r) => r.householdId === H.id).sort((a, b) => (a.id < b.id ? -1 : 1));
const linkedCadre = cadreOf.get(demo.liaisons.find((l) => l.targetType === 'Household' && l.targetId === H.id)!.cadreId)!;
const dept = linkedCadre.departmentId;
const inD = (code: string) => code.startsWith(D.slice(0, 6));
const otherCadreOfD = world.cadres.find((c) => c.id !== linkedCadre.id && inD(cadreDivision(c.id)) && !allLiaisons.some((l) => l.cadreId === c.id && l.targetId === H.id))!;
const visitOfH = demo.visits.find((v) => v.targetType === 'Household' && v.targetId === H.id)!;
const taggedInD = demo.households.filter((h) => inD(h.divisionCode) && (h.tags as string[]).includes(H.tags[0])).map((h) => h.id).sort();
/** The cadres a D-scoped reader sees: those of departments in D or above it (the city, the province). */
const cadresSeenFromD = world.cadres.filter((c) => inD(cadreDivision(c.id)) || D.startsWith(cadreDivision(c.id).replace(/0+$/, ''))).length;
const villagesOfD = grassroots.filter((d) => inD(d.code) && d.level === 'VILLAGE').map((d) => d.code);
const linksOfD = world.villageLiaisons.filter((l) => inD(l.divisionCode) && inD(cadreDivision(l.cadreId)));

/** A valid GB 11643 ID number, born 1990-01-01, sequence n. */
const idNumber = (n: number) => {
  const first17 = `37050219900101${String(n).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};

type Personal = 'plain' | 'masked';
interface Row {
  viewer: Viewer;
  /** Residents' ID numbers and phones and the household's tags (null: the household is not there). */
  household: Personal | null;
  cadrePhone: Personal | null;
  /** Division.households(tag:): rows, or the count alone; null: not there. */
  byTag: 'rows' | 'count' | null;
  writes: Record<Mutation, 'allowed' | 'FORBIDDEN'>;
}
type Mutation = 'registerCadre' | 'registerHousehold' | 'addResident' | 'linkCadre' | 'unlinkCadre' | 'recordVisit';

const ok = 'allowed' as const;
const no = 'FORBIDDEN' as const;
// Every viewer is scoped to H's district: scope.test.ts covers what lies outside it.
const matrix: Record<string, Row> = {
  ADMIN:                { viewer: { sub: 'm-admin', role: 'ADMIN', scope: D },                                   household: 'plain',  cadrePhone: 'plain',  byTag: 'rows',
                          writes: { registerCadre: ok, registerHousehold: ok, addResident: ok, linkCadre: ok, unlinkCadre: ok, recordVisit: ok } },
  DEPARTMENT:           { viewer: { sub: 'm-dept', role: 'DEPARTMENT', scope: D, departmentId: dept },           household: 'masked', cadrePhone: 'plain',  byTag: 'count',
                          writes: { registerCadre: no, registerHousehold: ok, addResident: ok, linkCadre: no, unlinkCadre: no, recordVisit: ok } },
  'CADRE, linked to H': { viewer: { sub: 'm-cadre', role: 'CADRE', scope: D, cadreId: linkedCadre.id },          household: 'plain',  cadrePhone: 'plain',  byTag: 'count',
                          writes: { registerCadre: no, registerHousehold: no, addResident: no, linkCadre: no, unlinkCadre: no, recordVisit: ok } },
  'CADRE, not linked':  { viewer: { sub: 'm-cadre-2', role: 'CADRE', scope: D, cadreId: otherCadreOfD.id },      household: 'masked', cadrePhone: 'plain',  byTag: 'count',
                          writes: { registerCadre: no, registerHousehold: no, addResident: no, linkCadre: no, unlinkCadre: no, recordVisit: ok } },
  ANALYST:              { viewer: { sub: 'm-analyst', role: 'ANALYST', scope: D },                               household: 'masked', cadrePhone: 'masked', byTag: 'count',
                          writes: { registerCadre: no, registerHousehold: no, addResident: no, linkCadre: no, unlinkCadre: no, recordVisit: no } },
  PARTNER:              { viewer: { sub: 'm-partner', role: 'PARTNER', scope: D },                               household: null,     cadrePhone: null,     byTag: null,
                          writes: { registerCadre: no, registerHousehold: no, addResident: no, linkCadre: no, unlinkCadre: no, recordVisit: no } },
};
const rows = Object.entries(matrix);

const READ = `query Matrix($h: ID!, $c: ID!, $tag: HouseholdTag, $r: [_Any!]!) {
  household(id: $h) { tags members { idNumber phone } }
  cadre(id: $c) { phone }
  cadres(first: 0) { totalCount }
  _entities(representations: $r) { ... on Division { households(tag: $tag, first: 500) { totalCount nodes { id } } liaisons { id } } ... on Visit { id } } }`;

function expectedRead(row: Row) {
  const personal = (plain: string, masked: string) => (row.household === 'plain' ? plain : masked);
  if (row.household === null) return { household: null, cadre: null, cadres: { totalCount: 0 }, _entities: [null, null] };
  return {
    household: {
      tags: row.household === 'plain' ? H.tags : [],
      members: members.map((m) => ({ idNumber: personal(m.idNumber, maskIdNumber(m.idNumber)), phone: personal(m.phone!, maskPhone(m.phone!)) })),
    },
    cadre: { phone: row.cadrePhone === 'plain' ? linkedCadre.phone : maskPhone(linkedCadre.phone) },
    cadres: { totalCount: cadresSeenFromD },
    _entities: [
      {
        households: { totalCount: taggedInD.length, nodes: row.byTag === 'rows' ? taggedInD.map((id) => ({ id })) : [] },
        liaisons: [], // a district has no links of its own: its villages do
      },
      { id: visitOfH.id },
    ],
  };
}

/** Each mutation, made by the row's viewer: its own target (n) so that an allowed one succeeds. */
const mutations: Record<Mutation, (viewer: Viewer, n: number) => { query: string; variables: Record<string, unknown> }> = {
  registerCadre: (_, n) => ({ query: `mutation($d: ID!, $n: String!) { registerCadre(name: $n, rank: STAFF, departmentId: $d, partyMember: false) { id } }`, variables: { d: dept, n: `矩阵${n}` } }),
  registerHousehold: (_, n) => ({
    query: `mutation($c: ID!, $id: String!) { registerHousehold(divisionCode: $c, head: { name: "矩阵户", idNumber: $id }) { id } }`,
    variables: { c: H.divisionCode, id: idNumber(100 + n) },
  }),
  addResident: (_, n) => ({ query: `mutation($h: ID!, $id: String!) { addResident(householdId: $h, resident: { name: "矩阵人", idNumber: $id }) { id } }`, variables: { h: H.id, id: idNumber(200 + n) } }),
  linkCadre: (_, n) => ({
    query: `mutation($c: ID!, $v: ID!) { linkCadre(cadreId: $c, targetType: "Division", targetId: $v, role: MEMBER) { id } }`,
    variables: { c: linkedCadre.id, v: villagesOfD.filter((v) => !allLiaisons.some((l) => l.cadreId === linkedCadre.id && l.targetId === v))[n] },
  }),
  unlinkCadre: (_, n) => ({ query: `mutation($l: ID!) { unlinkCadre(liaisonId: $l) { id } }`, variables: { l: linksOfD[n].id } }),
  recordVisit: (viewer, n) => ({
    query: `mutation($c: [ID!]!, $v: ID!) { recordVisit(kind: FORUM, date: "2026-06-30", cadreIds: $c, targetType: "Division", targetId: $v) { id } }`,
    variables: { c: [viewer.cadreId ?? linkedCadre.id], v: villagesOfD[n] },
  }),
};

describeEachDatabase('people role matrix', (db) => {
  const t = useDemoPeople(db);
  const { asUser } = t;
  const auditRowsOf = (sub: string) => t.people.ds.getRepository(IdNumberRead).countBy({ viewerSub: sub });

  it('masks in the documented shape', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it.each(rows)('%s reads personal data as the table says, and every unmasked ID number read is audited', async (_, row) => {
    const r = await asUser(READ, { h: H.id, c: linkedCadre.id, tag: H.tags[0], r: [{ __typename: 'Division', code: D }, { __typename: 'Visit', id: visitOfH.id }] }, row.viewer);
    expect(r).toEqual({ data: expectedRead(row) });
    expect(await auditRowsOf(row.viewer.sub)).toBe(row.household === 'plain' ? members.length : 0);
  });

  const cases = rows.flatMap(([name, row], n) => (Object.keys(mutations) as Mutation[]).map((m) => [name, m, row.writes[m], row, n] as const));
  it.each(cases)('%s: %s is %s', async (_, mutation, outcome, row, n) => {
    const { query, variables } = mutations[mutation](row.viewer, n);
    const r = await asUser(query, variables, row.viewer);
    if (outcome === 'allowed') {
      expect(r.errors).toBeUndefined();
      expect(r.data?.[mutation].id).toEqual(expect.any(String));
    } else {
      expect({ data: r.data, errors: r.errors?.map((e) => e.extensions) }).toEqual({ data: null, errors: [{ code: 'FORBIDDEN' }] });
    }
  });

  it('lets a CADRE record only visits it made, and a DEPARTMENT only its own cadres’ visits', async () => {
    const visit = (viewer: Viewer, cadreIds: string[]) =>
      asUser(`mutation($c: [ID!]!, $v: ID!) { recordVisit(kind: FORUM, date: "2026-06-29", cadreIds: $c, targetType: "Division", targetId: $v) { id } }`, { c: cadreIds, v: villagesOfD[7] }, viewer);
    const errors = async (r: ReturnType<typeof visit>) => (await r).errors?.map((e) => e.extensions);
    const otherDept = world.cadres.find((c) => c.departmentId !== dept && inD(cadreDivision(c.id)))!;
    expect(await errors(visit(matrix['CADRE, linked to H'].viewer, [otherCadreOfD.id]))).toEqual([{ code: 'FORBIDDEN', field: 'cadreIds' }]);
    expect(await errors(visit(matrix['CADRE, linked to H'].viewer, [linkedCadre.id, otherCadreOfD.id]))).toBeUndefined();
    expect(await errors(visit(matrix.DEPARTMENT.viewer, [linkedCadre.id, otherDept.id]))).toEqual([{ code: 'FORBIDDEN', field: 'cadreIds' }]);
    // a CADRE token without its cadreId, a DEPARTMENT one without its departmentId, record nothing
    expect(await errors(visit({ sub: 'x', role: 'CADRE', scope: D }, [linkedCadre.id]))).toEqual([{ code: 'FORBIDDEN', field: 'cadreIds' }]);
    expect(await errors(visit({ sub: 'y', role: 'DEPARTMENT', scope: D }, [linkedCadre.id]))).toEqual([{ code: 'FORBIDDEN', field: 'cadreIds' }]);
  });

  it('gives the audit log to ADMIN only', async () => {
    for (const [, row] of rows) {
      const r = await asUser(`{ idNumberReads { totalCount } }`, {}, row.viewer);
      if (row.viewer.role === 'ADMIN') expect(r.errors).toBeUndefined();
      else expect({ data: r.data, errors: r.errors?.map((e) => e.extensions) }).toEqual({ data: null, errors: [{ code: 'FORBIDDEN' }] });
    }
  });
});
