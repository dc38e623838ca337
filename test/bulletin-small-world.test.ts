// The bulletin (通报) of npm run report on a world small enough to work out by hand: every
// figure and rate the bulletin prints for a district's campaign (the district, its townships, its
// departments, the rankings, the departments not started, the coverage counts) is written below
// from the timeline, and read through the gateway as scripts/report.ts reads it, on both
// databases. The city's figures over a period are the sum of its districts' where additive, and a
// district's ANALYST gets its own district's bulletin and nothing of the other.
import { describeEachDatabase } from '@cadres/kit/src/testing';
import { fetchBulletin, formatBulletin, graphClient, type Bulletin, type ReportClient } from '../scripts/report';
import { Building, BuildingUnit, Division } from '../subgraphs/places/src/entities';
import { Cadre, Department, HelpRecord, Household, Liaison, Pledge, Visit, VisitCadre, openKeyOf } from '../subgraphs/people/src/entities';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';

const CITY = '370500000000';
const DISTRICT = '370502000000'; // 东营区
const HEKOU = '370503000000'; // 河口区
const T1 = '370502001000'; // 文汇街道
const T2 = '370502002000'; // 黄河路街道
const T3 = '370503100000'; // 河口镇
const A = '370502001001'; // 文汇社区 (T1), building unit U1
const B = '370502002201'; // 黄河村 (T2)
const C = '370503100201'; // 河口村 (T3)

/** 2026-07-01 10:00 in Beijing: the campaign (March to June) is over. */
const NOW = new Date('2026-07-01T02:00:00Z');
const HOUR = 3_600_000;

/**
 * Departments and cadres:  D1 东营区民政局 (东营区): c1 SECTION_LEVEL, c2 STAFF    D2 黄河路街道办 (T2): c3 SECTION_LEVEL
 *                          D3 东营区统计局 (东营区): c4 (no visit: not started)   D4 河口区民政局 (河口区): c5
 * Links (since 2026-01-01): c1 → A and → unit U1, c3 → B, c2 → household H1.
 * Visits:  V6 2025-12-01 HOME_VISIT H1 (A) c1 (before the campaign)
 *          V1 2026-03-05 HOME_VISIT H1 (A) c1 c2       V3 2026-04-10 STATIONED B, 3 days, c3
 *          V2 2026-03-20 FORUM      A      c1          V4 2026-04-11 HOME_VISIT H2 (B) c3 (a day c3 was there already)
 *          V5 2026-05-02 RESEARCH   C      c5 (河口区)
 * Help:    HR1 2026-03-06 c1 → H1 (A): 3 people, 1200.50 yuan, 10 cards     HR2 2026-04-15 c3, no target (T2, its department's): 1 person, 100 yuan, 2 reports
 * Pledges: P1 at B led by c3, taken on 2026-03-10, done 2026-05-20          P2 at A led by c1, taken on 2026-04-01, routine 2026-04-30
 * Issues (ADMIN's steps, GENERAL: 168 h to close, 24 h to respond):
 *   I1 A INFRASTRUCTURE from V1, 2026-03-05: D1 accepts in 1 h, resolves, SATISFIED and solved at 50 h: closed on time
 *   I2 B SOCIAL_SECURITY, 2026-04-10: D2 accepts after 30 h (late), resolves, DISSATISFIED and not solved: back in progress, overdue (RED)
 *   I3 A INFRASTRUCTURE, 2026-05-01: never assigned, overdue (RED)
 *   I4 C SOCIAL_SECURITY, 2026-05-03 (河口区): D4 accepts in 1 h, resolves, BASICALLY_SATISFIED and solved at 20 h
 */
async function buildWorld(fed: RunningSupergraph, setClock: (d: Date) => void, ok: (q: string, v?: Record<string, unknown>) => Promise<any>) {
  const division = (code: string, name: string, level: Division['level'], parentCode: string | null) => ({ code, name, level, parentCode, population: null });
  await fed.subgraphs.places.ds.getRepository(Division).insert([
    division('370000000000', '山东省', 'PROVINCE', null),
    division(CITY, '东营市', 'CITY', '370000000000'),
    division(DISTRICT, '东营区', 'DISTRICT', CITY),
    division(HEKOU, '河口区', 'DISTRICT', CITY),
    division(T1, '文汇街道', 'TOWNSHIP', DISTRICT),
    division(T2, '黄河路街道', 'TOWNSHIP', DISTRICT),
    division(T3, '河口镇', 'TOWNSHIP', HEKOU),
    division(A, '文汇社区', 'COMMUNITY', T1),
    division(B, '黄河村', 'VILLAGE', T2),
    division(C, '河口村', 'VILLAGE', T3),
  ]);
  await fed.subgraphs.places.ds.getRepository(Building).insert({ id: 'BL1', name: '1号楼', divisionCode: A });
  await fed.subgraphs.places.ds.getRepository(BuildingUnit).insert({ id: 'U1', name: '1单元', buildingId: 'BL1' });

  const people = fed.subgraphs.people.ds;
  await people.getRepository(Department).insert([
    { id: 'D1', name: '东营区民政局', divisionCode: DISTRICT, leaderCadreId: null, version: 1 },
    { id: 'D2', name: '黄河路街道办', divisionCode: T2, leaderCadreId: null, version: 1 },
    { id: 'D3', name: '东营区统计局', divisionCode: DISTRICT, leaderCadreId: null, version: 1 },
    { id: 'D4', name: '河口区民政局', divisionCode: HEKOU, leaderCadreId: null, version: 1 },
  ]);
  const cadre = (id: string, departmentId: string, cadreRank: Cadre['cadreRank']) => ({ id, name: `干部${id}`, cadreRank, departmentId, partyMember: true, phone: null, version: 1 });
  await people.getRepository(Cadre).insert([cadre('c1', 'D1', 'SECTION_LEVEL'), cadre('c2', 'D1', 'STAFF'), cadre('c3', 'D2', 'SECTION_LEVEL'), cadre('c4', 'D3', 'STAFF'), cadre('c5', 'D4', 'STAFF')]);
  await people.getRepository(Household).insert([
    { id: 'H1', divisionCode: A, unitId: 'U1', headId: null, version: 1 },
    { id: 'H2', divisionCode: B, unitId: null, headId: null, version: 1 },
  ]);
  const link = (id: string, cadreId: string, targetType: Liaison['targetType'], targetId: string, divisionCode: string) => ({
    id, cadreId, targetType, targetId, divisionCode, role: 'LEAD' as const, since: '2026-01-01', until: null,
    openKey: openKeyOf({ cadreId, targetType, targetId, role: 'LEAD' }), firstSecretaryKey: null, version: 1,
  });
  await people.getRepository(Liaison).insert([
    link('L1', 'c1', 'Division', A, A), link('L2', 'c1', 'BuildingUnit', 'U1', A), link('L3', 'c3', 'Division', B, B), link('L4', 'c2', 'Household', 'H1', A),
  ]);
  const visits: [string, string, Visit['kind'], Visit['targetType'], string, string, number, string[]][] = [
    ['V6', '2025-12-01', 'HOME_VISIT', 'Household', 'H1', A, 1, ['c1']],
    ['V1', '2026-03-05', 'HOME_VISIT', 'Household', 'H1', A, 1, ['c1', 'c2']],
    ['V2', '2026-03-20', 'FORUM', 'Division', A, A, 1, ['c1']],
    ['V3', '2026-04-10', 'STATIONED', 'Division', B, B, 3, ['c3']],
    ['V4', '2026-04-11', 'HOME_VISIT', 'Household', 'H2', B, 1, ['c3']],
    ['V5', '2026-05-02', 'RESEARCH', 'Division', C, C, 1, ['c5']],
  ];
  await people.getRepository(Visit).insert(
    visits.map(([id, date, kind, targetType, targetId, divisionCode, days, cadres]) => ({ id, date, kind, targetType, targetId, divisionCode, days, cadreCount: cadres.length, notes: null, version: 1 })),
  );
  await people.getRepository(VisitCadre).insert(visits.flatMap(([visitId, date, , , , divisionCode, , cadres]) => cadres.map((cadreId) => ({ visitId, cadreId, date, divisionCode }))));
  await people.getRepository(HelpRecord).insert([
    { id: 'HR1', date: '2026-03-06', cadreId: 'c1', targetType: 'Household', targetId: 'H1', divisionCode: A, peopleHelped: 3, fundsFen: 120050, contactCards: 10, researchReports: 0, note: null },
    { id: 'HR2', date: '2026-04-15', cadreId: 'c3', targetType: null, targetId: null, divisionCode: T2, peopleHelped: 1, fundsFen: 10000, contactCards: 0, researchReports: 2, note: null },
  ]);
  await people.getRepository(Pledge).insert([
    { id: 'P1', title: '修通村路', divisionCode: B, leadCadreId: 'c3', targetDate: '2026-06-30', status: 'DONE', startedOn: '2026-03-10', ongoingOn: null, doneOn: '2026-05-20', version: 3 },
    { id: 'P2', title: '社区养老食堂', divisionCode: A, leadCadreId: 'c1', targetDate: '2026-09-30', status: 'ONGOING', startedOn: '2026-04-01', ongoingOn: '2026-04-30', doneOn: null, version: 2 },
  ]);

  const issue = async (
    start: string,
    input: Record<string, unknown>,
    steps: { department?: string; accept?: number; resolve?: number; evaluate?: [number, string, boolean] },
  ) => {
    const t0 = new Date(start).getTime();
    const at = (h: number) => setClock(new Date(t0 + h * HOUR));
    at(0);
    let i = (await ok(`mutation($i: ReportIssueInput!) { reportIssue(input: $i) { id version } }`, {
      i: { description: String(input.title), kind: 'HELP', urgency: 'GENERAL', source: 'HOTLINE', ...input },
    })).reportIssue;
    const step = async (h: number, mutation: string, args: string, vars: Record<string, unknown> = {}) => {
      at(h);
      i = (await ok(`mutation($id: ID!, $v: Int!${Object.keys(vars).map((k) => `, $${k}: ${k === 'd' ? 'ID!' : k === 's' ? 'Satisfaction!' : 'Boolean!'}`).join('')}) { ${mutation}(id: $id, expectedVersion: $v${args}) { id version } }`, { id: i.id, v: i.version, ...vars }))[mutation];
    };
    if (!steps.department) return;
    await step(1, 'assignIssue', ', departmentId: $d', { d: steps.department });
    await step(steps.accept!, 'acceptIssue', '');
    await step(steps.accept!, 'startIssue', '');
    await step(steps.resolve!, 'resolveIssue', ', feedback: "已办理"');
    const [h, s, solved] = steps.evaluate!;
    await step(h, 'evaluateIssue', ', satisfaction: $s, solved: $b', { s, b: solved });
  };
  // 10:00 in Beijing each day.
  await issue('2026-03-05T02:00:00Z', { title: '路灯不亮', category: 'INFRASTRUCTURE', divisionCode: A, source: 'VISIT', visitId: 'V1' }, { department: 'D1', accept: 2, resolve: 48, evaluate: [50, 'SATISFIED', true] });
  await issue('2026-04-10T02:00:00Z', { title: '养老金未到账', category: 'SOCIAL_SECURITY', divisionCode: B }, { department: 'D2', accept: 31, resolve: 100, evaluate: [101, 'DISSATISFIED', false] });
  await issue('2026-05-01T02:00:00Z', { title: '道路破损', category: 'INFRASTRUCTURE', divisionCode: A }, {});
  await issue('2026-05-03T02:00:00Z', { title: '医保报销', category: 'SOCIAL_SECURITY', divisionCode: C }, { department: 'D4', accept: 2, resolve: 18, evaluate: [20, 'BASICALLY_SATISFIED', true] });
  setClock(NOW);
}

const zeroMonth = (month: string) => ({ month, personTimes: 0, visits: 0, householdsVisited: 0, cadreDays: 0 });
const noIssues = {
  total: 0, open: 0, closed: 0, red: 0, fromVisits: 0, fixedOnTheSpot: 0, assigned: 0, respondedInTime: 0, evaluated: 0, solved: 0, satisfied: 0, closedOnTime: 0,
  responseRate: null, resolutionRate: null, satisfactionRate: null, onTimeRate: null,
};
const activity = (a: Partial<Bulletin['division']['activity'] & object>) => ({
  personTimes: 0, visits: 0, cadres: 0, cadresActive: 0, householdsVisited: 0, cadreDays: 0, forums: 0, peopleHelped: 0, funds: 0, contactCards: 0, researchReports: 0,
  pledgesStarted: 0, pledgesOngoing: 0, pledgesDone: 0, byKind: [], ...a,
});

describeEachDatabase('the bulletin on a hand-built world, through the gateway', (db) => {
  let fed: RunningSupergraph;
  let clock = NOW;
  let client: ReportClient;
  let campaignId: string;
  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await fed.request(query, variables);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  beforeAll(async () => {
    fed = await startSupergraph(db, { now: () => clock, seed: false });
    await buildWorld(fed, (d) => (clock = d), ok);
    campaignId = (await ok(`mutation { createCampaign(input: { name: "三解三促", divisionCode: "${DISTRICT}", from: "2026-03-01", to: "2026-06-30",
      phases: [{ name: "排查梳理", from: "2026-03-01", to: "2026-04-30" }, { name: "解决问题", from: "2026-05-01", to: "2026-06-30" }], departmentIds: ["D1", "D2", "D3"] }) { id } }`)).createCampaign.id;
    client = graphClient({ url: fed.url, token: await fed.token({ sub: 'analyst', role: 'ANALYST', scope: null }) });
  }, 120_000);
  afterAll(() => fed?.stop());

  /** 东营区 over the campaign: V1..V4, HR1 HR2, P1 P2, I1..I3. */
  const district = {
    personTimes: 5, visits: 4, byKind: [{ kind: 'HOME_VISIT', count: 2 }, { kind: 'FORUM', count: 1 }, { kind: 'STATIONED', count: 1 }],
    // D1 D2 D3's c1..c4; c4 made no visit.
    cadres: 4, cadresActive: 3, householdsVisited: 2,
    // c1 and c2 on 03-05, c1 on 03-20; c3 on 04-10, 04-11 (V4 too), 04-12.
    cadreDays: 6, forums: 1, peopleHelped: 4, funds: 1300.5, contactCards: 10, researchReports: 2, pledgesStarted: 2, pledgesOngoing: 1, pledgesDone: 1,
    monthly: [
      { month: '2026-03', personTimes: 3, visits: 2, householdsVisited: 1, cadreDays: 3 },
      { month: '2026-04', personTimes: 2, visits: 2, householdsVisited: 1, cadreDays: 3 },
      zeroMonth('2026-05'),
      zeroMonth('2026-06'),
    ],
  };
  /** I1 closed on time (responded, satisfied, solved); I2 evaluated, neither, back in progress and RED; I3 never assigned, RED. */
  const districtIssues = {
    total: 3, open: 2, closed: 1, red: 2, fromVisits: 1, fixedOnTheSpot: 0, assigned: 2, respondedInTime: 1, evaluated: 2, solved: 1, satisfied: 1, closedOnTime: 1,
    responseRate: 1 / 2, resolutionRate: 1 / 2, satisfactionRate: 1 / 2, onTimeRate: 1,
    byCategory: [{ category: 'INFRASTRUCTURE', count: 2 }, { category: 'SOCIAL_SECURITY', count: 1 }],
  };

  it("gives every figure and rate of the district's campaign bulletin as worked out by hand", async () => {
    const b = await fetchBulletin(client, { division: DISTRICT, campaignId });
    expect(b.period).toEqual({
      from: '2026-03-01', to: '2026-06-30',
      campaign: { id: campaignId, name: '三解三促', divisionCode: DISTRICT, from: '2026-03-01', to: '2026-06-30', phases: [{ name: '排查梳理', from: '2026-03-01', to: '2026-04-30' }, { name: '解决问题', from: '2026-05-01', to: '2026-06-30' }] },
    });
    expect(b.division).toMatchObject({ code: DISTRICT, name: '东营区', level: 'DISTRICT', activity: district, issueStats: districtIssues });
    // Coverage under the campaign's rules: A (c1) and B (c3) have a SECTION_LEVEL liaison; c2 and c4 hold no village; U1 has one cadre of 2.
    expect(b.division.coverage).toMatchObject({
      villagesAndCommunities: 2, withRankedLiaison: 2, uncovered: { totalCount: 0 }, cadres: 4, cadresLinked: 2, cadresWithoutVillage: { totalCount: 2 },
      buildingUnits: 1, buildingUnitsFullyLinked: 0,
    });
    // U1, the unit short of cadres: the bulletin prints buildingUnits less buildingUnitsFullyLinked, the graph's list counts the same.
    const short = await ok(`query($d: ID!, $c: ID!) { division(code: $d) { coverageIn(campaignId: $c) { buildingUnitsShort { totalCount } } } }`, { d: DISTRICT, c: campaignId });
    expect(short.division.coverageIn.buildingUnitsShort.totalCount).toBe(1);
    expect(formatBulletin(b, 'md').split('\n').filter((l) => l.startsWith('| 联系干部不足的楼栋单元 | 1 / 1 |'))).toHaveLength(1);
    const [header, districtRow] = formatBulletin(b, 'csv').split('\n').map((l) => l.split(','));
    expect(districtRow[header.indexOf('buildingUnitsShort')]).toBe('1');
    expect(b.division.children).toEqual({
      totalCount: 2,
      nodes: [
        // T1: V1 V2, no department of its own; HR1 (A); P2; I1 and I3.
        { code: T1, name: '文汇街道', level: 'TOWNSHIP',
          activity: activity({ personTimes: 3, visits: 2, byKind: [{ kind: 'HOME_VISIT', count: 1 }, { kind: 'FORUM', count: 1 }], householdsVisited: 1, cadreDays: 3, forums: 1,
            peopleHelped: 3, funds: 1200.5, contactCards: 10, pledgesStarted: 1, pledgesOngoing: 1 }),
          issueStats: { ...noIssues, total: 2, open: 1, closed: 1, red: 1, fromVisits: 1, assigned: 1, respondedInTime: 1, evaluated: 1, solved: 1, satisfied: 1, closedOnTime: 1,
            responseRate: 1, resolutionRate: 1, satisfactionRate: 1, onTimeRate: 1 } },
        // T2: V3 V4 by D2's c3; HR2 (D2's division); P1; I2.
        { code: T2, name: '黄河路街道', level: 'TOWNSHIP',
          activity: activity({ personTimes: 2, visits: 2, byKind: [{ kind: 'HOME_VISIT', count: 1 }, { kind: 'STATIONED', count: 1 }], cadres: 1, cadresActive: 1, householdsVisited: 1, cadreDays: 3,
            peopleHelped: 1, funds: 100, researchReports: 2, pledgesStarted: 1, pledgesDone: 1 }),
          issueStats: { ...noIssues, total: 1, open: 1, red: 1, assigned: 1, evaluated: 1, responseRate: 0, resolutionRate: 0, satisfactionRate: 0 } },
      ],
    });
    expect(b.departments).toEqual({
      totalCount: 3,
      nodes: [
        { id: 'D1', name: '东营区民政局', divisionCode: DISTRICT,
          activity: activity({ personTimes: 3, visits: 2, byKind: [{ kind: 'HOME_VISIT', count: 1 }, { kind: 'FORUM', count: 1 }], cadres: 2, cadresActive: 2, householdsVisited: 1, cadreDays: 3, forums: 1,
            peopleHelped: 3, funds: 1200.5, contactCards: 10, pledgesStarted: 1, pledgesOngoing: 1 }),
          issueStats: { ...noIssues, total: 1, closed: 1, fromVisits: 1, assigned: 1, respondedInTime: 1, evaluated: 1, solved: 1, satisfied: 1, closedOnTime: 1, responseRate: 1, resolutionRate: 1, satisfactionRate: 1, onTimeRate: 1 } },
        { id: 'D2', name: '黄河路街道办', divisionCode: T2,
          activity: activity({ personTimes: 2, visits: 2, byKind: [{ kind: 'HOME_VISIT', count: 1 }, { kind: 'STATIONED', count: 1 }], cadres: 1, cadresActive: 1, householdsVisited: 1, cadreDays: 3,
            peopleHelped: 1, funds: 100, researchReports: 2, pledgesStarted: 1, pledgesDone: 1 }),
          issueStats: { ...noIssues, total: 1, open: 1, red: 1, assigned: 1, evaluated: 1, responseRate: 0, resolutionRate: 0, satisfactionRate: 0 } },
        { id: 'D3', name: '东营区统计局', divisionCode: DISTRICT, activity: activity({ cadres: 1 }), issueStats: noIssues },
      ],
    });
    expect(b.notStarted).toEqual({ totalCount: 1, nodes: [{ id: 'D3', name: '东营区统计局' }] });
    // Person-times per cadre, lowest first: D3 0/1, D1 3/2, D2 2/1.
    expect(b.division.laggards).toEqual({
      totalCount: 3,
      nodes: [
        { rank: 1, value: 0, numerator: 0, denominator: 1, department: { id: 'D3', name: '东营区统计局' } },
        { rank: 2, value: 1.5, numerator: 3, denominator: 2, department: { id: 'D1', name: '东营区民政局' } },
        { rank: 3, value: 2, numerator: 2, denominator: 1, department: { id: 'D2', name: '黄河路街道办' } },
      ],
    });
    // The departments issues has met serving 东营区: D1 (1 of 1 satisfied), D2 (0 of 1).
    expect(b.division.satisfaction).toEqual({
      totalCount: 2,
      nodes: [
        { rank: 1, value: 1, numerator: 1, denominator: 1, department: { id: 'D1', name: '东营区民政局' } },
        { rank: 2, value: 0, numerator: 0, denominator: 1, department: { id: 'D2', name: '黄河路街道办' } },
      ],
    });

    const md = formatBulletin(b, 'md');
    expect(md).toContain(
      '全区领导干部下基层5人次（走访4次），4名干部中3名参与，走访群众2户，调研累计时间6天，召开各类座谈会1个，帮扶困难群众4人，落实帮扶资金0.13万元，发放联系卡10张，形成调研报告2篇，' +
        '领办实事2件、完成1件、转为常态化1件；登记问题3个（走访中发现1个），解决实际问题1个，办结销号1个。',
    );
    for (const line of ['| 响应率 | 50.0%（1/2） |', '| 解决率 | 50.0%（1/2） |', '| 满意率 | 50.0%（1/2） |', '| 按期办结率 | 100.0%（1/1） |', '| 未办结（其中红灯） | 2（2） |', '| 落实帮扶资金（元） | 1300.50 |']) {
      expect(md).toContain(line);
    }
    expect(md).toMatch(/\| 东营区统计局 \| 1 \| 0 \| 0 \| 0\.0 \|.*\| 尚未启动、人均偏低 \|/);
    // The mean of 0, 1.5 and 2 is 1.1667: only D3 is below 80% of it.
    expect(md).toMatch(/^\| 东营区民政局 \| 2 \| 2 \| 3 \| 1\.5 \| 3 \| 1 \| 3 \| 1200\.50 \| 1 \| 100\.0% \| 100\.0% \| 100\.0% \| 100\.0% \| — \|$/m);
  });

  it('ranks the townships of the district by their own figures, for the campaign; a district ANALYST only its own', async () => {
    const Q = `query($d: ID!, $c: ID!) { division(code: $d) {
      lag: divisionRanking(measure: VISITS_PER_CADRE, campaignId: $c, ascending: true) { totalCount nodes { rank division { code name } value numerator denominator } }
    } }`;
    const { body } = await fed.request(Q, { d: DISTRICT, c: campaignId }, { token: await fed.token({ sub: 'analyst-dy', role: 'ANALYST', scope: DISTRICT }) });
    expect(body.errors).toBeUndefined();
    expect(body.data.division).toEqual({
      // T2: 2 person-times of D2's one cadre; T1 has no department, hence no cadre: undefined, last even lowest first.
      lag: { totalCount: 2, nodes: [
        { rank: 1, division: { code: T2, name: '黄河路街道' }, value: 2, numerator: 2, denominator: 1 },
        { rank: 2, division: { code: T1, name: '文汇街道' }, value: null, numerator: 3, denominator: 0 },
      ] },
    });
    const other = await fed.request(Q, { d: HEKOU, c: campaignId }, { token: await fed.token({ sub: 'analyst-dy', role: 'ANALYST', scope: DISTRICT }) });
    expect(other.body.data?.division ?? null).toBeNull();
  });

  it('ranks the townships of the district and the districts of the city by their issues (childIssueRanking, issues asking places for the children)', async () => {
    const Q = `query($d: ID!, $m: IssueMeasure!, $asc: Boolean) { division(code: $d) {
      childIssueRanking(measure: $m, ascending: $asc) { totalCount pageInfo { hasNextPage } nodes { rank division { code name } value numerator denominator } }
    } }`;
    const rank = async (d: string, m: string, ascending = false, token?: string) => {
      const { body } = await fed.request(Q, { d, m, asc: ascending }, token ? { token } : {});
      expect(body.errors).toBeUndefined();
      return body.data.division?.childIssueRanking ?? null;
    };
    const t1 = { code: T1, name: '文汇街道' };
    const t2 = { code: T2, name: '黄河路街道' };
    // T1: I1 (satisfied, closed on time) and I3 (never assigned); T2: I2 (evaluated, dissatisfied, not closed).
    expect((await rank(DISTRICT, 'SATISFACTION_RATE')).nodes).toEqual([
      { rank: 1, division: t1, value: 1, numerator: 1, denominator: 1 },
      { rank: 2, division: t2, value: 0, numerator: 0, denominator: 1 },
    ]);
    // One assigned each: a tie, in code order either way.
    for (const asc of [false, true]) {
      expect((await rank(DISTRICT, 'ASSIGNED', asc)).nodes).toEqual([
        { rank: 1, division: t1, value: 1, numerator: 1, denominator: null },
        { rank: 1, division: t2, value: 1, numerator: 1, denominator: null },
      ]);
    }
    // T2 closed nothing: undefined, last even lowest first.
    expect((await rank(DISTRICT, 'ON_TIME_RATE', true)).nodes).toEqual([
      { rank: 1, division: t1, value: 1, numerator: 1, denominator: 1 },
      { rank: 2, division: t2, value: null, numerator: 0, denominator: 0 },
    ]);
    // The city's districts: 河口区 responded to I4 in time (1/1), 东营区 to I1 only of I1 and I2 (1/2).
    expect(await rank(CITY, 'RESPONSE_RATE')).toEqual({ totalCount: 2, pageInfo: { hasNextPage: false }, nodes: [
      { rank: 1, division: { code: HEKOU, name: '河口区' }, value: 1, numerator: 1, denominator: 1 },
      { rank: 2, division: { code: DISTRICT, name: '东营区' }, value: 0.5, numerator: 1, denominator: 2 },
    ] });
    // A district ANALYST: its own district's townships as the admin sees them; another district is refused (no division).
    const analyst = await fed.token({ sub: 'analyst-dy', role: 'ANALYST', scope: DISTRICT });
    expect(await rank(DISTRICT, 'SATISFACTION_RATE', false, analyst)).toEqual(await rank(DISTRICT, 'SATISFACTION_RATE'));
    expect(await rank(HEKOU, 'SATISFACTION_RATE', false, analyst)).toBeNull();
  });

  it("over a period, the city's additive figures are its districts' sum; a district ANALYST gets its own district only", async () => {
    const period = { from: '2026-01-01', to: '2026-06-30' };
    const city = await fetchBulletin(client, { division: CITY, ...period });
    const [dongying, hekou] = city.division.children.nodes;
    expect(city.division.children.nodes.map((d) => d.code)).toEqual([DISTRICT, HEKOU]);
    // 河口区: V5 (c5 of D4), I4 closed on time, responded, basically satisfied and solved.
    expect(hekou.activity).toEqual(activity({ personTimes: 1, visits: 1, byKind: [{ kind: 'RESEARCH', count: 1 }], cadres: 1, cadresActive: 1, cadreDays: 1 }));
    expect(hekou.issueStats).toEqual({ ...noIssues, total: 1, closed: 1, assigned: 1, respondedInTime: 1, evaluated: 1, solved: 1, satisfied: 1, closedOnTime: 1, responseRate: 1, resolutionRate: 1, satisfactionRate: 1, onTimeRate: 1 });
    // 东营区 over January to June is its campaign (nothing happened in January or February).
    expect(dongying.activity).toEqual(activity({ ...district, monthly: undefined }));
    const a = city.division.activity!;
    for (const k of ['personTimes', 'visits', 'cadres', 'cadresActive', 'householdsVisited', 'cadreDays', 'forums', 'peopleHelped', 'contactCards', 'researchReports', 'pledgesStarted', 'pledgesOngoing', 'pledgesDone'] as const) {
      expect([k, a[k]]).toEqual([k, dongying.activity![k] + hekou.activity![k]]);
    }
    expect(a.funds).toBe(1300.5);
    const i = city.division.issueStats!;
    for (const k of ['total', 'open', 'closed', 'red', 'fromVisits', 'assigned', 'respondedInTime', 'evaluated', 'solved', 'satisfied', 'closedOnTime'] as const) {
      expect([k, i[k]]).toEqual([k, dongying.issueStats![k] + hekou.issueStats![k]]);
    }
    expect([i.responseRate, i.resolutionRate, i.satisfactionRate, i.onTimeRate]).toEqual([2 / 3, 2 / 3, 2 / 3, 1]);
    expect(city.departments.nodes.map((d) => d.id)).toEqual(['D1', 'D2', 'D3', 'D4']);

    const scoped = graphClient({ url: fed.url, token: await fed.token({ sub: 'analyst-dy', role: 'ANALYST', scope: DISTRICT }) });
    const own = await fetchBulletin(scoped, { division: DISTRICT, campaignId });
    const all = await fetchBulletin(client, { division: DISTRICT, campaignId });
    expect(own).toEqual(all);
    await expect(fetchBulletin(scoped, { division: HEKOU, ...period })).rejects.toThrow(/no division 370503000000/);
    await expect(fetchBulletin(scoped, { division: CITY, ...period })).rejects.toThrow(/no division 370500000000/);
  });
});
