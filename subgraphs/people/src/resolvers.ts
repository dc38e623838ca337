import { loadOrNull, type PageArgs, type Resolvers, type SubgraphContext } from '@cadres/kit';
import { cadrePhone } from './access';
import { cadres, registerCadre, type CadresArgs, type RegisterCadreArgs } from './cadres';
import type { PeopleConfig } from './config';
import { coverageOf, coverageResolvers } from './coverage';
import { Cadre, Department, Household, Liaison, Visit, type HouseholdTag, type TargetType } from './entities';
import { addResident, divisionHouseholds, householdResolvers, registerHousehold } from './households';
import { linkCadre, unlinkCadre } from './liaisons';
import {
  cadreById,
  cadresOfDepartment,
  cadresOfVisit,
  departmentById,
  householdById,
  liaisonsByCadre,
  liaisonsByTarget,
  visitById,
  visitsOfCadre,
  visitsOfTarget,
  type VisitArgs,
} from './loaders';
import { recordVisit } from './visits';

/**
 * The object a LiaisonTarget resolves to. Households are people's own and are loaded; the
 * other types belong to places or enterprises, so an entity reference is enough: the gateway
 * completes it from the owner.
 */
export async function targetOf(ctx: SubgraphContext, type: TargetType, id: string): Promise<object> {
  if (type === 'Household') return householdById(ctx).load(id);
  return type === 'Division' ? { __typename: type, code: id } : { __typename: type, id };
}

/** `liaisons` on a target type: active links, one statement for any number of targets. */
const liaisonsOn = (type: TargetType, key: 'code' | 'id') => (ref: Record<string, string>, _: unknown, ctx: SubgraphContext) =>
  liaisonsByTarget(ctx, type).load(ref[key]);

/** Entity types other subgraphs own: people only adds fields, so the reference is the object. */
const stub = <T>(ref: T) => ref;

/** People's resolvers, for its settings (the default visit quota). */
export const createResolvers = (config: PeopleConfig): Resolvers => ({
  Query: {
    cadre: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => loadOrNull(cadreById(ctx), id),
    cadres: (_: unknown, args: CadresArgs, ctx: SubgraphContext) => cadres(ctx, args),
    department: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => loadOrNull(departmentById(ctx), id),
    household: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => loadOrNull(householdById(ctx), id),
  },
  Mutation: {
    registerCadre: (_: unknown, args: RegisterCadreArgs, ctx: SubgraphContext) => registerCadre(ctx, args),
    registerHousehold: (_: unknown, args: Parameters<typeof registerHousehold>[1], ctx: SubgraphContext) => registerHousehold(ctx, args),
    addResident: (_: unknown, args: Parameters<typeof addResident>[1], ctx: SubgraphContext) => addResident(ctx, args),
    linkCadre: (_: unknown, args: Parameters<typeof linkCadre>[1], ctx: SubgraphContext) => linkCadre(ctx, args),
    unlinkCadre: (_: unknown, args: Parameters<typeof unlinkCadre>[1], ctx: SubgraphContext) => unlinkCadre(ctx, args),
    recordVisit: (_: unknown, args: Parameters<typeof recordVisit>[1], ctx: SubgraphContext) => recordVisit(ctx, args),
  },
  Division: {
    __resolveReference: stub,
    liaisons: liaisonsOn('Division', 'code'),
    households: (d: { code: string }, args: PageArgs & { tag?: HouseholdTag | null }, ctx: SubgraphContext) =>
      divisionHouseholds(ctx, d.code, args),
    coverage: (d: Parameters<typeof coverageOf>[0], args: { visitQuota?: number | null }) => coverageOf(d, args, config),
  },
  BuildingUnit: { __resolveReference: stub, liaisons: liaisonsOn('BuildingUnit', 'id') },
  Enterprise: { __resolveReference: stub, liaisons: liaisonsOn('Enterprise', 'id') },
  Project: { __resolveReference: stub, liaisons: liaisonsOn('Project', 'id') },
  Department: {
    __resolveReference: ({ id }: { id: string }, ctx: SubgraphContext) => loadOrNull(departmentById(ctx), id),
    cadres: (d: Department, args: PageArgs, ctx: SubgraphContext) => cadresOfDepartment(ctx, args).load(d.id),
  },
  Cadre: {
    __resolveReference: ({ id }: { id: string }, ctx: SubgraphContext) => loadOrNull(cadreById(ctx), id),
    rank: (c: Cadre) => c.cadreRank,
    department: (c: Cadre, _: unknown, ctx: SubgraphContext) => departmentById(ctx).load(c.departmentId),
    phone: (c: Cadre, _: unknown, ctx: SubgraphContext) => cadrePhone(ctx.viewer, c.phone),
    liaisons: (c: Cadre, _: unknown, ctx: SubgraphContext) => liaisonsByCadre(ctx).load(c.id),
    visits: (c: Cadre, args: VisitArgs, ctx: SubgraphContext) => visitsOfCadre(ctx, args).load(c.id),
  },
  Household: {
    ...householdResolvers.Household,
    liaisons: (h: Household, _: unknown, ctx: SubgraphContext) => liaisonsByTarget(ctx, 'Household').load(h.id),
    visits: (h: Household, args: VisitArgs, ctx: SubgraphContext) => visitsOfTarget(ctx, 'Household', args).load(h.id),
  },
  Resident: householdResolvers.Resident,
  Liaison: {
    cadre: (l: Liaison, _: unknown, ctx: SubgraphContext) => cadreById(ctx).load(l.cadreId),
    target: (l: Liaison, _: unknown, ctx: SubgraphContext) => targetOf(ctx, l.targetType, l.targetId),
  },
  Visit: {
    __resolveReference: ({ id }: { id: string }, ctx: SubgraphContext) => loadOrNull(visitById(ctx), id),
    cadres: async (v: Visit, _: unknown, ctx: SubgraphContext) =>
      Promise.all((await cadresOfVisit(ctx).load(v.id)).map((vc) => cadreById(ctx).load(vc.cadreId))),
    target: (v: Visit, _: unknown, ctx: SubgraphContext) => targetOf(ctx, v.targetType, v.targetId),
  },
  LiaisonTarget: {
    __resolveType: (t: { __typename?: string }) => (t instanceof Household ? 'Household' : t.__typename),
  },
  ...coverageResolvers,
});
