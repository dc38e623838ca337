import { randomUUID } from 'node:crypto';
import { badInput, createOnceFor, idempotencyKeyArg, notFound, requireText, toIsoDate, today, type SubgraphContext } from '@cadres/kit';
import { requireMayRecordVisit, requireMayWrite, visitPlace } from './access';
import { Visit, VisitCadre, targetTypes, type Cadre, type Department, type TargetType, type VisitKind } from './entities';
import type { MutationRecordVisitArgs } from './generated/graphql';
import { cadreById, departmentById } from './loaders';
import { checkLocalTarget, checkRemoteTarget, requireTargetType } from './targets';

const MAX_CADRES_PER_VISIT = 50;
const MAX_DAYS = 366;

/**
 * What each kind of visit may go to. A home visit is to a household and a building sweep (楼栋遍访)
 * to a building unit; a condolence visit (慰问) to a household or an enterprise's staff; stationing
 * (驻村, 驻企) and a party day (主题党日, with a village's, community's or enterprise's branch) to a
 * division or an enterprise; a site visit to a project or a division; research to a division, an
 * enterprise or a project; a forum sits anywhere (a village hall, a building's council, a
 * courtyard meeting at a home, an enterprise, a project site).
 */
const TARGETS_OF: Record<VisitKind, readonly TargetType[]> = {
  HOME_VISIT: ['Household'],
  BUILDING_SWEEP: ['BuildingUnit'],
  ENTERPRISE_VISIT: ['Enterprise'],
  CONDOLENCE: ['Household', 'Enterprise'],
  STATIONED: ['Division', 'Enterprise'],
  PARTY_DAY: ['Division', 'Enterprise'],
  SITE_VISIT: ['Project', 'Division'],
  RESEARCH: ['Division', 'Enterprise', 'Project'],
  FORUM: targetTypes,
};

/** The last day of a visit of `days` days from `date`. */
const lastDay = (date: string, days: number) => toIsoDate(new Date(Date.parse(`${date}T00:00:00Z`) + (days - 1) * 86_400_000));

/**
 * Records a visit. Its target fits its kind (TARGETS_OF); a home visit or a visit to a building
 * unit is made by at least 2 cadres together (组团式). A visit may last `days` days (a
 * stationed one); none of them after today (Beijing time, from the injectable clock).
 */
export async function recordVisit(ctx: SubgraphContext, args: MutationRecordVisitArgs): Promise<Visit> {
  const rule = requireMayWrite(ctx, 'recordVisit');
  const type: TargetType = requireTargetType(args.targetType);
  if (args.date > today(ctx)) throw badInput('date', `date ${args.date} is in the future`);
  const days = args.days ?? 1;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw badInput('days', `days must be between 1 and ${MAX_DAYS}`);
  if (lastDay(args.date, days) > today(ctx)) throw badInput('days', `a visit of ${days} days from ${args.date} would end after today`);
  const cadreIds = [...new Set(args.cadreIds)].sort();
  if (cadreIds.length === 0) throw badInput('cadreIds', 'a visit needs at least one cadre');
  if (cadreIds.length > MAX_CADRES_PER_VISIT) throw badInput('cadreIds', `a visit has at most ${MAX_CADRES_PER_VISIT} cadres`);
  const fits = TARGETS_OF[args.kind];
  if (!fits.includes(type)) {
    throw badInput('targetType', `targetType ${type} does not fit kind ${args.kind}, which goes to ${fits.join(' or ')}`);
  }
  if ((args.kind === 'HOME_VISIT' || type === 'BuildingUnit') && cadreIds.length < 2) {
    throw badInput('cadreIds', 'a home or building visit is made by at least 2 cadres together');
  }
  const notes = args.notes == null ? null : requireText(args.notes, 'notes', 2000);
  const key = idempotencyKeyArg(args.idempotencyKey);
  // days only when not 1, so that a key stored before visits had days still matches its retry.
  const input = { kind: args.kind, date: args.date, cadreIds, targetType: type, targetId: args.targetId, notes, ...(days === 1 ? {} : { days }) };
  return createOnceFor(ctx, { operation: 'recordVisit', key, input }, {
    prepare: async () => {
      const found = await cadreById(ctx).loadMany(cadreIds);
      // A loader answers NOT_FOUND per missing id; any other error (the database away) is not "missing".
      const failed = found.find((f): f is Error => f instanceof Error && (f as { extensions?: { code?: string } }).extensions?.code !== 'NOT_FOUND');
      if (failed) throw failed;
      const missing = cadreIds.filter((_, i) => found[i] instanceof Error);
      if (missing.length) throw notFound('Cadre', missing.join(', '), 'cadreIds');
      // Cadres and departments are never deleted, so these checks may run before the transaction.
      const cadres = found as Cadre[];
      const departments = await departmentById(ctx).loadMany(cadres.map((c) => c.departmentId));
      requireMayRecordVisit(
        ctx,
        rule,
        cadres.map((c, i) => ({ id: c.id, departmentId: c.departmentId, departmentDivision: (departments[i] as Department).divisionCode })),
      );
      return checkRemoteTarget(ctx, type, args.targetId, { grassrootsOnly: false });
    },
    replay: (em, id) => em.findOneByOrFail(Visit, { id }),
    create: async (em, remote) => {
      const target = await checkLocalTarget(ctx, em, remote);
      const visit = em.create(Visit, {
        id: randomUUID(),
        date: args.date,
        kind: args.kind,
        targetType: type,
        targetId: target.id,
        divisionCode: visitPlace({ divisionCode: target.divisionCode, targetType: type, targetId: target.id }),
        cadreCount: cadreIds.length,
        notes,
        days,
        version: 1,
      });
      await em.insert(Visit, visit);
      await em.insert(VisitCadre, cadreIds.map((cadreId) => ({ visitId: visit.id, cadreId, date: visit.date, divisionCode: visit.divisionCode })));
      return visit;
    },
  });
}
