import { randomUUID } from 'node:crypto';
import {
  badInput,
  conflict,
  createOnceFor,
  fetchEntities,
  idempotencyKeyArg,
  insertUnique,
  loadOrNull,
  normalizeIdNumber,
  notFound,
  requireDivisionCode,
  requireExisting,
  requireText,
  requireVersion,
  subtreeLoader,
  today,
  updateVersioned,
  type SubgraphContext,
} from '@cadres/kit';
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager } from 'typeorm';
import { periodOf } from './activity';
import { maskPersonal, mayListByTag, mayReadAt, personalView, requireMayWrite, requireWriteScope, type PersonalView } from './access';
import { auditIdNumberRead } from './audit';
import { activeOn, linksDay } from './coverage';
import { Household, HouseholdTagRow, Resident, householdTags, type HouseholdTag } from './entities';
import type { DivisionHouseholdTagsArgs, DivisionHouseholdsArgs, HouseholdTagCount, MutationAddResidentArgs, MutationRegisterHouseholdArgs, ResidentInput, Resolvers } from './generated/graphql';
import {
  householdById,
  householdVisitCounts,
  householdsIn,
  linkedHouseholdsOfViewer,
  residentById,
  residentsByHousehold,
  tagsByHousehold,
} from './loaders';
import { visibleHousehold, visibleResident } from './visible';
import { optionalPhone } from './phones';

/** A validated resident input; `field` prefixes the error fields (`head.idNumber`). */
function checkResident(ctx: SubgraphContext, input: ResidentInput, field: string) {
  const name = requireText(input.name, `${field}.name`, 50);
  const id = normalizeIdNumber(input.idNumber, ctx.now());
  if ('error' in id) throw badInput(`${field}.idNumber`, `${field}.idNumber ${id.error}`);
  return { name, idNumber: id.value, phone: optionalPhone(input.phone, `${field}.phone`) };
}

async function insertResident(em: EntityManager, row: Resident, field: string): Promise<void> {
  const duplicate = () => conflict(`A resident with this ID number is already registered`, `${field}.idNumber`);
  if (await em.existsBy(Resident, { idNumber: row.idNumber })) throw duplicate();
  await insertUnique(em, Resident, row, duplicate);
}

export async function registerHousehold(ctx: SubgraphContext, args: MutationRegisterHouseholdArgs): Promise<Household> {
  requireMayWrite(ctx, 'registerHousehold');
  const info = requireDivisionCode(args.divisionCode, 'divisionCode');
  if (info.level !== 'VILLAGE' && info.level !== 'COMMUNITY') {
    throw badInput('divisionCode', `divisionCode must be a village or community, and ${args.divisionCode} is a ${info.level.toLowerCase()}`);
  }
  // Before places is asked: places hides what lies outside the caller's scope (NOT_FOUND).
  requireWriteScope(ctx, args.divisionCode, 'divisionCode');
  const head = checkResident(ctx, args.head, 'head');
  const tags = householdTags.filter((t) => args.tags?.includes(t));
  const key = idempotencyKeyArg(args.idempotencyKey);
  const input = { divisionCode: args.divisionCode, unitId: args.unitId ?? null, head, tags };
  return createOnceFor(ctx, { operation: 'registerHousehold', key, input }, {
    // Places is asked only by a first attempt: a retry the record answers works while places is down.
    prepare: async () => {
      if (args.unitId != null) {
        // Places owns building units: ask it whether the unit exists and where it stands.
        const [unit] = await fetchEntities<{ building: { division: { code: string } } }>(
          ctx,
          'places',
          [{ __typename: 'BuildingUnit', id: args.unitId }],
          '... on BuildingUnit { building { division { code } } }',
        );
        if (!unit) throw notFound('BuildingUnit', args.unitId, 'unitId');
        if (unit.building.division.code !== args.divisionCode) {
          throw badInput('unitId', `building unit ${args.unitId} is not in division ${args.divisionCode}`);
        }
      } else {
        await requireExisting(ctx, [{ type: 'Division', id: args.divisionCode, field: 'divisionCode' }]);
      }
    },
    replay: (em, id) => em.findOneByOrFail(Household, { id }),
    create: async (em) => {
      const household = em.create(Household, { id: randomUUID(), divisionCode: args.divisionCode, unitId: args.unitId ?? null, headId: null, version: 1 });
      const resident = em.create(Resident, { id: randomUUID(), householdId: household.id, ...head, version: 1 });
      household.headId = resident.id;
      await em.insert(Household, household);
      await insertResident(em, resident, 'head');
      if (tags.length) await em.insert(HouseholdTagRow, tags.map((tag) => ({ householdId: household.id, tag, divisionCode: household.divisionCode })));
      return household;
    },
  });
}

export async function addResident(ctx: SubgraphContext, args: MutationAddResidentArgs): Promise<Resident> {
  requireMayWrite(ctx, 'addResident');
  const input = checkResident(ctx, args.resident, 'resident');
  const key = idempotencyKeyArg(args.idempotencyKey);
  const request = { householdId: args.householdId, resident: input, expectedVersion: args.expectedVersion ?? null };
  // A retry is answered before the version check: the first attempt moved the household's version on.
  return createOnceFor(ctx, { operation: 'addResident', key, input: request }, {
    replay: (em, id) => em.findOneByOrFail(Resident, { id }),
    create: async (em) => {
      const household = await em.findOneBy(Household, { id: args.householdId });
      if (!household) throw notFound('Household', args.householdId, 'householdId');
      requireWriteScope(ctx, household.divisionCode, 'householdId');
      requireVersion('Household', household, args.expectedVersion);
      const resident = em.create(Resident, { id: randomUUID(), householdId: household.id, ...input, version: 1 });
      await insertResident(em, resident, 'resident');
      // The household's membership changed: its version moves on (conditionally, so that a
      // concurrent change to the household makes this one fail rather than both pass).
      if (!(await updateVersioned(em, Household, household, {}))) throw conflict(`Household ${household.id} changed meanwhile`, 'householdId');
      return resident;
    },
  });
}

/** How the viewer reads a household's personal data (access.ts). */
const personalViewOf = (ctx: SubgraphContext, householdId: string): Promise<PersonalView> =>
  personalView(ctx.viewer, householdId, () => linkedHouseholdsOfViewer(ctx));

/** A resident's personal field in the clear or masked, per access.ts; an unmasked ID number read is audited first. */
async function personal(ctx: SubgraphContext, info: GraphQLResolveInfo, r: Resident, field: 'idNumber' | 'phone'): Promise<string | null> {
  const value = r[field];
  if (value == null) return null;
  if ((await personalViewOf(ctx, r.householdId)) === 'masked') return maskPersonal(field, value);
  if (field === 'idNumber') await auditIdNumberRead(ctx, info, r.id);
  return value;
}

export const householdResolvers = {
  Household: {
    __resolveReference: async ({ id }, ctx) => visibleHousehold(ctx, await loadOrNull(householdById(ctx), id)),
    division: (h) => ({ code: h.divisionCode }),
    unit: (h) => (h.unitId ? { id: h.unitId } : null),
    head: (h, _, ctx) => residentById(ctx).load(h.headId!),
    members: (h, _, ctx) => residentsByHousehold(ctx).load(h.id),
    tags: async (h, _, ctx) => ((await personalViewOf(ctx, h.id)) === 'plain' ? (await tagsByHousehold(ctx).load(h.id)).map((t) => t.tag) : []),
    visitsThisYear: (h, _, ctx) => {
      const year = today(ctx).slice(0, 4);
      return householdVisitCounts(ctx, `${year}-01-01`, `${year}-12-31`).load(h.id);
    },
  },
  Resident: {
    __resolveReference: async ({ id }, ctx) => visibleResident(ctx, await loadOrNull(residentById(ctx), id)),
    idNumber: (r, _, ctx, info) => personal(ctx, info, r, 'idNumber'),
    phone: (r, _, ctx, info) => personal(ctx, info, r, 'phone'),
    household: (r, _, ctx) => householdById(ctx).load(r.householdId),
  },
} satisfies Resolvers;

/**
 * Division.households: the subtree's households (null outside the viewer's reach), optionally
 * with one tag; with a tag, those who may not see tags get the count and no rows.
 */
export async function divisionHouseholds(ctx: SubgraphContext, code: string, args: DivisionHouseholdsArgs) {
  if (!mayReadAt(ctx.viewer, code)) return null;
  const households = await householdsIn(ctx, args).load(requireDivisionCode(code, 'code').prefix);
  if (!args.tag || mayListByTag(ctx.viewer)) return households;
  return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: households.totalCount };
}

/**
 * The tag counts of many subtrees over a period, batched per request and period: one GROUP BY
 * statement per prefix length. Links count as on the period's last day (today while it runs), as
 * coverage counts them; a visit counts on its date.
 */
const tagCounts = (ctx: SubgraphContext, period: { from: string; to: string }) => {
  const day = linksDay(ctx, period);
  const active = activeOn('l', day);
  return subtreeLoader(ctx, `householdTags:${period.from}:${period.to}:${day}`, 'divisionCode', new Map<string, HouseholdTagCount>(), async (spec) => {
    const rows: { grp: unknown; tag: HouseholdTag; households: unknown; linked: unknown; visited: unknown }[] = await ctx.ds.query(
      `SELECT ${spec.key} AS grp, ht.tag AS tag, COUNT(*) AS households,` +
        ` SUM(CASE WHEN EXISTS (SELECT 1 FROM liaison l WHERE l.targetType = 'Household' AND l.targetId = t.id AND ${active.sql}) THEN 1 ELSE 0 END) AS linked,` +
        ` SUM(CASE WHEN EXISTS (SELECT 1 FROM visit v WHERE v.targetType = 'Household' AND v.targetId = t.id AND v.date >= ? AND v.date <= ?) THEN 1 ELSE 0 END) AS visited` +
        ` FROM household t JOIN household_tag ht ON ht.householdId = t.id WHERE (${spec.filter}) GROUP BY ${spec.key}, ht.tag`,
      [...active.params, period.from, period.to, ...spec.params],
    );
    const out = new Map<string, Map<string, HouseholdTagCount>>();
    for (const r of rows) {
      const byTag = out.get(String(r.grp)) ?? new Map<string, HouseholdTagCount>();
      byTag.set(r.tag, { tag: r.tag, households: Number(r.households), linked: Number(r.linked), visited: Number(r.visited) });
      out.set(String(r.grp), byTag);
    }
    return out;
  });
};

/**
 * Division.householdTags: per tag, in the enum's order, the subtree's households carrying it,
 * linked and visited in the period (Division.activity's). Counts only, which reveal no
 * household's tags: every reader of people data gets them; null for PARTNER and outside the scope.
 */
export async function divisionHouseholdTags(ctx: SubgraphContext, code: string, args: DivisionHouseholdTagsArgs): Promise<HouseholdTagCount[] | null> {
  if (!mayReadAt(ctx.viewer, code)) return null;
  const prefix = requireDivisionCode(code, 'code').prefix;
  const byTag = await tagCounts(ctx, await periodOf(ctx, args)).load(prefix);
  return householdTags.map((tag) => byTag.get(tag) ?? { tag, households: 0, linked: 0, visited: 0 });
}
