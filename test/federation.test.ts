import { subgraphEntries } from '@cadres/kit';
import { countStatements, describeEachDatabase } from '@cadres/kit/src/testing';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';

const DISTRICT = '370502000000';

describeEachDatabase('the federation through the gateway', (db) => {
  let fed: RunningSupergraph;
  beforeAll(async () => {
    // Pages of pages of 500 on purpose: their worst-case cost is far over the default limit (tested on its own).
    fed = await startSupergraph(db, { gateway: { limits: { cost: Number.MAX_SAFE_INTEGER } } });
  }, 120_000);
  afterAll(() => fed?.stop());

  it('joins all four subgraphs in one query', async () => {
    const village = fed.world.villageLiaisons[0].divisionCode;
    const { status, body } = await fed.request(
      `query($d: ID!, $v: ID!) {
        district: division(code: $d) { name children(first: 500) { nodes { code } } enterprises { totalCount } issueStats { total } }
        village: division(code: $v) { code liaisons { role cadre { id name } } }
      }`,
      { d: DISTRICT, v: village },
    );
    expect(status).toBe(200);
    const w = fed.world;
    const inDistrict = (code: string) => code.startsWith('370502');
    const issues = await fed.subgraphs.issues.ds.query('SELECT COUNT(*) AS n FROM issue WHERE divisionCode >= ? AND divisionCode < ?', ['370502000000', '370503000000']);
    expect(body).toEqual({
      data: {
        district: {
          name: '东营区',
          children: { nodes: w.divisions.filter((d) => d.parentCode === DISTRICT).map((d) => ({ code: d.code })) },
          enterprises: { totalCount: w.enterprises.filter((e) => inDistrict(e.divisionCode)).length },
          issueStats: { total: Number(issues[0].n) },
        },
        village: {
          code: village,
          liaisons: expect.arrayContaining(
            w.villageLiaisons
              .filter((l) => l.divisionCode === village)
              .map((l) => ({ role: l.role, cadre: { id: l.cadreId, name: w.cadres.find((c) => c.id === l.cadreId)!.name } })),
          ),
        },
      },
    });
    expect(body.data.village.liaisons).toHaveLength(w.villageLiaisons.filter((l) => l.divisionCode === village).length);
  });

  it('answers null for an unknown but valid code', async () => {
    expect((await fed.request(`{ division(code: "370599000000") { code name } }`)).body).toEqual({ data: { division: null } });
  });

  it('passes BAD_USER_INPUT with the field through the gateway', async () => {
    const bad = await fed.request(`{ division(code: "3705020000") { code } }`);
    expect(bad.body.errors.map((e: any) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'code' }]);
    expect(bad.body.data).toEqual({ division: null });
    const big = await fed.request(`{ division(code: "${DISTRICT}") { children(first: 501) { totalCount } } }`);
    expect(big.body.errors.map((e: any) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'first' }]);
  });

  it('refuses malformed dates at the gateway with a clear error, naming no internals', async () => {
    const asVariable = await fed.request(`query($f: Date) { issueStats(divisionCode: "${DISTRICT}", from: $f) { total } }`, { f: '2026-02-30' });
    expect(asVariable.status).toBe(400);
    expect(asVariable.body.errors.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(asVariable.body.errors[0].message).toMatch(/Date must be YYYY-MM-DD and exist/);
    const zoneless = await fed.request(`query($f: IssueFilter) { issues(filter: $f) { totalCount } }`, { f: { from: '2026-01-01T00:00:00' } });
    expect(zoneless.body.errors.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    const literal = await fed.request(`{ issueStats(divisionCode: "${DISTRICT}", from: "2026-1-1") { total } }`);
    expect(literal.body.errors.map((e: any) => e.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    for (const body of [asVariable.body, zoneless.body, literal.body]) expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|http:/);
    const fine = await fed.request(`query($f: Date) { issueStats(divisionCode: "${DISTRICT}", from: $f) { total } }`, { f: '2026-01-01' });
    expect(fine.body.errors).toBeUndefined();
  });

  it('refuses requests without a valid token with UNAUTHENTICATED', async () => {
    for (const token of [null, 'not-a-jwt']) {
      const { status, body } = await fed.request(`{ division(code: "${DISTRICT}") { code } }`, {}, { token });
      expect(status).toBe(401);
      expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('sends as many SQL statements for 10 items per list as for 500', async () => {
    const q = (n: number) => `{ divisions(level: VILLAGE, first: ${n}) { nodes { code parent { name }
        liaisons { cadre { name department { name } } } enterprises(first: ${n}) { totalCount nodes { name } } issueStats { total open } } }
      division(code: "${DISTRICT}") { children(first: ${n}) { nodes { children(first: ${n}) { nodes { code } } } } } }`;
    const small = await countStatements(() => fed.request(q(10)));
    const large = await countStatements(() => fed.request(q(500)));
    expect(small.result.body.errors).toBeUndefined();
    expect(large.result.body.data.divisions.nodes.length).toBeGreaterThan(small.result.body.data.divisions.nodes.length);
    expect(large.statements).toBe(small.statements);
  });

  it("gives a department the division it serves, from places (@requires people's divisionCode)", async () => {
    const department = fed.world.departments[0];
    const { body } = await fed.request(`query($id: ID!) { department(id: $id) { id divisionCode parentDivision { code level } } }`, { id: department.id });
    const division = fed.world.divisions.find((d) => d.code === department.divisionCode)!;
    expect(body).toEqual({ data: { department: { id: department.id, divisionCode: division.code, parentDivision: { code: division.code, level: division.level } } } });
  });

  it("totals residents' ratings of a department's cadres in issues, by the cadres people lists (Department.cadreIds)", async () => {
    const { body } = await fed.request(`{ departments(first: 20) { nodes { id cadres(first: 500) { nodes { id } } cadreEvaluations { count average satisfactionRate } } } }`);
    expect(body.errors).toBeUndefined();
    const nodes: { id: string; cadres: { nodes: { id: string }[] }; cadreEvaluations: unknown }[] = body.data.departments.nodes;
    const expected = await Promise.all(
      nodes.map(async (d) => {
        const ids = d.cadres.nodes.map((c) => c.id);
        if (!ids.length) return { count: 0, average: null, satisfactionRate: null };
        const [r] = await fed.subgraphs.issues.ds.query(
          `SELECT COUNT(*) AS n, SUM(score) AS total, SUM(CASE WHEN score >= 4 THEN 1 ELSE 0 END) AS good FROM rating WHERE targetType = 'Cadre' AND targetId IN (${ids.map(() => '?').join(', ')})`,
          ids,
        );
        const n = Number(r.n);
        return n ? { count: n, average: Number(r.total) / n, satisfactionRate: Number(r.good) / n } : { count: 0, average: null, satisfactionRate: null };
      }),
    );
    expect(nodes.map((d) => d.cadreEvaluations)).toEqual(expected);
    expect(expected.some((e) => e.count > 0)).toBe(true);
  });

  it('answers /health and /ready', async () => {
    const base = fed.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    // Every registered subgraph: places, people, enterprises, issues (and any added since).
    expect(await ready.json()).toEqual({ ready: true, degraded: false, subgraphs: Object.fromEntries(subgraphEntries().map((e) => [e.name, true])) });
  });

  it('serves GraphiQL from its own files, with no external URL', async () => {
    const base = fed.url.replace('/graphql', '');
    const page = await fetch(fed.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.match(/(https?:)?\/\/[^\s"'<>]+/g) ?? []).toEqual([]);
    const scripts = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      '/graphiql/graphiql.min.css',
      '/graphiql/react.production.min.js',
      '/graphiql/react-dom.production.min.js',
      '/graphiql/graphiql.min.js',
      '/graphiql/app.js',
    ]);
    for (const src of scripts) {
      const res = await fetch(base + src);
      expect([src, res.status]).toEqual([src, 200]);
    }
    const app = await (await fetch(`${base}/graphiql/app.js`)).text();
    expect(app).toContain('authorization');
    expect(app).toContain('division(code: $code)');
  });
});

