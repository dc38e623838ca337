// npm run report: the campaign's measures from the running graph, through the gateway.
//
//   npm run report -- bulletin --division 370502000000 [--campaign ID | --from 2026-01-01 --to 2026-06-30] [--page-size 100] [--format md|csv]
//   npm run report -- coverage --division 370502000000 --list cadresWithoutVillage|buildingUnitsShort|householdsUnderQuota [--campaign ID] [--format md|csv]
//   npm run report -- ranking  --division 370502000000 --measure VISITS_PER_CADRE|SATISFACTION_RATE|… [--ascending] [--children] [--campaign ID | --from --to] [--format md|csv]
//
// GATEWAY_URL (default http://127.0.0.1:4000/graphql); the token from TOKEN, or, when TOKEN is
// unset, an ANALYST token signed with the development issuer key under DATA_DIR (./data).
// The documents it sends are scripts/report/*.graphql: a dashboard can send the same ones.
// Exit codes: 0 done, 1 the graph answered with errors (printed with their codes) or could not
// be reached, 2 a bad command line (the message names the flag).
import { readFileSync } from 'node:fs';
import { parse, print, separateOperations } from 'graphql';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chinaDate, devTokenSigner, isIsoDate, isValidDivisionCode } from '@cadres/kit';

// ---------------------------------------------------------------- documents and their enums

const documentOf = (name: 'bulletin' | 'coverage' | 'ranking') => readFileSync(path.join(__dirname, 'report', `${name}.graphql`), 'utf8');
export const documents = {
  get bulletin() {
    return documentOf('bulletin');
  },
  get coverage() {
    return documentOf('coverage');
  },
  get ranking() {
    return documentOf('ranking');
  },
};

/** The values of the graph's ActivityMeasure and IssueMeasure (a test holds them to the schema). */
export const ACTIVITY_MEASURES = ['PERSON_TIMES', 'VISITS_PER_CADRE', 'HOUSEHOLDS_VISITED', 'CADRE_DAYS', 'ACTIVE_CADRE_SHARE', 'LINKED_CADRE_SHARE', 'PEOPLE_HELPED'] as const;
export const ISSUE_MEASURES = ['ASSIGNED', 'RESPONSE_RATE', 'RESOLUTION_RATE', 'SATISFACTION_RATE', 'ON_TIME_RATE', 'SERVICE_RATING'] as const;
export const COVERAGE_LISTS = ['cadresWithoutVillage', 'buildingUnitsShort', 'householdsUnderQuota'] as const;
export type CoverageListName = (typeof COVERAGE_LISTS)[number];
export type Format = 'md' | 'csv';

// ---------------------------------------------------------------- errors

/** A bad command line: exit code 2. */
export class UsageError extends Error {}

export interface GraphQLErrorLike {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [k: string]: unknown };
}

/** The graph answered with errors (or not at all): exit code 1. */
export class GraphError extends Error {
  constructor(
    message: string,
    readonly errors: GraphQLErrorLike[] = [],
    readonly status?: number,
  ) {
    super(message);
  }
}

export const describeGraphQLError = (e: GraphQLErrorLike) => {
  const code = e.extensions?.code ?? 'NO_CODE';
  const where = [e.path?.length ? `path ${e.path.join('.')}` : '', e.extensions?.field ? `field ${e.extensions.field}` : ''].filter(Boolean).join(', ');
  return `[${code}] ${e.message}${where ? ` (${where})` : ''}`;
};

// ---------------------------------------------------------------- the client

export interface ReportClient {
  /** Sends one operation of a document; any error in the answer is a GraphError. */
  request<T = any>(document: string, operationName: string, variables: Record<string, unknown>): Promise<T>;
  url: string;
}

/**
 * The operation alone, with the fragments it uses: a document's fragments may use variables only
 * some of its operations define, and a server validates every fragment it is sent.
 */
export function operationOf(document: string, operationName: string): string {
  const one = separateOperations(parse(document))[operationName];
  if (!one) throw new Error(`no operation ${operationName} in the document`);
  return print(one);
}

export function graphClient(opts: { url: string; token: string; fetch?: typeof fetch }): ReportClient {
  const doFetch = opts.fetch ?? fetch;
  return {
    url: opts.url,
    async request(document, operationName, variables) {
      let res: Response;
      try {
        res = await doFetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
          body: JSON.stringify({ query: operationOf(document, operationName), operationName, variables }),
        });
      } catch (e) {
        const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e instanceof Error ? e.message : String(e));
        throw new GraphError(`cannot reach the gateway at ${opts.url} (${cause}): is npm start running, and is GATEWAY_URL right?`);
      }
      const text = await res.text();
      let body: { data?: any; errors?: GraphQLErrorLike[] };
      try {
        body = JSON.parse(text);
      } catch {
        throw new GraphError(`HTTP ${res.status} from ${opts.url}: ${text.slice(0, 200)}`, [], res.status);
      }
      if (body.errors?.length) {
        const hint = body.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
          ? ' (set TOKEN, or DATA_DIR to the directory npm start uses, so that the development key signs it)'
          : '';
        throw new GraphError(`the graph answered ${operationName} with ${body.errors.length} error(s)${hint}`, body.errors, res.status);
      }
      if (!res.ok || !body.data) throw new GraphError(`HTTP ${res.status} from ${opts.url} without data`, [], res.status);
      return body.data;
    },
  };
}

// ---------------------------------------------------------------- periods

export interface PeriodOptions {
  campaignId?: string;
  from?: string;
  to?: string;
}

export interface CampaignPeriod {
  id: string;
  name: string;
  divisionCode: string;
  from: string;
  to: string;
}

async function campaignPeriod(client: ReportClient, campaignId: string): Promise<CampaignPeriod> {
  const data = await client.request<{ campaign: CampaignPeriod | null }>(documents.bulletin, 'CampaignPeriod', { campaignId });
  if (!data.campaign) throw new GraphError(`no campaign ${campaignId} (or the token does not see it): list them with { campaigns { nodes { id name from to } } }`);
  return data.campaign;
}

/** The calendar year (China time) the graph's defaults use. */
const calendarYear = (now = new Date()) => {
  const year = chinaDate(now).slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
};

// ---------------------------------------------------------------- bulletin

export interface Activity {
  personTimes: number;
  visits: number;
  cadres: number;
  cadresActive: number;
  householdsVisited: number;
  cadreDays: number;
  forums: number;
  peopleHelped: number;
  funds: number;
  contactCards: number;
  researchReports: number;
  pledgesStarted: number;
  pledgesOngoing: number;
  pledgesDone: number;
  byKind: { kind: string; count: number }[];
  monthly?: { month: string; personTimes: number; visits: number; householdsVisited: number; cadreDays: number }[];
}
export interface Issues {
  total: number;
  open: number;
  closed: number;
  red: number;
  fromVisits: number;
  fixedOnTheSpot: number;
  assigned: number;
  respondedInTime: number;
  evaluated: number;
  solved: number;
  satisfied: number;
  closedOnTime: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  onTimeRate: number | null;
  byCategory?: { category: string; count: number }[];
}
export interface CoverageCounts {
  villagesAndCommunities: number;
  withRankedLiaison: number;
  uncovered: { totalCount: number };
  households: number;
  householdsLinked: number;
  householdsVisitedEnough: number;
  visitQuota: number;
  buildingUnits: number;
  buildingUnitsFullyLinked: number;
  cadres: number;
  cadresLinked: number;
  householdsPerCadre: number;
  cadresWithoutVillage: { totalCount: number };
  householdsUnderQuota: { totalCount: number };
  cadresOffHouseholdQuota: { totalCount: number };
}
/**
 * Building units short of the rule's cadres: Coverage.buildingUnitsShort's totalCount, which is
 * buildingUnits less buildingUnitsFullyLinked (the same units, the same rule), without its list.
 */
export const unitsShort = (c: CoverageCounts) => c.buildingUnits - c.buildingUnitsFullyLinked;
export interface RankingRow {
  rank: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  department: { id: string; name: string; divisionCode?: string };
}
interface Unit {
  activity: Activity | null;
  issueStats: Issues | null;
}
export interface BulletinDepartment extends Unit {
  id: string;
  name: string;
  divisionCode: string;
}
export interface BulletinChild extends Unit {
  code: string;
  name: string;
  level: string;
}
export interface Bulletin {
  /** The period the figures cover; campaign when one was given. */
  period: { from: string | null; to: string | null; campaign: (CampaignPeriod & { phases: { name: string; from: string; to: string }[] }) | null };
  division: {
    code: string;
    name: string;
    level: string;
    activity: Activity | null;
    issueStats: Issues | null;
    coverage: CoverageCounts | null;
    children: { totalCount: number; nodes: BulletinChild[] };
    laggards: { totalCount: number; nodes: RankingRow[] } | null;
    satisfaction: { totalCount: number; nodes: RankingRow[] } | null;
  };
  /** The campaign's departments (all of them, started or not), else the departments lying in the division. */
  departments: { totalCount: number; nodes: BulletinDepartment[] };
  /** Campaign only: the participating departments with no visit in the campaign so far. */
  notStarted: { totalCount: number; nodes: { id: string; name: string }[] } | null;
}

export interface BulletinOptions extends PeriodOptions {
  division: string;
  /** Rows of each ranking (default 5). */
  top?: number;
  /** Rows per page of the departments and children lists (default 100): the rest is fetched page by page. */
  rows?: number;
}

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

/** A list whole: its first page, then the pages `next` fetches after it, till the last. */
async function wholeList<T>(first: Page<T>, next: (after: string) => Promise<Page<T> | null | undefined>): Promise<{ totalCount: number; nodes: T[] }> {
  const nodes = [...first.nodes];
  let page = first;
  while (page.pageInfo.hasNextPage && page.pageInfo.endCursor) {
    const after = page.pageInfo.endCursor;
    const got = await next(after);
    if (!got) throw new GraphError(`a page after ${after} went missing (the list changed, or the token lost sight of it)`);
    nodes.push(...got.nodes);
    page = got;
  }
  return { totalCount: page.totalCount, nodes };
}

/**
 * The bulletin's data: one request (after reading the campaign's period, with a campaign), then
 * one more per further page of a list longer than `rows` (departments, townships, not started).
 */
export async function fetchBulletin(client: ReportClient, opts: BulletinOptions): Promise<Bulletin> {
  const top = opts.top ?? 5;
  const rows = opts.rows ?? 100;
  const page = <T>(operationName: string, variables: Record<string, unknown>, pick: (data: any) => Page<T> | null | undefined) => (after: string) =>
    client.request(documents.bulletin, operationName, { ...variables, rows, after }).then(pick);
  if (opts.campaignId) {
    const campaign = await campaignPeriod(client, opts.campaignId);
    const vars = { division: opts.division, campaignId: campaign.id, from: campaign.from, to: campaign.to };
    const data = await client.request(documents.bulletin, 'CampaignBulletin', { ...vars, top, rows });
    if (!data.division) throw new GraphError(`no division ${opts.division} (or it lies outside the token's scope)`);
    const { departments, departmentsNotStarted, ...rest } = data.campaign;
    const { division: _, ...campaignVars } = vars;
    return {
      period: { from: campaign.from, to: campaign.to, campaign: rest },
      division: { ...data.division, children: await wholeList(data.division.children, page('CampaignChildrenPage', vars, (d) => d.division?.children)) },
      departments: await wholeList(departments, page('CampaignDepartmentsPage', campaignVars, (d) => d.campaign?.departments)),
      notStarted: await wholeList(departmentsNotStarted, page('CampaignNotStartedPage', { campaignId: campaign.id }, (d) => d.campaign?.departmentsNotStarted)),
    };
  }
  const vars = { division: opts.division, from: opts.from ?? null, to: opts.to ?? null };
  const data = await client.request(documents.bulletin, 'PeriodBulletin', { ...vars, top, rows });
  if (!data.division) throw new GraphError(`no division ${opts.division} (or it lies outside the token's scope)`);
  return {
    period: { from: opts.from ?? null, to: opts.to ?? null, campaign: null },
    division: { ...data.division, children: await wholeList(data.division.children, page('PeriodChildrenPage', vars, (d) => d.division?.children)) },
    departments: await wholeList(data.departments, page('PeriodDepartmentsPage', vars, (d) => d.departments)),
    notStarted: null,
  };
}

/** Person-times per cadre (人均走访人次), as VISITS_PER_CADRE measures it; null without cadres. */
export const visitsPerCadre = (a: Activity | null | undefined) => (a && a.cadres > 0 ? a.personTimes / a.cadres : null);

/**
 * The departments the bulletin flags: 尚未启动 (a campaign's department with no visit so far;
 * without a campaign, one with no visit in the period), 人均偏低 (person-times per cadre below
 * 80% of the mean of the departments that have cadres).
 */
export function departmentFlags(b: Bulletin): Map<string, string[]> {
  const flags = new Map<string, string[]>(b.departments.nodes.map((d) => [d.id, []]));
  const notStarted = b.notStarted ? new Set(b.notStarted.nodes.map((d) => d.id)) : new Set(b.departments.nodes.filter((d) => d.activity && d.activity.visits === 0).map((d) => d.id));
  const values = b.departments.nodes.map((d) => visitsPerCadre(d.activity)).filter((v): v is number => v != null);
  const mean = values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
  for (const d of b.departments.nodes) {
    if (notStarted.has(d.id)) flags.get(d.id)!.push('尚未启动');
    const v = visitsPerCadre(d.activity);
    if (mean != null && v != null && v < 0.8 * mean) flags.get(d.id)!.push('人均偏低');
  }
  return flags;
}

const CHILD_HEADING: Record<string, string> = { PROVINCE: '各市', CITY: '各区县', DISTRICT: '各镇街', TOWNSHIP: '各村（社区）' };
const KIND_NAMES: Record<string, string> = { HOME_VISIT: '入户走访', FORUM: '座谈会', RESEARCH: '调研', STATIONED: '驻点' };

export const BULLETIN_CSV_COLUMNS = [
  'kind', 'code', 'name', 'personTimes', 'visits', 'cadres', 'cadresActive', 'visitsPerCadre', 'householdsVisited', 'cadreDays', 'forums',
  'peopleHelped', 'funds', 'contactCards', 'researchReports', 'pledgesStarted', 'pledgesOngoing', 'pledgesDone', 'issues', 'issuesOpen', 'issuesClosed', 'issuesRed', 'issuesFromVisits', 'issuesSolved',
  'assigned', 'responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate', 'flags', 'laggardRank', 'satisfactionRank',
  'cadresWithoutVillage', 'buildingUnitsShort', 'householdsUnderQuota', 'villagesWithoutRankedLiaison',
] as const;

export function formatBulletin(b: Bulletin, format: Format): string {
  return format === 'csv' ? bulletinCsv(b) : bulletinMarkdown(b);
}

function bulletinCsv(b: Bulletin): string {
  const flags = departmentFlags(b);
  const laggardRank = new Map(b.division.laggards?.nodes.map((r) => [r.department.id, r.rank]) ?? []);
  const satisfactionRank = new Map(b.division.satisfaction?.nodes.map((r) => [r.department.id, r.rank]) ?? []);
  const row = (kind: string, code: string, name: string, u: Unit, extra: Partial<Record<(typeof BULLETIN_CSV_COLUMNS)[number], unknown>> = {}) => {
    const a = u.activity;
    const i = u.issueStats;
    const values: Record<string, unknown> = {
      kind, code, name,
      personTimes: a?.personTimes, visits: a?.visits, cadres: a?.cadres, cadresActive: a?.cadresActive, visitsPerCadre: kind === 'department' ? round(visitsPerCadre(a), 4) : null,
      householdsVisited: a?.householdsVisited, cadreDays: a?.cadreDays, forums: a?.forums, peopleHelped: a?.peopleHelped,
      funds: a ? a.funds.toFixed(2) : null, contactCards: a?.contactCards, researchReports: a?.researchReports,
      pledgesStarted: a?.pledgesStarted, pledgesOngoing: a?.pledgesOngoing, pledgesDone: a?.pledgesDone,
      issues: i?.total, issuesOpen: i?.open, issuesClosed: i?.closed, issuesRed: i?.red, issuesFromVisits: i?.fromVisits, issuesSolved: i?.solved,
      assigned: i?.assigned, responseRate: round(i?.responseRate, 4), resolutionRate: round(i?.resolutionRate, 4),
      satisfactionRate: round(i?.satisfactionRate, 4), onTimeRate: round(i?.onTimeRate, 4),
      ...extra,
    };
    return BULLETIN_CSV_COLUMNS.map((c) => values[c]);
  };
  const c = b.division.coverage;
  const rows = [
    row('division', b.division.code, b.division.name, b.division, {
      cadresWithoutVillage: c?.cadresWithoutVillage.totalCount,
      buildingUnitsShort: c ? unitsShort(c) : undefined,
      householdsUnderQuota: c?.householdsUnderQuota.totalCount,
      villagesWithoutRankedLiaison: c?.uncovered.totalCount,
    }),
    ...b.division.children.nodes.map((d) => row('child', d.code, d.name, d)),
    ...b.departments.nodes.map((d) =>
      row('department', d.id, d.name, d, { flags: flags.get(d.id)!.join(' '), laggardRank: laggardRank.get(d.id), satisfactionRank: satisfactionRank.get(d.id) }),
    ),
  ];
  return csv([...BULLETIN_CSV_COLUMNS], rows);
}

function bulletinMarkdown(b: Bulletin): string {
  const d = b.division;
  const a = d.activity;
  const i = d.issueStats;
  const c = d.coverage;
  const k = b.period.campaign;
  const out: string[] = [];
  out.push(`# ${d.name}领导干部下基层活动情况通报`, '');
  out.push(`- 区划：${d.name}（${d.code}）`);
  if (k) {
    out.push(`- 活动：${k.name}（${k.from} 至 ${k.to}，campaign ${k.id}）`);
    if (k.phases.length) out.push(`- 阶段：${k.phases.map((p) => `${p.name}（${p.from} 至 ${p.to}）`).join(' → ')}`);
  } else {
    out.push(`- 期间：${b.period.from || b.period.to ? `${b.period.from ?? '年初'} 至 ${b.period.to ?? '年末'}` : '本年度'}`);
  }
  out.push('');

  out.push('## 一、总体情况', '');
  if (a) {
    out.push(
      `全${levelWord(d.level)}领导干部下基层${n(a.personTimes)}人次（走访${n(a.visits)}次），${n(a.cadres)}名干部中${n(a.cadresActive)}名参与，` +
        `走访群众${n(a.householdsVisited)}户，调研累计时间${n(a.cadreDays)}天，召开各类座谈会${n(a.forums)}个，` +
        `帮扶困难群众${n(a.peopleHelped)}人，落实帮扶资金${wan(a.funds)}万元，发放联系卡${n(a.contactCards)}张，形成调研报告${n(a.researchReports)}篇，` +
        `领办实事${n(a.pledgesStarted)}件、完成${n(a.pledgesDone)}件、转为常态化${n(a.pledgesOngoing)}件` +
        (i ? `；登记问题${n(i.total)}个（走访中发现${n(i.fromVisits)}个），解决实际问题${n(i.solved)}个，办结销号${n(i.closed)}个。` : '。'),
      '',
    );
  } else out.push('（无活动数据）', '');
  out.push('| 指标 | 数值 |', '|---|---:|');
  const kv = (label: string, value: unknown) => out.push(`| ${label} | ${value ?? '—'} |`);
  if (a) {
    kv('下基层人次', n(a.personTimes));
    kv('走访次数', n(a.visits));
    for (const x of a.byKind) kv(`　其中${KIND_NAMES[x.kind] ?? x.kind}`, n(x.count));
    kv('干部数', n(a.cadres));
    kv('参与干部数', n(a.cadresActive));
    kv('走访户数', n(a.householdsVisited));
    kv('调研累计时间（天）', n(a.cadreDays));
    kv('座谈会（个）', n(a.forums));
    kv('帮扶困难群众（人）', n(a.peopleHelped));
    kv('落实帮扶资金（元）', a.funds.toFixed(2));
    kv('发放联系卡（张）', n(a.contactCards));
    kv('调研报告（篇）', n(a.researchReports));
    kv('领办实事（件）', n(a.pledgesStarted));
    kv('　完成实事', n(a.pledgesDone));
    kv('　转为常态化', n(a.pledgesOngoing));
  }
  if (i) {
    kv('登记问题', n(i.total));
    kv('　走访中发现', n(i.fromVisits));
    kv('　当场解决', n(i.fixedOnTheSpot));
    kv('解决实际问题', n(i.solved));
    kv('办结销号', n(i.closed));
    kv('未办结（其中红灯）', `${n(i.open)}（${n(i.red)}）`);
    kv('响应率', rate(i.responseRate, i.respondedInTime, i.assigned));
    kv('解决率', rate(i.resolutionRate, i.solved, i.evaluated));
    kv('满意率', rate(i.satisfactionRate, i.satisfied, i.evaluated));
    kv('按期办结率', rate(i.onTimeRate, i.closedOnTime, i.closed));
  }
  out.push('');
  if (i?.byCategory?.length) out.push(`问题分类：${i.byCategory.map((x) => `${x.category} ${x.count}`).join('，')}`, '');

  if (a?.monthly?.length) {
    out.push('## 二、分月情况', '');
    table(out, ['月份', '人次', '走访', '走访户数', '调研天数'], a.monthly.map((m) => [m.month, m.personTimes, m.visits, m.householdsVisited, m.cadreDays]));
  }

  out.push(`## 三、${CHILD_HEADING[d.level] ?? '下级区划'}情况`, '');
  table(
    out,
    ['代码', '名称', '人次', '走访', '走访户数', '调研天数', '座谈会', '帮扶人数', '帮扶资金（元）', '登记问题', '解决', '办结', '满意率'],
    d.children.nodes.map((x) => [
      x.code, x.name, x.activity?.personTimes, x.activity?.visits, x.activity?.householdsVisited, x.activity?.cadreDays, x.activity?.forums,
      x.activity?.peopleHelped, x.activity?.funds.toFixed(2), x.issueStats?.total, x.issueStats?.solved, x.issueStats?.closed, pct(x.issueStats?.satisfactionRate),
    ]),
  );
  if (d.children.totalCount > d.children.nodes.length) out.push(`（共${d.children.totalCount}个，列出前${d.children.nodes.length}个）`, '');

  const flags = departmentFlags(b);
  out.push(`## 四、各单位情况${k ? '（参加活动的单位）' : ''}`, '');
  table(
    out,
    ['单位', '干部', '参与干部', '人次', '人均人次', '调研天数', '座谈会', '帮扶人数', '帮扶资金（元）', '交办问题', '响应率', '解决率', '满意率', '按期率', '标记'],
    b.departments.nodes.map((x) => [
      x.name, x.activity?.cadres, x.activity?.cadresActive, x.activity?.personTimes, fixed(visitsPerCadre(x.activity), 1), x.activity?.cadreDays, x.activity?.forums,
      x.activity?.peopleHelped, x.activity?.funds.toFixed(2), x.issueStats?.assigned, pct(x.issueStats?.responseRate), pct(x.issueStats?.resolutionRate),
      pct(x.issueStats?.satisfactionRate), pct(x.issueStats?.onTimeRate), flags.get(x.id)!.join('、'),
    ]),
  );
  if (b.departments.totalCount > b.departments.nodes.length) out.push(`（共${b.departments.totalCount}个，列出前${b.departments.nodes.length}个）`, '');
  out.push('标记：尚未启动＝期内无走访；人均偏低＝人均走访人次低于各单位平均值的80%。', '');

  out.push('## 五、排名', '');
  out.push(`### 人均走访人次（由低到高，共${d.laggards?.totalCount ?? 0}个单位）`, '');
  rankingTable(out, d.laggards?.nodes ?? [], (v) => fixed(v, 1));
  out.push(`### 交办问题群众满意率（由高到低，共${d.satisfaction?.totalCount ?? 0}个单位）`, '');
  rankingTable(out, d.satisfaction?.nodes ?? [], pct);

  if (b.notStarted) {
    out.push('## 六、尚未启动的单位', '');
    out.push(b.notStarted.nodes.length ? b.notStarted.nodes.map((x) => `- ${x.name}（${x.id}）`).join('\n') : '无', '');
  }

  out.push(`## ${b.notStarted ? '七' : '六'}、覆盖短板`, '');
  if (c) {
    const list = (name: CoverageListName) => `\`npm run report -- coverage --division ${d.code}${k ? ` --campaign ${k.id}` : ''} --list ${name}\``;
    out.push('| 项目 | 数量 | 清单 |', '|---|---:|---|');
    out.push(`| 未联系村（社区）的干部 | ${n(c.cadresWithoutVillage.totalCount)} / ${n(c.cadres)} | ${list('cadresWithoutVillage')} |`);
    out.push(`| 联系干部不足的楼栋单元 | ${n(unitsShort(c))} / ${n(c.buildingUnits)} | ${list('buildingUnitsShort')} |`);
    out.push(`| 走访不足${c.visitQuota}次的农户 | ${n(c.householdsUnderQuota.totalCount)} / ${n(c.households)} | ${list('householdsUnderQuota')} |`);
    out.push(`| 无县级或科级联系干部的村（社区） | ${n(c.uncovered.totalCount)} / ${n(c.villagesAndCommunities)} | |`);
    out.push(`| 联系户数不是${c.householdsPerCadre}户的干部 | ${n(c.cadresOffHouseholdQuota.totalCount)} | |`);
    out.push('');
  } else out.push('（无覆盖数据）', '');
  return out.join('\n');
}

function rankingTable(out: string[], rows: RankingRow[], show: (v: number | null) => string) {
  table(out, ['名次', '单位', '数值', '分子', '分母'], rows.map((r) => [r.rank, r.department.name, show(r.value), r.numerator, r.denominator]));
}

// ---------------------------------------------------------------- coverage lists

export interface CoverageListOptions {
  division: string;
  list: CoverageListName;
  campaignId?: string;
  visitQuota?: number;
  pageSize?: number;
}
export interface CoverageListResult {
  division: { code: string; name: string };
  list: CoverageListName;
  visitQuota: number;
  totalCount: number;
  nodes: any[];
  /** Requests sent for the pages. */
  pages: number;
}

/** Every item of one coverage list, page after page. */
export async function fetchCoverageList(client: ReportClient, opts: CoverageListOptions): Promise<CoverageListResult> {
  const period = opts.campaignId ? await campaignPeriod(client, opts.campaignId) : null;
  const { from, to } = period ?? calendarYear();
  const nodes: any[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const variables: Record<string, unknown> = { division: opts.division, from, to, first: opts.pageSize ?? 500, after, [opts.list]: true };
    if (period) variables.campaignId = period.id;
    else if (opts.visitQuota != null) variables.visitQuota = opts.visitQuota;
    const data = await client.request(documents.coverage, period ? 'CampaignCoverageLists' : 'CoverageLists', variables);
    pages++;
    if (!data.division) throw new GraphError(`no division ${opts.division} (or it lies outside the token's scope)`);
    const page = data.division.coverage[opts.list];
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) {
      return { division: { code: data.division.code, name: data.division.name }, list: opts.list, visitQuota: data.division.coverage.visitQuota, totalCount: page.totalCount, nodes, pages };
    }
    after = page.pageInfo.endCursor;
  }
}

export const COVERAGE_CSV_COLUMNS: Record<CoverageListName, string[]> = {
  cadresWithoutVillage: ['id', 'name', 'rank', 'departmentId', 'departmentName'],
  buildingUnitsShort: ['id', 'divisionCode', 'divisionName', 'building', 'unit', 'cadresLinked', 'cadres'],
  householdsUnderQuota: ['id', 'divisionCode', 'divisionName', 'building', 'unit', 'visits', 'quota'],
};

function coverageRows(r: CoverageListResult): unknown[][] {
  switch (r.list) {
    case 'cadresWithoutVillage':
      return r.nodes.map((x) => [x.id, x.name, x.rank, x.department?.id, x.department?.name]);
    case 'buildingUnitsShort':
      return r.nodes.map((x) => {
        const cadres = [...new Map((x.liaisons ?? []).map((l: any) => [l.cadre.id, l.cadre.name])).values()];
        return [x.id, x.building?.division?.code, x.building?.division?.name, x.building?.name, x.name, cadres.length, cadres.join(' ')];
      });
    case 'householdsUnderQuota':
      return r.nodes.map((x) => [x.id, x.division?.code, x.division?.name, x.unit?.building?.name, x.unit?.name, x.visits?.totalCount, r.visitQuota]);
  }
}

const COVERAGE_TITLES: Record<CoverageListName, string> = {
  cadresWithoutVillage: '未联系村（社区）的干部',
  buildingUnitsShort: '联系干部不足的楼栋单元',
  householdsUnderQuota: '走访次数不足的农户',
};
const COVERAGE_HEADINGS: Record<CoverageListName, string[]> = {
  cadresWithoutVillage: ['ID', '姓名', '职级', '单位ID', '单位'],
  buildingUnitsShort: ['ID', '村（社区）代码', '村（社区）', '楼栋', '单元', '联系干部数', '联系干部'],
  householdsUnderQuota: ['ID', '村（社区）代码', '村（社区）', '楼栋', '单元', '走访次数', '应走访次数'],
};

export function formatCoverageList(r: CoverageListResult, format: Format): string {
  if (format === 'csv') return csv(COVERAGE_CSV_COLUMNS[r.list], coverageRows(r));
  const out = [`# ${r.division.name}（${r.division.code}）${COVERAGE_TITLES[r.list]}：${r.totalCount}`, ''];
  if (r.nodes.length) table(out, COVERAGE_HEADINGS[r.list], coverageRows(r));
  else out.push('无', '');
  return out.join('\n');
}

// ---------------------------------------------------------------- rankings

export interface RankingOptions extends PeriodOptions {
  division: string;
  measure: string;
  ascending?: boolean;
  pageSize?: number;
  /** Rank the division's direct children (its townships, districts, villages) instead of its departments. */
  children?: boolean;
}
export interface DivisionRankingRow {
  rank: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  division: { code: string; name: string; level: string };
}
interface RankingBase {
  division: { code: string; name: string };
  measure: string;
  kind: 'activity' | 'issues';
  ascending: boolean;
  period: { from: string | null; to: string | null; campaign: CampaignPeriod | null };
  totalCount: number;
  pages: number;
}
export interface RankingResult extends RankingBase {
  of: 'departments';
  nodes: RankingRow[];
}
export interface DivisionRankingResult extends RankingBase {
  of: 'divisions';
  nodes: DivisionRankingRow[];
}

/** Every row of a ranking, page after page; the operation by what is ranked and the measure's kind. */
async function fetchAnyRanking<T>(client: ReportClient, opts: RankingOptions, operations: { activity: string; issues: string }) {
  const kind: 'activity' | 'issues' = (ACTIVITY_MEASURES as readonly string[]).includes(opts.measure) ? 'activity' : 'issues';
  const campaign = opts.campaignId ? await campaignPeriod(client, opts.campaignId) : null;
  // Activity rankings take the campaign itself; the issue rankings its period.
  const period =
    kind === 'activity'
      ? { campaignId: campaign?.id ?? null, from: campaign ? null : (opts.from ?? null), to: campaign ? null : (opts.to ?? null) }
      : { from: campaign?.from ?? opts.from ?? null, to: campaign?.to ?? opts.to ?? null };
  const nodes: T[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const data: any = await client.request(documents.ranking, operations[kind], {
      division: opts.division,
      measure: opts.measure,
      ...period,
      ascending: opts.ascending ?? false,
      first: opts.pageSize ?? 500,
      after,
    });
    pages++;
    if (!data.division?.ranking) throw new GraphError(`no division ${opts.division} (or it lies outside the token's scope)`);
    const page: Page<T> = data.division.ranking;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) {
      return {
        division: { code: data.division.code as string, name: data.division.name as string },
        measure: opts.measure,
        kind,
        ascending: opts.ascending ?? false,
        period: { from: campaign?.from ?? opts.from ?? null, to: campaign?.to ?? opts.to ?? null, campaign },
        totalCount: page.totalCount,
        nodes,
        pages,
      };
    }
    after = page.pageInfo.endCursor;
  }
}

/** A division's departments ranked: departmentRanking for an ActivityMeasure, assigneeRanking for an IssueMeasure. */
export async function fetchRanking(client: ReportClient, opts: RankingOptions): Promise<RankingResult> {
  return { of: 'departments', ...(await fetchAnyRanking<RankingRow>(client, opts, { activity: 'DepartmentRanking', issues: 'AssigneeRanking' })) };
}

/** A division's children ranked: divisionRanking for an ActivityMeasure, childIssueRanking for an IssueMeasure. */
export async function fetchDivisionRanking(client: ReportClient, opts: RankingOptions): Promise<DivisionRankingResult> {
  return { of: 'divisions', ...(await fetchAnyRanking<DivisionRankingRow>(client, opts, { activity: 'DivisionRanking', issues: 'ChildIssueRanking' })) };
}

export const RANKING_CSV_COLUMNS = ['rank', 'departmentId', 'departmentName', 'departmentDivisionCode', 'value', 'numerator', 'denominator'];
export const DIVISION_RANKING_CSV_COLUMNS = ['rank', 'divisionCode', 'divisionName', 'level', 'value', 'numerator', 'denominator'];

export function formatRanking(r: RankingResult | DivisionRankingResult, format: Format): string {
  const rows =
    r.of === 'departments'
      ? r.nodes.map((x) => [x.rank, x.department.id, x.department.name, x.department.divisionCode, x.value, x.numerator, x.denominator])
      : r.nodes.map((x) => [x.rank, x.division.code, x.division.name, x.division.level, x.value, x.numerator, x.denominator]);
  if (format === 'csv') return csv(r.of === 'departments' ? RANKING_CSV_COLUMNS : DIVISION_RANKING_CSV_COLUMNS, rows);
  const isRate = /RATE|SHARE/.test(r.measure);
  const show = (v: number | null) => (isRate ? pct(v) : fixed(v, 2));
  const when = r.period.campaign ? `${r.period.campaign.name}（${r.period.from} 至 ${r.period.to}）` : r.period.from || r.period.to ? `${r.period.from ?? ''} 至 ${r.period.to ?? ''}` : '本年度';
  const what = r.of === 'departments' ? '单位' : '下级区划';
  const out = [`# ${r.division.name}（${r.division.code}）${what}排名：${r.measure}，${r.ascending ? '由低到高' : '由高到低'}`, '', `- 期间：${when}`, `- 共${r.totalCount}个${r.of === 'departments' ? '单位' : ''}`, ''];
  table(out, ['名次', r.of === 'departments' ? '单位ID' : '代码', r.of === 'departments' ? '单位' : '名称', '数值', '分子', '分母'], rows.map(([rank, id, name, , value, num, den]) => [rank, id, name, show(value as number | null), num, den]));
  return out.join('\n');
}

// ---------------------------------------------------------------- formatting helpers

const n = (v: number | null | undefined) => (v == null ? '—' : v.toLocaleString('en-US'));
const wan = (yuan: number) => (yuan / 10_000).toFixed(2);
const round = (v: number | null | undefined, digits: number) => (v == null ? null : Number(v.toFixed(digits)));
const fixed = (v: number | null | undefined, digits: number) => (v == null ? '—' : v.toFixed(digits));
const pct = (v: number | null | undefined) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
const rate = (v: number | null, num: number, den: number) => `${pct(v)}（${num}/${den}）`;
const levelWord = (level: string) => ({ PROVINCE: '省', CITY: '市', DISTRICT: '区', TOWNSHIP: '镇（街道）' })[level] ?? '';

const mdCell = (v: unknown) => (v == null || v === '' ? '—' : String(v).replace(/\|/g, '\\|').replace(/\n/g, ' '));
function table(out: string[], headings: string[], rows: unknown[][]) {
  out.push(`| ${headings.join(' | ')} |`, `|${headings.map(() => '---').join('|')}|`);
  for (const r of rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
  out.push('');
}

const csvCell = (v: unknown) => {
  if (v == null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
/** RFC 4180: a header, then one line per row; null and undefined are empty cells. */
export function csv(header: readonly string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

// ---------------------------------------------------------------- the command line

export const USAGE = `Usage:
  npm run report -- bulletin --division <code> [--campaign <id> | --from <YYYY-MM-DD> --to <YYYY-MM-DD>] [--top <n>] [--page-size <n>] [--format md|csv]
  npm run report -- coverage --division <code> --list ${COVERAGE_LISTS.join('|')} [--campaign <id> | --visit-quota <n>] [--format md|csv]
  npm run report -- ranking  --division <code> --measure <ActivityMeasure|IssueMeasure> [--ascending] [--children] [--campaign <id> | --from <date> --to <date>] [--format md|csv]
      (--children ranks the division's townships, districts or villages instead of its departments, by either kind of measure)

  ActivityMeasure: ${ACTIVITY_MEASURES.join(', ')}
  IssueMeasure:    ${ISSUE_MEASURES.join(', ')}
  GATEWAY_URL (default http://127.0.0.1:4000/graphql); TOKEN, or an ANALYST token signed with the development key in DATA_DIR (./data).`;

export type ReportCommand =
  | { command: 'bulletin'; format: Format; options: BulletinOptions }
  | { command: 'coverage'; format: Format; options: CoverageListOptions }
  | { command: 'ranking'; format: Format; options: RankingOptions };

const COMMANDS = ['bulletin', 'coverage', 'ranking'] as const;

/** Parses and checks a command line (without `npm run report --`); a UsageError names the flag at fault. */
export function parseReportArgs(argv: string[]): ReportCommand {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') throw new UsageError('a command is required: bulletin, coverage or ranking');
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command ${JSON.stringify(command)}: bulletin, coverage or ranking`);
  const allowed: Record<string, Record<string, { type: 'string' | 'boolean' }>> = {
    bulletin: {
      division: { type: 'string' }, campaign: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, top: { type: 'string' },
      'page-size': { type: 'string' }, format: { type: 'string' },
    },
    coverage: { division: { type: 'string' }, list: { type: 'string' }, campaign: { type: 'string' }, 'visit-quota': { type: 'string' }, 'page-size': { type: 'string' }, format: { type: 'string' } },
    ranking: {
      division: { type: 'string' }, measure: { type: 'string' }, ascending: { type: 'boolean' }, children: { type: 'boolean' }, campaign: { type: 'string' },
      from: { type: 'string' }, to: { type: 'string' }, 'page-size': { type: 'string' }, format: { type: 'string' },
    },
  };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: rest, options: allowed[command], strict: true, allowPositionals: false }));
  } catch (e) {
    // node's messages name the flag: "Unknown option '--foo'", "Option '--division <value>' argument missing".
    throw new UsageError(`${command}: ${(e as Error).message.split('. ')[0].replace(/\.$/, '')}`);
  }
  const str = (name: string) => values[name] as string | undefined;
  const format = (str('format') ?? 'md') as Format;
  if (format !== 'md' && format !== 'csv') throw new UsageError(`--format must be md or csv, not ${JSON.stringify(format)}`);
  const division = str('division');
  if (!division) throw new UsageError('--division is required (a 12-digit division code, e.g. 370502000000)');
  if (!isValidDivisionCode(division)) throw new UsageError(`--division must be a valid 12-digit division code, e.g. 370502000000, not ${JSON.stringify(division)}`);
  const campaignId = str('campaign');
  if (campaignId === '') throw new UsageError('--campaign needs a campaign id');
  for (const flag of ['from', 'to']) {
    const v = str(flag);
    if (v != null && !isIsoDate(v)) throw new UsageError(`--${flag} must be a date YYYY-MM-DD that exists, not ${JSON.stringify(v)}`);
    if (v != null && campaignId) throw new UsageError(`--${flag} cannot be used with --campaign: the campaign gives the period`);
  }
  if (str('from') && str('to') && str('to')! < str('from')!) throw new UsageError('--to must not be before --from');
  const int = (flag: string, min: number, max: number) => {
    const v = str(flag);
    if (v == null) return undefined;
    if (!/^\d+$/.test(v) || +v < min || +v > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, not ${JSON.stringify(v)}`);
    return +v;
  };
  const pageSize = int('page-size', 1, 500);
  const period: PeriodOptions = campaignId ? { campaignId } : { from: str('from'), to: str('to') };

  switch (command as (typeof COMMANDS)[number]) {
    case 'bulletin':
      return { command: 'bulletin', format, options: { division, ...period, top: int('top', 1, 100), rows: pageSize } };
    case 'coverage': {
      const list = str('list');
      if (!list) throw new UsageError(`--list is required: ${COVERAGE_LISTS.join(', ')}`);
      if (!(COVERAGE_LISTS as readonly string[]).includes(list)) throw new UsageError(`--list must be one of ${COVERAGE_LISTS.join(', ')}, not ${JSON.stringify(list)}`);
      const visitQuota = int('visit-quota', 1, 1000);
      if (visitQuota != null && campaignId) throw new UsageError('--visit-quota cannot be used with --campaign: the campaign gives the quota');
      return { command: 'coverage', format, options: { division, list: list as CoverageListName, campaignId, visitQuota, pageSize } };
    }
    case 'ranking': {
      const measure = str('measure');
      const all = [...ACTIVITY_MEASURES, ...ISSUE_MEASURES] as string[];
      if (!measure) throw new UsageError(`--measure is required: ${all.join(', ')}`);
      if (!all.includes(measure.toUpperCase())) throw new UsageError(`--measure must be one of ${all.join(', ')}, not ${JSON.stringify(measure)}`);
      return { command: 'ranking', format, options: { division, measure: measure.toUpperCase(), ascending: values.ascending === true, children: values.children === true, ...period, pageSize } };
    }
  }
}

/** Runs a parsed command against the graph and returns what it prints. */
export async function runReport(client: ReportClient, cmd: ReportCommand): Promise<string> {
  switch (cmd.command) {
    case 'bulletin':
      return formatBulletin(await fetchBulletin(client, cmd.options), cmd.format);
    case 'coverage':
      return formatCoverageList(await fetchCoverageList(client, cmd.options), cmd.format);
    case 'ranking':
      return formatRanking(cmd.options.children ? await fetchDivisionRanking(client, cmd.options) : await fetchRanking(client, cmd.options), cmd.format);
  }
}

export interface ReportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
}

/** The whole command line: returns the exit code (0, 1 graph errors, 2 usage). */
export async function main(argv: string[], io: ReportIo): Promise<number> {
  let cmd: ReportCommand;
  try {
    cmd = parseReportArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`report: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const url = io.env.GATEWAY_URL || 'http://127.0.0.1:4000/graphql';
    const token = io.env.TOKEN || (await (await devTokenSigner(io.env.DATA_DIR || './data', io.env))({ sub: 'report', role: 'ANALYST', scope: null }, '1h'));
    const output = await runReport(graphClient({ url, token, fetch: io.fetch }), cmd);
    io.stdout(output.endsWith('\n') ? output : `${output}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof GraphError)) throw e;
    io.stderr(`report: ${e.message}\n`);
    for (const err of e.errors) io.stderr(`  ${describeGraphQLError(err)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
