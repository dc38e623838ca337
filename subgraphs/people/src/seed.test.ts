import { describeEachDatabase, pendingSchemaChanges } from '@cadres/kit/src/testing';
import { useDemoPeople, world } from './testing';

describeEachDatabase('people subgraph: schema and seed', (db) => {
  const t = useDemoPeople(db);

  it('has a migrated schema that matches the entities', async () => {
    expect(await pendingSchemaChanges(t.people.ds)).toEqual([]);
  });

  it('seeds only once', async () => {
    expect(await t.people.seed(world)).toBe(false);
  });
});
