import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * pledge.startedOn, ongoingOn and doneOn: the China dates a pledge was taken on (领办), made
 * routine (常态化) and done, so that the activity figures count them by period. Null on pledges
 * recorded before (their dates were never kept; they count in no period).
 */
export class PledgeDates1735700000000 implements MigrationInterface {
  name = 'PledgeDates1735700000000';

  async up(q: QueryRunner): Promise<void> {
    for (const name of ['startedOn', 'ongoingOn', 'doneOn']) {
      await q.addColumn('pledge', new TableColumn({ name, type: 'varchar', length: '10', isNullable: true }));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['doneOn', 'ongoingOn', 'startedOn']) await q.dropColumn('pledge', name);
  }
}
