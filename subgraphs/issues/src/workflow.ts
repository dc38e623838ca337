import { invalidTransition } from '@cadres/kit';
import type { DemandStatus, IssueStatus } from './entities';

/** A closed loop as a table: each step, the statuses it may start from, where it leads (null: the status stays). */
type StepTable<S extends string> = Record<string, { from: readonly S[]; to: readonly S[] | null }>;

/**
 * The closed loop (闭环) as one table: each step, the statuses it may start from, and where it
 * leads. Every mutation checks it here and nowhere else.
 *
 *   REPORTED → ASSIGNED (交办; again from ASSIGNED to re-assign) → ACCEPTED (签收) → IN_PROGRESS
 *   → RESOLVED (反馈) → CLOSED (销号), or back to IN_PROGRESS when the evaluation is dissatisfied
 *   or not solved; REPORTED | ASSIGNED → REJECTED. Supervision, deadline changes and extension requests
 *   and decisions keep the status, and so does joint handling (共同接单): co-handlers join, sign for
 *   and report their part while the lead works on it, and meetings (联席会议) are recorded while it is open.
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
  // Joint handling needs a lead (an assignee) and ends when the lead resolves.
  addCoHandler: { from: ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'], to: null },
  acceptCoHandling: { from: ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'], to: null },
  reportCoHandling: { from: ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'], to: null },
  recordMeeting: { from: ['REPORTED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED'], to: null },
} as const satisfies StepTable<IssueStatus>;

export type Step = keyof typeof steps;

/**
 * The 四单 method as the same kind of table: 群众点单 (orderDemand) → ORDERED, 社区开单 → OPENED,
 * 共同接单 → TAKEN (more takers may join while it is TAKEN), 办结 → DONE, 民主议单 → DELIBERATED.
 */
export const demandSteps = {
  openDemand: { from: ['ORDERED'], to: ['OPENED'] },
  takeDemand: { from: ['OPENED', 'TAKEN'], to: ['TAKEN'] },
  completeDemand: { from: ['TAKEN'], to: ['DONE'] },
  deliberateDemand: { from: ['DONE'], to: ['DELIBERATED'] },
} as const satisfies StepTable<DemandStatus>;

export type DemandStep = keyof typeof demandSteps;

/** The statuses that are finished: not open any more. */
export const finishedStatuses: readonly IssueStatus[] = ['CLOSED', 'REJECTED'];
export const openStatuses: readonly IssueStatus[] = ['REPORTED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED'];
/** Where the automatic sweep chases the handling unit: RESOLVED waits on the requester's evaluation, not on them. */
export const sweptStatuses: readonly IssueStatus[] = ['REPORTED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'];

const allowedIn = <S extends string>(table: StepTable<S>, status: S): string[] =>
  Object.keys(table).filter((s) => table[s].from.includes(status));

const checkIn = <S extends string>(table: StepTable<S>, what: string, step: string, status: S): void => {
  if (!table[step].from.includes(status)) {
    throw invalidTransition(`${what} in status ${status} cannot ${step}`, status, allowedIn(table, status));
  }
};

/** The steps allowed from `status`, in table order. */
export const allowedSteps = (status: IssueStatus) => allowedIn(steps, status) as Step[];
export const allowedDemandSteps = (status: DemandStatus) => allowedIn(demandSteps, status) as DemandStep[];

/** Throws INVALID_TRANSITION (with the current status and the allowed steps) unless `step` may start from `status`. */
export const checkStep = (step: Step, status: IssueStatus) => checkIn(steps, 'An issue', step, status);
export const checkDemandStep = (step: DemandStep, status: DemandStatus) => checkIn(demandSteps, 'A demand', step, status);

/** Where `step` leads from an issue; evaluate depends on the verdict. Null: the status stays. */
export function targetStatus(step: Step, verdict?: { satisfied: boolean; solved: boolean }): IssueStatus | null {
  if (step === 'evaluate') return verdict?.satisfied && verdict.solved ? 'CLOSED' : 'IN_PROGRESS';
  const to = steps[step].to;
  return to ? to[0] : null;
}
