import { requireInScope, requireStaff, type SubgraphContext } from '@cadres/kit';

/**
 * Who may change enterprise data (kit's shared rule until the full role matrix lands): staff
 * roles, inside their scope. Enterprise data holds nothing personal, so every authenticated
 * role reads it.
 */
export function requireWriter(ctx: SubgraphContext, divisionCode?: string): void {
  requireStaff(ctx.viewer, 'enterprise data');
  if (divisionCode != null) requireInScope(ctx.viewer, divisionCode);
}
