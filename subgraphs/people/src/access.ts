import { inScope, isStaff, maskPhone, requireInScope, requireStaff, type SubgraphContext, type Viewer } from '@cadres/kit';

/**
 * Who sees personal data (PIPL) in people, kept deliberately simple until the full role
 * matrix lands. Built on kit's shared rules (kit access.ts: staff roles write, a scope limits
 * a viewer to its subtree, a null scope is everywhere):
 *
 * | data                            | ADMIN, DEPARTMENT, CADRE                        | ANALYST, PARTNER |
 * |---------------------------------|-------------------------------------------------|------------------|
 * | cadre phone                     | plain                                           | masked           |
 * | resident idNumber and phone     | plain in their scope, else masked               | masked           |
 * | household tags                  | shown in their scope, else []                   | []               |
 * | Division.households(tag:)       | for a division in their scope                   | FORBIDDEN        |
 * | mutations                       | on targets in their scope                       | FORBIDDEN        |
 *
 * An ADMIN without a scope is in scope everywhere; an ADMIN with one is held to it like anyone.
 * Every unmasked ID number read is logged as an audit record (households.ts).
 */
export { inScope };

export const maySeeCadrePhone = (viewer: Viewer) => isStaff(viewer);

/** Residents' ID numbers and phones, households' tags. */
export const maySeePersonal = (viewer: Viewer, divisionCode: string) => isStaff(viewer) && inScope(viewer, divisionCode);

export const cadrePhone = (viewer: Viewer, phone: string | null) =>
  phone == null ? null : maySeeCadrePhone(viewer) ? phone : maskPhone(phone);

/** Mutations: refused to the read-only roles. */
export function requireWriter(ctx: SubgraphContext): void {
  requireStaff(ctx.viewer, 'people data');
}

/** A write that touches `divisionCode` (when known): FORBIDDEN outside the viewer's scope. */
export function requireWriteScope(ctx: SubgraphContext, divisionCode: string | null): void {
  if (divisionCode) requireInScope(ctx.viewer, divisionCode);
}
