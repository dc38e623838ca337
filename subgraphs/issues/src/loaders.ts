import {
  byColumn,
  bySubtree,
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
import { ISSUE_ORDER, and, filterSql, num, subtreeSql, type IssueFilter, type Where } from './sql';

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

/**
 * 双评 summaries of many cadres or departments (ratings they received) or enterprises (ratings
 * they gave): one GROUP BY statement per batch.
 */
export function evaluationsOf(ctx: SubgraphContext, side: 'Cadre' | 'Department' | 'Enterprise') {
  return ctx.loaders.get(`evaluations:${side}`, () =>
    valueLoader(async (ids: string[]) => {
      const [typeColumn, idColumn] = side === 'Enterprise' ? ['raterType', 'raterId'] : ['targetType', 'targetId'];
      const rows: Record<string, unknown>[] = await ctx.ds.query(
        `SELECT ${idColumn} AS k, COUNT(*) AS n, SUM(score) AS total, SUM(CASE WHEN score >= 4 THEN 1 ELSE 0 END) AS good` +
          ` FROM rating WHERE ${typeColumn} = ? AND ${idColumn} IN (${ids.map(() => '?').join(', ')}) GROUP BY ${idColumn}`,
        [side, ...ids],
      );
      return new Map(
        rows.map((r) => {
          const n = num(r.n);
          return [String(r.k), { count: n, average: num(r.total) / n, satisfactionRate: num(r.good) / n }] as const;
        }),
      );
    }, noRatings),
  );
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
