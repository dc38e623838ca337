// The role matrix of access.ts, asserted whole: every role × every mutation, and what a
// district-scoped token sees of another district (lists, lookups, nested fields, _entities).
import { IdempotencyRecord, creditCodeCheckChar, type Role, type Subgraph, type Viewer } from '@cadres/kit';
import { adminViewer, createTestSubgraph, describeEachDatabase, runOperation } from '@cadres/kit/src/testing';
import { Enterprise, Project, ProjectProgress } from './entities';
import { subgraph as enterprises } from './server';

/** Two districts of Dongying: the scoped tokens' own (A) and another (B). */
const A = '370502000000';
const B = '370503000000';
const placeIn = (district: string, rest: string) => district.slice(0, 6) + rest;

/** A valid credit code, from a number (the organization code's last digits). */
const creditCode = (n: number) => {
  const first17 = `91370502MA3C4${String(n).padStart(4, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

const enterprise = (id: string, district: string, n: number): Partial<Enterprise> => ({
  id, creditCode: creditCode(n), name: `企业 ${id}`, category: 'OTHER', industry: null, employees: null,
  divisionCode: placeIn(district, '001201'), version: 1,
});
/** A project of `enterpriseId` sited in `district`: its id says where the enterprise and the site are. */
const project = (id: string, enterpriseId: string, district: string): Partial<Project> => ({
  id, name: `项目 ${id}`, level: 'OTHER', enterpriseId, siteCode: placeIn(district, '001000'),
  plannedStart: '2026-01-01', plannedFinish: '2026-12-31', startDay: 0, finishDay: 364, actualBp: 0, reportCount: 0, version: 1,
});

const EA = enterprise('E-A', A, 1);
const EB = enterprise('E-B', B, 2);
/** Enterprise in A and site in A; B and B; A and B (split); B and A (split). */
const PAA = project('P-AA', 'E-A', A);
const PBB = project('P-BB', 'E-B', B);
const PAB = project('P-AB', 'E-A', B);
const PBA = project('P-BA', 'E-B', A);

async function seedFixtures(sg: Subgraph) {
  // Copies: TypeORM writes what the database returns back into the objects it inserts.
  await sg.ds.getRepository(Enterprise).insert([EA, EB].map((e) => ({ ...e })));
  await sg.ds.getRepository(Project).insert([PAA, PBB, PAB, PBA].map((p) => ({ ...p })));
}

const scopedTo = (role: Role, scope: string | null): Viewer => ({
  sub: `${role.toLowerCase()}-${scope ?? 'all'}`,
  role,
  scope,
  ...(role === 'DEPARTMENT' ? { departmentId: 'D-0001' } : {}),
  ...(role === 'CADRE' ? { cadreId: 'C-0001' } : {}),
});
const ROLES: Role[] = ['ADMIN', 'DEPARTMENT', 'CADRE', 'ANALYST', 'PARTNER'];
const WRITERS: Role[] = ['ADMIN', 'DEPARTMENT', 'CADRE'];

/** An operation's outcome: its data and its errors' extensions. */
async function outcome(sg: Subgraph, query: string, variables: Record<string, unknown>, viewer: Viewer) {
  const r = await runOperation(sg, query, variables, viewer);
  return { data: r.data ?? null, errors: r.errors?.map((e) => e.extensions) };
}

const refused = (field?: string) => ({ data: null, errors: [{ code: 'FORBIDDEN', ...(field ? { field } : {}) }] });

describeEachDatabase('enterprises subgraph: role matrix', (db) => {
  let sg: Subgraph;
  beforeAll(async () => {
    sg = await createTestSubgraph(enterprises, db, { fakeOwners: true });
    await seedFixtures(sg);
  });
  afterAll(() => sg?.stop());

  /** Rows of every table a mutation writes: enterprises, projects, progress reports, idempotency records. */
  const rows = async () =>
    Promise.all([Enterprise, Project, ProjectProgress, IdempotencyRecord].map((entity) => sg.ds.getRepository(entity).count()));

  const REGISTER_ENTERPRISE = `mutation($cc: ID!, $div: ID!, $key: String) {
    registerEnterprise(creditCode: $cc, name: "新企业", category: TECH_SME, divisionCode: $div, idempotencyKey: $key) { creditCode name division { code } } }`;
  const REGISTER_PROJECT = `mutation($e: ID!, $site: ID!, $key: String) {
    registerProject(enterpriseId: $e, name: "新项目", level: COUNTY_KEY, siteCode: $site, plannedStart: "2026-01-01", plannedFinish: "2026-12-31", idempotencyKey: $key) {
      name enterprise { id } site { code } } }`;
  const REPORT = `mutation($p: ID!, $v: Float!) { reportProjectProgress(projectId: $p, actualProgress: $v) { id actualProgress } }`;

  /**
   * Every mutation a role may try, in its own scope and with each id it stores elsewhere, with the
   * outcome a writer scoped to A gets and the rows it adds ([enterprises, projects, reports, records]).
   */
  const cases = (n: number, progress: number) => [
    {
      name: 'registerEnterprise in A',
      run: (v: Viewer) => outcome(sg, REGISTER_ENTERPRISE, { cc: creditCode(100 + n), div: placeIn(A, '001201'), key: `k${n}` }, v),
      allowed: { data: { registerEnterprise: { creditCode: creditCode(100 + n), name: '新企业', division: { code: placeIn(A, '001201') } } }, errors: undefined },
      adds: [1, 0, 0, 1],
    },
    {
      name: 'registerEnterprise in B',
      run: (v: Viewer) => outcome(sg, REGISTER_ENTERPRISE, { cc: creditCode(200 + n), div: placeIn(B, '001201') }, v),
      allowed: refused('divisionCode'),
      adds: [0, 0, 0, 0],
    },
    {
      name: 'registerProject of A at A',
      run: (v: Viewer) => outcome(sg, REGISTER_PROJECT, { e: 'E-A', site: placeIn(A, '001000'), key: `k${n}` }, v),
      allowed: { data: { registerProject: { name: '新项目', enterprise: { id: 'E-A' }, site: { code: placeIn(A, '001000') } } }, errors: undefined },
      adds: [0, 1, 0, 1],
    },
    {
      name: 'registerProject of B at A',
      run: (v: Viewer) => outcome(sg, REGISTER_PROJECT, { e: 'E-B', site: placeIn(A, '001000') }, v),
      allowed: refused('enterpriseId'),
      adds: [0, 0, 0, 0],
    },
    {
      name: 'registerProject of A at B',
      run: (v: Viewer) => outcome(sg, REGISTER_PROJECT, { e: 'E-A', site: placeIn(B, '001000') }, v),
      allowed: refused('siteCode'),
      adds: [0, 0, 0, 0],
    },
    {
      name: 'reportProjectProgress on P-AA',
      run: (v: Viewer) => outcome(sg, REPORT, { p: 'P-AA', v: progress }, v),
      allowed: { data: { reportProjectProgress: { id: 'P-AA', actualProgress: progress } }, errors: undefined },
      adds: [0, 0, 1, 0],
    },
    ...['P-BB', 'P-AB', 'P-BA'].map((p) => ({
      name: `reportProjectProgress on ${p}`,
      run: (v: Viewer) => outcome(sg, REPORT, { p, v: progress }, v),
      allowed: refused('projectId'),
      adds: [0, 0, 0, 0],
    })),
  ];

  it.each(ROLES.map((role, i) => [role, i] as const))('%s scoped to district A: exactly as the matrix says, writing nothing when refused', async (role, i) => {
    const viewer = scopedTo(role, A);
    const got = [];
    const want = [];
    for (const c of cases(i, (i + 1) / 10)) {
      const before = await rows();
      const result = await c.run(viewer);
      const after = await rows();
      got.push({ case: c.name, result, adds: after.map((n, k) => n - before[k]) });
      want.push(
        WRITERS.includes(role)
          ? { case: c.name, result: c.allowed, adds: c.adds }
          : { case: c.name, result: refused(), adds: [0, 0, 0, 0] }, // ANALYST, PARTNER: no write at all
      );
    }
    expect(got).toEqual(want);
  });

  it('lets an ADMIN without a scope write everywhere', async () => {
    const everywhere = scopedTo('ADMIN', null);
    const results = [
      await outcome(sg, REGISTER_ENTERPRISE, { cc: creditCode(300), div: placeIn(B, '001201') }, everywhere),
      await outcome(sg, REGISTER_PROJECT, { e: 'E-B', site: placeIn(A, '001000') }, everywhere),
      await outcome(sg, REPORT, { p: 'P-AB', v: 0.5 }, everywhere),
    ];
    expect(results).toEqual([
      { data: { registerEnterprise: { creditCode: creditCode(300), name: '新企业', division: { code: placeIn(B, '001201') } } }, errors: undefined },
      { data: { registerProject: { name: '新项目', enterprise: { id: 'E-B' }, site: { code: placeIn(A, '001000') } } }, errors: undefined },
      { data: { reportProjectProgress: { id: 'P-AB', actualProgress: 0.5 } }, errors: undefined },
    ]);
  });

  it('refuses a read-only role before looking at its input', async () => {
    const bad = await outcome(sg, REGISTER_ENTERPRISE, { cc: 'not a code', div: '3705' }, scopedTo('ANALYST', null));
    expect(bad).toEqual(refused());
  });
});

describeEachDatabase('enterprises subgraph: scope', (db) => {
  let sg: Subgraph;
  beforeAll(async () => {
    sg = await createTestSubgraph(enterprises, db, { fakeOwners: true });
    await seedFixtures(sg);
  });
  afterAll(() => sg?.stop());

  const LISTS = `query($a: ID, $b: ID) {
    all: enterprises { totalCount nodes { id } }
    inA: enterprises(divisionCode: $a) { totalCount nodes { id } }
    inB: enterprises(divisionCode: $b) { totalCount nodes { id } } }`;
  const LOOKUPS = `query($ccA: ID, $ccB: ID) {
    a: enterprise(id: "E-A") { id division { code } projects { id } }
    b: enterprise(id: "E-B") { id }
    byCodeA: enterprise(creditCode: $ccA) { id }
    byCodeB: enterprise(creditCode: $ccB) { id }
    paa: project(id: "P-AA") { id enterprise { id } site { code } }
    pbb: project(id: "P-BB") { id }
    pab: project(id: "P-AB") { id }
    pba: project(id: "P-BA") { id } }`;
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Enterprise { id projects { id } }
    ... on Project { id enterprise { id } }
    ... on Division { code enterprises(first: 500) { totalCount nodes { id } } sited: projects(first: 500) { totalCount nodes { id } } } } }`;
  const representations = [
    { __typename: 'Enterprise', id: 'E-A' },
    { __typename: 'Enterprise', id: 'E-B' },
    { __typename: 'Enterprise', creditCode: EB.creditCode },
    ...['P-AA', 'P-BB', 'P-AB', 'P-BA'].map((id) => ({ __typename: 'Project', id })),
    ...[A, B, '370500000000'].map((code) => ({ __typename: 'Division', code })),
  ];
  const ask = async (viewer: Viewer) => ({
    lists: await outcome(sg, LISTS, { a: A, b: B }, viewer),
    lookups: await outcome(sg, LOOKUPS, { ccA: EA.creditCode, ccB: EB.creditCode }, viewer),
    entities: await outcome(sg, ENTITIES, { r: representations }, viewer),
  });
  const connection = (...ids: string[]) => ({ totalCount: ids.length, nodes: ids.map((id) => ({ id })) });

  it('shows a district-scoped token only what lies in its district, for every role that reads', async () => {
    const inA = {
      lists: { data: { all: connection('E-A'), inA: connection('E-A'), inB: connection() }, errors: undefined },
      lookups: {
        data: {
          a: { id: 'E-A', division: { code: EA.divisionCode }, projects: [{ id: 'P-AA' }] }, // P-AB is sited in B
          b: null, byCodeA: { id: 'E-A' }, byCodeB: null,
          paa: { id: 'P-AA', enterprise: { id: 'E-A' }, site: { code: PAA.siteCode } },
          pbb: null, pab: null, pba: null, // P-BA is sited in A, but its enterprise is B's
        },
        errors: undefined,
      },
      entities: {
        data: {
          _entities: [
            { id: 'E-A', projects: [{ id: 'P-AA' }] }, null, null,
            { id: 'P-AA', enterprise: { id: 'E-A' } }, null, null, null,
            { code: A, enterprises: connection('E-A'), sited: connection('P-AA') }, null, null,
          ],
        },
        errors: undefined,
      },
    };
    for (const role of ['ADMIN', 'DEPARTMENT', 'CADRE', 'ANALYST'] as const) {
      expect({ role, ...(await ask(scopedTo(role, A))) }).toEqual({ role, ...inA });
    }
  });

  it('shows a token without a scope everything, so the filters above are not vacuous', async () => {
    expect(await ask(adminViewer)).toEqual({
      lists: { data: { all: connection('E-A', 'E-B'), inA: connection('E-A'), inB: connection('E-B') }, errors: undefined },
      lookups: {
        data: {
          a: { id: 'E-A', division: { code: EA.divisionCode }, projects: [{ id: 'P-AA' }, { id: 'P-AB' }] },
          b: { id: 'E-B' }, byCodeA: { id: 'E-A' }, byCodeB: { id: 'E-B' },
          paa: { id: 'P-AA', enterprise: { id: 'E-A' }, site: { code: PAA.siteCode } },
          pbb: { id: 'P-BB' }, pab: { id: 'P-AB' }, pba: { id: 'P-BA' },
        },
        errors: undefined,
      },
      entities: {
        data: {
          _entities: [
            { id: 'E-A', projects: [{ id: 'P-AA' }, { id: 'P-AB' }] },
            { id: 'E-B', projects: [{ id: 'P-BA' }, { id: 'P-BB' }] },
            { id: 'E-B', projects: [{ id: 'P-BA' }, { id: 'P-BB' }] },
            { id: 'P-AA', enterprise: { id: 'E-A' } }, { id: 'P-BB', enterprise: { id: 'E-B' } },
            { id: 'P-AB', enterprise: { id: 'E-A' } }, { id: 'P-BA', enterprise: { id: 'E-B' } },
            { code: A, enterprises: connection('E-A'), sited: connection('P-AA', 'P-BA') },
            { code: B, enterprises: connection('E-B'), sited: connection('P-AB', 'P-BB') },
            { code: '370500000000', enterprises: connection('E-A', 'E-B'), sited: connection('P-AA', 'P-AB', 'P-BA', 'P-BB') },
          ],
        },
        errors: undefined,
      },
    });
  });

  it('shows the 12345 hotline (PARTNER) no enterprise or project, even without a scope', async () => {
    const nothing = {
      lists: { data: { all: connection(), inA: connection(), inB: connection() }, errors: undefined },
      lookups: {
        data: { a: null, b: null, byCodeA: null, byCodeB: null, paa: null, pbb: null, pab: null, pba: null },
        errors: undefined,
      },
      entities: {
        data: {
          _entities: [
            null, null, null, null, null, null, null,
            ...[A, B, '370500000000'].map((code) => ({ code, enterprises: null, sited: null })),
          ],
        },
        errors: undefined,
      },
    };
    expect(await ask(scopedTo('PARTNER', null))).toEqual(nothing);
    expect(await ask(scopedTo('PARTNER', A))).toEqual({
      ...nothing,
      entities: { data: { _entities: [...nothing.entities.data._entities.slice(0, 7), { code: A, enterprises: null, sited: null }, null, null] }, errors: undefined },
    });
  });
});
