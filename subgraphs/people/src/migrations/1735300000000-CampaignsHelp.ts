import { enumColumn, intColumn } from '@cadres/kit/src/migration-columns';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

// Frozen: the values as released.
const targetTypes = ['Division', 'BuildingUnit', 'Household', 'Enterprise', 'Project'];

/** Campaigns, their participating departments, and help records (entities Campaign, CampaignDepartment, HelpRecord). */
export class CampaignsHelp1735300000000 implements MigrationInterface {
  name = 'CampaignsHelp1735300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'campaign',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'divisionCode', type: 'varchar', length: '12' },
          { name: 'dateFrom', type: 'varchar', length: '10' },
          { name: 'dateTo', type: 'varchar', length: '10' },
          { name: 'phases', type: 'text' },
          intColumn('householdsPerCadre'),
          intColumn('visitsPerHousehold'),
          intColumn('cadresPerHomeVisit'),
          intColumn('cadresPerBuildingUnit'),
          { name: 'rankedLiaisonRanks', type: 'varchar', length: '100' },
          { name: 'areaLeadCovers', type: 'boolean' },
          intColumn('version'),
        ],
        indices: [{ name: 'idx_campaign_division', columnNames: ['divisionCode', 'dateFrom'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'campaign_department',
        columns: [
          { name: 'campaignId', type: 'varchar', length: '40', isPrimary: true },
          { name: 'departmentId', type: 'varchar', length: '40', isPrimary: true },
        ],
        indices: [{ name: 'idx_campaign_department_department', columnNames: ['departmentId'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'help_record',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'date', type: 'varchar', length: '10' },
          { name: 'cadreId', type: 'varchar', length: '40' },
          enumColumn(q, 'targetType', targetTypes, { isNullable: true }),
          { name: 'targetId', type: 'varchar', length: '48', isNullable: true },
          { name: 'divisionCode', type: 'varchar', length: '12' },
          intColumn('peopleHelped'),
          intColumn('fundsFen'),
          intColumn('contactCards'),
          intColumn('researchReports'),
          { name: 'note', type: 'varchar', length: '2000', isNullable: true },
        ],
        indices: [
          { name: 'idx_help_record_cadre', columnNames: ['cadreId', 'date'] },
          { name: 'idx_help_record_division', columnNames: ['divisionCode', 'date'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('help_record');
    await q.dropTable('campaign_department');
    await q.dropTable('campaign');
  }
}
