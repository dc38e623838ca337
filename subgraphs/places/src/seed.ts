import { insertInChunks, type Subgraph } from '@cadres/kit';
import { type DemoWorld } from '@cadres/demo';
import { Building, BuildingUnit, Division } from './entities';

/** Loads the demo world's divisions, buildings and units, once: a database with divisions is left alone. */
export async function seedPlaces({ ds }: Subgraph, world: DemoWorld): Promise<boolean> {
  if ((await ds.getRepository(Division).count()) > 0) return false;
  await ds.transaction(async (tx) => {
    await insertInChunks(tx, Division, world.divisions);
    await insertInChunks(tx, Building, world.buildings);
    await insertInChunks(tx, BuildingUnit, world.units);
  });
  return true;
}
