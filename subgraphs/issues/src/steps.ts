// The closed loop's steps after reporting: assign, accept, start, resolve, evaluate, reject and
// extend, each one versioned change with its event (applyStep).
import { AppError, badInput, conflict, invalidTransition, notFound, parseDivisionCode, requireText, requireVersion, transaction, updateVersioned } from '@cadres/kit';
import type { EntityManager } from 'typeorm';
import { CoHandler, Issue, KnownDepartment, type IssueStatus, type Satisfaction } from './entities';
import { addHours, yellowAt } from './time';
import { allowedSteps, checkStep, targetStatus, type Step } from './workflow';
import { type Actor, appendEvent, requireId } from './ledger';

/** What a step changes: the columns, the event's action and note; the status comes from the workflow. */
interface Change {
  patch: Partial<Issue>;
  to: IssueStatus | null;
  action: string;
  note: string | null;
  /** Other rows the step writes (an extension request), in the same transaction, once the issue has moved on. */
  also?: () => Promise<unknown>;
}

/** A step that the status allows but the issue's state does not (deadline passed, top level reached). */
export function refuse(message: string, issue: Issue, step: Step): AppError {
  return invalidTransition(message, issue.status, allowedSteps(issue.status).filter((s) => s !== step));
}

type Plan = Omit<Change, 'to'> & { to?: IssueStatus | null };

/**
 * Every versioned change goes through here: in one transaction, read the issue and its
 * co-handlers, check the caller's access (FORBIDDEN), the expected version (CONFLICT) and the workflow
 * (INVALID_TRANSITION), then
 * `UPDATE … SET version = version + 1 WHERE id = ? AND version = ?`: zero rows means another
 * writer won the race, so CONFLICT and a rollback. The change and its IssueEvent commit
 * together; a refused step writes nothing.
 */
export async function applyStep(
  a: Actor,
  id: string,
  expectedVersion: number,
  step: Step,
  plan: (issue: Issue, em: EntityManager, coHandlers: CoHandler[]) => Plan | Promise<Plan>,
): Promise<Issue> {
  return transaction(a.ds, async (em) => {
    const issue = await em.findOneBy(Issue, { id });
    if (!issue) throw notFound('Issue', id, 'id');
    const coHandlers = await em.find(CoHandler, { where: { issueId: id }, order: { seq: 'ASC' } });
    a.authorize?.(step, { ...issue, coHandlerIds: coHandlers.map((c) => c.departmentId) });
    requireVersion('Issue', issue, expectedVersion);
    checkStep(step, issue.status);
    const change = await plan(issue, em, coHandlers);
    const to = change.to === undefined ? targetStatus(step) : change.to;
    const patch: Partial<Issue> = { ...change.patch, ...(to ? { status: to } : {}) };
    const from = issue.status;
    const changed = await updateVersioned(em, Issue, issue, patch);
    if (!changed) throw conflict(`Issue ${issue.ref} was changed meanwhile; reload it`, 'expectedVersion');
    await change.also?.();
    await appendEvent(em, a, id, changed.version, change.action, from, to ?? from, change.note);
    return changed;
  });
}

export const joinNote = (...parts: (string | null | undefined)[]) => parts.filter((p) => p != null && p !== '').join(': ') || null;
/** issue_event.note holds 2,000 characters; a note that gets a prefix (who, what moved) leaves room for it. */
export const NOTE_MAX = 1900;
export const optionalNote = (note: string | null | undefined, field: string) =>
  note == null || !note.trim() ? null : requireText(note, field, NOTE_MAX);

/**
 * The department `serves` (people's answer; absent for trusted actors) must be able to act on the
 * issue: the division it serves covers the issue's (a district's department takes that
 * district's issues, a city's the whole city's). BAD_USER_INPUT on departmentId otherwise.
 */
export function requireServes(serves: string | undefined, dept: string, item: { divisionCode: string }): void {
  const prefix = serves && parseDivisionCode(serves)?.prefix;
  if (serves && !(prefix && item.divisionCode.startsWith(prefix))) {
    throw badInput('departmentId', `department ${dept} serves ${serves}, which does not cover the division ${item.divisionCode}`);
  }
}

/** A department that met the issues subgraph (an assignee, a co-handler), remembered with the division it serves for assigneeRanking. */
export const rememberDepartment = (em: EntityManager, id: string, serves: string | undefined) =>
  serves ? () => em.upsert(KnownDepartment, { id, divisionCode: serves }, ['id']) : undefined;

/**
 * The department must exist and serve a division covering the issue's (requireServes), and not
 * handle it jointly already. The first assignment fixes originalDeadline: the deadline the on-time rate measures against.
 * The department and its division are remembered (known_department) for assigneeRanking.
 */
export async function assignIssue(a: Actor, id: string, departmentId: string, expectedVersion: number, note?: string | null) {
  const dept = requireId(departmentId, 'departmentId');
  const text = optionalNote(note, 'note');
  const serves = await a.owners?.departmentDivision(dept, 'departmentId');
  return applyStep(a, id, expectedVersion, 'assign', (issue, em, coHandlers) => {
    requireServes(serves, dept, issue);
    if (coHandlers.some((c) => c.departmentId === dept)) throw badInput('departmentId', `department ${dept} already handles ${issue.ref} jointly`);
    return {
      patch: {
        assigneeId: dept,
        assignedAt: a.now,
        responseDeadline: addHours(a.now, a.config.responseHours[issue.urgency]),
        ...(issue.assignedAt ? {} : { originalDeadline: issue.deadline }),
      },
      action: issue.status === 'ASSIGNED' ? 'REASSIGN' : 'ASSIGN',
      note: joinNote(dept, text),
      also: rememberDepartment(em, dept, serves),
    };
  });
}

export function acceptIssue(a: Actor, id: string, expectedVersion: number) {
  return applyStep(a, id, expectedVersion, 'accept', () => ({ patch: { acceptedAt: a.now }, action: 'ACCEPT', note: null }));
}

export function startIssue(a: Actor, id: string, expectedVersion: number, note?: string | null) {
  const text = optionalNote(note, 'note');
  return applyStep(a, id, expectedVersion, 'start', () => ({ patch: {}, action: 'START', note: text }));
}

/** The lead's feedback (反馈); refused (INVALID_TRANSITION, naming them) while a co-handler has not reported its part. */
export function resolveIssue(a: Actor, id: string, expectedVersion: number, feedback: string) {
  const text = requireText(feedback, 'feedback', 2000);
  return applyStep(a, id, expectedVersion, 'resolve', (issue, _em, coHandlers) => {
    const waiting = coHandlers.filter((c) => c.status !== 'REPORTED').map((c) => c.departmentId);
    if (waiting.length) throw refuse(`${issue.ref} waits for its co-handlers to report: ${waiting.join(', ')}`, issue, 'resolve');
    return { patch: { resolvedAt: a.now, feedback: text }, action: 'RESOLVE', note: text };
  });
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

/**
 * A new deadline must be asked for before the current one passes (INVALID_TRANSITION after it)
 * and lie after it (BAD_USER_INPUT on newDeadline).
 */
export function requireLaterDeadline(a: Actor, issue: Issue, newDeadline: Date, step: Step): void {
  if (a.now.getTime() > issue.deadline.getTime()) {
    throw refuse(`The deadline of ${issue.ref} passed at ${issue.deadline.toISOString()}: a new one must be asked for before it`, issue, step);
  }
  if (newDeadline.getTime() <= issue.deadline.getTime()) {
    throw badInput('newDeadline', `newDeadline must be after the current deadline ${issue.deadline.toISOString()}`);
  }
}

/** The columns a moved deadline changes: YELLOW moves with it. */
export const movedDeadline = (a: Actor, issue: Issue, deadline: Date): Partial<Issue> => ({
  deadline,
  yellowAt: yellowAt(a.config, issue.reportedAt, deadline),
});

export const deadlineMove = (from: Date, to: Date) => `${from.toISOString()} -> ${to.toISOString()}`;

/** ADMIN sets the deadline directly, with a reason; originalDeadline stays. */
export function extendDeadline(a: Actor, id: string, expectedVersion: number, newDeadline: Date, reason: string) {
  const text = requireText(reason, 'reason', NOTE_MAX);
  return applyStep(a, id, expectedVersion, 'extendDeadline', (issue) => {
    requireLaterDeadline(a, issue, newDeadline, 'extendDeadline');
    return {
      patch: movedDeadline(a, issue, newDeadline),
      action: 'EXTEND_DEADLINE',
      note: joinNote(deadlineMove(issue.deadline, newDeadline), text),
    };
  });
}
