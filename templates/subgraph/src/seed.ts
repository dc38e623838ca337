import { insertInChunks, transaction, type Subgraph } from '@cadres/kit';
import { type DemoWorld } from '@cadres/demo';
import { SampleNote } from './entities';

/** A note on each district of the demo world, once: a database with notes is left alone. */
export async function seedSample({ ds }: Subgraph, world: DemoWorld): Promise<boolean> {
  if ((await ds.getRepository(SampleNote).count()) > 0) return false;
  const districts = world.divisions.filter((d) => d.level === 'DISTRICT');
  await transaction(ds, (tx) => insertInChunks(tx, SampleNote, districts.map((d) => ({ divisionCode: d.code, note: `${d.name}: sample note` }))));
  return true;
}
