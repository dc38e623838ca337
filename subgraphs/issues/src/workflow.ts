import { invalidTransition } from '@cadres/kit';
import type { IssueStatus } from './entities';

/**
 * The closed loop (闭环) as one table: each step, the statuses it may start from, and where it
 * leads. Every mutation checks it here and nowhere else.
 *
 *   REPORTED → ASSIGNED (交办; again from ASSIGNED to re-assign) → ACCEPTED (签收) → IN_PROGRESS
 *   → RESOLVED (反馈) → CLOSED (销号), or back to IN_PROGRESS when the evaluation is dissatisfied
 *   or not solved; REPORTED | ASSIGNED → REJECTED. Supervision, deadline changes and extension requests
 *   and decisions keep the status.
 */
export const steps = {
  assign: { from: ['REPORTED', 'ASSIGNED'], to: ['ASSIGNED'] },
  accept: { from: ['ASSIGNED'], to: ['ACCEPTED'] },
  start: { from: ['ACCEPTED'], to: ['IN_PROGRESS'] },
  resolve: { from: ['IN_PROGRESS'], to: ['RESOLVED'] },
  evaluate: { from: ['RESOLVED'], to: ['CLOSED', 'IN_PROGRESS'] },
  reject: { from: ['REPORTED', 'ASSIGNED'], to: ['REJECTED'] },
  extendDeadline: { from: ['REPORTED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'], to: null },
  supervise: { from: ['REPORTED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED'], to: null },
  // The assignee asks while it works on it; ADMIN may still decide once it is resolved.
  requestExtension: { from: ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'], to: null },
  decideExtension: { from: ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED'], to: null },
} as const satisfies Record<string, { from: readonly IssueStatus[]; to: readonly IssueStatus[] | null }>;

export type Step = keyof typeof steps;

/** The statuses that are finished: not open any more. */
export const finishedStatuses: readonly IssueStatus[] = ['CLOSED', 'REJECTED'];
export const openStatuses: readonly IssueStatus[] = ['REPORTED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED'];
/** Where the automatic sweep chases the handling unit: RESOLVED waits on the requester's evaluation, not on them. */
export const sweptStatuses: readonly IssueStatus[] = ['REPORTED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'];

/** The steps allowed from `status`, in table order. */
export function allowedSteps(status: IssueStatus): Step[] {
  return (Object.keys(steps) as Step[]).filter((s) => (steps[s].from as readonly IssueStatus[]).includes(status));
}

/** Throws INVALID_TRANSITION (with the current status and the allowed steps) unless `step` may start from `status`. */
export function checkStep(step: Step, status: IssueStatus): void {
  if (!(steps[step].from as readonly IssueStatus[]).includes(status)) {
    throw invalidTransition(`An issue in status ${status} cannot ${step}`, status, allowedSteps(status));
  }
}

/** Where `step` leads from an issue; evaluate depends on the verdict. Null: the status stays. */
export function targetStatus(step: Step, verdict?: { satisfied: boolean; solved: boolean }): IssueStatus | null {
  if (step === 'evaluate') return verdict?.satisfied && verdict.solved ? 'CLOSED' : 'IN_PROGRESS';
  const to = steps[step].to;
  return to ? to[0] : null;
}
