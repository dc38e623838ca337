// Field work on the small world: townships and 包片 (AREA_LEAD), first secretaries (one village at
// a time, their stationing days and assessments) and 实事 pledges; every role on each new
// mutation, nothing written when refused, scope, and statement counts that do not grow with lists.
import { isUniqueViolation, type Viewer } from '@cadres/kit';
import { adminViewer, countStatements, describeEachDatabase, expectIdempotentCreate } from '@cadres/kit/src/testing';
import { Liaison } from './entities';
import { A, B, C, CITY, D_DONGYING, D_HEKOU, NOW, T1, useSmallWorld } from './small-world';
import { outcomes } from './testing';

const T2 = '370502002000';
const T3 = '370503100000';
const t1Admin: Viewer = { sub: 't1-admin', role: 'ADMIN', scope: T1 };
const dyAdmin: Viewer = { sub: 'dy-admin', role: 'ADMIN', scope: D_DONGYING };
const hkAdmin: Viewer = { sub: 'hk-admin', role: 'ADMIN', scope: D_HEKOU };
const d2Dept: Viewer = { sub: 'd2', role: 'DEPARTMENT', scope: T1, departmentId: 'D2' };
const d1Dept: Viewer = { sub: 'd1', role: 'DEPARTMENT', scope: D_DONGYING, departmentId: 'D1' };
const d3Dept: Viewer = { sub: 'd3', role: 'DEPARTMENT', scope: D_HEKOU, departmentId: 'D3' };
const c2Cadre: Viewer = { sub: 'c2', role: 'CADRE', scope: D_DONGYING, cadreId: 'c2' };
const c3Cadre: Viewer = { sub: 'c3', role: 'CADRE', scope: D_DONGYING, cadreId: 'c3' };
const c5Cadre: Viewer = { sub: 'c5', role: 'CADRE', scope: D_HEKOU, cadreId: 'c5' };
const analyst: Viewer = { sub: 'analyst', role: 'ANALYST', scope: null };
const dyAnalyst: Viewer = { sub: 'dy-analyst', role: 'ANALYST', scope: D_DONGYING };
const partner: Viewer = { sub: 'partner', role: 'PARTNER', scope: null };

const LINK = `mutation($c: ID!, $t: String!, $id: ID!, $role: LiaisonRole!) { linkCadre(cadreId: $c, targetType: $t, targetId: $id, role: $role) { id role since until version cadre { id } target { __typename ... on Division { code } ... on Household { id } } } }`;
const ASSESS = `mutation($l: ID!, $p: String!, $s: Int!, $c: String) { assessFirstSecretary(liaisonId: $l, period: $p, score: $s, comment: $c) { id period score comment at } }`;
const PLEDGE = `mutation($title: String!, $d: ID!, $c: ID!, $date: Date!, $key: String) { createPledge(title: $title, divisionCode: $d, leadCadreId: $c, targetDate: $date, idempotencyKey: $key) { id title division { code } leadCadre { id } targetDate status version } }`;
const SET = `mutation($id: ID!, $v: Int!, $s: PledgeStatus!) { setPledgeStatus(id: $id, expectedVersion: $v, status: $s) { id status version } }`;
const divisions = (codes: string[]) => ({ r: codes.map((code) => ({ __typename: 'Division', code })) });

describeEachDatabase('people subgraph: field work (townships, first secretaries, pledges)', (db) => {
  const t = useSmallWorld(db);
  const count = async (sql: string, params: unknown[] = []) => Number((await t.people.ds.query(sql, params))[0].n);
  const liaisons = () => count('SELECT COUNT(*) AS n FROM liaison');
  const link = (c: string, type: string, id: string, role: string, viewer: Viewer = adminViewer) => t.asUser(LINK, { c, t: type, id, role }, viewer);

  // ------------------------------------------------------------------ townships and 包片

  it('lets a township office (ADMIN scoped to the township) register its units\' cadres, and no one else there', async () => {
    const REG = `mutation($d: ID!) { registerCadre(name: "街道干部", rank: SECTION_LEVEL, departmentId: $d, partyMember: true) { id name rank department { id } } }`;
    const cadres = () => count('SELECT COUNT(*) AS n FROM cadre');
    const before = await cadres();
    expect(await t.failure(REG, { d: 'D1' }, t1Admin)).toEqual([{ code: 'FORBIDDEN', field: 'departmentId' }]); // a district department
    expect(await t.failure(REG, { d: 'D5' }, d2Dept)).toEqual([{ code: 'FORBIDDEN' }]);
    expect(await cadres()).toBe(before);
    const reg = (await t.ok(REG, { d: 'D5' }, t1Admin)).registerCadre;
    expect(reg).toEqual({ id: reg.id, name: '街道干部', rank: 'SECTION_LEVEL', department: { id: 'D5' } });
    expect(await cadres()).toBe(before + 1);
    // ...and its own cadres it sees: the township's departments and those above it
    const seen = await t.ok(`{ cadres(first: 20) { totalCount nodes { id } } }`, {}, t1Admin);
    expect(seen.cadres.nodes.map((c: { id: string }) => c.id).sort()).toEqual([reg.id, 'c1', 'c2', 'c3', 'c4', 'c8'].sort());
  });

  it('links a township leader to the township (AREA_LEAD, 包片), in scope, and only there', async () => {
    const before = await liaisons();
    const refusals: [string, string, string, string, Viewer, { code: string; field?: string }][] = [
      ['c4', 'Division', T2, 'AREA_LEAD', t1Admin, { code: 'FORBIDDEN', field: 'targetId' }], // another township
      ['c4', 'Division', T1, 'AREA_LEAD', hkAdmin, { code: 'FORBIDDEN', field: 'cadreId' }], // a cadre it does not see
      ['c4', 'Division', T1, 'AREA_LEAD', d2Dept, { code: 'FORBIDDEN' }],
      ['c4', 'Division', T1, 'AREA_LEAD', c2Cadre, { code: 'FORBIDDEN' }],
      ['c4', 'Division', T1, 'AREA_LEAD', analyst, { code: 'FORBIDDEN' }],
      ['c4', 'Division', T1, 'AREA_LEAD', partner, { code: 'FORBIDDEN' }],
      ['c4', 'Division', A, 'AREA_LEAD', adminViewer, { code: 'BAD_USER_INPUT', field: 'targetId' }], // a community
      ['c4', 'Division', D_DONGYING, 'AREA_LEAD', adminViewer, { code: 'BAD_USER_INPUT', field: 'targetId' }],
      ['c4', 'Household', 'H1', 'AREA_LEAD', adminViewer, { code: 'BAD_USER_INPUT', field: 'targetType' }],
      ['c4', 'Division', T1, 'LEAD', adminViewer, { code: 'BAD_USER_INPUT', field: 'targetId' }], // a township takes AREA_LEAD only
    ];
    for (const [c, type, id, role, viewer, error] of refusals) {
      expect({ case: [c, type, id, role, viewer.sub], errors: (await link(c, type, id, role, viewer)).errors?.map((e) => e.extensions) }).toEqual({ case: [c, type, id, role, viewer.sub], errors: [error] });
    }
    expect(await liaisons()).toBe(before);

    const made = (await t.ok(LINK, { c: 'c4', t: 'Division', id: T1, role: 'AREA_LEAD' }, t1Admin)).linkCadre;
    expect(made).toEqual({ id: made.id, role: 'AREA_LEAD', since: '2026-07-01', until: null, version: 1, cadre: { id: 'c4' }, target: { __typename: 'Division', code: T1 } });
    expect(await liaisons()).toBe(before + 1);
    // it lies at the township: no village's divisionCode, so coverage does not count it as a village link
    expect((await t.people.ds.query('SELECT divisionCode FROM liaison WHERE id = ?', [made.id]))[0].divisionCode).toBeNull();
    expect((await link('c4', 'Division', T1, 'AREA_LEAD', t1Admin)).errors?.map((e) => e.extensions)).toEqual([{ code: 'CONFLICT', field: 'targetId' }]);

    // seen from the township (c4's village link L2 lies in T2, outside it), and not from elsewhere
    const Q = `{ cadre(id: "c4") { liaisons { role target { ... on Division { code } } } } }`;
    expect((await t.ok(Q, {}, t1Admin)).cadre.liaisons).toEqual([{ role: 'AREA_LEAD', target: { code: T1 } }]);
    expect((await t.ok(Q)).cadre.liaisons).toEqual([{ role: 'LEAD', target: { code: B } }, { role: 'AREA_LEAD', target: { code: T1 } }]);
    const E = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { liaisons { role cadre { id } } } } }`;
    expect((await t.ok(E, divisions([T1]), t1Admin))._entities).toEqual([{ liaisons: [{ role: 'AREA_LEAD', cadre: { id: 'c4' } }] }]);
    expect((await t.ok(E, divisions([T1]), hkAdmin))._entities).toEqual([null]);

    // the township office ends its own 包片 links; another district's office cannot
    const UNLINK = `mutation($id: ID!) { unlinkCadre(liaisonId: $id) { id until version } }`;
    expect(await t.failure(UNLINK, { id: made.id }, hkAdmin)).toEqual([{ code: 'FORBIDDEN', field: 'liaisonId' }]);
    expect((await t.ok(UNLINK, { id: made.id }, t1Admin)).unlinkCadre).toEqual({ id: made.id, until: '2026-07-01', version: 2 });
    expect((await t.ok(LINK, { c: 'c4', t: 'Division', id: T1, role: 'AREA_LEAD' }, t1Admin)).linkCadre.version).toBe(1);
  });

  // ------------------------------------------------------------------ first secretaries

  let c5Link = '';

  it('makes a cadre first secretary of one village or community at a time (CONFLICT on cadreId)', async () => {
    const first = (await t.ok(LINK, { c: 'c5', t: 'Division', id: C, role: 'FIRST_SECRETARY' }, hkAdmin)).linkCadre;
    expect(first).toEqual({ id: first.id, role: 'FIRST_SECRETARY', since: '2026-07-01', until: null, version: 1, cadre: { id: 'c5' }, target: { __typename: 'Division', code: C } });
    c5Link = first.id;
    const before = await liaisons();
    const codes = async (c: string, type: string, id: string) => (await link(c, type, id, 'FIRST_SECRETARY', hkAdmin)).errors?.map((e) => e.extensions);
    expect(await codes('c5', 'Division', '370503100202')).toEqual([{ code: 'CONFLICT', field: 'cadreId' }]);
    expect(await codes('c5', 'Division', C)).toEqual([{ code: 'CONFLICT', field: 'targetId' }]); // the same link twice
    expect(await codes('c6', 'Household', 'H3')).toEqual([{ code: 'BAD_USER_INPUT', field: 'targetType' }]);
    expect(await codes('c6', 'Division', T3)).toEqual([{ code: 'BAD_USER_INPUT', field: 'targetId' }]);
    expect(await liaisons()).toBe(before);
    // another role elsewhere is no second first-secretary post
    expect((await link('c5', 'Division', '370503100202', 'MEMBER', hkAdmin)).errors).toBeUndefined();
  });

  it('lets exactly one of several concurrent first-secretary links of one cadre through', async () => {
    const villages = ['370503100211', '370503100212', '370503100213', '370503100214', '370503100215'];
    const results = await Promise.all(villages.map((v) => link('c6', 'Division', v, 'FIRST_SECRETARY', hkAdmin)));
    expect(outcomes(results)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'ok']);
    expect(results.flatMap((r) => r.errors?.map((e) => e.extensions?.field) ?? [])).toEqual(['cadreId', 'cadreId', 'cadreId', 'cadreId']);
    expect(await count("SELECT COUNT(*) AS n FROM liaison WHERE cadreId = 'c6' AND role = 'FIRST_SECRETARY'")).toBe(1);
    // the database holds the rule by itself: a second open first-secretary row of c6 is refused by the unique key
    const [open] = await t.people.ds.query("SELECT * FROM liaison WHERE cadreId = 'c6' AND role = 'FIRST_SECRETARY'");
    const bypass = await t.people.ds
      .getRepository(Liaison)
      .insert({ ...open, id: 'L-bypass', targetId: '370503100299', divisionCode: '370503100299', openKey: 'c6|Division|370503100299|FIRST_SECRETARY' })
      .then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(bypass, { index: 'uq_liaison_first_secretary', column: 'firstSecretaryKey' })).toBe(true);
    // ended, the post is free again
    const won = results.find((r) => !r.errors)!.data!.linkCadre;
    await t.ok(`mutation($id: ID!) { unlinkCadre(liaisonId: $id) { id } }`, { id: won.id }, hkAdmin);
    expect((await link('c6', 'Division', '370503100221', 'FIRST_SECRETARY', hkAdmin)).errors).toBeUndefined();
    // a Hekou cadre stationed in a Dongying community (linked by the city)
    expect((await link('c7', 'Division', A, 'FIRST_SECRETARY')).errors).toBeUndefined();
  });

  const FS = `query($r: [_Any!]!, $first: Int, $after: String) { _entities(representations: $r) { ... on Division { firstSecretaries(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { role since until cadre { id } target { ... on Division { code } } } } } } }`;
  const fsOf = (cadre: string, code: string) => ({ role: 'FIRST_SECRETARY', since: '2026-07-01', until: null, cadre: { id: cadre }, target: { code } });
  const conn = (nodes: unknown[], totalCount = nodes.length, hasNextPage = false) => ({ totalCount, pageInfo: { hasNextPage, endCursor: expect.anything() }, nodes });

  it('lists the active first secretaries of a subtree, by village code, in scope', async () => {
    const got = await t.ok(FS, { ...divisions([CITY, D_DONGYING, D_HEKOU, C, T2]), first: 10 });
    expect(got._entities.map((d: { firstSecretaries: unknown }) => d.firstSecretaries)).toEqual([
      conn([fsOf('c7', A), fsOf('c5', C), fsOf('c6', '370503100221')]),
      conn([fsOf('c7', A)]),
      conn([fsOf('c5', C), fsOf('c6', '370503100221')]),
      conn([fsOf('c5', C)]),
      { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
    ]);
    const page1 = (await t.ok(FS, { ...divisions([CITY]), first: 1 }))._entities[0].firstSecretaries;
    expect(page1).toEqual(conn([fsOf('c7', A)], 3, true));
    expect((await t.ok(FS, { ...divisions([CITY]), first: 1, after: page1.pageInfo.endCursor }))._entities[0].firstSecretaries).toEqual(conn([fsOf('c5', C)], 3, true));
    // Dongying's reader does not see c7 (a Hekou cadre), nor Hekou at all; PARTNER reads none
    const dy = await t.ok(FS, { ...divisions([D_DONGYING, D_HEKOU]), first: 10 }, dyAnalyst);
    expect(dy._entities).toEqual([{ firstSecretaries: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } }, null]);
    expect((await t.ok(FS, { ...divisions([CITY]), first: 10 }, partner))._entities).toEqual([null]);
  });

  it('lists ended first secretaries too with includeEnded, each with its until', async () => {
    const ENDED = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { all: firstSecretaries(includeEnded: true, first: 10) { totalCount nodes { until cadre { id } target { ... on Division { code } } } } } } }`;
    const all = (await t.ok(ENDED, divisions([D_HEKOU])))._entities[0].all;
    // c6's first post (won in the race above, then ended today) sits between C and its second by village code.
    expect(all.totalCount).toBe(3);
    expect(all.nodes.map((n: { until: string | null; cadre: { id: string } }) => [n.cadre.id, n.until])).toEqual([['c5', null], ['c6', '2026-07-01'], ['c6', null]]);
    expect(all.nodes[1].target.code).toMatch(/^37050310021[1-5]$/);
  });

  it('sends as many statements for first secretaries of many divisions as of one', async () => {
    const run = (codes: string[]) => countStatements(() => t.ok(FS, { ...divisions(codes), first: 10 }));
    const one = await run([D_HEKOU]);
    expect((await run([D_HEKOU, D_DONGYING])).statements).toBe(one.statements);
    expect((await run([CITY])).statements).toBe(one.statements);
  });

  it('counts a cadre\'s stationed days in the period from its STATIONED visits, in scope', async () => {
    const VISIT = `mutation($k: VisitKind!, $d: Date!, $c: [ID!]!, $t: ID!, $days: Int) { recordVisit(kind: $k, date: $d, cadreIds: $c, targetType: "Division", targetId: $t, days: $days) { id days } }`;
    const visits: [string, string, string, string, number][] = [
      ['STATIONED', '2026-06-20', 'c5', C, 5], // 06-20..06-24
      ['STATIONED', '2025-12-29', 'c5', C, 5], // 12-29..01-02: 2 days in 2026
      ['FORUM', '2026-06-25', 'c5', C, 3], // not a stationing
      ['STATIONED', '2026-06-01', 'c1', C, 3], // a city cadre in Hekou
      ['STATIONED', '2026-05-01', 'c1', A, 2], // ... and in Dongying
    ];
    for (const [k, d, c, target, days] of visits) expect((await t.ok(VISIT, { k, d, c: [c], t: target, days })).recordVisit.days).toBe(days);
    const Q = `query($id: ID!) { cadre(id: $id) { year: stationedDays june: stationedDays(from: "2026-06-22", to: "2026-06-30") old: stationedDays(from: "2025-12-30", to: "2025-12-31") } }`;
    expect((await t.ok(Q, { id: 'c5' })).cadre).toEqual({ year: 7, june: 3, old: 2 });
    expect((await t.ok(Q, { id: 'c1' })).cadre).toEqual({ year: 5, june: 0, old: 0 });
    expect((await t.ok(Q, { id: 'c6' })).cadre).toEqual({ year: 0, june: 0, old: 0 });
    // from Dongying: only the days lying there; c5 unseen
    expect((await t.ok(Q, { id: 'c1' }, dyAdmin)).cadre).toEqual({ year: 2, june: 0, old: 0 });
    expect((await t.ok(Q, { id: 'c5' }, dyAdmin)).cadre).toBeNull();
    expect(await t.failure(`{ cadre(id: "c5") { stationedDays(from: "2026-06-30", to: "2026-06-01") } }`)).toEqual([{ code: 'BAD_USER_INPUT', field: 'to' }]);
    // one statement for any number of cadres
    const LIST = `query($n: Int) { cadres(first: $n) { nodes { id stationedDays } } }`;
    const few = await countStatements(() => t.ok(LIST, { n: 1 }));
    const many = await countStatements(() => t.ok(LIST, { n: 20 }));
    expect(many.result.cadres.nodes.find((c: { id: string }) => c.id === 'c5').stationedDays).toBe(7);
    expect(many.statements).toBe(few.statements);
  });

  // ------------------------------------------------------------------ assessments

  it('records a township\'s assessment of a first secretary: ADMIN in scope only, one per period', async () => {
    const assessments = () => count('SELECT COUNT(*) AS n FROM assessment');
    const vars = { l: c5Link, p: '2026-H1', s: 88, c: '驻村扎实' };
    for (const viewer of [dyAdmin, d3Dept, c5Cadre, analyst, partner]) {
      expect({ viewer: viewer.sub, errors: await t.failure(ASSESS, vars, viewer) }).toEqual({ viewer: viewer.sub, errors: [viewer === dyAdmin ? { code: 'FORBIDDEN', field: 'liaisonId' } : { code: 'FORBIDDEN' }] });
    }
    expect(await assessments()).toBe(0);
    const made = (await t.ok(ASSESS, vars, hkAdmin)).assessFirstSecretary;
    expect(made).toEqual({ id: made.id, period: '2026-H1', score: 88, comment: '驻村扎实', at: NOW.toISOString() });
    expect(await t.failure(ASSESS, { ...vars, s: 60 }, hkAdmin)).toEqual([{ code: 'CONFLICT', field: 'period' }]);
    expect(await assessments()).toBe(1);
    expect((await t.ok(ASSESS, { l: c5Link, p: '2025', s: 75 })).assessFirstSecretary).toMatchObject({ period: '2025', score: 75, comment: null });
    // input errors
    const bad: [Record<string, unknown>, string, string][] = [
      [{ s: 0 }, 'BAD_USER_INPUT', 'score'],
      [{ s: 101 }, 'BAD_USER_INPUT', 'score'],
      [{ p: '2026-H3' }, 'BAD_USER_INPUT', 'period'],
      [{ p: '26' }, 'BAD_USER_INPUT', 'period'],
      [{ l: 'L1' }, 'BAD_USER_INPUT', 'liaisonId'], // a LEAD link
      [{ l: 'L-missing' }, 'NOT_FOUND', 'liaisonId'],
    ];
    for (const [extra, code, field] of bad) expect(await t.failure(ASSESS, { ...vars, p: '2026-Q2', ...extra })).toEqual([{ code, field }]);
    expect(await assessments()).toBe(2);
    // concurrent assessments of one period: one is recorded
    const racing = await Promise.all([70, 71, 72, 73].map((s) => t.asUser(ASSESS, { l: c5Link, p: '2026-Q3', s })));
    expect(outcomes(racing)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'ok']);
    const q3 = racing.find((r) => !r.errors)!.data!.assessFirstSecretary.score;
    expect(await assessments()).toBe(3);
    // read with the link, by period; other links have none
    const read = await t.ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { firstSecretaries { nodes { cadre { id } assessments { period score comment at } } } } } }`, divisions([C]));
    expect(read._entities[0].firstSecretaries.nodes).toEqual([
      {
        cadre: { id: 'c5' },
        assessments: [
          { period: '2025', score: 75, comment: null, at: NOW.toISOString() },
          { period: '2026-H1', score: 88, comment: '驻村扎实', at: NOW.toISOString() },
          { period: '2026-Q3', score: q3, comment: null, at: NOW.toISOString() },
        ],
      },
    ]);
    expect((await t.ok(`{ cadre(id: "c2") { liaisons { id assessments { id } } } }`)).cadre.liaisons).toEqual([{ id: 'L1', assessments: [] }]);
  });

  // ------------------------------------------------------------------ pledges

  const ids: Record<string, string> = {};
  const pledgeOut = (id: string, title: string, code: string, cadre: string, date: string, status = 'PLANNED', version = 1) => ({
    id, title, division: { code }, leadCadre: { id: cadre }, targetDate: date, status, version,
  });

  it('creates pledges (ADMIN in scope, led by a cadre serving the division) and refuses the rest, writing nothing', async () => {
    const pledges = () => count('SELECT COUNT(*) AS n FROM pledge');
    const vars = { title: '修通村路', d: B, c: 'c2', date: '2026-09-30' };
    for (const viewer of [hkAdmin, d1Dept, c2Cadre, analyst, partner]) {
      expect({ viewer: viewer.sub, errors: await t.failure(PLEDGE, vars, viewer) }).toEqual({ viewer: viewer.sub, errors: [viewer === hkAdmin ? { code: 'FORBIDDEN', field: 'divisionCode' } : { code: 'FORBIDDEN' }] });
    }
    const refusals: [Record<string, unknown>, Viewer, string, string][] = [
      [{ c: 'c4' }, adminViewer, 'BAD_USER_INPUT', 'leadCadreId'], // a T1 unit's cadre does not serve a T2 village
      [{ c: 'c5', d: D_DONGYING }, dyAdmin, 'FORBIDDEN', 'leadCadreId'], // a cadre it does not see
      [{ c: 'c-missing' }, adminViewer, 'NOT_FOUND', 'leadCadreId'],
      [{ d: '1234' }, adminViewer, 'BAD_USER_INPUT', 'divisionCode'],
      [{ d: '370599000000', c: 'c1' }, adminViewer, 'NOT_FOUND', 'divisionCode'],
      [{ title: '' }, adminViewer, 'BAD_USER_INPUT', 'title'],
    ];
    for (const [extra, viewer, code, field] of refusals) expect(await t.failure(PLEDGE, { ...vars, ...extra }, viewer)).toEqual([{ code, field }]);
    expect(await pledges()).toBe(0);

    const made: [string, Record<string, string>, Viewer][] = [
      ['P1', vars, dyAdmin],
      ['P2', { title: '社区养老食堂', d: A, c: 'c1', date: '2026-08-31' }, adminViewer],
      ['P3', { title: '网格化服务', d: D_DONGYING, c: 'c2', date: '2026-12-31' }, adminViewer],
      ['P4', { title: '全市实事', d: CITY, c: 'c1', date: '2026-10-01' }, adminViewer],
      ['P5', { title: '河口实事', d: C, c: 'c5', date: '2026-07-15' }, hkAdmin],
    ];
    for (const [name, v, viewer] of made) {
      const p = (await t.ok(PLEDGE, v, viewer)).createPledge;
      expect(p).toEqual(pledgeOut(p.id, v.title, v.d, v.c, v.date));
      ids[name] = p.id;
    }
    expect(await pledges()).toBe(5);
  });

  it('moves a pledge on: ADMIN in scope or its lead cadre, versioned, along PLANNED → ONGOING → DONE', async () => {
    const version = async (id: string) => Number((await t.people.ds.query('SELECT version FROM pledge WHERE id = ?', [id]))[0].version);
    const P1 = ids.P1;
    for (const viewer of [hkAdmin, d1Dept, c3Cadre, analyst, partner]) {
      expect({ viewer: viewer.sub, errors: await t.failure(SET, { id: P1, v: 1, s: 'ONGOING' }, viewer) }).toEqual({
        viewer: viewer.sub,
        errors: [viewer === hkAdmin || viewer === c3Cadre ? { code: 'FORBIDDEN', field: 'id' } : { code: 'FORBIDDEN' }],
      });
    }
    expect(await version(P1)).toBe(1);
    expect((await t.ok(SET, { id: P1, v: 1, s: 'ONGOING' }, c2Cadre)).setPledgeStatus).toEqual({ id: P1, status: 'ONGOING', version: 2 });
    expect(await t.failure(SET, { id: P1, v: 1, s: 'DONE' }, dyAdmin)).toEqual([{ code: 'CONFLICT', field: 'expectedVersion' }]);
    expect((await t.ok(SET, { id: P1, v: 2, s: 'DONE' }, dyAdmin)).setPledgeStatus).toEqual({ id: P1, status: 'DONE', version: 3 });
    const done = await t.asUser(SET, { id: P1, v: 3, s: 'ONGOING' });
    expect(done.errors?.map((e) => e.extensions)).toEqual([{ code: 'INVALID_TRANSITION', current: 'DONE', allowed: [] }]);
    const same = await t.asUser(SET, { id: ids.P2, v: 1, s: 'PLANNED' });
    expect(same.errors?.map((e) => e.extensions)).toEqual([{ code: 'INVALID_TRANSITION', current: 'PLANNED', allowed: ['ONGOING', 'DONE'] }]);
    expect(await t.failure(SET, { id: ids.P5, v: 1, s: 'ONGOING' }, c2Cadre)).toEqual([{ code: 'FORBIDDEN', field: 'id' }]); // not its pledge, nor in its scope
    expect(await t.failure(SET, { id: 'P-missing', v: 1, s: 'DONE' })).toEqual([{ code: 'NOT_FOUND', field: 'id' }]);
    expect((await t.ok(SET, { id: ids.P5, v: 1, s: 'ONGOING' }, c5Cadre)).setPledgeStatus).toEqual({ id: ids.P5, status: 'ONGOING', version: 2 });
    expect([await version(P1), await version(ids.P2), await version(ids.P5)]).toEqual([3, 1, 2]);
  });

  const PLEDGES = `query($r: [_Any!]!, $status: PledgeStatus, $first: Int) { _entities(representations: $r) { ... on Division { pledges(status: $status, first: $first) { totalCount pageInfo { hasNextPage } nodes { id title division { code } leadCadre { id } targetDate status version } } } } }`;

  it('lists pledges by division (by target date), by status, and by lead cadre, in scope', async () => {
    const P = {
      P1: pledgeOut(ids.P1, '修通村路', B, 'c2', '2026-09-30', 'DONE', 3),
      P2: pledgeOut(ids.P2, '社区养老食堂', A, 'c1', '2026-08-31'),
      P3: pledgeOut(ids.P3, '网格化服务', D_DONGYING, 'c2', '2026-12-31'),
      P4: pledgeOut(ids.P4, '全市实事', CITY, 'c1', '2026-10-01'),
      P5: pledgeOut(ids.P5, '河口实事', C, 'c5', '2026-07-15', 'ONGOING', 2),
    };
    const page = (nodes: unknown[], totalCount = nodes.length, hasNextPage = false) => ({ pledges: { totalCount, pageInfo: { hasNextPage }, nodes } });
    expect((await t.ok(PLEDGES, divisions([CITY, D_DONGYING, D_HEKOU, T1])))._entities).toEqual([
      page([P.P5, P.P2, P.P1, P.P4, P.P3]),
      page([P.P2, P.P1, P.P3]),
      page([P.P5]),
      page([P.P2]),
    ]);
    expect((await t.ok(PLEDGES, { ...divisions([CITY]), first: 2 }))._entities).toEqual([page([P.P5, P.P2], 5, true)]);
    expect((await t.ok(PLEDGES, { ...divisions([CITY, D_DONGYING]), status: 'PLANNED' }))._entities).toEqual([page([P.P2, P.P4, P.P3]), page([P.P2, P.P3])]);
    expect((await t.ok(PLEDGES, { ...divisions([D_DONGYING]), status: 'DONE' }))._entities).toEqual([page([P.P1])]);
    // Dongying's office: its subtree only
    expect((await t.ok(PLEDGES, divisions([D_DONGYING, D_HEKOU, CITY]), dyAdmin))._entities).toEqual([page([P.P2, P.P1, P.P3]), null, null]);
    expect((await t.ok(PLEDGES, divisions([CITY]), partner))._entities).toEqual([null]);

    const CADRE = `query($id: ID!) { cadre(id: $id) { pledges { id } } }`;
    const idsOf = async (id: string, viewer: Viewer = adminViewer) => (await t.ok(CADRE, { id }, viewer)).cadre?.pledges?.map((p: { id: string }) => p.id) ?? null;
    expect(await idsOf('c1')).toEqual([ids.P2, ids.P4]);
    expect(await idsOf('c1', dyAdmin)).toEqual([ids.P2]); // the city's pledge lies outside Dongying
    expect(await idsOf('c1', analyst)).toEqual([ids.P2, ids.P4]);
    expect(await idsOf('c2')).toEqual([ids.P1, ids.P3]);
    expect(await idsOf('c6')).toEqual([]);
    expect(await idsOf('c1', partner)).toBeNull();

    const REF = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Pledge { id title leadCadre { id } } } }`;
    const refs = { r: [ids.P5, ids.P1, 'P-missing'].map((id) => ({ __typename: 'Pledge', id })) };
    expect((await t.ok(REF, refs))._entities).toEqual([{ id: ids.P5, title: '河口实事', leadCadre: { id: 'c5' } }, { id: ids.P1, title: '修通村路', leadCadre: { id: 'c2' } }, null]);
    expect((await t.ok(REF, refs, dyAdmin))._entities).toEqual([null, { id: ids.P1, title: '修通村路', leadCadre: { id: 'c2' } }, null]);
  });

  it('sends as many statements for the pledges of many divisions and cadres as of one', async () => {
    const run = (codes: string[]) => countStatements(() => t.ok(PLEDGES, divisions(codes)));
    const one = await run([D_DONGYING]);
    expect((await run([D_DONGYING, D_HEKOU])).statements).toBe(one.statements);
    expect((await run([CITY])).statements).toBe(one.statements);
    const LIST = `query($n: Int) { cadres(first: $n) { nodes { id pledges { id title targetDate status } } } }`;
    const few = await countStatements(() => t.ok(LIST, { n: 1 }));
    const many = await countStatements(() => t.ok(LIST, { n: 20 }));
    expect(many.result.cadres.nodes.filter((c: { pledges: unknown[] }) => c.pledges.length).length).toBe(3);
    expect(many.statements).toBe(few.statements);
  });

  it('makes createPledge and assessFirstSecretary safe to retry with an idempotencyKey', async () => {
    await expectIdempotentCreate(t.people, {
      mutation: PLEDGE,
      field: 'createPledge',
      variables: { title: '再来一次', d: B, c: 'c2', date: '2026-11-30' },
      otherContent: { title: '别的实事' },
      count: () => count('SELECT COUNT(*) AS n FROM pledge'),
    });
    const KEYED = `mutation($l: ID!, $p: String!, $s: Int!, $key: String) { assessFirstSecretary(liaisonId: $l, period: $p, score: $s, idempotencyKey: $key) { id period score } }`;
    const first = (await t.ok(KEYED, { l: c5Link, p: '2026-Q4', s: 90, key: 'k-1' })).assessFirstSecretary;
    expect((await t.ok(KEYED, { l: c5Link, p: '2026-Q4', s: 90, key: 'k-1' })).assessFirstSecretary).toEqual(first);
    expect(await t.failure(KEYED, { l: c5Link, p: '2026-Q4', s: 91, key: 'k-1' })).toEqual([{ code: 'CONFLICT', field: 'idempotencyKey' }]);
    expect(await count("SELECT COUNT(*) AS n FROM assessment WHERE period = '2026-Q4'")).toBe(1);
  });
});
