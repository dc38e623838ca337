import type { SubgraphContext } from '@cadres/kit';

/**
 * "Today" as YYYY-MM-DD in China Standard Time (UTC+8, no DST), from the injectable clock:
 * the campaigns run on Beijing time, so a visit at 07:00 in Dongying is today's, not
 * yesterday's, whatever the server's zone.
 */
export const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export const today = (ctx: SubgraphContext) => chinaDate(ctx.now());
