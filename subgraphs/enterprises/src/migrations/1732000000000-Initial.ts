import { enumColumn, intColumn } from '@cadres/kit/src/migration-columns';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

// Frozen: the values as released. A new value needs a new migration, never an edit here.
const enterpriseCategories = ['ABOVE_SCALE_INDUSTRIAL', 'SPECIALIZED_NEW', 'TECH_SME', 'OTHER'];

export class Initial1732000000000 implements MigrationInterface {
  name = 'Initial1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'enterprise',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'creditCode', type: 'varchar', length: '18' },
          { name: 'name', type: 'varchar', length: '200' },
          enumColumn(q, 'category', enterpriseCategories),
          { name: 'industry', type: 'varchar', length: '50', isNullable: true },
          intColumn('employees', { isNullable: true }),
          { name: 'divisionCode', type: 'varchar', length: '12' },
          intColumn('version'),
        ],
        indices: [
          { name: 'uq_enterprise_credit_code', columnNames: ['creditCode'], isUnique: true },
          { name: 'idx_enterprise_division_category', columnNames: ['divisionCode', 'category'] },
          { name: 'idx_enterprise_category', columnNames: ['category', 'id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('enterprise');
  }
}
