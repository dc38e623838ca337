import { insertInChunks, type Subgraph } from '@cadres/kit';
import { buildDemoPeople, type DemoWorld } from '@cadres/demo';
import { Cadre, Department, Household, HouseholdTagRow, Liaison, Resident, Visit, VisitCadre, openKeyOf } from './entities';

/**
 * Loads the demo world's departments, cadres and village liaisons, and the people generated
 * from it (kit buildDemoPeople: households, residents, household and building-unit links,
 * visits), once: a database with departments is left alone.
 */
export async function seedPeople({ ds }: Subgraph, world: DemoWorld): Promise<boolean> {
  if ((await ds.getRepository(Department).count()) > 0) return false;
  const people = buildDemoPeople(world);
  const link = (l: { id: string; cadreId: string; targetType: Liaison['targetType']; targetId: string; divisionCode: string; role: Liaison['role']; since: string }) => ({
    ...l,
    until: null,
    openKey: openKeyOf(l),
    firstSecretaryKey: l.role === 'FIRST_SECRETARY' ? l.cadreId : null,
    version: 1,
  });
  await ds.transaction(async (tx) => {
    // Copies: TypeORM writes the column defaults (version) back into the objects it inserts.
    await insertInChunks(tx, Department, world.departments.map((d) => ({ ...d, leaderCadreId: null, version: 1 })));
    await insertInChunks(
      tx,
      Cadre,
      world.cadres.map(({ rank, ...c }) => ({ ...c, cadreRank: rank, version: 1 })),
    );
    await insertInChunks(
      tx,
      Liaison,
      world.villageLiaisons.map((l) => link({ id: l.id, cadreId: l.cadreId, targetType: 'Division', targetId: l.divisionCode, divisionCode: l.divisionCode, role: l.role, since: l.since })),
    );
    await insertInChunks(tx, Liaison, people.liaisons.map(link));
    await insertInChunks(tx, Household, people.households.map(({ tags: _tags, ...h }) => ({ ...h, version: 1 })));
    await insertInChunks(tx, Resident, people.residents.map((r) => ({ ...r, version: 1 })));
    await insertInChunks(
      tx,
      HouseholdTagRow,
      people.households.flatMap((h) => h.tags.map((tag) => ({ householdId: h.id, tag, divisionCode: h.divisionCode }))),
    );
    await insertInChunks(tx, Visit, people.visits.map(({ cadreIds: _c, ...v }) => ({ ...v, version: 1 })));
    await insertInChunks(
      tx,
      VisitCadre,
      people.visits.flatMap((v) => v.cadreIds.map((cadreId) => ({ visitId: v.id, cadreId, date: v.date }))),
      500,
    );
  });
  return true;
}
