import { chinaDate } from './scalars';
import type { SubgraphContext } from './subgraph';

/**
 * Today's date in China (Beijing) time, from the request's injectable clock: read once per
 * request, so that every rule in one answer agrees on the day even across midnight.
 */
export const today = (ctx: Pick<SubgraphContext, 'loaders' | 'now'>): string => ctx.loaders.get('today', () => chinaDate(ctx.now()));

/** The calendar months ('YYYY-MM') from the month of `from` to that of `to` (dates or months), both inclusive, oldest first; none when `to` is earlier. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) return out;
    out.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}
