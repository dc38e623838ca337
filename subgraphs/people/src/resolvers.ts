import { loadOrNull, type SubgraphContext } from '@cadres/kit';
import { cadrePhone } from './access';
import { cadres, registerCadre } from './cadres';
import type { PeopleConfig } from './config';
import { coverageOf, coverageResolvers } from './coverage';
import { Household, type TargetType } from './entities';
import type { Resolvers } from './generated/graphql';
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
} from './loaders';
import type { LiaisonTargetMapper } from './mappers';
import { recordVisit } from './visits';

/**
 * The object a LiaisonTarget resolves to. Households are people's own and are loaded; the
 * other types belong to places or enterprises, so an entity reference is enough: the gateway
 * completes it from the owner.
 */
export async function targetOf(ctx: SubgraphContext, type: TargetType, id: string): Promise<LiaisonTargetMapper> {
  if (type === 'Household') return householdById(ctx).load(id);
  return type === 'Division' ? { __typename: type, code: id } : { __typename: type, id };
}

/** Entity types other subgraphs own: people only adds fields, so the reference is the object. */
const stub = <T>(ref: T) => ref;

/** People's resolvers, for its settings (the default visit quota). */
export const createResolvers = (config: PeopleConfig): Resolvers => ({
  Query: {
    cadre: (_, { id }, ctx) => loadOrNull(cadreById(ctx), id),
    cadres: (_, args, ctx) => cadres(ctx, args),
    department: (_, { id }, ctx) => loadOrNull(departmentById(ctx), id),
    household: (_, { id }, ctx) => loadOrNull(householdById(ctx), id),
  },
  Mutation: {
    registerCadre: (_, args, ctx) => registerCadre(ctx, args),
    registerHousehold: (_, args, ctx) => registerHousehold(ctx, args),
    addResident: (_, args, ctx) => addResident(ctx, args),
    linkCadre: (_, args, ctx) => linkCadre(ctx, args),
    unlinkCadre: (_, args, ctx) => unlinkCadre(ctx, args),
    recordVisit: (_, args, ctx) => recordVisit(ctx, args),
  },
  // `liaisons` on a target type: active links, one statement for any number of targets.
  Division: {
    __resolveReference: stub,
    liaisons: (d, _, ctx) => liaisonsByTarget(ctx, 'Division').load(d.code),
    households: (d, args, ctx) => divisionHouseholds(ctx, d.code, args),
    coverage: (d, args) => coverageOf(d, args, config),
  },
  BuildingUnit: { __resolveReference: stub, liaisons: (u, _, ctx) => liaisonsByTarget(ctx, 'BuildingUnit').load(u.id) },
  Enterprise: { __resolveReference: stub, liaisons: (e, _, ctx) => liaisonsByTarget(ctx, 'Enterprise').load(e.id) },
  Project: { __resolveReference: stub, liaisons: (p, _, ctx) => liaisonsByTarget(ctx, 'Project').load(p.id) },
  Department: {
    __resolveReference: ({ id }, ctx) => loadOrNull(departmentById(ctx), id),
    cadres: (d, args, ctx) => cadresOfDepartment(ctx, args).load(d.id),
  },
  Cadre: {
    __resolveReference: ({ id }, ctx) => loadOrNull(cadreById(ctx), id),
    rank: (c) => c.cadreRank,
    department: (c, _, ctx) => departmentById(ctx).load(c.departmentId),
    phone: (c, _, ctx) => cadrePhone(ctx.viewer, c.phone),
    liaisons: (c, _, ctx) => liaisonsByCadre(ctx).load(c.id),
    visits: (c, args, ctx) => visitsOfCadre(ctx, args).load(c.id),
  },
  Household: {
    ...householdResolvers.Household,
    liaisons: (h, _, ctx) => liaisonsByTarget(ctx, 'Household').load(h.id),
    visits: (h, args, ctx) => visitsOfTarget(ctx, 'Household', args).load(h.id),
  },
  Resident: householdResolvers.Resident,
  Liaison: {
    cadre: (l, _, ctx) => cadreById(ctx).load(l.cadreId),
    target: (l, _, ctx) => targetOf(ctx, l.targetType, l.targetId),
  },
  Visit: {
    __resolveReference: ({ id }, ctx) => loadOrNull(visitById(ctx), id),
    cadres: async (v, _, ctx) => Promise.all((await cadresOfVisit(ctx).load(v.id)).map((vc) => cadreById(ctx).load(vc.cadreId))),
    target: (v, _, ctx) => targetOf(ctx, v.targetType, v.targetId),
  },
  LiaisonTarget: {
    __resolveType: (t) => (t instanceof Household ? 'Household' : t.__typename),
  },
  ...coverageResolvers,
});
