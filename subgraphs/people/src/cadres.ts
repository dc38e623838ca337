import { randomUUID } from 'node:crypto';
import { createOnceFor, idempotencyKeyArg, notFound, pageOf, requireText, searchPattern, toConnection, type SubgraphContext } from '@cadres/kit';
import { departmentScopeSql, mayRead, requireMayWrite, requireWriteScope } from './access';
import { Cadre, Department } from './entities';
import type { MutationRegisterCadreArgs, QueryCadresArgs } from './generated/graphql';
import { optionalPhone } from './phones';

/** Query.cadres: those of the departments the viewer sees (access.ts), none for those who read no people data. */
export async function cadres(ctx: SubgraphContext, args: QueryCadresArgs) {
  const page = pageOf(args);
  const q = ctx.ds.getRepository(Cadre).createQueryBuilder('c');
  if (!mayRead(ctx.viewer)) return toConnection([], page, 0);
  const scope = departmentScopeSql(ctx.viewer, 'd');
  if (scope) q.innerJoin(Department, 'd', 'd.id = c.departmentId').andWhere(scope.sql, scope.params);
  if (args.departmentId != null) q.andWhere('c.departmentId = :dept', { dept: args.departmentId });
  if (args.rank) q.andWhere('c.cadreRank = :rank', { rank: args.rank });
  const search = searchPattern(args.search);
  if (search) q.andWhere("c.name LIKE :search ESCAPE '!'", { search });
  const rows = await q.clone().orderBy('c.id').offset(page.offset).limit(page.limit + 1).getMany();
  return toConnection(rows, page, () => q.getCount());
}

export async function registerCadre(ctx: SubgraphContext, args: MutationRegisterCadreArgs): Promise<Cadre> {
  requireMayWrite(ctx, 'registerCadre');
  const name = requireText(args.name, 'name', 50);
  const phone = optionalPhone(args.phone, 'phone');
  const key = idempotencyKeyArg(args.idempotencyKey);
  const input = { name, rank: args.rank, departmentId: args.departmentId, partyMember: args.partyMember, phone };
  return createOnceFor(ctx, { operation: 'registerCadre', key, input }, {
    replay: (em, id) => em.findOneByOrFail(Cadre, { id }),
    create: async (em) => {
      const department = await em.findOneBy(Department, { id: args.departmentId });
      if (!department) throw notFound('Department', args.departmentId, 'departmentId');
      requireWriteScope(ctx, department.divisionCode, 'departmentId');
      const cadre = em.create(Cadre, {
        id: randomUUID(),
        name,
        cadreRank: args.rank,
        departmentId: args.departmentId,
        partyMember: args.partyMember,
        phone,
        version: 1,
      });
      await em.insert(Cadre, cadre);
      return cadre;
    },
  });
}
