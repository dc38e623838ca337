import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The audit log of unmasked ID number reads (entity IdNumberRead): append-only, one row per
 * resident read, with who read it, when, and in which operation and request.
 * Literal values only: a released migration must not change when live code does.
 */
export class IdNumberReads1734000000000 implements MigrationInterface {
  name = 'IdNumberReads1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'id_number_read',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'viewerSub', type: 'varchar', length: '100' },
          { name: 'viewerRole', type: 'varchar', length: '20' },
          { name: 'residentId', type: 'varchar', length: '40' },
          { name: 'readAt', type: 'datetime', precision: 3 },
          { name: 'operationName', type: 'varchar', length: '200', isNullable: true },
          { name: 'requestId', type: 'varchar', length: '100' },
        ],
        indices: [
          { name: 'idx_id_number_read_resident', columnNames: ['residentId', 'readAt'] },
          { name: 'idx_id_number_read_viewer', columnNames: ['viewerSub', 'readAt'] },
          { name: 'idx_id_number_read_time', columnNames: ['readAt'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('id_number_read');
  }
}
