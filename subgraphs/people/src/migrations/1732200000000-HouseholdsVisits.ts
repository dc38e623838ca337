import { enumColumn, intColumn } from '@cadres/kit/src/migration-columns';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

// Frozen: the values as released. A new value needs a new migration, never an edit here.
const householdTags = ['POOR', 'WEALTHY', 'PETITIONER', 'OLD_PARTY_MEMBER', 'OLD_CADRE', 'OLD_MODEL', 'MILITARY_FAMILY'];
const targetTypes = ['Division', 'BuildingUnit', 'Household', 'Enterprise', 'Project'];
const visitKinds = ['HOME_VISIT', 'FORUM', 'RESEARCH', 'STATIONED', 'ENTERPRISE_VISIT', 'SITE_VISIT'];

/** Households, residents and their tags; visits and who made them. */
export class HouseholdsVisits1732200000000 implements MigrationInterface {
  name = 'HouseholdsVisits1732200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'household',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'divisionCode', type: 'varchar', length: '12' },
          { name: 'unitId', type: 'varchar', length: '48', isNullable: true },
          { name: 'headId', type: 'varchar', length: '40', isNullable: true },
          intColumn('version'),
        ],
        indices: [
          { name: 'idx_household_division', columnNames: ['divisionCode'] },
          { name: 'idx_household_unit', columnNames: ['unitId'] },
          { name: 'idx_household_head', columnNames: ['headId'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'resident',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'householdId', type: 'varchar', length: '40' },
          { name: 'name', type: 'varchar', length: '50' },
          { name: 'idNumber', type: 'varchar', length: '18' },
          { name: 'phone', type: 'varchar', length: '20', isNullable: true },
          intColumn('version'),
        ],
        indices: [
          { name: 'idx_resident_household', columnNames: ['householdId'] },
          { name: 'uq_resident_id_number', columnNames: ['idNumber'], isUnique: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'household_tag',
        columns: [
          { name: 'householdId', type: 'varchar', length: '40', isPrimary: true },
          enumColumn(q, 'tag', householdTags, { isPrimary: true }),
          { name: 'divisionCode', type: 'varchar', length: '12' },
        ],
        indices: [{ name: 'idx_household_tag_subtree', columnNames: ['tag', 'divisionCode'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'visit',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'date', type: 'varchar', length: '10' },
          enumColumn(q, 'kind', visitKinds),
          enumColumn(q, 'targetType', targetTypes),
          { name: 'targetId', type: 'varchar', length: '48' },
          { name: 'divisionCode', type: 'varchar', length: '12', isNullable: true },
          { name: 'notes', type: 'varchar', length: '2000', isNullable: true },
          intColumn('version'),
        ],
        indices: [
          { name: 'idx_visit_date', columnNames: ['date'] },
          { name: 'idx_visit_target', columnNames: ['targetType', 'targetId', 'date'] },
          { name: 'idx_visit_type_division', columnNames: ['targetType', 'divisionCode', 'date'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'visit_cadre',
        columns: [
          { name: 'visitId', type: 'varchar', length: '40', isPrimary: true },
          { name: 'cadreId', type: 'varchar', length: '40', isPrimary: true },
          { name: 'date', type: 'varchar', length: '10' },
        ],
        indices: [{ name: 'idx_visit_cadre_cadre', columnNames: ['cadreId', 'date'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('visit_cadre');
    await q.dropTable('visit');
    await q.dropTable('household_tag');
    await q.dropTable('resident');
    await q.dropTable('household');
  }
}
