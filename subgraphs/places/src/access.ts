// Who may read what in the places subgraph: the whole role matrix, in one table.
import { inScope, subtreeRange, type Role, type Viewer } from '@cadres/kit';

/**
 * The role matrix. The division tree, buildings and building units are reference data without
 * personal information, so every role reads them (PARTNER too: the 12345 hotline needs division
 * codes to report an issue), each only inside its token's scope subtree (a null scope is
 * everywhere). Outside it a division, building or unit is null for lookups (division, building,
 * buildingUnit, `_entities`, Division.parent) and absent from lists (divisions,
 * Division.ancestors); a division in scope has its whole subtree in scope, so its children,
 * buildings, units and counts need no further check. A building lies in its division, a unit
 * in its building's.
 *
 * Places has no mutations; one added later is ADMIN's only.
 */
const matrix = {
  ADMIN: { divisions: true, buildings: true },
  DEPARTMENT: { divisions: true, buildings: true },
  CADRE: { divisions: true, buildings: true },
  ANALYST: { divisions: true, buildings: true },
  PARTNER: { divisions: true, buildings: true },
} as const satisfies Record<Role, Record<'divisions' | 'buildings', boolean>>;

export type Data = keyof (typeof matrix)[Role];

/** Whether the viewer reads `what` lying in `divisionCode`. */
export const mayReadAt = (viewer: Viewer, what: Data, divisionCode: string) => matrix[viewer.role][what] && inScope(viewer, divisionCode);

/** What the viewer reads of `what`, for a list's SQL: 'all', 'none', or the code range of its scope. */
export function readableRange(viewer: Viewer, what: Data): 'all' | 'none' | { lo: string; hi: string } {
  if (!matrix[viewer.role][what]) return 'none';
  return viewer.scope ? subtreeRange(viewer.scope) : 'all';
}

/** `row` when the viewer reads `what` where it lies (`divisionCode`), else null. */
export const visible = <T>(viewer: Viewer, what: Data, row: T | null, divisionCode: (row: T) => string): T | null =>
  row && mayReadAt(viewer, what, divisionCode(row)) ? row : null;
