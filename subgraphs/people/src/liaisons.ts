import { randomUUID } from 'node:crypto';
import {
  badInput,
  conflict,
  createOnceFor,
  forbidden,
  idempotencyKeyArg,
  isUniqueViolation,
  loadOrNull,
  notFound,
  parseDivisionCode,
  requireVersion,
  today,
  transaction,
  updateVersioned,
  type SubgraphContext,
} from '@cadres/kit';
import { requireMayWrite, requireWriteScope, visitPlace } from './access';
import { Liaison, openKeyOf, type TargetType } from './entities';
import type { MutationLinkCadreArgs, MutationUnlinkCadreArgs } from './generated/graphql';
import { activeLiaison, cadreById } from './loaders';
import { visibleCadre } from './visible';
import { checkLocalTarget, checkRemoteTarget, requireTargetType } from './targets';

const duplicate = () => conflict('This cadre already has an active link with this role to this target', 'targetId');
const secondFirstSecretary = (cadreId: string) =>
  conflict(`Cadre ${cadreId} is already first secretary of another village or community (one at a time: unlink that first)`, 'cadreId');

/**
 * Which targets a role takes: AREA_LEAD (包片) a township (places has no grids), FIRST_SECRETARY a
 * village or community, the others any target (a Division one a village or community). Returns
 * whether the Division target may be above the grassroots.
 */
function requireRoleTarget(role: string, type: TargetType, targetId: string): { grassrootsOnly: boolean } {
  if (role === 'AREA_LEAD') {
    if (type !== 'Division') throw badInput('targetType', 'An AREA_LEAD (包片) link goes to a Division: a township');
    const level = parseDivisionCode(targetId)?.level;
    if (level && level !== 'TOWNSHIP') throw badInput('targetId', `An AREA_LEAD (包片) link goes to a township, and ${targetId} is a ${level.toLowerCase()}`);
    return { grassrootsOnly: false };
  }
  if (role === 'FIRST_SECRETARY' && type !== 'Division') throw badInput('targetType', 'A first secretary is stationed in a Division: a village or community');
  return { grassrootsOnly: true };
}

export async function linkCadre(ctx: SubgraphContext, args: MutationLinkCadreArgs): Promise<Liaison> {
  requireMayWrite(ctx, 'linkCadre');
  const type: TargetType = requireTargetType(args.targetType);
  const targetRule = requireRoleTarget(args.role, type, args.targetId);
  const since = args.since ?? today(ctx);
  // A link that starts later would count as active (and cover a village) before it starts.
  if (since > today(ctx)) throw badInput('since', `since cannot be in the future (today is ${today(ctx)})`);
  const key = idempotencyKeyArg(args.idempotencyKey);
  // `since` as sent: the default (today) is not part of the request, so a retry after midnight is the same one.
  const input = { cadreId: args.cadreId, targetType: type, targetId: args.targetId, role: args.role, since: args.since ?? null };
  return createOnceFor(ctx, { operation: 'linkCadre', key, input }, {
    prepare: async () => {
      // Cadres are never deleted, so this check may run before the transaction (and before the network).
      const cadre = await loadOrNull(cadreById(ctx), args.cadreId);
      if (!cadre) throw notFound('Cadre', args.cadreId, 'cadreId');
      if (!(await visibleCadre(ctx, cadre))) throw forbidden(`Cadre ${cadre.id} lies outside the caller's scope ${ctx.viewer.scope}`, 'cadreId');
      return checkRemoteTarget(ctx, type, args.targetId, targetRule);
    },
    replay: (em, id) => em.findOneByOrFail(Liaison, { id }),
    create: async (em, remote) => {
      const target = await checkLocalTarget(ctx, em, remote);
      const link = { cadreId: args.cadreId, targetType: type, targetId: target.id, role: args.role };
      const active = await em
        .getRepository(Liaison)
        .createQueryBuilder('l')
        .where('l.cadreId = :cadreId AND l.targetType = :targetType AND l.targetId = :targetId AND l.role = :role', link)
        .andWhere(activeLiaison(), { today: today(ctx) })
        .getExists();
      if (active) throw duplicate();
      const firstSecretary = args.role === 'FIRST_SECRETARY';
      if (firstSecretary) {
        const elsewhere = await em
          .getRepository(Liaison)
          .createQueryBuilder('l')
          .where("l.cadreId = :cadreId AND l.role = 'FIRST_SECRETARY'", { cadreId: args.cadreId })
          .andWhere(activeLiaison(), { today: today(ctx) })
          .getExists();
        if (elsewhere) throw secondFirstSecretary(args.cadreId);
      }
      const liaison = em.create(Liaison, {
        id: randomUUID(),
        ...link,
        divisionCode: target.divisionCode,
        since,
        until: null,
        openKey: openKeyOf(link),
        firstSecretaryKey: firstSecretary ? args.cadreId : null,
        version: 1,
      });
      // A concurrent link may win the race: the unique open key (the same link) or the unique
      // first-secretary key (another village, same cadre) refuses ours, on either database.
      try {
        await em.insert(Liaison, liaison);
      } catch (e) {
        if (isUniqueViolation(e, { index: 'uq_liaison_first_secretary', column: 'firstSecretaryKey' })) throw secondFirstSecretary(args.cadreId);
        if (isUniqueViolation(e)) throw duplicate();
        throw e;
      }
      return liaison;
    },
  });
}

export async function unlinkCadre(ctx: SubgraphContext, args: MutationUnlinkCadreArgs): Promise<Liaison> {
  requireMayWrite(ctx, 'unlinkCadre');
  const until = args.until ?? today(ctx);
  return transaction(ctx.ds, async (em) => {
    const liaison = await em.findOneBy(Liaison, { id: args.liaisonId });
    if (!liaison) throw notFound('Liaison', args.liaisonId, 'liaisonId');
    requireVersion('Liaison', liaison, args.expectedVersion);
    requireWriteScope(ctx, visitPlace(liaison), 'liaisonId');
    if (liaison.openKey === null) throw conflict(`Liaison ${liaison.id} was already unlinked (until ${liaison.until})`, 'liaisonId');
    if (until < liaison.since) throw badInput('until', `until must not be before the link's start (${liaison.since})`);
    const changed = await updateVersioned(em, Liaison, liaison, { until, openKey: null, firstSecretaryKey: null });
    if (!changed) throw conflict(`Liaison ${liaison.id} changed meanwhile`, 'liaisonId');
    return changed;
  });
}
