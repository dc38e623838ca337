import { In } from 'typeorm';
import { bySubtree, groupedConnectionLoaders, pageOf, rowLoader, type PageArgs, type SubgraphContext } from '@cadres/kit';
import { Enterprise } from './entities';

/** Per-request loaders: one statement per entity type and argument set, whatever the list size. */
export const enterpriseById = (ctx: SubgraphContext) =>
  ctx.loaders.get('enterpriseById', () =>
    rowLoader((ids: string[]) => ctx.ds.getRepository(Enterprise).findBy({ id: In(ids) }), (e) => e.id, 'Enterprise'),
  );

export const enterpriseByCreditCode = (ctx: SubgraphContext) =>
  ctx.loaders.get('enterpriseByCreditCode', () =>
    rowLoader(
      (codes: string[]) => ctx.ds.getRepository(Enterprise).findBy({ creditCode: In(codes) }),
      (e) => e.creditCode,
      'Enterprise',
    ),
  );

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
