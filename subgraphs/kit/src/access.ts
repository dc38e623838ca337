import type { Viewer } from './auth';
import { forbidden } from './errors';
import { parseDivisionCode } from './validators';

/**
 * The access rules every subgraph shares until the full role matrix lands: a viewer sees and
 * changes only its scope's subtree (a null scope is everywhere), and the staff roles (ADMIN,
 * DEPARTMENT, CADRE) are the ones that change data; ANALYST and PARTNER read.
 */
export function inScope(viewer: Viewer, divisionCode: string): boolean {
  if (!viewer.scope) return true;
  const prefix = parseDivisionCode(viewer.scope)?.prefix;
  return !!prefix && divisionCode.startsWith(prefix);
}

/** FORBIDDEN unless `divisionCode` lies in the viewer's scope. */
export function requireInScope(viewer: Viewer, divisionCode: string): void {
  if (!inScope(viewer, divisionCode)) throw forbidden(`${divisionCode} lies outside the caller's scope ${viewer.scope}`);
}

export const isStaff = (viewer: Viewer) => viewer.role === 'ADMIN' || viewer.role === 'DEPARTMENT' || viewer.role === 'CADRE';

/** FORBIDDEN unless the viewer is staff; `what` names the data, e.g. "enterprise data". */
export function requireStaff(viewer: Viewer, what: string): void {
  if (!isStaff(viewer)) throw forbidden(`${viewer.role} may not change ${what}`);
}
