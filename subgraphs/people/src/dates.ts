import { chinaDate, type SubgraphContext } from '@cadres/kit';

/** Today's date in China time, from the request's (injectable) clock. */
export const today = (ctx: SubgraphContext) => chinaDate(ctx.now());
