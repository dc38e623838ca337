import { rowsByKey, type SubgraphContext } from '@cadres/kit';
import { SampleNote } from './entities';

/** Per request: one statement for every note a query asks for, however many divisions. */
export const noteByDivision = (ctx: SubgraphContext) => rowsByKey(ctx, SampleNote, 'divisionCode');
