import { createDataSource } from './db';

describe('createDataSource', () => {
  const base = { dataDir: '/tmp', name: 'places', entities: [], migrations: [] };
  const limitOf = (ds: ReturnType<typeof createDataSource>) => (ds.options as { extra?: { connectionLimit?: number } }).extra?.connectionLimit;

  it('keeps DB_POOL_SIZE connections to MySQL/MariaDB, 20 unless told', () => {
    expect(limitOf(createDataSource({ ...base, url: 'mysql://root@127.0.0.1:3306/places', poolSize: 32 }))).toBe(32);
    expect(limitOf(createDataSource({ ...base, url: 'mysql://root@127.0.0.1:3306/places' }))).toBe(20);
    expect(createDataSource({ ...base, url: ':memory:', poolSize: 32 }).options.type).toBe('better-sqlite3');
  });
});
