import { In } from 'typeorm';
import { groupLoader, groupedConnectionLoaders, bySubtree, byColumn, pageOf, rowLoader, type PageArgs, type SubgraphContext } from '@cadres/kit';
import { Building, BuildingUnit, Division } from './entities';

/** Per-request loaders: one statement per entity type and argument set, whatever the list size. */
export const divisionByCode = (ctx: SubgraphContext) =>
  ctx.loaders.get('divisionByCode', () =>
    rowLoader((codes: string[]) => ctx.ds.getRepository(Division).findBy({ code: In(codes) }), (d) => d.code, 'Division'),
  );

export const buildingById = (ctx: SubgraphContext) =>
  ctx.loaders.get('buildingById', () =>
    rowLoader((ids: string[]) => ctx.ds.getRepository(Building).findBy({ id: In(ids) }), (b) => b.id, 'Building'),
  );

export const unitById = (ctx: SubgraphContext) =>
  ctx.loaders.get('unitById', () =>
    rowLoader((ids: string[]) => ctx.ds.getRepository(BuildingUnit).findBy({ id: In(ids) }), (u) => u.id, 'BuildingUnit'),
  );

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

/** Building pages of many subtrees (keys are code prefixes), for one (first, after). */
export function buildingsIn(ctx: SubgraphContext, args: PageArgs) {
  const page = pageOf(args);
  return ctx.loaders.get(`buildings:${page.offset}:${page.limit}`, () =>
    groupedConnectionLoaders(ctx.ds, { entity: Building, orderBy: 't.id' }, page, bySubtree('divisionCode')),
  );
}
