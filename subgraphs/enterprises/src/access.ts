import { forbidden, parseDivisionCode, type SubgraphContext, type Viewer } from '@cadres/kit';

/**
 * Who may change enterprise data (kept as simple as people's rule until the full role matrix
 * lands): ADMIN, DEPARTMENT and CADRE may write, inside their scope (a null scope is
 * everywhere); ANALYST and PARTNER only read. Enterprise data holds nothing personal, so reads
 * are open to every authenticated role.
 */
const writers: ReadonlySet<Viewer['role']> = new Set(['ADMIN', 'DEPARTMENT', 'CADRE']);

function inScope(viewer: Viewer, divisionCode: string): boolean {
  if (!viewer.scope) return true;
  const prefix = parseDivisionCode(viewer.scope)?.prefix;
  return !!prefix && divisionCode.startsWith(prefix);
}

/** FORBIDDEN unless the viewer may write (data located at `divisionCode`, when given). */
export function requireWriter(ctx: SubgraphContext, divisionCode?: string): void {
  if (!writers.has(ctx.viewer.role)) throw forbidden(`${ctx.viewer.role} may not change enterprise data`);
  if (divisionCode != null && !inScope(ctx.viewer, divisionCode)) {
    throw forbidden(`${divisionCode} lies outside the caller's scope ${ctx.viewer.scope}`);
  }
}
