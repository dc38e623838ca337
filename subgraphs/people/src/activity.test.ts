// Help records, activity figures and the department ranking on the small world (small-world.ts):
// every figure below is worked out by hand from its visits and the help records recorded here.
import { insertInChunks, type Viewer } from '@cadres/kit';
import { countStatements, describeEachDatabase } from '@cadres/kit/src/testing';
import { Cadre, Department, Pledge } from './entities';
import { A, B, C, CITY, D_DONGYING, D_HEKOU, T1, useSmallWorld } from './small-world';

const dongyingAdmin: Viewer = { sub: 'admin-dy', role: 'ADMIN', scope: D_DONGYING };
const hekouAdmin: Viewer = { sub: 'admin-hk', role: 'ADMIN', scope: D_HEKOU };
const dongyingAnalyst: Viewer = { sub: 'analyst-dy', role: 'ANALYST', scope: D_DONGYING };
const hekouAnalyst: Viewer = { sub: 'analyst-hk', role: 'ANALYST', scope: D_HEKOU };
const cadreC4: Viewer = { sub: 'cadre-c4', role: 'CADRE', scope: null, cadreId: 'c4' };
const analyst: Viewer = { sub: 'analyst', role: 'ANALYST', scope: null };
const partner: Viewer = { sub: 'partner', role: 'PARTNER', scope: null };

const RECORD = `mutation($input: HelpInput!) { recordHelp(input: $input) { id date cadre { id } target { __typename ... on Household { id } ... on Division { code } ... on Enterprise { id } } peopleHelped funds contactCards researchReports note } }`;

/**
 * The help records (where each lies):
 *   HR1 2026-03-06 c2 → H1 (A)                 3 people, 1200.50 yuan, 10 cards, 0 reports
 *   HR2 2026-04-15 c5 → C (village)            2 people,    0.29 yuan,  5 cards, 1 report
 *   HR3 2026-05-02 c4 (itself), no target (T1) 1 person,   100    yuan,  0 cards, 2 reports
 *   HR4 2025-11-01 c2, no target (东营区)       7 people,   50    yuan (last year)
 *   HR5 2026-06-10 c1 → enterprise E1 (the fake owner puts it in 370502001201, in T1), by 东营区's ADMIN: 4 people, 0.01 yuan, 1 card
 */
const help = {
  HR1: { date: '2026-03-06', cadreId: 'c2', targetType: 'Household', targetId: 'H1', peopleHelped: 3, funds: 1200.5, contactCards: 10, note: '低保申请' },
  HR2: { date: '2026-04-15', cadreId: 'c5', targetType: 'Division', targetId: C, peopleHelped: 2, funds: 0.29, contactCards: 5, researchReports: 1 },
  HR3: { date: '2026-05-02', cadreId: 'c4', peopleHelped: 1, funds: 100, researchReports: 2 },
  HR4: { date: '2025-11-01', cadreId: 'c2', peopleHelped: 7, funds: 50 },
  HR5: { date: '2026-06-10', cadreId: 'c1', targetType: 'Enterprise', targetId: 'E1', peopleHelped: 4, funds: 0.01, contactCards: 1 },
};

const MONTHLY = 'monthly { month personTimes visits householdsVisited cadreDays }';
const FIGURES = `personTimes visits byKind { kind count } cadres cadresActive householdsVisited cadreDays forums peopleHelped funds contactCards researchReports ${MONTHLY}`;
const months2026 = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const zeroMonth = (month: string) => ({ month, personTimes: 0, visits: 0, householdsVisited: 0, cadreDays: 0 });
/** The 12 months of 2026, zero but for those given. */
const year2026 = (given: Record<string, [number, number, number, number]>) =>
  months2026.map((month) => (given[month] ? { month, personTimes: given[month][0], visits: given[month][1], householdsVisited: given[month][2], cadreDays: given[month][3] } : zeroMonth(month)));

/**
 * 东营区, 2026: visits V1 V2 V3 V4 V8 (V8 goes to T1 itself). Person-times 2+1+2+2+1 = 8;
 * HOME_VISIT V1 V3 V4, FORUM V2 V8; households H1 H2; cadre-days (c2,c3 on 3-05; c1,c4 on 4-10;
 * c2,c4 on 4-12; c4 on 6-01) = 7; cadres of D1 D2 D4 D5: c2 c3 c4 c8 = 4, active c2 c3 c4;
 * help HR1 HR3 HR5: 3+1+4 people, 1200.50+100+0.01 yuan, 10+0+1 cards, 0+2+0 reports.
 */
const dongying2026 = {
  personTimes: 8, visits: 5, byKind: [{ kind: 'HOME_VISIT', count: 3 }, { kind: 'FORUM', count: 2 }], cadres: 4, cadresActive: 3,
  householdsVisited: 2, cadreDays: 7, forums: 2, peopleHelped: 8, funds: 1300.51, contactCards: 11, researchReports: 2,
  monthly: year2026({ '2026-03': [3, 2, 1, 2], '2026-04': [4, 2, 2, 4], '2026-06': [1, 1, 0, 1] }),
};
/** 河口区, 2026: V5 (c5) and V6 (c5 c6); V7 was in 2025. Cadre-days c5 5-20, c5 5-21, c6 5-21; cadres c5 c6 c7; help HR2. */
const hekou2026 = {
  personTimes: 3, visits: 2, byKind: [{ kind: 'HOME_VISIT', count: 1 }, { kind: 'RESEARCH', count: 1 }], cadres: 3, cadresActive: 2,
  householdsVisited: 1, cadreDays: 3, forums: 0, peopleHelped: 2, funds: 0.29, contactCards: 5, researchReports: 1,
  monthly: year2026({ '2026-05': [3, 2, 1, 3] }),
};
/** The city: both districts, plus DC's cadre c1 (a city department lies in no district), active on V3. */
const city2026 = {
  personTimes: 11, visits: 7, byKind: [{ kind: 'HOME_VISIT', count: 4 }, { kind: 'FORUM', count: 2 }, { kind: 'RESEARCH', count: 1 }], cadres: 8, cadresActive: 6,
  householdsVisited: 3, cadreDays: 10, forums: 2, peopleHelped: 10, funds: 1300.8, contactCards: 16, researchReports: 3,
  monthly: year2026({ '2026-03': [3, 2, 1, 2], '2026-04': [4, 2, 2, 4], '2026-05': [3, 2, 1, 3], '2026-06': [1, 1, 0, 1] }),
};
/** T1 (文汇街道): V1 V2 V3 (A lies in T1) and V8; D2's c4 (D5 has none); help HR1, HR3 and HR5 lie in T1. */
const t1_2026 = {
  personTimes: 6, visits: 4, byKind: [{ kind: 'HOME_VISIT', count: 2 }, { kind: 'FORUM', count: 2 }], cadres: 1, cadresActive: 1,
  householdsVisited: 1, cadreDays: 5, forums: 2, peopleHelped: 8, funds: 1300.51, contactCards: 11, researchReports: 2,
  monthly: year2026({ '2026-03': [3, 2, 1, 2], '2026-04': [2, 1, 1, 2], '2026-06': [1, 1, 0, 1] }),
};

const ENTITIES = (fields: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code ${fields} } } }`;
const divisions = (codes: string[]) => ({ r: codes.map((code) => ({ __typename: 'Division', code })) });
const RANKING = (args: string) =>
  `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { departmentRanking(${args}) { totalCount pageInfo { hasNextPage endCursor } nodes { rank department { id } value numerator denominator } } } } }`;
const ranks = (rows: [string, number, number | null, number | null, number | null][]) =>
  rows.map(([id, rank, value, numerator, denominator]) => ({ rank, department: { id }, value, numerator, denominator }));

describeEachDatabase('help records, activity and rankings', (db) => {
  const t = useSmallWorld(db);
  const ids: Record<string, string> = {};

  it('records help: ADMIN for a cadre it sees, a CADRE for itself; where each record lies; exact fen', async () => {
    const hr1 = (await t.ok(RECORD, { input: help.HR1 })).recordHelp;
    expect(hr1).toEqual({ id: hr1.id, date: '2026-03-06', cadre: { id: 'c2' }, target: { __typename: 'Household', id: 'H1' }, peopleHelped: 3, funds: 1200.5, contactCards: 10, researchReports: 0, note: '低保申请' });
    const hr2 = (await t.ok(RECORD, { input: help.HR2 }, hekouAdmin)).recordHelp;
    expect(hr2).toMatchObject({ target: { __typename: 'Division', code: C }, funds: 0.29, researchReports: 1, note: null });
    const hr3 = (await t.ok(RECORD, { input: help.HR3 }, cadreC4)).recordHelp;
    expect(hr3).toMatchObject({ cadre: { id: 'c4' }, target: null, peopleHelped: 1, funds: 100, contactCards: 0, researchReports: 2 });
    const hr4 = (await t.ok(RECORD, { input: help.HR4 })).recordHelp;
    const hr5 = (await t.ok(RECORD, { input: help.HR5 }, dongyingAdmin)).recordHelp;
    expect(hr5).toMatchObject({ cadre: { id: 'c1' }, target: { __typename: 'Enterprise', id: 'E1' }, funds: 0.01 });
    Object.assign(ids, { HR1: hr1.id, HR2: hr2.id, HR3: hr3.id, HR4: hr4.id, HR5: hr5.id });

    const rows = await t.people.ds.query('SELECT id, divisionCode, fundsFen FROM help_record ORDER BY date');
    expect(rows.map((r: Record<string, unknown>) => [r.id, r.divisionCode, Number(r.fundsFen)])).toEqual([
      [hr4.id, D_DONGYING, 5000], [hr1.id, A, 120050], [hr2.id, C, 29], [hr3.id, T1, 10000], [hr5.id, '370502001201', 1],
    ]);
  });

  it('refuses help records with the code and field at fault, and writes nothing', async () => {
    const base = { date: '2026-06-01', cadreId: 'c2' };
    const cases: [Record<string, unknown>, Viewer, string, string][] = [
      [{ ...base, date: '2026-07-02' }, undefined as never, 'BAD_USER_INPUT', 'input.date'],
      [{ ...base, cadreId: 'nobody' }, undefined as never, 'NOT_FOUND', 'input.cadreId'],
      [{ ...base, targetType: 'Household' }, undefined as never, 'BAD_USER_INPUT', 'input.targetId'],
      [{ ...base, targetId: 'H1' }, undefined as never, 'BAD_USER_INPUT', 'input.targetType'],
      [{ ...base, targetType: 'Planet', targetId: 'X' }, undefined as never, 'BAD_USER_INPUT', 'input.targetType'],
      [{ ...base, targetType: 'Household', targetId: 'H-missing' }, undefined as never, 'NOT_FOUND', 'input.targetId'],
      [{ ...base, targetType: 'Division', targetId: '370599001001' }, undefined as never, 'NOT_FOUND', 'input.targetId'],
      [{ ...base, peopleHelped: -1 }, undefined as never, 'BAD_USER_INPUT', 'input.peopleHelped'],
      [{ ...base, contactCards: 1_000_001 }, undefined as never, 'BAD_USER_INPUT', 'input.contactCards'],
      [{ ...base, researchReports: -2 }, undefined as never, 'BAD_USER_INPUT', 'input.researchReports'],
      [{ ...base, funds: 1.234 }, undefined as never, 'BAD_USER_INPUT', 'input.funds'],
      [{ ...base, funds: -0.01 }, undefined as never, 'BAD_USER_INPUT', 'input.funds'],
      [{ ...base, idempotencyKey: '' }, undefined as never, 'BAD_USER_INPUT', 'input.idempotencyKey'],
      // Roles and scope: a CADRE only for itself; a cadre or a target outside the scope; a record that would lie outside it.
      [base, cadreC4, 'FORBIDDEN', 'input.cadreId'],
      [base, hekouAdmin, 'FORBIDDEN', 'input.cadreId'],
      [{ ...base, cadreId: 'c5', targetType: 'Household', targetId: 'H1' }, hekouAdmin, 'FORBIDDEN', 'input.targetId'],
      [{ ...base, cadreId: 'c1' }, dongyingAdmin, 'FORBIDDEN', 'input.cadreId'],
    ];
    for (const [input, viewer, code, field] of cases) expect([input, await t.failure(RECORD, { input }, viewer)]).toEqual([input, [{ code, field }]]);
    for (const viewer of [analyst, partner, { sub: 'dept', role: 'DEPARTMENT', scope: null, departmentId: 'D1' } as Viewer]) {
      expect(await t.failure(RECORD, { input: base }, viewer)).toEqual([{ code: 'FORBIDDEN', field: undefined }]);
    }
    expect(Number((await t.people.ds.query('SELECT COUNT(*) AS n FROM help_record'))[0].n)).toBe(5);
  });

  it('recordHelp with an idempotencyKey: a retry answers the first record, other content is a CONFLICT', async () => {
    const input = { date: '2025-10-01', cadreId: 'c8', peopleHelped: 1, idempotencyKey: 'help-1' };
    const first = (await t.ok(RECORD, { input })).recordHelp;
    expect((await t.ok(RECORD, { input })).recordHelp.id).toBe(first.id);
    expect(await t.failure(RECORD, { input: { ...input, peopleHelped: 2 } })).toEqual([{ code: 'CONFLICT', field: 'input.idempotencyKey' }]);
    expect(Number((await t.people.ds.query("SELECT COUNT(*) AS n FROM help_record WHERE cadreId = 'c8'"))[0].n)).toBe(1);
  });

  it('Cadre.helpRecords: newest first, from/to both inclusive, paged, in the caller\'s scope', async () => {
    const Q = `query($id: ID!, $from: Date, $to: Date, $first: Int) { cadre(id: $id) { helpRecords(from: $from, to: $to, first: $first) { totalCount pageInfo { hasNextPage } nodes { id date funds } } } }`;
    expect((await t.ok(Q, { id: 'c2' })).cadre.helpRecords).toEqual({
      totalCount: 2, pageInfo: { hasNextPage: false }, nodes: [{ id: ids.HR1, date: '2026-03-06', funds: 1200.5 }, { id: ids.HR4, date: '2025-11-01', funds: 50 }],
    });
    expect((await t.ok(Q, { id: 'c2', from: '2026-03-06', to: '2026-03-06' })).cadre.helpRecords.nodes).toEqual([{ id: ids.HR1, date: '2026-03-06', funds: 1200.5 }]);
    expect((await t.ok(Q, { id: 'c2', first: 1 })).cadre.helpRecords).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ id: ids.HR1 }] });
    // The city cadre c1 is seen from 河口区, but its help in 东营区 is not.
    expect((await t.ok(Q, { id: 'c1' }, hekouAnalyst)).cadre.helpRecords).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false }, nodes: [] });
    expect((await t.ok(Q, { id: 'c1' }, dongyingAnalyst)).cadre.helpRecords.nodes).toEqual([{ id: ids.HR5, date: '2026-06-10', funds: 0.01 }]);
    const ENTITY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on HelpRecord { id peopleHelped } } }`;
    const r = { r: [{ __typename: 'HelpRecord', id: ids.HR2 }, { __typename: 'HelpRecord', id: ids.HR1 }] };
    expect((await t.ok(ENTITY, r, dongyingAnalyst))._entities).toEqual([null, { id: ids.HR1, peopleHelped: 3 }]);
    expect((await t.ok(ENTITY, r, partner))._entities).toEqual([null, null]);
  });

  it('Division.activity: every figure of the calendar year, the city equal to its districts where additive', async () => {
    const got = (await t.ok(ENTITIES(`activity { ${FIGURES} }`), divisions([CITY, D_DONGYING, D_HEKOU, T1])))._entities.map((d: { activity: unknown }) => d.activity);
    expect(got).toEqual([city2026, dongying2026, hekou2026, t1_2026]);
    const [city, dongying, hekou] = got;
    for (const k of ['personTimes', 'visits', 'householdsVisited', 'cadreDays', 'forums', 'peopleHelped', 'contactCards', 'researchReports'] as const) {
      expect([k, city[k]]).toEqual([k, dongying[k] + hekou[k]]);
    }
    expect(Math.round(city.funds * 100)).toBe(Math.round(dongying.funds * 100) + Math.round(hekou.funds * 100));
    // Cadres are not additive: DC's c1 belongs to the city only.
    expect(city.cadres).toBe(dongying.cadres + hekou.cadres + 1);
  });

  it('Division.activity over from/to (both inclusive) and over a campaign\'s period; bad periods refused', async () => {
    const Q = `query($r: [_Any!]!, $from: Date, $to: Date, $c: ID) { _entities(representations: $r) { ... on Division { activity(from: $from, to: $to, campaignId: $c) { personTimes visits cadreDays peopleHelped funds ${MONTHLY} } } } }`;
    // 2025-12-30 (V7) to 2026-03-05 (V1, V2) in 河口区 and 东营区.
    const span = { from: '2025-12-30', to: '2026-03-05' };
    expect((await t.ok(Q, { ...divisions([D_HEKOU, D_DONGYING]), ...span }))._entities.map((d: { activity: unknown }) => d.activity)).toEqual([
      { personTimes: 2, visits: 1, cadreDays: 2, peopleHelped: 0, funds: 0, monthly: [{ month: '2025-12', personTimes: 2, visits: 1, householdsVisited: 1, cadreDays: 2 }, zeroMonth('2026-01'), zeroMonth('2026-02'), zeroMonth('2026-03')] },
      { personTimes: 3, visits: 2, cadreDays: 2, peopleHelped: 0, funds: 0, monthly: [zeroMonth('2025-12'), zeroMonth('2026-01'), zeroMonth('2026-02'), { month: '2026-03', personTimes: 3, visits: 2, householdsVisited: 1, cadreDays: 2 }] },
    ]);
    const CREATE = `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`;
    const campaign = (await t.ok(CREATE, { input: { name: '三解三促', divisionCode: D_DONGYING, from: '2026-03-01', to: '2026-04-30', departmentIds: ['D1', 'D2', 'D4', 'DC'] } })).createCampaign.id;
    ids.campaign = campaign;
    // V1..V4: 2+1+2+2 person-times; cadre-days c2 c3 (3-05), c1 c4 (4-10), c2 c4 (4-12); HR1 (3-06) only.
    expect((await t.ok(Q, { ...divisions([D_DONGYING]), c: campaign }))._entities[0].activity).toEqual({
      personTimes: 7, visits: 4, cadreDays: 6, peopleHelped: 3, funds: 1200.5,
      monthly: [{ month: '2026-03', personTimes: 3, visits: 2, householdsVisited: 1, cadreDays: 2 }, { month: '2026-04', personTimes: 4, visits: 2, householdsVisited: 2, cadreDays: 4 }],
    });
    const bad = (vars: Record<string, unknown>, viewer?: Viewer) => t.failure(Q, { ...divisions([D_DONGYING]), ...vars }, viewer);
    expect(await bad({ from: '2026-05-01', to: '2026-04-30' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'to' }]);
    expect(await bad({ from: '2000-01-01', to: '2026-04-30' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'to' }]);
    expect(await bad({ c: campaign, from: '2026-01-01' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'from' }]);
    expect(await bad({ c: 'no-such-campaign' })).toEqual([{ code: 'NOT_FOUND', field: 'campaignId' }]);
    // A campaign of 东营区 is not seen from 河口区.
    expect(await t.failure(Q, { ...divisions([D_HEKOU]), c: campaign }, hekouAnalyst)).toEqual([{ code: 'NOT_FOUND', field: 'campaignId' }]);
  });

  it('Department.activity: its cadres\' work, only what lies in the caller\'s scope', async () => {
    const Q = `query($first: Int) { departments(first: $first) { nodes { id activity { ${FIGURES} } } } }`;
    const zero = { personTimes: 0, visits: 0, byKind: [], cadresActive: 0, householdsVisited: 0, cadreDays: 0, forums: 0, peopleHelped: 0, funds: 0, contactCards: 0, researchReports: 0, monthly: year2026({}) };
    const got = Object.fromEntries((await t.ok(Q)).departments.nodes.map((d: { id: string; activity: unknown }) => [d.id, d.activity]));
    expect(got).toEqual({
      // c2 c3: V1 (both), V2 (c2), V4 (c2); cadre-days c2 3-05, c3 3-05, c2 4-12; HR1 (HR4 is 2025).
      D1: { personTimes: 4, visits: 3, byKind: [{ kind: 'HOME_VISIT', count: 2 }, { kind: 'FORUM', count: 1 }], cadres: 2, cadresActive: 2, householdsVisited: 2, cadreDays: 3, forums: 1, peopleHelped: 3, funds: 1200.5, contactCards: 10, researchReports: 0, monthly: year2026({ '2026-03': [3, 2, 1, 2], '2026-04': [1, 1, 1, 1] }) },
      // c4: V3, V4, V8; HR3.
      D2: { personTimes: 3, visits: 3, byKind: [{ kind: 'HOME_VISIT', count: 2 }, { kind: 'FORUM', count: 1 }], cadres: 1, cadresActive: 1, householdsVisited: 2, cadreDays: 3, forums: 1, peopleHelped: 1, funds: 100, contactCards: 0, researchReports: 2, monthly: year2026({ '2026-04': [2, 2, 2, 2], '2026-06': [1, 1, 0, 1] }) },
      D3: { ...hekou2026 },
      D4: { ...zero, cadres: 1 },
      D5: { ...zero, cadres: 0 },
      // c1: V3; HR5.
      DC: { personTimes: 1, visits: 1, byKind: [{ kind: 'HOME_VISIT', count: 1 }], cadres: 1, cadresActive: 1, householdsVisited: 1, cadreDays: 1, forums: 0, peopleHelped: 4, funds: 0.01, contactCards: 1, researchReports: 0, monthly: year2026({ '2026-04': [1, 1, 1, 1] }) },
    });
    // From 河口区, DC's work in 东营区 is out of sight; D3's is all there.
    const hk = Object.fromEntries((await t.ok(Q, {}, hekouAnalyst)).departments.nodes.map((d: { id: string; activity: unknown }) => [d.id, d.activity]));
    expect(hk).toEqual({ D3: hekou2026, DC: { ...zero, cadres: 1 } });
    expect((await t.ok(`{ department(id: "D1") { activity { personTimes } } }`, {}, partner)).department).toBeNull();
  });

  it('Division.departmentRanking: each measure, ties share a rank in id order, undefined last either way, pages, campaigns', async () => {
    const rank = async (args: string, code = D_DONGYING, viewer?: Viewer) => (await t.ok(RANKING(args), divisions([code]), viewer))._entities[0].departmentRanking;
    const nodes = async (args: string, code = D_DONGYING) => (await rank(args, code)).nodes;
    // 东营区's departments: D1 (c2 c3), D2 (c4), D4 (c8), D5 (no cadres).
    expect(await rank('measure: PERSON_TIMES')).toEqual({
      totalCount: 4, pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      nodes: ranks([['D1', 1, 4, 4, null], ['D2', 2, 3, 3, null], ['D4', 3, 0, 0, null], ['D5', 3, 0, 0, null]]),
    });
    expect(await nodes('measure: VISITS_PER_CADRE')).toEqual(ranks([['D2', 1, 3, 3, 1], ['D1', 2, 2, 4, 2], ['D4', 3, 0, 0, 1], ['D5', 4, null, 0, 0]]));
    expect(await nodes('measure: VISITS_PER_CADRE, ascending: true')).toEqual(ranks([['D4', 1, 0, 0, 1], ['D1', 2, 2, 4, 2], ['D2', 3, 3, 3, 1], ['D5', 4, null, 0, 0]]));
    expect(await nodes('measure: ACTIVE_CADRE_SHARE')).toEqual(ranks([['D1', 1, 1, 2, 2], ['D2', 1, 1, 1, 1], ['D4', 3, 0, 0, 1], ['D5', 4, null, 0, 0]]));
    // Links active today: c2 → A, c4 → B (c3's is to a household).
    expect(await nodes('measure: LINKED_CADRE_SHARE')).toEqual(ranks([['D2', 1, 1, 1, 1], ['D1', 2, 0.5, 1, 2], ['D4', 3, 0, 0, 1], ['D5', 4, null, 0, 0]]));
    expect(await nodes('measure: HOUSEHOLDS_VISITED')).toEqual(ranks([['D1', 1, 2, 2, null], ['D2', 1, 2, 2, null], ['D4', 3, 0, 0, null], ['D5', 3, 0, 0, null]]));
    expect(await nodes('measure: CADRE_DAYS')).toEqual(ranks([['D1', 1, 3, 3, null], ['D2', 1, 3, 3, null], ['D4', 3, 0, 0, null], ['D5', 3, 0, 0, null]]));
    expect(await nodes('measure: PEOPLE_HELPED')).toEqual(ranks([['D1', 1, 3, 3, null], ['D2', 2, 1, 1, null], ['D4', 3, 0, 0, null], ['D5', 3, 0, 0, null]]));
    // The city ranks all six; pages keep the ranks.
    const first = await rank('measure: PERSON_TIMES, first: 2', CITY);
    expect(first).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true }, nodes: ranks([['D1', 1, 4, 4, null], ['D2', 2, 3, 3, null]]) });
    expect(await nodes(`measure: PERSON_TIMES, first: 2, after: "${first.pageInfo.endCursor}"`, CITY)).toEqual(ranks([['D3', 2, 3, 3, null], ['DC', 4, 1, 1, null]]));
    // The campaign's departments lying in 东营区 (DC lies in the city), over March and April.
    expect(await rank(`measure: PERSON_TIMES, campaignId: "${ids.campaign}"`)).toMatchObject({ totalCount: 3, nodes: ranks([['D1', 1, 4, 4, null], ['D2', 2, 2, 2, null], ['D4', 3, 0, 0, null]]) });
    expect(await nodes('measure: PERSON_TIMES, from: "2026-05-01", to: "2026-06-30"', D_HEKOU)).toEqual(ranks([['D3', 1, 3, 3, null]]));
  });

  it('Division.divisionRanking: every child ranked by its own activity, ties in code order, undefined last, pages, campaigns, scope', async () => {
    const NONE = '370523000000'; // a district of the city with nothing recorded
    const T2 = '370502002000';
    const CHILDREN: Record<string, string[]> = { [CITY]: [D_DONGYING, D_HEKOU, NONE], [D_DONGYING]: [T1, T2] };
    const Q = (args: string) =>
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { divisionRanking(${args}) { totalCount pageInfo { hasNextPage endCursor } nodes { rank division { code } value numerator denominator } } } } }`;
    const rep = (code: string) => ({ r: [{ __typename: 'Division', code, childCodes: CHILDREN[code] }] });
    const rank = async (args: string, code = CITY, viewer?: Viewer) => (await t.ok(Q(args), rep(code), viewer))._entities[0]?.divisionRanking ?? null;
    const rows = (list: [string, number, number | null, number, number | null][]) =>
      list.map(([code, r, value, numerator, denominator]) => ({ rank: r, division: { code }, value, numerator, denominator }));
    const nodes = async (args: string, code = CITY) => (await rank(args, code)).nodes;
    // 2026, from dongying2026 and hekou2026 above: 东营区 8 person-times and 4 cadres, 河口区 3 and 3.
    expect(await rank('measure: PERSON_TIMES')).toEqual({
      totalCount: 3, pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      nodes: rows([[D_DONGYING, 1, 8, 8, null], [D_HEKOU, 2, 3, 3, null], [NONE, 3, 0, 0, null]]),
    });
    expect(await nodes('measure: VISITS_PER_CADRE')).toEqual(rows([[D_DONGYING, 1, 2, 8, 4], [D_HEKOU, 2, 1, 3, 3], [NONE, 3, null, 0, 0]]));
    expect(await nodes('measure: VISITS_PER_CADRE, ascending: true')).toEqual(rows([[D_HEKOU, 1, 1, 3, 3], [D_DONGYING, 2, 2, 8, 4], [NONE, 3, null, 0, 0]]));
    expect(await nodes('measure: ACTIVE_CADRE_SHARE')).toEqual(rows([[D_DONGYING, 1, 0.75, 3, 4], [D_HEKOU, 2, 2 / 3, 2, 3], [NONE, 3, null, 0, 0]]));
    // c2 → A and c4 → B (东营区's D1 and D2); no 河口区 cadre holds a village.
    expect(await nodes('measure: LINKED_CADRE_SHARE')).toEqual(rows([[D_DONGYING, 1, 0.5, 2, 4], [D_HEKOU, 2, 0, 0, 3], [NONE, 3, null, 0, 0]]));
    expect(await nodes('measure: HOUSEHOLDS_VISITED')).toEqual(rows([[D_DONGYING, 1, 2, 2, null], [D_HEKOU, 2, 1, 1, null], [NONE, 3, 0, 0, null]]));
    expect(await nodes('measure: CADRE_DAYS, ascending: true')).toEqual(rows([[NONE, 1, 0, 0, null], [D_HEKOU, 2, 3, 3, null], [D_DONGYING, 3, 7, 7, null]]));
    expect(await nodes('measure: PEOPLE_HELPED')).toEqual(rows([[D_DONGYING, 1, 8, 8, null], [D_HEKOU, 2, 2, 2, null], [NONE, 3, 0, 0, null]]));
    // 东营区's townships: T1 (V1 V2 V3 V8, household H1; D2's c4) and T2 (V4, household H2; no department).
    expect(await nodes('measure: HOUSEHOLDS_VISITED', D_DONGYING)).toEqual(rows([[T1, 1, 1, 1, null], [T2, 1, 1, 1, null]]));
    expect(await nodes('measure: HOUSEHOLDS_VISITED, ascending: true', D_DONGYING)).toEqual(rows([[T1, 1, 1, 1, null], [T2, 1, 1, 1, null]]));
    expect(await nodes('measure: VISITS_PER_CADRE, ascending: true', D_DONGYING)).toEqual(rows([[T1, 1, 6, 6, 1], [T2, 2, null, 2, 0]]));
    // Each child's numerator is what its own activity says.
    const own = await t.ok(ENTITIES('activity { personTimes cadres }'), divisions([T1, T2]));
    expect((await nodes('measure: VISITS_PER_CADRE', D_DONGYING)).map((n: { numerator: number; denominator: number }) => ({ personTimes: n.numerator, cadres: n.denominator }))).toEqual(
      own._entities.map((d: { activity: unknown }) => d.activity),
    );
    // Pages keep the ranks.
    const first = await rank('measure: PERSON_TIMES, first: 2');
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true }, nodes: rows([[D_DONGYING, 1, 8, 8, null], [D_HEKOU, 2, 3, 3, null]]) });
    expect(await nodes(`measure: PERSON_TIMES, first: 2, after: "${first.pageInfo.endCursor}"`)).toEqual(rows([[NONE, 3, 0, 0, null]]));
    // Over the campaign's period (March and April): T1 V1 V2 V3, T2 V4.
    expect(await nodes(`measure: PERSON_TIMES, campaignId: "${ids.campaign}"`, D_DONGYING)).toEqual(rows([[T1, 1, 5, 5, null], [T2, 2, 2, 2, null]]));
    expect(await nodes('measure: PERSON_TIMES, from: "2026-05-01", to: "2026-06-30"', D_DONGYING)).toEqual(rows([[T1, 1, 1, 1, null], [T2, 2, 0, 0, null]]));
    expect(await t.failure(Q('measure: PERSON_TIMES, campaignId: "nope"'), rep(D_DONGYING))).toEqual([{ code: 'NOT_FOUND', field: 'campaignId' }]);
    // A district ANALYST ranks its own townships, and nothing of the city or of another district.
    expect((await rank('measure: PERSON_TIMES', D_DONGYING, dongyingAnalyst)).nodes).toEqual(rows([[T1, 1, 6, 6, null], [T2, 2, 2, 2, null]]));
    expect(await rank('measure: PERSON_TIMES', CITY, dongyingAnalyst)).toBeNull();
    expect(await rank('measure: PERSON_TIMES', D_DONGYING, hekouAnalyst)).toBeNull();
    expect(await rank('measure: PERSON_TIMES', D_DONGYING, partner)).toBeNull();
  });

  it('Division.divisionRanking sends as many statements for 10 children as for 1,000, and for the city as for a township', async () => {
    const Q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { divisionRanking(measure: LINKED_CADRE_SHARE) { totalCount nodes { rank division { code } value } } } } }`;
    // Village and community codes of 东营区's townships 001, 002, 003 (399 each at most): the first n.
    const villages = (n: number) => Array.from({ length: n }, (_, i) => `37050200${1 + Math.floor(i / 399)}${String((i % 399) + 1).padStart(3, '0')}`);
    const run = (code: string, childCodes: string[]) => countStatements(() => t.ok(Q, { r: [{ __typename: 'Division', code, childCodes }] }));
    const ten = await run(D_DONGYING, villages(10));
    const thousand = await run(D_DONGYING, villages(1000));
    expect(thousand.result._entities[0].divisionRanking.totalCount).toBe(1000);
    expect(thousand.statements).toBe(ten.statements);
    const city = await run(CITY, [D_DONGYING, D_HEKOU]);
    const township = await run(T1, [A, '370502001002']);
    expect(city.statements).toBe(township.statements);
    expect(city.statements).toBe(ten.statements);
  });

  it('a district ANALYST gets its district and nothing of another; PARTNER nothing', async () => {
    const Q = ENTITIES('activity { personTimes } departmentRanking(measure: PERSON_TIMES) { totalCount nodes { department { id } } }');
    const got = (await t.ok(Q, divisions([D_DONGYING, D_HEKOU, CITY, T1]), dongyingAnalyst))._entities;
    expect(got).toEqual([
      { code: D_DONGYING, activity: { personTimes: 8 }, departmentRanking: { totalCount: 4, nodes: [{ department: { id: 'D1' } }, { department: { id: 'D2' } }, { department: { id: 'D4' } }, { department: { id: 'D5' } }] } },
      null,
      null,
      { code: T1, activity: { personTimes: 6 }, departmentRanking: { totalCount: 2, nodes: [{ department: { id: 'D2' } }, { department: { id: 'D5' } }] } },
    ]);
    expect((await t.ok(Q, divisions([D_DONGYING, CITY]), partner))._entities).toEqual([null, null]);
  });

  it('sends as many statements for a township as for the city, and for 10 departments as for 1,000', async () => {
    const run = (codes: string[]) => countStatements(() => t.ok(ENTITIES(`activity { ${FIGURES} } departmentRanking(measure: VISITS_PER_CADRE) { totalCount nodes { rank department { id name } } }`), divisions(codes)));
    const township = await run([T1]);
    const city = await run([CITY]);
    expect(city.statements).toBe(township.statements);
    // The figures alone: visits by month and kind, households, cadre-days, cadres, help, pledges.
    expect((await countStatements(() => t.ok(ENTITIES(`activity { ${FIGURES} }`), divisions([CITY])))).statements).toBe(6);
    // Only those the query reads: person-times and visits are one statement; a ranking of the
    // districts by person-times one more (its children are of another prefix length).
    const some = await countStatements(() => t.ok(ENTITIES('activity { personTimes visits byKind { kind count } }'), divisions([CITY])));
    expect([some.statements, some.result._entities[0].activity.personTimes]).toEqual([1, 11]);
    const ranked = await countStatements(() =>
      t.ok(ENTITIES('activity { personTimes } divisionRanking(measure: PERSON_TIMES) { nodes { value } }'), { r: [{ __typename: 'Division', code: CITY, childCodes: [D_DONGYING, D_HEKOU] }] }),
    );
    expect([ranked.statements, ranked.result._entities[0].divisionRanking.nodes]).toEqual([2, [{ value: 8 }, { value: 3 }]]);
    // Many divisions of one level: as many statements as one.
    expect((await run([D_DONGYING, D_HEKOU])).statements).toBe(township.statements);
    // Department.activity for 10 departments and for 1,000 in one request (as the gateway asks: _entities).
    const DEPTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { id activity { ${FIGURES} } } } }`;
    const reps = (ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'Department', id })) });
    // 1,000 more departments in 河口区, 2 cadres each.
    const extra = Array.from({ length: 1000 }, (_, i) => ({ id: `X${String(i).padStart(4, '0')}`, name: `部门${i}`, divisionCode: D_HEKOU, leaderCadreId: null, version: 1 }));
    await t.people.ds.transaction(async (em) => {
      await insertInChunks(em, Department, extra);
      await insertInChunks(em, Cadre, extra.flatMap((d) => [1, 2].map((n) => ({ id: `${d.id}-${n}`, name: '干部', cadreRank: 'STAFF' as const, departmentId: d.id, partyMember: false, phone: null, version: 1 }))));
    });
    const few = await countStatements(() => t.ok(DEPTS, reps(['D1', 'D3', ...extra.slice(0, 8).map((d) => d.id)])));
    const many = await countStatements(() => t.ok(DEPTS, reps(extra.map((d) => d.id))));
    expect(many.result._entities).toHaveLength(1000);
    expect(many.result._entities[999]).toMatchObject({ id: 'X0999', activity: { cadres: 2, personTimes: 0 } });
    expect(few.result._entities[0].activity.personTimes).toBe(4);
    expect(many.statements).toBe(few.statements);
    const after = await run([CITY]);
    expect(after.result._entities[0].departmentRanking.totalCount).toBe(1006);
    expect(after.statements).toBe(city.statements);
  });

  it('cadre-days: a visit of N days counts its N days, a day counted once per cadre, none after the period', async () => {
    const VISIT = `mutation($kind: VisitKind!, $date: Date!, $days: Int) { recordVisit(kind: $kind, date: $date, days: $days, cadreIds: ["c4"], targetType: "Division", targetId: "${A}") { id days } }`;
    // c4 stationed in A from 28 to 30 June, and a forum there on the 29th (a day it was there already).
    expect((await t.ok(VISIT, { kind: 'STATIONED', date: '2026-06-28', days: 3 })).recordVisit.days).toBe(3);
    await t.ok(VISIT, { kind: 'FORUM', date: '2026-06-29' });
    const Q = `query($r: [_Any!]!, $from: Date, $to: Date) { _entities(representations: $r) { ... on Division { activity(from: $from, to: $to) { personTimes cadreDays monthly { month cadreDays } } departmentRanking(measure: CADRE_DAYS, from: $from, to: $to) { nodes { department { id } value } } } } }`;
    // T1 in June: V8 (c4, 1 June) and the two new visits: c4 on 1, 28, 29 and 30 June.
    expect((await t.ok(Q, { ...divisions([T1]), from: '2026-06-01', to: '2026-06-30' }))._entities[0]).toEqual({
      activity: { personTimes: 3, cadreDays: 4, monthly: [{ month: '2026-06', cadreDays: 4 }] },
      departmentRanking: { nodes: [{ department: { id: 'D2' }, value: 4 }, { department: { id: 'D5' }, value: 0 }] },
    });
    // Cut at the 29th: the 30th is after the period.
    expect((await t.ok(Q, { ...divisions([T1]), from: '2026-06-01', to: '2026-06-29' }))._entities[0]).toEqual({
      activity: { personTimes: 3, cadreDays: 3, monthly: [{ month: '2026-06', cadreDays: 3 }] },
      departmentRanking: { nodes: [{ department: { id: 'D2' }, value: 3 }, { department: { id: 'D5' }, value: 0 }] },
    });
  });

  it('Division.coverageIn: coverage under a campaign\'s rules and period; scoped; NOT_FOUND for a campaign unseen', async () => {
    const CREATE = `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`;
    const rules = { visitsPerHousehold: 2, householdsPerCadre: 1, cadresPerBuildingUnit: 3, rankedLiaisonRanks: ['COUNTY_LEVEL'] };
    const id = (await t.ok(CREATE, { input: { name: '晋位争先', divisionCode: D_DONGYING, from: '2026-03-01', to: '2026-04-30', rules } })).createCampaign.id;
    const Q = `query($r: [_Any!]!, $c: ID!) { _entities(representations: $r) { ... on Division { coverageIn(campaignId: $c) {
      villagesAndCommunities withRankedLiaison uncovered { nodes { code } } households householdsLinked householdsVisitedEnough visitQuota
      buildingUnits buildingUnitsFullyLinked buildingUnitsShort { nodes { id } } cadres cadresLinked cadresWithoutVillage { nodes { id } }
      householdsUnderQuota { nodes { id } } householdsPerCadre cadresOffHouseholdQuota { nodes { id } } } } } }`;
    const r = { r: [{ __typename: 'Division', code: D_DONGYING, villageAndCommunityCount: 2, buildingUnitCount: 1 }] };
    expect((await t.ok(Q, { ...r, c: id }))._entities[0].coverageIn).toEqual({
      // Links on 30 April: c2 → A and c4 → B are SECTION_LEVEL, not the campaign's COUNTY_LEVEL.
      villagesAndCommunities: 2, withRankedLiaison: 0, uncovered: { nodes: [{ code: A }, { code: '370502002201' }] },
      // H1 visited twice in March and April (V1, V3), H2 once (V4); c3 is linked to H1.
      households: 2, householdsLinked: 1, householdsVisitedEnough: 1, visitQuota: 2, householdsUnderQuota: { nodes: [{ id: 'H2' }] },
      buildingUnits: 1, buildingUnitsFullyLinked: 0, buildingUnitsShort: { nodes: [{ id: 'U1' }] },
      // Cadres of D1, D2, D4 (D5 has none): c2 and c4 hold a village; only c3 holds its one household.
      cadres: 4, cadresLinked: 2, cadresWithoutVillage: { nodes: [{ id: 'c3' }, { id: 'c8' }] },
      householdsPerCadre: 1, cadresOffHouseholdQuota: { nodes: [{ id: 'c2' }, { id: 'c4' }, { id: 'c8' }] },
    });
    expect((await t.ok(Q, { ...r, c: id }, hekouAnalyst))._entities).toEqual([null]);
    expect(await t.failure(Q, { r: [{ ...r.r[0], code: D_HEKOU }], c: id }, hekouAnalyst)).toEqual([{ code: 'NOT_FOUND', field: 'campaignId' }]);
    expect((await t.ok(Q, { ...r, c: id }, partner))._entities).toEqual([null]);
  });

  it('pledges (实事) count in the activity: taken on, made routine and done, each in its month; by division and by department', async () => {
    /**
     *   P1 B (T2, 东营区)  c2 (D1)  taken on 2026-03-10, routine 2026-04-02, done 2026-06-20
     *   P2 A (T1)          c4 (D2)  taken on 2026-04-15
     *   P3 C (河口区)       c5 (D3)  taken on 2026-05-01, done 2026-05-30
     *   P4 the city        c1 (DC)  taken on 2025-12-01 (last year), done 2026-02-01
     *   P5 A               c1 (DC)  done, recorded before dates were kept: counts in no period
     */
    const pledge = (id: string, divisionCode: string, leadCadreId: string, status: Pledge['status'], startedOn: string | null, ongoingOn: string | null, doneOn: string | null) =>
      ({ id, title: `实事${id}`, divisionCode, leadCadreId, targetDate: '2026-12-31', status, startedOn, ongoingOn, doneOn, version: 1 });
    await t.people.ds.getRepository(Pledge).insert([
      pledge('P1', B, 'c2', 'DONE', '2026-03-10', '2026-04-02', '2026-06-20'),
      pledge('P2', A, 'c4', 'PLANNED', '2026-04-15', null, null),
      pledge('P3', C, 'c5', 'DONE', '2026-05-01', null, '2026-05-30'),
      pledge('P4', CITY, 'c1', 'DONE', '2025-12-01', null, '2026-02-01'),
      pledge('P5', A, 'c1', 'DONE', null, null, null),
    ]);
    const PLEDGES = 'pledgesStarted pledgesOngoing pledgesDone';
    const FIELDS = `${PLEDGES} monthly { month ${PLEDGES} }`;
    type Figures = { pledgesStarted: number; pledgesOngoing: number; pledgesDone: number; monthly: ({ month: string } & Record<string, number>)[] };
    /** [started, ongoing, done] per month given (the rest of 2026 zero), and their totals. */
    const expected = (given: Record<string, [number, number, number]>) => {
      const monthly = months2026.map((month) => {
        const [pledgesStarted, pledgesOngoing, pledgesDone] = given[month] ?? [0, 0, 0];
        return { month, pledgesStarted, pledgesOngoing, pledgesDone };
      });
      const total = (k: 'pledgesStarted' | 'pledgesOngoing' | 'pledgesDone') => monthly.reduce((n, m) => n + m[k], 0);
      return { pledgesStarted: total('pledgesStarted'), pledgesOngoing: total('pledgesOngoing'), pledgesDone: total('pledgesDone'), monthly };
    };
    const got: Figures[] = (await t.ok(ENTITIES(`activity { ${FIELDS} }`), divisions([CITY, D_DONGYING, D_HEKOU, T1])))._entities.map((d: { activity: Figures }) => d.activity);
    const dongying = expected({ '2026-03': [1, 0, 0], '2026-04': [1, 1, 0], '2026-06': [0, 0, 1] });
    const hekou = expected({ '2026-05': [1, 0, 1] });
    expect(got).toEqual([
      // Both districts, and P4 done in February at the city itself.
      expected({ '2026-02': [0, 0, 1], '2026-03': [1, 0, 0], '2026-04': [1, 1, 0], '2026-05': [1, 0, 1], '2026-06': [0, 0, 1] }),
      dongying,
      hekou,
      expected({ '2026-04': [1, 0, 0] }),
    ]);
    expect(got[0].pledgesDone).toBe(dongying.pledgesDone + hekou.pledgesDone + 1);
    expect(got[0].pledgesStarted).toBe(dongying.pledgesStarted + hekou.pledgesStarted);
    // Over the campaign-like span March..April: P1 taken on and made routine, P2 taken on.
    const span = await t.ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { activity(from: "2026-03-01", to: "2026-04-30") { ${PLEDGES} } } } }`, divisions([D_DONGYING]));
    expect(span._entities[0].activity).toEqual({ pledgesStarted: 2, pledgesOngoing: 1, pledgesDone: 0 });

    // By department: those its cadres lead, lying in the caller's scope.
    // (The 300 departments an earlier test added have no pledges: only the small world's six are compared.)
    const DEPTS = `{ departments(first: 400) { nodes { id activity { ${PLEDGES} } } } }`;
    const byDepartment = async (viewer?: Viewer) =>
      Object.fromEntries(
        (await t.ok(DEPTS, {}, viewer)).departments.nodes.filter((d: { id: string }) => !d.id.startsWith('X')).map((d: { id: string; activity: unknown }) => [d.id, d.activity]),
      );
    const none = { pledgesStarted: 0, pledgesOngoing: 0, pledgesDone: 0 };
    expect(await byDepartment()).toEqual({
      D1: { pledgesStarted: 1, pledgesOngoing: 1, pledgesDone: 1 },
      D2: { pledgesStarted: 1, pledgesOngoing: 0, pledgesDone: 0 },
      D3: { pledgesStarted: 1, pledgesOngoing: 0, pledgesDone: 1 },
      D4: none,
      D5: none,
      DC: { pledgesStarted: 0, pledgesOngoing: 0, pledgesDone: 1 },
    });
    // From 河口区: D3's pledge lies there; DC's P4 lies at the city, out of sight.
    expect(await byDepartment(hekouAnalyst)).toEqual({ D3: { pledgesStarted: 1, pledgesOngoing: 0, pledgesDone: 1 }, DC: none });

    // createPledge and setPledgeStatus keep the day (China time, 1 July 2026) of each event.
    const created = (await t.ok(`mutation { createPledge(title: "楼道照明", divisionCode: "${T1}", leadCadreId: "c4", targetDate: "2026-09-30") { id version } }`)).createPledge;
    const SET = `mutation($id: ID!, $v: Int!, $s: PledgeStatus!) { setPledgeStatus(id: $id, expectedVersion: $v, status: $s) { version } }`;
    const july = async () =>
      (await t.ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { activity(from: "2026-07-01", to: "2026-07-31") { ${PLEDGES} } } } }`, divisions([T1])))._entities[0].activity;
    expect(await july()).toEqual({ pledgesStarted: 1, pledgesOngoing: 0, pledgesDone: 0 });
    await t.ok(SET, { id: created.id, v: created.version, s: 'ONGOING' });
    await t.ok(SET, { id: created.id, v: created.version + 1, s: 'DONE' });
    expect(await july()).toEqual({ pledgesStarted: 1, pledgesOngoing: 1, pledgesDone: 1 });
    expect(await t.people.ds.query('SELECT startedOn, ongoingOn, doneOn FROM pledge WHERE id = ?', [created.id])).toEqual([{ startedOn: '2026-07-01', ongoingOn: '2026-07-01', doneOn: '2026-07-01' }]);
  });
});
