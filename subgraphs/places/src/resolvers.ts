import {
  loadOrNull,
  pageOf,
  parseDivisionCode,
  requireDivisionCode,
  searchPattern,
  toConnection,
  type PageArgs,
  type Resolvers,
  type SubgraphContext,
} from '@cadres/kit';
import { Building, BuildingUnit, Division } from './entities';
import { buildingById, buildingsIn, childrenOf, divisionByCode, grassrootsCodesIn, unitById, unitCountIn, unitsByBuilding } from './loaders';

type DivisionsArgs = PageArgs & { parentCode?: string | null; level?: string | null; search?: string | null };

/** Codes of the enclosing divisions, root first, read off the code itself. */
function ancestorCodes(code: string): string[] {
  const codes: string[] = [];
  for (let p = parseDivisionCode(code)?.parentCode; p; p = parseDivisionCode(p)?.parentCode) codes.unshift(p);
  return codes;
}

/** `%text%` for LIKE … ESCAPE '!' ('!' rather than a backslash, which MySQL string literals eat). */

async function divisions(ctx: SubgraphContext, args: DivisionsArgs) {
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
    division: (_: unknown, { code }: { code: string }, ctx: SubgraphContext) => {
      requireDivisionCode(code, 'code');
      return loadOrNull(divisionByCode(ctx), code);
    },
    divisions: (_: unknown, args: DivisionsArgs, ctx: SubgraphContext) => divisions(ctx, args),
    building: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => loadOrNull(buildingById(ctx), id),
    buildingUnit: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => loadOrNull(unitById(ctx), id),
  },
  Division: {
    __resolveReference: ({ code }: { code: string }, ctx: SubgraphContext) => loadOrNull(divisionByCode(ctx), code),
    parent: (d: Division, _: unknown, ctx: SubgraphContext) =>
      d.parentCode ? loadOrNull(divisionByCode(ctx), d.parentCode) : null,
    children: (d: Division, args: PageArgs & { level?: string | null }, ctx: SubgraphContext) =>
      childrenOf(ctx, args).load(d.code),
    ancestors: async (d: Division, _: unknown, ctx: SubgraphContext) => {
      const found = await divisionByCode(ctx).loadMany(ancestorCodes(d.code));
      return found.filter((a): a is Division => !(a instanceof Error));
    },
    buildings: (d: Division, args: PageArgs, ctx: SubgraphContext) =>
      buildingsIn(ctx, args).load(parseDivisionCode(d.code)!.prefix),
    // The two fields people's Division.coverage @requires: places owns the division list, so
    // the gateway fetches them here and hands them to people with the representation.
    villageAndCommunityCodes: (d: Division, _: unknown, ctx: SubgraphContext) =>
      grassrootsCodesIn(ctx).load(parseDivisionCode(d.code)!.prefix),
    buildingUnitCount: (d: Division, _: unknown, ctx: SubgraphContext) => unitCountIn(ctx).load(parseDivisionCode(d.code)!.prefix),
  },
  Building: {
    __resolveReference: ({ id }: { id: string }, ctx: SubgraphContext) => loadOrNull(buildingById(ctx), id),
    division: (b: Building, _: unknown, ctx: SubgraphContext) => divisionByCode(ctx).load(b.divisionCode),
    units: (b: Building, _: unknown, ctx: SubgraphContext) => unitsByBuilding(ctx).load(b.id),
  },
  BuildingUnit: {
    __resolveReference: ({ id }: { id: string }, ctx: SubgraphContext) => loadOrNull(unitById(ctx), id),
    building: (u: BuildingUnit, _: unknown, ctx: SubgraphContext) => buildingById(ctx).load(u.buildingId),
  },
};
