import { intColumn } from '@cadres/kit/src/migration-columns';
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Departments become first-class: a responsible leader (a cadre id) and an optimistic-locking
 * version, 1 for the departments that exist. Literal values only (frozen once released).
 */
export class DepartmentVersions1735100000000 implements MigrationInterface {
  name = 'DepartmentVersions1735100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('department', [
      new TableColumn({ name: 'leaderCadreId', type: 'varchar', length: '40', isNullable: true }),
      new TableColumn(intColumn('version', { default: 1 })),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('department', 'version');
    await q.dropColumn('department', 'leaderCadreId');
  }
}
