// npm run seed (scripts/seed.ts): all four databases from one demo world, consistent across
// subgraphs; a second run refuses to write over them, --reset clears and seeds them again.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { definitionOf, openDatabase, settingPrefix, subgraphEntries } from '@cadres/kit';
import { describeEachDatabase } from '@cadres/kit/src/testing';
import { buildDemoPeople, buildDemoWorld } from '@cadres/demo';
import { parseSeedArgs, runSeed } from '../scripts/seed';

/** 10:00 on 1 July 2026 in Beijing: the demo's default day. */
const NOW = new Date('2026-07-01T02:00:00Z');
const ARGS = ['--scale', '0.3'];

describe('npm run seed arguments', () => {
  it('takes a profile or a number, and refuses anything else with the usage', async () => {
    expect(parseSeedArgs(['--scale', 'city']).world).toEqual({ seed: 2023, profile: 'city' });
    expect(parseSeedArgs(['--scale=jining', '--reset', '--seed', '7'])).toEqual({ world: { seed: 7, profile: 'jining' }, label: 'jining', reset: true });
    expect(parseSeedArgs(['--scale', '2']).world).toEqual({ seed: 2023, scale: 2 });
    for (const bad of [[], ['--scale', 'town'], ['--scale', '0'], ['--scale', 'toString'], ['--scale', '1', '--seed', 'x'], ['--scale', '1', '--force']]) {
      const lines: string[] = [];
      expect(await runSeed(bad, { log: (l) => lines.push(l) })).toEqual({ code: 2, timings: [] });
      expect(lines.at(-1)).toMatch(/^usage: npm run seed/);
    }
  });
});

describeEachDatabase('npm run seed', (db) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const lines: string[] = [];
  const seed = (args: string[]) => runSeed(args, { env, now: () => NOW, log: (l) => lines.push(l) });
  const open: DataSource[] = [];
  const databases = async () => {
    const out: Record<string, DataSource> = {};
    for (const entry of subgraphEntries()) {
      const def = definitionOf(entry);
      const ds = await openDatabase({ url: env[`${settingPrefix(entry.name)}_DB_URL`], dataDir: dir, name: entry.name, entities: def.entities, migrations: def.migrations });
      open.push(ds);
      out[entry.name] = ds;
    }
    return out;
  };
  const closeAll = () => Promise.all(open.splice(0).map((ds) => ds.destroy()));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cadres-seed-'));
    env = { DATA_DIR: dir, LOG_LEVEL: 'silent' };
    if (db.kind === 'mysql') for (const e of subgraphEntries()) env[`${settingPrefix(e.name)}_DB_URL`] = await db.create(`seed_${e.name}`);
  });
  afterAll(async () => {
    await closeAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills every database from one world, prints progress and a timing per subgraph', async () => {
    const { code, timings } = await seed(ARGS);
    expect(code).toBe(0);
    expect(timings.map((t) => t.name)).toEqual(subgraphEntries().map((e) => e.name));
    expect(timings.every((t) => t.rows > 0 && t.ms >= 0)).toBe(true);
    expect(lines.some((l) => /^ {2}\[people\] seeding visits [\d,]+ of [\d,]+$/.test(l))).toBe(true);
    expect(lines).toContain('| subgraph | rows | time | rows/s | database |');
  });

  it('writes databases that agree with each other and with the demo world', async () => {
    const dbs = await databases();
    const col = async (name: string, sql: string): Promise<Set<string>> => new Set((await dbs[name].query(sql)).map((r: Record<string, unknown>) => String(Object.values(r)[0])));
    const world = buildDemoWorld({ scale: 0.3 });
    const people = buildDemoPeople(world, { today: '2026-07-01' });
    const divisions = await col('places', 'SELECT code FROM division');
    expect(divisions).toEqual(new Set(world.divisions.map((d) => d.code)));
    const units = await col('places', 'SELECT id FROM building_unit');
    const enterprises = await col('enterprises', 'SELECT id FROM enterprise');
    const projects = await col('enterprises', 'SELECT id FROM project');
    const visits = await col('people', 'SELECT id FROM visit');
    const cadres = await col('people', 'SELECT id FROM cadre');
    const departments = await col('people', 'SELECT id FROM department');
    const households = await col('people', 'SELECT id FROM household');
    expect(visits.size).toBe(people.visits.length);
    const missing = async (name: string, sql: string, known: Set<string>) => [...(await col(name, sql))].filter((x) => x !== 'null' && !known.has(x));
    // Every code and id one subgraph holds of another's exists there.
    expect(await missing('people', 'SELECT DISTINCT divisionCode FROM department', divisions)).toEqual([]);
    expect(await missing('people', 'SELECT DISTINCT divisionCode FROM household', divisions)).toEqual([]);
    expect(await missing('people', 'SELECT DISTINCT divisionCode FROM visit', divisions)).toEqual([]);
    expect(await missing('people', "SELECT DISTINCT targetId FROM liaison WHERE targetType = 'Division'", divisions)).toEqual([]);
    expect(await missing('people', "SELECT DISTINCT targetId FROM liaison WHERE targetType = 'BuildingUnit'", units)).toEqual([]);
    expect(await missing('people', "SELECT DISTINCT targetId FROM liaison WHERE targetType = 'Enterprise'", enterprises)).toEqual([]);
    expect(await missing('people', "SELECT DISTINCT targetId FROM visit WHERE targetType = 'Project'", projects)).toEqual([]);
    expect(await missing('people', 'SELECT DISTINCT divisionCode FROM pledge', divisions)).toEqual([]);
    expect(await missing('enterprises', 'SELECT DISTINCT divisionCode FROM enterprise', divisions)).toEqual([]);
    expect(await missing('enterprises', 'SELECT DISTINCT siteCode FROM project', divisions)).toEqual([]);
    expect(await missing('issues', 'SELECT DISTINCT divisionCode FROM issue', divisions)).toEqual([]);
    expect(await missing('issues', 'SELECT DISTINCT visitId FROM issue', visits)).toEqual([]);
    expect(await missing('issues', 'SELECT DISTINCT reporterId FROM issue', cadres)).toEqual([]);
    expect(await missing('issues', 'SELECT DISTINCT assigneeId FROM issue', departments)).toEqual([]);
    expect(await missing('issues', "SELECT DISTINCT subjectId FROM issue WHERE subjectType = 'Household'", households)).toEqual([]);
    expect(await missing('issues', "SELECT DISTINCT subjectId FROM issue WHERE subjectType = 'Enterprise'", enterprises)).toEqual([]);
    expect(await missing('issues', "SELECT DISTINCT subjectId FROM issue WHERE subjectType = 'Project'", projects)).toEqual([]);
    // The campaign the demo runs, with its departments.
    expect(await dbs.people.query('SELECT id, name, dateFrom, dateTo FROM campaign')).toEqual([{ id: 'CP-0001', name: '三解三促', dateFrom: '2026-01-01', dateTo: '2026-12-31' }]);
    expect(await col('people', 'SELECT departmentId FROM campaign_department')).toEqual(new Set(people.campaign.departmentIds));
    await closeAll();
  });

  it('refuses to write over data, changing nothing; with --reset it clears and seeds again', async () => {
    lines.length = 0;
    expect(await seed(ARGS)).toEqual({ code: 1, timings: [] });
    expect(lines[0]).toMatch(/^Refusing to seed over data/);
    expect(lines.filter((l) => /^ {2}(places|people|enterprises|issues) \(/.test(l))).toHaveLength(subgraphEntries().length);
    const count = async () => Number((await (await databases()).people.query('SELECT COUNT(*) AS n FROM visit'))[0].n);
    const before = await count();
    await closeAll();
    lines.length = 0;
    const again = await seed([...ARGS, '--reset']);
    expect(again.code).toBe(0);
    expect(lines.filter((l) => l.startsWith('Cleared and migrated'))).toHaveLength(subgraphEntries().length);
    expect(await count()).toBe(before);
    await closeAll();
  });
});
