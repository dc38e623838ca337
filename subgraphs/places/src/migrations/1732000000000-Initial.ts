import { enumColumn, intColumn } from '@cadres/kit/src/migration-columns';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

// Frozen: the values as released. A new value needs a new migration, never an edit here.
const divisionLevels = ['PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE', 'COMMUNITY'];

export class Initial1732000000000 implements MigrationInterface {
  name = 'Initial1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'division',
        columns: [
          { name: 'code', type: 'varchar', length: '12', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          enumColumn(q, 'level', divisionLevels),
          { name: 'parentCode', type: 'varchar', length: '12', isNullable: true },
          intColumn('population', { isNullable: true }),
        ],
        indices: [
          { name: 'idx_division_level', columnNames: ['level'] },
          { name: 'idx_division_parent', columnNames: ['parentCode'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'building',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'divisionCode', type: 'varchar', length: '12' },
        ],
        indices: [{ name: 'idx_building_division', columnNames: ['divisionCode'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'building_unit',
        columns: [
          { name: 'id', type: 'varchar', length: '48', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'buildingId', type: 'varchar', length: '40' },
        ],
        indices: [{ name: 'idx_building_unit_building', columnNames: ['buildingId'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('building_unit');
    await q.dropTable('building');
    await q.dropTable('division');
  }
}
