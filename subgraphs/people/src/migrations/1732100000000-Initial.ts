import { enumColumn, intColumn } from '@cadres/kit/src/migration-columns';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

// Frozen: the values as released. A new value needs a new migration, never an edit here.
const cadreRanks = ['CITY_LEVEL', 'COUNTY_LEVEL', 'SECTION_LEVEL', 'STAFF'];
const liaisonRoles = ['LEAD', 'MEMBER', 'FIRST_SECRETARY'];
const targetTypes = ['Division', 'BuildingUnit', 'Household', 'Enterprise', 'Project'];

export class Initial1732100000000 implements MigrationInterface {
  name = 'Initial1732100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'department',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'divisionCode', type: 'varchar', length: '12' },
        ],
        indices: [{ name: 'idx_department_division', columnNames: ['divisionCode'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cadre',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'name', type: 'varchar', length: '50' },
          enumColumn(q, 'cadreRank', cadreRanks),
          { name: 'departmentId', type: 'varchar', length: '40' },
          { name: 'partyMember', type: 'boolean' },
          { name: 'phone', type: 'varchar', length: '20', isNullable: true },
          intColumn('version'),
        ],
        indices: [
          { name: 'idx_cadre_name', columnNames: ['name'] },
          { name: 'idx_cadre_rank', columnNames: ['cadreRank'] },
          { name: 'idx_cadre_department', columnNames: ['departmentId'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'liaison',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'cadreId', type: 'varchar', length: '40' },
          enumColumn(q, 'targetType', targetTypes),
          { name: 'targetId', type: 'varchar', length: '48' },
          { name: 'divisionCode', type: 'varchar', length: '12', isNullable: true },
          enumColumn(q, 'role', liaisonRoles),
          { name: 'since', type: 'varchar', length: '10' },
          { name: 'until', type: 'varchar', length: '10', isNullable: true },
          { name: 'openKey', type: 'varchar', length: '160', isNullable: true },
          intColumn('version'),
        ],
        indices: [
          { name: 'idx_liaison_cadre', columnNames: ['cadreId'] },
          { name: 'idx_liaison_target', columnNames: ['targetType', 'targetId'] },
          { name: 'idx_liaison_type_division', columnNames: ['targetType', 'divisionCode'] },
          { name: 'uq_liaison_open', columnNames: ['openKey'], isUnique: true },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('liaison');
    await q.dropTable('cadre');
    await q.dropTable('department');
  }
}
