import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { toConnection, type Connection, type Page } from './connection';
import { valueLoader, type LoaderCache } from './loaders';
import { subtreeRange } from './validators';

/**
 * Paginated lists under many parents in one statement: "the first 10 children of each of these
 * 500 divisions", "the enterprises of each of these 1,000 subtrees". A window function
 * (ROW_NUMBER() OVER (PARTITION BY group)) cuts each group's page, so the number of statements
 * does not grow with the number of parents. MySQL 8, MariaDB 10.2+ and SQLite 3.25+ all have it.
 */
export interface GroupSpec {
  /** SQL for the group key of a row of `t`, e.g. `t.parentCode` or `SUBSTR(t.code, 1, 6)`. */
  key: string;
  /** SQL restricting `t` to the groups asked for, with its parameters. */
  filter: string;
  params: unknown[];
}

/** Groups by equality on a column: `t.parentCode IN (…)`. */
export function equalGroups(column: string, keys: readonly string[]): GroupSpec[] {
  return [{ key: `t.${column}`, filter: `t.${column} IN (${keys.map(() => '?').join(', ')})`, params: [...keys] }];
}

/**
 * Groups by subtree of division codes. Each subtree is an indexed range (`code >= lo AND code
 * < hi`); the group key is the code's prefix. Prefixes of different lengths (a district and a
 * township in one batch) get one statement per length: at most five, whatever the list size.
 * Full 12-digit codes (villages, communities) are one `IN (…)`. Ranges are ORed in
 * parenthesized chunks because SQLite parses an OR chain as a tree as deep as the chain and
 * refuses past 1,000 ("Expression tree is too large"). `column` is on `t` unless it names its
 * alias (`v.divisionCode`).
 */
export function subtreeGroups(column: string, prefixes: readonly string[], chunk = 100): { spec: GroupSpec; prefixes: string[] }[] {
  const col = column.includes('.') ? column : `t.${column}`;
  const byLength = new Map<number, string[]>();
  for (const p of new Set(prefixes)) {
    const group = byLength.get(p.length);
    if (group) group.push(p);
    else byLength.set(p.length, [p]);
  }
  return [...byLength].map(([length, group]) => {
    if (length === 12) {
      return { prefixes: group, spec: { key: col, filter: `${col} IN (${group.map(() => '?').join(', ')})`, params: [...group] } };
    }
    const parts: string[] = [];
    for (let i = 0; i < group.length; i += chunk) {
      parts.push(`(${group.slice(i, i + chunk).map(() => `(${col} >= ? AND ${col} < ?)`).join(' OR ')})`);
    }
    return {
      prefixes: group,
      spec: {
        key: `SUBSTR(${col}, 1, ${length})`,
        filter: parts.join(' OR '),
        params: group.flatMap((p) => {
          const { lo, hi } = subtreeRange(p.padEnd(12, '0'));
          return [lo, hi];
        }),
      },
    };
  });
}

export interface GroupedListQuery<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  /** Extra condition on `t`, e.g. `t.level = ?`. */
  where?: string;
  params?: unknown[];
  /** ORDER BY within each group, e.g. `t.code`. Must be total (end with a unique column). */
  orderBy: string;
}

function tableOf(ds: DataSource, entity: EntityTarget<ObjectLiteral>) {
  return ds.driver.escape(ds.getMetadata(entity).tableName);
}

const whereOf = (spec: GroupSpec, q: GroupedListQuery<ObjectLiteral>) =>
  `(${spec.filter})${q.where ? ` AND (${q.where})` : ''}`;

/** Rows of each group's page (limit + 1 per group, to tell whether more follow). */
export async function pageByGroup<T extends ObjectLiteral>(
  ds: DataSource,
  q: GroupedListQuery<T>,
  spec: GroupSpec,
  page: Page,
): Promise<Map<string, T[]>> {
  const sql =
    `SELECT * FROM (SELECT t.*, ${spec.key} AS grp__, ROW_NUMBER() OVER (PARTITION BY ${spec.key} ORDER BY ${q.orderBy}) AS rn__` +
    ` FROM ${tableOf(ds, q.entity)} t WHERE ${whereOf(spec, q)}) x WHERE rn__ > ? AND rn__ <= ? ORDER BY grp__, rn__`;
  const raw: Record<string, unknown>[] = await ds.query(sql, [
    ...spec.params,
    ...(q.params ?? []),
    page.offset,
    page.offset + page.limit + 1,
  ]);
  const out = new Map<string, T[]>();
  for (const row of raw) {
    const group = String(row.grp__);
    const rows = out.get(group);
    if (rows) rows.push(hydrate(ds, q.entity, row));
    else out.set(group, [hydrate(ds, q.entity, row)]);
  }
  return out;
}

/** Row count of each group. */
export async function countByGroup<T extends ObjectLiteral>(
  ds: DataSource,
  q: GroupedListQuery<T>,
  spec: GroupSpec,
): Promise<Map<string, number>> {
  const sql = `SELECT ${spec.key} AS grp__, COUNT(*) AS n__ FROM ${tableOf(ds, q.entity)} t WHERE ${whereOf(spec, q)} GROUP BY ${spec.key}`;
  const raw: { grp__: unknown; n__: unknown }[] = await ds.query(sql, [...spec.params, ...(q.params ?? [])]);
  return new Map(raw.map((r) => [String(r.grp__), Number(r.n__)]));
}

/** Turns a raw row into an entity the way TypeORM does (types, booleans, dates). */
export function hydrate<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, raw: Record<string, unknown>): T {
  const meta = ds.getMetadata(entity);
  const obj = meta.create() as T;
  for (const column of meta.columns) {
    if (column.databaseName in raw) {
      column.setEntityValue(obj, ds.driver.prepareHydratedValue(raw[column.databaseName], column));
    }
  }
  return obj;
}

/**
 * DataLoaders for a connection per group key (a parent code, a subtree prefix), for one set of
 * arguments. `specs` turns a batch of keys into the group specs to run. `count`, when given,
 * answers totalCount instead of the loaders' own count (a count the request needs elsewhere too).
 */
export function groupedConnectionLoaders<T extends ObjectLiteral>(
  ds: DataSource,
  q: GroupedListQuery<T>,
  page: Page,
  specs: (keys: readonly string[]) => { spec: GroupSpec; keys: string[] }[],
  count?: (key: string) => Promise<number>,
) {
  const rows = new DataLoader<string, T[]>(async (keys) => {
    const found = new Map<string, T[]>();
    for (const { spec } of specs(keys)) {
      for (const [k, v] of await pageByGroup(ds, q, spec, page)) found.set(k, v);
    }
    return keys.map((k) => found.get(k) ?? []);
  });
  const counts = new DataLoader<string, number>(async (keys) => {
    const found = new Map<string, number>();
    for (const { spec } of specs(keys)) {
      for (const [k, v] of await countByGroup(ds, q, spec)) found.set(k, v);
    }
    return keys.map((k) => found.get(k) ?? 0);
  });
  return {
    load: async (key: string): Promise<Connection<T>> =>
      toConnection(await rows.load(key), page, () => (count ? count(key) : counts.load(key))),
  };
}

/** specs() for `groupedConnectionLoaders` over a foreign-key column. */
export const byColumn = (column: string) => (keys: readonly string[]) => [
  { spec: equalGroups(column, keys)[0], keys: [...keys] },
];

/** specs() for `groupedConnectionLoaders` over subtrees; keys are division-code prefixes. */
export const bySubtree = (column: string) => (keys: readonly string[]) =>
  subtreeGroups(column, keys).map(({ spec, prefixes }) => ({ spec, keys: prefixes }));

/**
 * A per-request loader (on ctx.loaders, under `name`) of one value per subtree, keyed by code
 * prefixes of `column`: `run` once per prefix length, whatever the number of subtrees asked;
 * `fallback` for a subtree `run` gives nothing for.
 */
export function subtreeLoader<V>(
  ctx: { loaders: LoaderCache },
  name: string,
  column: string,
  fallback: V,
  run: (spec: GroupSpec) => Promise<Map<string, V>>,
): DataLoader<string, V> {
  return ctx.loaders.get(name, () =>
    valueLoader(async (prefixes: string[]) => {
      const out = new Map<string, V>();
      for (const { spec } of subtreeGroups(column, prefixes)) for (const [k, v] of await run(spec)) out.set(k, v);
      return out;
    }, fallback),
  );
}

/** Rows `(grp, n)` as group → number. */
export const countsByGroup = (rows: { grp: unknown; n: unknown }[]): Map<string, number> => new Map(rows.map((r) => [String(r.grp), Number(r.n)]));

/** Rows `(grp, id)` as group → its ids, in row order. */
export function idsByGroup(rows: { grp: unknown; id: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const ids = out.get(String(r.grp));
    if (ids) ids.push(r.id);
    else out.set(String(r.grp), [r.id]);
  }
  return out;
}
