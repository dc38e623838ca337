import { randomUUID } from 'node:crypto';
import { badInput, createOnce, idempotencyKeyArg, isUniqueViolation, requireText, type OwnedType, type Viewer } from '@cadres/kit';
import type { EntityManager } from 'typeorm';
import { requireRatingByOther, requireRatingFacts } from './access';
import { KnownDepartment, Rating, type RatingAspect } from './entities';
import type { MutationRateArgs } from './generated/graphql';
import { ledgerYear } from './reporting';
import { requireId, type Actor } from './service';

/** 双评: who may rate whom, and on which aspects. */
const rules: Record<string, { rater: string; aspects: RatingAspect[] }> = {
  Cadre: { rater: 'Household', aspects: ['WORK', 'CONDUCT'] },
  Department: { rater: 'Enterprise', aspects: ['ENVIRONMENT', 'SERVICE'] },
};

/** The columns that make a rating one of a kind: a second one with the same values replaces the first. */
const slotOf = (r: Rating) => ({
  targetType: r.targetType,
  targetId: r.targetId,
  raterType: r.raterType,
  raterId: r.raterId,
  aspectKey: r.aspectKey,
  period: r.period,
});

/**
 * Stores the rating in its slot: the first one of the period is inserted, a later one replaces
 * its score, comment and time (same id). Two first ratings racing on MySQL: the unique index
 * refuses the second insert, which then replaces the winner's.
 */
async function putRating(em: EntityManager, rating: Rating): Promise<Rating> {
  const slot = slotOf(rating);
  const replace = async () => {
    const { affected } = await em.update(Rating, slot, { score: rating.score, comment: rating.comment, at: rating.at });
    return affected ? em.findOneByOrFail(Rating, slot) : null;
  };
  const replaced = await replace();
  if (replaced) return replaced;
  try {
    await em.insert(Rating, rating);
    return rating;
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return (await replace())!;
  }
}

/**
 * A household rates a cadre (work, conduct); an enterprise rates a department (environment,
 * service). `viewer` carries its department (owners.withDepartment) for the rules in access.ts.
 */
export async function rate(a: Actor, viewer: Viewer, args: MutationRateArgs): Promise<Rating> {
  const rule = rules[args.targetType];
  if (!rule) throw badInput('targetType', `targetType must be one of ${Object.keys(rules).join(', ')}`);
  if (args.raterType !== rule.rater) throw badInput('raterType', `a ${args.targetType} is rated by a ${rule.rater}`);
  if (!Number.isInteger(args.score) || args.score < 1 || args.score > 5) throw badInput('score', 'score must be an integer from 1 to 5');
  if (args.aspect != null && !rule.aspects.includes(args.aspect)) {
    throw badInput('aspect', `a ${args.targetType} is rated on ${rule.aspects.join(' or ')}`);
  }
  const rating: Rating = Object.assign(new Rating(), {
    id: randomUUID(),
    targetType: args.targetType,
    targetId: requireId(args.targetId, 'targetId'),
    raterType: args.raterType,
    raterId: requireId(args.raterId, 'raterId'),
    aspect: args.aspect ?? null,
    aspectKey: args.aspect ?? '-',
    period: ledgerYear(a.now),
    score: args.score,
    comment: args.comment == null || !args.comment.trim() ? null : requireText(args.comment, 'comment', 1000),
    at: a.now,
  });
  const key = idempotencyKeyArg(args.idempotencyKey);
  requireRatingByOther(viewer, rating);
  const { targetType, targetId, raterType, raterId, aspect, score, comment } = rating;
  const input = { targetType, targetId, raterType, raterId, aspect, score, comment };
  // A rated department's division (asked of people): the department enters assigneeRanking.
  let department: KnownDepartment | null = null;
  return createOnce(a.ds, { operation: 'rate', key, caller: a.actor, input, now: a.now }, {
    // The owners are asked only by a first attempt: a retry the record answers works while they are down.
    prepare: async () => {
      const ofDepartment = rating.targetType === 'Department' && a.owners;
      await a.requireExisting?.([
        ...(ofDepartment ? [] : [{ type: rating.targetType as OwnedType, id: rating.targetId, field: 'targetId' }]),
        { type: rating.raterType as OwnedType, id: rating.raterId, field: 'raterId' },
      ]);
      if (ofDepartment) department = { id: rating.targetId, divisionCode: await a.owners!.departmentDivision(rating.targetId, 'targetId') };
      if (a.owners) await requireRatingFacts(viewer, rating, a.owners);
    },
    replay: (em, id) => em.findOneByOrFail(Rating, { id }),
    create: async (em) => {
      if (department) await em.upsert(KnownDepartment, department, ['id']);
      return putRating(em, rating);
    },
  });
}
