import {
  loadOrNull,
  pageOf,
  parseDivisionCode,
  requireDivisionCode,
  searchPattern,
  toConnection,
  type SubgraphContext,
} from '@cadres/kit';
import { mayReadAt, readableRange, visible } from './access';
import { Division, type Building, type BuildingUnit } from './entities';
import type { QueryDivisionsArgs, Resolvers } from './generated/graphql';
import { buildingById, buildingsIn, childCodesOf, childrenOf, divisionByCode, grassrootsCodesIn, grassrootsCountIn, unitById, unitCountIn, unitIdsIn, unitsByBuilding } from './loaders';

/** Codes of the enclosing divisions, root first, read off the code itself. */
function ancestorCodes(code: string): string[] {
  const codes: string[] = [];
  for (let p = parseDivisionCode(code)?.parentCode; p; p = parseDivisionCode(p)?.parentCode) codes.unshift(p);
  return codes;
}

async function divisions(ctx: SubgraphContext, args: QueryDivisionsArgs) {
  const page = pageOf(args);
  if (args.parentCode != null) requireDivisionCode(args.parentCode, 'parentCode');
  const readable = readableRange(ctx.viewer, 'divisions');
  if (readable === 'none') return toConnection([], page, 0);
  const q = ctx.ds.getRepository(Division).createQueryBuilder('d');
  if (readable !== 'all') q.andWhere('d.code >= :lo AND d.code < :hi', readable);
  if (args.parentCode != null) q.andWhere('d.parentCode = :parent', { parent: args.parentCode });
  if (args.level) q.andWhere('d.level = :level', { level: args.level });
  const search = searchPattern(args.search);
  if (search) q.andWhere("d.name LIKE :search ESCAPE '!'", { search });
  const rows = await q.clone().orderBy('d.code').offset(page.offset).limit(page.limit + 1).getMany();
  return toConnection(rows, page, () => q.getCount());
}

const visibleDivision = (ctx: SubgraphContext, d: Division | null) => visible(ctx.viewer, 'divisions', d, (x) => x.code);
const visibleBuilding = (ctx: SubgraphContext, b: Building | null) => visible(ctx.viewer, 'buildings', b, (x) => x.divisionCode);

/** The division by code, or null when there is none or the viewer may not see it. */
const divisionOrNull = async (ctx: SubgraphContext, code: string) => visibleDivision(ctx, await loadOrNull(divisionByCode(ctx), code));

/** A unit lies in its building's division: its building is read only for a scoped viewer. */
async function visibleUnit(ctx: SubgraphContext, u: BuildingUnit | null): Promise<BuildingUnit | null> {
  if (!u || readableRange(ctx.viewer, 'buildings') === 'all') return u;
  return visibleBuilding(ctx, await loadOrNull(buildingById(ctx), u.buildingId)) ? u : null;
}

export const resolvers: Resolvers = {
  Query: {
    division: (_, { code }, ctx) => {
      requireDivisionCode(code, 'code');
      return divisionOrNull(ctx, code);
    },
    divisions: (_, args, ctx) => divisions(ctx, args),
    building: async (_, { id }, ctx) => visibleBuilding(ctx, await loadOrNull(buildingById(ctx), id)),
    buildingUnit: async (_, { id }, ctx) => visibleUnit(ctx, await loadOrNull(unitById(ctx), id)),
  },
  Department: {
    parentDivision: ({ divisionCode }, _, ctx) => divisionOrNull(ctx, divisionCode),
  },
  Division: {
    __resolveReference: ({ code }, ctx) => divisionOrNull(ctx, code),
    // Above a scope lie divisions outside it: a scoped viewer's own top division has no parent.
    parent: (d, _, ctx) => (d.parentCode ? divisionOrNull(ctx, d.parentCode) : null),
    children: (d, args, ctx) => childrenOf(ctx, args).load(d.code),
    ancestors: async (d, _, ctx) => {
      const codes = ancestorCodes(d.code).filter((code) => mayReadAt(ctx.viewer, 'divisions', code));
      const found = await divisionByCode(ctx).loadMany(codes);
      return found.filter((a): a is Division => !(a instanceof Error));
    },
    buildings: (d, args, ctx) => buildingsIn(ctx, args).load(parseDivisionCode(d.code)!.prefix),
    // The two counts people's Division.coverage @requires (places owns the division list, so the
    // gateway fetches them here and hands them to people), and the lists people asks for itself
    // only when a client reads the villages or units coverage lists.
    villageAndCommunityCount: (d, _, ctx) => grassrootsCountIn(ctx).load(parseDivisionCode(d.code)!.prefix),
    villageAndCommunityCodes: (d, _, ctx) => grassrootsCodesIn(ctx).load(parseDivisionCode(d.code)!.prefix),
    buildingUnitCount: (d, _, ctx) => unitCountIn(ctx).load(parseDivisionCode(d.code)!.prefix),
    buildingUnitIds: (d, _, ctx) => unitIdsIn(ctx).load(parseDivisionCode(d.code)!.prefix),
    // What people's and issues' division rankings rank (@requires): the children, even those with nothing to count.
    childCodes: async (d, _, ctx) => (await childCodesOf(ctx).load(d.code)).map((c) => c.code),
  },
  Building: {
    __resolveReference: async ({ id }, ctx) => visibleBuilding(ctx, await loadOrNull(buildingById(ctx), id)),
    division: (b, _, ctx) => divisionByCode(ctx).load(b.divisionCode),
    units: (b, _, ctx) => unitsByBuilding(ctx).load(b.id),
  },
  BuildingUnit: {
    __resolveReference: async ({ id }, ctx) => visibleUnit(ctx, await loadOrNull(unitById(ctx), id)),
    building: (u, _, ctx) => buildingById(ctx).load(u.buildingId),
  },
};
