import { badInput, divisionOf, notFound, parseDivisionCode, type SubgraphContext } from '@cadres/kit';
import type { EntityManager } from 'typeorm';
import { requireWriteScope } from './access';
import { Household, targetTypes, type TargetType } from './entities';

/**
 * A liaison or visit target that exists and lies in the writer's scope, with the division it
 * lies in when known (a village or community, or an enterprise's or project's division).
 */
export interface CheckedTarget {
  type: TargetType;
  id: string;
  divisionCode: string | null;
}

export function requireTargetType(raw: string): TargetType {
  if (!(targetTypes as readonly string[]).includes(raw)) {
    throw badInput('targetType', `targetType must be one of ${targetTypes.join(', ')}, got "${raw}"`);
  }
  return raw as TargetType;
}

/**
 * Checks that a target exists before people points at it. People owns households and checks
 * them in the write transaction (`checkLocalTarget`); divisions and building units belong to
 * places, enterprises and projects to enterprises, so those are asked of their owner through
 * `_entities` (kit fetchEntities, the caller's token forwarded), before the transaction opens.
 * `grassrootsOnly`: a Division target must be a village or community (by its code's structure).
 * Outside the writer's scope a target is FORBIDDEN; the owners answer only what the caller may
 * see, so a unit, enterprise or project they hide from it is NOT_FOUND.
 */
export async function checkRemoteTarget(
  ctx: SubgraphContext,
  type: TargetType,
  id: string,
  opts: { grassrootsOnly: boolean },
): Promise<CheckedTarget> {
  switch (type) {
    case 'Division': {
      const info = parseDivisionCode(id);
      if (!info) throw badInput('targetId', `targetId must be a valid 12-digit division code, got "${id}"`);
      if (opts.grassrootsOnly && info.level !== 'VILLAGE' && info.level !== 'COMMUNITY') {
        throw badInput('targetId', `targetId must be a village or community, and ${id} is a ${info.level.toLowerCase()}`);
      }
      requireWriteScope(ctx, id, 'targetId');
      await divisionOf(ctx, 'Division', id, 'targetId');
      return { type, id, divisionCode: info.level === 'VILLAGE' || info.level === 'COMMUNITY' ? id : null };
    }
    // Where it lies (a unit's community, an enterprise's division, a project's site): scope applies to it.
    case 'BuildingUnit':
    case 'Enterprise':
    case 'Project': {
      const divisionCode = await divisionOf(ctx, type, id, 'targetId');
      requireWriteScope(ctx, divisionCode, 'targetId');
      return { type, id, divisionCode };
    }
    case 'Household':
      return { type, id, divisionCode: null }; // checked in the transaction
  }
}

/** The in-transaction half: a household target must exist; its division is recorded. */
export async function checkLocalTarget(ctx: SubgraphContext, em: EntityManager, target: CheckedTarget): Promise<CheckedTarget> {
  if (target.type !== 'Household') return target;
  const household = await em.findOneBy(Household, { id: target.id });
  if (!household) throw notFound('Household', target.id, 'targetId');
  requireWriteScope(ctx, household.divisionCode, 'targetId');
  return { ...target, divisionCode: household.divisionCode };
}
