import { loadOrNull, pageOf, type SubgraphContext } from '@cadres/kit';
import { cadrePhone, mayRead, mayReadAt } from './access';
import { coverageInCampaign, departmentActivity, departmentRanking, divisionActivity, divisionRanking } from './activity';
import { idNumberReads } from './audit';
import { cadres, registerCadre } from './cadres';
import type { PeopleConfig } from './config';
import { coverageOf, coverageResolvers, departmentCoverage } from './coverage';
import { campaignById, campaignResolvers, campaigns, createCampaign, ranksOf, updateCampaign, visibleCampaign } from './campaigns';
import { departments, registerDepartment, updateDepartment } from './departments';
import { Household, type TargetType } from './entities';
import type { Resolvers } from './generated/graphql';
import { addResident, divisionHouseholdTags, divisionHouseholds, householdResolvers, registerHousehold } from './households';
import { helpRecordById, helpRecordsOfCadre, recordHelp, visibleHelpRecord } from './help';
import {
  assessFirstSecretary,
  assessmentsOf,
  createPledge,
  divisionPrefix,
  firstSecretaries,
  pledgeById,
  pledgesIn,
  pledgesOfCadre,
  setPledgeStatus,
  stationedDays,
  visiblePledge,
} from './fieldwork';
import { linkCadre, unlinkCadre } from './liaisons';
import {
  cadreById,
  cadreIdsOfDepartment,
  cadresOfDepartment,
  cadresOfVisit,
  departmentById,
  householdById,
  liaisonsByCadre,
  liaisonsByTarget,
  residentById,
  visitById,
  visitsOfCadre,
  visitsOfTarget,
  type VisitArgs,
} from './loaders';
import type { LiaisonTargetMapper } from './mappers';
import { recordVisit } from './visits';
import { visibleCadre, visibleCadres, visibleDepartment, visibleHousehold, visibleLiaisons, visibleResident, visibleVisit } from './visible';

/**
 * The object a LiaisonTarget resolves to. Households are people's own and are loaded; the
 * other types belong to places or enterprises, so an entity reference is enough: the gateway
 * completes it from the owner.
 */
export async function targetOf(ctx: SubgraphContext, type: TargetType, id: string): Promise<LiaisonTargetMapper | null> {
  if (type === 'Household') return visibleHousehold(ctx, await householdById(ctx).load(id));
  return type === 'Division' ? { __typename: type, code: id } : { __typename: type, id };
}

/** Entity types other subgraphs own: people only adds fields, so the reference is the object. */
const stub = <T>(ref: T) => ref;

/** A division outside the viewer's reach is null: `_entities`, and its fields everywhere. */
const divisionStub = <T extends { code: string }>(ref: T, ctx: SubgraphContext) => (mayReadAt(ctx.viewer, ref.code) ? ref : null);
const inReach = <T>(ctx: SubgraphContext, code: string, value: () => T) => (mayReadAt(ctx.viewer, code) ? value() : null);

/** A unit, enterprise or project: people adds its links and visits (those in the viewer's scope; null for those who read no people data). */
const elsewhereOwned = (type: 'BuildingUnit' | 'Enterprise' | 'Project') => ({
  __resolveReference: stub,
  liaisons: async (t: { id: string }, args: { includeEnded?: boolean | null }, ctx: SubgraphContext) =>
    visibleLiaisons(ctx, await liaisonsByTarget(ctx, type, !!args.includeEnded).load(t.id)),
  visits: (t: { id: string }, args: VisitArgs, ctx: SubgraphContext) => (mayRead(ctx.viewer) ? visitsOfTarget(ctx, type, args).load(t.id) : null),
});

/** People's resolvers, for its settings (the default visit quota). */
export const createResolvers = (config: PeopleConfig): Resolvers => ({
  Query: {
    cadre: async (_, { id }, ctx) => visibleCadre(ctx, await loadOrNull(cadreById(ctx), id)),
    cadres: (_, args, ctx) => cadres(ctx, args),
    department: async (_, { id }, ctx) => visibleDepartment(ctx, await loadOrNull(departmentById(ctx), id)),
    departments: (_, args, ctx) => departments(ctx, args),
    campaign: async (_, { id }, ctx) => visibleCampaign(ctx, await loadOrNull(campaignById(ctx), id)),
    campaigns: (_, args, ctx) => campaigns(ctx, args),
    household: async (_, { id }, ctx) => visibleHousehold(ctx, await loadOrNull(householdById(ctx), id)),
    idNumberReads: (_, args, ctx) => idNumberReads(ctx, args),
  },
  Mutation: {
    registerCadre: (_, args, ctx) => registerCadre(ctx, args),
    registerHousehold: (_, args, ctx) => registerHousehold(ctx, args),
    addResident: (_, args, ctx) => addResident(ctx, args),
    linkCadre: (_, args, ctx) => linkCadre(ctx, args),
    unlinkCadre: (_, args, ctx) => unlinkCadre(ctx, args),
    recordVisit: (_, args, ctx) => recordVisit(ctx, args),
    registerDepartment: (_, args, ctx) => registerDepartment(ctx, args),
    updateDepartment: (_, args, ctx) => updateDepartment(ctx, args),
    createCampaign: (_, args, ctx) => createCampaign(ctx, args),
    updateCampaign: (_, args, ctx) => updateCampaign(ctx, args),
    recordHelp: (_, args, ctx) => recordHelp(ctx, args),
    assessFirstSecretary: (_, args, ctx) => assessFirstSecretary(ctx, args),
    createPledge: (_, args, ctx) => createPledge(ctx, args),
    setPledgeStatus: (_, args, ctx) => setPledgeStatus(ctx, args),
  },
  // `liaisons` on a target type: active links (with includeEnded, past ones too), one statement
  // for any number of targets; only those the viewer sees (visible.ts), null for those who read no people data.
  Division: {
    __resolveReference: divisionStub,
    liaisons: (d, args, ctx) => inReach(ctx, d.code, async () => visibleLiaisons(ctx, await liaisonsByTarget(ctx, 'Division', !!args.includeEnded).load(d.code))),
    households: (d, args, ctx) => divisionHouseholds(ctx, d.code, args),
    householdTags: (d, args, ctx) => divisionHouseholdTags(ctx, d.code, args),
    activity: (d, args, ctx, info) => inReach(ctx, d.code, () => divisionActivity(ctx, d.code, args, info)),
    departmentRanking: (d, args, ctx) => inReach(ctx, d.code, () => departmentRanking(ctx, d.code, args, pageOf(args))),
    divisionRanking: (d, args, ctx) => inReach(ctx, d.code, () => divisionRanking(ctx, d.childCodes, args)),
    coverageIn: (d, args, ctx) => inReach(ctx, d.code, () => coverageInCampaign(ctx, d, args.campaignId)),
    coverage: (d, args, ctx) => inReach(ctx, d.code, () => coverageOf(ctx, d, args, config)),
    firstSecretaries: (d, args, ctx) => inReach(ctx, d.code, () => firstSecretaries(ctx, args).load(divisionPrefix(d.code))),
    pledges: (d, args, ctx) => inReach(ctx, d.code, () => pledgesIn(ctx, args).load(divisionPrefix(d.code))),
  },
  BuildingUnit: elsewhereOwned('BuildingUnit'),
  Enterprise: elsewhereOwned('Enterprise'),
  Project: elsewhereOwned('Project'),
  // A department seen has its cadres seen (a cadre is where its department is).
  Department: {
    __resolveReference: async ({ id }, ctx) => visibleDepartment(ctx, await loadOrNull(departmentById(ctx), id)),
    cadres: (d, args, ctx) => cadresOfDepartment(ctx, args).load(d.id),
    // Seen as Department.cadres is: every cadre of a department the viewer sees (it is null otherwise).
    cadreIds: async (d, _, ctx) => (await cadreIdsOfDepartment(ctx).load(d.id)).map((c) => c.id),
    leader: async (d, _, ctx) => (d.leaderCadreId ? visibleCadre(ctx, await loadOrNull(cadreById(ctx), d.leaderCadreId)) : null),
    activity: (d, args, ctx, info) => departmentActivity(ctx, d, args, info),
    coverage: (d, args, ctx) => departmentCoverage(ctx, d, args.campaignId, config),
  },
  Cadre: {
    __resolveReference: async ({ id }, ctx) => visibleCadre(ctx, await loadOrNull(cadreById(ctx), id)),
    rank: (c) => c.cadreRank,
    department: (c, _, ctx) => departmentById(ctx).load(c.departmentId),
    phone: (c, _, ctx) => cadrePhone(ctx.viewer, c.phone),
    liaisons: async (c, args, ctx) => (await visibleLiaisons(ctx, await liaisonsByCadre(ctx, !!args.includeEnded).load(c.id))) ?? [],
    visits: (c, args, ctx) => visitsOfCadre(ctx, args).load(c.id),
    helpRecords: (c, args, ctx) => helpRecordsOfCadre(ctx, args)(c.id),
    stationedDays: (c, args, ctx) => stationedDays(ctx, c.id, args),
    pledges: (c, _, ctx) => pledgesOfCadre(ctx, c.id),
  },
  // A household seen has its residents, links (but those of cadres unseen) and visits seen.
  Household: {
    ...householdResolvers.Household,
    liaisons: async (h, args, ctx) => (await visibleLiaisons(ctx, await liaisonsByTarget(ctx, 'Household', !!args.includeEnded).load(h.id))) ?? [],
    visits: (h, args, ctx) => visitsOfTarget(ctx, 'Household', args).load(h.id),
  },
  Resident: householdResolvers.Resident,
  Liaison: {
    cadre: (l, _, ctx) => cadreById(ctx).load(l.cadreId),
    target: (l, _, ctx) => targetOf(ctx, l.targetType, l.targetId),
    assessments: (l, _, ctx) => (l.role === 'FIRST_SECRETARY' ? assessmentsOf(ctx).load(l.id) : []),
  },
  Pledge: {
    __resolveReference: async ({ id }, ctx) => visiblePledge(ctx, await loadOrNull(pledgeById(ctx), id)),
    division: (p, _, ctx) => divisionStub({ code: p.divisionCode }, ctx),
    leadCadre: (p, _, ctx) => cadreById(ctx).load(p.leadCadreId),
  },
  Visit: {
    __resolveReference: async ({ id }, ctx) => visibleVisit(ctx, await loadOrNull(visitById(ctx), id)),
    cadres: async (v, _, ctx) => visibleCadres(ctx, await Promise.all((await cadresOfVisit(ctx).load(v.id)).map((vc) => cadreById(ctx).load(vc.cadreId)))),
    target: (v, _, ctx) => targetOf(ctx, v.targetType, v.targetId),
  },
  Campaign: {
    __resolveReference: async ({ id }, ctx) => visibleCampaign(ctx, await loadOrNull(campaignById(ctx), id)),
    from: (c) => c.dateFrom,
    to: (c) => c.dateTo,
    rules: (c) => ({ ...c, rankedLiaisonRanks: ranksOf(c) }),
    ...campaignResolvers,
  },
  HelpRecord: {
    __resolveReference: async ({ id }, ctx) => visibleHelpRecord(ctx, await loadOrNull(helpRecordById(ctx), id)),
    cadre: (h, _, ctx) => cadreById(ctx).load(h.cadreId),
    target: (h, _, ctx) => (h.targetType && h.targetId ? targetOf(ctx, h.targetType, h.targetId) : null),
    funds: (h) => h.fundsFen / 100,
  },
  IdNumberRead: {
    resident: async (a, _, ctx) => visibleResident(ctx, await loadOrNull(residentById(ctx), a.residentId)),
  },
  LiaisonTarget: {
    __resolveType: (t) => (t instanceof Household ? 'Household' : t.__typename),
  },
  ...coverageResolvers,
});
