import { intColumn } from '@cadres/kit/src/migration-columns';
import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What a subtree's activity reads, kept where it is read from (visits are written once, with
 * their cadres, and never changed):
 * - visit.divisionCode is where the visit lies, also for a visit to a township or a district (the
 *   target's code; it was null for those), so that a subtree's visits are one index range;
 * - visit.cadreCount: its person-times, so that person-times and visits are counted from the
 *   visits alone, not from a join of every visit_cadre row to its visit;
 * - visit_cadre.divisionCode: the visit's place beside the date, so that cadre-days are read
 *   from visit_cadre alone.
 * A district's activity at a city's size: see activity.ts.
 */
export class VisitPlace1736000000000 implements MigrationInterface {
  name = 'VisitPlace1736000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("UPDATE visit SET divisionCode = targetId WHERE divisionCode IS NULL AND targetType = 'Division'");
    await q.addColumn('visit', new TableColumn(intColumn('cadreCount', { default: 1 })));
    await q.query('UPDATE visit SET cadreCount = (SELECT COUNT(*) FROM visit_cadre vc WHERE vc.visitId = visit.id)');
    await q.addColumn('visit_cadre', new TableColumn({ name: 'divisionCode', type: 'varchar', length: '12', isNullable: true }));
    const mysql = q.connection.driver.options.type === 'mysql' || q.connection.driver.options.type === 'mariadb';
    await q.query(
      mysql
        ? 'UPDATE visit_cadre vc JOIN visit v ON v.id = vc.visitId SET vc.divisionCode = v.divisionCode'
        : 'UPDATE visit_cadre SET divisionCode = (SELECT v.divisionCode FROM visit v WHERE v.id = visit_cadre.visitId)',
    );
    await q.createIndex('visit', new TableIndex({ name: 'idx_visit_place', columnNames: ['divisionCode', 'date', 'kind', 'cadreCount', 'days'] }));
    await q.createIndex('visit_cadre', new TableIndex({ name: 'idx_visit_cadre_place', columnNames: ['divisionCode', 'date', 'cadreId'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('visit_cadre', 'idx_visit_cadre_place');
    await q.dropIndex('visit', 'idx_visit_place');
    await q.dropColumn('visit_cadre', 'divisionCode');
    await q.dropColumn('visit', 'cadreCount');
  }
}
