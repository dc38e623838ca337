import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { reportProgress } from './progress';

/**
 * Bulk insert in chunks small enough for every driver's parameter limit. Reports `seeding
 * <table>s` with the rows done of all to a supervisor (see progress.ts; throttled there), so
 * that a long first start shows it is moving.
 */
export async function insertInChunks<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly object[],
  chunkSize = 200,
): Promise<void> {
  const stage = `seeding ${plural(em.connection.getMetadata(entity).tableName.replace(/_/g, ' '))}`;
  for (let i = 0; i < rows.length; i += chunkSize) {
    await em.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + chunkSize) as T[]).execute();
    reportProgress(stage, Math.min(i + chunkSize, rows.length), rows.length);
  }
}

/** Good enough for table names: household → households, ledger counter → ledger counters, progress stays. */
const plural = (name: string) => (name.endsWith('s') ? name : name.replace(/([^aeiou])y$/, '$1ie') + 's');
