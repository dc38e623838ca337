import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflict } from './errors';

/** A row with optimistic locking: every change moves `version` on by one. */
export interface Versioned extends ObjectLiteral {
  id: string;
  version: number;
}

/** CONFLICT on `expectedVersion` when the caller expected another version than the row has (no check without one). */
export function requireVersion(what: string, row: Versioned, expected: number | null | undefined): void {
  if (expected != null && expected !== row.version) throw conflict(`${what} ${row.id} is at version ${row.version}, not ${expected}`, 'expectedVersion');
}

/**
 * The one way to change a versioned row: `UPDATE … SET …, version = version + 1 WHERE id = ?
 * AND version = ?`, with the version that was read. Returns the row as changed, or null when
 * another writer got there first since the read (the caller answers CONFLICT, or reads again).
 */
export async function updateVersioned<T extends Versioned>(em: EntityManager, entity: EntityTarget<T>, row: T, patch: Partial<T>): Promise<T | null> {
  const result = await em
    .createQueryBuilder()
    .update(entity)
    .set({ ...patch, version: () => 'version + 1' } as never)
    .where('id = :id AND version = :version', { id: row.id, version: row.version })
    .execute();
  return result.affected === 1 ? Object.assign(row, patch, { version: row.version + 1 }) : null;
}
