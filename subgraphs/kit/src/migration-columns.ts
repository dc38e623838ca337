import type { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Frozen: released migrations build their tables with these, so what they return must never
 * change (test/migrations.test.ts pins it); a new need is a new helper.
 *
 * Column definitions for migrations that hold on both databases. TypeORM's `simple-enum` is an
 * entity type: in a migration MySQL needs `enum` and SQLite `simple-enum` (a CHECK), and SQLite
 * reads `int` back as `integer`. Entities keep `simple-enum` and `int`.
 */
export function enumColumn(q: QueryRunner, name: string, values: readonly string[], extra: Partial<TableColumnOptions> = {}): TableColumnOptions {
  const mysql = q.connection.driver.options.type === 'mysql' || q.connection.driver.options.type === 'mariadb';
  return { name, type: mysql ? 'enum' : 'simple-enum', enum: [...values], ...extra };
}

export function intColumn(name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions {
  return { name, type: 'integer', ...extra };
}
