import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { pageOf, subtreeRange, toConnection, type SubgraphContext } from '@cadres/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { requireAuditReader } from './access';
import { IdNumberRead } from './entities';
import type { QueryIdNumberReadsArgs } from './generated/graphql';

/**
 * One INSERT carries at most this many rows: 7 parameters each stay below SQLite's 32,766 and
 * MySQL's 65,535, and 500 households of 8 residents still fit in one.
 */
const ROWS_PER_INSERT = 4000;

/**
 * The gateway names the operations it sends a subgraph `<client's name>__<subgraph>__<n>`:
 * the audit keeps the client's name.
 */
const clientOperationName = (info: GraphQLResolveInfo) => info.operation.name?.value.replace(/__people__\d+$/, '').slice(0, 200) ?? null;

/**
 * Appends an audit record of an unmasked ID number read, in the request that reads it: the
 * resolver waits for the row before it answers the value, so no ID number leaves unaudited and
 * a failed write fails the field. The reads of one request are batched (a DataLoader without a
 * cache: every read is a record), so a list of any length costs one INSERT per level of the
 * query, not one per resident. Nothing else is awaited between the read and this call, so that
 * the reads of one level fall into one batch.
 */
export function auditIdNumberRead(ctx: SubgraphContext, info: GraphQLResolveInfo, residentId: string): Promise<void> {
  const batch = ctx.loaders.get(
    'idNumberReads',
    () =>
      new DataLoader<Omit<IdNumberRead, 'id' | 'readAt'>, void>(
        async (reads) => {
          const readAt = ctx.now();
          const rows = reads.map((r) => ({ ...r, id: randomUUID(), readAt }));
          for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
            await ctx.ds.createQueryBuilder().insert().into(IdNumberRead).values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
          }
          return reads.map(() => undefined);
        },
        { cache: false },
      ),
  );
  return batch.load({
    viewerSub: ctx.viewer.sub,
    viewerRole: ctx.viewer.role,
    residentId,
    operationName: clientOperationName(info),
    requestId: ctx.requestId.slice(0, 100),
  });
}

/** Midnight at the start of a Beijing-time day, as an instant. */
const beijingMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const nextDay = (day: string) => new Date(beijingMidnight(day).getTime() + 86_400_000);

/** Query.idNumberReads: ADMIN only, its scope's records, newest first. */
export async function idNumberReads(ctx: SubgraphContext, args: QueryIdNumberReadsArgs) {
  requireAuditReader(ctx.viewer);
  const page = pageOf(args);
  const q = ctx.ds.getRepository(IdNumberRead).createQueryBuilder('a');
  if (ctx.viewer.scope) {
    // Residents never move: the household's division is where the resident was read.
    const { lo, hi } = subtreeRange(ctx.viewer.scope);
    q.andWhere(
      'EXISTS (SELECT 1 FROM resident r JOIN household h ON h.id = r.householdId WHERE r.id = a.residentId AND h.divisionCode >= :lo AND h.divisionCode < :hi)',
      { lo, hi },
    );
  }
  if (args.viewerSub != null) q.andWhere('a.viewerSub = :sub', { sub: args.viewerSub });
  if (args.residentId != null) q.andWhere('a.residentId = :resident', { resident: args.residentId });
  if (args.from) q.andWhere('a.readAt >= :from', { from: beijingMidnight(args.from) });
  if (args.to) q.andWhere('a.readAt < :to', { to: nextDay(args.to) });
  const rows = await q.clone().orderBy('a.readAt', 'DESC').addOrderBy('a.id', 'DESC').offset(page.offset).limit(page.limit + 1).getMany();
  return toConnection(rows, page, () => q.getCount());
}
