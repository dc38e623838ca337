import { enumColumn, intColumn } from '@cadres/kit/src/migration-columns';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

// Frozen: the values as released. A new value needs a new migration, never an edit here.
const coHandlingStatuses = ['ASSIGNED', 'ACCEPTED', 'REPORTED'];

/**
 * Joint handling (issue 12): co_handler (the departments handling an issue beside its lead) and
 * meeting (联席会议 on an issue). Both start empty.
 * Literal values only: a released migration must not change when live code does.
 */
export class JointHandling1736000000000 implements MigrationInterface {
  name = 'JointHandling1736000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'co_handler',
        columns: [
          { name: 'issueId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'departmentId', type: 'varchar', length: '40', isPrimary: true },
          intColumn('seq'),
          enumColumn(q, 'status', coHandlingStatuses),
          { name: 'feedback', type: 'varchar', length: '2000', isNullable: true },
          { name: 'addedAt', type: 'datetime', precision: 3 },
          { name: 'acceptedAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'reportedAt', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [{ name: 'idx_co_handler_department', columnNames: ['departmentId'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'meeting',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'issueId', type: 'varchar', length: '36' },
          intColumn('seq'),
          { name: 'date', type: 'varchar', length: '10' },
          { name: 'departmentIds', type: 'text' },
          { name: 'decision', type: 'varchar', length: '2000' },
          { name: 'at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'uq_meeting_seq', columnNames: ['issueId', 'seq'], isUnique: true }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('meeting');
    await q.dropTable('co_handler');
  }
}
