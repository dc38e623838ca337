// Who may read and change what in the issues subgraph: the whole role matrix, in one table.
import { forbidden, inScope, subtreeRange, type Role, type Viewer } from '@cadres/kit';
import type { Issue } from './entities';
import type { Owners } from './owners';
import { and, type Where } from './sql';
import type { Step } from './workflow';

/** Reading issues, and every write: reporting, each step of the loop (workflow.ts), rating. */
export type Action = 'read' | 'report' | 'fixOnTheSpot' | Step | 'rate';

/**
 * How far a right reaches. Every right holds only inside the token's scope subtree (a null
 * scope is everywhere):
 * - 'scope': any issue there;
 * - 'assignee': only issues assigned to the token's department (`departmentId`): their lead;
 * - 'coHandler': only issues the token's department handles jointly (one of their co-handlers);
 * - 'reporter': only issues the token reported (its `sub` is the issue's `reportedBy`);
 * - false: none.
 */
type Reach = 'scope' | 'assignee' | 'coHandler' | 'reporter' | false;

const S = 'scope';
const A = 'assignee';
const C = 'coHandler';
const R = 'reporter';
const _ = false;

/**
 * The role matrix (issue 10, "duties kept apart"). ADMIN is the organization department and the
 * supervision office (督查室): it assigns, rejects, supervises, sets deadlines (extendDeadline)
 * and decides extensions, and may record any step; it never requests an extension (it decides
 * them). DEPARTMENT takes the handling steps (签收, 办理, 反馈) and asks for more time, only on
 * issues assigned to it. CADRE and PARTNER (the 12345 hotline) report, and record the return
 * visit (回访, evaluate) of the issues they reported. ANALYST reads. PARTNER reads only what it
 * reported, in lists and stats too (its own reports are what it follows up: lists, counts and
 * rates over them, never over anyone else's).
 * Joint handling (issue 12): ADMIN adds co-handlers; a co-handling department signs for and reports
 * its own part (nobody else can: the step names no department, the token's is the one); meetings
 * are recorded by ADMIN or the lead department. A co-handler reads the issue as every DEPARTMENT
 * of its scope does.
 */
const matrix = {
  // fixOnTheSpot: a report closed at once (whoever found it solved it during the visit), so it reaches as far as report.
  //          read report fixOnTheSpot assign reject supervise extendDeadline decideExtension accept start resolve requestExtension evaluate rate addCoHandler acceptCoHandling reportCoHandling recordMeeting
  ADMIN:      { read: S, report: S, fixOnTheSpot: S, assign: S, reject: S, supervise: S, extendDeadline: S, decideExtension: S, accept: S, start: S, resolve: S, requestExtension: _, evaluate: S, rate: S, addCoHandler: S, acceptCoHandling: _, reportCoHandling: _, recordMeeting: S },
  DEPARTMENT: { read: S, report: _, fixOnTheSpot: _, assign: _, reject: _, supervise: _, extendDeadline: _, decideExtension: _, accept: A, start: A, resolve: A, requestExtension: A, evaluate: _, rate: _, addCoHandler: _, acceptCoHandling: C, reportCoHandling: C, recordMeeting: A },
  CADRE:      { read: S, report: S, fixOnTheSpot: S, assign: _, reject: _, supervise: _, extendDeadline: _, decideExtension: _, accept: _, start: _, resolve: _, requestExtension: _, evaluate: R, rate: S, addCoHandler: _, acceptCoHandling: _, reportCoHandling: _, recordMeeting: _ },
  ANALYST:    { read: S, report: _, fixOnTheSpot: _, assign: _, reject: _, supervise: _, extendDeadline: _, decideExtension: _, accept: _, start: _, resolve: _, requestExtension: _, evaluate: _, rate: _, addCoHandler: _, acceptCoHandling: _, reportCoHandling: _, recordMeeting: _ },
  PARTNER:    { read: R, report: S, fixOnTheSpot: S, assign: _, reject: _, supervise: _, extendDeadline: _, decideExtension: _, accept: _, start: _, resolve: _, requestExtension: _, evaluate: R, rate: S, addCoHandler: _, acceptCoHandling: _, reportCoHandling: _, recordMeeting: _ },
} as const satisfies Record<Role, Record<Action, Reach>>;

/*
 * Besides the table:
 * - Nobody evaluates an issue its own department handled (the viewer's department, see
 *   owners.withDepartment, is the assignee), and nobody rates itself or its own department.
 * - A household rates a cadre only if the cadre is linked to it (people's Household.liaisons).
 * - A rating for a household or an enterprise needs the rater in the viewer's scope; a report
 *   needs its division and its subject there; a CADRE reports only as itself (reporterId).
 * - The department an issue is assigned to, or handled jointly by, must serve a division that
 *   covers the issue's (steps.ts assignIssue, joint.ts addCoHandler; BAD_USER_INPUT on
 *   departmentId otherwise).
 * Outside its reach an issue is absent from lists, null for lookups and `_entities`, and left
 * out of stats; a refused write is FORBIDDEN and writes nothing.
 */

/** What a rule looks at: the issue's division, lead and reporter, and (for the steps that need them) its co-handlers. */
export type IssueFacts = Pick<Issue, 'divisionCode' | 'assigneeId' | 'reportedBy'> & { coHandlerIds?: readonly string[] };

function reaches(viewer: Viewer, reach: Reach, issue: IssueFacts): boolean {
  if (!reach || !inScope(viewer, issue.divisionCode)) return false;
  if (reach === 'assignee') return !!viewer.departmentId && viewer.departmentId === issue.assigneeId;
  if (reach === 'coHandler') return !!viewer.departmentId && !!issue.coHandlerIds?.includes(viewer.departmentId);
  if (reach === 'reporter') return issue.reportedBy === viewer.sub;
  return true;
}

const refusals: Record<Exclude<Reach, 'scope' | false>, string> = {
  assignee: 'only the assigned department may',
  coHandler: 'only a co-handling department may',
  reporter: 'only its reporter may',
};

/** Whether the viewer reads this issue. */
export const mayRead = (viewer: Viewer, issue: IssueFacts) => reaches(viewer, matrix[viewer.role].read, issue);

/** The issue, or null when the viewer may not read it (lookups, `_entities`). */
export const visibleIssue = <T extends IssueFacts>(viewer: Viewer, issue: T | null): T | null => (issue && mayRead(viewer, issue) ? issue : null);

/** `mayRead` in SQL over the issue table aliased `t`: what every list and every statistic adds to its WHERE. */
export function readableSql(viewer: Viewer): Where {
  const reach = matrix[viewer.role].read;
  if (!reach) return { sql: '1 = 0', params: [] };
  const parts: Where[] = [];
  if (viewer.scope) {
    const { lo, hi } = subtreeRange(viewer.scope);
    parts.push({ sql: 't.divisionCode >= ? AND t.divisionCode < ?', params: [lo, hi] });
  }
  if (reach === 'reporter') parts.push({ sql: 't.reportedBy = ?', params: [viewer.sub] });
  return and(parts);
}

/** Ratings summaries (Cadre.evaluations, Enterprise.evaluations, Department.serviceEvaluations, SERVICE_RATING rankings): for the roles that read every issue in scope. */
export const mayReadRatings = (viewer: Viewer) => matrix[viewer.role].read === 'scope';

/** FORBIDDEN unless the viewer's role may take `action` at all (checked before any statement). */
export function requireRole(viewer: Viewer, action: Action): void {
  if (!matrix[viewer.role][action]) throw forbidden(`${viewer.role} may not ${action} issues`);
}

/** FORBIDDEN unless the viewer may take `action` on this issue (its division, its assignee, its reporter). */
export function requireAccess(viewer: Viewer, action: Action, issue: IssueFacts): void {
  requireRole(viewer, action);
  const reach = matrix[viewer.role][action];
  if (!inScope(viewer, issue.divisionCode)) throw forbidden(`${issue.divisionCode} lies outside the caller's scope ${viewer.scope}`);
  if (!reaches(viewer, reach, issue)) {
    throw forbidden(`${refusals[reach as keyof typeof refusals]} ${action} this issue`);
  }
  if (action === 'evaluate' && viewer.departmentId && viewer.departmentId === issue.assigneeId) {
    throw forbidden('nobody evaluates an issue their own department handled');
  }
}

/** A CADRE reports as itself: the reporterId it gives, if any, is its own cadreId. */
export function requireOwnReport(viewer: Viewer, reporterId: string | null | undefined): void {
  if (viewer.role === 'CADRE' && reporterId != null && reporterId.trim() && reporterId.trim() !== viewer.cadreId) {
    throw forbidden('a cadre reports issues as itself', 'input.reporterId');
  }
}

/** What a rating names (already validated). */
export interface RatingRefs {
  targetType: string;
  targetId: string;
  raterType: string;
  raterId: string;
}

/** The rating rules that need no owner: nobody rates itself or its own department. */
export function requireRatingByOther(viewer: Viewer, r: RatingRefs): void {
  if (r.targetType === 'Cadre' && viewer.cadreId === r.targetId) throw forbidden('a cadre never rates itself', 'targetId');
  if (r.targetType === 'Department' && viewer.departmentId === r.targetId) throw forbidden('nobody rates their own department', 'targetId');
}

/** The rating rules that ask the owners: the rater lies in the viewer's scope, and a household rates only its linked cadres. */
export async function requireRatingFacts(viewer: Viewer, r: RatingRefs, owners: Owners): Promise<void> {
  if (viewer.scope && (r.raterType === 'Household' || r.raterType === 'Enterprise')) {
    if (!inScope(viewer, await owners.locate(r.raterType, r.raterId, 'raterId'))) throw forbidden(`raterId lies outside the caller's scope ${viewer.scope}`, 'raterId');
  }
  if (r.targetType === 'Cadre' && r.raterType === 'Household' && !(await owners.householdCadres(r.raterId, 'raterId')).includes(r.targetId)) {
    throw forbidden('a household rates only the cadres linked to it', 'targetId');
  }
}
