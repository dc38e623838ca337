import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Measuring (issues 11 and 12):
 * - issue.fixedOnTheSpot: false for every issue before it (fixOnTheSpot is new);
 * - known_department: the departments issues has met and the division each serves. It starts
 *   empty (the ledger never stored a department's division); departments enter it when next
 *   assigned or rated.
 * Literal values only: a released migration must not change when live code does.
 */
export class Measuring1735000000000 implements MigrationInterface {
  name = 'Measuring1735000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('issue', new TableColumn({ name: 'fixedOnTheSpot', type: 'boolean', isNullable: true }));
    await q.query('UPDATE issue SET fixedOnTheSpot = 0');
    await q.changeColumn('issue', 'fixedOnTheSpot', new TableColumn({ name: 'fixedOnTheSpot', type: 'boolean' }));
    await q.createTable(
      new Table({
        name: 'known_department',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'divisionCode', type: 'varchar', length: '12' },
        ],
        indices: [{ name: 'idx_known_department_division', columnNames: ['divisionCode'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('known_department');
    await q.dropColumn('issue', 'fixedOnTheSpot');
  }
}
