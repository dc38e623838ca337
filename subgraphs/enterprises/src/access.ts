// Who may read and change what in the enterprises subgraph: the whole role matrix, in one table.
import { forbidden, inScope, loadOrNull, subtreeRange, type Role, type SubgraphContext, type Viewer } from '@cadres/kit';
import type { Enterprise, Project } from './entities';
import type { MutationResolvers } from './generated/graphql';
import { enterpriseById } from './loaders';

/** Every mutation of the SDL: the table below must name each one. */
export type Write = keyof MutationResolvers;

/**
 * The role matrix. `read` covers every enterprise and project field (nothing here is personal
 * data); a write is one mutation. Everything a role may do, it may do only inside its token's
 * scope subtree (a null scope is everywhere):
 * - an enterprise lies in its division; a project lies at its site and belongs to its
 *   enterprise, so it is in scope only when both are (then Project.enterprise is never hidden);
 * - outside the scope, and for a role without `read`, data is absent from lists (Query.enterprises,
 *   Division.enterprises/projects, Enterprise.projects), null for lookups (enterprise, project,
 *   `_entities`) and Division.enterprises/projects are null;
 * - a role without the write, or a write that would store an id outside the scope (the division
 *   of an enterprise, the site and the enterprise of a project, the project of a report), is
 *   FORBIDDEN (with `field` naming the argument when an id is at fault) and writes nothing.
 *
 * DEPARTMENT (the industry departments) and CADRE (the cadres linked to enterprises, 包联) keep
 * the registry and the project ledger of their scope as ADMIN does: every staff role registers
 * and reports there (a CADRE is not limited to the enterprises it is linked to: the links are
 * people's). ANALYST reads. PARTNER (the 12345 hotline) needs nothing of this subgraph.
 */
const matrix = {
  ADMIN: { read: true, registerEnterprise: true, registerProject: true, reportProjectProgress: true },
  DEPARTMENT: { read: true, registerEnterprise: true, registerProject: true, reportProjectProgress: true },
  CADRE: { read: true, registerEnterprise: true, registerProject: true, reportProjectProgress: true },
  ANALYST: { read: true, registerEnterprise: false, registerProject: false, reportProjectProgress: false },
  PARTNER: { read: false, registerEnterprise: false, registerProject: false, reportProjectProgress: false },
} as const satisfies Record<Role, Record<'read' | Write, boolean>>;

/** Whether the viewer reads data lying in `divisionCode`. */
export const mayReadAt = (viewer: Viewer, divisionCode: string) => matrix[viewer.role].read && inScope(viewer, divisionCode);

/**
 * What the viewer reads, for a list's SQL: 'all', 'none', or the code range of its scope
 * (a subtree is a range of codes).
 */
export function readableRange(viewer: Viewer): 'all' | 'none' | { lo: string; hi: string } {
  if (!matrix[viewer.role].read) return 'none';
  return viewer.scope ? subtreeRange(viewer.scope) : 'all';
}

export const visibleEnterprise = (viewer: Viewer, e: Enterprise | null) => (e && mayReadAt(viewer, e.divisionCode) ? e : null);

/** The project, or null when the viewer may not see it (its site or its enterprise out of scope). */
export async function visibleProject(ctx: SubgraphContext, p: Project | null): Promise<Project | null> {
  if (!p || !mayReadAt(ctx.viewer, p.siteCode)) return null;
  if (!ctx.viewer.scope) return p; // everywhere: no need to look where the enterprise is
  return visibleEnterprise(ctx.viewer, await loadOrNull(enterpriseById(ctx), p.enterpriseId)) ? p : null;
}

/** FORBIDDEN unless the viewer's role may make this write at all (checked before anything else). */
export function requireWrite(viewer: Viewer, write: Write): void {
  if (!matrix[viewer.role][write]) throw forbidden(`${viewer.role} may not ${write}`);
}

/** FORBIDDEN, naming the argument, unless what the write stores at `divisionCode` lies in the viewer's scope. */
export function requireWriteScope(viewer: Viewer, divisionCode: string, field: string): void {
  if (!inScope(viewer, divisionCode)) throw forbidden(`${field} lies outside the caller's scope ${viewer.scope}`, field);
}
