import type { Subgraph, Viewer } from '@cadres/kit';
import { countStatements, data, describeEachDatabase, runOperation } from '@cadres/kit/src/testing';
import { Demand, DemandEvent, DemandTaker } from './entities';
import * as service from './service';
import { createIssuesSubgraph, testConfig } from './test-owners';
import { allowedDemandSteps } from './workflow';

const config = testConfig();
const T0 = new Date('2026-03-02T08:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const iso = (hours: number) => at(hours).toISOString();
const DISTRICT = '370502000000';
const COMMUNITY = '370502001001';
const UNIT = 'D-370502-01';

const viewers = {
  ADMIN: { sub: 'admin', role: 'ADMIN', scope: null },
  DEPARTMENT: { sub: 'dept', role: 'DEPARTMENT', scope: DISTRICT, departmentId: UNIT },
  CADRE: { sub: 'cadre', role: 'CADRE', scope: DISTRICT, cadreId: 'C-00005' },
  ANALYST: { sub: 'analyst', role: 'ANALYST', scope: null },
  PARTNER: { sub: 'hotline', role: 'PARTNER', scope: null },
} satisfies Record<string, Viewer>;
type RoleName = keyof typeof viewers;

const FIELDS = `id ref title description division { code } status version result takers { department { id } cadre { id } }
  deliberation { count average satisfactionRate } history { at action fromStatus toStatus actor note }`;
const DOCS = {
  orderDemand: `mutation($d: ID!, $t: String!, $desc: String!, $k: String) { orderDemand(divisionCode: $d, title: $t, description: $desc, idempotencyKey: $k) { ${FIELDS} } }`,
  openDemand: `mutation($id: ID!, $v: Int!) { openDemand(id: $id, expectedVersion: $v) { ${FIELDS} } }`,
  takeDemand: `mutation($id: ID!, $v: Int!, $dept: ID, $cadre: ID) { takeDemand(id: $id, expectedVersion: $v, departmentId: $dept, cadreId: $cadre) { ${FIELDS} } }`,
  completeDemand: `mutation($id: ID!, $v: Int!, $r: String!) { completeDemand(id: $id, expectedVersion: $v, result: $r) { ${FIELDS} } }`,
  deliberateDemand: `mutation($id: ID!, $v: Int!, $s: [Int!]!) { deliberateDemand(id: $id, expectedVersion: $v, scores: $s) { ${FIELDS} } }`,
};
type Doc = keyof typeof DOCS;
const ORDER = { d: COMMUNITY, t: '加装楼道扶手', desc: '老人上下楼不便, 联系人王女士 138****5678' };

describeEachDatabase('issues subgraph: the 四单 method (demands)', (db) => {
  let issues: Subgraph;
  let clock = T0;
  beforeAll(async () => {
    // C-00005 (the CADRE viewer) belongs to D-370502-09.
    issues = await createIssuesSubgraph(db, { config, now: () => clock, people: { cadres: { 'C-00005': 'D-370502-09' } } });
  });
  afterAll(() => issues?.stop());
  beforeEach(() => {
    clock = T0;
  });

  const run = (doc: Doc, vars: Record<string, unknown>, viewer: Viewer = viewers.ADMIN) => runOperation(issues, DOCS[doc], vars, viewer);
  const step = async (doc: Doc, vars: Record<string, unknown>, viewer?: Viewer) => {
    const r = await run(doc, vars, viewer);
    if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
    return r.data![doc];
  };
  const errorsOf = async (doc: Doc, vars: Record<string, unknown>, viewer?: Viewer) => (await run(doc, vars, viewer)).errors?.map((e) => e.extensions);
  const snapshot = async () => ({
    demands: await issues.ds.getRepository(Demand).find({ order: { id: 'ASC' } }),
    takers: await issues.ds.getRepository(DemandTaker).count(),
    events: await issues.ds.getRepository(DemandEvent).count(),
  });
  /** A new demand walked to `status` by ADMIN; ordered by `orderer`. */
  const demandAt = async (status: 'ORDERED' | 'OPENED' | 'TAKEN' | 'DONE', orderer = 'admin', takerCadre?: string, takerUnit = UNIT) => {
    const a = (actor: string) => ({ ds: issues.ds, now: clock, actor, config });
    let d = await service.orderDemand(a(orderer), { divisionCode: COMMUNITY, title: '修路灯', description: '路灯不亮' });
    const order = ['ORDERED', 'OPENED', 'TAKEN', 'DONE'];
    if (order.indexOf(status) >= 1) d = await service.openDemand(a('admin'), d.id, d.version);
    if (order.indexOf(status) >= 2) d = await service.takeDemand(a('admin'), d.id, d.version, takerUnit, takerCadre ?? null);
    if (order.indexOf(status) >= 3) d = await service.completeDemand(a('admin'), d.id, d.version, '已修复');
    return d;
  };

  it('walks 点单 → 开单 → 接单 (two takers) → 办结 → 议单, exactly, with the history; a retried order returns the first', async () => {
    const ordered = await step('orderDemand', { ...ORDER, k: 'order-1' }, viewers.PARTNER);
    expect(await step('orderDemand', { ...ORDER, k: 'order-1' }, viewers.PARTNER)).toEqual(ordered);
    const { id } = ordered;
    clock = at(1);
    let v = (await step('openDemand', { id, v: 1 }, viewers.DEPARTMENT)).version;
    clock = at(2);
    v = (await step('takeDemand', { id, v, dept: UNIT }, viewers.DEPARTMENT)).version;
    clock = at(3);
    v = (await step('takeDemand', { id, v, cadre: 'C-00005' }, viewers.CADRE)).version;
    clock = at(4);
    v = (await step('completeDemand', { id, v, r: '已安装扶手 12 处' }, viewers.CADRE)).version;
    clock = at(5);
    const done = await step('deliberateDemand', { id, v, s: [5, 4, 3, 5] });
    const ev = (h: number, action: string, actor: string, note: string | null) => ({ at: iso(h), action, fromStatus: null, toStatus: null, actor, note });
    expect(done).toEqual({
      id,
      ref: 'D-2026-370502-000001',
      title: ORDER.t,
      description: ORDER.desc,
      division: { code: COMMUNITY },
      status: 'DELIBERATED',
      version: 6,
      result: '已安装扶手 12 处',
      takers: [{ department: { id: UNIT }, cadre: null }, { department: null, cadre: { id: 'C-00005' } }],
      deliberation: { count: 4, average: 4.25, satisfactionRate: 0.75 },
      history: [
        ev(0, 'ORDER', 'hotline', null),
        ev(1, 'OPEN', 'dept', null),
        ev(2, 'TAKE', 'dept', UNIT),
        ev(3, 'TAKE', 'cadre', 'C-00005'),
        ev(4, 'COMPLETE', 'cadre', '已安装扶手 12 处'),
        ev(5, 'DELIBERATE', 'admin', '4 scores, average 4.25'),
      ],
    });
    const read = `query($id: ID, $ref: String) { demand(id: $id, ref: $ref) { ref status } }`;
    expect(await data(issues, read, { ref: done.ref })).toEqual({ demand: { ref: done.ref, status: 'DELIBERATED' } });
    expect(await data(issues, read, { id }, viewers.PARTNER)).toEqual({ demand: { ref: done.ref, status: 'DELIBERATED' } });
    expect(await data(issues, read, { id }, { ...viewers.PARTNER, sub: 'other-hotline' })).toEqual({ demand: null });
    expect(await data(issues, read, { id }, { ...viewers.ANALYST, scope: '370503000000' })).toEqual({ demand: null });
  });

  it('refuses steps out of turn (INVALID_TRANSITION, current and allowed), stale versions and bad input, writing nothing', async () => {
    const ordered = await demandAt('ORDERED');
    const taken = await demandAt('TAKEN');
    const before = await snapshot();
    const got = [
      await errorsOf('completeDemand', { id: ordered.id, v: 1, r: '已办' }),
      await errorsOf('takeDemand', { id: ordered.id, v: 1, dept: UNIT }),
      await errorsOf('deliberateDemand', { id: taken.id, v: taken.version, s: [5] }),
      await errorsOf('openDemand', { id: taken.id, v: taken.version }),
      await errorsOf('openDemand', { id: ordered.id, v: 2 }),
      await errorsOf('openDemand', { id: 'no-such-demand', v: 1 }),
      await errorsOf('takeDemand', { id: taken.id, v: taken.version, dept: UNIT }), // twice
      await errorsOf('takeDemand', { id: taken.id, v: taken.version }),
      await errorsOf('takeDemand', { id: taken.id, v: taken.version, dept: 'D-370503-01' }), // another district's
      await errorsOf('takeDemand', { id: taken.id, v: taken.version, dept: 'D-missing' }),
      await errorsOf('takeDemand', { id: taken.id, v: taken.version, cadre: 'C-missing' }),
      await errorsOf('completeDemand', { id: taken.id, v: taken.version, r: ' ' }),
      await errorsOf('deliberateDemand', { id: taken.id, v: taken.version, s: [] }),
      await errorsOf('deliberateDemand', { id: taken.id, v: taken.version, s: [5, 6] }),
      await errorsOf('orderDemand', { ...ORDER, t: '' }),
      await errorsOf('orderDemand', { ...ORDER, d: '3705' }),
      await errorsOf('orderDemand', { ...ORDER, d: '370599001001' }),
    ];
    expect(got).toEqual([
      [{ code: 'INVALID_TRANSITION', current: 'ORDERED', allowed: ['openDemand'] }],
      [{ code: 'INVALID_TRANSITION', current: 'ORDERED', allowed: ['openDemand'] }],
      [{ code: 'INVALID_TRANSITION', current: 'TAKEN', allowed: allowedDemandSteps('TAKEN') }],
      [{ code: 'INVALID_TRANSITION', current: 'TAKEN', allowed: ['takeDemand', 'completeDemand'] }],
      [{ code: 'CONFLICT', field: 'expectedVersion' }],
      [{ code: 'NOT_FOUND', field: 'id' }],
      [{ code: 'CONFLICT', field: 'departmentId' }],
      [{ code: 'BAD_USER_INPUT', field: 'departmentId' }],
      [{ code: 'BAD_USER_INPUT', field: 'departmentId' }],
      [{ code: 'NOT_FOUND', field: 'departmentId' }],
      [{ code: 'NOT_FOUND', field: 'cadreId' }],
      [{ code: 'BAD_USER_INPUT', field: 'result' }],
      [{ code: 'BAD_USER_INPUT', field: 'scores' }],
      [{ code: 'BAD_USER_INPUT', field: 'scores' }],
      [{ code: 'BAD_USER_INPUT', field: 'title' }],
      [{ code: 'BAD_USER_INPUT', field: 'divisionCode' }],
      [{ code: 'NOT_FOUND', field: 'divisionCode' }],
    ]);
    expect(await snapshot()).toEqual(before);
    // The same key with another order is a CONFLICT on the key.
    await step('orderDemand', { ...ORDER, k: 'order-2' });
    expect(await errorsOf('orderDemand', { ...ORDER, t: '别的', k: 'order-2' })).toEqual([{ code: 'CONFLICT', field: 'idempotencyKey' }]);
  });

  it('gives every role exactly its rights on every demand mutation, and a refusal writes nothing', async () => {
    const cases: Record<Doc, { stage: 'none' | 'ORDERED' | 'OPENED' | 'TAKEN' | 'DONE'; vars: (viewer: Viewer) => Record<string, unknown> }> = {
      orderDemand: { stage: 'none', vars: () => ORDER },
      openDemand: { stage: 'ORDERED', vars: () => ({}) },
      // Each takes as itself (ADMIN names the unit).
      takeDemand: { stage: 'OPENED', vars: (w) => (w.cadreId ? { cadre: w.cadreId } : { dept: w.departmentId ?? 'D-370502-02' }) },
      completeDemand: { stage: 'TAKEN', vars: () => ({ r: '已办结' }) },
      deliberateDemand: { stage: 'DONE', vars: () => ({ s: [4, 5] }) },
    };
    const got: Record<string, Record<string, string>> = {};
    for (const role of Object.keys(viewers) as RoleName[]) {
      got[role] = {};
      const viewer = viewers[role];
      for (const [doc, c] of Object.entries(cases) as [Doc, (typeof cases)[Doc]][]) {
        // The DEPARTMENT and the CADRE complete what they took (a TAKEN demand's taker: UNIT with the cadre); a DONE one was taken by another unit.
        const d = c.stage === 'none' ? null : await demandAt(c.stage, viewer.sub, c.stage === 'TAKEN' ? 'C-00005' : undefined, c.stage === 'DONE' ? 'D-370502-02' : UNIT);
        const before = await snapshot();
        const r = await run(doc, { ...(d ? { id: d.id, v: d.version } : {}), ...c.vars(viewer) }, viewer);
        got[role][doc] = r.errors ? r.errors.map((e) => e.extensions?.code).join() : 'OK';
        if (r.errors) expect([role, doc, await snapshot()]).toEqual([role, doc, before]);
      }
    }
    const [OK, NO] = ['OK', 'FORBIDDEN'];
    expect(got).toEqual({
      ADMIN: { orderDemand: OK, openDemand: OK, takeDemand: OK, completeDemand: OK, deliberateDemand: OK },
      DEPARTMENT: { orderDemand: NO, openDemand: OK, takeDemand: OK, completeDemand: OK, deliberateDemand: OK },
      CADRE: { orderDemand: OK, openDemand: NO, takeDemand: OK, completeDemand: OK, deliberateDemand: NO },
      ANALYST: { orderDemand: NO, openDemand: NO, takeDemand: NO, completeDemand: NO, deliberateDemand: NO },
      PARTNER: { orderDemand: OK, openDemand: NO, takeDemand: NO, completeDemand: NO, deliberateDemand: NO },
    });
  });

  it('confines opening and deliberation to the division, completion to the takers, and taking to oneself', async () => {
    const otherDistrictUnit = { ...viewers.DEPARTMENT, sub: 'dept-503', scope: null, departmentId: 'D-370503-01' };
    const codes = async (doc: Doc, d: Demand, vars: Record<string, unknown>, viewer: Viewer) => {
      const before = await snapshot();
      const r = await run(doc, { id: d.id, v: d.version, ...vars }, viewer);
      if (r.errors) expect(await snapshot()).toEqual(before);
      return r.errors?.map((e) => e.extensions) ?? 'OK';
    };
    const NO = [{ code: 'FORBIDDEN' }];
    expect([
      await codes('openDemand', await demandAt('ORDERED'), {}, otherDistrictUnit), // serves another district
      await codes('deliberateDemand', await demandAt('DONE'), { s: [5] }, otherDistrictUnit),
      await codes('deliberateDemand', await demandAt('DONE'), { s: [5] }, viewers.DEPARTMENT), // UNIT took it: not its own work
      await codes('completeDemand', await demandAt('TAKEN'), { r: '已办' }, { ...viewers.DEPARTMENT, departmentId: 'D-370502-02' }), // not a taker
      await codes('takeDemand', await demandAt('OPENED'), { dept: 'D-370502-02' }, viewers.DEPARTMENT),
      await codes('takeDemand', await demandAt('OPENED'), { dept: UNIT, cadre: 'C-00001' }, viewers.DEPARTMENT),
      await codes('takeDemand', await demandAt('OPENED'), { cadre: 'C-00001' }, viewers.CADRE),
      await codes('openDemand', await demandAt('ORDERED'), {}, { ...viewers.ADMIN, scope: '370503000000' }),
    ]).toEqual([NO, NO, NO, NO, [{ code: 'FORBIDDEN', field: 'departmentId' }], [{ code: 'FORBIDDEN', field: 'cadreId' }], [{ code: 'FORBIDDEN', field: 'cadreId' }], NO]);
  });
});

describeEachDatabase('issues subgraph: the published lists (亮出来, 晒出去)', (db) => {
  let issues: Subgraph;
  beforeAll(async () => {
    issues = await createIssuesSubgraph(db, { config, now: () => T0 });
  });
  afterAll(() => issues?.stop());

  /** `n` demands in `divisionCode` inserted directly, cycling through the statuses, each taken past OPENED by UNIT and a cadre. */
  const seed = async (n: number, divisionCode: string, tag: string) => {
    const statuses = ['ORDERED', 'OPENED', 'TAKEN', 'DONE', 'DELIBERATED'] as const;
    const demands: Demand[] = Array.from({ length: n }, (_, i) => {
      const s = statuses[i % 5];
      const stage = statuses.indexOf(s);
      return {
        id: `${tag}-${String(i).padStart(4, '0')}`, ref: `D-2026-${divisionCode.slice(0, 6)}-${tag}${String(i).padStart(4, '0')}`, title: `需求 ${i}`,
        description: '联系人张三 13800000000', divisionCode, status: s, version: stage + 1, orderedBy: 'resident-proxy', orderedAt: at(i),
        openedAt: stage >= 1 ? at(i + 1) : null, takenAt: stage >= 2 ? at(i + 2) : null, doneAt: stage >= 3 ? at(i + 3) : null,
        deliberatedAt: stage >= 4 ? at(i + 4) : null, result: stage >= 3 ? `已办 ${i}` : null, scores: stage >= 4 ? [5] : null,
      };
    });
    const takers: DemandTaker[] = demands
      .filter((d) => d.takenAt)
      .flatMap((d) => [
        { id: `${d.id}-t1`, demandId: d.id, seq: 3, departmentId: UNIT, cadreId: null, at: d.takenAt! },
        { id: `${d.id}-t2`, demandId: d.id, seq: 4, departmentId: null, cadreId: 'C-00009', at: d.takenAt! },
      ]);
    for (let i = 0; i < demands.length; i += 100) await issues.ds.getRepository(Demand).insert(demands.slice(i, i + 100));
    for (let i = 0; i < takers.length; i += 100) await issues.ds.getRepository(DemandTaker).insert(takers.slice(i, i + 100));
  };

  const listOf = (code: string, list: string, viewer?: Viewer, first = 20) =>
    data(issues, `query($r: [_Any!]!, $list: PublishedList!, $first: Int) { _entities(representations: $r) { ... on Division {
      publishedList(list: $list, first: $first) { totalCount nodes { ref title division { code } status handledBy result at } } } } }`,
      { r: [{ __typename: 'Division', code }], list, first }, viewer).then((r) => r._entities[0].publishedList);

  it('publishes the three lists from the demands, exactly, with no personal data, to every role in its scope', async () => {
    await seed(5, COMMUNITY, 'A');
    await seed(5, '370503001001', 'B');
    const line = (i: number, status: string, at: number, result: string | null) => ({
      ref: `D-2026-370502-A000${i}`, title: `需求 ${i}`, division: { code: COMMUNITY }, status, handledBy: [UNIT], result, at: iso(at),
    });
    const needs = { totalCount: 4, nodes: [line(4, 'DELIBERATED', 5, '已办 4'), line(3, 'DONE', 4, '已办 3'), line(2, 'TAKEN', 3, null), { ...line(1, 'OPENED', 2, null), handledBy: [] }] };
    for (const role of Object.keys(viewers) as RoleName[]) {
      const viewer = { ...viewers[role], scope: DISTRICT };
      expect([role, await listOf(DISTRICT, 'NEEDS', viewer)]).toEqual([role, needs]);
    }
    expect(await listOf(DISTRICT, 'RECTIFICATION')).toEqual({ totalCount: 1, nodes: [line(2, 'TAKEN', 4, null)] });
    expect(await listOf(DISTRICT, 'RESULTS')).toEqual({ totalCount: 2, nodes: [line(4, 'DELIBERATED', 7, '已办 4'), line(3, 'DONE', 6, '已办 3')] });
    // Another district's token sees nothing of this one; the city's list holds both districts.
    expect(await listOf(DISTRICT, 'NEEDS', { ...viewers.PARTNER, scope: '370503000000' })).toEqual({ totalCount: 0, nodes: [] });
    expect((await listOf('370500000000', 'NEEDS')).totalCount).toBe(8);
    // Nothing about a person: no description, no orderer, no cadre anywhere in the answer.
    const text = JSON.stringify(await listOf('370500000000', 'NEEDS'));
    expect([text.includes('张三'), text.includes('13800000000'), text.includes('resident-proxy'), text.includes('C-00009')]).toEqual([false, false, false, false]);
  });

  it('sends the same statements for 10 and for 1,000 items', async () => {
    await seed(1250, '370505001001', 'C'); // 1,000 opened: the NEEDS list of 370505
    const small = await countStatements(() => listOf('370505000000', 'NEEDS', undefined, 10));
    const large = await countStatements(() => listOf('370505000000', 'NEEDS', undefined, 500));
    expect([small.result.totalCount, small.result.nodes.length, large.result.nodes.length]).toEqual([1000, 10, 500]);
    expect([small.statements, large.statements]).toEqual([3, 3]); // the page, its count, the takers
  });
});
