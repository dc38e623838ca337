import { z } from 'zod';
import { parseConfig } from '@cadres/kit';

/**
 * People's own settings, parsed once when the subgraph is loaded (a bad value stops start-up
 * with a message naming the variable):
 * - PEOPLE_VISIT_QUOTA: visits a household needs per calendar year (default 4, the rural rule);
 *   Division.coverage(visitQuota:) overrides it per query, for campaigns with other quotas.
 */
export const peopleConfig = parseConfig(
  z
    .object({ PEOPLE_VISIT_QUOTA: z.coerce.number().int().min(1).max(366).default(4) })
    .transform((e) => ({ visitQuota: e.PEOPLE_VISIT_QUOTA })),
);
