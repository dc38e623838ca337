import { randomUUID } from 'node:crypto';
import {
  AppError,
  badInput,
  chinaDate,
  conflict,
  createOnce,
  idempotencyKeyArg,
  invalidTransition,
  isMysql,
  notFound,
  requireDivisionCode,
  requireText,
  requireVersion,
  transaction,
  updateVersioned,
} from '@cadres/kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { OwnedRef, OwnedType } from '@cadres/kit';
import type { IssuesConfig } from './config';
import {
  Issue,
  IssueEvent,
  subjectTypes,
  type IssueCategory,
  type IssueKind,
  type IssueSource,
  type IssueStatus,
  type Satisfaction,
  type SubjectType,
  type Urgency,
} from './entities';
import { addHours, defaultDeadline, sqlInstant, yellowAt } from './time';
import { allowedSteps, checkStep, sweptStatuses, targetStatus, type Step } from './workflow';

/** Who acts, when, on which database: what every write needs. Resolvers build it from the context. */
export interface Actor {
  ds: DataSource;
  now: Date;
  /** ctx.viewer.sub, or `system:…` for the sweep and the demo seed. */
  actor: string;
  config: IssuesConfig;
  /** Throws FORBIDDEN when the caller may not take `action` on the issue; absent for system actors. */
  authorize?: (action: Step | 'report', issue: Pick<Issue, 'divisionCode' | 'assigneeId'>) => void;
  /** Throws NOT_FOUND unless the referenced entities exist at their owners; absent for system actors. */
  requireExisting?: (refs: OwnedRef[]) => Promise<void>;
  /** The division an entity lies in, asked of its owner (NOT_FOUND with `field` if none); absent for system actors. */
  locate?: (type: OwnedType, id: string, field: string) => Promise<string>;
}

export interface ReportIssueInput {
  title: string;
  description: string;
  category: IssueCategory;
  kind: IssueKind;
  source: IssueSource;
  urgency: Urgency;
  divisionCode: string;
  subjectType?: string | null;
  subjectId?: string | null;
  reporterId?: string | null;
  visitId?: string | null;
  idempotencyKey?: string | null;
}

/** An optional id argument: trimmed, at most 40 characters; empty means absent. */
function optionalId(value: string | null | undefined, field: string): string | null {
  if (value == null) return null;
  const id = value.trim();
  if (!id) return null;
  if (id.length > 40) throw badInput(field, `${field} must be at most 40 characters`);
  return id;
}

/** A required id argument: trimmed, 1 to 40 characters. */
export function requireId(value: string, field: string): string {
  const id = optionalId(value, field);
  if (!id) throw badInput(field, `${field} must not be empty`);
  return id;
}

function validateReport(input: ReportIssueInput) {
  const title = requireText(input.title, 'input.title', 200);
  const description = requireText(input.description, 'input.description', 2000);
  const division = requireDivisionCode(input.divisionCode, 'input.divisionCode');
  let subjectType: SubjectType | null = null;
  let subjectId: string | null = null;
  if (input.subjectType != null || input.subjectId != null) {
    if (!(subjectTypes as readonly string[]).includes(input.subjectType ?? '')) {
      throw badInput('input.subjectType', `input.subjectType must be one of ${subjectTypes.join(', ')}`);
    }
    subjectType = input.subjectType as SubjectType;
    subjectId = optionalId(input.subjectId, 'input.subjectId');
    if (!subjectId) throw badInput('input.subjectId', 'input.subjectId is required with input.subjectType');
    if (subjectType === 'Division') requireDivisionCode(subjectId, 'input.subjectId');
  }
  const idempotencyKey = idempotencyKeyArg(input.idempotencyKey, 'input.idempotencyKey');
  return {
    title,
    description,
    divisionCode: division.code,
    subjectType,
    subjectId,
    reporterId: optionalId(input.reporterId, 'input.reporterId'),
    visitId: optionalId(input.visitId, 'input.visitId'),
    idempotencyKey,
  };
}

/** The ledger year: the calendar year in China Standard Time (UTC+8, no DST). */
export const ledgerYear = (now: Date) => Number(chinaDate(now).slice(0, 4));

export const formatRef = (year: number, district: string, n: number) => `${year}-${district}-${String(n).padStart(6, '0')}`;

async function appendEvent(
  em: EntityManager,
  a: Actor,
  issueId: string,
  seq: number,
  action: string,
  fromStatus: IssueStatus | null,
  toStatus: IssueStatus | null,
  note: string | null,
) {
  await em.insert(IssueEvent, { id: randomUUID(), issueId, seq, at: a.now, action, fromStatus, toStatus, actor: a.actor, note });
}

/**
 * REPORTED, with the next ledger number of the district and year. The number comes from a
 * counter row taken under a row lock (SELECT … FOR UPDATE on MySQL; SQLite transactions are
 * serialized by kit `transaction`), in the same transaction as the issue, so the numbers are
 * unique (also a unique index) and gap-free: a failed report rolls its number back.
 * An idempotencyKey the caller used before returns the first issue, also when the retries race
 * (kit `createOnce`: the key is claimed before the counter is locked, so a losing retry takes
 * no number); the same key with another report is a CONFLICT.
 */
export async function reportIssue(a: Actor, raw: ReportIssueInput): Promise<Issue> {
  const input = validateReport(raw);
  a.authorize?.('report', { divisionCode: input.divisionCode, assigneeId: null });
  const { ds } = a;
  const { idempotencyKey: key, ...report } = input;
  const request = {
    operation: 'reportIssue',
    key,
    caller: a.actor,
    input: { ...report, category: raw.category, kind: raw.kind, source: raw.source, urgency: raw.urgency },
    now: a.now,
    field: 'input.idempotencyKey',
  };
  const district = input.divisionCode.slice(0, 6);
  const year = ledgerYear(a.now);
  const mysql = isMysql(ds);
  const counterKey = [district, year];
  return createOnce(ds, request, {
    // Asked only by a first attempt: a retry the record answers needs no owner and no counter.
    prepare: async () => {
      // The ledger stores ids it does not own: each must exist at its owner before a number is taken.
      await a.requireExisting?.([
        { type: 'Division', id: input.divisionCode, field: 'input.divisionCode' },
        ...(input.subjectType === 'Division' && input.subjectId ? [{ type: 'Division' as const, id: input.subjectId, field: 'input.subjectId' }] : []),
        ...(input.reporterId ? [{ type: 'Cadre' as const, id: input.reporterId, field: 'input.reporterId' }] : []),
        ...(input.visitId ? [{ type: 'Visit' as const, id: input.visitId, field: 'input.visitId' }] : []),
      ]);
      if (input.subjectType && input.subjectId && a.locate) {
        // The ledger number is the district's: an issue about a subject elsewhere belongs there,
        // and a scoped caller reports only about subjects in its scope.
        const at = input.subjectType === 'Division' ? input.subjectId : await a.locate(input.subjectType, input.subjectId, 'input.subjectId');
        if (at.slice(0, 6) !== input.divisionCode.slice(0, 6)) {
          throw badInput('input.subjectId', `the subject lies in district ${at.slice(0, 6)}, not in the issue's district ${input.divisionCode.slice(0, 6)}`);
        }
        a.authorize?.('report', { divisionCode: at, assigneeId: null });
      }
      // The counter row must exist before it can be locked. On MySQL a separate autocommit
      // statement (INSERT IGNORE waits for, then skips, a concurrent creator); on SQLite inside the
      // queued transaction (a statement outside it would join whichever transaction is open).
      if (mysql) await ds.query('INSERT IGNORE INTO ledger_counter (districtPrefix, ledgerYear, lastNumber) VALUES (?, ?, 0)', counterKey);
    },
    replay: (em, id) => em.findOneByOrFail(Issue, { id }),
    create: async (em) => {
      if (!mysql) await em.query('INSERT OR IGNORE INTO ledger_counter (districtPrefix, ledgerYear, lastNumber) VALUES (?, ?, 0)', counterKey);
      const [counter] = await em.query(
        `SELECT lastNumber FROM ledger_counter WHERE districtPrefix = ? AND ledgerYear = ?${mysql ? ' FOR UPDATE' : ''}`,
        counterKey,
      );
      const next = Number(counter.lastNumber) + 1;
      await em.query('UPDATE ledger_counter SET lastNumber = ? WHERE districtPrefix = ? AND ledgerYear = ?', [next, ...counterKey]);
      const deadline = defaultDeadline(a.config, raw.urgency, a.now);
      const issue = em.create(Issue, {
        id: randomUUID(),
        ref: formatRef(year, district, next),
        title: input.title,
        description: input.description,
        category: raw.category,
        kind: raw.kind,
        source: raw.source,
        urgency: raw.urgency,
        divisionCode: input.divisionCode,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        reporterId: input.reporterId,
        visitId: input.visitId,
        assigneeId: null,
        status: 'REPORTED',
        version: 1,
        reportedAt: a.now,
        deadline,
        yellowAt: yellowAt(a.config, a.now, deadline),
        assignedAt: null,
        responseDeadline: null,
        acceptedAt: null,
        resolvedAt: null,
        finishedAt: null,
        supervisionLevel: 0,
        reopenCount: 0,
        feedback: null,
        evalSatisfaction: null,
        evalSolved: null,
        evalComment: null,
        evaluatedAt: null,
      });
      await em.insert(Issue, issue);
      await appendEvent(em, a, issue.id, 1, 'REPORT', null, 'REPORTED', null);
      return issue;
    },
  });
}

/** What a step changes: the columns, the event's action and note; the status comes from the workflow. */
interface Change {
  patch: Partial<Issue>;
  to: IssueStatus | null;
  action: string;
  note: string | null;
}

/** A step that the status allows but the issue's state does not (deadline passed, top level reached). */
function refuse(message: string, issue: Issue, step: Step): AppError {
  return invalidTransition(message, issue.status, allowedSteps(issue.status).filter((s) => s !== step));
}

/**
 * Every versioned change goes through here: in one transaction, read the issue, check the
 * caller's access (FORBIDDEN), the expected version (CONFLICT) and the workflow
 * (INVALID_TRANSITION), then
 * `UPDATE … SET version = version + 1 WHERE id = ? AND version = ?`: zero rows means another
 * writer won the race, so CONFLICT and a rollback. The change and its IssueEvent commit
 * together; a refused step writes nothing.
 */
async function applyStep(
  a: Actor,
  id: string,
  expectedVersion: number,
  step: Step,
  plan: (issue: Issue) => Omit<Change, 'to'> & { to?: IssueStatus | null },
): Promise<Issue> {
  return transaction(a.ds, async (em) => {
    const issue = await em.findOneBy(Issue, { id });
    if (!issue) throw notFound('Issue', id, 'id');
    a.authorize?.(step, issue);
    requireVersion('Issue', issue, expectedVersion);
    checkStep(step, issue.status);
    const change = plan(issue);
    const to = change.to === undefined ? targetStatus(step) : change.to;
    const patch: Partial<Issue> = { ...change.patch, ...(to ? { status: to } : {}) };
    const from = issue.status;
    const changed = await updateVersioned(em, Issue, issue, patch);
    if (!changed) throw conflict(`Issue ${issue.ref} was changed meanwhile; reload it`, 'expectedVersion');
    await appendEvent(em, a, id, changed.version, change.action, from, to ?? from, change.note);
    return changed;
  });
}

const joinNote = (...parts: (string | null | undefined)[]) => parts.filter((p) => p != null && p !== '').join(': ') || null;
/** issue_event.note holds 2,000 characters; a note that gets a prefix (who, what moved) leaves room for it. */
const NOTE_MAX = 1900;
const optionalNote = (note: string | null | undefined, field: string) =>
  note == null || !note.trim() ? null : requireText(note, field, NOTE_MAX);

export async function assignIssue(a: Actor, id: string, departmentId: string, expectedVersion: number, note?: string | null) {
  const dept = requireId(departmentId, 'departmentId');
  const text = optionalNote(note, 'note');
  await a.requireExisting?.([{ type: 'Department', id: dept, field: 'departmentId' }]);
  return applyStep(a, id, expectedVersion, 'assign', (issue) => ({
    patch: {
      assigneeId: dept,
      assignedAt: a.now,
      responseDeadline: addHours(a.now, a.config.responseHours[issue.urgency]),
    },
    action: issue.status === 'ASSIGNED' ? 'REASSIGN' : 'ASSIGN',
    note: joinNote(dept, text),
  }));
}

export function acceptIssue(a: Actor, id: string, expectedVersion: number) {
  return applyStep(a, id, expectedVersion, 'accept', () => ({ patch: { acceptedAt: a.now }, action: 'ACCEPT', note: null }));
}

export function startIssue(a: Actor, id: string, expectedVersion: number, note?: string | null) {
  const text = optionalNote(note, 'note');
  return applyStep(a, id, expectedVersion, 'start', () => ({ patch: {}, action: 'START', note: text }));
}

export function resolveIssue(a: Actor, id: string, expectedVersion: number, feedback: string) {
  const text = requireText(feedback, 'feedback', 2000);
  return applyStep(a, id, expectedVersion, 'resolve', () => ({
    patch: { resolvedAt: a.now, feedback: text },
    action: 'RESOLVE',
    note: text,
  }));
}

export function evaluateIssue(
  a: Actor,
  id: string,
  expectedVersion: number,
  satisfaction: Satisfaction,
  solved: boolean,
  comment?: string | null,
) {
  const text = comment == null || !comment.trim() ? null : requireText(comment, 'comment', 1000);
  const satisfied = satisfaction !== 'DISSATISFIED';
  const to = targetStatus('evaluate', { satisfied, solved });
  return applyStep(a, id, expectedVersion, 'evaluate', (issue) => ({
    patch: {
      evalSatisfaction: satisfaction,
      evalSolved: solved ? 1 : 0,
      evalComment: text,
      evaluatedAt: a.now,
      ...(to === 'CLOSED' ? { finishedAt: a.now } : { reopenCount: issue.reopenCount + 1 }),
    },
    to,
    action: to === 'CLOSED' ? 'CLOSE' : 'REOPEN',
    note: joinNote(`${satisfaction}, ${solved ? 'solved' : 'not solved'}`, text),
  }));
}

export function rejectIssue(a: Actor, id: string, expectedVersion: number, reason: string) {
  const text = requireText(reason, 'reason', 2000);
  return applyStep(a, id, expectedVersion, 'reject', () => ({ patch: { finishedAt: a.now }, action: 'REJECT', note: text }));
}

/** Only before the deadline passes, to a later deadline, with a reason; YELLOW moves with it. */
export function extendDeadline(a: Actor, id: string, expectedVersion: number, newDeadline: Date, reason: string) {
  const text = requireText(reason, 'reason', NOTE_MAX);
  return applyStep(a, id, expectedVersion, 'extendDeadline', (issue) => {
    if (a.now.getTime() > issue.deadline.getTime()) {
      throw refuse(`The deadline of ${issue.ref} passed at ${issue.deadline.toISOString()}: an extension must be asked for before it`, issue, 'extendDeadline');
    }
    if (newDeadline.getTime() <= issue.deadline.getTime()) {
      throw badInput('newDeadline', `newDeadline must be after the current deadline ${issue.deadline.toISOString()}`);
    }
    return {
      patch: { deadline: newDeadline, yellowAt: yellowAt(a.config, issue.reportedAt, newDeadline) },
      action: 'EXTEND_DEADLINE',
      note: joinNote(`${issue.deadline.toISOString()} -> ${newDeadline.toISOString()}`, text),
    };
  });
}

export const MAX_SUPERVISION_LEVEL = 3;

export function superviseIssue(a: Actor, id: string, expectedVersion: number, note?: string | null) {
  const text = optionalNote(note, 'note');
  return applyStep(a, id, expectedVersion, 'supervise', (issue) => {
    if (issue.supervisionLevel >= MAX_SUPERVISION_LEVEL) {
      throw refuse(`Issue ${issue.ref} is already at the highest supervision level`, issue, 'supervise');
    }
    return {
      patch: { supervisionLevel: issue.supervisionLevel + 1 },
      action: 'SUPERVISE',
      note: joinNote(`level ${issue.supervisionLevel} -> ${issue.supervisionLevel + 1}`, text),
    };
  });
}

/**
 * The supervision level an open issue should have at `now`: 1 (催办) once the light is YELLOW,
 * 2 (督办) once overdue, 3 (挂牌督办) when overdue by more than escalateAfterHours.
 */
export function dueSupervisionLevel(config: IssuesConfig, issue: Pick<Issue, 'deadline' | 'yellowAt'>, now: Date): number {
  const t = now.getTime();
  if (t > addHours(issue.deadline, config.escalateAfterHours).getTime()) return 3;
  if (t > issue.deadline.getTime()) return 2;
  if (t >= issue.yellowAt.getTime()) return 1;
  return 0;
}

/**
 * The automatic sweep: raises the supervision level of issues waiting on the handling unit
 * (REPORTED to IN_PROGRESS) that are near or past their deadline to the level due (never lowers it). Idempotent: a second run at the same
 * instant changes nothing. Each raise is a versioned change with its IssueEvent. Returns how
 * many issues it raised. main.ts runs it periodically; tests call it with a fixed clock.
 */
export async function superviseOverdue(a: Actor, batch = 500): Promise<number> {
  const now = sqlInstant(a.now);
  const escalate = sqlInstant(addHours(a.now, -a.config.escalateAfterHours));
  const candidates: Issue[] = await a.ds
    .getRepository(Issue)
    .createQueryBuilder('t')
    .where('t.status IN (:...swept)', { swept: sweptStatuses })
    .andWhere(
      '((t.yellowAt <= :now AND t.supervisionLevel < 1) OR (t.deadline < :now AND t.supervisionLevel < 2) OR (t.deadline < :escalate AND t.supervisionLevel < 3))',
      { now, escalate },
    )
    .orderBy('t.deadline')
    .addOrderBy('t.id')
    .limit(batch)
    .getMany();
  let raised = 0;
  for (const c of candidates) {
    const level = dueSupervisionLevel(a.config, c, a.now);
    if (level <= c.supervisionLevel) continue;
    const done = await transaction(a.ds, async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(Issue)
        .set({ supervisionLevel: level, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: c.id, version: c.version })
        .execute();
      if (result.affected !== 1) return false; // changed meanwhile: the next sweep looks again
      await appendEvent(em, a, c.id, c.version + 1, 'AUTO_SUPERVISE', c.status, c.status, `level ${c.supervisionLevel} -> ${level}`);
      return true;
    });
    if (done) raised++;
  }
  return raised;
}

