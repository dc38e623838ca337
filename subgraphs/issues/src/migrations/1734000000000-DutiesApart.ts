import { enumColumn, intColumn } from '@cadres/kit/src/migration-columns';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

// Frozen: the values as released. A new value needs a new migration, never an edit here.
const extensionStatuses = ['REQUESTED', 'APPROVED', 'REFUSED'];
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A datetime(3) as both databases compare it: `YYYY-MM-DD HH:MM:SS.mmm`, UTC. */
const sqlInstant = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');
/** A datetime read back: a Date (MySQL) or UTC text (SQLite). */
const instantOf = (v: unknown) => (v instanceof Date ? v : new Date(`${String(v).replace(' ', 'T')}Z`));

/**
 * Duties kept apart (issue 10):
 * - issue.reportedBy: who reported it (the token's sub), taken from each issue's REPORT event;
 * - issue.originalDeadline: the deadline before any extension, i.e. the "from" side of the first
 *   EXTEND_DEADLINE event (`<from ISO> -> <to ISO>: reason`), else the current deadline;
 * - deadline_extension: requests by the assignee and ADMIN's decisions;
 * - rating.aspectKey and rating.period (China calendar year of `at`), unique with the rater and
 *   the target: of earlier duplicates only the latest rating is kept.
 * Literal values only: a released migration must not change when live code does.
 */
export class DutiesApart1734000000000 implements MigrationInterface {
  name = 'DutiesApart1734000000000';

  async up(q: QueryRunner): Promise<void> {
    // Issues: added nullable, filled in, then made NOT NULL.
    await q.addColumn('issue', new TableColumn({ name: 'reportedBy', type: 'varchar', length: '100', isNullable: true }));
    await q.addColumn('issue', new TableColumn({ name: 'originalDeadline', type: 'datetime', precision: 3, isNullable: true }));
    await q.query(
      "UPDATE issue SET reportedBy = COALESCE((SELECT e.actor FROM issue_event e WHERE e.issueId = issue.id AND e.action = 'REPORT'), 'unknown'), originalDeadline = deadline",
    );
    const extended: { issueId: string; note: string | null }[] = await q.query(
      "SELECT issueId, note FROM issue_event WHERE action = 'EXTEND_DEADLINE' ORDER BY issueId, seq",
    );
    const seen = new Set<string>();
    for (const { issueId, note } of extended) {
      if (seen.has(issueId)) continue;
      seen.add(issueId);
      const from = new Date(String(note ?? '').split(' -> ')[0]);
      if (!Number.isNaN(from.getTime())) await q.query('UPDATE issue SET originalDeadline = ? WHERE id = ?', [sqlInstant(from), issueId]);
    }
    await q.changeColumn('issue', 'reportedBy', new TableColumn({ name: 'reportedBy', type: 'varchar', length: '100' }));
    await q.changeColumn('issue', 'originalDeadline', new TableColumn({ name: 'originalDeadline', type: 'datetime', precision: 3 }));
    await q.createIndex('issue', new TableIndex({ name: 'idx_issue_reported_by', columnNames: ['reportedBy'] }));

    await q.createTable(
      new Table({
        name: 'deadline_extension',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'issueId', type: 'varchar', length: '36' },
          intColumn('seq'),
          { name: 'requestedDeadline', type: 'datetime', precision: 3 },
          { name: 'reason', type: 'varchar', length: '2000' },
          enumColumn(q, 'status', extensionStatuses),
          { name: 'requestedBy', type: 'varchar', length: '100' },
          { name: 'requestedAt', type: 'datetime', precision: 3 },
          { name: 'decidedBy', type: 'varchar', length: '100', isNullable: true },
          { name: 'decidedAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'note', type: 'varchar', length: '2000', isNullable: true },
        ],
        indices: [{ name: 'uq_deadline_extension_seq', columnNames: ['issueId', 'seq'], isUnique: true }],
      }),
    );

    // Ratings: the period is the China calendar year; one UPDATE per year the ratings span.
    await q.addColumn('rating', new TableColumn({ name: 'aspectKey', type: 'varchar', length: '20', isNullable: true }));
    await q.addColumn('rating', new TableColumn({ ...intColumn('period'), isNullable: true }));
    await q.query("UPDATE rating SET aspectKey = COALESCE(aspect, '-')");
    const [span] = await q.query('SELECT MIN(at) AS lo, MAX(at) AS hi FROM rating');
    if (span?.lo != null) {
      const year = (v: unknown) => new Date(instantOf(v).getTime() + CHINA_OFFSET_MS).getUTCFullYear();
      for (let y = year(span.lo); y <= year(span.hi); y++) {
        const start = new Date(Date.UTC(y, 0, 1) - CHINA_OFFSET_MS);
        const end = new Date(Date.UTC(y + 1, 0, 1) - CHINA_OFFSET_MS);
        await q.query('UPDATE rating SET period = ? WHERE at >= ? AND at < ?', [y, sqlInstant(start), sqlInstant(end)]);
      }
    }
    const key = 'targetType, targetId, raterType, raterId, aspectKey, period';
    const groups: Record<string, unknown>[] = await q.query(`SELECT ${key}, COUNT(*) AS n FROM rating GROUP BY ${key} HAVING COUNT(*) > 1`);
    for (const g of groups) {
      const where = 'targetType = ? AND targetId = ? AND raterType = ? AND raterId = ? AND aspectKey = ? AND period = ?';
      const params = [g.targetType, g.targetId, g.raterType, g.raterId, g.aspectKey, g.period];
      const rows: { id: string }[] = await q.query(`SELECT id FROM rating WHERE ${where} ORDER BY at DESC, id DESC`, params);
      for (const { id } of rows.slice(1)) await q.query('DELETE FROM rating WHERE id = ?', [id]);
    }
    await q.changeColumn('rating', 'aspectKey', new TableColumn({ name: 'aspectKey', type: 'varchar', length: '20' }));
    await q.changeColumn('rating', 'period', new TableColumn(intColumn('period')));
    await q.createIndex(
      'rating',
      new TableIndex({ name: 'uq_rating_period', columnNames: ['targetType', 'targetId', 'raterType', 'raterId', 'aspectKey', 'period'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('rating', 'uq_rating_period');
    await q.dropColumn('rating', 'period');
    await q.dropColumn('rating', 'aspectKey');
    await q.dropTable('deadline_extension');
    await q.dropIndex('issue', 'idx_issue_reported_by');
    await q.dropColumn('issue', 'originalDeadline');
    await q.dropColumn('issue', 'reportedBy');
  }
}
