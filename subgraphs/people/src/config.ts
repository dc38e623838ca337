import { z } from 'zod';

/**
 * People's own settings (kit parses them when the subgraph starts; a bad value stops it with a
 * message naming the variable):
 * - PEOPLE_VISIT_QUOTA: visits a household needs per calendar year (default 4, the rural rule);
 *   Division.coverage(visitQuota:) overrides it per query, for campaigns with other quotas.
 */
export const peopleSettings = z
  .object({ PEOPLE_VISIT_QUOTA: z.coerce.number().int().min(1).max(366).default(4) })
  .transform((e) => ({ visitQuota: e.PEOPLE_VISIT_QUOTA }));

export type PeopleConfig = z.infer<typeof peopleSettings>;
