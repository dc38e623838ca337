// The demo ledger in memory: planned issues and demands (seed-plan.ts) played through the
// closed loop's rules (workflow.ts steps and demandSteps, time.ts deadlines and lights,
// supervision.ts levels) to the rows the service would have written for the same calls at the
// same instants, with the supervision sweep running as it does in a served subgraph. The seed
// writes these rows in bulk; seed.test.ts replays the same plan through the service and
// compares the tables.
import { badInput } from '@cadres/kit';
import type { IssuesConfig } from './config';
import { deliberationOf, formatDemandRef } from './demands';
import type { CoHandler, Demand, DemandEvent, DemandTaker, Issue, IssueEvent, Meeting, Satisfaction } from './entities';
import type { ReportIssueInput } from './reporting';
import { formatRef, ledgerYear } from './reporting';
import { joinNote } from './steps';
import { MAX_SUPERVISION_LEVEL, dueSupervisionLevel } from './supervision';
import { addHours, defaultDeadline, yellowAt } from './time';
import { checkDemandStep, checkStep, demandSteps, sweptStatuses, targetStatus, type DemandStep, type Step } from './workflow';

/** One call of the service after the report, at its instant, with its arguments. */
export type PlannedStep = { at: Date } & (
  | { op: 'assign'; departmentId: string; note: string | null }
  | { op: 'accept' }
  | { op: 'start'; note: string | null }
  | { op: 'resolve'; feedback: string }
  | { op: 'evaluate'; satisfaction: Satisfaction; solved: boolean; comment: string | null }
  | { op: 'reject'; reason: string }
  | { op: 'supervise'; note: string | null }
  | { op: 'addCoHandler'; departmentId: string }
  | { op: 'acceptCoHandling'; departmentId: string }
  | { op: 'reportCoHandling'; departmentId: string; feedback: string }
  | { op: 'recordMeeting'; date: string; departmentIds: string[]; decision: string }
);

/** A demo issue: its report (or a problem fixed on the spot, with its feedback), then its steps in time order, none after the seed's now. */
export interface IssueScript {
  at: Date;
  input: Omit<ReportIssueInput, 'idempotencyKey'>;
  fixedWith: string | null;
  steps: PlannedStep[];
}

export type PlannedDemandStep = { at: Date } & (
  | { op: 'openDemand' }
  | { op: 'takeDemand'; departmentId: string | null; cadreId: string | null }
  | { op: 'completeDemand'; result: string }
  | { op: 'deliberateDemand'; scores: number[] }
);

export interface DemandScript {
  at: Date;
  divisionCode: string;
  title: string;
  description: string;
  steps: PlannedDemandStep[];
}

export interface Counter {
  districtPrefix: string;
  ledgerYear: number;
  lastNumber: number;
}

export interface LedgerRows {
  issues: Issue[];
  events: IssueEvent[];
  coHandlers: CoHandler[];
  meetings: Meeting[];
  counters: Counter[];
}

export interface DemandRows {
  demands: Demand[];
  events: DemandEvent[];
  takers: DemandTaker[];
  counters: Counter[];
}

/** The sweep's period: a served subgraph sweeps every sweepSeconds (default 300) on the clock's multiples. */
const sweepPeriodMs = (config: IssuesConfig) => (config.sweepSeconds || 300) * 1000;

/**
 * The instants in [from, until) (and not after `now`) when a sweep running every period first
 * finds the issue due for a higher level: the first tick at or after its YELLOW instant, after its
 * deadline, and after its deadline plus escalateAfterHours. Between them a sweep changes nothing.
 */
export function sweepInstants(config: IssuesConfig, issue: Pick<Issue, 'deadline' | 'yellowAt'>, from: Date, until: Date | null, now: Date): Date[] {
  const period = sweepPeriodMs(config);
  const tick = (t: number) => Math.ceil(t / period) * period;
  const ticks = [tick(issue.yellowAt.getTime()), tick(issue.deadline.getTime() + 1), tick(addHours(issue.deadline, config.escalateAfterHours).getTime() + 1)];
  const end = Math.min(until?.getTime() ?? Infinity, now.getTime() + 1);
  return [...new Set(ticks)].filter((t) => t >= from.getTime() && t < end).sort((a, b) => a - b).map((t) => new Date(t));
}

/** Numbers each (district, year) in report order, as the counter rows hand them out. */
function numberer() {
  const last = new Map<string, Counter>();
  return {
    next(district: string, year: number): number {
      const key = `${district}:${year}`;
      const c = last.get(key) ?? { districtPrefix: district, ledgerYear: year, lastNumber: 0 };
      last.set(key, c);
      return ++c.lastNumber;
    },
    counters: () => [...last.values()],
  };
}

/** In report order (then plan order): the order the ledger numbers are taken in. */
export const reportOrder = <T extends { at: Date }>(scripts: readonly T[]): T[] =>
  scripts.map((s, k) => ({ s, k })).sort((a, b) => a.s.at.getTime() - b.s.at.getTime() || a.k - b.k).map(({ s }) => s);

/**
 * Every script played through the closed loop. `id` makes the row ids (UUIDs, as the service's).
 * Throws (as the service would refuse the call) when a script breaks a rule.
 */
export function playIssues(scripts: readonly IssueScript[], config: IssuesConfig, now: Date, actor: string, id: () => string): LedgerRows {
  const out: LedgerRows = { issues: [], events: [], coHandlers: [], meetings: [], counters: [] };
  const numbers = numberer();
  for (const script of reportOrder(scripts)) {
    const { at, input } = script;
    const fixed = script.fixedWith !== null;
    const district = input.divisionCode.slice(0, 6);
    const year = ledgerYear(at);
    const deadline = defaultDeadline(config, input.urgency, at);
    const issue: Issue = {
      id: id(), ref: formatRef(year, district, numbers.next(district, year)),
      title: input.title, description: input.description, category: input.category, kind: input.kind, source: input.source, urgency: input.urgency,
      divisionCode: input.divisionCode, subjectType: (input.subjectType ?? null) as Issue['subjectType'], subjectId: input.subjectId ?? null,
      reporterId: input.reporterId ?? null, reportedBy: actor, visitId: input.visitId ?? null, assigneeId: null,
      status: fixed ? 'CLOSED' : 'REPORTED', version: 1, reportedAt: at, deadline, originalDeadline: deadline,
      yellowAt: yellowAt(config, at, deadline), assignedAt: null, responseDeadline: null, acceptedAt: null,
      resolvedAt: fixed ? at : null, finishedAt: fixed ? at : null, supervisionLevel: 0, reopenCount: 0, feedback: script.fixedWith,
      evalSatisfaction: null, evalSolved: null, evalComment: null, evaluatedAt: null, fixedOnTheSpot: fixed,
    };
    const coHandlers: CoHandler[] = [];
    const event = (when: Date, action: string, from: Issue['status'] | null, to: Issue['status'] | null, note: string | null) =>
      out.events.push({ id: id(), issueId: issue.id, seq: issue.version, at: when, action, fromStatus: from, toStatus: to, actor, note });
    event(at, 'REPORT', null, 'REPORTED', null);
    // Fixed on the spot: closed at once, version 2 after its two events (reporting.ts).
    if (fixed) {
      issue.version = 2;
      event(at, 'FIX_ON_THE_SPOT', 'REPORTED', 'CLOSED', script.fixedWith);
    }

    /** A versioned change: the rule's check, the patch, the new version and its event (steps.ts applyStep). */
    const apply = (when: Date, step: Step, patch: Partial<Issue>, action: string, note: string | null, to = targetStatus(step)) => {
      checkStep(step, issue.status);
      const from = issue.status;
      Object.assign(issue, patch, to ? { status: to } : {});
      issue.version++;
      event(when, action, from, to ?? from, note);
    };
    /** The sweeps between one call and the next (supervision.ts superviseOverdue). */
    const sweep = (from: Date, until: Date | null) => {
      if (!sweptStatuses.includes(issue.status)) return;
      for (const t of sweepInstants(config, issue, from, until, now)) {
        const level = dueSupervisionLevel(config, issue, t);
        if (level <= issue.supervisionLevel) continue;
        const before = issue.supervisionLevel;
        issue.supervisionLevel = level;
        issue.version++;
        event(t, 'AUTO_SUPERVISE', issue.status, issue.status, `level ${before} -> ${level}`);
      }
    };
    const part = (dept: string) => {
      const p = coHandlers.find((c) => c.departmentId === dept);
      if (!p) throw badInput('id', `department ${dept} does not handle ${issue.ref} jointly`);
      return p;
    };

    sweep(at, script.steps[0]?.at ?? null);
    script.steps.forEach((s, k) => {
      if (s.at.getTime() > now.getTime() || s.at.getTime() < (k ? script.steps[k - 1].at : at).getTime()) throw new Error(`${issue.ref}: step ${k} out of time order`);
      const when = s.at;
      switch (s.op) {
        case 'assign':
          if (coHandlers.some((c) => c.departmentId === s.departmentId)) throw badInput('departmentId', `department ${s.departmentId} already handles ${issue.ref} jointly`);
          apply(when, 'assign', {
            assigneeId: s.departmentId, assignedAt: when, responseDeadline: addHours(when, config.responseHours[issue.urgency]),
            ...(issue.assignedAt ? {} : { originalDeadline: issue.deadline }),
          }, issue.status === 'ASSIGNED' ? 'REASSIGN' : 'ASSIGN', joinNote(s.departmentId, s.note));
          break;
        case 'accept':
          apply(when, 'accept', { acceptedAt: when }, 'ACCEPT', null);
          break;
        case 'start':
          apply(when, 'start', {}, 'START', s.note);
          break;
        case 'resolve': {
          const waiting = coHandlers.filter((c) => c.status !== 'REPORTED');
          if (waiting.length) throw new Error(`${issue.ref} waits for its co-handlers to report`);
          apply(when, 'resolve', { resolvedAt: when, feedback: s.feedback }, 'RESOLVE', s.feedback);
          break;
        }
        case 'evaluate': {
          const to = targetStatus('evaluate', { satisfied: s.satisfaction !== 'DISSATISFIED', solved: s.solved });
          apply(when, 'evaluate', {
            evalSatisfaction: s.satisfaction, evalSolved: s.solved ? 1 : 0, evalComment: s.comment, evaluatedAt: when,
            ...(to === 'CLOSED' ? { finishedAt: when } : { reopenCount: issue.reopenCount + 1 }),
          }, to === 'CLOSED' ? 'CLOSE' : 'REOPEN', joinNote(`${s.satisfaction}, ${s.solved ? 'solved' : 'not solved'}`, s.comment), to);
          break;
        }
        case 'reject':
          apply(when, 'reject', { finishedAt: when }, 'REJECT', s.reason);
          break;
        case 'supervise':
          if (issue.supervisionLevel >= MAX_SUPERVISION_LEVEL) throw new Error(`${issue.ref} is already at the highest supervision level`);
          apply(when, 'supervise', { supervisionLevel: issue.supervisionLevel + 1 }, 'SUPERVISE', joinNote(`level ${issue.supervisionLevel} -> ${issue.supervisionLevel + 1}`, s.note));
          break;
        case 'addCoHandler':
          if (issue.assigneeId === s.departmentId || coHandlers.some((c) => c.departmentId === s.departmentId)) throw badInput('departmentId', `${s.departmentId} cannot co-handle ${issue.ref}`);
          checkStep('addCoHandler', issue.status);
          coHandlers.push({ issueId: issue.id, departmentId: s.departmentId, seq: issue.version + 1, status: 'ASSIGNED', feedback: null, addedAt: when, acceptedAt: null, reportedAt: null });
          apply(when, 'addCoHandler', {}, 'ADD_CO_HANDLER', s.departmentId);
          break;
        case 'acceptCoHandling': {
          checkStep('acceptCoHandling', issue.status);
          const p = part(s.departmentId);
          if (p.status !== 'ASSIGNED') throw new Error(`${s.departmentId}'s part of ${issue.ref} is ${p.status}`);
          Object.assign(p, { status: 'ACCEPTED', acceptedAt: when });
          apply(when, 'acceptCoHandling', {}, 'ACCEPT_CO_HANDLING', s.departmentId);
          break;
        }
        case 'reportCoHandling': {
          checkStep('reportCoHandling', issue.status);
          const p = part(s.departmentId);
          if (p.status !== 'ACCEPTED') throw new Error(`${s.departmentId}'s part of ${issue.ref} is ${p.status}`);
          Object.assign(p, { status: 'REPORTED', feedback: s.feedback, reportedAt: when });
          apply(when, 'reportCoHandling', {}, 'REPORT_CO_HANDLING', joinNote(s.departmentId, s.feedback));
          break;
        }
        case 'recordMeeting':
          checkStep('recordMeeting', issue.status);
          out.meetings.push({ id: id(), issueId: issue.id, seq: issue.version + 1, date: s.date, departmentIds: s.departmentIds, decision: s.decision, at: when });
          apply(when, 'recordMeeting', {}, 'MEETING', joinNote(s.date, s.decision));
          break;
      }
      sweep(when, script.steps[k + 1]?.at ?? null);
    });
    out.issues.push(issue);
    out.coHandlers.push(...coHandlers);
  }
  out.counters = numbers.counters();
  return out;
}

/** Every demand script played through the 四单 steps (demands.ts), numbered per district and year. */
export function playDemands(scripts: readonly DemandScript[], now: Date, actor: string, id: () => string): DemandRows {
  const out: DemandRows = { demands: [], events: [], takers: [], counters: [] };
  const numbers = numberer();
  for (const script of reportOrder(scripts)) {
    const year = ledgerYear(script.at);
    const district = script.divisionCode.slice(0, 6);
    const demand: Demand = {
      id: id(), ref: formatDemandRef(year, district, numbers.next(district, year)), title: script.title, description: script.description,
      divisionCode: script.divisionCode, status: 'ORDERED', version: 1, orderedBy: actor, orderedAt: script.at,
      openedAt: null, takenAt: null, doneAt: null, deliberatedAt: null, result: null, scores: null,
    };
    const event = (when: Date, action: string, from: Demand['status'] | null, note: string | null) =>
      out.events.push({ id: id(), demandId: demand.id, seq: demand.version, at: when, action, fromStatus: from, toStatus: demand.status, actor, note });
    event(script.at, 'ORDER', null, null);
    const apply = (when: Date, step: DemandStep, patch: Partial<Demand>, action: string, note: string | null) => {
      checkDemandStep(step, demand.status);
      const from = demand.status;
      Object.assign(demand, patch, { status: demandSteps[step].to[0] });
      demand.version++;
      event(when, action, from, note);
    };
    for (const s of script.steps) {
      if (s.at.getTime() > now.getTime()) throw new Error(`${demand.ref}: a step after now`);
      switch (s.op) {
        case 'openDemand':
          apply(s.at, 'openDemand', { openedAt: s.at }, 'OPEN', null);
          break;
        case 'takeDemand':
          checkDemandStep('takeDemand', demand.status);
          out.takers.push({ id: id(), demandId: demand.id, seq: demand.version + 1, departmentId: s.departmentId, cadreId: s.cadreId, at: s.at });
          apply(s.at, 'takeDemand', { takenAt: demand.takenAt ?? s.at }, 'TAKE', [s.departmentId, s.cadreId].filter(Boolean).join(', '));
          break;
        case 'completeDemand':
          apply(s.at, 'completeDemand', { doneAt: s.at, result: s.result }, 'COMPLETE', s.result);
          break;
        case 'deliberateDemand': {
          const summary = deliberationOf(s.scores)!;
          apply(s.at, 'deliberateDemand', { deliberatedAt: s.at, scores: s.scores }, 'DELIBERATE', `${summary.count} scores, average ${summary.average!.toFixed(2)}`);
          break;
        }
      }
    }
    out.demands.push(demand);
  }
  out.counters = numbers.counters();
  return out;
}
