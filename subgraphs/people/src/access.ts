import { forbidden, maskPhone, parseDivisionCode, type SubgraphContext, type Viewer } from '@cadres/kit';

/**
 * Who sees personal data (PIPL), kept deliberately simple until the full role matrix lands:
 *
 * | data                                   | ADMIN | DEPARTMENT, CADRE           | ANALYST, PARTNER |
 * |----------------------------------------|-------|-----------------------------|------------------|
 * | cadre phone                            | plain | plain                       | masked           |
 * | resident idNumber / phone              | plain | plain inside their scope,   | masked           |
 * |                                        |       | masked outside it           |                  |
 * | household tags (and filtering by tag)  | shown | shown inside their scope    | [] (FORBIDDEN)   |
 *
 * "Inside their scope": the viewer's scope is null (everywhere) or the household's division
 * lies in the scope's subtree. Writes are refused (FORBIDDEN) to ANALYST and PARTNER.
 */
const staff = (v: Viewer) => v.role === 'ADMIN' || v.role === 'DEPARTMENT' || v.role === 'CADRE';

/** Whether a division lies in the viewer's scope (a null scope is everywhere). */
export function inScope(viewer: Viewer, divisionCode: string): boolean {
  if (!viewer.scope) return true;
  const prefix = parseDivisionCode(viewer.scope)?.prefix;
  return !!prefix && divisionCode.startsWith(prefix);
}

export const maySeeCadrePhone = (viewer: Viewer) => staff(viewer);

/** Residents' ID numbers and phones, households' tags. */
export const maySeePersonal = (viewer: Viewer, divisionCode: string) =>
  viewer.role === 'ADMIN' || (staff(viewer) && inScope(viewer, divisionCode));

export const cadrePhone = (viewer: Viewer, phone: string | null) =>
  phone == null ? null : maySeeCadrePhone(viewer) ? phone : maskPhone(phone);

/** Mutations: refused to the read-only roles. */
export function requireWriter(ctx: SubgraphContext): void {
  if (!staff(ctx.viewer)) throw forbidden(`${ctx.viewer.role} may not change people data`);
}

/** Filtering by a household tag reveals the tag: only roles that may see tags may do it. */
export function requireTagReader(ctx: SubgraphContext): void {
  if (!staff(ctx.viewer)) throw forbidden(`${ctx.viewer.role} may not filter households by tag`);
}
