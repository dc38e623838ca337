import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

// Frozen once released: a change to the table is a new migration, never an edit here.
export class Initial1735000000000 implements MigrationInterface {
  name = 'Initial1735000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'sample_note',
        columns: [
          { name: 'divisionCode', type: 'varchar', length: '12', isPrimary: true },
          { name: 'note', type: 'varchar', length: '200' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('sample_note');
  }
}
