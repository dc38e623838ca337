import { In } from 'typeorm';
import {
  byColumn,
  bySubtree,
  groupLoader,
  groupedConnectionLoaders,
  pageOf,
  countsByGroup,
  idsByGroup,
  rowsByKey,
  subtreeLoader,
  today,
  type PageArgs,
  type SubgraphContext,
} from '@cadres/kit';
import { Enterprise, Project, ProjectProgress } from './entities';
import { lightSql, type Light, type LightRules } from './light';

/** Per-request loaders: one statement per entity type and argument set, whatever the list size. */
export const enterpriseById = (ctx: SubgraphContext) => rowsByKey(ctx, Enterprise, 'id');
export const enterpriseByCreditCode = (ctx: SubgraphContext) => rowsByKey(ctx, Enterprise, 'creditCode');

/** Enterprise pages of many subtrees (keys are division-code prefixes), for one (category, first, after). */
export function enterprisesIn(ctx: SubgraphContext, args: PageArgs & { category?: string | null }) {
  const page = pageOf(args);
  const category = args.category ?? null;
  return ctx.loaders.get(`enterprisesIn:${category}:${page.offset}:${page.limit}`, () =>
    groupedConnectionLoaders(
      ctx.ds,
      { entity: Enterprise, orderBy: 't.id', ...(category ? { where: 't.category = ?', params: [category] } : {}) },
      page,
      bySubtree('divisionCode'),
    ),
  );
}

/** Enterprise ids of many subtrees (keys are division-code prefixes), ordered: one statement per prefix length. */
export const enterpriseIdsIn = (ctx: SubgraphContext) =>
  subtreeLoader(ctx, 'enterpriseIdsIn', 'divisionCode', [] as string[], async (spec) =>
    idsByGroup(await ctx.ds.query(`SELECT ${spec.key} AS grp, t.id AS id FROM enterprise t WHERE ${spec.filter} ORDER BY t.id`, spec.params)),
  );

/** Enterprise counts of many subtrees (keys are division-code prefixes): one statement per prefix length. */
export const enterpriseCountIn = (ctx: SubgraphContext) =>
  subtreeLoader(ctx, 'enterpriseCountIn', 'divisionCode', 0, async (spec) =>
    countsByGroup(await ctx.ds.query(`SELECT ${spec.key} AS grp, COUNT(*) AS n FROM enterprise t WHERE ${spec.filter} GROUP BY ${spec.key}`, spec.params)),
  );

/** Re-exported for the resolvers: the one definition of "today" (read once per request) is kit's. */
export { today };

export const projectById = (ctx: SubgraphContext) => rowsByKey(ctx, Project, 'id');

export const projectsByEnterprise = (ctx: SubgraphContext) =>
  ctx.loaders.get('projectsByEnterprise', () =>
    groupLoader(
      (ids: string[]) => ctx.ds.getRepository(Project).find({ where: { enterpriseId: In(ids) }, order: { id: 'ASC' } }),
      (p) => p.enterpriseId,
    ),
  );

/**
 * Project pages of many subtrees (keys are division-code prefixes), for one (light, first,
 * after). The light is computed in SQL (see light.ts), so filtering stays one statement per
 * code length, like the unfiltered list; the subtree range on siteCode is what the index serves.
 * `owners`: only projects whose enterprise lies in this code range (a scoped viewer's; null for all).
 */
export function projectsIn(
  ctx: SubgraphContext,
  rules: LightRules,
  args: PageArgs & { light?: Light | null },
  owners: { lo: string; hi: string } | null,
) {
  const page = pageOf(args);
  const light = args.light ?? null;
  return ctx.loaders.get(`projectsIn:${light}:${page.offset}:${page.limit}:${owners?.lo}`, () => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (light) {
      const filter = lightSql(today(ctx), rules);
      where.push(`${filter.sql} = ?`);
      params.push(...filter.params, light);
    }
    if (owners) {
      const enterprise = ctx.ds.driver.escape(ctx.ds.getMetadata(Enterprise).tableName);
      where.push(`t.enterpriseId IN (SELECT e.id FROM ${enterprise} e WHERE e.divisionCode >= ? AND e.divisionCode < ?)`);
      params.push(owners.lo, owners.hi);
    }
    return groupedConnectionLoaders(
      ctx.ds,
      { entity: Project, orderBy: 't.id', ...(where.length ? { where: where.map((w) => `(${w})`).join(' AND '), params } : {}) },
      page,
      bySubtree('siteCode'),
    );
  });
}

/** Progress-report pages of many projects, oldest first, for one (first, after). */
export function reportsOf(ctx: SubgraphContext, args: PageArgs) {
  const page = pageOf(args);
  return ctx.loaders.get(`reportsOf:${page.offset}:${page.limit}`, () =>
    groupedConnectionLoaders(ctx.ds, { entity: ProjectProgress, orderBy: 't.seq' }, page, byColumn('projectId')),
  );
}
