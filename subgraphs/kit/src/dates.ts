import { chinaDate } from './scalars';
import type { SubgraphContext } from './subgraph';

/**
 * Today's date in China (Beijing) time, from the request's injectable clock: read once per
 * request, so that every rule in one answer agrees on the day even across midnight.
 */
export const today = (ctx: Pick<SubgraphContext, 'loaders' | 'now'>): string => ctx.loaders.get('today', () => chinaDate(ctx.now()));
