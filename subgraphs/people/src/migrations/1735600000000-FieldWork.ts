import { enumColumn, intColumn } from '@cadres/kit/src/migration-columns';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

// Frozen: the values as released. A new value needs a new migration, never an edit here.
const liaisonRolesBefore = ['LEAD', 'MEMBER', 'FIRST_SECRETARY'];
const liaisonRoles = [...liaisonRolesBefore, 'AREA_LEAD'];
const pledgeStatuses = ['PLANNED', 'ONGOING', 'DONE'];

/**
 * Field work: the AREA_LEAD liaison role (包片), liaison.firstSecretaryKey (one open
 * FIRST_SECRETARY link per cadre, unique), first secretaries' assessments, and 实事 pledges.
 */
export class FieldWork1735600000000 implements MigrationInterface {
  name = 'FieldWork1735600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.changeColumn('liaison', 'role', new TableColumn(enumColumn(q, 'role', liaisonRoles)));
    await q.addColumn('liaison', new TableColumn({ name: 'firstSecretaryKey', type: 'varchar', length: '40', isNullable: true }));
    // The open first-secretary links there are: the oldest of each cadre holds the key (a later
    // one, made before the rule, stays open but does not block the index).
    const open: { id: string; cadreId: string }[] = await q.query(
      "SELECT id, cadreId FROM liaison WHERE role = 'FIRST_SECRETARY' AND openKey IS NOT NULL ORDER BY since, id",
    );
    const seen = new Set<string>();
    for (const l of open) {
      if (seen.has(l.cadreId)) continue;
      seen.add(l.cadreId);
      await q.query('UPDATE liaison SET firstSecretaryKey = ? WHERE id = ?', [l.cadreId, l.id]);
    }
    await q.createIndex('liaison', new TableIndex({ name: 'uq_liaison_first_secretary', columnNames: ['firstSecretaryKey'], isUnique: true }));
    await q.createTable(
      new Table({
        name: 'assessment',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'liaisonId', type: 'varchar', length: '40' },
          { name: 'period', type: 'varchar', length: '10' },
          intColumn('score'),
          { name: 'comment', type: 'varchar', length: '2000', isNullable: true },
          { name: 'assessedBy', type: 'varchar', length: '100' },
          { name: 'at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'uq_assessment_period', columnNames: ['liaisonId', 'period'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pledge',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'divisionCode', type: 'varchar', length: '12' },
          { name: 'leadCadreId', type: 'varchar', length: '40' },
          { name: 'targetDate', type: 'varchar', length: '10' },
          enumColumn(q, 'status', pledgeStatuses),
          intColumn('version'),
        ],
        indices: [
          { name: 'idx_pledge_division', columnNames: ['divisionCode', 'targetDate'] },
          { name: 'idx_pledge_cadre', columnNames: ['leadCadreId', 'targetDate'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('pledge');
    await q.dropTable('assessment');
    await q.dropIndex('liaison', 'uq_liaison_first_secretary');
    await q.dropColumn('liaison', 'firstSecretaryKey');
    await q.query("UPDATE liaison SET role = 'LEAD' WHERE role = 'AREA_LEAD'");
    await q.changeColumn('liaison', 'role', new TableColumn(enumColumn(q, 'role', liaisonRolesBefore)));
  }
}
