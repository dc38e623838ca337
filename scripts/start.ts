// npm start: every subgraph of subgraphs/registry.ts, each its own process as in production, then the gateway.
// Each subgraph seeds the shared demo world into its empty embedded database on first start.
// scripts/supervisor.ts waits for each while it reports progress, and afterwards restarts one
// that crashes (with a back-off) so that the others keep serving.
import path from 'node:path';
import { devTokenSigner } from '@cadres/kit';
import { nodeProcess, root, subgraphServices, subgraphUrlEnv } from './stack';
import { StartupError, Supervisor } from './supervisor';

const dataDir = path.resolve(root, process.env.DATA_DIR ?? 'data');
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
// Ports follow <NAME>_PORT as each subgraph does (the registry's port otherwise); the gateway
// and the peers are told the URLs.
const services = subgraphServices();
const urls = subgraphUrlEnv(services);

// Start-up fails only when a process says nothing for this long (it reports each stage and
// seeded rows), not after a fixed total: a slow first start that keeps moving is waited for.
const stallSeconds = Number(process.env.START_STALL_SECONDS ?? 120);
if (!(stallSeconds > 0)) {
  console.error(`Invalid configuration:\n  START_STALL_SECONDS: expected a number of seconds above 0, got ${process.env.START_STALL_SECONDS}`);
  process.exit(1);
}

const supervisor = new Supervisor({
  stallMs: stallSeconds * 1000,
  onGiveUp: () => void stop(1),
});

const node = (name: string, main: string, ready: string) =>
  nodeProcess(name, main, ready, {
    ...urls,
    ...process.env,
    DATA_DIR: dataDir,
    DEMO_DATA: process.env.DEMO_DATA ?? 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });

let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  void supervisor.stop().then(() => process.exit(code));
}

async function main() {
  const started = Date.now();
  // The development keys are made here, once, before the children read them.
  const sign = await devTokenSigner(dataDir);
  console.log(`Starting ${services.length} subgraphs (data in ${dataDir}) …`);
  await Promise.all(services.map((s) => supervisor.start(node(s.name, s.main, s.health))));
  await supervisor.start(node('gateway', 'gateway/src/main.ts', `http://127.0.0.1:${gatewayPort}/ready`));

  const token = await sign({ sub: 'dev-admin', role: 'ADMIN', scope: null }, '30d');
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
Stop with Ctrl-C. A process that crashes is restarted.
`);
}

// `on`, not `once`: Ctrl-C reaches us twice (from the terminal and relayed by tsx), and a second
// signal must not kill this process before its children have stopped.
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
main().catch((e: unknown) => {
  if (stopping) return;
  console.error(e instanceof Error ? e.message : e);
  if (e instanceof StartupError && e.kind === 'stalled') {
    console.error(`A slower machine or a larger DEMO_SCALE may need a longer START_STALL_SECONDS (now ${stallSeconds}).`);
  }
  stop(1);
});
