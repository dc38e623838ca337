import type { DataSource, EntityManager } from 'typeorm';
import { isMysql } from './db';

/**
 * The one way subgraphs write: a transaction, all or nothing.
 *
 * TypeORM's better-sqlite3 driver shares a single connection, so two concurrent
 * `ds.transaction()` calls would nest (the second becomes a SAVEPOINT of the first). On SQLite
 * we therefore queue transactions per DataSource; SQLite serializes writers anyway. MySQL and
 * MariaDB get real concurrent transactions, and a deadlock victim is retried a few times.
 */
const queues = new WeakMap<DataSource, Promise<unknown>>();

const DEADLOCK = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

export async function transaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (isMysql(ds)) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await ds.transaction(work);
      } catch (e) {
        const code = (e as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (e as { code?: string }).code;
        if (!code || !DEADLOCK.has(code) || attempt >= 3) throw e;
      }
    }
  }
  const previous = queues.get(ds) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => ds.transaction(work));
  queues.set(ds, run);
  return run;
}
