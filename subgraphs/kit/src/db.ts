import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { DataSource, EventSubscriber, type AfterQueryEvent, type DataSourceOptions, type EntitySubscriberInterface, type EntityManager, type EntityTarget, type Logger as OrmLogger, type MixedList, type ObjectLiteral, type QueryRunner } from 'typeorm';
import type { Logger } from 'pino';

/**
 * SQL statement counting. Every statement TypeORM sends goes through `StatementLogger`, which
 * bumps a process-wide counter (tests read it around one request) and the counter of the
 * current request (logged with the request, via AsyncLocalStorage).
 */
let statementsSent = 0;
export const statementCount = () => statementsSent;
/** Reads that joined an identical statement in flight instead of sending their own (shareReadsInFlight). */
let statementsShared = 0;
export const sharedStatementCount = () => statementsShared;
export interface RequestStats {
  sql: number;
  /** Reads this request had answered by an identical statement already in flight. */
  sqlShared?: number;
  /** Time its statements took, as TypeORM measures it (whole milliseconds), for the metrics. */
  sqlMs?: number;
}
export const requestStats = new AsyncLocalStorage<RequestStats>();

/**
 * Bumped by every statement that may write, when it is sent and again when it is done (a COMMIT
 * among them): a read in flight from before a write of this process is not shared after it.
 */
let writeEpoch = 0;
const isRead = (sql: string) => /^\s*(SELECT|WITH)\b/i.test(sql);

/**
 * Told when each statement has run (TypeORM's afterQuery, in the request's async context): adds
 * its time to the request's, and reports it to `onStatement` (the tracing hook, set only while
 * tracing is on, so that nothing is spent on spans otherwise).
 */
export const sqlHooks: { onStatement?: (event: AfterQueryEvent) => void } = {};
// TypeORM takes only decorated subscriber classes.
@EventSubscriber()
class StatementTimer implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent) {
    if (!isRead(event.query)) writeEpoch++;
    const stats = requestStats.getStore();
    if (stats && event.executionTime) stats.sqlMs = (stats.sqlMs ?? 0) + event.executionTime;
    sqlHooks.onStatement?.(event);
  }
}

class StatementLogger implements OrmLogger {
  constructor(private readonly out?: Logger) {}
  logQuery(query: string, parameters?: unknown) {
    statementsSent++;
    if (!isRead(query)) writeEpoch++;
    const stats = requestStats.getStore();
    if (stats) stats.sql++;
    this.out?.trace({ query, parameters }, 'sql');
  }
  logQueryError(error: string | Error, query: string) {
    this.out?.debug({ err: error, query }, 'sql failed');
  }
  logQuerySlow(time: number, query: string) {
    this.out?.warn({ time, query }, 'slow sql');
  }
  logSchemaBuild(message: string) {
    this.out?.debug(message);
  }
  logMigration(message: string) {
    this.out?.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.out?.warn(String(message));
    else this.out?.debug(String(message));
  }
}

/**
 * Identical reads in flight at the same time share one statement and its rows. Ten people on
 * the same district screen under ten tokens are ten callers the gateway must not share a fetch
 * between, yet their aggregates are the same statements: sent once, answered ten times. Safe
 * across viewers: what a viewer may see is in the statement (its scope predicates and their
 * parameters), so the same text and parameters give the same rows. Only DataSource.query outside
 * a transaction is shared, never after this process wrote since the statement was sent (a
 * request reads its own writes), and each joiner gets its own copy of the rows. With SQLite
 * nothing is ever in flight: its driver runs a statement to the end when it is called.
 */
function shareReadsInFlight(ds: DataSource): void {
  const inFlight = new Map<string, { epoch: number; rows: Promise<unknown> }>();
  const send = ds.query.bind(ds);
  const query = (sql: string, params?: unknown[], runner?: QueryRunner): Promise<unknown> => {
    if (runner || !isRead(sql)) return send(sql, params, runner);
    const key = `${sql}\u0000${JSON.stringify(params ?? [])}`;
    const running = inFlight.get(key);
    if (running && running.epoch === writeEpoch) {
      statementsShared++;
      const stats = requestStats.getStore();
      if (stats) stats.sqlShared = (stats.sqlShared ?? 0) + 1;
      return running.rows.then(copyRows);
    }
    const entry = { epoch: writeEpoch, rows: send(sql, params) };
    inFlight.set(key, entry);
    const done = () => inFlight.get(key) === entry && inFlight.delete(key);
    entry.rows.then(done, done);
    return entry.rows;
  };
  ds.query = query as DataSource['query'];
}

const copyRows = (rows: unknown) => (Array.isArray(rows) ? rows.map((r) => (r && typeof r === 'object' ? { ...r } : r)) : rows);

export interface DatabaseOptions {
  /** `mysql://…` for MySQL/MariaDB; undefined for the embedded SQLite file; `:memory:` for tests. */
  url?: string;
  dataDir: string;
  /** The subgraph's name: names the SQLite file. */
  name: string;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
  log?: Logger;
  /** For mysql:// URLs: the most connections open at once (default 20). */
  poolSize?: number;
  /** For mysql:// URLs: which server answers (TypeORM reads MariaDB's schema differently). */
  flavor?: 'mysql' | 'mariadb';
  /** Identical reads in flight share one statement (shareReadsInFlight; SQL_DEDUPLICATE); on unless false. */
  shareReads?: boolean;
}

export const isMysqlUrl = (url?: string) => !!url && /^(mysql|mariadb):\/\//.test(url);

export function createDataSource(opts: DatabaseOptions): DataSource {
  const common = {
    entities: opts.entities,
    migrations: opts.migrations,
    synchronize: false,
    logging: true,
    logger: new StatementLogger(opts.log),
    subscribers: [StatementTimer] as Function[],
    maxQueryExecutionTime: 500,
  } as const;
  let options: DataSourceOptions;
  if (isMysqlUrl(opts.url)) {
    options = {
      ...common,
      type: opts.flavor ?? (opts.url!.startsWith('mariadb:') ? 'mariadb' : 'mysql'),
      url: opts.url!.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      extra: { connectionLimit: opts.poolSize ?? 20 },
    };
  } else {
    const database = opts.url === ':memory:' ? ':memory:' : sqliteFile(opts.dataDir, opts.name);
    options = {
      ...common,
      type: 'better-sqlite3',
      database,
      enableWAL: database !== ':memory:',
      // Writers wait for each other instead of failing at once with SQLITE_BUSY.
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return new DataSource(options);
}

function sqliteFile(dataDir: string, name: string) {
  mkdirSync(dataDir, { recursive: true });
  return path.resolve(dataDir, `${name}.sqlite`);
}

/** Connects and brings the schema up to date with the migrations (never `synchronize`). */
export async function openDatabase(opts: DatabaseOptions): Promise<DataSource> {
  const flavor = isMysqlUrl(opts.url) ? await detectMysqlFlavor(opts.url!) : undefined;
  const ds = createDataSource({ ...opts, flavor });
  if (flavor && opts.shareReads !== false) shareReadsInFlight(ds);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } catch (e) {
    await ds.destroy();
    throw e;
  }
  return ds;
}

/** Dialect-neutral SQL helpers for the few raw statements we write. */
export const isMysql = (ds: DataSource) => ds.options.type === 'mysql' || ds.options.type === 'mariadb';

/**
 * SQL: the calendar month in China (Beijing) time, 'YYYY-MM', of `column`, an instant stored as
 * a UTC datetime (SQLite: its text). China keeps UTC+8 all year, so a fixed shift is exact.
 */
export const chinaMonthSql = (ds: DataSource, column: string) =>
  isMysql(ds) ? `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m')` : `strftime('%Y-%m', ${column}, '+8 hours')`;

/** MySQL and MariaDB both answer mysql:// URLs; ask the server which it is. */
async function detectMysqlFlavor(url: string): Promise<'mysql' | 'mariadb'> {
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection(url.replace(/^mariadb:/, 'mysql:'));
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as { v: string }[])[0].v)) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

/**
 * Inserts `row` where a unique index forbids twins: when a concurrent write got its twin in
 * first (past whatever check came before), the index refuses ours, and the caller's
 * `duplicate()` error (a CONFLICT naming the field) is thrown instead of a driver error.
 */
export async function insertUnique<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, row: T, duplicate: () => Error): Promise<T> {
  try {
    await em.insert(entity, row);
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
  return row;
}

/**
 * Whether a driver error is a unique-key violation (MySQL/MariaDB or SQLite), optionally of one
 * index: MySQL names the index in its message, SQLite names the column (`table.column`).
 */
export function isUniqueViolation(e: unknown, which?: { index: string; column: string }): boolean {
  const err = e as { driverError?: { code?: string; message?: string }; code?: string; message?: string };
  const code = err?.driverError?.code ?? err?.code ?? '';
  const message = err?.driverError?.message ?? err?.message ?? '';
  if (code === 'ER_DUP_ENTRY') return !which || message.includes(which.index);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return !which || message.includes(`.${which.column}`);
  return false;
}
