import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Bulk insert in chunks small enough for every driver's parameter limit. */
export async function insertInChunks<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly object[],
  chunkSize = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    await em.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + chunkSize) as T[]).execute();
  }
}
