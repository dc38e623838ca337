import { randomUUID } from 'node:crypto';
import { badInput, createOnce, idempotencyKeyArg, requireText, type OwnedType } from '@cadres/kit';
import { Rating, type RatingAspect } from './entities';
import type { MutationRateArgs } from './generated/graphql';
import { requireId, type Actor } from './service';

/** 双评: who may rate whom, and on which aspects. */
const rules: Record<string, { rater: string; aspects: RatingAspect[] }> = {
  Cadre: { rater: 'Household', aspects: ['WORK', 'CONDUCT'] },
  Department: { rater: 'Enterprise', aspects: ['ENVIRONMENT', 'SERVICE'] },
};

/** A household rates a cadre (work, conduct); an enterprise rates a department (environment, service). */
export async function rate(a: Actor, args: MutationRateArgs): Promise<Rating> {
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
    score: args.score,
    comment: args.comment == null || !args.comment.trim() ? null : requireText(args.comment, 'comment', 1000),
    at: a.now,
  });
  const key = idempotencyKeyArg(args.idempotencyKey);
  const { targetType, targetId, raterType, raterId, aspect, score, comment } = rating;
  const input = { targetType, targetId, raterType, raterId, aspect, score, comment };
  return createOnce(a.ds, { operation: 'rate', key, caller: a.actor, input, now: a.now }, {
    // The owners are asked only by a first attempt: a retry the record answers works while they are down.
    prepare: async () => {
      await a.requireExisting?.([
        { type: rating.targetType as OwnedType, id: rating.targetId, field: 'targetId' },
        { type: rating.raterType as OwnedType, id: rating.raterId, field: 'raterId' },
      ]);
    },
    replay: (em, id) => em.findOneByOrFail(Rating, { id }),
    create: async (em) => {
      await em.insert(Rating, rating);
      return rating;
    },
  });
}
