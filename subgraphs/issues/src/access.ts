// Who may read and change what in the issues subgraph: the whole role matrix, in one table.
import { forbidden, inScope, subtreeRange, type Role, type Viewer } from '@cadres/kit';
import type { Issue } from './entities';
import type { Owners } from './owners';
import { and, type Where } from './sql';
import type { Step } from './workflow';

/**
 * Reading issues, and every write: reporting, each step of the loop (workflow.ts), rating; and the
 * 四单 method's demands: reading them, ordering, each step (workflow.ts demandSteps), and reading the
 * published lists.
 */
export type DemandAction = 'readDemand' | 'orderDemand' | 'openDemand' | 'takeDemand' | 'completeDemand' | 'deliberateDemand' | 'readPublished';
export type Action = 'read' | 'report' | 'fixOnTheSpot' | Step | 'rate' | DemandAction;

/**
 * How far a right reaches. Every right holds only inside the token's scope subtree (a null
 * scope is everywhere):
 * - 'scope': any issue there;
 * - 'assignee': only issues assigned to the token's department (`departmentId`): their lead;
 * - 'coHandler': only issues the token's department handles jointly (one of their co-handlers);
 * - 'reporter': only issues the token reported (its `sub` is the issue's `reportedBy`), demands it ordered;
 * - 'division': only demands of a division the token's department serves (its division covers the
 *   demand's, as people says: the community's own units);
 * - 'taker': only demands the token's department or cadre took;
 * - false: none.
 */
type Reach = 'scope' | 'assignee' | 'coHandler' | 'reporter' | 'division' | 'taker' | false;

const S = 'scope';
const A = 'assignee';
const C = 'coHandler';
const R = 'reporter';
const V = 'division';
const T = 'taker';
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
 * The 四单 method (issue 12): staff (ADMIN, CADRE) and the hotline (PARTNER) enter residents' orders;
 * the community opens them (ADMIN, or a department serving the demand's division); departments
 * and cadres take them (as themselves; ADMIN names any); a taker or ADMIN completes; residents'
 * scores are recorded by ADMIN or the community's department. Demands are read like issues
 * (PARTNER: those it ordered); the published lists are public: every role, inside its scope.
 */
const matrix = {
  // fixOnTheSpot: a report closed at once (whoever found it solved it during the visit), so it reaches as far as report.
  //          read report fixOnTheSpot assign reject supervise extendDeadline decideExtension accept start resolve requestExtension evaluate rate addCoHandler acceptCoHandling reportCoHandling recordMeeting readDemand orderDemand openDemand takeDemand completeDemand deliberateDemand readPublished
  ADMIN:      { read: S, report: S, fixOnTheSpot: S, assign: S, reject: S, supervise: S, extendDeadline: S, decideExtension: S, accept: S, start: S, resolve: S, requestExtension: _, evaluate: S, rate: S, addCoHandler: S, acceptCoHandling: _, reportCoHandling: _, recordMeeting: S, readDemand: S, orderDemand: S, openDemand: S, takeDemand: S, completeDemand: S, deliberateDemand: S, readPublished: S },
  DEPARTMENT: { read: S, report: _, fixOnTheSpot: _, assign: _, reject: _, supervise: _, extendDeadline: _, decideExtension: _, accept: A, start: A, resolve: A, requestExtension: A, evaluate: _, rate: _, addCoHandler: _, acceptCoHandling: C, reportCoHandling: C, recordMeeting: A, readDemand: S, orderDemand: _, openDemand: V, takeDemand: S, completeDemand: T, deliberateDemand: V, readPublished: S },
  CADRE:      { read: S, report: S, fixOnTheSpot: S, assign: _, reject: _, supervise: _, extendDeadline: _, decideExtension: _, accept: _, start: _, resolve: _, requestExtension: _, evaluate: R, rate: S, addCoHandler: _, acceptCoHandling: _, reportCoHandling: _, recordMeeting: _, readDemand: S, orderDemand: S, openDemand: _, takeDemand: S, completeDemand: T, deliberateDemand: _, readPublished: S },
  ANALYST:    { read: S, report: _, fixOnTheSpot: _, assign: _, reject: _, supervise: _, extendDeadline: _, decideExtension: _, accept: _, start: _, resolve: _, requestExtension: _, evaluate: _, rate: _, addCoHandler: _, acceptCoHandling: _, reportCoHandling: _, recordMeeting: _, readDemand: S, orderDemand: _, openDemand: _, takeDemand: _, completeDemand: _, deliberateDemand: _, readPublished: S },
  PARTNER:    { read: R, report: S, fixOnTheSpot: S, assign: _, reject: _, supervise: _, extendDeadline: _, decideExtension: _, accept: _, start: _, resolve: _, requestExtension: _, evaluate: R, rate: S, addCoHandler: _, acceptCoHandling: _, reportCoHandling: _, recordMeeting: _, readDemand: R, orderDemand: S, openDemand: _, takeDemand: _, completeDemand: _, deliberateDemand: _, readPublished: S },
} as const satisfies Record<Role, Record<Action, Reach>>;

/*
 * Besides the table:
 * - Nobody evaluates an issue its own department handled (the viewer's department, see
 *   owners.withDepartment, is the assignee), and nobody rates itself or its own department.
 * - A household rates a cadre only if the cadre is or was linked to it (people's Household.liaisons, ended ones included).
 * - A rating for a household or an enterprise needs the rater in the viewer's scope; a report
 *   needs its division and its subject there; a CADRE reports only as itself (reporterId).
 * - The department an issue is assigned to, or handled jointly by, must serve a division that
 *   covers the issue's (steps.ts assignIssue, joint.ts addCoHandler; BAD_USER_INPUT on
 *   departmentId otherwise).
 * - A DEPARTMENT or CADRE takes a demand only as itself (takeDemand's departmentId, cadreId), and
 *   nobody deliberates a demand its own department took.
 * Outside its reach an issue is absent from lists, null for lookups and `_entities`, and left
 * out of stats; a refused write is FORBIDDEN and writes nothing.
 */

/**
 * What a rule looks at: the issue's division, lead and reporter, and (for the steps that need them)
 * its co-handlers; a demand's division, who ordered it (reportedBy) and its takers.
 */
export type IssueFacts = Pick<Issue, 'divisionCode' | 'reportedBy'> & {
  assigneeId?: string | null;
  coHandlerIds?: readonly string[];
  takers?: readonly { departmentId: string | null; cadreId: string | null }[];
};

/** The viewer, with the division its department serves when a 'division' right needs it (see servedDivisionNeeded). */
export type Caller = Viewer & { servedDivision?: string };

/** Whether `action` reaches the viewer's role by the division its department serves (asked of people before the write). */
export const servedDivisionNeeded = (viewer: Viewer, action: Action) => matrix[viewer.role][action] === 'division' && !!viewer.departmentId;

function reaches(viewer: Caller, reach: Reach, facts: IssueFacts): boolean {
  if (!reach || !inScope(viewer, facts.divisionCode)) return false;
  const dept = viewer.departmentId;
  if (reach === 'assignee') return !!dept && dept === facts.assigneeId;
  if (reach === 'coHandler') return !!dept && !!facts.coHandlerIds?.includes(dept);
  if (reach === 'reporter') return facts.reportedBy === viewer.sub;
  if (reach === 'division') return !!viewer.servedDivision && inScope({ ...viewer, scope: viewer.servedDivision }, facts.divisionCode);
  if (reach === 'taker') return !!facts.takers?.some((t) => (!!dept && t.departmentId === dept) || (!!viewer.cadreId && t.cadreId === viewer.cadreId));
  return true;
}

const refusals: Record<Exclude<Reach, 'scope' | false>, string> = {
  assignee: 'only the assigned department may',
  coHandler: 'only a co-handling department may',
  reporter: 'only its reporter may',
  division: 'only ADMIN or a department serving its division may',
  taker: 'only one of its takers may',
};

/** Whether the viewer reads this issue. */
export const mayRead = (viewer: Viewer, issue: IssueFacts) => reaches(viewer, matrix[viewer.role].read, issue);

/** The issue, or null when the viewer may not read it (lookups, `_entities`). */
export const visibleIssue = <T extends IssueFacts>(viewer: Viewer, issue: T | null): T | null => (issue && mayRead(viewer, issue) ? issue : null);

/** `mayRead` in SQL over the issue table aliased `t`: what every list and every statistic adds to its WHERE. */
export const readableSql = (viewer: Viewer): Where => reachSql(viewer, matrix[viewer.role].read, 't.reportedBy');

/** A read reach in SQL over `t` (its scope, and for 'reporter' the column naming who reported or ordered it). */
function reachSql(viewer: Viewer, reach: Reach, reporterColumn: string): Where {
  if (!reach) return { sql: '1 = 0', params: [] };
  const parts: Where[] = [];
  if (viewer.scope) {
    const { lo, hi } = subtreeRange(viewer.scope);
    parts.push({ sql: 't.divisionCode >= ? AND t.divisionCode < ?', params: [lo, hi] });
  }
  if (reach === 'reporter') parts.push({ sql: `${reporterColumn} = ?`, params: [viewer.sub] });
  return and(parts);
}

/** Ratings summaries (Cadre.evaluations, Enterprise.evaluations, Department.serviceEvaluations, SERVICE_RATING rankings): for the roles that read every issue in scope. */
export const mayReadRatings = (viewer: Viewer) => matrix[viewer.role].read === 'scope';

/** FORBIDDEN unless the viewer's role may take `action` at all (checked before any statement). */
export function requireRole(viewer: Viewer, action: Action): void {
  if (!matrix[viewer.role][action]) throw forbidden(`${viewer.role} may not ${action} issues`);
}

/** FORBIDDEN unless the viewer may take `action` on this issue (its division, its assignee, its reporter). */
export function requireAccess(viewer: Caller, action: Action, issue: IssueFacts): void {
  requireRole(viewer, action);
  const reach = matrix[viewer.role][action];
  if (!inScope(viewer, issue.divisionCode)) throw forbidden(`${issue.divisionCode} lies outside the caller's scope ${viewer.scope}`);
  if (!reaches(viewer, reach, issue)) {
    throw forbidden(`${refusals[reach as keyof typeof refusals]} ${action} it`);
  }
  if (action === 'evaluate' && viewer.departmentId && viewer.departmentId === issue.assigneeId) {
    throw forbidden('nobody evaluates an issue their own department handled');
  }
  if (action === 'deliberateDemand' && viewer.departmentId && issue.takers?.some((t) => t.departmentId === viewer.departmentId)) {
    throw forbidden('nobody deliberates a demand their own department took');
  }
}

/** A CADRE reports as itself: the reporterId it gives, if any, is its own cadreId. */
export function requireOwnReport(viewer: Viewer, reporterId: string | null | undefined): void {
  if (viewer.role === 'CADRE' && reporterId != null && reporterId.trim() && reporterId.trim() !== viewer.cadreId) {
    throw forbidden('a cadre reports issues as itself', 'input.reporterId');
  }
}

/** A DEPARTMENT or CADRE takes a demand only as itself: the department or cadre it names is its own, and it names no other. */
export function requireOwnTaking(viewer: Viewer, departmentId: string | null, cadreId: string | null): void {
  const own = viewer.role === 'DEPARTMENT' ? { field: 'departmentId', mine: viewer.departmentId, given: departmentId, other: cadreId, otherField: 'cadreId' }
    : viewer.role === 'CADRE' ? { field: 'cadreId', mine: viewer.cadreId, given: cadreId, other: departmentId, otherField: 'departmentId' }
    : null;
  if (!own) return;
  if (own.given !== own.mine) throw forbidden(`a ${viewer.role.toLowerCase()} takes demands as itself`, own.field);
  if (own.other != null) throw forbidden(`a ${viewer.role.toLowerCase()} takes demands as itself only`, own.otherField);
}

/** `mayRead` for demands, in SQL over the demand table aliased `t`; `action` readPublished for the published lists. */
export function readableDemandSql(viewer: Viewer, action: 'readDemand' | 'readPublished'): Where {
  return reachSql(viewer, matrix[viewer.role][action], 't.orderedBy');
}

/** Whether the viewer reads this demand. */
export const mayReadDemand = (viewer: Viewer, demand: { divisionCode: string; orderedBy: string }) =>
  reaches(viewer, matrix[viewer.role].readDemand, { divisionCode: demand.divisionCode, reportedBy: demand.orderedBy });

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
