import { creditCodeCheckChar, subtreeRange, type Subgraph } from '@cadres/kit';
import { buildDemoWorld, type DemoEnterprise } from '@cadres/demo';
import {
  countStatements,
  createTestSubgraph,
  MISSING_DISTRICT,
  data,
  describeEachDatabase,
  pendingSchemaChanges,
  runOperation,
} from '@cadres/kit/src/testing';
import { Enterprise } from './entities';
import { subgraph as enterprises } from './server';

const world = buildDemoWorld({ seed: 2023, scale: 1 });
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const inSubtree = (code: string) => {
  const { lo, hi } = subtreeRange(code);
  return (e: DemoEnterprise) => e.divisionCode >= lo && e.divisionCode < hi;
};
const publicFields = (e: DemoEnterprise) => ({
  id: e.id,
  creditCode: e.creditCode,
  name: e.name,
  category: e.category,
  industry: e.industry,
  employees: e.employees,
  division: { code: e.divisionCode },
  version: 1,
});
const FIELDS = 'id creditCode name category industry employees division { code } version';

/** A valid credit code registered in Dongying district, from 9 organization-code characters. */
const creditCode = (org: string) => {
  const first17 = `91370502${org}`;
  return first17 + creditCodeCheckChar(first17);
};

/** n division codes mixing three levels (district, township, village): real ones first, then made-up valid ones. */
function divisionCodes(n: number): string[] {
  const real = world.divisions.filter((d) => ['DISTRICT', 'TOWNSHIP', 'VILLAGE'].includes(d.level)).map((d) => d.code);
  const made: string[] = [];
  for (let t = 1; made.length < n; t++) {
    made.push(`370502${String(t).padStart(3, '0')}000`, `370503${String(t).padStart(3, '0')}${String(200 + (t % 199)).padStart(3, '0')}`);
  }
  const levels = (codes: string[], level: (c: string) => number) => [0, 1, 2].map((l) => codes.filter((c) => level(c) === l));
  const level = (c: string) => (c.endsWith('000000') ? 0 : c.endsWith('000') ? 1 : 2);
  const [d, t, v] = levels([...real, ...made], level);
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) out.push([d, t, v][i % 3][Math.floor(i / 3) % [d, t, v][i % 3].length]);
  return out;
}

describeEachDatabase('enterprises subgraph', (db) => {
  let sg: Subgraph;
  beforeAll(async () => {
    sg = await createTestSubgraph(enterprises, db, { fakeOwners: true });
    await sg.seed(world);
  });
  afterAll(() => sg?.stop());

  it('has a migrated schema that matches the entities', async () => {
    expect(await pendingSchemaChanges(sg.ds)).toEqual([]);
  });

  it('seeds only once', async () => {
    expect(await sg.seed(world)).toBe(false);
    expect(await sg.ds.getRepository(Enterprise).count()).toBe(world.enterprises.length);
  });

  it('answers an enterprise by id and by credit code', async () => {
    const e = world.enterprises[3];
    const r = await data(sg, `query($id: ID, $cc: ID) { a: enterprise(id: $id) { ${FIELDS} } b: enterprise(creditCode: $cc) { ${FIELDS} } }`, {
      id: e.id,
      cc: e.creditCode.toLowerCase(),
    });
    expect(r).toEqual({ a: publicFields(e), b: publicFields(e) });
    expect(await data(sg, `{ enterprise(id: "E-9999") { id } }`)).toEqual({ enterprise: null });
    expect(await data(sg, `{ enterprise(creditCode: "91350100M000100Y43") { id } }`)).toEqual({ enterprise: null });
  });

  it('needs exactly one of id and creditCode', async () => {
    const none = await runOperation(sg, `{ enterprise { id } }`);
    const both = await runOperation(sg, `{ enterprise(id: "E-0001", creditCode: "91350100M000100Y43") { id } }`);
    const bad = await runOperation(sg, `{ enterprise(creditCode: "91350100M000100Y44") { id } }`);
    expect([none, both, bad].map((r) => [r.data, r.errors?.map((e) => e.extensions)])).toEqual([
      [{ enterprise: null }, [{ code: 'BAD_USER_INPUT', field: 'id' }]],
      [{ enterprise: null }, [{ code: 'BAD_USER_INPUT', field: 'creditCode' }]],
      [{ enterprise: null }, [{ code: 'BAD_USER_INPUT', field: 'creditCode' }]],
    ]);
  });

  it('lists enterprises of a subtree and category, searched by name, paged by cursor', async () => {
    const district = '370502000000';
    const expected = world.enterprises.filter(inSubtree(district)).filter((e) => e.category === 'ABOVE_SCALE_INDUSTRIAL').sort(byId);
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (;;) {
      const r: any = await data(sg, `query($after: String) { enterprises(divisionCode: "${district}", category: ABOVE_SCALE_INDUSTRIAL, first: 2, after: $after) {
        totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`, { after });
      total = r.enterprises.totalCount;
      seen.push(...r.enterprises.nodes.map((n: { id: string }) => n.id));
      if (!r.enterprises.pageInfo.hasNextPage) break;
      after = r.enterprises.pageInfo.endCursor;
    }
    expect({ total, seen }).toEqual({ total: expected.length, seen: expected.map((e) => e.id) });

    const word = world.enterprises[0].name.slice(3, 6);
    const found = await data(sg, `query($s: String) { enterprises(search: $s, first: 500) { totalCount nodes { id } } }`, { s: word });
    const matching = world.enterprises.filter((e) => e.name.includes(word)).sort(byId);
    expect(found.enterprises).toEqual({ totalCount: matching.length, nodes: matching.map((e) => ({ id: e.id })) });
    const none = await data(sg, `{ enterprises(search: "%_!") { totalCount nodes { id } } }`);
    expect(none.enterprises).toEqual({ totalCount: 0, nodes: [] });
  });

  it('rejects a malformed division code and an oversized page', async () => {
    const bad = await runOperation(sg, `{ enterprises(divisionCode: "3705") { totalCount } }`);
    const big = await runOperation(sg, `{ enterprises(first: 501) { totalCount } }`);
    expect([bad, big].map((r) => r.errors?.map((e) => e.extensions))).toEqual([
      [{ code: 'BAD_USER_INPUT', field: 'divisionCode' }],
      [{ code: 'BAD_USER_INPUT', field: 'first' }],
    ]);
  });

  describe('registerEnterprise', () => {
    const register = `mutation($cc: ID!, $name: String!, $div: ID!) {
      registerEnterprise(creditCode: $cc, name: $name, category: SPECIALIZED_NEW, divisionCode: $div, industry: "新材料", employees: 120) {
        creditCode name category industry employees division { code } version } }`;
    const count = () => sg.ds.getRepository(Enterprise).count();

    it('registers a valid enterprise and finds it by credit code', async () => {
      const cc = creditCode('MA3C4Q5X8');
      const r = await data(sg, register, { cc: ` ${cc.toLowerCase()} `, name: ' 东营测试新材料有限公司 ', div: '110105001001' });
      const expected = {
        creditCode: cc, name: '东营测试新材料有限公司', category: 'SPECIALIZED_NEW', industry: '新材料', employees: 120,
        division: { code: '110105001001' }, version: 1,
      };
      expect(r.registerEnterprise).toEqual(expected);
      const again = await data(sg, `query($cc: ID) { enterprise(creditCode: $cc) { creditCode name category industry employees division { code } version } }`, { cc });
      expect(again.enterprise).toEqual(expected);
    });

    it('rejects invalid credit codes with the field and writes nothing', async () => {
      const valid = creditCode('MA3C4Q5X9');
      const changed = valid.slice(0, 10) + (valid[10] === '1' ? '2' : '1') + valid.slice(11);
      const forbidden = ['I', 'O', 'S', 'V', 'Z'].map((c) => valid.slice(0, 12) + c + valid.slice(13));
      const before = await count();
      const results = [];
      for (const cc of [changed, ...forbidden, valid.slice(0, 17), valid + '1', '']) {
        const r = await runOperation(sg, register, { cc, name: '某公司', div: '110105001001' });
        results.push([r.data, r.errors?.map((e) => e.extensions)]);
      }
      expect(results).toEqual(Array(9).fill([null, [{ code: 'BAD_USER_INPUT', field: 'creditCode' }]]));
      expect(await count()).toBe(before);
    });

    it('rejects a duplicate credit code with CONFLICT and a bad division with BAD_USER_INPUT', async () => {
      const before = await count();
      const dup = await runOperation(sg, register, { cc: world.enterprises[0].creditCode, name: '重名公司', div: '110105001001' });
      const div = await runOperation(sg, register, { cc: creditCode('MA3C4Q5XA'), name: '某公司', div: '370502001' });
      const name = await runOperation(sg, register, { cc: creditCode('MA3C4Q5XB'), name: '  ', div: '110105001001' });
      const nowhere = await runOperation(sg, register, { cc: creditCode('MA3C4Q5XC'), name: '某公司', div: `${MISSING_DISTRICT}001000` });
      expect([dup, div, name, nowhere].map((r) => r.errors?.map((e) => e.extensions))).toEqual([
        [{ code: 'CONFLICT', field: 'creditCode' }],
        [{ code: 'BAD_USER_INPUT', field: 'divisionCode' }],
        [{ code: 'BAD_USER_INPUT', field: 'name' }],
        [{ code: 'NOT_FOUND', field: 'divisionCode' }], // a well-formed code places does not have
      ]);
      expect(await count()).toBe(before);
    });

    it('lets only one of two concurrent registrations of a code win', async () => {
      const cc = creditCode('MA3C4Q5XC');
      const results = await Promise.all([1, 2].map(() => runOperation(sg, register, { cc, name: '并发公司', div: '110105001001' })));
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
    });
  });

  describe('Division.enterprises through _entities', () => {
    const query = (n: number) => `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Division { code enterprises(first: ${n}) { totalCount nodes { id division { code } } pageInfo { hasNextPage } } } } }`;
    const expected = (code: string, n: number) => {
      const all = world.enterprises.filter(inSubtree(code)).sort(byId);
      return {
        code,
        enterprises: {
          totalCount: all.length,
          nodes: all.slice(0, n).map((e) => ({ id: e.id, division: { code: e.divisionCode } })),
          pageInfo: { hasNextPage: all.length > n },
        },
      };
    };

    it('covers each subtree, filtered by category', async () => {
      const codes = ['370500000000', '370502000000', '370503000000', world.enterprises[0].divisionCode];
      const r = await data(sg, query(3), { r: codes.map((code) => ({ __typename: 'Division', code })) });
      expect(r._entities).toEqual(codes.map((c) => expected(c, 3)));
      const tech = await data(sg, `{ _entities(representations: [{ __typename: "Division", code: "370500000000" }]) {
        ... on Division { enterprises(category: TECH_SME, first: 500) { totalCount nodes { id } } } } }`);
      const techs = world.enterprises.filter((e) => e.category === 'TECH_SME').sort(byId);
      expect(tech._entities).toEqual([{ enterprises: { totalCount: techs.length, nodes: techs.map(({ id }) => ({ id })) } }]);
    });

    it('sends the same statements for 10 as for 1000 divisions, and for first 10 as for 500', async () => {
      const run = (n: number, first: number) => {
        const codes = divisionCodes(n);
        return countStatements(async () => {
          const r = await data(sg, query(first), { r: codes.map((code) => ({ __typename: 'Division', code })) });
          expect(r._entities).toEqual(codes.map((c) => expected(c, first)));
          return r;
        });
      };
      const small = await run(10, 10);
      const large = await run(1000, 500);
      // One page statement and one count per code length (district, township, village).
      expect([small.statements, large.statements]).toEqual([6, 6]);
    });

    it('resolves enterprise references by id and by credit code in one statement per key', async () => {
      const reps = [
        ...world.enterprises.map((e) => ({ __typename: 'Enterprise', id: e.id })),
        ...world.enterprises.map((e) => ({ __typename: 'Enterprise', creditCode: e.creditCode })),
        { __typename: 'Enterprise', id: 'E-9999' },
      ];
      const { result, statements } = await countStatements(() =>
        data(sg, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id creditCode } } }`, { r: reps }),
      );
      const both = world.enterprises.map((e) => ({ id: e.id, creditCode: e.creditCode }));
      expect(result._entities).toEqual([...both, ...both, null]);
      expect(statements).toBe(2);
    });
  });
});
