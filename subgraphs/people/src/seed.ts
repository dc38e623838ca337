import type { DataSource } from 'typeorm';
import { insertInChunks, type DemoWorld } from '@cadres/kit';
import { Cadre, Department, Liaison, openKeyOf } from './entities';

/** Loads the demo world's departments, cadres and village liaisons, once: a database with departments is left alone. */
export async function seedPeople(ds: DataSource, world: DemoWorld): Promise<boolean> {
  if ((await ds.getRepository(Department).count()) > 0) return false;
  await ds.transaction(async (tx) => {
    await insertInChunks(tx, Department, world.departments);
    await insertInChunks(
      tx,
      Cadre,
      world.cadres.map(({ rank, ...c }) => ({ ...c, cadreRank: rank, version: 1 })),
    );
    await insertInChunks(
      tx,
      Liaison,
      world.villageLiaisons.map((l) => {
        const row = { id: l.id, cadreId: l.cadreId, targetType: 'Division' as const, targetId: l.divisionCode, role: l.role };
        return { ...row, divisionCode: l.divisionCode, since: l.since, until: null, openKey: openKeyOf(row), version: 1 };
      }),
    );
  });
  return true;
}
