// npm run report (scripts/report.ts): the bulletin, the coverage lists and the rankings, read
// through the gateway (default limits) on the demo world plus a campaign, a department that has
// not started and a few help records written here; every figure checked against what the graph
// answers to a query of its own, and the additive ones against their parts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parse, type EnumTypeDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { buildDemoPeople, DEMO_PROJECTS_AS_OF } from '@cadres/demo';
import { describeEachDatabase } from '@cadres/kit/src/testing';
import {
  ACTIVITY_MEASURES,
  BULLETIN_CSV_COLUMNS,
  COVERAGE_CSV_COLUMNS,
  ISSUE_MEASURES,
  RANKING_CSV_COLUMNS,
  DIVISION_RANKING_CSV_COLUMNS,
  fetchBulletin,
  fetchDivisionRanking,
  fetchCoverageList,
  fetchRanking,
  formatBulletin,
  formatCoverageList,
  formatRanking,
  graphClient,
  main,
  parseReportArgs,
  runReport,
  type Bulletin,
  type ReportClient,
} from '../scripts/report';
import { repoFile, startSupergraph, type RunningSupergraph } from './support/supergraph';

/** 12:00 in China on 2026-07-01: the demo's visits run to the end of June. */
const NOW = new Date(`${DEMO_PROJECTS_AS_OF}T04:00:00.000Z`);
const DISTRICT = '370502000000';
const CITY = '370500000000';
const CAMPAIGN = { from: '2026-03-01', to: '2026-12-31' };
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** A minimal RFC 4180 reader for the report's own output. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') (cell += '"'), k++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += ch;
  }
  expect(cell).toBe(''); // ends with a newline
  return rows;
}
const objects = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, k) => [h, r[k]])));

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const tsx = path.join(repoFile('node_modules'), '.bin', 'tsx');
    const child = spawn(tsx, [repoFile('scripts', 'report.ts'), ...args], { env: { ...process.env, ...env }, cwd: repoFile() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describeEachDatabase('npm run report through the gateway', (db) => {
  let fed: RunningSupergraph;
  let client: ReportClient;
  let analyst: string;
  let campaignId: string;
  let idle: { id: string; cadreId: string };
  /** The demo's own help records (帮扶) in the district over the campaign, and with the two recorded here. */
  let helped: { people: number; fen: number; cards: number; reports: number };
  const ok = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const { body } = await fed.request(query, variables, token ? { token } : undefined);
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  beforeAll(async () => {
    fed = await startSupergraph(db, { now: () => new Date(NOW) });
    analyst = await fed.token({ sub: 'report-test', role: 'ANALYST', scope: null });
    client = graphClient({ url: fed.url, token: analyst });
    // A department that takes part and has not started: one cadre, no village, no visit.
    const made = await ok(`mutation { registerDepartment(name: "东营区统计局", divisionCode: "${DISTRICT}") { id } }`);
    const cadre = await ok(`mutation($d: ID!) { registerCadre(name: "孙明", rank: SECTION_LEVEL, departmentId: $d, partyMember: true) { id } }`, { d: made.registerDepartment.id });
    idle = { id: made.registerDepartment.id, cadreId: cadre.registerCadre.id };
    const departments = await ok(`{ departments(divisionCode: "${DISTRICT}", first: 100) { nodes { id } } }`);
    const campaign = await ok(
      `mutation($d: [ID!]) { createCampaign(input: { name: "三解三促", divisionCode: "${DISTRICT}", from: "${CAMPAIGN.from}", to: "${CAMPAIGN.to}",
        phases: [{ name: "动员部署", from: "2026-03-01", to: "2026-03-31" }, { name: "排查梳理", from: "2026-04-01", to: "2026-12-31" }], departmentIds: $d }) { id } }`,
      { d: departments.departments.nodes.map((d: { id: string }) => d.id) },
    );
    campaignId = campaign.createCampaign.id;
    // Help records (帮扶) at households of two townships, by cadres of the district.
    const demo = buildDemoPeople(fed.world);
    const households = demo.households.filter((h) => h.divisionCode.startsWith(DISTRICT.slice(0, 6)));
    const cadres = fed.world.cadres.filter((c) => c.departmentId.startsWith(`D-${DISTRICT.slice(0, 6)}`));
    const help = [
      { household: households[0], people: 3, funds: 1200.5, cards: 4, reports: 1 },
      { household: households[households.length - 1], people: 2, funds: 800.25, cards: 6, reports: 0 },
    ];
    const ours = demo.helpRecords.filter((r) => r.divisionCode.startsWith(DISTRICT.slice(0, 6)) && r.date >= CAMPAIGN.from && r.date <= CAMPAIGN.to);
    helped = {
      people: 5 + sum(ours.map((r) => r.peopleHelped)),
      fen: 200_075 + sum(ours.map((r) => r.fundsFen)),
      cards: 10 + sum(ours.map((r) => r.contactCards)),
      reports: 1 + sum(ours.map((r) => r.researchReports)),
    };
    for (const [k, h] of help.entries()) {
      await ok(`mutation($i: HelpInput!) { recordHelp(input: $i) { id } }`, {
        i: { date: '2026-06-15', cadreId: cadres[k].id, targetType: 'Household', targetId: h.household.id, peopleHelped: h.people, funds: h.funds, contactCards: h.cards, researchReports: h.reports },
      });
    }
  }, 120_000);
  afterAll(() => fed?.stop());

  describe('the bulletin', () => {
    let b: Bulletin;
    beforeAll(async () => {
      b = await fetchBulletin(client, { division: DISTRICT, campaignId });
    });

    it("gives the district's campaign figures as the graph counts them, and its townships add up to them", async () => {
      const direct = await ok(
        `query($d: ID!, $c: ID!) { division(code: $d) { activity(campaignId: $c) { personTimes visits cadres cadresActive householdsVisited cadreDays forums peopleHelped funds contactCards researchReports } issueStats(from: "${CAMPAIGN.from}", to: "${CAMPAIGN.to}") { total closed solved fromVisits } } }`,
        { d: DISTRICT, c: campaignId },
        analyst,
      );
      expect(b.period).toMatchObject({ from: CAMPAIGN.from, to: CAMPAIGN.to, campaign: { id: campaignId, name: '三解三促' } });
      expect(b.division.activity).toMatchObject(direct.division.activity);
      expect(b.division.issueStats).toMatchObject(direct.division.issueStats);
      const a = b.division.activity!;
      expect(a.personTimes).toBeGreaterThan(0);
      expect(a.peopleHelped).toBe(helped.people);
      expect(Math.round(a.funds * 100)).toBe(helped.fen);
      expect(a.contactCards).toBe(helped.cards);
      expect(a.researchReports).toBe(helped.reports);
      // Everything recorded lies in a township: the additive figures are the townships' sum.
      const kids = b.division.children.nodes;
      expect(kids.map((k) => k.level)).toEqual(kids.map(() => 'TOWNSHIP'));
      expect(b.division.children.totalCount).toBe(kids.length);
      for (const key of ['personTimes', 'visits', 'householdsVisited', 'forums', 'peopleHelped', 'contactCards', 'researchReports'] as const) {
        expect([key, sum(kids.map((k) => k.activity![key]))]).toEqual([key, a[key]]);
      }
      expect(sum(kids.map((k) => k.activity!.funds))).toBeCloseTo(a.funds, 2);
      expect(sum(kids.map((k) => k.issueStats!.total))).toBe(b.division.issueStats!.total);
      expect(sum(kids.map((k) => k.issueStats!.solved))).toBe(b.division.issueStats!.solved);
      // The monthly series covers the campaign's months and adds up to the period's person-times.
      expect(a.monthly!.map((m) => m.month)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
      expect(sum(a.monthly!.map((m) => m.personTimes))).toBe(a.personTimes);
    });

    it('lists every taking part department with its own figures; their cadres are the district\'s; the idle one is flagged', async () => {
      expect(b.departments.totalCount).toBe(b.departments.nodes.length);
      expect(sum(b.departments.nodes.map((d) => d.activity!.cadres))).toBe(b.division.activity!.cadres);
      for (const d of b.departments.nodes) {
        const direct = await ok(
          `query($id: ID!, $c: ID!) { department(id: $id) { activity(campaignId: $c) { personTimes cadres cadresActive } issueStats(from: "${CAMPAIGN.from}", to: "${CAMPAIGN.to}") { assigned satisfied evaluated } } }`,
          { id: d.id, c: campaignId },
          analyst,
        );
        expect(d.activity).toMatchObject(direct.department.activity);
        expect(d.issueStats).toMatchObject(direct.department.issueStats);
      }
      expect(b.notStarted).toEqual({ totalCount: 1, nodes: [{ id: idle.id, name: '东营区统计局' }] });
      // Lowest visits per cadre first: the idle department (0 of 1), then the rest in order.
      const lag = b.division.laggards!;
      expect(lag.totalCount).toBe(b.departments.totalCount);
      expect(lag.nodes[0]).toMatchObject({ rank: 1, value: 0, numerator: 0, denominator: 1, department: { id: idle.id } });
      const values = lag.nodes.map((r) => r.value!);
      expect(values).toEqual([...values].sort((x, y) => x - y));
      const sat = b.division.satisfaction!;
      const direct = await ok(
        `query($d: ID!) { division(code: $d) { assigneeRanking(measure: SATISFACTION_RATE, from: "${CAMPAIGN.from}", to: "${CAMPAIGN.to}", first: 5) { totalCount nodes { rank value department { id } } } } }`,
        { d: DISTRICT },
        analyst,
      );
      expect(sat.totalCount).toBe(direct.division.assigneeRanking.totalCount);
      expect(sat.nodes.map((r) => [r.rank, r.value, r.department.id])).toEqual(direct.division.assigneeRanking.nodes.map((r: any) => [r.rank, r.value, r.department.id]));
    });

    it('prints the Markdown bulletin: its sections in order, a row per township and per department, the flags', () => {
      const md = formatBulletin(b, 'md');
      const headings = md.split('\n').filter((l) => l.startsWith('#'));
      expect(headings).toEqual([
        '# 东营区领导干部下基层活动情况通报',
        '## 一、总体情况',
        '## 二、分月情况',
        '## 三、各镇街情况',
        '## 四、各单位情况（参加活动的单位）',
        '## 五、排名',
        `### 人均走访人次（由低到高，共${b.division.laggards!.totalCount}个单位）`,
        `### 交办问题群众满意率（由高到低，共${b.division.satisfaction!.totalCount}个单位）`,
        '## 六、尚未启动的单位',
        '## 七、覆盖短板',
      ]);
      const a = b.division.activity!;
      expect(md).toContain(`全区领导干部下基层${a.personTimes.toLocaleString('en-US')}人次（走访${a.visits.toLocaleString('en-US')}次）`);
      const count = (x: number) => x.toLocaleString('en-US');
      expect(md).toContain(`帮扶困难群众${count(helped.people)}人，落实帮扶资金${(helped.fen / 1_000_000).toFixed(2)}万元，发放联系卡${count(helped.cards)}张，形成调研报告${count(helped.reports)}篇`);
      expect(md).toContain(`| 落实帮扶资金（元） | ${(helped.fen / 100).toFixed(2)} |`);
      for (const k of b.division.children.nodes) expect(md.split('\n').filter((l) => l.startsWith(`| ${k.code} | ${k.name} | ${k.activity!.personTimes} |`))).toHaveLength(1);
      for (const d of b.departments.nodes) expect(md.split('\n').filter((l) => l.startsWith(`| ${d.name} | ${d.activity!.cadres} |`))).toHaveLength(1);
      expect(md).toContain('| 东营区统计局 | 1 | 0 | 0 | 0.0 |');
      expect(md).toMatch(/\| 东营区统计局 .*\| 尚未启动、人均偏低 \|/);
      expect(md).toContain(`- 东营区统计局（${idle.id}）`);
      expect(md).toContain(`| 未联系村（社区）的干部 | ${b.division.coverage!.cadresWithoutVillage.totalCount} / ${b.division.coverage!.cadres} |`);
    });

    it('prints the CSV bulletin: the header, then the district, each township and each department', () => {
      const rows = readCsv(formatBulletin(b, 'csv'));
      expect(rows[0]).toEqual([...BULLETIN_CSV_COLUMNS]);
      expect(rows.every((r) => r.length === BULLETIN_CSV_COLUMNS.length)).toBe(true);
      const items = objects(rows);
      expect(items.map((r) => r.kind)).toEqual(['division', ...b.division.children.nodes.map(() => 'child'), ...b.departments.nodes.map(() => 'department')]);
      const [district, ...rest] = items;
      const a = b.division.activity!;
      expect(district).toMatchObject({ code: DISTRICT, name: '东营区', personTimes: String(a.personTimes), funds: (helped.fen / 100).toFixed(2), issues: String(b.division.issueStats!.total) });
      const c = b.division.coverage!;
      expect(district.buildingUnitsShort).toBe(String(c.buildingUnits - c.buildingUnitsFullyLinked));
      const children = rest.filter((r) => r.kind === 'child');
      expect(sum(children.map((r) => Number(r.personTimes)))).toBe(a.personTimes);
      const departments = rest.filter((r) => r.kind === 'department');
      expect(departments.map((r) => r.code)).toEqual(b.departments.nodes.map((d) => d.id));
      expect(departments.find((r) => r.code === idle.id)).toMatchObject({ cadres: '1', personTimes: '0', visitsPerCadre: '0', flags: '尚未启动 人均偏低', laggardRank: '1' });
    });

    it('over a period instead: the city equals the sum of its districts, within the default limits', async () => {
      const city = await fetchBulletin(client, { division: CITY, from: '2026-01-01', to: '2026-06-30' });
      expect(city.period).toEqual({ from: '2026-01-01', to: '2026-06-30', campaign: null });
      expect(city.notStarted).toBeNull();
      const districts = city.division.children.nodes;
      expect(districts).toHaveLength(5);
      for (const key of ['personTimes', 'visits', 'householdsVisited', 'forums', 'peopleHelped'] as const) {
        expect([key, sum(districts.map((d) => d.activity![key]))]).toEqual([key, city.division.activity![key]]);
      }
      expect(city.departments.totalCount).toBe(city.departments.nodes.length);
      expect(sum(city.departments.nodes.map((d) => d.activity!.cadres))).toBe(city.division.activity!.cadres);
      const md = formatBulletin(city, 'md');
      expect(md).toContain('## 三、各区县情况');
      expect(md).toContain('- 期间：2026-01-01 至 2026-06-30');
      expect(md).not.toContain('尚未启动的单位');
    });

    it('pages every list past a page (departments, townships, not started): no row is cut, one request per further page', async () => {
      /** The client, counting the requests it sends by operation. */
      const counting = () => {
        const sent: string[] = [];
        const c: ReportClient = { url: client.url, request: (doc, op, vars) => (sent.push(op), client.request(doc, op, vars)) };
        return { c, sent };
      };
      const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
      const small = counting();
      const paged = await fetchBulletin(small.c, { division: DISTRICT, campaignId, rows: 2 });
      expect(b.departments.totalCount).toBeGreaterThan(2);
      expect(b.division.children.totalCount).toBeGreaterThan(2);
      expect(paged).toEqual(b);
      expect(small.sent.filter((op) => op === 'CampaignDepartmentsPage')).toHaveLength(pages(b.departments.totalCount, 2) - 1);
      expect(small.sent.filter((op) => op === 'CampaignChildrenPage')).toHaveLength(pages(b.division.children.totalCount, 2) - 1);
      expect(small.sent.filter((op) => op === 'CampaignNotStartedPage')).toHaveLength(pages(b.notStarted!.totalCount, 2) - 1);
      expect(small.sent.slice(0, 2)).toEqual(['CampaignPeriod', 'CampaignBulletin']);
      // The default page (100) holds the demo's district whole: no further request.
      const whole = counting();
      await fetchBulletin(whole.c, { division: DISTRICT, campaignId });
      expect(whole.sent).toEqual(['CampaignPeriod', 'CampaignBulletin']);
      // Over a period, the city: its 5 districts by 2, and every department of the city.
      const city = counting();
      const byTwo = await fetchBulletin(city.c, { division: CITY, from: '2026-01-01', to: '2026-06-30', rows: 2 });
      const one = await fetchBulletin(client, { division: CITY, from: '2026-01-01', to: '2026-06-30', rows: 500 });
      expect(byTwo).toEqual(one);
      expect(one.departments.nodes).toHaveLength(one.departments.totalCount);
      expect(city.sent).toEqual([
        'PeriodBulletin',
        ...Array.from({ length: pages(5, 2) - 1 }, () => 'PeriodChildrenPage'),
        ...Array.from({ length: pages(one.departments.totalCount, 2) - 1 }, () => 'PeriodDepartmentsPage'),
      ]);
      // The command line takes the page size too.
      expect(parseReportArgs(['bulletin', '--division', DISTRICT, '--page-size', '7'])).toMatchObject({ command: 'bulletin', options: { rows: 7 } });
    });

    it("gives a district-scoped ANALYST its own district's bulletin, and nothing of another", async () => {
      const scoped = graphClient({ url: fed.url, token: await fed.token({ sub: 'report-analyst', role: 'ANALYST', scope: DISTRICT }) });
      const own = await fetchBulletin(scoped, { division: DISTRICT, campaignId });
      expect(own.division.activity).toEqual(b.division.activity);
      const out: string[] = [];
      const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), env: { GATEWAY_URL: fed.url, TOKEN: await fed.token({ sub: 'report-analyst', role: 'ANALYST', scope: DISTRICT }) } };
      expect(await main(['bulletin', '--division', '370503000000', '--from', '2026-01-01', '--to', '2026-06-30'], io)).toBe(1);
      expect(out.join('')).toMatch(/370503000000/);
    });
  });

  describe('the coverage lists', () => {
    it('pages through each list to the same items the graph lists, one CSV row per item', async () => {
      for (const list of ['cadresWithoutVillage', 'buildingUnitsShort', 'householdsUnderQuota'] as const) {
        const whole = await fetchCoverageList(client, { division: DISTRICT, list, campaignId });
        const paged = await fetchCoverageList(client, { division: DISTRICT, list, campaignId, pageSize: 4 });
        expect(whole.pages).toBe(1);
        expect(paged.pages).toBe(Math.max(1, Math.ceil(whole.totalCount / 4)));
        expect(paged.nodes).toEqual(whole.nodes);
        expect(whole.nodes).toHaveLength(whole.totalCount);
        const direct = await ok(`query($d: ID!, $c: ID!) { division(code: $d) { coverageIn(campaignId: $c) { ${list}(first: 500) { totalCount nodes { id } } } } }`, { d: DISTRICT, c: campaignId }, analyst);
        expect(whole.nodes.map((x) => x.id)).toEqual(direct.division.coverageIn[list].nodes.map((x: { id: string }) => x.id));
        const rows = readCsv(formatCoverageList(whole, 'csv'));
        expect(rows[0]).toEqual(COVERAGE_CSV_COLUMNS[list]);
        expect(rows.slice(1).map((r) => r[0])).toEqual(whole.nodes.map((x) => x.id));
        const md = formatCoverageList(whole, 'md').split('\n');
        expect(md[0]).toBe(`# 东营区（${DISTRICT}）${{ cadresWithoutVillage: '未联系村（社区）的干部', buildingUnitsShort: '联系干部不足的楼栋单元', householdsUnderQuota: '走访次数不足的农户' }[list]}：${whole.totalCount}`);
        expect(md.filter((l) => /^\| [^-I]/.test(l))).toHaveLength(whole.totalCount);
      }
    });

    it('shows what makes each item a gap: the idle cadre, units with fewer than 2 cadres, households under the quota', async () => {
      const cadres = objects(readCsv(formatCoverageList(await fetchCoverageList(client, { division: DISTRICT, list: 'cadresWithoutVillage', campaignId }), 'csv')));
      expect(cadres).toContainEqual({ id: idle.cadreId, name: '孙明', rank: 'SECTION_LEVEL', departmentId: idle.id, departmentName: '东营区统计局' });
      const units = objects(readCsv(formatCoverageList(await fetchCoverageList(client, { division: DISTRICT, list: 'buildingUnitsShort' }), 'csv')));
      expect(units.length).toBeGreaterThan(0);
      for (const u of units) expect(Number(u.cadresLinked)).toBeLessThan(2);
      const households = await fetchCoverageList(client, { division: DISTRICT, list: 'householdsUnderQuota', campaignId });
      expect(households.totalCount).toBeGreaterThan(0);
      for (const h of objects(readCsv(formatCoverageList(households, 'csv')))) {
        expect(Number(h.visits)).toBeLessThan(Number(h.quota));
        expect(h.divisionCode.startsWith(DISTRICT.slice(0, 6))).toBe(true);
      }
    });
  });

  describe('the rankings', () => {
    it('pages through an activity ranking and an assignee ranking, as the graph ranks them', async () => {
      const lag = await fetchRanking(client, { division: DISTRICT, measure: 'VISITS_PER_CADRE', ascending: true, campaignId, pageSize: 3 });
      const whole = await fetchRanking(client, { division: DISTRICT, measure: 'VISITS_PER_CADRE', ascending: true, campaignId });
      expect(lag.pages).toBe(Math.ceil(whole.totalCount / 3));
      expect(lag.nodes).toEqual(whole.nodes);
      expect(lag.nodes[0].department.id).toBe(idle.id);
      const ranks = lag.nodes.map((r) => r.rank);
      expect(ranks).toEqual([...ranks].sort((x, y) => x - y));

      const sat = await fetchRanking(client, { division: DISTRICT, measure: 'SATISFACTION_RATE', campaignId });
      expect(sat.kind).toBe('issues');
      const direct = await ok(
        `query($d: ID!) { division(code: $d) { assigneeRanking(measure: SATISFACTION_RATE, from: "${CAMPAIGN.from}", to: "${CAMPAIGN.to}", first: 500) { totalCount nodes { rank value numerator denominator department { id } } } } }`,
        { d: DISTRICT },
        analyst,
      );
      expect(sat.nodes.map((r) => ({ ...r, department: { id: r.department.id } }))).toEqual(direct.division.assigneeRanking.nodes);
      const rows = readCsv(formatRanking(sat, 'csv'));
      expect(rows[0]).toEqual(RANKING_CSV_COLUMNS);
      expect(rows).toHaveLength(sat.totalCount + 1);
      expect(formatRanking(sat, 'md').split('\n')[0]).toBe(`# 东营区（${DISTRICT}）单位排名：SATISFACTION_RATE，由高到低`);
    });

    it('ranks the townships of the district (--children) as their own figures say, through the gateway', async () => {
      const b = await fetchBulletin(client, { division: DISTRICT, campaignId });
      const townships = new Map(b.division.children.nodes.map((k) => [k.code, k]));
      const lag = await fetchDivisionRanking(client, { division: DISTRICT, measure: 'PERSON_TIMES', ascending: true, campaignId, pageSize: 2 });
      expect(lag.of).toBe('divisions');
      expect(lag.pages).toBe(Math.ceil(townships.size / 2));
      // Every township, each with its own campaign person-times, lowest first.
      expect(lag.totalCount).toBe(townships.size);
      expect(lag.nodes.map((r) => [r.division.code, r.numerator])).toEqual(
        [...townships.values()].map((k) => [k.code, k.activity!.personTimes]).sort((x, y) => Number(x[1]) - Number(y[1]) || (x[0] < y[0] ? -1 : 1)),
      );
      expect(lag.nodes.every((r) => r.division.level === 'TOWNSHIP' && r.division.name === townships.get(r.division.code)!.name)).toBe(true);
      const sat = await fetchDivisionRanking(client, { division: DISTRICT, measure: 'ACTIVE_CADRE_SHARE', campaignId });
      for (const r of sat.nodes) {
        const own = townships.get(r.division.code)!.activity!;
        expect([r.division.code, r.numerator, r.denominator]).toEqual([r.division.code, own.cadresActive, own.cadres]);
      }
      const rows = readCsv(formatRanking(sat, 'csv'));
      expect(rows[0]).toEqual(DIVISION_RANKING_CSV_COLUMNS);
      expect(rows).toHaveLength(sat.totalCount + 1);
      expect(formatRanking(sat, 'md').split('\n')[0]).toBe(`# 东营区（${DISTRICT}）下级区划排名：ACTIVE_CADRE_SHARE，由高到低`);
      expect(parseReportArgs(['ranking', '--division', DISTRICT, '--measure', 'ASSIGNED', '--children'])).toMatchObject({ options: { children: true } });
      // A district ANALYST gets its own district's townships, and nothing of another district.
      const scoped = graphClient({ url: fed.url, token: await fed.token({ sub: 'report-analyst', role: 'ANALYST', scope: DISTRICT }) });
      expect((await fetchDivisionRanking(scoped, { division: DISTRICT, measure: 'PERSON_TIMES', ascending: true, campaignId })).nodes).toEqual(lag.nodes);
      await expect(fetchDivisionRanking(scoped, { division: '370503000000', measure: 'PERSON_TIMES' })).rejects.toThrow(/370503000000/);
    });

    it('ranks the townships of the district (--children) by an IssueMeasure (childIssueRanking) as their own issueStats say, through the gateway', async () => {
      const b = await fetchBulletin(client, { division: DISTRICT, campaignId });
      const townships = new Map(b.division.children.nodes.map((k) => [k.code, k]));
      const sat = await fetchDivisionRanking(client, { division: DISTRICT, measure: 'SATISFACTION_RATE', campaignId, pageSize: 2 });
      expect([sat.of, sat.totalCount, sat.pages]).toEqual(['divisions', townships.size, Math.ceil(townships.size / 2)]);
      // Every township, with its own campaign issueStats; highest first, ties in code order, undefined last.
      const expected = [...townships.values()]
        .map((k) => ({ code: k.code, numerator: k.issueStats!.satisfied, denominator: k.issueStats!.evaluated, value: k.issueStats!.satisfactionRate }))
        .sort((x, y) => (x.value == null ? 1 : 0) - (y.value == null ? 1 : 0) || (y.value ?? 0) - (x.value ?? 0) || (x.code < y.code ? -1 : 1));
      expect(sat.nodes.map((r) => ({ code: r.division.code, numerator: r.numerator, denominator: r.denominator, value: r.value }))).toEqual(expected);
      expect(sat.nodes.map((r) => r.rank)).toEqual(sat.nodes.map((r) => 1 + sat.nodes.findIndex((x) => x.value === r.value)));
      // The demo's townships differ: not all tied, and not all undefined.
      expect(new Set(expected.map((e) => e.value)).size).toBeGreaterThan(1);
      const low = await fetchDivisionRanking(client, { division: DISTRICT, measure: 'SATISFACTION_RATE', ascending: true, campaignId });
      const defined = low.nodes.filter((r) => r.value != null).map((r) => r.value!);
      expect(defined).toEqual([...defined].sort((x, y) => x - y));
      expect(low.nodes.slice(defined.length).every((r) => r.value == null)).toBe(true);
      expect(formatRanking(low, 'md').split('\n')[0]).toBe(`# 东营区（${DISTRICT}）下级区划排名：SATISFACTION_RATE，由低到高`);
      const rows = readCsv(formatRanking(sat, 'csv'));
      expect([rows[0], rows.length]).toEqual([DIVISION_RANKING_CSV_COLUMNS, sat.totalCount + 1]);
      const assigned = await fetchDivisionRanking(client, { division: DISTRICT, measure: 'ASSIGNED', campaignId });
      expect(assigned.nodes.map((r) => [r.division.code, r.numerator, r.denominator])).toEqual(
        [...townships.values()].map((k) => [k.code, k.issueStats!.assigned, null]).sort((x, y) => Number(y[1]) - Number(x[1]) || (x[0]! < y[0]! ? -1 : 1)),
      );
      const scoped = graphClient({ url: fed.url, token: await fed.token({ sub: 'report-analyst', role: 'ANALYST', scope: DISTRICT }) });
      await expect(fetchDivisionRanking(scoped, { division: '370503000000', measure: 'SATISFACTION_RATE' })).rejects.toThrow(/370503000000/);
    });

    it('knows every measure the graph ranks by', () => {
      const enums = parse(readFileSync(repoFile('schema', 'supergraph.graphql'), 'utf8')).definitions.filter((d): d is EnumTypeDefinitionNode => d.kind === 'EnumTypeDefinition');
      const values = (name: string) => enums.find((e) => e.name.value === name)!.values!.map((v) => v.name.value);
      expect([...ACTIVITY_MEASURES]).toEqual(values('ActivityMeasure'));
      expect([...ISSUE_MEASURES]).toEqual(values('IssueMeasure'));
    });
  });

  describe('the command line', () => {
    it('refuses a bad command line with exit code 2 and a message naming the flag', async () => {
      const cases: [string[], RegExp][] = [
        [[], /a command is required/],
        [['tally'], /unknown command "tally"/],
        [['bulletin'], /--division is required/],
        [['bulletin', '--division', '3705'], /--division must be a valid 12-digit division code/],
        [['bulletin', '--division', DISTRICT, '--colour', 'red'], /Unknown option '--colour'/],
        [['bulletin', '--division', DISTRICT, '--from', '2026-02-30'], /--from must be a date/],
        [['bulletin', '--division', DISTRICT, '--campaign', 'x', '--to', '2026-06-30'], /--to cannot be used with --campaign/],
        [['bulletin', '--division', DISTRICT, '--from', '2026-06-30', '--to', '2026-01-01'], /--to must not be before --from/],
        [['bulletin', '--division', DISTRICT, '--format', 'xlsx'], /--format must be md or csv/],
        [['coverage', '--division', DISTRICT], /--list is required/],
        [['coverage', '--division', DISTRICT, '--list', 'villages'], /--list must be one of/],
        [['ranking', '--division', DISTRICT], /--measure is required/],
        [['ranking', '--division', DISTRICT, '--measure', 'SPEED'], /--measure must be one of/],
        [['ranking', '--division', DISTRICT, '--measure', 'ASSIGNED', '--page-size', '0'], /--page-size must be a whole number/],
      ];
      for (const [argv, message] of cases) {
        const err: string[] = [];
        const code = await main(argv, { stdout: () => {}, stderr: (t) => err.push(t), env: { GATEWAY_URL: 'http://127.0.0.1:1/graphql', TOKEN: 'unused' } });
        expect([argv, code]).toEqual([argv, 2]);
        expect(err.join('')).toMatch(message);
      }
    });

    it("prints the graph's errors with their codes and exits 1", async () => {
      const err: string[] = [];
      const io = { stdout: () => {}, stderr: (t: string) => err.push(t), env: { GATEWAY_URL: fed.url, TOKEN: 'not-a-token' } };
      expect(await main(['ranking', '--division', DISTRICT, '--measure', 'ASSIGNED'], io)).toBe(1);
      expect(err.join('')).toMatch(/\[UNAUTHENTICATED\]/);
      err.length = 0;
      io.env.TOKEN = analyst;
      // 121 months: more than an activity period may span.
      expect(await main(['bulletin', '--division', DISTRICT, '--from', '2016-01-01', '--to', '2026-01-31'], io)).toBe(1);
      expect(err.join('')).toMatch(/\[BAD_USER_INPUT\] .*\(path division\.activity, field to\)/);
    });

    it('runs as npm run report does, printing what the functions print', async () => {
      const env = { GATEWAY_URL: fed.url, TOKEN: analyst };
      const argv = ['ranking', '--division', DISTRICT, '--measure', 'VISITS_PER_CADRE', '--ascending', '--campaign', campaignId, '--format', 'csv'];
      const [cli, bad] = await Promise.all([runCli(argv, env), runCli(['ranking', '--division', DISTRICT, '--measure', 'SPEED'], env)]);
      expect(cli.stderr).toBe('');
      expect(cli.code).toBe(0);
      expect(cli.stdout).toBe(await runReport(client, parseReportArgs(argv)));
      expect(readCsv(cli.stdout)[1].slice(0, 3)).toEqual(['1', idle.id, '东营区统计局']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--measure must be one of/);
    });
  });
});
