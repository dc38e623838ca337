import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The keyed creations of this subgraph (kit idempotency.ts, entity IdempotencyRecord): one row
 * per (operation, caller, idempotencyKey), unique. On MySQL/MariaDB the three key columns
 * compare byte for byte (utf8mb4_bin), as on SQLite: under the database's case-insensitive
 * collation "Key-1" and "key-1", or two callers whose subs differ only in case, would share a key.
 * Literal values only: a released migration must not change when live code does.
 */
export class IdempotencyRecords1733000000000 implements MigrationInterface {
  name = 'IdempotencyRecords1733000000000';

  async up(q: QueryRunner): Promise<void> {
    const type = q.connection.driver.options.type;
    const exact = type === 'mysql' || type === 'mariadb' ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {};
    await q.createTable(
      new Table({
        name: 'idempotency_record',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'operation', type: 'varchar', length: '60', ...exact },
          { name: 'caller', type: 'varchar', length: '100', ...exact },
          { name: 'idempotencyKey', type: 'varchar', length: '100', ...exact },
          { name: 'fingerprint', type: 'varchar', length: '64' },
          { name: 'resultId', type: 'varchar', length: '40' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'uq_idempotency_record', columnNames: ['operation', 'caller', 'idempotencyKey'], isUnique: true }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('idempotency_record');
  }
}
