import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { notFound } from './errors';

/**
 * Per-request home of the DataLoaders. Loaders are made on first use, so a request pays only
 * for what it touches, and nothing is cached across requests (or viewers).
 */
export class LoaderCache {
  private readonly loaders = new Map<string, unknown>();
  /** The loader called `name` (include the arguments in it when they shape the batch). */
  get<L>(name: string, make: () => L): L {
    if (!this.loaders.has(name)) this.loaders.set(name, make());
    return this.loaders.get(name) as L;
  }
}

/** De-duplicated keys in first-seen order. */
const unique = <K>(keys: readonly K[]) => [...new Set(keys)];

/**
 * One row per key (a primary or unique key): one `IN (…)` statement per batch, rows put back
 * in the order of the keys, and an error per key that has no row.
 */
export function rowLoader<K, V>(
  fetch: (keys: K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
  what: string,
): DataLoader<K, V> {
  return new DataLoader<K, V>(async (keys) => {
    const rows = await fetch(unique(keys));
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? notFound(what, key));
  });
}

/** Many rows per key (a foreign key): one statement per batch; a key with no rows gets []. */
export function groupLoader<K, V>(fetch: (keys: K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await fetch(unique(keys));
    const byKey = new Map<K, V[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const list = byKey.get(key);
      if (list) list.push(row);
      else byKey.set(key, [row]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

/** A value per key computed by one batched statement (counts, aggregates); `fallback` for keys without a row. */
export function valueLoader<K, V>(fetch: (keys: K[]) => Promise<Map<K, V>>, fallback: V): DataLoader<K, V> {
  return new DataLoader<K, V>(async (keys) => {
    const values = await fetch(unique(keys));
    return keys.map((key) => (values.has(key) ? values.get(key)! : fallback));
  });
}

/** Resolves to null instead of throwing when the key has no row (for `division(code)` and the like). */
export async function loadOrNull<K, V>(loader: DataLoader<K, V>, key: K): Promise<V | null> {
  try {
    return await loader.load(key);
  } catch (e) {
    if ((e as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND') return null;
    throw e;
  }
}

/**
 * The per-request loader of `entity` rows by a unique column (primary key or unique key):
 * `rowsByKey(ctx, Cadre, 'id').load(id)`. Rows come back as loaded by TypeORM.
 */
export function rowsByKey<T extends ObjectLiteral, C extends keyof T & string>(
  ctx: { ds: DataSource; loaders: LoaderCache },
  entity: EntityTarget<T>,
  column: C,
): DataLoader<T[C], T> {
  const meta = ctx.ds.getMetadata(entity);
  return ctx.loaders.get(`rowsByKey:${meta.name}.${column}`, () =>
    rowLoader<T[C], T>(
      (keys) => ctx.ds.getRepository(entity).findBy({ [column]: In(keys as unknown[]) } as FindOptionsWhere<T>),
      (row) => row[column],
      meta.name,
    ),
  );
}
