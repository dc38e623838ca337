import {
  loadOrNull,
  pageOf,
  parseDivisionCode,
  requireDivisionCode,
  searchPattern,
  toConnection,
  type SubgraphContext,
} from '@cadres/kit';
import { Division } from './entities';
import type { QueryDivisionsArgs, Resolvers } from './generated/graphql';
import { buildingById, buildingsIn, childrenOf, divisionByCode, grassrootsCodesIn, unitById, unitCountIn, unitsByBuilding } from './loaders';

/** Codes of the enclosing divisions, root first, read off the code itself. */
function ancestorCodes(code: string): string[] {
  const codes: string[] = [];
  for (let p = parseDivisionCode(code)?.parentCode; p; p = parseDivisionCode(p)?.parentCode) codes.unshift(p);
  return codes;
}

async function divisions(ctx: SubgraphContext, args: QueryDivisionsArgs) {
  const page = pageOf(args);
  const q = ctx.ds.getRepository(Division).createQueryBuilder('d');
  if (args.parentCode != null) {
    requireDivisionCode(args.parentCode, 'parentCode');
    q.andWhere('d.parentCode = :parent', { parent: args.parentCode });
  }
  if (args.level) q.andWhere('d.level = :level', { level: args.level });
  const search = searchPattern(args.search);
  if (search) q.andWhere("d.name LIKE :search ESCAPE '!'", { search });
  const rows = await q.clone().orderBy('d.code').offset(page.offset).limit(page.limit + 1).getMany();
  return toConnection(rows, page, () => q.getCount());
}

export const resolvers: Resolvers = {
  Query: {
    division: (_, { code }, ctx) => {
      requireDivisionCode(code, 'code');
      return loadOrNull(divisionByCode(ctx), code);
    },
    divisions: (_, args, ctx) => divisions(ctx, args),
    building: (_, { id }, ctx) => loadOrNull(buildingById(ctx), id),
    buildingUnit: (_, { id }, ctx) => loadOrNull(unitById(ctx), id),
  },
  Division: {
    __resolveReference: ({ code }, ctx) => loadOrNull(divisionByCode(ctx), code),
    parent: (d, _, ctx) => (d.parentCode ? loadOrNull(divisionByCode(ctx), d.parentCode) : null),
    children: (d, args, ctx) => childrenOf(ctx, args).load(d.code),
    ancestors: async (d, _, ctx) => {
      const found = await divisionByCode(ctx).loadMany(ancestorCodes(d.code));
      return found.filter((a): a is Division => !(a instanceof Error));
    },
    buildings: (d, args, ctx) => buildingsIn(ctx, args).load(parseDivisionCode(d.code)!.prefix),
    // The two fields people's Division.coverage @requires: places owns the division list, so
    // the gateway fetches them here and hands them to people with the representation.
    villageAndCommunityCodes: (d, _, ctx) => grassrootsCodesIn(ctx).load(parseDivisionCode(d.code)!.prefix),
    buildingUnitCount: (d, _, ctx) => unitCountIn(ctx).load(parseDivisionCode(d.code)!.prefix),
  },
  Building: {
    __resolveReference: ({ id }, ctx) => loadOrNull(buildingById(ctx), id),
    division: (b, _, ctx) => divisionByCode(ctx).load(b.divisionCode),
    units: (b, _, ctx) => unitsByBuilding(ctx).load(b.id),
  },
  BuildingUnit: {
    __resolveReference: ({ id }, ctx) => loadOrNull(unitById(ctx), id),
    building: (u, _, ctx) => buildingById(ctx).load(u.buildingId),
  },
};
