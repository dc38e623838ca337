import {
  byColumn,
  bySubtree,
  entityLoader,
  groupLoader,
  groupedConnectionLoaders,
  hydrate,
  pageOf,
  rowsByKey,
  toConnection,
  valueLoader,
  type PageArgs,
  type SubgraphContext,
} from '@cadres/kit';
import { In } from 'typeorm';
import { mayRead, readableDemandSql, readableSql } from './access';
import { CoHandler, DeadlineExtension, Demand, DemandEvent, DemandTaker, Issue, IssueEvent, Meeting, type DemandStatus } from './entities';
import type { PublishedList } from './generated/graphql';
import type { PublishedItemMapper } from './mappers';
import { ISSUE_ORDER, and, between, filterSql, num, subtreeSql, type IssueFilter, type Where } from './sql';

/** Per-request loaders: one statement per entity type and argument set, whatever the list size. */
export const issueById = (ctx: SubgraphContext) => rowsByKey(ctx, Issue, 'id');

export const issueByRef = (ctx: SubgraphContext) => rowsByKey(ctx, Issue, 'ref');

/** Issue.history: every event of many issues in one statement, oldest first. */
export const historyOf = (ctx: SubgraphContext) =>
  ctx.loaders.get('historyOf', () =>
    groupLoader(
      (ids: string[]) => ctx.ds.getRepository(IssueEvent).find({ where: { issueId: In(ids) }, order: { issueId: 'ASC', seq: 'ASC' } }),
      (e) => e.issueId,
    ),
  );

/** Issue.deadlineExtensions of many issues in one statement, oldest first. */
export const extensionsOf = (ctx: SubgraphContext) =>
  ctx.loaders.get('extensionsOf', () =>
    groupLoader(
      (ids: string[]) =>
        ctx.ds.getRepository(DeadlineExtension).find({ where: { issueId: In(ids) }, order: { issueId: 'ASC', seq: 'ASC' } }),
      (e) => e.issueId,
    ),
  );

/** Rows of `entity` for many issues in one statement, in the order they were added (seq). */
const byIssue = <T extends { issueId: string }>(ctx: SubgraphContext, entity: new () => T, name: string) =>
  ctx.loaders.get(name, () =>
    groupLoader(
      (ids: string[]) => ctx.ds.getRepository(entity).find({ where: { issueId: In(ids) } as never, order: { issueId: 'ASC', seq: 'ASC' } as never }),
      (r) => r.issueId,
    ),
  );

/** Issue.coHandlers and Issue.meetings. */
export const coHandlersOf = (ctx: SubgraphContext) => byIssue(ctx, CoHandler, 'coHandlersOf');
export const meetingsOf = (ctx: SubgraphContext) => byIssue(ctx, Meeting, 'meetingsOf');

/** Visit.raisedIssues, oldest first: those the viewer may read. */
export const raisedDuring = (ctx: SubgraphContext) =>
  ctx.loaders.get('raisedDuring', () =>
    groupLoader(
      async (ids: string[]) =>
        (await ctx.ds.getRepository(Issue).find({ where: { visitId: In(ids) }, order: { reportedAt: 'ASC', ref: 'ASC' } })).filter((i) =>
          mayRead(ctx.viewer, i),
        ),
      (i) => i.visitId!,
    ),
  );

type Owner = 'subtree' | 'Household' | 'Enterprise' | 'Project' | 'reporter';

/**
 * Issue pages of many owners (subtrees, households, enterprises, projects, reporters) for one (filter,
 * first, after): one statement for the pages and one for the counts, whatever the number of
 * owners. Only the issues the viewer may read (access.ts), in the pages and in the counts.
 */
export function issuesOf(ctx: SubgraphContext, owner: Owner, filter: IssueFilter | null | undefined, args: PageArgs) {
  const page = pageOf(args);
  return ctx.loaders.get(`issues:${owner}:${JSON.stringify(filter ?? null)}:${page.offset}:${page.limit}`, () => {
    const parts: Where[] = [readableSql(ctx.viewer), filterSql(filter, ctx.now())];
    if (owner === 'Household' || owner === 'Enterprise' || owner === 'Project') parts.push({ sql: 't.subjectType = ?', params: [owner] });
    const where = and(parts);
    const specs = owner === 'subtree' ? bySubtree('divisionCode') : byColumn(owner === 'reporter' ? 'reporterId' : 'subjectId');
    return groupedConnectionLoaders(
      ctx.ds,
      { entity: Issue, orderBy: ISSUE_ORDER, ...(where.sql ? { where: where.sql, params: where.params } : {}) },
      page,
      specs,
    );
  });
}

/** Query.issues: one page, anywhere or in a subtree, of what the viewer may read; the count runs only when asked for. */
export async function issuesPage(ctx: SubgraphContext, divisionCode: string | null, filter: IssueFilter | null | undefined, args: PageArgs) {
  const page = pageOf(args);
  const where = and([readableSql(ctx.viewer), divisionCode ? subtreeSql(divisionCode) : { sql: '', params: [] }, filterSql(filter, ctx.now())]);
  const clause = where.sql ? ` WHERE ${where.sql}` : '';
  const raw: Record<string, unknown>[] = await ctx.ds.query(
    `SELECT t.* FROM issue t${clause} ORDER BY ${ISSUE_ORDER} LIMIT ${page.limit + 1} OFFSET ${page.offset}`,
    where.params,
  );
  const rows = raw.map((r) => hydrate(ctx.ds, Issue, r));
  return toConnection(rows, page, async () => {
    const [r] = await ctx.ds.query(`SELECT COUNT(*) AS n FROM issue t${clause}`, where.params);
    return num(r.n);
  });
}

export interface EvaluationSummary {
  count: number;
  average: number | null;
  satisfactionRate: number | null;
}

const noRatings: EvaluationSummary = { count: 0, average: null, satisfactionRate: null };

/** Ratings counted, their scores summed and those >= 4 counted: what a summary is made of, and what adds up over many cadres. */
interface Tally {
  n: number;
  total: number;
  good: number;
}

const noTally: Tally = { n: 0, total: 0, good: 0 };

const summaryOf = (t: Tally): EvaluationSummary => (t.n ? { count: t.n, average: t.total / t.n, satisfactionRate: t.good / t.n } : noRatings);

/**
 * Tallies of the ratings many cadres or departments received (or enterprises gave), within
 * `period` (over `rating r`): one GROUP BY statement.
 */
async function ratingTallies(ctx: SubgraphContext, side: 'Cadre' | 'Department' | 'Enterprise', ids: string[], period: Where): Promise<Map<string, Tally>> {
  const [typeColumn, idColumn] = side === 'Enterprise' ? ['r.raterType', 'r.raterId'] : ['r.targetType', 'r.targetId'];
  const where = and([{ sql: `${typeColumn} = ? AND ${idColumn} IN (${ids.map(() => '?').join(', ')})`, params: [side, ...ids] }, period]);
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    `SELECT ${idColumn} AS k, COUNT(*) AS n, SUM(r.score) AS total, SUM(CASE WHEN r.score >= 4 THEN 1 ELSE 0 END) AS good` +
      ` FROM rating r WHERE ${where.sql} GROUP BY ${idColumn}`,
    where.params,
  );
  return new Map(rows.map((r) => [String(r.k), { n: num(r.n), total: num(r.total), good: num(r.good) }]));
}

const always: Where = { sql: '', params: [] };

/**
 * 双评 summaries of many cadres or departments (ratings they received) or enterprises (ratings
 * they gave): one GROUP BY statement per batch.
 */
export function evaluationsOf(ctx: SubgraphContext, side: 'Cadre' | 'Department' | 'Enterprise') {
  return ctx.loaders.get(`evaluations:${side}`, () =>
    valueLoader(async (ids: string[]) => {
      const tallies = await ratingTallies(ctx, side, ids, always);
      return new Map([...tallies].map(([k, t]) => [k, summaryOf(t)] as const));
    }, noRatings),
  );
}

/** Residents' ratings of many cadres made from..to (Beijing dates): one statement per batch, whatever the departments they come from. */
const cadreTallies = (ctx: SubgraphContext, from: string | null | undefined, to: string | null | undefined) =>
  ctx.loaders.get(`cadreTallies:${from ?? ''}:${to ?? ''}`, () => valueLoader((ids: string[]) => ratingTallies(ctx, 'Cadre', ids, between('r.at', from, to)), noTally));

/**
 * Department.cadreEvaluations: the ratings of every cadre who is now the department's, as people
 * says (Department.cadreIds; issues keeps no copy of who belongs where), totalled. People is asked
 * once per request for every department asked, and the ratings of all their cadres are read in
 * one statement. Null for a department people does not show the caller.
 */
export async function cadreEvaluationsOf(ctx: SubgraphContext, departmentId: string, from?: string | null, to?: string | null): Promise<EvaluationSummary | null> {
  between('r.at', from, to); // a bad period is BAD_USER_INPUT before people is asked
  const department = await entityLoader<{ cadreIds: string[] }>(ctx, 'Department', 'cadreIds').load(departmentId);
  if (!department) return null;
  const tallies = await Promise.all(department.cadreIds.map((id) => cadreTallies(ctx, from, to).load(id)));
  return summaryOf(tallies.reduce((a, t) => ({ n: a.n + t.n, total: a.total + t.total, good: a.good + t.good }), noTally));
}

export const demandById = (ctx: SubgraphContext) => rowsByKey(ctx, Demand, 'id');
export const demandByRef = (ctx: SubgraphContext) => rowsByKey(ctx, Demand, 'ref');

/** Demand.takers (in the order they took it) and Demand.history (oldest first) of many demands: one statement each. */
const byDemand = <T extends { demandId: string }>(ctx: SubgraphContext, entity: new () => T, name: string) =>
  ctx.loaders.get(name, () =>
    groupLoader(
      (ids: string[]) => ctx.ds.getRepository(entity).find({ where: { demandId: In(ids) } as never, order: { demandId: 'ASC', seq: 'ASC' } as never }),
      (r) => r.demandId,
    ),
  );
export const takersOf = (ctx: SubgraphContext) => byDemand(ctx, DemandTaker, 'takersOf');
export const demandHistoryOf = (ctx: SubgraphContext) => byDemand(ctx, DemandEvent, 'demandHistoryOf');

const statusIn = (statuses: readonly string[] | null | undefined): Where =>
  statuses?.length ? { sql: `t.status IN (${statuses.map(() => '?').join(', ')})`, params: [...statuses] } : { sql: '', params: [] };

/** Demand pages of many subtrees for one (where, order, page): one statement for the pages, one for the counts. */
function demandPages(ctx: SubgraphContext, name: string, where: Where, orderBy: string, args: PageArgs) {
  const page = pageOf(args);
  return ctx.loaders.get(`${name}:${page.offset}:${page.limit}`, () =>
    groupedConnectionLoaders(ctx.ds, { entity: Demand, orderBy, ...(where.sql ? { where: where.sql, params: where.params } : {}) }, page, bySubtree('divisionCode')),
  );
}

/** Division.demands: newest first, what the viewer may read (access.ts), of the statuses asked for. */
export const demandsOf = (ctx: SubgraphContext, statuses: readonly DemandStatus[] | null | undefined, args: PageArgs) =>
  demandPages(ctx, `demands:${JSON.stringify(statuses ?? null)}`, and([readableDemandSql(ctx.viewer, 'readDemand'), statusIn(statuses)]), 't.orderedAt DESC, t.ref DESC', args);

/** The published lists: which demands each holds, and the instant each entered it (its order, newest first, and PublishedItem.at). */
export const publishedLists = {
  NEEDS: { statuses: ['OPENED', 'TAKEN', 'DONE', 'DELIBERATED'], at: 'openedAt' },
  RECTIFICATION: { statuses: ['TAKEN'], at: 'takenAt' },
  RESULTS: { statuses: ['DONE', 'DELIBERATED'], at: 'doneAt' },
} as const satisfies Record<PublishedList, { statuses: readonly DemandStatus[]; at: 'openedAt' | 'takenAt' | 'doneAt' }>;

/** Division.publishedList: a page of public lines (no description, no orderer, no cadre), for every role in its scope. */
export async function publishedListOf(ctx: SubgraphContext, list: PublishedList, args: PageArgs, prefix: string) {
  const { statuses, at } = publishedLists[list];
  const where = and([readableDemandSql(ctx.viewer, 'readPublished'), statusIn(statuses)]);
  const page = await demandPages(ctx, `published:${list}`, where, `t.${at} DESC, t.ref DESC`, args).load(prefix);
  const nodes = page.nodes.map(
    (d): PublishedItemMapper => ({ id: d.id, ref: d.ref, title: d.title, divisionCode: d.divisionCode, status: d.status, result: d.result, at: d[at]! }),
  );
  return { ...page, nodes };
}
