import { groupLoader, loadOrNull, rowLoader, valueLoader } from './loaders';

describe('loaders', () => {
  it('rowLoader: one batch of de-duplicated keys, rows in key order, NOT_FOUND per missing key', async () => {
    const batches: string[][] = [];
    const loader = rowLoader(
      async (keys: string[]) => {
        batches.push(keys);
        return keys.filter((k) => k !== 'x').reverse().map((k) => ({ id: k }));
      },
      (r) => r.id,
      'Thing',
    );
    const results = await loader.loadMany(['b', 'a', 'b', 'x']);
    expect(batches).toEqual([['b', 'a', 'x']]);
    expect(results.slice(0, 3)).toEqual([{ id: 'b' }, { id: 'a' }, { id: 'b' }]);
    expect(results[3]).toMatchObject({ message: 'Thing x not found', extensions: { code: 'NOT_FOUND' } });
    expect(await loadOrNull(loader, 'x')).toBeNull();
  });

  it('groupLoader gives every key its rows and [] when none', async () => {
    const loader = groupLoader(
      async (keys: string[]) => [{ k: 'a', v: 1 }, { k: 'a', v: 2 }, { k: 'c', v: 3 }].filter((r) => keys.includes(r.k)),
      (r) => r.k,
    );
    expect(await loader.loadMany(['a', 'b', 'c'])).toEqual([[{ k: 'a', v: 1 }, { k: 'a', v: 2 }], [], [{ k: 'c', v: 3 }]]);
  });

  it('valueLoader falls back for keys without a value', async () => {
    const loader = valueLoader(async (keys: string[]) => new Map(keys.filter((k) => k !== 'z').map((k) => [k, k.length])), 0);
    expect(await loader.loadMany(['ab', 'z'])).toEqual([2, 0]);
  });
});
