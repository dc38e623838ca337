// What issues asks other subgraphs before a write: facts its own tables do not hold. The
// caller's token goes along (kit peer.ts), so each owner applies the caller's rights.
import { divisionOf, fetchEntities, notFound, ownerOf, type OwnedType, type PeerContext, type Viewer } from '@cadres/kit';

export interface Owners {
  /** The division an entity lies in; NOT_FOUND (with `field`) when it does not exist. */
  locate(type: OwnedType, id: string, field: string): Promise<string>;
  /** The division a department serves; NOT_FOUND (with `field`) when there is none. */
  departmentDivision(id: string, field: string): Promise<string>;
  /** A cadre's department, or null when the owner does not know the cadre. */
  cadreDepartment(id: string): Promise<string | null>;
  /** The cadres that are or were linked to a household (its liaisons, ended ones too); NOT_FOUND (with `field`) when there is none. */
  householdCadres(id: string, field: string): Promise<string[]>;
  /** The cadres who made a visit; NOT_FOUND (with `field`) when there is none. */
  visitCadres(id: string, field: string): Promise<string[]>;
}

async function one<T>(ctx: PeerContext, type: OwnedType, id: string, selection: string): Promise<T | null> {
  const { peer, key } = ownerOf(type);
  const [found] = await fetchEntities<T>(ctx, peer, [{ __typename: type, [key]: id }], `... on ${type} { ${selection} }`);
  return found;
}

export function ownersFor(ctx: PeerContext): Owners {
  return {
    locate: (type, id, field) => divisionOf(ctx, type, id, field),
    async departmentDivision(id, field) {
      const found = await one<{ divisionCode: string }>(ctx, 'Department', id, 'divisionCode');
      if (!found) throw notFound('Department', id, field);
      return found.divisionCode;
    },
    async cadreDepartment(id) {
      return (await one<{ department: { id: string } }>(ctx, 'Cadre', id, 'department { id }'))?.department.id ?? null;
    },
    async householdCadres(id, field) {
      const found = await one<{ liaisons: { cadre: { id: string } }[] }>(ctx, 'Household', id, 'liaisons(includeEnded: true) { cadre { id } }');
      if (!found) throw notFound('Household', id, field);
      return found.liaisons.map((l) => l.cadre.id);
    },
    async visitCadres(id, field) {
      const found = await one<{ cadres: { id: string }[] }>(ctx, 'Visit', id, 'cadres { id }');
      if (!found) throw notFound('Visit', id, field);
      return found.cadres.map((c) => c.id);
    },
  };
}

/**
 * The viewer with the department it belongs to: a token's departmentId, or for a CADRE without
 * one, its cadre's department (asked of people), so that "its own department" holds for cadres too.
 */
export async function withDepartment(viewer: Viewer, owners: Owners): Promise<Viewer> {
  if (viewer.departmentId || !viewer.cadreId) return viewer;
  const departmentId = await owners.cadreDepartment(viewer.cadreId);
  return departmentId ? { ...viewer, departmentId } : viewer;
}
