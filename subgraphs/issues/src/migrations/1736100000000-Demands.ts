import { enumColumn, intColumn } from '@cadres/kit/src/migration-columns';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

// Frozen: the values as released. A new value needs a new migration, never an edit here.
const demandStatuses = ['ORDERED', 'OPENED', 'TAKEN', 'DONE', 'DELIBERATED'];

/**
 * The 四单 method (issue 12): demand, its takers, its history and its number counter. All start empty.
 * Literal values only: a released migration must not change when live code does.
 */
export class Demands1736100000000 implements MigrationInterface {
  name = 'Demands1736100000000';

  async up(q: QueryRunner): Promise<void> {
    const instant = (name: string, isNullable = false) => ({ name, type: 'datetime', precision: 3, isNullable });
    await q.createTable(
      new Table({
        name: 'demand',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'ref', type: 'varchar', length: '24' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'description', type: 'varchar', length: '2000' },
          { name: 'divisionCode', type: 'varchar', length: '12' },
          enumColumn(q, 'status', demandStatuses),
          intColumn('version'),
          { name: 'orderedBy', type: 'varchar', length: '100' },
          instant('orderedAt'),
          instant('openedAt', true),
          instant('takenAt', true),
          instant('doneAt', true),
          instant('deliberatedAt', true),
          { name: 'result', type: 'varchar', length: '2000', isNullable: true },
          { name: 'scores', type: 'text', isNullable: true },
        ],
        indices: [
          { name: 'uq_demand_ref', columnNames: ['ref'], isUnique: true },
          { name: 'idx_demand_division', columnNames: ['divisionCode'] },
          { name: 'idx_demand_status', columnNames: ['status'] },
          { name: 'idx_demand_ordered_by', columnNames: ['orderedBy'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'demand_taker',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'demandId', type: 'varchar', length: '36' },
          intColumn('seq'),
          { name: 'departmentId', type: 'varchar', length: '40', isNullable: true },
          { name: 'cadreId', type: 'varchar', length: '40', isNullable: true },
          instant('at'),
        ],
        indices: [{ name: 'uq_demand_taker_seq', columnNames: ['demandId', 'seq'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'demand_event',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'demandId', type: 'varchar', length: '36' },
          intColumn('seq'),
          instant('at'),
          { name: 'action', type: 'varchar', length: '40' },
          enumColumn(q, 'fromStatus', demandStatuses, { isNullable: true }),
          enumColumn(q, 'toStatus', demandStatuses),
          { name: 'actor', type: 'varchar', length: '100' },
          { name: 'note', type: 'varchar', length: '2000', isNullable: true },
        ],
        indices: [{ name: 'uq_demand_event_seq', columnNames: ['demandId', 'seq'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'demand_counter',
        columns: [
          { name: 'districtPrefix', type: 'varchar', length: '6', isPrimary: true },
          { ...intColumn('ledgerYear'), isPrimary: true },
          intColumn('lastNumber'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['demand_counter', 'demand_event', 'demand_taker', 'demand']) await q.dropTable(table);
  }
}
