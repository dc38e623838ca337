import { subtreeGroups, valueLoader, type SubgraphContext } from '@cadres/kit';
import type { DataSource } from 'typeorm';
import { readableSql } from './access';
import { issueCategories, type IssueCategory } from './entities';
import type { DivisionIssueStatsArgs, IssueStats } from './generated/graphql';
import { OPEN, and, num, reportedBetween, type Where } from './sql';
import { sqlInstant } from './time';

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
}

const zero: IssueCounts = {
  total: 0, open: 0, closed: 0, green: 0, yellow: 0, red: 0,
  assigned: 0, respondedInTime: 0, evaluated: 0, solved: 0, satisfied: 0, closedOnTime: 0, extended: 0,
};

/** The arguments of Query.issueStats and Division.issueStats (the subtree aside). */
export type StatsArgs = DivisionIssueStatsArgs;

export interface CategoryCount {
  category: IssueCategory;
  count: number;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** What Query.issueStats and Division.issueStats return: byCategory is a function, run only when asked for. */
export interface IssueStatsSource extends Omit<IssueStats, '__typename' | 'byCategory'> {
  byCategory: () => Promise<CategoryCount[]>;
}

/** IssueStats as the schema shows it; byCategory is resolved only when asked for. */
export const toIssueStats = (c: IssueCounts, byCategory: () => Promise<CategoryCount[]>): IssueStatsSource => ({
  total: c.total,
  open: c.open,
  closed: c.closed,
  green: c.green,
  yellow: c.yellow,
  red: c.red,
  responseRate: ratio(c.respondedInTime, c.assigned),
  resolutionRate: ratio(c.solved, c.evaluated),
  satisfactionRate: ratio(c.satisfied, c.evaluated),
  onTimeRate: ratio(c.closedOnTime, c.closed),
  extended: c.extended,
  byCategory,
});

const sum = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/** The SQL aggregates, evaluated at `now` (lights); the instant travels as parameters. */
function aggregates(now: Date): { sql: string; params: unknown[] } {
  const n = sqlInstant(now);
  return {
    sql: [
      'COUNT(*) AS n_total',
      `${sum(OPEN)} AS n_open`,
      `${sum("t.status = 'CLOSED'")} AS n_closed`,
      `${sum(`${OPEN} AND t.yellowAt > ?`)} AS n_green`,
      `${sum(`${OPEN} AND t.yellowAt <= ? AND t.deadline >= ?`)} AS n_yellow`,
      `${sum(`${OPEN} AND t.deadline < ?`)} AS n_red`,
      `${sum('t.assignedAt IS NOT NULL')} AS n_assigned`,
      `${sum('t.acceptedAt IS NOT NULL AND t.acceptedAt <= t.responseDeadline')} AS n_responded`,
      `${sum('t.evaluatedAt IS NOT NULL')} AS n_evaluated`,
      `${sum('t.evaluatedAt IS NOT NULL AND t.evalSolved = 1')} AS n_solved`,
      `${sum("t.evaluatedAt IS NOT NULL AND t.evalSatisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')")} AS n_satisfied`,
      // On time against the original deadline: an extension never makes a late issue punctual.
      `${sum("t.status = 'CLOSED' AND t.finishedAt <= t.originalDeadline")} AS n_on_time`,
      `${sum('t.deadline > t.originalDeadline')} AS n_extended`,
    ].join(', '),
    params: [n, n, n, n],
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
});

/** The stats' arguments and what the viewer may read (access.ts): nobody counts issues it cannot see. */
function argsWhere(args: StatsArgs, readable: Where): Where {
  return and([
    readable,
    reportedBetween(args.from, args.to),
    args.category ? { sql: 't.category = ?', params: [args.category] } : { sql: '', params: [] },
  ]);
}

/**
 * Counts per subtree for many division-code prefixes: one GROUP BY statement per prefix length
 * (at most five), whatever the number of divisions; no row ever reaches JS.
 */
export async function countsBySubtree(ds: DataSource, prefixes: string[], args: StatsArgs, now: Date, readable: Where): Promise<Map<string, IssueCounts>> {
  const out = new Map<string, IssueCounts>();
  const agg = aggregates(now);
  const extra = argsWhere(args, readable);
  for (const { spec } of subtreeGroups('divisionCode', prefixes)) {
    const where = and([{ sql: spec.filter, params: spec.params }, extra]);
    const rows: Record<string, unknown>[] = await ds.query(
      `SELECT ${spec.key} AS grp, ${agg.sql} FROM issue t WHERE ${where.sql} GROUP BY ${spec.key}`,
      [...agg.params, ...where.params],
    );
    for (const r of rows) out.set(String(r.grp), fromRow(r));
  }
  return out;
}

/** Issues per category per subtree: non-zero categories, most issues first, then in enum order. */
export async function categoriesBySubtree(ds: DataSource, prefixes: string[], args: StatsArgs, readable: Where): Promise<Map<string, CategoryCount[]>> {
  const out = new Map<string, CategoryCount[]>();
  const extra = argsWhere(args, readable);
  for (const { spec } of subtreeGroups('divisionCode', prefixes)) {
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

const argsKey = (args: StatsArgs) => `${args.from ?? ''}:${args.to ?? ''}:${args.category ?? ''}`;

/** IssueStats of a subtree (key: the code's prefix) as the viewer may see it, batched per request and argument set. */
export function issueStatsOf(ctx: SubgraphContext, args: StatsArgs, prefix: string) {
  const now = ctx.now();
  const readable = readableSql(ctx.viewer);
  const counts = ctx.loaders.get(`issueCounts:${argsKey(args)}`, () =>
    valueLoader((keys: string[]) => countsBySubtree(ctx.ds, keys, args, now, readable), zero),
  );
  const categories = ctx.loaders.get(`issueCategories:${argsKey(args)}`, () =>
    valueLoader((keys: string[]) => categoriesBySubtree(ctx.ds, keys, args, readable), [] as CategoryCount[]),
  );
  return counts.load(prefix).then((c) => toIssueStats(c, () => categories.load(prefix)));
}
