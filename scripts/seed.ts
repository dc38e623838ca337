// npm run seed -- --scale city|jining|<number> [--reset] [--seed <n>]
//
// Fills every subgraph's database (SQLite under DATA_DIR, or MySQL/MariaDB where <NAME>_DB_URL
// says so, as npm start would) from one shared demo world, so that the four agree: each
// subgraph's own seed function (the one DEMO_DATA runs) with the world built once here, every
// insert batched inside its subgraph's transaction. Progress is printed as it goes, then how
// long each subgraph took.
import path from 'node:path';
import {
  chinaDate,
  createLogger,
  createSubgraph,
  definitionOf,
  ensureDevKeys,
  loadTrust,
  onProgress,
  parseConfig,
  subgraphEntries,
  subgraphEnv,
  type Clock,
  type Subgraph,
} from '@cadres/kit';
import { buildDemoPeople, buildDemoWorld, demoProfiles, type DemoProfileName, type DemoWorld, type DemoWorldOptions } from '@cadres/demo';

const root = path.resolve(__dirname, '..');

interface Args {
  world: DemoWorldOptions;
  label: string;
  reset: boolean;
}

const USAGE = `usage: npm run seed -- --scale city|jining|<number> [--reset] [--seed <n>]
  --scale   city (about 1,900 villages and communities, 10,000 cadres, 50,000 households, 200,000 visits,
            20,000 issues, 1,000 enterprises), jining (7,000, 70,000, 350,000, 1,400,000, 100,000), or a
            number (DEMO_SCALE's world)
  --reset   clear databases that already hold data (every table dropped, then migrated again)
  --seed    the demo world's seed (default 2023, as DEMO_SEED)`;

class UsageError extends Error {}

export function parseSeedArgs(argv: string[]): Args {
  let scale: string | undefined;
  let seed = 2023;
  let reset = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--reset') reset = true;
    else if (a === '--scale') scale = argv[++i];
    else if (a.startsWith('--scale=')) scale = a.slice(8);
    else if (a === '--seed') seed = Number(argv[++i]);
    else if (a.startsWith('--seed=')) seed = Number(a.slice(7));
    else throw new UsageError(a === '--help' || a === '-h' ? '' : `unknown argument: ${a}`);
  }
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
  if (scale === undefined) throw new UsageError('--scale is required');
  if (Object.hasOwn(demoProfiles, scale)) return { world: { seed, profile: scale as DemoProfileName }, label: scale, reset };
  const n = Number(scale);
  if (!(n > 0 && n <= 100)) throw new UsageError(`--scale must be ${Object.keys(demoProfiles).join(', ')} or a number from 0 to 100, got ${scale}`);
  return { world: { seed, scale: n }, label: `scale ${n}`, reset };
}

const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The tables of `sg` holding rows: name → rows (TypeORM's own migrations table not counted). */
async function filledTables(sg: Subgraph): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const meta of sg.ds.entityMetadatas) {
    const rows = await sg.ds.getRepository(meta.target).count();
    if (rows > 0) out.set(meta.tableName, rows);
  }
  return out;
}

/** Prints insertInChunks' progress: a line per stage every 2 s at most, and its last count. */
function printProgress(name: () => string, log: (line: string) => void) {
  let stage = '';
  let at = 0;
  onProgress((s, done, total) => {
    if (done === undefined || total === undefined) return;
    const now = Date.now();
    if (s === stage && done !== total && now - at < 2000) return;
    stage = s;
    at = now;
    log(`  [${name()}] ${s} ${fmt(done)} of ${fmt(total)}`);
  });
}

export interface SeedOptions {
  /** The settings to read (DATA_DIR, <NAME>_DB_URL, …); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** The subgraphs' clock (default the real one): the demo is current on its day in China. */
  now?: Clock;
  /** Where lines go (default console.log; refusals and errors go there too). */
  log?: (line: string) => void;
}

export interface SeedTiming {
  name: string;
  ms: number;
  rows: number;
  where: string;
}

/** npm run seed: 0 when seeded (with the timings), 1 when it refused to write over data, 2 for bad arguments. */
export async function runSeed(argv: string[], opts: SeedOptions = {}): Promise<{ code: number; timings: SeedTiming[] }> {
  const log = opts.log ?? ((line: string) => console.log(line));
  let args: Args;
  try {
    args = parseSeedArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) log(e.message);
    log(USAGE);
    return { code: e.message ? 2 : 0, timings: [] };
  }
  // The same data directory npm start uses, whatever the working directory.
  const env = { ...(opts.env ?? process.env) };
  env.DATA_DIR = path.resolve(root, env.DATA_DIR ?? 'data');
  const entries = subgraphEntries();
  await ensureDevKeys(env.DATA_DIR, ['gateway', ...entries.map((e) => e.name)]);

  // Open (and migrate) every database first, and refuse before writing anything anywhere.
  const opened: { name: string; sg: Subgraph; where: string }[] = [];
  const closeAll = () => Promise.all(opened.map(({ sg }) => sg.stop()));
  try {
    for (const entry of entries) {
      const def = definitionOf(entry);
      const settings = parseConfig(subgraphEnv(def.name), env);
      const sg = await createSubgraph(def, {
        dbUrl: settings.dbUrl,
        dataDir: settings.dataDir,
        trust: await loadTrust(settings.keys, def.name),
        log: createLogger(def.name, env.LOG_LEVEL ?? 'warn'),
        peers: settings.peers,
        limits: settings.limits,
        config: parseConfig(def.settings, env),
        ...(opts.now ? { now: opts.now } : {}),
      });
      // Where it writes, without the password.
      const where = settings.dbUrl ? settings.dbUrl.replace(/\/\/[^@/]*@/, '//') : path.join(settings.dataDir, `${def.name}.sqlite`);
      opened.push({ name: def.name, sg, where });
    }
    const filled = [];
    for (const o of opened) {
      const tables = await filledTables(o.sg);
      if (tables.size) filled.push({ ...o, tables });
    }
    if (filled.length && !args.reset) {
      log('Refusing to seed over data (run again with --reset to clear these databases first):');
      for (const f of filled) log(`  ${f.name} (${f.where}): ${[...f.tables].slice(0, 4).map(([t, n]) => `${t} ${fmt(n)}`).join(', ')}${f.tables.size > 4 ? ', …' : ''}`);
      return { code: 1, timings: [] };
    }
    for (const f of filled) {
      const t0 = Date.now();
      // Every table dropped (TypeORM's migrations table too), then the migrations from the start.
      await f.sg.ds.dropDatabase();
      await f.sg.ds.runMigrations({ transaction: 'each' });
      log(`Cleared and migrated ${f.name} (${f.where}) in ${secs(Date.now() - t0)}`);
    }

    const t0 = Date.now();
    const world: DemoWorld = buildDemoWorld(args.world);
    // The seeds build the people side on their own clock's day: build it once here for all of them.
    const today = chinaDate(opened[0].sg.now());
    const people = buildDemoPeople(world, { today });
    const grassroots = world.divisions.filter((d) => d.level === 'VILLAGE' || d.level === 'COMMUNITY').length;
    log(
      `Demo world (${args.label}, seed ${args.world.seed}) on ${today}, built in ${secs(Date.now() - t0)}: ` +
        `${fmt(grassroots)} villages and communities, ${fmt(world.cadres.length)} cadres, ${fmt(people.households.length)} households, ` +
        `${fmt(people.visits.length)} visits, ${fmt(world.enterprises.length)} enterprises, ${fmt(world.profile.issues)} issues asked of the issues seed`,
    );

    let current = '';
    printProgress(() => current, log);
    const timings: SeedTiming[] = [];
    for (const o of opened) {
      current = o.name;
      log(`Seeding ${o.name} (${o.where}) …`);
      const started = Date.now();
      const wrote = await o.sg.seed(world);
      const ms = Date.now() - started;
      const rows = [...(await filledTables(o.sg)).values()].reduce((a, b) => a + b, 0);
      log(`  [${o.name}] ${wrote ? 'done' : 'nothing written'} in ${secs(ms)}: ${fmt(rows)} rows`);
      timings.push({ name: o.name, ms, rows, where: o.where });
    }

    const total = timings.reduce((a, t) => a + t.ms, 0);
    log('');
    log('| subgraph | rows | time | rows/s | database |');
    log('|---|---:|---:|---:|---|');
    for (const t of timings) log(`| ${t.name} | ${fmt(t.rows)} | ${secs(t.ms)} | ${fmt(Math.round(t.rows / Math.max(t.ms / 1000, 0.001)))} | ${t.where} |`);
    log(`| all | ${fmt(timings.reduce((a, t) => a + t.rows, 0))} | ${secs(total)} | | |`);
    return { code: 0, timings };
  } finally {
    onProgress(undefined);
    await closeAll();
  }
}

if (require.main === module) {
  runSeed(process.argv.slice(2)).then(
    ({ code }) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exit(1);
    },
  );
}
