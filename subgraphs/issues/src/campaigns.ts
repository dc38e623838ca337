// campaignId on the issue measures: a campaign's period (owned by people) instead of from/to.
// Issues keeps no copy of campaigns; it asks people, with the caller's token, so a campaign the
// caller does not see is as unknown as one that does not exist.
import { badInput, entityLoader, notFound, type SubgraphContext } from '@cadres/kit';

export interface CampaignPeriod {
  from: string;
  to: string;
}

/**
 * The periods of campaigns, asked of people: one `_entities` request per GraphQL request for
 * every campaign asked (the loader dedups ids); null for a campaign people does not give.
 */
const campaignPeriodOf = (ctx: SubgraphContext, id: string) => entityLoader<CampaignPeriod>(ctx, 'Campaign', 'from to').load(id);

/**
 * The arguments with the period campaignId stands for put into from/to (Beijing dates, as the
 * campaign has them); without campaignId, the arguments as they are. campaignId with from or to
 * is BAD_USER_INPUT, an unknown (or unseen) campaign NOT_FOUND, both on campaignId. People being
 * down is SERVICE_UNAVAILABLE (kit askPeer), as for any peer issues asks.
 */
export async function withCampaignPeriod<A extends { campaignId?: string | null; from?: string | null; to?: string | null }>(
  ctx: SubgraphContext,
  args: A,
): Promise<Omit<A, 'campaignId'>> {
  const { campaignId, ...rest } = args;
  if (campaignId == null) return rest;
  if (args.from != null || args.to != null) throw badInput('campaignId', 'a campaign gives the period: leave from and to out');
  const period = await campaignPeriodOf(ctx, campaignId);
  if (!period) throw notFound('Campaign', campaignId, 'campaignId');
  return { ...rest, from: period.from, to: period.to };
}
