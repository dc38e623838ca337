import { badInput, chinaMonthSql, equalGroups, monthsOf, subtreeGroups, today, valueLoader, type GroupSpec, type SubgraphContext } from '@cadres/kit';
import type { DataSource } from 'typeorm';
import { readableSql } from './access';
import { issueCategories, type IssueCategory } from './entities';
import type { IssueDate, IssueStats, MonthlyIssues } from './generated/graphql';
import { OPEN, and, atLightClock, between, num, periodSql, reportedBetween, type Where } from './sql';

/** The aggregate counts behind IssueStats; the rates are ratios of them (null on a zero denominator). */
export interface IssueCounts {
  total: number;
  open: number;
  closed: number;
  green: number;
  yellow: number;
  red: number;
  assigned: number;
  respondedInTime: number;
  evaluated: number;
  solved: number;
  satisfied: number;
  closedOnTime: number;
  extended: number;
  fromVisits: number;
  fixedOnTheSpot: number;
}

const zero: IssueCounts = {
  total: 0, open: 0, closed: 0, green: 0, yellow: 0, red: 0,
  assigned: 0, respondedInTime: 0, evaluated: 0, solved: 0, satisfied: 0, closedOnTime: 0, extended: 0,
  fromVisits: 0, fixedOnTheSpot: 0,
};

/** The arguments of every issueStats (the subtree or the assignee aside). */
export interface StatsArgs {
  from?: string | null;
  to?: string | null;
  category?: IssueCategory | null;
  by?: IssueDate | null;
}

export interface CategoryCount {
  category: IssueCategory;
  count: number;
}

export const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

type Month = Omit<MonthlyIssues, '__typename'>;

/** What Query.issueStats and Division.issueStats return: byCategory, coHandled and monthly are functions, run only when asked for. */
export interface IssueStatsSource extends Omit<IssueStats, '__typename' | 'byCategory' | 'coHandled' | 'monthly'> {
  byCategory: () => Promise<CategoryCount[]>;
  coHandled: () => Promise<number>;
  monthly: () => Promise<Month[]>;
}

/** IssueStats as the schema shows it; byCategory, coHandled and monthly are resolved only when asked for (each its own statements). */
export const toIssueStats = (
  c: IssueCounts,
  byCategory: () => Promise<CategoryCount[]>,
  coHandled: () => Promise<number>,
  monthly: () => Promise<Month[]>,
): IssueStatsSource => ({
  ...c,
  coHandled,
  monthly,
  responseRate: ratio(c.respondedInTime, c.assigned),
  resolutionRate: ratio(c.solved, c.evaluated),
  satisfactionRate: ratio(c.satisfied, c.evaluated),
  onTimeRate: ratio(c.closedOnTime, c.closed),
  byCategory,
});

const sum = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

// A problem fixed on the spot was solved in front of the resident: one evaluation, solved and satisfied.
const FIXED = 't.fixedOnTheSpot = 1';
const EVALUATED = `(t.evaluatedAt IS NOT NULL OR ${FIXED})`;
const SOLVED = `((t.evaluatedAt IS NOT NULL AND t.evalSolved = 1) OR ${FIXED})`;
const SATISFIED = `((t.evaluatedAt IS NOT NULL AND t.evalSatisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) OR ${FIXED})`;
const RESPONDED = 't.acceptedAt IS NOT NULL AND t.acceptedAt <= t.responseDeadline';
// On time against the original deadline: an extension never makes a late issue punctual.
const ON_TIME = "t.status = 'CLOSED' AND t.finishedAt <= t.originalDeadline";

/** Numerator and denominator of each rate, in SQL over `t`: what the rankings rank by too. */
export const rateSql = {
  RESPONSE_RATE: { numerator: RESPONDED, denominator: 't.assignedAt IS NOT NULL' },
  RESOLUTION_RATE: { numerator: SOLVED, denominator: EVALUATED },
  SATISFACTION_RATE: { numerator: SATISFIED, denominator: EVALUATED },
  ON_TIME_RATE: { numerator: ON_TIME, denominator: "t.status = 'CLOSED'" },
} as const;

/** The SQL aggregates, evaluated at `now` (lights); the instant travels as parameters. */
function aggregates(now: Date): Where {
  const light = (name: string, condition: (clock: string) => string) => {
    const w = atLightClock(now, condition);
    return { sql: `${sum(`${OPEN} AND (${w.sql})`)} AS ${name}`, params: w.params };
  };
  const lights = [
    light('n_green', (c) => `t.yellowAt > ${c}`),
    light('n_yellow', (c) => `t.yellowAt <= ${c} AND t.deadline >= ${c}`),
    light('n_red', (c) => `t.deadline < ${c}`),
  ];
  return {
    sql: [
      'COUNT(*) AS n_total',
      `${sum(OPEN)} AS n_open`,
      `${sum("t.status = 'CLOSED'")} AS n_closed`,
      ...lights.map((l) => l.sql),
      `${sum('t.assignedAt IS NOT NULL')} AS n_assigned`,
      `${sum(RESPONDED)} AS n_responded`,
      `${sum(EVALUATED)} AS n_evaluated`,
      `${sum(SOLVED)} AS n_solved`,
      `${sum(SATISFIED)} AS n_satisfied`,
      `${sum(ON_TIME)} AS n_on_time`,
      `${sum('t.deadline > t.originalDeadline')} AS n_extended`,
      `${sum('t.visitId IS NOT NULL')} AS n_from_visits`,
      `${sum(FIXED)} AS n_fixed`,
    ].join(', '),
    params: lights.flatMap((l) => l.params),
  };
}

const fromRow = (r: Record<string, unknown>): IssueCounts => ({
  total: num(r.n_total),
  open: num(r.n_open),
  closed: num(r.n_closed),
  green: num(r.n_green),
  yellow: num(r.n_yellow),
  red: num(r.n_red),
  assigned: num(r.n_assigned),
  respondedInTime: num(r.n_responded),
  evaluated: num(r.n_evaluated),
  solved: num(r.n_solved),
  satisfied: num(r.n_satisfied),
  closedOnTime: num(r.n_on_time),
  extended: num(r.n_extended),
  fromVisits: num(r.n_from_visits),
  fixedOnTheSpot: num(r.n_fixed),
});

/** The stats' arguments and what the viewer may read (access.ts): nobody counts issues it cannot see. */
export function argsWhere(args: StatsArgs, readable: Where): Where {
  return and([
    readable,
    periodSql(args.by, args.from, args.to),
    args.category ? { sql: 't.category = ?', params: [args.category] } : { sql: '', params: [] },
  ]);
}

/** Who the counts are of: subtrees (keys: division-code prefixes) or assignees (keys: department ids). */
type Of = 'subtree' | 'assignee';

/** One GroupSpec per statement: per prefix length for subtrees (at most five), one for assignees. */
const groupsOf = (of: Of, keys: string[]): GroupSpec[] =>
  of === 'subtree' ? subtreeGroups('divisionCode', keys).map((g) => g.spec) : equalGroups('assigneeId', keys);

/** Counts per group for many keys, in a constant number of GROUP BY statements; no row ever reaches JS. */
export async function countsBy(ds: DataSource, of: Of, keys: string[], args: StatsArgs, now: Date, readable: Where): Promise<Map<string, IssueCounts>> {
  const out = new Map<string, IssueCounts>();
  const agg = aggregates(now);
  const extra = argsWhere(args, readable);
  for (const spec of groupsOf(of, keys)) {
    const where = and([{ sql: spec.filter, params: spec.params }, extra]);
    const rows: Record<string, unknown>[] = await ds.query(
      `SELECT ${spec.key} AS grp, ${agg.sql} FROM issue t WHERE ${where.sql} GROUP BY ${spec.key}`,
      [...agg.params, ...where.params],
    );
    for (const r of rows) out.set(String(r.grp), fromRow(r));
  }
  return out;
}

/** Issues per category per group: non-zero categories, most issues first, then in enum order. */
export async function categoriesBy(ds: DataSource, of: Of, keys: string[], args: StatsArgs, readable: Where): Promise<Map<string, CategoryCount[]>> {
  const out = new Map<string, CategoryCount[]>();
  const extra = argsWhere(args, readable);
  for (const spec of groupsOf(of, keys)) {
    const where = and([{ sql: spec.filter, params: spec.params }, extra]);
    const rows: Record<string, unknown>[] = await ds.query(
      `SELECT ${spec.key} AS grp, t.category AS category, COUNT(*) AS n FROM issue t WHERE ${where.sql} GROUP BY ${spec.key}, t.category`,
      where.params,
    );
    for (const r of rows) {
      const key = String(r.grp);
      out.set(key, [...(out.get(key) ?? []), { category: r.category as IssueCategory, count: num(r.n) }]);
    }
  }
  for (const list of out.values()) {
    list.sort((x, y) => y.count - x.count || issueCategories.indexOf(x.category) - issueCategories.indexOf(y.category));
  }
  return out;
}

/**
 * Issues handled jointly, per group: of a subtree, those with a co-handler; of a department, those
 * it co-handled (its co_handler rows), whoever leads them. One statement per GroupSpec.
 */
export async function coHandledBy(ds: DataSource, of: Of, keys: string[], args: StatsArgs, readable: Where): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const extra = argsWhere(args, readable);
  const statements: Where[] =
    of === 'subtree'
      ? groupsOf(of, keys).map((spec) => {
          const where = and([{ sql: spec.filter, params: spec.params }, extra]);
          return {
            sql: `SELECT ${spec.key} AS grp, COUNT(*) AS n FROM issue t WHERE ${where.sql} AND EXISTS (SELECT 1 FROM co_handler c WHERE c.issueId = t.id) GROUP BY ${spec.key}`,
            params: where.params,
          };
        })
      : [
          {
            sql:
              `SELECT c.departmentId AS grp, COUNT(*) AS n FROM co_handler c JOIN issue t ON t.id = c.issueId` +
              ` WHERE c.departmentId IN (${keys.map(() => '?').join(', ')})${extra.sql ? ` AND ${extra.sql}` : ''} GROUP BY c.departmentId`,
            params: [...keys, ...extra.params],
          },
        ];
  for (const q of statements) {
    for (const r of (await ds.query(q.sql, q.params)) as Record<string, unknown>[]) out.set(String(r.grp), num(r.n));
  }
  return out;
}

// ------------------------------------------------------------------ monthly series

/** Months a series may span (about ten years): the rows are built in JS, one per month. */
const MAX_MONTHS = 120;

/**
 * Per group and Beijing month, the figures of IssueStats.monthly: each event by its own date
 * (reported, closed, the evaluation: its latest, or for one fixed on the spot its closing) when
 * that date lies in from..to; `by` plays no part. One statement per GroupSpec: three
 * branches (one per date column), each grouped, summed once more over the UNION ALL.
 */
export async function monthlyBy(ds: DataSource, of: Of, keys: string[], args: StatsArgs, readable: Where): Promise<Map<string, Month[]>> {
  const out = new Map<string, Month[]>();
  const base = and([readable, args.category ? { sql: 't.category = ?', params: [args.category] } : { sql: '', params: [] }]);
  const month = (column: string) => chinaMonthSql(ds, column);
  const evaluated = between('t.evaluatedAt', args.from, args.to);
  const fixedClosed = between('t.finishedAt', args.from, args.to);
  // Evaluated in the period, or fixed on the spot (never evaluated after) and closed in it: two branches of an OR, never a
  // COALESCE compared with a parameter (atLightClock says why).
  const evaluation: Where = {
    sql: `(t.evaluatedAt IS NOT NULL${evaluated.sql ? ` AND ${evaluated.sql}` : ''}) OR (t.evaluatedAt IS NULL AND ${FIXED}${fixedClosed.sql ? ` AND ${fixedClosed.sql}` : ''})`,
    params: [...evaluated.params, ...fixedClosed.params],
  };
  const branches: { m: string; where: Where; figures: [string, string, string, string, string] }[] = [
    { m: month('t.reportedAt'), where: reportedBetween(args.from, args.to), figures: ['COUNT(*)', '0', '0', '0', sum('t.visitId IS NOT NULL')] },
    { m: month('t.finishedAt'), where: and([{ sql: "t.status = 'CLOSED'", params: [] }, between('t.finishedAt', args.from, args.to)]), figures: ['0', 'COUNT(*)', '0', '0', '0'] },
    { m: month('COALESCE(t.evaluatedAt, t.finishedAt)'), where: evaluation, figures: ['0', '0', sum(SOLVED), sum(SATISFIED), '0'] },
  ];
  const names = ['reported', 'closed', 'solved', 'satisfied', 'from_visits'];
  for (const spec of groupsOf(of, keys)) {
    const parts = branches.map((b) => {
      const where = and([{ sql: spec.filter, params: spec.params }, base, b.where]);
      return {
        sql: `SELECT ${spec.key} AS grp, ${b.m} AS m, ${b.figures.map((f, k) => `${f} AS ${names[k]}`).join(', ')} FROM issue t WHERE ${where.sql} GROUP BY ${spec.key}, ${b.m}`,
        params: where.params,
      };
    });
    const rows: Record<string, unknown>[] = await ds.query(
      `SELECT x.grp AS grp, x.m AS m, ${names.map((n) => `SUM(x.${n}) AS ${n}`).join(', ')} FROM (${parts.map((p) => p.sql).join(' UNION ALL ')}) x GROUP BY x.grp, x.m`,
      parts.flatMap((p) => p.params),
    );
    for (const r of rows) {
      const key = String(r.grp);
      const row = { month: String(r.m), reported: num(r.reported), closed: num(r.closed), solved: num(r.solved), satisfied: num(r.satisfied), fromVisits: num(r.from_visits) };
      out.set(key, [...(out.get(key) ?? []), row]);
    }
  }
  return out;
}

/**
 * Every month of the series, oldest first, zeros where nothing happened: from from's month (else
 * the first with a figure, else this month) to to's (else this month, or a later one with a figure).
 */
export function monthlySeries(found: readonly Month[], args: StatsArgs, thisMonth: string): Month[] {
  const seen = found.map((f) => f.month).sort();
  const first = args.from?.slice(0, 7) ?? seen[0] ?? thisMonth;
  const last = args.to?.slice(0, 7) ?? [thisMonth, ...seen].sort().at(-1)!;
  const months = monthsOf(first, last);
  if (months.length > MAX_MONTHS) throw badInput(args.from ? 'to' : 'from', `monthly spans at most ${MAX_MONTHS} months: give a shorter from..to`);
  const byMonth = new Map(found.map((f) => [f.month, f]));
  return months.map((month) => byMonth.get(month) ?? { month, reported: 0, closed: 0, solved: 0, satisfied: 0, fromVisits: 0 });
}

const argsKey = (args: StatsArgs) => `${args.from ?? ''}:${args.to ?? ''}:${args.category ?? ''}:${args.by ?? 'REPORTED'}`;

/**
 * IssueStats of a subtree (key: the code's prefix) or of an assignee (key: its id) as the viewer
 * may see it, batched per request, kind and argument set.
 */
export function issueStatsOf(ctx: SubgraphContext, args: StatsArgs, of: Of, key: string) {
  const now = ctx.now();
  const readable = readableSql(ctx.viewer);
  const counts = ctx.loaders.get(`issueCounts:${of}:${argsKey(args)}`, () =>
    valueLoader((keys: string[]) => countsBy(ctx.ds, of, keys, args, now, readable), zero),
  );
  const categories = ctx.loaders.get(`issueCategories:${of}:${argsKey(args)}`, () =>
    valueLoader((keys: string[]) => categoriesBy(ctx.ds, of, keys, args, readable), [] as CategoryCount[]),
  );
  const coHandled = ctx.loaders.get(`issueCoHandled:${of}:${argsKey(args)}`, () =>
    valueLoader((keys: string[]) => coHandledBy(ctx.ds, of, keys, args, readable), 0),
  );
  // The series does not depend on `by`: one loader for both.
  const monthly = ctx.loaders.get(`issueMonthly:${of}:${argsKey({ ...args, by: null })}`, () =>
    valueLoader((keys: string[]) => monthlyBy(ctx.ds, of, keys, args, readable), [] as Month[]),
  );
  const series = () => monthly.load(key).then((found) => monthlySeries(found, args, today(ctx).slice(0, 7)));
  return counts.load(key).then((c) => toIssueStats(c, () => categories.load(key), () => coHandled.load(key), series));
}
