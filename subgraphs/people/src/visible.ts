// The rows a viewer may see, per access.ts, for the resolvers: what is outside the viewer's
// reach is null (a lookup) or left out (a list). For an unscoped reader nothing is loaded to
// decide, so the statement counts of ADMIN's requests do not change; a scoped one loads the
// cadres' departments, one batched statement per request.
import type { SubgraphContext } from '@cadres/kit';
import { mayRead, mayReadAt, mayReadDepartmentAt, visitPlace } from './access';
import type { Cadre, Department, Household, Liaison, Resident, Visit } from './entities';
import { cadreById, departmentById, householdById } from './loaders';

export const visibleHousehold = (ctx: SubgraphContext, h: Household | null) => (h && mayReadAt(ctx.viewer, h.divisionCode) ? h : null);

/** A resident is seen with its household. */
export async function visibleResident(ctx: SubgraphContext, r: Resident | null): Promise<Resident | null> {
  return r && visibleHousehold(ctx, await householdById(ctx).load(r.householdId)) ? r : null;
}

export const visibleDepartment = (ctx: SubgraphContext, d: Department | null) => (d && mayReadDepartmentAt(ctx.viewer, d.divisionCode) ? d : null);

export const visibleVisit = (ctx: SubgraphContext, v: Visit | null) => (v && mayReadAt(ctx.viewer, visitPlace(v)) ? v : null);

/** A cadre is seen where its department is. */
export async function visibleCadre(ctx: SubgraphContext, c: Cadre | null): Promise<Cadre | null> {
  if (!c || !mayRead(ctx.viewer)) return null;
  if (!ctx.viewer.scope) return c;
  return visibleDepartment(ctx, await departmentById(ctx).load(c.departmentId)) ? c : null;
}

export async function visibleCadres(ctx: SubgraphContext, cadres: Cadre[]): Promise<Cadre[]> {
  const seen = await Promise.all(cadres.map((c) => visibleCadre(ctx, c)));
  return cadres.filter((_, i) => seen[i]);
}

/** Links in scope (where each lies: access.ts visitPlace) whose cadre the viewer sees (a link goes with its cadre: Liaison.cadre is non-null); null for those who read no people data. */
export async function visibleLiaisons(ctx: SubgraphContext, links: Liaison[]): Promise<Liaison[] | null> {
  if (!mayRead(ctx.viewer)) return null;
  if (!ctx.viewer.scope) return links;
  // A link lies at its target's division: a township's for a 包片 (AREA_LEAD) link.
  const placed = links.filter((l) => mayReadAt(ctx.viewer, visitPlace(l)));
  const cadres = await visibleCadres(ctx, await Promise.all(placed.map((l) => cadreById(ctx).load(l.cadreId))));
  const shown = new Set(cadres.map((c) => c.id));
  return placed.filter((l) => shown.has(l.cadreId));
}
