import { In } from 'typeorm';
import { byColumn, groupLoader, groupedConnectionLoaders, pageOf, rowLoader, type PageArgs, type SubgraphContext } from '@cadres/kit';
import { Cadre, Department, Liaison, type TargetType } from './entities';
import { today } from './dates';

/** Per-request loaders: one statement per entity type and argument set, whatever the list size. */
export const departmentById = (ctx: SubgraphContext) =>
  ctx.loaders.get('departmentById', () =>
    rowLoader((ids: string[]) => ctx.ds.getRepository(Department).findBy({ id: In(ids) }), (d) => d.id, 'Department'),
  );

export const cadreById = (ctx: SubgraphContext) =>
  ctx.loaders.get('cadreById', () =>
    rowLoader((ids: string[]) => ctx.ds.getRepository(Cadre).findBy({ id: In(ids) }), (c) => c.id, 'Cadre'),
  );

/** SQL (on alias `l`) for a link active today: not ended, or ending later. */
export const activeLiaison = (alias = 'l') => `(${alias}.until IS NULL OR ${alias}.until > :today)`;

/** Active links to targets of one type, by target id, oldest first. */
export const liaisonsByTarget = (ctx: SubgraphContext, type: TargetType) =>
  ctx.loaders.get(`liaisonsByTarget:${type}`, () =>
    groupLoader(
      (ids: string[]) =>
        ctx.ds
          .getRepository(Liaison)
          .createQueryBuilder('l')
          .where('l.targetType = :type AND l.targetId IN (:...ids)', { type, ids })
          .andWhere(activeLiaison(), { today: today(ctx) })
          .orderBy('l.since')
          .addOrderBy('l.id')
          .getMany(),
      (l) => l.targetId,
    ),
  );

/** Active links of cadres, by cadre id, oldest first. */
export const liaisonsByCadre = (ctx: SubgraphContext) =>
  ctx.loaders.get('liaisonsByCadre', () =>
    groupLoader(
      (ids: string[]) =>
        ctx.ds
          .getRepository(Liaison)
          .createQueryBuilder('l')
          .where('l.cadreId IN (:...ids)', { ids })
          .andWhere(activeLiaison(), { today: today(ctx) })
          .orderBy('l.since')
          .addOrderBy('l.id')
          .getMany(),
      (l) => l.cadreId,
    ),
  );

/** Cadre pages of many departments, for one (first, after). */
export function cadresOfDepartment(ctx: SubgraphContext, args: PageArgs) {
  const page = pageOf(args);
  return ctx.loaders.get(`cadresOfDepartment:${page.offset}:${page.limit}`, () =>
    groupedConnectionLoaders(ctx.ds, { entity: Cadre, orderBy: 't.id' }, page, byColumn('departmentId')),
  );
}
