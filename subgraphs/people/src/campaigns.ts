import { randomUUID } from 'node:crypto';
import {
  badInput,
  conflict,
  createOnceFor,
  forbidden,
  groupLoader,
  idempotencyKeyArg,
  isIsoDate,
  notFound,
  pageOf,
  requireDivisionCode,
  requireText,
  requireVersion,
  rowsByKey,
  sliceConnection,
  subtreeRange,
  toConnection,
  today,
  transaction,
  updateVersioned,
  type SubgraphContext,
} from '@cadres/kit';
import { In, type EntityManager } from 'typeorm';
import { departmentScopeSql, divisionsAbove, mayRead, mayReadCampaignAt, requireMayWrite, requireWriteScope, servesSubtree, visitScopeSql } from './access';
import { Campaign, CampaignDepartment, Department, cadreRanks, type CadreRank } from './entities';
import type { CampaignInput, MutationCreateCampaignArgs, MutationUpdateCampaignArgs, QueryCampaignsArgs } from './generated/graphql';
import { departmentById } from './loaders';
import { visibleDepartment } from './visible';

export const campaignById = (ctx: SubgraphContext) => rowsByKey(ctx, Campaign, 'id');

export const visibleCampaign = (ctx: SubgraphContext, c: Campaign | null) => (c && mayReadCampaignAt(ctx.viewer, c.divisionCode) ? c : null);

/** The rules a campaign has when the input leaves them out (seeds 000-002: 5 households, 4 visits, 2 cadres). */
export const defaultRules = { householdsPerCadre: 5, visitsPerHousehold: 4, cadresPerHomeVisit: 2, cadresPerBuildingUnit: 2, rankedLiaisonRanks: ['COUNTY_LEVEL', 'SECTION_LEVEL'] as CadreRank[], areaLeadCovers: false };

export const ranksOf = (c: Campaign): CadreRank[] => c.rankedLiaisonRanks.split(',').filter(Boolean) as CadreRank[];

const MAX_DEPARTMENTS = 2000;

function requireDate(value: string, field: string): string {
  if (!isIsoDate(value)) throw badInput(field, `${field} must be a date (YYYY-MM-DD)`);
  return value;
}

function requireCount(value: number | null | undefined, fallback: number, field: string, max: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput(field, `${field} must be between 1 and ${max}`);
  return n;
}

/** The validated row content of a CampaignInput (without id and version). */
function checkInput(input: CampaignInput) {
  const name = requireText(input.name, 'input.name', 100);
  const info = requireDivisionCode(input.divisionCode, 'input.divisionCode');
  if (!['CITY', 'DISTRICT', 'TOWNSHIP'].includes(info.level)) throw badInput('input.divisionCode', 'a campaign is run by a city, district or township');
  const dateFrom = requireDate(input.from, 'input.from');
  const dateTo = requireDate(input.to, 'input.to');
  if (dateTo < dateFrom) throw badInput('input.to', 'input.to must not be before input.from');
  const phases = (input.phases ?? []).map((p, i) => {
    const field = `input.phases.${i}`;
    const phase = { name: requireText(p.name, `${field}.name`, 50), from: requireDate(p.from, `${field}.from`), to: requireDate(p.to, `${field}.to`) };
    if (phase.to < phase.from || phase.from < dateFrom || phase.to > dateTo) throw badInput(field, `${field} must lie within the campaign's period, from before to`);
    return phase;
  });
  const r = input.rules ?? {};
  const ranks = r.rankedLiaisonRanks ?? defaultRules.rankedLiaisonRanks;
  if (!ranks.length) throw badInput('input.rules.rankedLiaisonRanks', 'at least one rank counts as a ranked liaison');
  const departmentIds = [...new Set(input.departmentIds ?? [])].sort();
  if (departmentIds.length > MAX_DEPARTMENTS) throw badInput('input.departmentIds', `at most ${MAX_DEPARTMENTS} departments`);
  return {
    row: {
      name,
      divisionCode: info.code,
      dateFrom,
      dateTo,
      phases,
      householdsPerCadre: requireCount(r.householdsPerCadre, defaultRules.householdsPerCadre, 'input.rules.householdsPerCadre', 100),
      visitsPerHousehold: requireCount(r.visitsPerHousehold, defaultRules.visitsPerHousehold, 'input.rules.visitsPerHousehold', 366),
      cadresPerHomeVisit: requireCount(r.cadresPerHomeVisit, defaultRules.cadresPerHomeVisit, 'input.rules.cadresPerHomeVisit', 50),
      cadresPerBuildingUnit: requireCount(r.cadresPerBuildingUnit, defaultRules.cadresPerBuildingUnit, 'input.rules.cadresPerBuildingUnit', 50),
      rankedLiaisonRanks: cadreRanks.filter((k) => ranks.includes(k)).join(','),
      areaLeadCovers: r.areaLeadCovers ?? defaultRules.areaLeadCovers,
    },
    departmentIds,
  };
}

/** Every participating department exists, is seen by the caller and serves the campaign's division. */
async function requireDepartments(ctx: SubgraphContext, em: EntityManager, ids: string[], divisionCode: string): Promise<void> {
  if (!ids.length) return;
  const found = new Map((await em.findBy(Department, { id: In(ids) })).map((d) => [d.id, d]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw notFound('Department', missing.join(', '), 'input.departmentIds');
  const unseen = ids.filter((id) => !visibleDepartment(ctx, found.get(id)!));
  if (unseen.length) throw forbidden(`Department ${unseen.join(', ')} lies outside the caller's scope ${ctx.viewer.scope}`, 'input.departmentIds');
  const elsewhere = ids.filter((id) => !servesSubtree(found.get(id)!.divisionCode, divisionCode));
  if (elsewhere.length) throw badInput('input.departmentIds', `Department ${elsewhere.join(', ')} does not serve ${divisionCode}`);
}

export async function createCampaign(ctx: SubgraphContext, args: MutationCreateCampaignArgs): Promise<Campaign> {
  requireMayWrite(ctx, 'createCampaign');
  const { row, departmentIds } = checkInput(args.input);
  requireWriteScope(ctx, row.divisionCode, 'input.divisionCode');
  const key = idempotencyKeyArg(args.idempotencyKey);
  return createOnceFor(ctx, { operation: 'createCampaign', key, input: { ...row, departmentIds } }, {
    replay: (em, id) => em.findOneByOrFail(Campaign, { id }),
    create: async (em) => {
      await requireDepartments(ctx, em, departmentIds, row.divisionCode);
      const campaign = em.create(Campaign, { id: randomUUID(), ...row, version: 1 });
      await em.insert(Campaign, campaign);
      if (departmentIds.length) await em.insert(CampaignDepartment, departmentIds.map((departmentId) => ({ campaignId: campaign.id, departmentId })));
      return campaign;
    },
  });
}

export async function updateCampaign(ctx: SubgraphContext, args: MutationUpdateCampaignArgs): Promise<Campaign> {
  requireMayWrite(ctx, 'updateCampaign');
  const { row, departmentIds } = checkInput(args.input);
  requireWriteScope(ctx, row.divisionCode, 'input.divisionCode');
  return transaction(ctx.ds, async (em) => {
    const campaign = await em.findOneBy(Campaign, { id: args.id });
    if (!campaign) throw notFound('Campaign', args.id, 'id');
    requireWriteScope(ctx, campaign.divisionCode, 'id');
    requireVersion('Campaign', campaign, args.expectedVersion);
    await requireDepartments(ctx, em, departmentIds, row.divisionCode);
    const changed = await updateVersioned(em, Campaign, campaign, row);
    if (!changed) throw conflict(`Campaign ${campaign.id} changed meanwhile`, 'expectedVersion');
    await em.delete(CampaignDepartment, { campaignId: campaign.id });
    if (departmentIds.length) await em.insert(CampaignDepartment, departmentIds.map((departmentId) => ({ campaignId: campaign.id, departmentId })));
    return changed;
  });
}

/** Query.campaigns: run in the subtree, seen by the caller, newest first. */
export async function campaigns(ctx: SubgraphContext, args: QueryCampaignsArgs) {
  const page = pageOf(args);
  if (!mayRead(ctx.viewer)) return toConnection([], page, 0);
  const q = ctx.ds.getRepository(Campaign).createQueryBuilder('d');
  if (args.divisionCode != null) {
    const { lo, hi } = subtreeRange(requireDivisionCode(args.divisionCode, 'divisionCode').code);
    q.andWhere('d.divisionCode >= :lo AND d.divisionCode < :hi', { lo, hi });
  }
  if (args.appliesTo != null) {
    const { code } = requireDivisionCode(args.appliesTo, 'appliesTo');
    q.andWhere('d.divisionCode IN (:...runners)', { runners: [code, ...divisionsAbove(code)] });
  }
  if (args.activeOn != null) q.andWhere('d.dateFrom <= :on AND d.dateTo >= :on', { on: requireDate(args.activeOn, 'activeOn') });
  // A campaign is seen where it runs, as a department is: the same SQL.
  const scope = departmentScopeSql(ctx.viewer, 'd');
  if (scope) q.andWhere(scope.sql, scope.params);
  const rows = await q.clone().orderBy('d.dateFrom', 'DESC').addOrderBy('d.id').offset(page.offset).limit(page.limit + 1).getMany();
  return toConnection(rows, page, () => q.getCount());
}

/**
 * The participating departments the viewer sees of many campaigns, by id, one statement; with
 * `notStarted`, only those whose cadres made no visit (in the viewer's scope) from the
 * campaign's start to its end or today, whichever comes first.
 */
export const campaignDepartments = (ctx: SubgraphContext, notStarted: boolean) =>
  ctx.loaders.get(`campaignDepartments:${notStarted}`, () =>
    groupLoader(
      async (ids: string[]) => {
        const q = ctx.ds
          .getRepository(CampaignDepartment)
          .createQueryBuilder('cd')
          .innerJoin(Department, 'd', 'd.id = cd.departmentId')
          .select('cd.campaignId', 'campaignId')
          .addSelect('cd.departmentId', 'departmentId')
          .where('cd.campaignId IN (:...ids)', { ids });
        const scope = departmentScopeSql(ctx.viewer, 'd');
        if (scope) q.andWhere(scope.sql, scope.params);
        if (notStarted) {
          // Visits outside the viewer's scope do not count (access.ts: a department's figures in scope).
          const visits = visitScopeSql(ctx.viewer, 'v');
          const [lo, hi] = visits?.params ?? [];
          q.innerJoin(Campaign, 'k', 'k.id = cd.campaignId').andWhere(
            'NOT EXISTS (SELECT 1 FROM visit_cadre vc JOIN cadre c ON c.id = vc.cadreId JOIN visit v ON v.id = vc.visitId' +
              ' WHERE c.departmentId = d.id AND vc.date >= k.dateFrom AND vc.date <= k.dateTo AND vc.date <= :today' +
              (visits ? ` AND ${visits.sql.replace('?', ':visitLo').replace('?', ':visitHi')}` : '') + ')',
            { today: today(ctx), visitLo: lo, visitHi: hi },
          );
        }
        const rows = await q.orderBy('cd.departmentId').getRawMany<{ campaignId: string; departmentId: string }>();
        const departments = await departmentById(ctx).loadMany(rows.map((r) => r.departmentId));
        return rows.map((r, i) => ({ campaignId: r.campaignId, department: departments[i] as Department }));
      },
      (r) => r.campaignId,
    ),
  );

export const campaignResolvers = {
  departments: async (c: Campaign, args: { first?: number | null; after?: string | null }, ctx: SubgraphContext) =>
    sliceConnection((await campaignDepartments(ctx, false).load(c.id)).map((r) => r.department), args),
  departmentsNotStarted: async (c: Campaign, args: { first?: number | null; after?: string | null }, ctx: SubgraphContext) =>
    sliceConnection((await campaignDepartments(ctx, true).load(c.id)).map((r) => r.department), args),
};
