import { In } from 'typeorm';
import {
  byColumn,
  countByGroup,
  subtreeLoader,
  bySubtree,
  groupedConnectionLoaders,
  groupLoader,
  pageOf,
  rowsByKey,
  today,
  valueLoader,
  type Connection,
  type PageArgs,
  type SubgraphContext,
} from '@cadres/kit';
import {
  Cadre,
  Department,
  Household,
  HouseholdTagRow,
  Liaison,
  Resident,
  Visit,
  VisitCadre,
  householdTags,
  type HouseholdTag,
  type TargetType,
} from './entities';
import { visitScopeSql } from './access';

/** Per-request loaders: one statement per entity type and argument set, whatever the list size. */
export const departmentById = (ctx: SubgraphContext) => rowsByKey(ctx, Department, 'id');

export const cadreById = (ctx: SubgraphContext) => rowsByKey(ctx, Cadre, 'id');

/** SQL (on alias `l`) for a link active today: not ended, or ending later. */
export const activeLiaison = (alias = 'l') => `(${alias}.until IS NULL OR ${alias}.until > :today)`;

/** Links by `column` (a target id, a cadre id), oldest first: active ones, or with `includeEnded` the whole history. */
function liaisonsBy(ctx: SubgraphContext, column: 'targetId' | 'cadreId', type: TargetType | null, includeEnded: boolean) {
  return ctx.loaders.get(`liaisonsBy:${column}:${type}:${includeEnded}`, () =>
    groupLoader(
      (ids: string[]) => {
        const q = ctx.ds.getRepository(Liaison).createQueryBuilder('l').where(`l.${column} IN (:...ids)`, { ids });
        if (type) q.andWhere('l.targetType = :type', { type });
        if (!includeEnded) q.andWhere(activeLiaison(), { today: today(ctx) });
        return q.orderBy('l.since').addOrderBy('l.id').getMany();
      },
      (l) => l[column],
    ),
  );
}

/** Links to targets of one type, by target id, oldest first (active only unless includeEnded). */
export const liaisonsByTarget = (ctx: SubgraphContext, type: TargetType, includeEnded = false) =>
  liaisonsBy(ctx, 'targetId', type, includeEnded);

/** Links of cadres, by cadre id, oldest first (active only unless includeEnded). */
export const liaisonsByCadre = (ctx: SubgraphContext, includeEnded = false) =>
  liaisonsBy(ctx, 'cadreId', null, includeEnded);

/** Cadre pages of many departments, for one (first, after). */
export function cadresOfDepartment(ctx: SubgraphContext, args: PageArgs) {
  const page = pageOf(args);
  return ctx.loaders.get(`cadresOfDepartment:${page.offset}:${page.limit}`, () =>
    groupedConnectionLoaders(ctx.ds, { entity: Cadre, orderBy: 't.id' }, page, byColumn('departmentId')),
  );
}

/** The cadres (id and department only) of many departments, ordered by id: one statement, for Department.cadreIds. */
export const cadreIdsOfDepartment = (ctx: SubgraphContext) =>
  ctx.loaders.get('cadreIdsOfDepartment', () =>
    groupLoader(
      (ids: string[]) => ctx.ds.getRepository(Cadre).find({ select: { id: true, departmentId: true }, where: { departmentId: In(ids) }, order: { id: 'ASC' } }),
      (c) => c.departmentId,
    ),
  );

// ------------------------------------------------------------------ households and residents

export const householdById = (ctx: SubgraphContext) => rowsByKey(ctx, Household, 'id');

export const residentById = (ctx: SubgraphContext) => rowsByKey(ctx, Resident, 'id');

export const residentsByHousehold = (ctx: SubgraphContext) =>
  ctx.loaders.get('residentsByHousehold', () =>
    groupLoader(
      (ids: string[]) => ctx.ds.getRepository(Resident).find({ where: { householdId: In(ids) }, order: { id: 'ASC' } }),
      (r) => r.householdId,
    ),
  );

const tagOrder = new Map(householdTags.map((t, i) => [t, i]));

/** Tags of households, in the enum's order. */
export const tagsByHousehold = (ctx: SubgraphContext) =>
  ctx.loaders.get('tagsByHousehold', () =>
    groupLoader(
      async (ids: string[]) =>
        (await ctx.ds.getRepository(HouseholdTagRow).findBy({ householdId: In(ids) })).sort(
          (a, b) => tagOrder.get(a.tag)! - tagOrder.get(b.tag)!,
        ),
      (t) => t.householdId,
    ),
  );

/** Households of each subtree (key: a code prefix): Division.households' totalCount and Coverage.households, one statement for both. */
export const householdCount = (ctx: SubgraphContext) =>
  subtreeLoader(ctx, 'households:count', 'divisionCode', 0, (spec) => countByGroup(ctx.ds, { entity: Household, orderBy: 't.id' }, spec));

/**
 * Household pages of many subtrees (keys are code prefixes), ordered by id. With a tag, the
 * page is cut from household_tag, whose (tag, divisionCode) index is exactly that range; the
 * households are then read by id (one more statement).
 */
export function householdsIn(ctx: SubgraphContext, args: PageArgs & { tag?: HouseholdTag | null }) {
  const page = pageOf(args);
  const tag = args.tag ?? null;
  return ctx.loaders.get(`householdsIn:${tag}:${page.offset}:${page.limit}`, () => {
    if (!tag) return groupedConnectionLoaders(ctx.ds, { entity: Household, orderBy: 't.id' }, page, bySubtree('divisionCode'), (prefix) => householdCount(ctx).load(prefix));
    const tagged = groupedConnectionLoaders(
      ctx.ds,
      { entity: HouseholdTagRow, where: 't.tag = ?', params: [tag], orderBy: 't.householdId' },
      page,
      bySubtree('divisionCode'),
    );
    return {
      load: async (prefix: string): Promise<Connection<Household>> => {
        const c = await tagged.load(prefix);
        return { ...c, nodes: await Promise.all(c.nodes.map((t) => householdById(ctx).load(t.householdId))) };
      },
    };
  });
}

// ------------------------------------------------------------------ visits

export const visitById = (ctx: SubgraphContext) => rowsByKey(ctx, Visit, 'id');

export const cadresOfVisit = (ctx: SubgraphContext) =>
  ctx.loaders.get('cadresOfVisit', () =>
    groupLoader(
      (ids: string[]) => ctx.ds.getRepository(VisitCadre).find({ where: { visitId: In(ids) }, order: { cadreId: 'ASC' } }),
      (v) => v.visitId,
    ),
  );

export type VisitArgs = PageArgs & { from?: string | null; to?: string | null };

function dateRange(args: VisitArgs): { where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  if (args.from) (where.push('t.date >= ?'), params.push(args.from));
  if (args.to) (where.push('t.date <= ?'), params.push(args.to));
  return { where, params };
}

/** Visit pages of many cadres, newest first, for one (from, to, first, after). */
export function visitsOfCadre(ctx: SubgraphContext, args: VisitArgs) {
  const page = pageOf(args);
  const range = dateRange(args);
  // A cadre's visits outside the viewer's scope are absent (a city cadre seen from a district).
  const scope = visitScopeSql(ctx.viewer, 'v');
  if (scope) {
    range.where.push(`EXISTS (SELECT 1 FROM visit v WHERE v.id = t.visitId AND ${scope.sql})`);
    range.params.push(...scope.params);
  }
  return ctx.loaders.get(`visitsOfCadre:${args.from}:${args.to}:${page.offset}:${page.limit}`, () => {
    const rows = groupedConnectionLoaders(
      ctx.ds,
      { entity: VisitCadre, orderBy: 't.date DESC, t.visitId DESC', ...(range.where.length ? { where: range.where.join(' AND '), params: range.params } : {}) },
      page,
      byColumn('cadreId'),
    );
    return {
      // The visits are loaded when `nodes` is resolved, not before the connection is returned:
      // otherwise a cadre without visits in the period returned sooner than the others and asked
      // for its totalCount in a count statement of its own.
      // (graphql-js resolves a function-valued field by calling it, as it does totalCount's.)
      load: async (cadreId: string): Promise<Connection<Visit>> => {
        const c = await rows.load(cadreId);
        const nodes = () => Promise.all(c.nodes.map((v) => visitById(ctx).load(v.visitId)));
        return { ...c, nodes: nodes as unknown as Visit[] };
      },
    };
  });
}

/**
 * Visit pages of many targets of one type, newest first, for one (from, to, first, after). A
 * household's visits lie where it does (seen with it); those of targets people does not own
 * (an enterprise's, a unit's) are cut to the viewer's scope.
 */
export function visitsOfTarget(ctx: SubgraphContext, type: TargetType, args: VisitArgs) {
  const page = pageOf(args);
  const range = dateRange(args);
  const scope = type === 'Household' ? null : visitScopeSql(ctx.viewer, 't');
  if (scope) (range.where.push(scope.sql), range.params.push(...scope.params));
  return ctx.loaders.get(`visitsOfTarget:${type}:${args.from}:${args.to}:${page.offset}:${page.limit}`, () =>
    groupedConnectionLoaders(
      ctx.ds,
      { entity: Visit, orderBy: 't.date DESC, t.id DESC', where: ['t.targetType = ?', ...range.where].join(' AND '), params: [type, ...range.params] },
      page,
      byColumn('targetId'),
    ),
  );
}

/** Number of visits to households in [from, to]. */
export const householdVisitCounts = (ctx: SubgraphContext, from: string, to: string) =>
  ctx.loaders.get(`householdVisitCounts:${from}:${to}`, () =>
    valueLoader(async (ids: string[]) => {
      const rows: { targetId: string; n: unknown }[] = await ctx.ds
        .getRepository(Visit)
        .createQueryBuilder('v')
        .select('v.targetId', 'targetId')
        .addSelect('COUNT(*)', 'n')
        .where("v.targetType = 'Household' AND v.targetId IN (:...ids) AND v.date >= :from AND v.date <= :to", { ids, from, to })
        .groupBy('v.targetId')
        .getRawMany();
      return new Map(rows.map((r) => [r.targetId, Number(r.n)]));
    }, 0),
  );

/** The households the viewer's cadre (token claim cadreId) is actively linked to: one statement per request. */
export const linkedHouseholdsOfViewer = (ctx: SubgraphContext): Promise<ReadonlySet<string>> =>
  ctx.loaders.get('linkedHouseholdsOfViewer', async () => {
    if (!ctx.viewer.cadreId) return new Set<string>();
    const rows = await ctx.ds
      .getRepository(Liaison)
      .createQueryBuilder('l')
      .select('l.targetId', 'targetId')
      .where("l.cadreId = :cadreId AND l.targetType = 'Household'", { cadreId: ctx.viewer.cadreId })
      .andWhere(activeLiaison(), { today: today(ctx) })
      .getRawMany<{ targetId: string }>();
    return new Set(rows.map((r) => r.targetId));
  });
