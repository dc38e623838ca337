// Issue 12: "Lists added here send the same number of SQL statements for 10 and for 1,000 items".
// Each list of the field work, through the gateway: one parent with 10 items and one with 1,000,
// every item with the nested fields a dashboard asks for. Each list's first item is written by
// the mutation (so that the rows are real), then copied in bulk with new ids.
import { buildDemoPeople, buildDemoProjects, DEMO_PROJECTS_AS_OF, type DemoWorld } from '@cadres/demo';
import { countStatements, describeEachDatabase } from '@cadres/kit/src/testing';
import { entities as issuesEntities } from '@cadres/issues';
import { entities as peopleEntities } from '@cadres/people';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { startSupergraph, type RunningSupergraph } from './support/supergraph';

const NOW = new Date(`${DEMO_PROJECTS_AS_OF}T04:00:00.000Z`);
const SMALL = 10;
const LARGE = 1000;
const PAGE = 500;
const { Cadre, Liaison, Pledge, Visit, VisitCadre, openKeyOf } = peopleEntities;
const { Demand, DemandTaker, DemandEvent, Issue, IssueEvent } = issuesEntities;

/** Inserts `rows` in chunks (one statement each), outside any request. */
async function insertAll<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, rows: T[]) {
  for (let k = 0; k < rows.length; k += 100) await ds.getRepository(entity).insert(rows.slice(k, k + 100) as never);
}
const pad = (n: number) => String(n).padStart(6, '0');
/** Set DASHBOARD_STATS=1 to print the statement counts measured. */
const report = (line: string) => process.env.DASHBOARD_STATS && process.stdout.write(`${line}\n`);

describeEachDatabase('field-work lists: as many statements for 1,000 items as for 10 (issue 12)', (db) => {
  let fed: RunningSupergraph;
  let world: DemoWorld;
  const people = () => fed.subgraphs.people.ds;
  const issues = () => fed.subgraphs.issues.ds;
  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await fed.request(query, variables);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  /** The statements of a page of `list` (a path into the data) for the small parent, and of both pages of the large one. */
  async function measure(name: string, query: string, small: Record<string, unknown>, large: Record<string, unknown>, list: (data: any) => any) {
    const one = await countStatements(() => ok(query, { ...small, first: PAGE, after: null }));
    const first = await countStatements(() => ok(query, { ...large, first: PAGE, after: null }));
    const second = await countStatements(() => ok(query, { ...large, first: PAGE, after: list(first.result).pageInfo.endCursor }));
    report(`${name}: ${SMALL} items ${one.statements} statements, ${LARGE} items ${first.statements} + ${second.statements}`);
    return {
      small: list(one.result),
      large: { ...list(first.result), nodes: [...list(first.result).nodes, ...list(second.result).nodes] },
      statements: [one.statements, first.statements, second.statements],
    };
  }
  const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();

  /** Cadres to lead, take and be stationed: the first registered, the others copied from it. */
  let cadreIds: string[] = [];
  const townships = () => world.divisions.filter((d) => d.level === 'TOWNSHIP' && d.code.startsWith('370502'));
  const grassrootsOf = (township: string) => world.divisions.filter((d) => d.parentCode === township).map((d) => d.code);

  beforeAll(async () => {
    fed = await startSupergraph(db, { now: () => new Date(NOW) });
    world = fed.world;
    const made = await ok(`mutation { registerCadre(name: "测试干部", rank: STAFF, departmentId: "D-370502-01", partyMember: true) { id } }`);
    const template = await people().getRepository(Cadre).findOneByOrFail({ id: made.registerCadre.id });
    const copies = Array.from({ length: SMALL + LARGE }, (_, i) => ({ ...template, id: `C-T${pad(i + 1)}`, name: `测试干部${i + 1}` }));
    await insertAll(people(), Cadre, copies);
    cadreIds = [template.id, ...copies.map((c) => c.id)];
  }, 180_000);
  afterAll(() => fed?.stop());

  it('Division.firstSecretaries', async () => {
    const [small, large] = townships();
    const link = async (cadreId: string, village: string) =>
      (await ok(`mutation($c: ID!, $v: ID!) { linkCadre(cadreId: $c, targetType: "Division", targetId: $v, role: FIRST_SECRETARY, since: "2026-01-01") { id } }`, { c: cadreId, v: village })).linkCadre.id;
    const template = await people().getRepository(Liaison).findOneByOrFail({ id: await link(cadreIds[0], grassrootsOf(small.code)[0]) });
    const copy = (n: number, township: string, from: number) =>
      Array.from({ length: n }, (_, i) => {
        const l = { ...template, id: `L-T${pad(from + i)}`, cadreId: cadreIds[from + i], targetId: grassrootsOf(township)[i % grassrootsOf(township).length] };
        return { ...l, divisionCode: l.targetId, openKey: openKeyOf(l), firstSecretaryKey: l.cadreId };
      });
    // The demo's own first secretaries there count too: the township holds exactly SMALL, the other LARGE.
    const demo = (t: string) => world.villageLiaisons.filter((l) => l.role === 'FIRST_SECRETARY' && l.divisionCode.startsWith(t.slice(0, 9))).length;
    await insertAll(people(), Liaison, [...copy(SMALL - 1 - demo(small.code), small.code, 1), ...copy(LARGE - demo(large.code), large.code, SMALL)]);

    const q = `query($d: ID!, $first: Int, $after: String) { division(code: $d) { firstSecretaries(first: $first, after: $after) {
      totalCount pageInfo { endCursor } nodes { id since cadre { name department { name } stationedDays pledges { id } } target { ... on Division { name } } assessments { score } } } } }`;
    const m = await measure('Division.firstSecretaries', q, { d: small.code }, { d: large.code }, (r) => r.division.firstSecretaries);
    expect([m.small.totalCount, m.small.nodes.length, m.large.totalCount, m.large.nodes.length]).toEqual([SMALL, SMALL, LARGE, LARGE]);
    expect(m.large.nodes.filter((n: { id: string }) => n.id.startsWith('L-T')).length).toBe(LARGE - demo(large.code));
    expect(new Set(ids(m.large.nodes)).size).toBe(LARGE);
    expect(m.statements).toEqual([m.statements[0], m.statements[0], m.statements[0]]);
  });

  it('Division.pledges and Cadre.pledges', async () => {
    const [cs, cl] = [grassrootsOf(townships()[0].code)[0], grassrootsOf(townships()[1].code)[0]];
    const made = await ok(`mutation($c: ID!, $d: ID!) { createPledge(title: "实事", divisionCode: $d, leadCadreId: $c, targetDate: "2026-12-31") { id } }`, { c: cadreIds[0], d: cs });
    const template = await people().getRepository(Pledge).findOneByOrFail({ id: made.createPledge.id });
    const copy = (n: number, divisionCode: string, leadCadreId: string, from: number) =>
      Array.from({ length: n }, (_, i) => ({ ...template, id: `P-T${pad(from + i)}`, title: `实事${from + i}`, divisionCode, leadCadreId }));
    await insertAll(people(), Pledge, [...copy(SMALL - 1, cs, cadreIds[0], 1), ...copy(LARGE, cl, cadreIds[1], SMALL)]);

    const q = `query($d: ID!, $first: Int, $after: String) { division(code: $d) { pledges(first: $first, after: $after) {
      totalCount pageInfo { endCursor } nodes { id title status targetDate division { name } leadCadre { name department { name } } } } } }`;
    const m = await measure('Division.pledges', q, { d: cs }, { d: cl }, (r) => r.division.pledges);
    expect([m.small.totalCount, m.small.nodes.length, m.large.totalCount, new Set(ids(m.large.nodes)).size]).toEqual([SMALL, SMALL, LARGE, LARGE]);
    expect(m.statements).toEqual([m.statements[0], m.statements[0], m.statements[0]]);

    // Cadre.pledges is a plain list: all of them at once.
    const byCadre = `query($c: ID!) { cadre(id: $c) { pledges { id title division { name } leadCadre { name } } } }`;
    const few = await countStatements(() => ok(byCadre, { c: cadreIds[0] }));
    const many = await countStatements(() => ok(byCadre, { c: cadreIds[1] }));
    expect([few.result.cadre.pledges.length, many.result.cadre.pledges.length]).toEqual([SMALL, LARGE]);
    report(`Cadre.pledges: ${SMALL} items ${few.statements} statements, ${LARGE} items ${many.statements}`);
    expect(many.statements).toBe(few.statements);
  });

  it('Enterprise.visits, Project.visits and BuildingUnit.visits', async () => {
    const projects = buildDemoProjects(world, { asOf: DEMO_PROJECTS_AS_OF }).projects;
    const householdsInUnits = buildDemoPeople(world).households.filter((h) => h.unitId);
    const [h1, h2] = [householdsInUnits[0], householdsInUnits.find((h) => h.unitId !== householdsInUnits[0].unitId)!];
    const targets = {
      Enterprise: { kind: 'ENTERPRISE_VISIT', ids: [world.enterprises[0].id, world.enterprises[1].id] },
      Project: { kind: 'SITE_VISIT', ids: [projects[0].id, projects[1].id] },
      BuildingUnit: { kind: 'BUILDING_SWEEP', ids: [h1.unitId!, h2.unitId!] },
    };
    let next = 1;
    for (const [type, { kind, ids: [small, large] }] of Object.entries(targets)) {
      for (const [target, n] of [[small, SMALL], [large, LARGE]] as const) {
        const existing = await people().getRepository(Visit).countBy({ targetType: type as 'Enterprise', targetId: target });
        const made = await ok(`mutation($k: VisitKind!, $t: String!, $id: ID!, $c: [ID!]!) { recordVisit(kind: $k, date: "2026-06-15", cadreIds: $c, targetType: $t, targetId: $id) { id } }`,
          { k: kind, t: type, id: target, c: cadreIds.slice(0, 2) });
        const template = await people().getRepository(Visit).findOneByOrFail({ id: made.recordVisit.id });
        const visits = Array.from({ length: n - 1 - existing }, () => ({ ...template, id: `V-T${pad(next++)}` }));
        await insertAll(people(), Visit, visits);
        await insertAll(people(), VisitCadre, visits.flatMap((v) => cadreIds.slice(0, 2).map((cadreId) => ({ visitId: v.id, cadreId, date: v.date, divisionCode: v.divisionCode }))));
      }
    }
    const VISITS = `visits(first: $first, after: $after) { totalCount pageInfo { endCursor } nodes { id kind days cadres { name } target { __typename } raisedIssues { id } } }`;
    const cases: [string, Record<string, unknown>, Record<string, unknown>, (r: any) => any][] = [
      [`query($e: ID!, $first: Int, $after: String) { enterprise(id: $e) { ${VISITS} } }`, { e: targets.Enterprise.ids[0] }, { e: targets.Enterprise.ids[1] }, (r) => r.enterprise.visits],
      [`query($p: ID!, $first: Int, $after: String) { project(id: $p) { ${VISITS} } }`, { p: targets.Project.ids[0] }, { p: targets.Project.ids[1] }, (r) => r.project.visits],
      [`query($h: ID!, $first: Int, $after: String) { household(id: $h) { unit { ${VISITS} } } }`, { h: h1.id }, { h: h2.id }, (r) => r.household.unit.visits],
    ];
    for (const [[q, small, large, list], type] of cases.map((c, i) => [c, Object.keys(targets)[i]] as const)) {
      const m = await measure(`${type}.visits`, q, small, large, list);
      expect({ type, small: m.small.totalCount, large: m.large.totalCount, pages: new Set(ids(m.large.nodes)).size }).toEqual({ type, small: SMALL, large: LARGE, pages: LARGE });
      expect({ type, statements: m.statements }).toEqual({ type, statements: [m.statements[0], m.statements[0], m.statements[0]] });
    }
  });

  it('Division.demands and the published lists', async () => {
    // Two villages or communities the demo ledger has no demand in.
    const seeded = new Set((await issues().getRepository(Demand).find()).map((d) => d.divisionCode));
    const [cs, cl] = townships().flatMap((t) => grassrootsOf(t.code)).filter((code) => !seeded.has(code));
    const templates: string[] = [];
    for (const d of [cs, cl]) {
      const ordered = (await ok(`mutation($d: ID!) { orderDemand(divisionCode: $d, title: "需求", description: "居民反映") { id } }`, { d })).orderDemand.id;
      await ok(`mutation($id: ID!) { openDemand(id: $id, expectedVersion: 1) { id } }`, { id: ordered });
      await ok(`mutation($id: ID!, $c: ID!) { takeDemand(id: $id, expectedVersion: 2, departmentId: "D-370502-05", cadreId: $c) { id } }`, { id: ordered, c: cadreIds[0] });
      templates.push(ordered);
    }
    let next = 1;
    for (const [id, n] of [[templates[0], SMALL], [templates[1], LARGE]] as const) {
      const demand = await issues().getRepository(Demand).findOneByOrFail({ id });
      const takers = await issues().getRepository(DemandTaker).findBy({ demandId: id });
      const events = await issues().getRepository(DemandEvent).findBy({ demandId: id });
      const copies = Array.from({ length: n - 1 }, () => {
        const k = next++;
        return { ...demand, id: `DM-T${pad(k)}`, ref: `D-2026-370502-9${pad(k).slice(1)}` };
      });
      await insertAll(issues(), Demand, copies);
      await insertAll(issues(), DemandTaker, copies.flatMap((c) => takers.map((t, j) => ({ ...t, id: `${c.id}-t${j}`, demandId: c.id }))));
      await insertAll(issues(), DemandEvent, copies.flatMap((c) => events.map((e, j) => ({ ...e, id: `${c.id}-e${j}`, demandId: c.id }))));
    }
    const demands = `query($d: ID!, $first: Int, $after: String) { division(code: $d) { demands(first: $first, after: $after) {
      totalCount pageInfo { endCursor } nodes { id ref status division { name } takers { department { name } cadre { name } } history { action } } } } }`;
    const m = await measure('Division.demands', demands, { d: cs }, { d: cl }, (r) => r.division.demands);
    expect([m.small.totalCount, m.large.totalCount, new Set(ids(m.large.nodes)).size]).toEqual([SMALL, LARGE, LARGE]);
    expect(m.statements).toEqual([m.statements[0], m.statements[0], m.statements[0]]);
    for (const list of ['NEEDS', 'RECTIFICATION']) {
      const published = `query($d: ID!, $first: Int, $after: String) { division(code: $d) { publishedList(list: ${list}, first: $first, after: $after) {
        totalCount pageInfo { endCursor } nodes { ref title status division { name } handledBy result at } } } }`;
      const p = await measure(`publishedList(${list})`, published, { d: cs }, { d: cl }, (r) => r.division.publishedList);
      expect({ list, counts: [p.small.totalCount, p.large.totalCount, p.large.nodes.length] }).toEqual({ list, counts: [SMALL, LARGE, LARGE] });
      expect({ list, statements: p.statements }).toEqual({ list, statements: [p.statements[0], p.statements[0], p.statements[0]] });
    }
  });

  it('Household.issues', async () => {
    const households = buildDemoPeople(world).households;
    const [h1, h2] = [households[0], households[1]];
    const report = async (h: { id: string; divisionCode: string }) => {
      const r = await ok(`mutation($d: ID!, $h: ID!, $c: ID!) { reportIssue(input: { title: "问题", description: "走访发现", category: OTHER, kind: HELP, source: VISIT, urgency: GENERAL,
        divisionCode: $d, subjectType: "Household", subjectId: $h, reporterId: $c }) { id } }`, { d: h.divisionCode, h: h.id, c: cadreIds[0] });
      return r.reportIssue.id;
    };
    let next = 1;
    for (const [h, n] of [[h1, SMALL], [h2, LARGE]] as const) {
      const existing = await issues().getRepository(Issue).countBy({ subjectType: 'Household', subjectId: h.id });
      const id = await report(h);
      const issue = await issues().getRepository(Issue).findOneByOrFail({ id });
      const events = await issues().getRepository(IssueEvent).findBy({ issueId: id });
      const copies = Array.from({ length: n - 1 - existing }, () => {
        const k = next++;
        return { ...issue, id: `I-T${pad(k)}`, ref: `2026-${h.divisionCode.slice(0, 6)}-9${pad(k).slice(1)}` };
      });
      await insertAll(issues(), Issue, copies);
      await insertAll(issues(), IssueEvent, copies.flatMap((c) => events.map((e, j) => ({ ...e, id: `${c.id}-e${j}`, issueId: c.id }))));
    }
    const q = `query($h: ID!, $first: Int, $after: String) { household(id: $h) { issues(first: $first, after: $after) {
      totalCount pageInfo { endCursor } nodes { id ref status light reporter { name } assignee { name } visit { id } subject { ... on Household { id } }
        history { action } coHandlers { department { name } } meetings { date } } } } }`;
    const m = await measure('Household.issues', q, { h: h1.id }, { h: h2.id }, (r) => r.household.issues);
    expect([m.small.totalCount, m.small.nodes.length, m.large.totalCount, new Set(ids(m.large.nodes)).size]).toEqual([SMALL, SMALL, LARGE, LARGE]);
    expect(m.statements).toEqual([m.statements[0], m.statements[0], m.statements[0]]);
  });
});
