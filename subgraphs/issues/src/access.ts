import { forbidden, requireInScope, type Role, type Viewer } from '@cadres/kit';
import type { Step } from './workflow';

/**
 * Who may change the ledger (kept as simple as people's and enterprises' rules until the full
 * role matrix lands). Reads are open to every authenticated role: the ledger holds no personal
 * data beyond ids. Writes:
 *
 * | action                                     | ADMIN | DEPARTMENT             | CADRE | PARTNER (12345) | ANALYST |
 * |--------------------------------------------|-------|------------------------|-------|-----------------|---------|
 * | report                                     | yes   | yes                    | yes   | yes             | no      |
 * | assign, reject, extendDeadline, supervise  | yes   | yes                    | yes   | no              | no      |
 * | accept, start, resolve (签收, 办理, 反馈)     | yes   | only the assignee unit | yes   | no              | no      |
 * | evaluate, rate (the requester's verdict)   | yes   | no                     | yes   | yes             | no      |
 *
 * and always inside the viewer's scope (a null scope is everywhere): the issue's division must
 * lie in the scope's subtree. A refused write is FORBIDDEN and writes nothing.
 */
export type Action = Step | 'report' | 'rate';

const handlers: Role[] = ['ADMIN', 'DEPARTMENT', 'CADRE'];
const may: Record<Action, readonly Role[]> = {
  report: ['ADMIN', 'DEPARTMENT', 'CADRE', 'PARTNER'],
  assign: handlers,
  reject: handlers,
  extendDeadline: handlers,
  supervise: handlers,
  accept: handlers,
  start: handlers,
  resolve: handlers,
  evaluate: ['ADMIN', 'CADRE', 'PARTNER'],
  rate: ['ADMIN', 'CADRE', 'PARTNER'],
};

/** Steps only the department the issue is assigned to may take (when the viewer is a department). */
const assigneeOnly: ReadonlySet<Action> = new Set<Action>(['accept', 'start', 'resolve']);

/** FORBIDDEN unless the viewer's role may take `action` at all (checked before any statement). */
export function requireRole(viewer: Viewer, action: Action): void {
  if (!may[action].includes(viewer.role)) throw forbidden(`${viewer.role} may not ${action} issues`);
}

/** FORBIDDEN unless the viewer may take `action` on this issue (its division, its assignee). */
export function requireAccess(viewer: Viewer, action: Action, issue: { divisionCode: string; assigneeId?: string | null }): void {
  requireRole(viewer, action);
  requireInScope(viewer, issue.divisionCode);
  // A department's token without departmentId cannot prove it is the assignee.
  if (assigneeOnly.has(action) && viewer.role === 'DEPARTMENT' && viewer.departmentId !== issue.assigneeId) {
    throw forbidden(`only the assigned department may ${action} this issue`);
  }
}
