import { enumColumn, intColumn } from '@cadres/kit/src/migration-columns';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

// Frozen: the values as released. A new value needs a new migration, never an edit here.
const projectLevels = ['PROVINCIAL_KEY', 'MUNICIPAL_KEY', 'COUNTY_KEY', 'OTHER'];

export class Projects1732000000001 implements MigrationInterface {
  name = 'Projects1732000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'project',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          enumColumn(q, 'level', projectLevels),
          { name: 'enterpriseId', type: 'varchar', length: '40' },
          { name: 'siteCode', type: 'varchar', length: '12' },
          { name: 'plannedStart', type: 'varchar', length: '10' },
          { name: 'plannedFinish', type: 'varchar', length: '10' },
          intColumn('startDay'),
          intColumn('finishDay'),
          intColumn('actualBp'),
          intColumn('reportCount'),
          intColumn('version'),
        ],
        indices: [
          { name: 'idx_project_enterprise', columnNames: ['enterpriseId'] },
          { name: 'idx_project_site', columnNames: ['siteCode'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'project_progress',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'projectId', type: 'varchar', length: '40' },
          intColumn('seq'),
          intColumn('progressBp'),
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
          { name: 'reportedAt', type: 'datetime' },
          { name: 'reportedBy', type: 'varchar', length: '100', isNullable: true },
        ],
        indices: [{ name: 'uq_project_progress_seq', columnNames: ['projectId', 'seq'], isUnique: true }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('project_progress');
    await q.dropTable('project');
  }
}
