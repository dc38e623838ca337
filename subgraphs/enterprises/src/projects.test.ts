import {
  createLogger,
  createSubgraph,
  insertInChunks,
  subtreeRange,
  transaction,
  type Subgraph,
} from '@cadres/kit';
import {
  buildDemoProjects,
  buildDemoWorld,
  createRandom,
} from '@cadres/demo';
import {
  testToken,
  testTrust,
  countStatements,
  createTestSubgraph,
  data,
  describeEachDatabase,
  runOperation,
} from '@cadres/kit/src/testing';
import { Project, ProjectProgress } from './entities';
import { dayNumber, defaultLightRules, isoOfDay, projectLight, type Light, type LightRules } from './light';
import { subgraph as enterprises } from './server';

const world = buildDemoWorld({ seed: 2023, scale: 1 });
const AS_OF = '2026-07-01';
const demo = buildDemoProjects(world, { asOf: AS_OF });
const LIGHTS: Light[] = ['GREEN', 'YELLOW', 'RED'];
/** Noon in China on a date. */
const chinaNoon = (date: string) => new Date(`${date}T04:00:00Z`);

/** Synthetic projects under Beijing (110000000000), away from the demo's Dongying. */
const FIXTURE_PROVINCE = '110000000000';
/** An enterprise that owns no demo project and that the mutation tests leave alone. */
const FIXTURE_OWNER = world.enterprises.map((e) => e.id).filter((id) => !demo.projects.some((p) => p.enterpriseId === id)).at(-1)!;
function fixtureProjects(): Partial<Project>[] {
  const rows: Partial<Project>[] = [];
  const add = (plannedStart: string, plannedFinish: string, actualBp: number) =>
    rows.push({
      id: `F-${String(rows.length + 1).padStart(4, '0')}`,
      name: `fixture ${rows.length + 1}`,
      level: 'OTHER',
      enterpriseId: FIXTURE_OWNER,
      siteCode: ['110105001000', '110105001201', '110108000000'][rows.length % 3],
      plannedStart,
      plannedFinish,
      startDay: dayNumber(plannedStart),
      finishDay: dayNumber(plannedFinish),
      actualBp,
      reportCount: actualBp > 0 ? 1 : 0,
      version: 1,
    });
  // The boundaries: a 100-day plan (exactly 0.5 due on 2026-02-20), long unstarted plans, a month-end start.
  for (const bp of [0, 1, 1999, 2000, 2001, 3999, 4000, 4001, 5000, 6999, 7000, 9000, 9001, 10000]) add('2026-01-01', '2026-04-11', bp);
  add('2026-01-01', '2028-09-27', 0);
  add('2026-11-30', '2029-08-26', 0);
  add('2026-01-01', '2026-01-11', 0);
  // And a few hundred random ones.
  const rng = createRandom(7);
  for (let i = 0; i < 300; i++) {
    const start = dayNumber('2025-06-01') + rng.int(0, 700);
    add(isoOfDay(start), isoOfDay(start + rng.int(1, 600)), rng.chance(0.3) ? 0 : rng.int(0, 100) * 100);
  }
  return rows;
}
const FIXTURE_DAYS = [
  '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-04', '2026-01-05', '2026-02-20', '2026-03-31', '2026-04-01',
  '2026-04-11', '2026-05-01', '2027-02-27', '2027-02-28', '2027-06-30',
];

describeEachDatabase('enterprises subgraph: key projects', (db) => {
  let clock = chinaNoon(AS_OF);
  let sg: Subgraph;
  const at = (date: string) => {
    clock = chinaNoon(date);
  };
  beforeAll(async () => {
    sg = await createTestSubgraph(enterprises, db, { fakeOwners: true, now: () => clock });
    // The clock reads AS_OF, so the demo plans are anchored to it.
    await sg.seed(world);
    await transaction(sg.ds, (em) => insertInChunks(em, Project, fixtureProjects()));
  });
  afterAll(() => sg?.stop());
  beforeEach(() => at(AS_OF));

  const PROJECT = `id name level enterprise { id } site { code } plannedStart plannedFinish actualProgress light version
    progressReports(first: 10) { totalCount nodes { actualProgress note reportedAt reportedBy } }`;

  it('serves the demo projects with their reports and a mix of lights', async () => {
    const r = await data(sg, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { ${PROJECT} } } }`, {
      r: demo.projects.map(({ id }) => ({ __typename: 'Project', id })),
    });
    expect(r._entities).toEqual(
      demo.projects.map((p) => {
        const reports = demo.reports.filter((x) => x.projectId === p.id);
        return {
          id: p.id, name: p.name, level: p.level, enterprise: { id: p.enterpriseId }, site: { code: p.siteCode },
          plannedStart: p.plannedStart, plannedFinish: p.plannedFinish,
          actualProgress: reports.at(-1)?.progress ?? 0, light: p.intendedLight, version: 1,
          progressReports: {
            totalCount: reports.length,
            nodes: reports.map((x) => ({ actualProgress: x.progress, note: x.note, reportedAt: x.reportedAt, reportedBy: 'demo' })),
          },
        };
      }),
    );
    expect([...new Set(demo.projects.map((p) => p.intendedLight))].sort()).toEqual(['GREEN', 'RED', 'YELLOW']);
  });

  it('lists an enterprise\'s projects, and answers project(id)', async () => {
    const owners = [...new Set(demo.projects.map((p) => p.enterpriseId)), 'E-0039'];
    const { result, statements } = await countStatements(() =>
      data(sg, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id projects { id enterprise { id } } } } }`, {
        r: owners.map((id) => ({ __typename: 'Enterprise', id })),
      }),
    );
    expect(result._entities).toEqual(
      owners.map((id) => ({
        id,
        projects: demo.projects.filter((p) => p.enterpriseId === id).map((p) => ({ id: p.id, enterprise: { id } })),
      })),
    );
    expect(statements).toBe(2); // enterprises by id, projects by enterprise
    expect(await data(sg, `{ a: project(id: "P-0001") { id } b: project(id: "P-9999") { id } }`)).toEqual({ a: { id: 'P-0001' }, b: null });
  });

  describe('registerProject', () => {
    const register = `mutation($e: ID!, $site: ID!, $s: Date!, $f: Date!, $name: String!) {
      registerProject(enterpriseId: $e, name: $name, level: PROVINCIAL_KEY, siteCode: $site, plannedStart: $s, plannedFinish: $f) {
        name level enterprise { id } site { code } plannedStart plannedFinish plannedProgress actualProgress light version
        progressReports { totalCount } } }`;
    const count = () => sg.ds.getRepository(Project).count();

    it('registers a project and computes its plan by the clock', async () => {
      at('2026-02-20');
      const r = await data(sg, register, { e: 'E-0002', site: '370502001000', s: '2026-01-01', f: '2026-04-11', name: ' 测试项目 ' });
      expect(r.registerProject).toEqual({
        name: '测试项目', level: 'PROVINCIAL_KEY', enterprise: { id: 'E-0002' }, site: { code: '370502001000' },
        plannedStart: '2026-01-01', plannedFinish: '2026-04-11', plannedProgress: 0.5, actualProgress: 0, light: 'RED', version: 1,
        progressReports: { totalCount: 0 },
      });
    });

    it('rejects a finish not after the start, an unknown enterprise and a bad site, writing nothing', async () => {
      const before = await count();
      const cases = [
        { e: 'E-0002', site: '370502001000', s: '2026-01-01', f: '2026-01-01', name: 'x' },
        { e: 'E-0002', site: '370502001000', s: '2026-01-01', f: '2025-12-31', name: 'x' },
        { e: 'E-9999', site: '370502001000', s: '2026-01-01', f: '2026-12-31', name: 'x' },
        { e: 'E-0002', site: '3705020010', s: '2026-01-01', f: '2026-12-31', name: 'x' },
        { e: 'E-0002', site: '370502001000', s: '2026-01-01', f: '2026-12-31', name: ' ' },
      ];
      const out = [];
      for (const c of cases) out.push((await runOperation(sg, register, c)).errors?.map((e) => e.extensions));
      expect(out).toEqual([
        [{ code: 'BAD_USER_INPUT', field: 'plannedFinish' }],
        [{ code: 'BAD_USER_INPUT', field: 'plannedFinish' }],
        [{ code: 'NOT_FOUND', field: 'enterpriseId' }],
        [{ code: 'BAD_USER_INPUT', field: 'siteCode' }],
        [{ code: 'BAD_USER_INPUT', field: 'name' }],
      ]);
      const badDate = await runOperation(sg, register, { e: 'E-0002', site: '370502001000', s: '2026-02-30', f: '2026-12-31', name: 'x' });
      expect(badDate.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(await count()).toBe(before);
    });
  });

  describe('reportProjectProgress', () => {
    const report = `mutation($p: ID!, $v: Float!, $note: String, $ev: Int) {
      reportProjectProgress(projectId: $p, actualProgress: $v, note: $note, expectedVersion: $ev) { actualProgress version light } }`;
    const history = async (id: string) =>
      (await data(sg, `query($id: ID!) { project(id: $id) { actualProgress version progressReports(first: 500) { totalCount nodes { actualProgress note reportedAt } } } }`, { id })).project;
    let id: string;
    beforeAll(async () => {
      const r = await data(sg, `mutation { registerProject(enterpriseId: "E-0003", name: "进度测试", level: COUNTY_KEY, siteCode: "370503001000",
        plannedStart: "2026-01-01", plannedFinish: "2026-04-11") { id } }`);
      id = r.registerProject.id;
    });

    it('keeps every report, the latest being the actual progress, and validates range and notes', async () => {
      at('2026-02-20'); // 0.5 due
      const steps: [number, string | null, number | null][] = [
        [0.2, null, null], [0.19, '复核后下调', null], [0.45, null, 3], [0.4, null, null], [0.4, '图纸变更, 返工', null], [1.2, null, null], [-0.1, null, null], [0.5, null, 1],
      ];
      const out = [];
      for (const [v, note, ev] of steps) {
        const r = await runOperation(sg, report, { p: id, v, note, ev });
        out.push(r.errors ? r.errors.map((e) => e.extensions) : r.data!.reportProjectProgress);
      }
      expect(out).toEqual([
        { actualProgress: 0.2, version: 2, light: 'YELLOW' }, // exactly 30 points behind
        { actualProgress: 0.19, version: 3, light: 'RED' },
        { actualProgress: 0.45, version: 4, light: 'GREEN' },
        [{ code: 'BAD_USER_INPUT', field: 'note' }],
        { actualProgress: 0.4, version: 5, light: 'YELLOW' }, // exactly 10 points behind
        [{ code: 'BAD_USER_INPUT', field: 'actualProgress' }],
        [{ code: 'BAD_USER_INPUT', field: 'actualProgress' }],
        [{ code: 'CONFLICT', field: 'expectedVersion' }],
      ]);
      const reportedAt = chinaNoon('2026-02-20').toISOString();
      expect(await history(id)).toEqual({
        actualProgress: 0.4,
        version: 5,
        progressReports: {
          totalCount: 4,
          nodes: [
            { actualProgress: 0.2, note: null, reportedAt },
            { actualProgress: 0.19, note: '复核后下调', reportedAt },
            { actualProgress: 0.45, note: null, reportedAt },
            { actualProgress: 0.4, note: '图纸变更, 返工', reportedAt },
          ],
        },
      });
      const missing = await runOperation(sg, report, { p: 'P-9999', v: 0.5 });
      expect(missing.errors?.map((e) => e.extensions)).toEqual([{ code: 'NOT_FOUND', field: 'projectId' }]);
    });

    it('keeps all of concurrent reports, and lets one of several with the same expectedVersion win', async () => {
      const before = await history(id);
      const values = [0.41, 0.42, 0.43, 0.44, 0.45];
      const plain = await Promise.all(values.map((v) => runOperation(sg, report, { p: id, v, note: '并发' })));
      expect(plain.map((r) => r.errors ?? 'ok')).toEqual(values.map(() => 'ok'));
      const after = await history(id);
      expect(after.progressReports.totalCount).toBe(before.progressReports.totalCount + values.length);
      expect(after.version).toBe(before.version + values.length);
      expect(after.progressReports.nodes.slice(-values.length).map((n: { actualProgress: number }) => n.actualProgress).sort()).toEqual(values);
      expect(after.actualProgress).toBe(after.progressReports.nodes.at(-1).actualProgress);

      const raced = await Promise.all(values.map((v) => runOperation(sg, report, { p: id, v: v + 0.1, ev: after.version })));
      expect(raced.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
      const seqs = (await sg.ds.getRepository(ProjectProgress).findBy({ projectId: id })).map((r) => r.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: before.progressReports.totalCount + values.length + 1 }, (_, i) => i + 1));
    });
  });

  describe('Division.projects and lights', () => {
    const byLight = (light: Light | null, first = 500) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division {
      projects(${light ? `light: ${light}, ` : ''}first: ${first}) { totalCount nodes { id light } } } } }`;

    /** Every project row, its light computed in JS, for `today`. */
    async function expectedLights(today: string, rules: LightRules, prefix: string) {
      const { lo, hi } = subtreeRange(prefix);
      const rows = (await sg.ds.getRepository(Project).find({ order: { id: 'ASC' } })).filter((p) => p.siteCode >= lo && p.siteCode < hi);
      return rows.map((p) => ({ id: p.id, light: projectLight(p, today, rules) }));
    }

    async function agree(subgraph: Subgraph, rules: LightRules) {
      const problems: string[] = [];
      for (const day of FIXTURE_DAYS) {
        at(day);
        const all = await expectedLights(day, rules, FIXTURE_PROVINCE);
        const r = await data(subgraph, byLight(null), { r: [{ __typename: 'Division', code: FIXTURE_PROVINCE }] });
        if (JSON.stringify(r._entities[0].projects.nodes) !== JSON.stringify(all)) problems.push(`${day}: field`);
        for (const light of LIGHTS) {
          const want = all.filter((p) => p.light === light);
          const got = await data(subgraph, byLight(light), { r: [{ __typename: 'Division', code: FIXTURE_PROVINCE }] });
          const { totalCount, nodes } = got._entities[0].projects;
          if (totalCount !== want.length || JSON.stringify(nodes) !== JSON.stringify(want)) problems.push(`${day}: ${light}`);
        }
      }
      return problems;
    }

    it('filters by light in SQL exactly as the field computes it, boundaries included', async () => {
      expect(await agree(sg, defaultLightRules)).toEqual([]);
      // And the boundary fixtures land where the rule says on the day 0.5 is due.
      at('2026-02-20');
      const lights = (await expectedLights('2026-02-20', defaultLightRules, FIXTURE_PROVINCE)).slice(0, 14).map((p) => p.light);
      expect(lights).toEqual(['RED', 'RED', 'RED', 'YELLOW', 'YELLOW', 'YELLOW', 'YELLOW', 'GREEN', 'GREEN', 'GREEN', 'GREEN', 'GREEN', 'GREEN', 'GREEN']);
    });

    it('follows configured thresholds in SQL too', async () => {
      const rules = { yellowBehindBp: 500, redBehindBp: 2000, redUnstartedMonths: 1 };
      const other = await createSubgraph(enterprises, {
        dataSource: sg.ds, dataDir: '.', trust: await testTrust('enterprises'), log: createLogger('enterprises', 'silent'), now: () => clock, config: rules,
      });
      try {
        expect(await agree(other, rules)).toEqual([]);
      } finally {
        await other.stop();
      }
    });

    it('sends the same statements for 10 as for 1000 divisions, and for first 10 as for 500', async () => {
      const real = world.divisions.filter((d) => ['CITY', 'DISTRICT', 'TOWNSHIP'].includes(d.level)).map((d) => d.code);
      const made = Array.from({ length: 1000 }, (_, i) => `3705${['02', '03', '05', '22', '23'][i % 5]}${String(1 + (i % 399)).padStart(3, '0')}000`);
      const codes = (n: number) => [...real, ...made].slice(0, n);
      const q = (light: string, first: number) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { code
        projects(${light}first: ${first}) { totalCount pageInfo { hasNextPage } nodes { id light plannedProgress actualProgress
          enterprise { id name } site { code } progressReports(first: ${first}) { totalCount nodes { actualProgress } } } } } } }`;
      const counts: number[] = [];
      for (const light of ['', 'light: RED, ']) {
        for (const [n, first] of [[10, 10], [1000, 500]]) {
          const { result, statements } = await countStatements(() =>
            data(sg, q(light, first), { r: codes(n).map((code) => ({ __typename: 'Division', code })) }),
          );
          expect(result._entities.length).toBe(n);
          counts.push(statements);
        }
      }
      // Per code length (city, district, township): a page and a count of projects; then enterprises
      // by id, and a page and a count of progress reports.
      expect(counts).toEqual([9, 9, 9, 9]);
      const city = await data(sg, q('', 500), { r: [{ __typename: 'Division', code: '370500000000' }] });
      const demoIds = city._entities[0].projects.nodes.map((p: { id: string }) => p.id).filter((id: string) => id.startsWith('P-'));
      expect(demoIds).toEqual(demo.projects.map((p) => p.id));
    });
  });
});
