// Deadline extensions, duties kept apart: the assigned department asks (requestExtension), ADMIN
// decides (decideExtension). Each is a versioned step of the issue (applyStep) that also writes
// the extension row, with its event in the history.
import { randomUUID } from 'node:crypto';
import { badInput, requireText } from '@cadres/kit';
import type { EntityManager } from 'typeorm';
import { DeadlineExtension, type Issue } from './entities';
import { type Actor } from './ledger';
import { NOTE_MAX, applyStep, deadlineMove, joinNote, movedDeadline, optionalNote, refuse, requireLaterDeadline } from './steps';

const extensionsOf = (em: EntityManager, issueId: string) => em.findBy(DeadlineExtension, { issueId });

/** INVALID_TRANSITION once the issue has had all the extensions the settings allow (ISSUES_MAX_EXTENSIONS). */
function requireExtensionLeft(a: Actor, issue: Issue, extensions: DeadlineExtension[], step: 'requestExtension' | 'decideExtension') {
  const approved = extensions.filter((e) => e.status === 'APPROVED').length;
  if (approved >= a.config.maxExtensions) {
    throw refuse(`${issue.ref} has had ${approved} extensions, the most allowed (${a.config.maxExtensions})`, issue, step);
  }
}

/** A later deadline, asked for before the current one passes, with a reason; one open request at a time. */
export function requestExtension(a: Actor, id: string, expectedVersion: number, newDeadline: Date, reason: string) {
  const text = requireText(reason, 'reason', NOTE_MAX);
  return applyStep(a, id, expectedVersion, 'requestExtension', async (issue, em) => {
    requireLaterDeadline(a, issue, newDeadline, 'requestExtension');
    const extensions = await extensionsOf(em, id);
    if (extensions.some((e) => e.status === 'REQUESTED')) {
      throw refuse(`${issue.ref} already has an extension request waiting for a decision`, issue, 'requestExtension');
    }
    requireExtensionLeft(a, issue, extensions, 'requestExtension');
    const request: DeadlineExtension = {
      id: randomUUID(),
      issueId: id,
      seq: issue.version + 1,
      requestedDeadline: newDeadline,
      reason: text,
      status: 'REQUESTED',
      requestedBy: a.actor,
      requestedAt: a.now,
      decidedBy: null,
      decidedAt: null,
      note: null,
    };
    return {
      patch: {},
      action: 'REQUEST_EXTENSION',
      note: joinNote(deadlineMove(issue.deadline, newDeadline), text),
      also: () => em.insert(DeadlineExtension, request),
    };
  });
}

/** Approves (the deadline moves to the one requested) or refuses the open request. */
export function decideExtension(a: Actor, id: string, expectedVersion: number, approve: boolean, note?: string | null) {
  const text = optionalNote(note, 'note');
  return applyStep(a, id, expectedVersion, 'decideExtension', async (issue, em) => {
    const extensions = await extensionsOf(em, id);
    const open = extensions.find((e) => e.status === 'REQUESTED');
    if (!open) throw refuse(`${issue.ref} has no extension request waiting for a decision`, issue, 'decideExtension');
    if (approve) {
      requireExtensionLeft(a, issue, extensions, 'decideExtension');
      // The deadline may have been set directly meanwhile: an approval never moves it earlier.
      if (open.requestedDeadline.getTime() <= issue.deadline.getTime()) {
        throw badInput('approve', `the requested ${open.requestedDeadline.toISOString()} is not after the current deadline ${issue.deadline.toISOString()}: refuse it`);
      }
    }
    const decision = { status: approve ? 'APPROVED' : 'REFUSED', decidedBy: a.actor, decidedAt: a.now, note: text } as const;
    return {
      patch: approve ? movedDeadline(a, issue, open.requestedDeadline) : {},
      action: approve ? 'APPROVE_EXTENSION' : 'REFUSE_EXTENSION',
      note: joinNote(approve ? deadlineMove(issue.deadline, open.requestedDeadline) : `${open.requestedDeadline.toISOString()} refused`, text),
      also: () => em.update(DeadlineExtension, { id: open.id }, decision),
    };
  });
}
