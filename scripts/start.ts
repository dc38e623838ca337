// npm start: the four subgraphs, each its own process as in production, then the gateway.
// Each subgraph seeds the shared demo world into its empty embedded database on first start.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { resolveAuthSecret, signToken } from '@cadres/kit';

const root = path.resolve(__dirname, '..');
const dataDir = path.resolve(root, process.env.DATA_DIR ?? 'data');
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
// Ports follow <NAME>_PORT as each subgraph does; the gateway and the peers are told the URLs.
const services = ['places', 'people', 'enterprises', 'issues'].map((name, i) => {
  const port = Number(process.env[`${name.toUpperCase()}_PORT`] ?? 4001 + i);
  return { name, main: `subgraphs/${name}/src/main.ts`, port, url: `http://127.0.0.1:${port}/graphql`, health: `http://127.0.0.1:${port}/health` };
});
const urls = Object.fromEntries(services.map((s) => [`${s.name.toUpperCase()}_URL`, s.url]));

const children: ChildProcess[] = [];
const exited = new Set<ChildProcess>();
let stopping = false;

function run(name: string, main: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, main)], {
    cwd: root,
    env: {
      ...urls,
      ...process.env,
      DATA_DIR: dataDir,
      DEMO_DATA: process.env.DEMO_DATA ?? 'true',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
  }
  child.on('exit', (code, signal) => {
    exited.add(child);
    if (stopping) return;
    console.error(`[${name}] exited (${signal ?? code}); stopping everything`);
    void stop(1);
  });
  children.push(child);
}

async function waitFor(url: string, what: string, seconds = 120) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not become ready at ${url} within ${seconds}s`);
}

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (exited.has(c) ? null : new Promise((r) => c.once('exit', r)))));
  process.exit(code);
}

async function main() {
  const started = Date.now();
  // Made here, once, before the children race to create it.
  const secret = resolveAuthSecret(process.env.AUTH_SECRET, dataDir);
  console.log(`Starting 4 subgraphs (data in ${dataDir}) …`);
  for (const s of services) run(s.name, s.main);
  // The first start seeds the demo world: a larger DEMO_SCALE needs longer.
  const seconds = 120 * Math.max(1, Number(process.env.DEMO_SCALE ?? 1));
  await Promise.all(services.map((s) => waitFor(s.health, `the ${s.name} subgraph`, seconds)));
  run('gateway', 'gateway/src/main.ts');
  await waitFor(`http://127.0.0.1:${gatewayPort}/ready`, 'the gateway');

  const token = await signToken({ sub: 'dev-admin', role: 'ADMIN', scope: null }, secret, '30d');
  const url = `http://127.0.0.1:${gatewayPort}/graphql`;
  console.log(`
Ready in ${((Date.now() - started) / 1000).toFixed(1)}s.

  GraphiQL (browser):  ${url}#token=${token}
  GraphQL endpoint:    ${url}
  Health / readiness:  http://127.0.0.1:${gatewayPort}/health  /ready

ADMIN token (30 days; the GraphiQL link above carries it, or paste it into GraphiQL's token box):
${token}

Try, in another terminal:
  TOKEN=${token}
  curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"query":"{ division(code: \\"370502000000\\") { name children { totalCount } } }"}'

Other roles: npm run token -- --role ANALYST --scope 370502000000
Stop with Ctrl-C.
`);
}

process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));
main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  void stop(1);
});
