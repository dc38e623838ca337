// Division.assigneeRanking: the departments serving a subtree, ranked by one measure, in SQL;
// Division.childIssueRanking: the direct children of a division, ranked by their issue figures.
import {
  entityLoader, inScope, parseDivisionCode, rankedDivisions, requireDivisionCode, sliceConnection, subtreeGroups, subtreeRange, toConnection, valueLoader,
  type Page, type SubgraphContext,
} from '@cadres/kit';
import { readableSql } from './access';
import type { DivisionAssigneeRankingArgs as RankingArgsWithCampaign, DivisionChildIssueRankingArgs as ChildArgsWithCampaign, IssueMeasure } from './generated/graphql';

// The rankings see a period as from/to only: the resolvers put a campaign's into them (campaigns.ts).
type DivisionAssigneeRankingArgs = Omit<RankingArgsWithCampaign, 'campaignId'>;
type DivisionChildIssueRankingArgs = Omit<ChildArgsWithCampaign, 'campaignId'>;
import { and, between, num, reportedBetween, type Where } from './sql';
import { issueStatsOf, rateSql, ratio, type IssueCounts } from './stats';

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


// ------------------------------------------------------------------ child division ranking

/** A measure of a subtree's IssueStats counts: numerator and denominator (null for ASSIGNED, a count). */
function issueMeasureOf(measure: Exclude<IssueMeasure, 'SERVICE_RATING'>, c: IssueCounts): { numerator: number; denominator: number | null } {
  switch (measure) {
    case 'ASSIGNED':
      return { numerator: c.assigned, denominator: null };
    case 'RESPONSE_RATE':
      return { numerator: c.respondedInTime, denominator: c.assigned };
    case 'RESOLUTION_RATE':
      return { numerator: c.solved, denominator: c.evaluated };
    case 'SATISFACTION_RATE':
      return { numerator: c.satisfied, denominator: c.evaluated };
    case 'ON_TIME_RATE':
      return { numerator: c.closedOnTime, denominator: c.closed };
  }
}

/**
 * Enterprises' ratings of the departments serving a division in each subtree (and in the
 * viewer's scope), rated from..to: the sum of the scores and their number. One statement per
 * prefix length, whatever the number of subtrees.
 */
async function serviceRatingsIn(ctx: SubgraphContext, prefixes: string[], from?: string | null, to?: string | null): Promise<Map<string, { num: number; den: number }>> {
  const out = new Map<string, { num: number; den: number }>();
  const period = between('r.at', from, to);
  for (const { spec } of subtreeGroups('divisionCode', prefixes)) {
    const where = and([{ sql: "r.targetType = 'Department'", params: [] }, departmentsWhere(ctx, spec.filter, spec.params), period]);
    const rows: Record<string, unknown>[] = await ctx.ds.query(
      `SELECT ${spec.key} AS grp, SUM(r.score) AS num, COUNT(*) AS den FROM rating r JOIN known_department t ON t.id = r.targetId WHERE ${where.sql} GROUP BY ${spec.key}`,
      where.params,
    );
    for (const r of rows) out.set(String(r.grp), { num: num(r.num), den: num(r.den) });
  }
  return out;
}

/**
 * The direct children of divisions, asked of places (their owner) with the caller's token: one
 * `_entities` request per GraphQL request for every division asked; null for a division places
 * does not know.
 */
async function childCodesOf(ctx: SubgraphContext, code: string): Promise<string[] | null> {
  return (await entityLoader<{ childCodes: string[] }>(ctx, 'Division', 'childCodes').load(code))?.childCodes ?? null;
}

/** Whether a child's subtree overlaps the viewer's scope: it lies in the scope, or the scope lies in it. */
function overlapsScope(ctx: SubgraphContext, child: string, prefix: string): boolean {
  if (inScope(ctx.viewer, child)) return true;
  const scope = ctx.viewer.scope ? parseDivisionCode(ctx.viewer.scope) : null;
  return !!scope && scope.code.startsWith(prefix);
}

/**
 * Division.childIssueRanking: the direct children (places' childCodes, every one that overlaps
 * the caller's scope) ranked by their Division.issueStats (reported from..to; the batched
 * statements of issueStats, one per prefix length) or by the ratings of the departments
 * serving them (serviceRatingsIn). Null when places does not know the division.
 */
export async function childIssueRankingOf(ctx: SubgraphContext, code: string, args: DivisionChildIssueRankingArgs) {
  requireDivisionCode(code, 'code');
  const codes = await childCodesOf(ctx, code);
  if (!codes) return null;
  const children = codes
    .map((c) => ({ code: c, prefix: requireDivisionCode(c, 'childCodes').prefix }))
    .filter((c) => overlapsScope(ctx, c.code, c.prefix));
  const { measure } = args;
  let rows: { key: string; id: string; numerator: number; denominator: number | null }[];
  if (measure === 'SERVICE_RATING') {
    const ratings = ctx.loaders.get(`serviceRatingsIn:${args.from ?? ''}:${args.to ?? ''}`, () =>
      valueLoader((keys: string[]) => serviceRatingsIn(ctx, keys, args.from, args.to), { num: 0, den: 0 }),
    );
    rows = await Promise.all(children.map(async (c) => ({ key: c.code, id: c.code, ...(await ratings.load(c.prefix).then((r) => ({ numerator: r.num, denominator: r.den }))) })));
  } else {
    rows = await Promise.all(
      children.map(async (c) => ({ key: c.code, id: c.code, ...issueMeasureOf(measure, await issueStatsOf(ctx, { from: args.from, to: args.to }, 'subtree', c.prefix)) })),
    );
  }
  return sliceConnection(rankedDivisions(rows, !!args.ascending), args);
}
