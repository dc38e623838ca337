// Activity figures (Division.activity, Department.activity) and the department ranking
// (Division.departmentRanking), computed in SQL: aggregates only, never rows into Node. Each
// batch of divisions (one statement per prefix length) or of departments (one IN list) sends a
// fixed number of statements, whatever the number asked for or the size of the subtree.
import type { GraphQLResolveInfo } from 'graphql';
import { badInput, isMysql, loadOrNull, monthsOf, notFound, parseDivisionCode, rankedDivisions, selectsField, sliceConnection, subtreeGroups, today, toConnection, valueLoader, type Page, type PageArgs, type SubgraphContext } from '@cadres/kit';
import { helpRecordScopeSql, liaisonScopeSql, mayRead, visitScopeSql } from './access';
import { campaignById, visibleCampaign } from './campaigns';
import { campaignCoverage, coverageUnder, type CoverageSource, type DivisionWithRequires } from './coverage';
import { visitKinds, type Department, type VisitKind } from './entities';
import type { ActivityMeasure, DivisionDepartmentRankingArgs, DivisionDivisionRankingArgs } from './generated/graphql';
import { departmentById } from './loaders';

/** A period: China dates, both inclusive, and the campaign it came from (the ranking's departments). */
export interface Period {
  from: string;
  to: string;
  campaignId: string | null;
}

const MAX_MONTHS = 120;

/** The period of (campaignId | from, to): a campaign's (one it sees), else from/to with the calendar year (Beijing) filling in. */
export async function periodOf(ctx: SubgraphContext, args: { campaignId?: string | null; from?: string | null; to?: string | null }): Promise<Period> {
  let period: Period;
  if (args.campaignId != null) {
    if (args.from != null || args.to != null) throw badInput(args.from != null ? 'from' : 'to', 'a campaign gives the period: leave from and to out');
    const campaign = visibleCampaign(ctx, await loadOrNull(campaignById(ctx), args.campaignId));
    if (!campaign) throw notFound('Campaign', args.campaignId, 'campaignId');
    period = { from: campaign.dateFrom, to: campaign.dateTo, campaignId: campaign.id };
  } else {
    const year = today(ctx).slice(0, 4);
    period = { from: args.from ?? `${year}-01-01`, to: args.to ?? `${year}-12-31`, campaignId: null };
  }
  if (period.to < period.from) throw badInput('to', 'to must not be before from');
  if (monthsOf(period.from, period.to).length > MAX_MONTHS) throw badInput('to', `a period spans at most ${MAX_MONTHS} months`);
  return period;
}

export interface ActivityFigures {
  personTimes: number;
  visits: number;
  byKind: { kind: VisitKind; count: number }[];
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
  monthly: MonthlyFigures[];
}

interface MonthlyFigures {
  month: string;
  personTimes: number;
  visits: number;
  householdsVisited: number;
  cadreDays: number;
  pledgesStarted: number;
  pledgesOngoing: number;
  pledgesDone: number;
}

const num = (v: unknown) => (v == null ? 0 : Number(v));

/** Division.coverageIn: coverage.ts's coverage under the campaign's rules and over its period. */
export async function coverageInCampaign(ctx: SubgraphContext, d: DivisionWithRequires, campaignId: string): Promise<CoverageSource> {
  const { rules, period } = await campaignCoverage(ctx, campaignId);
  return coverageUnder(ctx, d, rules, period);
}

// ------------------------------------------------------------------ grouping

/** A batch of keys as SQL: the group key of a row, and the condition restricting rows to the batch. */
interface Group {
  keys: string[];
  key: string;
  filter: string;
  params: unknown[];
}

/**
 * Subtrees of the rows of `alias` by range on its divisionCode (kit subtreeGroups, the filter
 * parenthesized): where a visit (and its visit_cadre rows), a department, a help record or a
 * pledge lies.
 */
const placeGroups = (prefixes: readonly string[], alias: string): Group[] =>
  subtreeGroups(`${alias}.divisionCode`, prefixes).map(({ spec, prefixes: keys }) => ({ keys, key: spec.key, filter: `(${spec.filter})`, params: spec.params }));

/**
 * How one kind of owner (divisions or departments) finds its visits, cadres, help records and
 * pledges. `visits` selects visits (alias v) and, joined in `from`, their cadres (vc); the
 * statements read the fewest tables each owner allows.
 */
interface Sources {
  visits: Group & {
    from: string;
    /** Person-times and visits per (group, month, kind): where from, the date there, the two aggregates. */
    counts: { from: string; date: string; personTimes: string; visits: string };
    /** Where the household visits are counted from, and the visit date there. */
    households: { from: string; date: string };
    /** The (group, cadre, first day) rows of the visits, on visit_cadre vc. */
    firstDays: Group & { from: string };
  };
  cadres: Group & { from: string; activeWhere: string; activeParams: unknown[] };
  help: Group & { from: string };
  pledges: Group & { from: string };
}

/**
 * A division's visits need no cadres but for cadre-days, and those no visit but for the few that
 * last longer than a day: each is read from its own table's place index (migration 1736000000000).
 * A district at a city's size, the three visit statements together, before and after, one right
 * after the other: 690 → 250 ms on SQLite, 1,460 → 510 ms on MariaDB.
 */
function divisionSources(prefixes: string[]): Sources[] {
  const visits = placeGroups(prefixes, 'v');
  const visitCadres = placeGroups(prefixes, 'vc');
  const departments = placeGroups(prefixes, 'd');
  const help = placeGroups(prefixes, 'h');
  const pledges = placeGroups(prefixes, 'p');
  return visits.map((v, i) => ({
    visits: {
      ...v,
      from: 'visit v JOIN visit_cadre vc ON vc.visitId = v.id',
      counts: { from: 'visit v', date: 'v.date', personTimes: 'SUM(v.cadreCount)', visits: 'COUNT(*)' },
      households: { from: 'visit v', date: 'v.date' },
      firstDays: { ...visitCadres[i], from: 'visit_cadre vc' },
    },
    // A cadre is active in a subtree when it made a visit lying in the same subtree.
    cadres: { ...departments[i], from: 'cadre c JOIN department d ON d.id = c.departmentId', activeWhere: `${v.key} = ${departments[i].key}`, activeParams: [] },
    help: { ...help[i], from: 'help_record h' },
    pledges: { ...pledges[i], from: 'pledge p' },
  }));
}

const VISITS_BY_CADRE = 'visit_cadre vc JOIN visit v ON v.id = vc.visitId JOIN cadre c ON c.id = vc.cadreId';

function departmentSources(ctx: SubgraphContext, ids: string[]): Sources[] {
  const list = ids.map(() => '?').join(', ');
  const visitScope = visitScopeSql(ctx.viewer, 'v');
  const helpScope = helpRecordScopeSql(ctx.viewer, 'h');
  // A pledge is seen where it lies, as a help record is.
  const pledgeScope = helpRecordScopeSql(ctx.viewer, 'p');
  const visitWhere = visitScope ? ` AND ${visitScope.sql}` : '';
  const visits = { keys: ids, key: 'c.departmentId', filter: `c.departmentId IN (${list})${visitWhere}`, params: [...ids, ...(visitScope?.params ?? [])] };
  return [
    {
      visits: {
        ...visits,
        from: VISITS_BY_CADRE,
        counts: { from: VISITS_BY_CADRE, date: 'vc.date', personTimes: 'COUNT(*)', visits: 'COUNT(DISTINCT v.id)' },
        households: { from: VISITS_BY_CADRE, date: 'vc.date' },
        firstDays: { ...visits, from: VISITS_BY_CADRE },
      },
      cadres: { keys: ids, key: 'c.departmentId', from: 'cadre c', filter: `c.departmentId IN (${list})`, params: ids, activeWhere: visitScope?.sql ?? '1 = 1', activeParams: visitScope?.params ?? [] },
      help: { keys: ids, key: 'c.departmentId', from: 'help_record h JOIN cadre c ON c.id = h.cadreId', filter: `c.departmentId IN (${list})${helpScope ? ` AND ${helpScope.sql}` : ''}`, params: [...ids, ...(helpScope?.params ?? [])] },
      pledges: { keys: ids, key: 'c.departmentId', from: 'pledge p JOIN cadre c ON c.id = p.leadCadreId', filter: `c.departmentId IN (${list})${pledgeScope ? ` AND ${pledgeScope.sql}` : ''}`, params: [...ids, ...(pledgeScope?.params ?? [])] },
    },
  ];
}

// ------------------------------------------------------------------ figures

const emptyFigures = (period: Period): ActivityFigures => ({
  personTimes: 0, visits: 0, byKind: [], cadres: 0, cadresActive: 0, householdsVisited: 0, cadreDays: 0, forums: 0,
  peopleHelped: 0, funds: 0, contactCards: 0, researchReports: 0, pledgesStarted: 0, pledgesOngoing: 0, pledgesDone: 0,
  monthly: monthsOf(period.from, period.to).map((month) => ({ month, personTimes: 0, visits: 0, householdsVisited: 0, cadreDays: 0, pledgesStarted: 0, pledgesOngoing: 0, pledgesDone: 0 })),
});

const HOUSEHOLDS = "COUNT(DISTINCT CASE WHEN v.targetType = 'Household' THEN v.targetId END)";

/** The day offsets a visit lasts (0 .. days - 1; recordVisit allows at most 366 days): put before the statement, joined as `n ON n.k < v.days`. */
const DAY_OFFSETS = 'WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 365) ';

/** SQL for day `n.k` of a visit that starts on `start`, as 'YYYY-MM-DD'. */
const dayOf = (ctx: SubgraphContext, start: string) =>
  isMysql(ctx.ds) ? `DATE_FORMAT(DATE_ADD(${start}, INTERVAL n.k DAY), '%Y-%m-%d')` : `date(${start}, '+' || n.k || ' days')`;

/** `SELECT … FROM from WHERE …` parts of a statement: the group key, the FROM and the WHERE (both on vc, and v where joined). */
interface VisitRows {
  key: string;
  from: string;
  where: string;
}

/**
 * The (key, cadre, day) rows of some visits, every day of each, a day possibly more than once:
 * count them with cadreDaysSql (put DAY_OFFSETS before the statement; the parameters of
 * `first`'s where, then of `long`'s). `first` gives every visit's first day (on visit_cadre vc),
 * `long` selects the visits (v, joined to vc) whose later days count too. Nearly every visit
 * lasts one day: only the longer ones, found first (DISTINCT keeps the planner from merging them
 * back), are joined to the day offsets: joining every visit to them made MariaDB compare visits ×
 * 366 offsets, seconds at a city's size.
 */
const visitDaysSql = (ctx: SubgraphContext, first: VisitRows, long: VisitRows) =>
  `SELECT ${first.key} AS grp, vc.cadreId AS cadreId, vc.date AS day FROM ${first.from} ${first.where}` +
  ` UNION ALL SELECT m.grp, m.cadreId, ${dayOf(ctx, 'm.start')} AS day FROM (SELECT DISTINCT ${long.key} AS grp, vc.cadreId AS cadreId, vc.date AS start, v.days AS days` +
  ` FROM ${long.from} ${long.where} AND v.days > 1) m JOIN n ON n.k < m.days`;

/**
 * Distinct (cadre, day) of visitDaysSql's rows `x` in a group. Counted distinct, not UNIONed
 * distinct: MariaDB deduplicates a UNION of a district's 80,000 rows three times slower.
 */
const cadreDaysSql = (ctx: SubgraphContext) => (isMysql(ctx.ds) ? 'COUNT(DISTINCT x.cadreId, x.day)' : "COUNT(DISTINCT x.cadreId || '|' || x.day)");

/** The pledge events a period counts: the date column, and the figure it feeds. */
const PLEDGE_EVENTS = [
  ['startedOn', 'pledgesStarted'],
  ['ongoingOn', 'pledgesOngoing'],
  ['doneOn', 'pledgesDone'],
] as const;

/** The statements figuresOf may send, each feeding some figures. */
type Part = 'counts' | 'households' | 'days' | 'cadres' | 'help' | 'pledges';
const ALL_PARTS: readonly Part[] = ['counts', 'households', 'days', 'cadres', 'help', 'pledges'];

/** The parts each field of Activity reads (monthly: all that have months). */
const PARTS_OF_FIELD: Record<string, readonly Part[]> = {
  personTimes: ['counts'], visits: ['counts'], byKind: ['counts'], forums: ['counts'], householdsVisited: ['households'], cadreDays: ['days'],
  cadres: ['cadres'], cadresActive: ['cadres'], peopleHelped: ['help'], funds: ['help'], contactCards: ['help'], researchReports: ['help'],
  pledgesStarted: ['pledges'], pledgesOngoing: ['pledges'], pledgesDone: ['pledges'], monthly: ['counts', 'households', 'days', 'pledges'],
};

/**
 * The parts the query's Activity selection reads, so that a dashboard asking for person-times
 * sends one statement, not six (cadre-days, the dearest, only when asked for).
 */
export const partsSelected = (info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Part[] =>
  ALL_PARTS.filter((part) => Object.entries(PARTS_OF_FIELD).some(([field, parts]) => parts.includes(part) && selectsField(info, field)));

/** The parts a ranking measure reads. */
const PARTS_OF_MEASURE: Record<ActivityMeasure, readonly Part[]> = {
  PERSON_TIMES: ['counts'], VISITS_PER_CADRE: ['counts', 'cadres'], HOUSEHOLDS_VISITED: ['households'], CADRE_DAYS: ['days'],
  ACTIVE_CADRE_SHARE: ['cadres'], LINKED_CADRE_SHARE: ['cadres'], PEOPLE_HELPED: ['help'],
};

/**
 * Up to six statements for one group of keys, those of `parts`: visits by month and kind,
 * households, cadre-days, cadres, help, pledges. The figures of a part not sent stay 0.
 */
async function figuresOf(ctx: SubgraphContext, s: Sources, period: Period, parts: readonly Part[]): Promise<Map<string, ActivityFigures>> {
  const out = new Map(s.visits.keys.map((k) => [k, emptyFigures(period)]));
  const at = (grp: unknown) => out.get(String(grp));
  const v = s.visits;
  const visitWhere = `WHERE (${v.filter}) AND vc.date >= ? AND vc.date <= ?`;
  const visitParams = [...v.params, period.from, period.to];
  const inPeriod = [period.from, period.to];
  const c = v.counts;
  const first = v.firstDays;
  const sent = (part: Part, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> => (parts.includes(part) ? ctx.ds.query(sql, params) : Promise.resolve([]));

  const p = s.pledges;
  const hh = v.households;
  const [counts, households, days, cadres, help, pledges] = await Promise.all([
    // Person-times and visits per month and kind: the totals, the kinds and the months are its
    // sums (a visit has one kind and one date), one pass over the visits instead of three.
    sent(
      'counts',
      `SELECT ${v.key} AS grp, SUBSTR(${c.date}, 1, 7) AS m, v.kind AS kind, ${c.personTimes} AS pt, ${c.visits} AS visits FROM ${c.from}` +
        ` WHERE (${v.filter}) AND ${c.date} >= ? AND ${c.date} <= ? GROUP BY grp, m, kind`,
      [...v.params, ...inPeriod],
    ),
    // Households visited per month, and how many of them were first visited in that month (the
    // months' firsts add up to the period's households): one pass over the household visits.
    sent(
      'households',
      'SELECT x.grp AS grp, x.m AS m, COUNT(*) AS hh, SUM(CASE WHEN x.rk = 1 THEN 1 ELSE 0 END) AS firsts FROM (' +
        'SELECT d.grp AS grp, d.m AS m, ROW_NUMBER() OVER (PARTITION BY d.grp, d.hid ORDER BY d.m) AS rk FROM (' +
        `SELECT DISTINCT ${v.key} AS grp, SUBSTR(${hh.date}, 1, 7) AS m, v.targetId AS hid FROM ${hh.from}` +
        ` WHERE (${v.filter}) AND ${hh.date} >= ? AND ${hh.date} <= ? AND v.targetType = 'Household') d) x GROUP BY x.grp, x.m`,
      visitParams,
    ),
    // Distinct (cadre, day) over every day of the visits counted (a visit of N days counts N, but
    // none after the period): a day lies in one month, so the months add up to the total.
    sent(
      'days',
      `${DAY_OFFSETS}SELECT x.grp AS grp, SUBSTR(x.day, 1, 7) AS m, ${cadreDaysSql(ctx)} AS n FROM (` +
        visitDaysSql(ctx, { key: first.key, from: first.from, where: `WHERE (${first.filter}) AND vc.date >= ? AND vc.date <= ?` }, { key: v.key, from: v.from, where: visitWhere }) +
        ') x WHERE x.day <= ? GROUP BY x.grp, SUBSTR(x.day, 1, 7)',
      [...first.params, ...inPeriod, ...visitParams, period.to],
    ),
    sent(
      'cadres',
      `SELECT ${s.cadres.key} AS grp, COUNT(*) AS n, SUM(CASE WHEN EXISTS (SELECT 1 FROM visit_cadre vc JOIN visit v ON v.id = vc.visitId` +
        ` WHERE vc.cadreId = c.id AND vc.date >= ? AND vc.date <= ? AND ${s.cadres.activeWhere}) THEN 1 ELSE 0 END) AS active` +
        ` FROM ${s.cadres.from} WHERE ${s.cadres.filter} GROUP BY grp`,
      [period.from, period.to, ...s.cadres.activeParams, ...s.cadres.params],
    ),
    sent(
      'help',
      `SELECT ${s.help.key} AS grp, SUM(h.peopleHelped) AS people, SUM(h.fundsFen) AS fen, SUM(h.contactCards) AS cards, SUM(h.researchReports) AS reports` +
        ` FROM ${s.help.from} WHERE (${s.help.filter}) AND h.date >= ? AND h.date <= ? GROUP BY grp`,
      [...s.help.params, period.from, period.to],
    ),
    // Each event of a pledge (taken on, made routine, done) on its own day: one row per group,
    // month and event, so that the months add up to the total.
    sent(
      'pledges',
      `SELECT x.grp AS grp, SUBSTR(x.day, 1, 7) AS m, x.event AS event, COUNT(*) AS n FROM (` +
        PLEDGE_EVENTS.map(([column], k) => `SELECT ${p.key} AS grp, p.${column} AS day, ${k} AS event FROM ${p.from} WHERE (${p.filter}) AND p.${column} >= ? AND p.${column} <= ?`).join(
          ' UNION ALL ',
        ) +
        ') x GROUP BY x.grp, SUBSTR(x.day, 1, 7), x.event',
      PLEDGE_EVENTS.flatMap(() => [...p.params, period.from, period.to]),
    ),
  ]);
  for (const r of counts) {
    const f = at(r.grp);
    if (!f) continue;
    const pt = num(r.pt);
    const visits = num(r.visits);
    f.personTimes += pt;
    f.visits += visits;
    const kind = f.byKind.find((k) => k.kind === r.kind);
    if (kind) kind.count += visits;
    else f.byKind.push({ kind: r.kind as VisitKind, count: visits });
    const m = f.monthly.find((x) => x.month === r.m);
    if (m) (m.personTimes += pt), (m.visits += visits);
  }
  for (const f of out.values()) {
    f.byKind.sort((a, b) => visitKinds.indexOf(a.kind as never) - visitKinds.indexOf(b.kind as never));
    f.forums = f.byKind.find((k) => k.kind === 'FORUM')?.count ?? 0;
  }
  for (const r of households) {
    const f = at(r.grp);
    if (!f) continue;
    f.householdsVisited += num(r.firsts);
    const m = f.monthly.find((x) => x.month === r.m);
    if (m) m.householdsVisited = num(r.hh);
  }
  for (const r of days) {
    const f = at(r.grp);
    const m = f?.monthly.find((x) => x.month === r.m);
    if (f && m) (m.cadreDays = num(r.n)), (f.cadreDays += num(r.n));
  }
  for (const r of cadres) {
    const f = at(r.grp);
    if (f) Object.assign(f, { cadres: num(r.n), cadresActive: num(r.active) });
  }
  for (const r of help) {
    const f = at(r.grp);
    // Whole fen are summed exactly in SQL; yuan only at the end.
    if (f) Object.assign(f, { peopleHelped: num(r.people), funds: num(r.fen) / 100, contactCards: num(r.cards), researchReports: num(r.reports) });
  }
  for (const r of pledges) {
    const f = at(r.grp);
    const m = f?.monthly.find((x) => x.month === r.m);
    const figure = PLEDGE_EVENTS[num(r.event)]?.[1];
    if (f && m && figure) (m[figure] = num(r.n)), (f[figure] += num(r.n));
  }
  return out;
}

async function batch(ctx: SubgraphContext, sources: Sources[], period: Period, parts: readonly Part[]): Promise<Map<string, ActivityFigures>> {
  const out = new Map<string, ActivityFigures>();
  for (const s of sources) for (const [k, f] of await figuresOf(ctx, s, period, parts)) out.set(k, f);
  return out;
}

const periodKey = (p: Period) => `${p.from}:${p.to}`;

/** The figures (of `parts`) of subtrees (key: a code's prefix) over a period, batched per request, period and parts. */
const subtreeFigures = (ctx: SubgraphContext, period: Period, parts: readonly Part[]) =>
  ctx.loaders.get(`divisionActivity:${periodKey(period)}:${parts.join()}`, () =>
    valueLoader((keys: string[]) => batch(ctx, divisionSources(keys), period, parts), emptyFigures(period)),
  );

const prefixOf = (code: string, field = 'code') => {
  const prefix = parseDivisionCode(code)?.prefix;
  if (!prefix) throw badInput(field, `not a division code: ${code}`);
  return prefix;
};

/** Division.activity: the subtree's figures, those the query reads. */
export async function divisionActivity(ctx: SubgraphContext, code: string, args: { campaignId?: string | null; from?: string | null; to?: string | null }, info: GraphQLResolveInfo) {
  const period = await periodOf(ctx, args);
  return subtreeFigures(ctx, period, partsSelected(info)).load(prefixOf(code));
}

/** Department.activity: its cadres' figures in the viewer's scope (those the query reads), batched per request, period and parts. */
export async function departmentActivity(
  ctx: SubgraphContext,
  d: Department,
  args: { campaignId?: string | null; from?: string | null; to?: string | null },
  info: GraphQLResolveInfo,
) {
  if (!mayRead(ctx.viewer)) return null;
  const period = await periodOf(ctx, args);
  const parts = partsSelected(info);
  return ctx.loaders
    .get(`departmentActivity:${periodKey(period)}:${parts.join()}`, () =>
      valueLoader((keys: string[]) => batch(ctx, departmentSources(ctx, keys), period, parts), emptyFigures(period)),
    )
    .load(d.id);
}

// ------------------------------------------------------------------ ranking

export interface RankedDepartmentRow {
  rank: number;
  department: Department;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * Per department (`dep`) of the departments `d` passes `dFilter`, the measure's numerator (`num`)
 * over the period, counting what lies in the viewer's scope (as Department.activity does).
 */
function numeratorSql(ctx: SubgraphContext, measure: ActivityMeasure, period: Period, dFilter: string, dParams: unknown[]): { sql: string; params: unknown[] } {
  const visitScope = visitScopeSql(ctx.viewer, 'v');
  // Person-times and active cadres are counted from visit_cadre alone (it has the date): the visit
  // is joined only for the viewer's scope or the measures that read it. Without it, person-times
  // for a district at a city's size: 230 → 35 ms on MariaDB, 86 → 15 ms on SQLite.
  const readsVisit = visitScope != null || measure === 'HOUSEHOLDS_VISITED' || measure === 'CADRE_DAYS';
  const from = `visit_cadre vc${readsVisit ? ' JOIN visit v ON v.id = vc.visitId' : ''} JOIN cadre c ON c.id = vc.cadreId JOIN department d ON d.id = c.departmentId`;
  const where = ` WHERE (${dFilter}) AND vc.date >= ? AND vc.date <= ?${visitScope ? ` AND ${visitScope.sql}` : ''}`;
  const visits = `FROM ${from}${where}`;
  const visitParams = [...dParams, period.from, period.to, ...(visitScope?.params ?? [])];
  switch (measure) {
    case 'PERSON_TIMES':
    case 'VISITS_PER_CADRE':
      return { sql: `SELECT c.departmentId AS dep, COUNT(*) AS num ${visits} GROUP BY c.departmentId`, params: visitParams };
    case 'HOUSEHOLDS_VISITED':
      return { sql: `SELECT c.departmentId AS dep, ${HOUSEHOLDS} AS num ${visits} GROUP BY c.departmentId`, params: visitParams };
    case 'ACTIVE_CADRE_SHARE':
      return { sql: `SELECT c.departmentId AS dep, COUNT(DISTINCT vc.cadreId) AS num ${visits} GROUP BY c.departmentId`, params: visitParams };
    case 'CADRE_DAYS':
      return {
        sql: `SELECT x.grp AS dep, ${cadreDaysSql(ctx)} AS num FROM (${visitDaysSql(ctx, { key: 'c.departmentId', from, where }, { key: 'c.departmentId', from, where })}) x WHERE x.day <= ? GROUP BY x.grp`,
        params: [...visitParams, ...visitParams, period.to],
      };
    case 'LINKED_CADRE_SHARE': {
      // Linked on the period's last day, or today while the period runs (as coverage counts links).
      const on = period.to < today(ctx) ? period.to : today(ctx);
      const scope = visitScopeSql(ctx.viewer, 'l');
      return {
        sql:
          'SELECT c.departmentId AS dep, COUNT(DISTINCT l.cadreId) AS num FROM liaison l JOIN cadre c ON c.id = l.cadreId JOIN department d ON d.id = c.departmentId' +
          ` WHERE (${dFilter}) AND l.targetType = 'Division' AND l.divisionCode IS NOT NULL AND l.since <= ? AND (l.until IS NULL OR l.until > ?)` +
          `${scope ? ` AND ${scope.sql}` : ''} GROUP BY c.departmentId`,
        params: [...dParams, on, on, ...(scope?.params ?? [])],
      };
    }
    case 'PEOPLE_HELPED': {
      const scope = helpRecordScopeSql(ctx.viewer, 'h');
      return {
        sql:
          'SELECT c.departmentId AS dep, SUM(h.peopleHelped) AS num FROM help_record h JOIN cadre c ON c.id = h.cadreId JOIN department d ON d.id = c.departmentId' +
          ` WHERE (${dFilter}) AND h.date >= ? AND h.date <= ?${scope ? ` AND ${scope.sql}` : ''} GROUP BY c.departmentId`,
        params: [...dParams, period.from, period.to, ...(scope?.params ?? [])],
      };
    }
  }
}

/** The measures that are a share or a rate of the department's cadres. */
const perCadre: ReadonlySet<ActivityMeasure> = new Set(['VISITS_PER_CADRE', 'ACTIVE_CADRE_SHARE', 'LINKED_CADRE_SHARE']);

/** The departments a ranking of these subtrees ranks: lying in them (with a campaign, those taking part). */
function rankedDepartments(prefixes: string[], period: Period, alias: string) {
  return placeGroups(prefixes, alias).map((g) => ({
    ...g,
    join: period.campaignId ? ` JOIN campaign_department cd ON cd.departmentId = ${alias}.id AND cd.campaignId = ?` : '',
    joinParams: period.campaignId ? [period.campaignId] : [],
  }));
}

/**
 * One page of the ranking of many subtrees: one statement per prefix length. RANK() gives ties
 * one rank; ROW_NUMBER() with the department id after the value keeps the order stable; an
 * undefined measure (no cadres) sorts last in either direction.
 */
async function rankingPages(ctx: SubgraphContext, prefixes: string[], measure: ActivityMeasure, period: Period, ascending: boolean, page: Page) {
  const value = 'CASE WHEN x.den IS NULL THEN x.num WHEN x.den = 0 THEN NULL ELSE x.num * 1e0 / x.den END';
  const order = `CASE WHEN x.den = 0 THEN 1 ELSE 0 END, ${value} ${ascending ? 'ASC' : 'DESC'}`;
  const found = new Map<string, { id: string; rank: number; num: number; den: number | null }[]>();
  for (const g of rankedDepartments(prefixes, period, 't')) {
    const inner = numeratorSql(ctx, measure, period, g.filter.replaceAll('t.divisionCode', 'd.divisionCode'), g.params);
    const den = perCadre.has(measure);
    const cadres = den
      ? {
          sql: ` LEFT JOIN (SELECT c.departmentId AS dep, COUNT(*) AS den FROM cadre c JOIN department d ON d.id = c.departmentId WHERE ${g.filter.replaceAll('t.divisionCode', 'd.divisionCode')} GROUP BY c.departmentId) k ON k.dep = t.id`,
          params: g.params,
        }
      : { sql: '', params: [] };
    const rows: Record<string, unknown>[] = await ctx.ds.query(
      `${measure === 'CADRE_DAYS' ? DAY_OFFSETS : ''}SELECT * FROM (SELECT x.grp, x.id, x.num, x.den, RANK() OVER (PARTITION BY x.grp ORDER BY ${order}) AS rnk,` +
        ` ROW_NUMBER() OVER (PARTITION BY x.grp ORDER BY ${order}, x.id) AS rn FROM (` +
        `SELECT ${g.key} AS grp, t.id AS id, COALESCE(m.num, 0) AS num, ${den ? 'COALESCE(k.den, 0)' : 'NULL'} AS den` +
        ` FROM department t${g.join} LEFT JOIN (${inner.sql}) m ON m.dep = t.id${cadres.sql} WHERE ${g.filter}) x) y` +
        ' WHERE rn > ? AND rn <= ? ORDER BY grp, rn',
      [...g.joinParams, ...inner.params, ...cadres.params, ...g.params, page.offset, page.offset + page.limit + 1],
    );
    for (const r of rows) {
      const list = found.get(String(r.grp)) ?? [];
      list.push({ id: String(r.id), rank: num(r.rnk), num: num(r.num), den: r.den == null ? null : num(r.den) });
      found.set(String(r.grp), list);
    }
  }
  const departments = await departmentById(ctx).loadMany([...found.values()].flat().map((r) => r.id));
  const byId = new Map((departments.filter((d) => !(d instanceof Error)) as Department[]).map((d) => [d.id, d]));
  const pages = new Map<string, RankedDepartmentRow[]>();
  for (const [grp, rows] of found) {
    pages.set(
      grp,
      rows.map((r) => ({
        rank: r.rank,
        department: byId.get(r.id)!,
        value: r.den == null ? r.num : r.den === 0 ? null : r.num / r.den,
        numerator: r.num,
        denominator: r.den,
      })),
    );
  }
  return pages;
}

/** How many departments each subtree ranks: one statement per prefix length, only when asked for. */
async function rankedCounts(ctx: SubgraphContext, prefixes: string[], period: Period): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const g of rankedDepartments(prefixes, period, 't')) {
    const rows: Record<string, unknown>[] = await ctx.ds.query(`SELECT ${g.key} AS grp, COUNT(*) AS n FROM department t${g.join} WHERE ${g.filter} GROUP BY grp`, [
      ...g.joinParams,
      ...g.params,
    ]);
    for (const r of rows) out.set(String(r.grp), num(r.n));
  }
  return out;
}

/** Division.departmentRanking, batched per request and argument set. */
export async function departmentRanking(ctx: SubgraphContext, code: string, args: DivisionDepartmentRankingArgs, page: Page) {
  const period = await periodOf(ctx, args);
  const prefix = parseDivisionCode(code)?.prefix;
  if (!prefix) throw badInput('code', `not a division code: ${code}`);
  const key = JSON.stringify([args.measure, period, !!args.ascending, page]);
  const pages = ctx.loaders.get(`departmentRanking:${key}`, () =>
    valueLoader((keys: string[]) => rankingPages(ctx, keys, args.measure, period, !!args.ascending, page), [] as RankedDepartmentRow[]),
  );
  const counts = ctx.loaders.get(`departmentRankingCounts:${JSON.stringify(period)}`, () => valueLoader((keys: string[]) => rankedCounts(ctx, keys, period), 0));
  return toConnection(await pages.load(prefix), page, () => counts.load(prefix));
}

// ------------------------------------------------------------------ division ranking

/** Cadres of the departments lying in each subtree linked to a village or community on `on` (as LINKED_CADRE_SHARE counts them). */
async function linkedCadresIn(ctx: SubgraphContext, prefixes: string[], on: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const scope = liaisonScopeSql(ctx.viewer, 'l');
  for (const g of placeGroups(prefixes, 'd')) {
    const rows: Record<string, unknown>[] = await ctx.ds.query(
      `SELECT ${g.key} AS grp, COUNT(DISTINCT l.cadreId) AS n FROM liaison l JOIN cadre c ON c.id = l.cadreId JOIN department d ON d.id = c.departmentId` +
        ` WHERE ${g.filter} AND l.targetType = 'Division' AND l.divisionCode IS NOT NULL AND l.since <= ? AND (l.until IS NULL OR l.until > ?)` +
        `${scope ? ` AND ${scope.sql}` : ''} GROUP BY grp`,
      [...g.params, on, on, ...(scope?.params ?? [])],
    );
    for (const r of rows) out.set(String(r.grp), num(r.n));
  }
  return out;
}

/** A measure of a subtree's figures: its numerator, and its denominator (null for a count). */
function measureOf(measure: ActivityMeasure, f: ActivityFigures, linked: number): { numerator: number; denominator: number | null } {
  switch (measure) {
    case 'PERSON_TIMES':
      return { numerator: f.personTimes, denominator: null };
    case 'VISITS_PER_CADRE':
      return { numerator: f.personTimes, denominator: f.cadres };
    case 'HOUSEHOLDS_VISITED':
      return { numerator: f.householdsVisited, denominator: null };
    case 'CADRE_DAYS':
      return { numerator: f.cadreDays, denominator: null };
    case 'ACTIVE_CADRE_SHARE':
      return { numerator: f.cadresActive, denominator: f.cadres };
    case 'LINKED_CADRE_SHARE':
      return { numerator: linked, denominator: f.cadres };
    case 'PEOPLE_HELPED':
      return { numerator: f.peopleHelped, denominator: null };
  }
}

/**
 * Division.divisionRanking: the direct children (places' childCodes, every one of them, even with
 * nothing counted) ranked by a measure of their Division.activity figures. The figures of all the
 * children of every division asked for are one batch of subtreeFigures (one set of statements per
 * prefix length), shared with their own activity fields; only the ranking of these few aggregates
 * happens here.
 */
export async function divisionRanking(ctx: SubgraphContext, childCodes: readonly string[] | undefined, args: DivisionDivisionRankingArgs & PageArgs) {
  const period = await periodOf(ctx, args);
  const children = (childCodes ?? []).map((code) => ({ code, prefix: prefixOf(code, 'childCodes') }));
  const figures = subtreeFigures(ctx, period, PARTS_OF_MEASURE[args.measure]);
  const on = period.to < today(ctx) ? period.to : today(ctx);
  const linked =
    args.measure === 'LINKED_CADRE_SHARE'
      ? ctx.loaders.get(`linkedCadresIn:${on}`, () => valueLoader((keys: string[]) => linkedCadresIn(ctx, keys, on), 0))
      : null;
  const rows = await Promise.all(
    children.map(async (c) => {
      const [f, l] = await Promise.all([figures.load(c.prefix), linked ? linked.load(c.prefix) : 0]);
      return { key: c.code, id: c.code, ...measureOf(args.measure, f, l) };
    }),
  );
  return sliceConnection(rankedDivisions(rows, !!args.ascending), args);
}
