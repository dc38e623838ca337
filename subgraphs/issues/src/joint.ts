// Joint handling (共同接单, issue 12): co-handling departments beside the lead, each signing for
// and reporting its own part, and coordination meetings (联席会议). Each is a versioned step of
// the issue (applyStep) with its event in the history; the lead resolves only once every
// co-handler has reported (steps.ts resolveIssue).
import { randomUUID } from 'node:crypto';
import { badInput, conflict, isIsoDate, requireText } from '@cadres/kit';
import { CoHandler, Meeting, type CoHandlingStatus } from './entities';
import { type Actor, requireId } from './ledger';
import { NOTE_MAX, applyStep, joinNote, refuse, rememberDepartment, requireServes } from './steps';

/** Meetings name at most this many departments. */
export const MAX_MEETING_DEPARTMENTS = 50;

/** ADMIN adds a department that serves a division covering the issue's; not the lead, not twice. */
export async function addCoHandler(a: Actor, id: string, expectedVersion: number, departmentId: string) {
  const dept = requireId(departmentId, 'departmentId');
  const serves = await a.owners?.departmentDivision(dept, 'departmentId');
  return applyStep(a, id, expectedVersion, 'addCoHandler', (issue, em, coHandlers) => {
    requireServes(serves, dept, issue);
    if (issue.assigneeId === dept) throw badInput('departmentId', `department ${dept} leads ${issue.ref}: it cannot co-handle it too`);
    if (coHandlers.some((c) => c.departmentId === dept)) throw conflict(`department ${dept} already handles ${issue.ref} jointly`, 'departmentId');
    const row: CoHandler = {
      issueId: id, departmentId: dept, seq: issue.version + 1, status: 'ASSIGNED', feedback: null, addedAt: a.now, acceptedAt: null, reportedAt: null,
    };
    const remember = rememberDepartment(em, dept, serves);
    return {
      patch: {},
      action: 'ADD_CO_HANDLER',
      note: dept,
      also: async () => {
        await em.insert(CoHandler, row);
        await remember?.();
      },
    };
  });
}

/** One co-handler's part moves on (its own department: the policy table lets no one else), from `from` only. */
function coHandlingStep(
  a: Actor,
  id: string,
  expectedVersion: number,
  departmentId: string,
  step: 'acceptCoHandling' | 'reportCoHandling',
  from: CoHandlingStatus,
  change: Partial<CoHandler>,
  action: string,
  text: string | null,
) {
  return applyStep(a, id, expectedVersion, step, (issue, em, coHandlers) => {
    const part = coHandlers.find((c) => c.departmentId === departmentId);
    if (!part) throw badInput('id', `department ${departmentId} does not handle ${issue.ref} jointly`);
    if (part.status !== from) throw refuse(`${departmentId}'s part of ${issue.ref} is ${part.status}, not ${from}`, issue, step);
    return {
      patch: {},
      action,
      note: joinNote(departmentId, text),
      also: () => em.update(CoHandler, { issueId: id, departmentId }, change),
    };
  });
}

/** The co-handling department signs for its part (签收): ASSIGNED -> ACCEPTED. */
export const acceptCoHandling = (a: Actor, id: string, expectedVersion: number, departmentId: string) =>
  coHandlingStep(a, id, expectedVersion, departmentId, 'acceptCoHandling', 'ASSIGNED', { status: 'ACCEPTED', acceptedAt: a.now }, 'ACCEPT_CO_HANDLING', null);

/** The co-handling department reports its part's feedback (反馈): ACCEPTED -> REPORTED. */
export function reportCoHandling(a: Actor, id: string, expectedVersion: number, departmentId: string, feedback: string) {
  const text = requireText(feedback, 'feedback', NOTE_MAX);
  return coHandlingStep(
    a, id, expectedVersion, departmentId, 'reportCoHandling', 'ACCEPTED', { status: 'REPORTED', feedback: text, reportedAt: a.now }, 'REPORT_CO_HANDLING', text,
  );
}

/** A coordination meeting: its date, the departments present (each must exist; none twice), its decision; MEETING in the history. */
export async function recordMeeting(a: Actor, id: string, expectedVersion: number, date: string, departmentIds: readonly string[], decision: string) {
  if (!isIsoDate(date)) throw badInput('date', 'date must be YYYY-MM-DD and exist');
  if (!departmentIds.length || departmentIds.length > MAX_MEETING_DEPARTMENTS) {
    throw badInput('departmentIds', `departmentIds must name 1 to ${MAX_MEETING_DEPARTMENTS} departments`);
  }
  const depts = departmentIds.map((d) => requireId(d, 'departmentIds'));
  if (new Set(depts).size !== depts.length) throw badInput('departmentIds', 'departmentIds names a department twice');
  const text = requireText(decision, 'decision', NOTE_MAX);
  await a.requireExisting?.(depts.map((d) => ({ type: 'Department' as const, id: d, field: 'departmentIds' })));
  return applyStep(a, id, expectedVersion, 'recordMeeting', (issue, em) => {
    const meeting: Meeting = { id: randomUUID(), issueId: id, seq: issue.version + 1, date, departmentIds: depts, decision: text, at: a.now };
    return { patch: {}, action: 'MEETING', note: joinNote(date, text), also: () => em.insert(Meeting, meeting) };
  });
}
