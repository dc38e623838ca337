// npm run bench: load on the dashboard operations (bench/operations/*.graphql), through our
// gateway and through Hive Gateway on the same committed supergraph and the same four subgraphs,
// each its own process as npm start runs them, against the data set already seeded (SQLite in
// DATA_DIR, or MariaDB when <NAME>_DB_URL are set). Ratios are measured in one run, so they
// travel between machines; absolute figures do not. Every process runs as in production
// (bench/production.ts): the code npm run build makes, built afresh for the run, the image's
// NODE_OPTIONS and the heap its container gets. Not part of npm test.
//   BENCH_SECONDS=5 BENCH_CLIENTS=10 GATEWAY_WORKERS=1 npm run bench
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { CREDENTIAL_HEADER, devTokenSigner, loadTrust, settingPrefix, subgraphEntries } from '@cadres/kit';
import { loadGatewayConfig } from '../gateway/src/config';
import { nodeProcess, root, subgraphServices, subgraphUrlEnv, type NodeRun } from '../scripts/stack';
import { Supervisor } from '../scripts/supervisor';
import { documentOf, operations, type Operation, type Targets } from './operations';
import { buildForBench, productionNodeArgs } from './production';
import {
  checkTargets,
  combine,
  firstDifference,
  histogramTotals,
  peakRss,
  replaceSection,
  residentRss,
  resultsTable,
  targetsList,
  valueAt,
  type Measured,
  type ResultRow,
  type Slice,
} from './report';

function setting(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name}: expected a number of at least ${min}, got ${raw}`);
  return value;
}
const seconds = setting('BENCH_SECONDS', 5, 1);
const clients = setting('BENCH_CLIENTS', 10, 1);
const workers = setting('GATEWAY_WORKERS', 1, 1);
const rounds = Math.round(setting('BENCH_ROUNDS', 2, 1));
const only = process.env.BENCH_OPERATIONS?.split(',').map((s) => s.trim()).filter(Boolean);
const dataDir = path.resolve(root, process.env.DATA_DIR ?? 'data');
const resultsFile = path.join(__dirname, 'RESULTS.md');

const dbUrls = subgraphEntries().map((e) => process.env[`${settingPrefix(e.name)}_DB_URL`]);
const onMysql = dbUrls.some(Boolean);

/** `n` ports free on 127.0.0.1 now (the system's choice, so that no running stack is in the way). */
async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => resolve(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** A process and the cluster workers it forked (/proc's children list). */
function withChildren(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...children.flatMap(withChildren)];
  } catch {
    return [pid];
  }
}
/** Starts a new peak-RSS window for the process (Linux: writing 5 to clear_refs resets VmHWM). */
function resetPeak(pid: number) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not ours to reset (or not Linux): its peak then covers its whole life, said in RESULTS.md.
  }
}
const statusOf = (pid: number, read: (status: string) => number | undefined) => {
  try {
    return read(readFileSync(`/proc/${pid}/status`, 'utf8')) ?? 0;
  } catch {
    return 0;
  }
};
const peakOf = (pid: number) => statusOf(pid, peakRss);

/** CPU time the process has used, in clock ticks (/proc/<pid>/stat utime + stime). */
function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

interface Sent {
  token: string;
  body: string;
}

async function post(url: string, sent: Sent, extra: Record<string, string> = {}): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${sent.token}`, connection: 'close', ...extra },
    body: sent.body,
  });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
  }
}

async function main() {
  const started = new Date();
  const loadAtStart = os.loadavg();
  // Built before the ports are chosen: a port free now may not be once a build's seconds are over.
  console.log('Building the code as npm run build does …');
  const built = buildForBench();
  // Every API and metrics port chosen free; the subgraphs' metrics are scraped for SQL counts.
  const services = subgraphServices({});
  const ports = await freePorts(services.length * 2 + 3);
  const portEnv: Record<string, string> = {};
  services.forEach((s, i) => (portEnv[`${settingPrefix(s.name)}_PORT`] = String(ports[i])));
  const stack = subgraphServices(portEnv);
  const metricsPorts = Object.fromEntries(stack.map((s, i) => [s.name, ports[stack.length + i]]));
  const [oursPort, hivePort, oursMetrics] = ports.slice(stack.length * 2);
  const urls = subgraphUrlEnv(stack);
  const base = {
    ...process.env,
    ...urls,
    ...portEnv,
    DATA_DIR: dataDir,
    // Measured on the data set that is there; DEMO_DATA=true seeds an empty one first, as npm start does.
    DEMO_DATA: process.env.DEMO_DATA ?? 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    GATEWAY_WORKERS: String(workers),
  };

  // Each process with the heap of its Deployment's container; Hive Gateway with our gateway's.
  const runOf = (deployment: string): NodeRun => ({ built, nodeArgs: productionNodeArgs(deployment) });
  const heapLine = [...services.map((s) => s.name), 'gateway'].map((n) => `${n} ${runOf(n).nodeArgs!.join(' ')}`).join(', ');

  const supervisor = new Supervisor({ stallMs: 600_000, log: (line) => console.log(line), onGiveUp: (reason) => fail(reason) });
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= supervisor.stop().finally(() => rmSync(built, { recursive: true, force: true })));
  const fail = (reason: string) => {
    console.error(reason);
    void stop().then(() => process.exit(1));
  };
  process.once('SIGINT', () => fail('interrupted'));

  try {
    const sign = await devTokenSigner(dataDir);
    console.log(`Starting ${stack.length} subgraphs (${onMysql ? 'MariaDB' : `SQLite in ${dataDir}`}), our gateway and Hive Gateway …`);
    await Promise.all(stack.map((s) => supervisor.start(nodeProcess(s.name, s.main, s.health, { ...base, METRICS_PORT: String(metricsPorts[s.name]) }, runOf(s.name)))));
    await Promise.all([
      supervisor.start(
        nodeProcess('gateway', 'gateway/src/main.ts', `http://127.0.0.1:${oursPort}/ready`, {
          ...base,
          GATEWAY_PORT: String(oursPort),
          METRICS_PORT: String(oursMetrics),
          // One caller per client: the per-caller limit would measure itself, not the gateway.
          RATE_LIMIT_PER_SECOND: '0',
        }, runOf('gateway')),
      ),
      supervisor.start(
        nodeProcess('hive', 'bench/hive-gateway.ts', `http://127.0.0.1:${hivePort}/healthcheck`, { ...base, GATEWAY_PORT: String(hivePort), METRICS_PORT: 'off' }, runOf('gateway')),
      ),
    ]);
    const gateways = { ours: `http://127.0.0.1:${oursPort}/graphql`, hive: `http://127.0.0.1:${hivePort}/graphql` };
    // Started, nothing asked yet (a gateway as heavy as its heaviest worker, as under load).
    const atRest: Record<string, number> = {};
    for (const name of [...stack.map((s) => s.name), 'gateway', 'hive']) {
      const pid = supervisor.pid(name);
      if (pid) atRest[name] = Math.max(...withChildren(pid).map((p) => statusOf(p, residentRss)));
    }

    // One caller per client (an ADMIN of the whole city each), so that "different" clients share nothing.
    const tokens = await Promise.all(Array.from({ length: clients }, (_, i) => sign({ sub: `bench-${i + 1}`, role: 'ADMIN', scope: null }, '2h')));
    // What the gateway signs with, to call a subgraph directly as it would.
    const trust = await loadTrust(loadGatewayConfig({ ...process.env, DATA_DIR: dataDir }).keys, 'gateway');

    const ask = async (query: string, variables: Record<string, unknown> = {}) => {
      const body = await post(gateways.ours, { token: tokens[0], body: JSON.stringify({ query, variables }) });
      if (body.errors) throw new Error(`${query.slice(0, 80)}…: ${JSON.stringify(body.errors).slice(0, 500)}`);
      return body.data;
    };
    const targets = await findTargets(ask);
    const sizes = await dataSetSizes();
    console.log(`Data set: ${sizesLine(sizes)}`);

    const pids = () => {
      const out: Record<string, number[]> = {};
      for (const name of [...stack.map((s) => s.name), 'gateway', 'hive']) {
        const pid = supervisor.pid(name);
        if (pid) out[name] = withChildren(pid);
      }
      return out;
    };
    const peaks: Record<string, number> = {};
    const scrapeSql = async () => {
      const totals = new Map<string, { sum: number; count: number }>();
      for (const s of stack) {
        // A fresh connection each time: a kept-alive one the server closed meanwhile resets.
        const text = await (await fetch(`http://127.0.0.1:${metricsPorts[s.name]}/metrics`, { headers: { connection: 'close' } })).text();
        for (const [service, t] of histogramTotals(text, 'subgraph_request_sql_statements')) if (service === s.name) totals.set(service, t);
      }
      return totals;
    };

    /** `sent[i]` is what client i sends, for `seconds`, all at once. */
    /**
     * Waits until the requests a slice left in flight are done (autocannon stops waiting for them,
     * the stack does not): no process used more than a tenth of a core and no subgraph finished a
     * request for a whole second. Otherwise they would weigh on the next target's slice.
     */
    const settle = async () => {
      const all = () => Object.values(pids()).flat();
      const finished = async () => [...(await scrapeSql()).values()].reduce((n, t) => n + t.count, 0);
      const until = Date.now() + 120_000;
      let ticks = all().reduce((n, pid) => n + cpuTicks(pid), 0);
      let count = await finished();
      while (Date.now() < until) {
        await new Promise((r) => setTimeout(r, 1000));
        const nowTicks = all().reduce((n, pid) => n + cpuTicks(pid), 0);
        const nowCount = await finished();
        if (nowTicks - ticks <= 10 && nowCount === count) return;
        ticks = nowTicks;
        count = nowCount;
      }
      console.log('  (the stack was still busy two minutes after the slice; going on)');
    };

    /** One slice of load: `sent[i]` is what client i sends, all at once, for `slice` seconds. */
    const slice = async (url: string, sent: Sent[], slice: number, extraHeaders?: (s: Sent) => Promise<Record<string, string>>): Promise<Slice> => {
      const headersOf = await Promise.all(
        sent.map(async (s) => ({ 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${s.token}`, ...(await extraHeaders?.(s)) })),
      );
      const processes = pids();
      for (const list of Object.values(processes)) list.forEach(resetPeak);
      const before = await scrapeSql();
      const latencies: number[] = [];
      let next = 0;
      const run = autocannon({
        url,
        method: 'POST',
        connections: sent.length,
        duration: slice,
        timeout: 30,
        headers: headersOf[0],
        body: sent[0].body,
        setupClient: (client) => {
          const i = next++ % sent.length;
          client.setHeadersAndBody(headersOf[i], sent[i].body);
        },
        // An answer with errors is not a measured answer: counted as a mismatch (and as failed).
        verifyBody: (body) => body.startsWith('{"data"') && !body.includes('"errors":'),
      });
      run.on('response', (_client, status, _bytes, time) => {
        if (status === 200) latencies.push(time);
      });
      const result = await run;
      await settle();
      const after = await scrapeSql();
      for (const [name, list] of Object.entries(processes)) {
        // A gateway is as heavy as its heaviest worker (the primary of a cluster only forks).
        peaks[name] = Math.max(peaks[name] ?? 0, ...list.map(peakOf));
      }
      let sql = 0;
      let subgraphRequests = 0;
      for (const [service, t] of after) {
        const b = before.get(service) ?? { sum: 0, count: 0 };
        sql += t.sum - b.sum;
        subgraphRequests += t.count - b.count;
      }
      return {
        answered: result['2xx'] - result.mismatches,
        sent: result.requests.sent,
        seconds: result.duration,
        latencies,
        sql,
        subgraphRequests,
        failed: result.non2xx + result.errors + result.timeouts + result.mismatches,
      };
    };
    /**
     * Each target in turn, BENCH_ROUNDS times, a slice of BENCH_SECONDS / BENCH_ROUNDS each (ours,
     * Hive, direct, ours, …): on a machine whose load moves, no target gets all the quiet seconds.
     */
    const measureAll = async (targets: { name: string; url: string; extraHeaders?: (s: Sent) => Promise<Record<string, string>> }[], sent: Sent[]) => {
      const slices = new Map<string, Slice[]>(targets.map((t) => [t.name, []]));
      for (let round = 0; round < rounds; round++) {
        for (const t of targets) slices.get(t.name)!.push(await slice(t.url, sent, seconds / rounds, t.extraHeaders));
      }
      return new Map([...slices].map(([name, list]) => [name, combine(list)]));
    };

    const modes = [
      { mode: 'the same', sent: (op: Operation, doc: string) => Array.from({ length: clients }, () => ({ token: tokens[0], body: JSON.stringify({ query: doc, variables: op.variables(targets, 0) }) })) },
      { mode: 'different', sent: (op: Operation, doc: string) => Array.from({ length: clients }, (_, i) => ({ token: tokens[i], body: JSON.stringify({ query: doc, variables: op.variables(targets, i) }) })) },
    ];
    const chosen = operations.filter((op) => !only || only.includes(op.title) || only.includes(op.file));
    const rows: ResultRow[] = [];
    const unmeasured: string[] = [];
    for (const op of chosen) {
      const doc = documentOf(op);
      for (const { mode, sent: sentFor } of modes) {
        const sent = sentFor(op, doc);
        const direct = op.subgraph ? stack.find((s) => s.name === op.subgraph)! : undefined;
        const credential = (s: Sent) => trust.credentials.sign(direct!.name, s.body, `Bearer ${s.token}`).then((c) => ({ [CREDENTIAL_HEADER]: c }));
        // The answers first: ours and Hive's must be the same, for every request of the run.
        let refused: string | undefined;
        let hiveRefused: string | undefined;
        for (const s of uniqueSent(sent)) {
          const ours = await post(gateways.ours, s);
          const hive = await post(gateways.hive, s);
          const what = `${op.title} (${s.body.slice(0, 160)})`;
          // An operation that fails is reported as such (with why), not measured; one that only
          // Hive Gateway cannot answer is measured on ours and the others.
          const why = (errors: any[]) => errors.map((e) => `${e.extensions?.code ?? ''} ${e.message.replace(/\s+/g, ' ')}`).join('; ').slice(0, 400);
          if (ours.errors) {
            refused = `our gateway answered errors: ${why(ours.errors)}`;
            break;
          }
          if (hive.errors) {
            hiveRefused = `Hive Gateway answered errors (ours did not): ${why(hive.errors)}`;
            continue;
          }
          const diff = firstDifference(ours, hive);
          if (diff) throw new Error(`${what}: our gateway and Hive Gateway answer differently at ${diff}: ours ${valueAt(ours, diff)}, Hive's ${valueAt(hive, diff)}`);
          if (direct) {
            const alone = await post(direct.url, s, await credential(s));
            const d = firstDifference(ours, alone);
            if (d) throw new Error(`${what}: the gateway and ${direct.name} directly answer differently at ${d}: ${valueAt(ours, d)} vs ${valueAt(alone, d)}`);
          }
        }
        if (refused) {
          console.log(`${op.title}, clients ask ${mode}: not measured: ${refused}`);
          unmeasured.push(`${op.title} (${mode}): ${refused}`);
          continue;
        }
        console.log(`${op.title}, clients ask ${mode} …`);
        const measured = await measureAll(
          [
            { name: 'ours', url: gateways.ours },
            ...(hiveRefused ? [] : [{ name: 'hive', url: gateways.hive }]),
            ...(direct ? [{ name: 'direct', url: direct.url, extraHeaders: credential }] : []),
          ],
          sent,
        );
        if (hiveRefused) unmeasured.push(`${op.title} (${mode}), Hive Gateway: ${hiveRefused}`);
        const row: ResultRow = { operation: op.title, mode, ours: measured.get('ours')!, hive: measured.get('hive') };
        if (direct) row.direct = { ...measured.get('direct')!, subgraph: direct.name };
        const said = (m: Measured) => `${m.requestsPerSecond.toFixed(1)} req/s, p95 ${m.p95.toFixed(0)} ms${m.failed ? `, ${m.failed} failed` : ''}`;
        console.log(`  ours ${said(row.ours)}; Hive ${row.hive ? said(row.hive) : 'not measured'}${row.direct ? `; ${direct!.name} directly ${said(row.direct)}` : ''}`);
        rows.push(row);
      }
    }

    const subgraphPeaks = Object.fromEntries(stack.map((s) => [s.name, peaks[s.name] ?? 0]));
    const targetsMet = checkTargets(rows, { gatewayWorkers: peaks.gateway ?? 0, subgraphs: subgraphPeaks }, 'city overview');
    const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
    const rssLineOf = (figures: Record<string, number>) =>
      [...stack.map((s) => s.name), 'gateway', 'hive'].map((n) => `${n === 'gateway' ? 'our gateway' : n === 'hive' ? 'Hive Gateway' : n} ${mb(figures[n] ?? 0)}`).join(', ');
    const rssLine = rssLineOf(peaks);
    const table = resultsTable(rows);
    if (unmeasured.length) console.log(`\nNot measured:\n${unmeasured.map((u) => `- ${u}`).join('\n')}`);
    console.log(`\n${table}\n\nPeak RSS under load (VmHWM, the highest of any run): ${rssLine}\nRSS at rest: ${rssLineOf(atRest)}\n\nTargets:\n${targetsList(targetsMet)}`);

    const heading = `## ${onMysql ? 'MariaDB' : 'SQLite'}`;
    const section = [
      `Run ${started.toISOString().replace(/\.\d+Z$/, 'Z')}, ${await databaseLine(ask)}.`,
      '',
      `- Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB memory, Node ${process.version}, ${os.type()} ${os.release()}. ` +
        `The cores are shared with other work: load average ${loadAtStart.map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the start, so compare the ratios, not the absolute figures.`,
      `- Data set: ${sizesLine(sizes)}.`,
      `- Command: \`${commandLine()}\``,
      `- Every process as in production: the code npm run build makes, run by plain node, with the image's NODE_OPTIONS (Dockerfile) and the V8 heap Node gives itself in its Deployment's container (deploy/k8s limits.memory; Hive Gateway as our gateway): ${heapLine}.`,
      `- ${clients} clients at once for ${seconds} s per operation and target, one gateway worker each (GATEWAY_WORKERS=${workers}); our gateway with its defaults (in-flight deduplication on) and its per-caller rate limit off; Hive Gateway with its defaults. ` +
        `"the same": every client sends the same request (one caller, one division); "different": each client is its own caller and, as far as there are enough, asks its own division, cadre or department, so no two clients' subgraph fetches are identical.`,
      '- SQL per request: the statements the subgraphs sent (their subgraph_request_sql_statements) over the requests answered; subgraph requests per request below the number of subgraphs asked means fetches were shared.',
      '',
      table,
      '',
      `Peak RSS under load (VmHWM, reset before each run; the highest of any run): ${rssLine}.`,
      '',
      `RSS at rest (VmRSS once started, before the first request): ${rssLineOf(atRest)}.`,
      ...(unmeasured.length ? ['', 'Not measured (the answer asked before the run had errors):', '', ...unmeasured.map((u) => `- ${u}`)] : []),
      '',
      'Targets of issue 13 checked in this run:',
      '',
      targetsList(targetsMet),
    ].join('\n');
    const existing = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# npm run bench: results\n\nWritten by bench/run.ts, one section per database (a run replaces its own).\n';
    writeFileSync(resultsFile, replaceSection(existing, heading, section));
    console.log(`\nWritten to ${path.relative(root, resultsFile)} (${heading.slice(3)}).`);
  } finally {
    await stop();
  }
}

function uniqueSent(sent: Sent[]): Sent[] {
  const seen = new Map<string, Sent>();
  for (const s of sent) seen.set(`${s.token}\n${s.body}`, s);
  return [...seen.values()];
}

type Ask = (query: string, variables?: Record<string, unknown>) => Promise<any>;

/** Up to `n` of `list`, spread over it (every k-th), so that clients ask different parts of the city. */
function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]);
}

async function findTargets(ask: Ask): Promise<Targets> {
  const data = await ask(`{
    city: divisions(level: CITY, first: 1) { nodes { code } }
    districts: divisions(level: DISTRICT, first: 100) { nodes { code } }
    townships: divisions(level: TOWNSHIP, first: 500) { nodes { code } }
    departments(first: 500) { nodes { id cadres(first: 1) { totalCount } } }
  }`);
  const codes = (c: { nodes: { code: string }[] }) => c.nodes.map((n) => n.code);
  const city = codes(data.city)[0];
  const districts = codes(data.districts);
  if (!city || districts.length === 0) {
    throw new Error('The data set is empty: seed it first (npm run seed, or DEMO_DATA=true DEMO_SCALE=4 npm run bench to seed an empty one as npm start does)');
  }
  const departments: string[] = data.departments.nodes.filter((d: any) => d.cadres.totalCount > 0).map((d: any) => d.id);
  // Cadres with links of their own (a page with something on it), from departments across the city.
  const cadres: string[] = [];
  for (const department of spread(departments, 40)) {
    const page = await ask(`query($d: ID!) { cadres(departmentId: $d, first: 20) { nodes { id liaisons { role } } } }`, { d: department });
    const linked = page.cadres.nodes.find((c: any) => c.liaisons.length > 0);
    if (linked) cadres.push(linked.id);
    if (cadres.length >= clients) break;
  }
  if (cadres.length === 0) throw new Error('No cadre in the data set has a liaison: is it seeded?');
  return { city, districts, townships: spread(codes(data.townships), clients), cadres, departments: spread(departments, clients) };
}

/** Rows counted in each subgraph's database (its own tables: the sizes npm run seed reports). */
async function dataSetSizes(): Promise<Record<string, number>> {
  const counts: [string, string, string][] = [
    ['villages and communities', 'places', "SELECT COUNT(*) AS n FROM division WHERE level IN ('VILLAGE', 'COMMUNITY')"],
    ['cadres', 'people', 'SELECT COUNT(*) AS n FROM cadre'],
    ['households', 'people', 'SELECT COUNT(*) AS n FROM household'],
    ['visits', 'people', 'SELECT COUNT(*) AS n FROM visit'],
    ['issues', 'issues', 'SELECT COUNT(*) AS n FROM issue'],
    ['enterprises', 'enterprises', 'SELECT COUNT(*) AS n FROM enterprise'],
    ['projects', 'enterprises', 'SELECT COUNT(*) AS n FROM project'],
  ];
  const out: Record<string, number> = {};
  for (const [what, subgraph, sql] of counts) {
    const url = process.env[`${settingPrefix(subgraph)}_DB_URL`];
    const ds = new DataSource(url ? { type: 'mysql', url } : { type: 'better-sqlite3', database: path.join(dataDir, `${subgraph}.sqlite`), readonly: true });
    await ds.initialize();
    try {
      out[what] = Number((await ds.query(sql))[0].n);
    } finally {
      await ds.destroy();
    }
  }
  return out;
}
const sizesLine = (sizes: Record<string, number>) => Object.entries(sizes).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ');

async function databaseLine(ask: Ask): Promise<string> {
  void ask;
  if (!onMysql) return `SQLite (better-sqlite3) in ${path.relative(root, dataDir) || '.'}`;
  const hosts = [...new Set(dbUrls.filter(Boolean).map((u) => new URL(u!).host))].join(', ');
  let version = '';
  try {
    const mysql = await import('mysql2/promise');
    const conn = await mysql.createConnection(dbUrls.find(Boolean)!);
    const [rows] = await conn.query('SELECT VERSION() AS v');
    version = ` ${(rows as { v: string }[])[0].v}`;
    await conn.end();
  } catch {
    // the version is a detail of the report, not worth failing over
  }
  return `MariaDB/MySQL${version} at ${hosts}`;
}

/** The command as run: the settings that change what is measured, then npm run bench (passwords left out). */
function commandLine(): string {
  const names = ['DATA_DIR', ...subgraphEntries().map((e) => `${settingPrefix(e.name)}_DB_URL`), 'BENCH_SECONDS', 'BENCH_ROUNDS', 'BENCH_CLIENTS', 'BENCH_OPERATIONS', 'GATEWAY_WORKERS', 'DEMO_DATA', 'DEMO_SCALE', 'DEMO_SEED'];
  const set = names
    .filter((n) => process.env[n])
    .map((n) => {
      let v = process.env[n]!;
      if (n.endsWith('_DB_URL')) {
        const u = new URL(v);
        if (u.password) u.password = '***';
        v = u.toString();
      }
      return `${n}=${/[\s,]/.test(v) ? `'${v}'` : v}`;
    });
  return [...set, 'npm run bench'].join(' ');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    // fetch's own message ("fetch failed") says nothing: its cause does.
    console.error(e instanceof Error ? `${e.message}${e.cause ? ` (${e.cause instanceof Error ? e.cause.message : String(e.cause)})` : ''}` : e);
    process.exit(1);
  },
);
