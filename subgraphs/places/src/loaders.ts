import { In } from 'typeorm';
import { groupLoader, groupedConnectionLoaders, bySubtree, byColumn, countsByGroup, idsByGroup, pageOf, rowsByKey, subtreeLoader, type PageArgs, type SubgraphContext } from '@cadres/kit';
import { Building, BuildingUnit, Division } from './entities';

/** Per-request loaders: one statement per entity type and argument set, whatever the list size. */
export const divisionByCode = (ctx: SubgraphContext) => rowsByKey(ctx, Division, 'code');

export const buildingById = (ctx: SubgraphContext) => rowsByKey(ctx, Building, 'id');

export const unitById = (ctx: SubgraphContext) => rowsByKey(ctx, BuildingUnit, 'id');

export const unitsByBuilding = (ctx: SubgraphContext) =>
  ctx.loaders.get('unitsByBuilding', () =>
    groupLoader(
      (ids: string[]) => ctx.ds.getRepository(BuildingUnit).find({ where: { buildingId: In(ids) }, order: { id: 'ASC' } }),
      (u) => u.buildingId,
    ),
  );

/** Children pages of many parents, for one (level, first, after). */
export function childrenOf(ctx: SubgraphContext, args: PageArgs & { level?: string | null }) {
  const page = pageOf(args);
  const level = args.level ?? null;
  return ctx.loaders.get(`children:${level}:${page.offset}:${page.limit}`, () =>
    groupedConnectionLoaders(
      ctx.ds,
      { entity: Division, orderBy: 't.code', ...(level ? { where: 't.level = ?', params: [level] } : {}) },
      page,
      byColumn('parentCode'),
    ),
  );
}

/** The codes of the direct children of many parents, ordered: one statement whatever their number. */
export const childCodesOf = (ctx: SubgraphContext) =>
  ctx.loaders.get('childCodesOf', () =>
    groupLoader(
      async (codes: string[]) => (await ctx.ds.getRepository(Division).find({ select: { code: true, parentCode: true }, where: { parentCode: In(codes) }, order: { code: 'ASC' } })),
      (d) => d.parentCode!,
    ),
  );

/** Building pages of many subtrees (keys are code prefixes), for one (first, after). */
export function buildingsIn(ctx: SubgraphContext, args: PageArgs) {
  const page = pageOf(args);
  return ctx.loaders.get(`buildings:${page.offset}:${page.limit}`, () =>
    groupedConnectionLoaders(ctx.ds, { entity: Building, orderBy: 't.id' }, page, bySubtree('divisionCode')),
  );
}

/** Village and community codes of many subtrees (keys are code prefixes), ordered: one statement per prefix length. */
export const grassrootsCodesIn = (ctx: SubgraphContext) =>
  subtreeLoader(ctx, 'grassrootsCodesIn', 'code', [] as string[], async (spec) =>
    idsByGroup(await ctx.ds.query(`SELECT ${spec.key} AS grp, t.code AS id FROM division t WHERE (${spec.filter}) AND t.level IN ('VILLAGE', 'COMMUNITY') ORDER BY t.code`, spec.params)),
  );

/** Village and community counts of many subtrees (keys are code prefixes): one statement per prefix length. */
export const grassrootsCountIn = (ctx: SubgraphContext) =>
  subtreeLoader(ctx, 'grassrootsCountIn', 'code', 0, async (spec) =>
    countsByGroup(await ctx.ds.query(`SELECT ${spec.key} AS grp, COUNT(*) AS n FROM division t WHERE (${spec.filter}) AND t.level IN ('VILLAGE', 'COMMUNITY') GROUP BY ${spec.key}`, spec.params)),
  );

/** Building-unit ids of many subtrees (keys are code prefixes), ordered: one statement per prefix length. */
export const unitIdsIn = (ctx: SubgraphContext) =>
  subtreeLoader(ctx, 'unitIdsIn', 'divisionCode', [] as string[], async (spec) =>
    idsByGroup(await ctx.ds.query(`SELECT ${spec.key} AS grp, u.id AS id FROM building_unit u JOIN building t ON t.id = u.buildingId WHERE ${spec.filter} ORDER BY u.id`, spec.params)),
  );

/** Building-unit counts of many subtrees (keys are code prefixes): one statement per prefix length. */
export const unitCountIn = (ctx: SubgraphContext) =>
  subtreeLoader(ctx, 'unitCountIn', 'divisionCode', 0, async (spec) =>
    countsByGroup(await ctx.ds.query(`SELECT ${spec.key} AS grp, COUNT(*) AS n FROM building_unit u JOIN building t ON t.id = u.buildingId WHERE ${spec.filter} GROUP BY ${spec.key}`, spec.params)),
  );
