import { enumColumn, intColumn } from '@cadres/kit/src/migration-columns';
import { Table, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

// Frozen: the values as released. A new value needs a new migration, never an edit here.
const issueCategories = ['EMPLOYMENT', 'SOCIAL_SECURITY', 'EDUCATION', 'MEDICAL', 'HOUSING', 'INFRASTRUCTURE', 'SAFETY', 'ENVIRONMENT', 'ENTERPRISE_SERVICE', 'PROJECT_CONSTRUCTION', 'OTHER'];
const issueKinds = ['INQUIRY', 'HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION'];
const issueSources = ['VISIT', 'HOTLINE', 'FORUM', 'ENTERPRISE', 'ONLINE', 'OTHER'];
const issueStatuses = ['REPORTED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED'];
const ratingAspects = ['WORK', 'CONDUCT', 'ENVIRONMENT', 'SERVICE'];
const satisfactions = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'];
const urgencies = ['EMERGENCY', 'UTILITIES', 'GENERAL', 'COMPLEX'];

/** A UTC instant with milliseconds (DATETIME(3) on MySQL; MySQL's plain DATETIME drops them). */
const instant = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  ...extra,
});
const varchar = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  ...extra,
});
const nullable = { isNullable: true } as const;

export class Initial1732000000000 implements MigrationInterface {
  name = 'Initial1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'issue',
        columns: [
          varchar('id', 36, { isPrimary: true }),
          varchar('ref', 24),
          varchar('title', 200),
          varchar('description', 2000),
          enumColumn(q, 'category', issueCategories),
          enumColumn(q, 'kind', issueKinds),
          enumColumn(q, 'source', issueSources),
          enumColumn(q, 'urgency', urgencies),
          varchar('divisionCode', 12),
          varchar('subjectType', 20, nullable),
          varchar('subjectId', 40, nullable),
          varchar('reporterId', 40, nullable),
          varchar('visitId', 40, nullable),
          varchar('assigneeId', 40, nullable),
          enumColumn(q, 'status', issueStatuses),
          intColumn('version'),
          instant('reportedAt'),
          instant('deadline'),
          instant('yellowAt'),
          instant('assignedAt', nullable),
          instant('responseDeadline', nullable),
          instant('acceptedAt', nullable),
          instant('resolvedAt', nullable),
          instant('finishedAt', nullable),
          intColumn('supervisionLevel'),
          intColumn('reopenCount'),
          varchar('feedback', 2000, nullable),
          enumColumn(q, 'evalSatisfaction', satisfactions, nullable),
          intColumn('evalSolved', nullable),
          varchar('evalComment', 1000, nullable),
          instant('evaluatedAt', nullable),
          varchar('idempotencyKey', 100, nullable),
        ],
        indices: [
          { name: 'uq_issue_ref', columnNames: ['ref'], isUnique: true },
          { name: 'uq_issue_idempotency', columnNames: ['idempotencyKey'], isUnique: true },
          { name: 'idx_issue_category', columnNames: ['category'] },
          { name: 'idx_issue_division', columnNames: ['divisionCode'] },
          { name: 'idx_issue_subject', columnNames: ['subjectType', 'subjectId'] },
          { name: 'idx_issue_reporter', columnNames: ['reporterId'] },
          { name: 'idx_issue_visit', columnNames: ['visitId'] },
          { name: 'idx_issue_assignee', columnNames: ['assigneeId'] },
          { name: 'idx_issue_status', columnNames: ['status'] },
          { name: 'idx_issue_reported_at', columnNames: ['reportedAt'] },
          { name: 'idx_issue_deadline', columnNames: ['deadline'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'issue_event',
        columns: [
          varchar('id', 36, { isPrimary: true }),
          varchar('issueId', 36),
          intColumn('seq'),
          instant('at'),
          varchar('action', 40),
          enumColumn(q, 'fromStatus', issueStatuses, nullable),
          enumColumn(q, 'toStatus', issueStatuses, nullable),
          varchar('actor', 100),
          varchar('note', 2000, nullable),
        ],
        indices: [{ name: 'uq_issue_event_seq', columnNames: ['issueId', 'seq'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'ledger_counter',
        columns: [
          varchar('districtPrefix', 6, { isPrimary: true }),
          intColumn('ledgerYear', { isPrimary: true }),
          intColumn('lastNumber'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rating',
        columns: [
          varchar('id', 36, { isPrimary: true }),
          varchar('targetType', 20),
          varchar('targetId', 40),
          varchar('raterType', 20),
          varchar('raterId', 40),
          enumColumn(q, 'aspect', ratingAspects, nullable),
          intColumn('score'),
          varchar('comment', 1000, nullable),
          instant('at'),
        ],
        indices: [
          { name: 'idx_rating_target', columnNames: ['targetType', 'targetId'] },
          { name: 'idx_rating_rater', columnNames: ['raterType', 'raterId'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('rating');
    await q.dropTable('ledger_counter');
    await q.dropTable('issue_event');
    await q.dropTable('issue');
  }
}
