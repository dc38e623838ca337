// Division.assigneeRanking: the departments serving a subtree, ranked by one measure, in SQL.
import { subtreeGroups, subtreeRange, toConnection, valueLoader, type Page, type SubgraphContext } from '@cadres/kit';
import { readableSql } from './access';
import type { DivisionAssigneeRankingArgs, IssueMeasure } from './generated/graphql';
import { and, between, num, reportedBetween, type Where } from './sql';
import { rateSql, ratio } from './stats';

export interface RankedRow {
  rank: number;
  department: { id: string };
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

const sum = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/**
 * Per department (`dep`), the measure's numerator (`num`) and denominator (`den`; NULL for
 * ASSIGNED, a count): over the issues assigned to it that the viewer reads, reported in the
 * period, or over the ratings it received in the period.
 */
function measureSql(measure: IssueMeasure, args: DivisionAssigneeRankingArgs, readable: Where): Where {
  if (measure === 'SERVICE_RATING') {
    const period = between('r.at', args.from, args.to);
    return {
      sql: `SELECT r.targetId AS dep, SUM(r.score) AS num, COUNT(*) AS den FROM rating r WHERE ${and([{ sql: "r.targetType = 'Department'", params: [] }, period]).sql} GROUP BY r.targetId`,
      params: period.params,
    };
  }
  const where = and([{ sql: 't.assigneeId IS NOT NULL', params: [] }, readable, reportedBetween(args.from, args.to)]);
  const [numerator, denominator] = measure === 'ASSIGNED' ? ['t.assignedAt IS NOT NULL', null] : [rateSql[measure].numerator, rateSql[measure].denominator];
  return {
    sql: `SELECT t.assigneeId AS dep, ${sum(numerator)} AS num, ${denominator ? sum(denominator) : 'NULL'} AS den FROM issue t WHERE ${where.sql} GROUP BY t.assigneeId`,
    params: where.params,
  };
}

/** The known departments of the asked subtrees that lie in the viewer's scope too (a district token ranks only its district's). */
function departmentsWhere(ctx: SubgraphContext, filter: string, params: unknown[]): Where {
  const scope = ctx.viewer.scope ? subtreeRange(ctx.viewer.scope) : null;
  return and([{ sql: filter, params }, scope ? { sql: 't.divisionCode >= ? AND t.divisionCode < ?', params: [scope.lo, scope.hi] } : { sql: '', params: [] }]);
}

/**
 * One page of the ranking of many subtrees: one statement per prefix length (at most five),
 * whatever the number of subtrees or departments. RANK() gives ties one rank; ROW_NUMBER() with
 * the department id after the value keeps the order stable. An undefined measure (denominator 0)
 * sorts last in either direction.
 */
async function rankingPages(ctx: SubgraphContext, prefixes: string[], args: DivisionAssigneeRankingArgs, page: Page): Promise<Map<string, RankedRow[]>> {
  const measure = measureSql(args.measure, args, readableSql(ctx.viewer));
  const direction = args.ascending ? 'ASC' : 'DESC';
  // `1e0` makes the division floating point on both databases (MySQL divides decimals to 4 places).
  const value = 'CASE WHEN x.den IS NULL THEN x.num WHEN x.den = 0 THEN NULL ELSE x.num * 1e0 / x.den END';
  const order = `CASE WHEN x.den = 0 THEN 1 ELSE 0 END, ${value} ${direction}`;
  const out = new Map<string, RankedRow[]>();
  for (const { spec } of subtreeGroups('divisionCode', prefixes)) {
    const where = departmentsWhere(ctx, spec.filter, spec.params);
    const rows: Record<string, unknown>[] = await ctx.ds.query(
      `SELECT * FROM (SELECT x.grp, x.id, x.num, x.den, RANK() OVER (PARTITION BY x.grp ORDER BY ${order}) AS rnk,` +
        ` ROW_NUMBER() OVER (PARTITION BY x.grp ORDER BY ${order}, x.id) AS rn FROM (` +
        `SELECT ${spec.key} AS grp, t.id AS id, COALESCE(m.num, 0) AS num, ${args.measure === 'ASSIGNED' ? 'NULL' : 'COALESCE(m.den, 0)'} AS den` +
        ` FROM known_department t LEFT JOIN (${measure.sql}) m ON m.dep = t.id WHERE ${where.sql}) x) y` +
        ' WHERE rn > ? AND rn <= ? ORDER BY grp, rn',
      [...measure.params, ...where.params, page.offset, page.offset + page.limit + 1],
    );
    for (const r of rows) {
      const numerator = num(r.num);
      const denominator = r.den == null ? null : num(r.den);
      const row: RankedRow = {
        rank: num(r.rnk),
        department: { id: String(r.id) },
        value: denominator == null ? numerator : ratio(numerator, denominator),
        numerator,
        denominator,
      };
      out.set(String(r.grp), [...(out.get(String(r.grp)) ?? []), row]);
    }
  }
  return out;
}

/** How many departments each subtree ranks: one statement per prefix length, only when asked for. */
async function rankedCounts(ctx: SubgraphContext, prefixes: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const { spec } of subtreeGroups('divisionCode', prefixes)) {
    const where = departmentsWhere(ctx, spec.filter, spec.params);
    const rows: Record<string, unknown>[] = await ctx.ds.query(
      `SELECT ${spec.key} AS grp, COUNT(*) AS n FROM known_department t WHERE ${where.sql} GROUP BY ${spec.key}`,
      where.params,
    );
    for (const r of rows) out.set(String(r.grp), num(r.n));
  }
  return out;
}

/** The ranking of a subtree (key: its code's prefix), batched per request and argument set. */
export function assigneeRankingOf(ctx: SubgraphContext, args: DivisionAssigneeRankingArgs, page: Page, prefix: string) {
  const key = JSON.stringify([args.measure, args.from, args.to, !!args.ascending, page]);
  const pages = ctx.loaders.get(`ranking:${key}`, () => valueLoader((keys: string[]) => rankingPages(ctx, keys, args, page), [] as RankedRow[]));
  const counts = ctx.loaders.get('rankingCounts', () => valueLoader((keys: string[]) => rankedCounts(ctx, keys), 0));
  return pages.load(prefix).then((rows) => toConnection(rows, page, () => counts.load(prefix)));
}

