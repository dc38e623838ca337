import { randomUUID } from 'node:crypto';
import { badInput, requireText, transaction, type OwnedType } from '@cadres/kit';
import { Rating, type RatingAspect } from './entities';
import { requireId, type Actor } from './service';

/** 双评: who may rate whom, and on which aspects. */
const rules: Record<string, { rater: string; aspects: RatingAspect[] }> = {
  Cadre: { rater: 'Household', aspects: ['WORK', 'CONDUCT'] },
  Department: { rater: 'Enterprise', aspects: ['ENVIRONMENT', 'SERVICE'] },
};

export interface RateArgs {
  targetType: string;
  targetId: string;
  raterType: string;
  raterId: string;
  score: number;
  comment?: string | null;
  aspect?: RatingAspect | null;
}

/** A household rates a cadre (work, conduct); an enterprise rates a department (environment, service). */
export async function rate(a: Actor, args: RateArgs): Promise<Rating> {
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
  await a.requireExisting?.([
    { type: rating.targetType as OwnedType, id: rating.targetId, field: 'targetId' },
    { type: rating.raterType as OwnedType, id: rating.raterId, field: 'raterId' },
  ]);
  await transaction(a.ds, (em) => em.insert(Rating, rating));
  return rating;
}
