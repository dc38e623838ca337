import type { DataSource } from 'typeorm';
import { insertInChunks, transaction, type DemoWorld } from '@cadres/kit';
import { Enterprise } from './entities';

/** Loads the demo world's enterprises, once: a database with enterprises is left alone. */
export async function seedEnterprises(ds: DataSource, world: DemoWorld): Promise<boolean> {
  if ((await ds.getRepository(Enterprise).count()) > 0) return false;
  await transaction(ds, async (tx) => {
    await insertInChunks(tx, Enterprise, world.enterprises);
  });
  return true;
}
