import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource, openDatabase, sharedStatementCount } from './db';
import { countStatements, describeEachDatabase } from './testing';

describe('createDataSource', () => {
  const base = { dataDir: '/tmp', name: 'places', entities: [], migrations: [] };
  const limitOf = (ds: ReturnType<typeof createDataSource>) => (ds.options as { extra?: { connectionLimit?: number } }).extra?.connectionLimit;

  it('keeps DB_POOL_SIZE connections to MySQL/MariaDB, 20 unless told', () => {
    expect(limitOf(createDataSource({ ...base, url: 'mysql://root@127.0.0.1:3306/places', poolSize: 32 }))).toBe(32);
    expect(limitOf(createDataSource({ ...base, url: 'mysql://root@127.0.0.1:3306/places' }))).toBe(20);
    expect(createDataSource({ ...base, url: ':memory:', poolSize: 32 }).options.type).toBe('better-sqlite3');
  });
});

describeEachDatabase('identical reads in flight', (db) => {
  let ds: DataSource;
  let plain: DataSource;
  beforeAll(async () => {
    const url = await db.create('shared_reads');
    // Two DataSources on one database: an SQLite file, as :memory: is one database per connection.
    const file = url === ':memory:' ? { url: undefined, dataDir: mkdtempSync(path.join(os.tmpdir(), 'shared-reads-')) } : { url, dataDir: '/tmp' };
    const opts = { ...file, name: 'shared', entities: [], migrations: [] };
    ds = await openDatabase(opts);
    plain = await openDatabase({ ...opts, shareReads: false });
    await ds.query('CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(20))');
    await ds.query("INSERT INTO note (id, body) VALUES (1, 'one'), (2, 'two')");
  });
  afterAll(async () => {
    await ds?.destroy();
    await plain?.destroy();
  });

  /** A read that takes a while on MySQL (so that the others arrive while it runs). */
  const slowRead = (source: DataSource, id: number) =>
    source.query(db.kind === 'mysql' ? 'SELECT n.id, n.body, SLEEP(0.2) AS slept FROM note n WHERE n.id = ?' : 'SELECT n.id, n.body FROM note n WHERE n.id = ?', [id]);

  it('send one statement for ten at once on MySQL, each caller getting its own rows; SQLite runs each', async () => {
    const shared = sharedStatementCount();
    const { result, statements } = await countStatements(() => Promise.all(Array.from({ length: 10 }, () => slowRead(ds, 1))));
    expect(result.map((rows) => rows[0].body)).toEqual(Array(10).fill('one'));
    expect(new Set(result).size).toBe(10);
    result[0][0].body = 'changed';
    expect(result[1][0].body).toBe('one');
    expect([statements, sharedStatementCount() - shared]).toEqual(db.kind === 'mysql' ? [1, 9] : [10, 0]);
  });

  it('do not share between different parameters, with SQL_DEDUPLICATE=false, or inside a transaction', async () => {
    const { result: two } = await countStatements(() => Promise.all([slowRead(ds, 1), slowRead(ds, 2)]));
    expect(two.map((rows) => rows[0].body)).toEqual(['one', 'two']);
    const off = await countStatements(() => Promise.all(Array.from({ length: 3 }, () => slowRead(plain, 1))));
    expect(off.statements).toBe(3);
    const inTransaction = await countStatements(() => ds.transaction((em) => Promise.all([em.query('SELECT body FROM note WHERE id = ?', [1]), em.query('SELECT body FROM note WHERE id = ?', [1])])));
    expect(inTransaction.result).toEqual([[{ body: 'one' }], [{ body: 'one' }]]);
    // START TRANSACTION, two reads, COMMIT: none shared.
    expect(inTransaction.statements).toBe(4);
  });

  it('do not answer a read sent after a write with a statement sent before it', async () => {
    const before = slowRead(ds, 2);
    await plain.query("UPDATE note SET body = 'deux' WHERE id = 2");
    // A write of another process is as concurrent as ever; one of this process is not.
    await ds.query("UPDATE note SET body = 'zwei' WHERE id = 2");
    const after = await countStatements(() => slowRead(ds, 2));
    expect(after.statements).toBe(1);
    expect(after.result[0].body).toBe('zwei');
    await before;
  });
});
