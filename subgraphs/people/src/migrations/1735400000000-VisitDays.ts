import { enumColumn, intColumn } from '@cadres/kit/src/migration-columns';
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

// Frozen: the values as released. A new value needs a new migration, never an edit here.
const visitKindsBefore = ['HOME_VISIT', 'FORUM', 'RESEARCH', 'STATIONED', 'ENTERPRISE_VISIT', 'SITE_VISIT'];
const visitKinds = [...visitKindsBefore, 'CONDOLENCE', 'PARTY_DAY', 'BUILDING_SWEEP'];

/** visit.days (1 for every visit before it) and three visit kinds: 慰问, 主题党日, 楼栋遍访. */
export class VisitDays1735400000000 implements MigrationInterface {
  name = 'VisitDays1735400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('visit', new TableColumn(intColumn('days', { default: 1 })));
    await q.changeColumn('visit', 'kind', new TableColumn(enumColumn(q, 'kind', visitKinds)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.changeColumn('visit', 'kind', new TableColumn(enumColumn(q, 'kind', visitKindsBefore)));
    await q.dropColumn('visit', 'days');
  }
}
