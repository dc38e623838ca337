import { countStatements, describeEachDatabase } from '@cadres/kit/src/testing';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';

/**
 * Lists of a thousand and more through the gateway: the SQL statements a request sends must
 * not grow with the list. The demo world at scale 3 has 1,037 villages and communities.
 */
describeEachDatabase('batching at scale through the gateway', (db) => {
  let fed: RunningSupergraph;
  beforeAll(async () => {
    // Pages of pages of 500 on purpose: their worst-case cost is far over the default limit (tested on its own).
    fed = await startSupergraph(db, { scale: 3, faults: true, now: () => new Date('2026-07-01T04:00:00Z'), gateway: { limits: { cost: Number.MAX_SAFE_INTEGER } } });
  }, 180_000);
  afterAll(() => fed?.stop());

  const ok = async (query: string) => {
    const { body } = await fed.request(query);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const villageLevel = () => fed.world.divisions.filter((d) => d.level === 'VILLAGE' || d.level === 'COMMUNITY');

  it('answers liaisons and issueStats for every village and community of the city with as many statements as for a few', async () => {
    // city → districts → townships → villages and communities, n per level
    const q = (n: number) => `{ division(code: "370500000000") { children(first: ${n}) { nodes { children(first: ${n}) { nodes {
      children(first: ${n}) { nodes { code liaisons { role cadre { name } } issueStats { total open red } } } } } } } } }`;
    const few = await countStatements(() => ok(q(2)));
    const all = await countStatements(() => ok(q(500)));
    const leaves = (data: any) =>
      data.division.children.nodes.flatMap((d: any) => d.children.nodes.flatMap((t: any) => t.children.nodes)) as { code: string; liaisons: unknown[] }[];
    expect(leaves(all.result).map((v) => v.code).sort()).toEqual(villageLevel().map((d) => d.code).sort());
    expect(leaves(all.result).length).toBeGreaterThanOrEqual(1000);
    expect(leaves(all.result).reduce((n, v) => n + v.liaisons.length, 0)).toBe(fed.world.villageLiaisons.length);
    expect(all.statements).toBe(few.statements);
  });

  it("sends people the same request for the city's coverage as for a township's: two counts, not the subtree's villages", async () => {
    const overview = (code: string) => `{ division(code: "${code}") { name coverage { villagesAndCommunities withRankedLiaison households
      householdsLinked householdsVisitedEnough buildingUnits buildingUnitsFullyLinked cadres cadresLinked } } }`;
    const township = fed.world.divisions.find((d) => d.level === 'TOWNSHIP')!.code;
    const sent = async (code: string) => {
      const before = fed.faults.people.bytesIn;
      const { result, statements } = await countStatements(() => ok(overview(code)));
      return { coverage: result.division.coverage, bytes: fed.faults.people.bytesIn - before, statements };
    };
    const small = await sent(township);
    const city = await sent('370500000000');
    expect(city.coverage.villagesAndCommunities).toBe(villageLevel().length);
    expect(small.coverage.villagesAndCommunities).toBeLessThan(50);
    // The codes have the same length; only a header's digits may differ (a request id, a length).
    expect(Math.abs(city.bytes - small.bytes)).toBeLessThan(16);
    expect(city.statements).toBe(small.statements);
  });

  it('answers issueStats, households and coverage for 500 villages with as many statements as for 10', async () => {
    const q = (n: number) => `{ divisions(level: VILLAGE, first: ${n}) { nodes { code issueStats { total closed onTimeRate }
      households(first: 3) { totalCount nodes { head { name } visitsThisYear } } coverage { households householdsVisitedEnough } } } }`;
    const few = await countStatements(() => ok(q(10)));
    const many = await countStatements(() => ok(q(500)));
    expect(many.result.divisions.nodes).toHaveLength(500);
    expect(many.statements).toBe(few.statements);
  });

  it('resolves the subject, reporter and assignee of 500 issues with as many statements as for 10', async () => {
    const q = (n: number) => `{ issues(first: ${n}) { totalCount nodes { ref subject { __typename ... on Household { head { name } }
      ... on Enterprise { name } ... on Project { name } ... on Division { name } } reporter { name } assignee { name } division { name } history { action } } } }`;
    const many = await countStatements(() => ok(q(500)));
    const issues = many.result.issues;
    expect(issues.nodes).toHaveLength(Math.min(500, issues.totalCount));
    // The shortest first page that still joins every kind of subject, a reporter and an assignee (each kind asks its own owner).
    const joins = (nodes: any[]) => [...new Set(nodes.map((n) => n.subject?.__typename))].sort().join() + nodes.some((n) => n.reporter) + nodes.some((n) => n.assignee);
    const short = issues.nodes.findIndex((_: unknown, k: number) => joins(issues.nodes.slice(0, k + 1)) === joins(issues.nodes)) + 1;
    expect(joins(issues.nodes)).toBe('Division,Enterprise,Household,Projecttruetrue');
    expect(short).toBeLessThan(issues.nodes.length / 2);
    const few = await countStatements(() => ok(q(short)));
    expect(few.result.issues.nodes).toEqual(issues.nodes.slice(0, short));
    expect(many.statements).toBe(few.statements);
  });

  it('answers the liaisons and projects of every enterprise with as many statements as for 10', async () => {
    const q = (n: number) => `{ enterprises(first: ${n}) { totalCount nodes { creditCode division { name } liaisons { cadre { name } } projects { name light } issues { totalCount } evaluations { count } } } }`;
    const few = await countStatements(() => ok(q(10)));
    const many = await countStatements(() => ok(q(500)));
    expect(many.result.enterprises.nodes).toHaveLength(fed.world.enterprises.length);
    expect(many.statements).toBe(few.statements);
  });
});
