// Hive Gateway as a process of its own, for npm run bench: test/support/hive-gateway.ts (the
// committed supergraph, the caller's token forwarded, each subgraph request's x-service-credential
// signed as the gateway's) configured from the environment our gateway reads (GATEWAY_PORT, HOST,
// GATEWAY_WORKERS, SUPERGRAPH_PATH, <NAME>_URL, the key settings), so that both run alike.
import cluster from 'node:cluster';
import { createLogger, loadTrust, reportProgress, subgraphEntries } from '@cadres/kit';
import { loadGatewayConfig } from '../gateway/src/config';
import { startHiveGateway } from '../test/support/hive-gateway';

const log = createLogger('hive-gateway');

async function main() {
  reportProgress('starting');
  const config = loadGatewayConfig();
  if (config.workers > 1 && cluster.isPrimary) {
    // As our gateway's primary: it forks the workers that share the port and passes signals on.
    const served = new Set<number>();
    cluster.on('listening', (worker) => {
      served.add(worker.id);
      reportProgress('listening', served.size, config.workers);
    });
    cluster.on('exit', (worker, code) => {
      if (!served.has(worker.id)) process.exit(code ?? 1);
    });
    for (let i = 0; i < config.workers; i++) cluster.fork();
    const stop = (signal: NodeJS.Signals) => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      process.exit(0);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    return;
  }
  // Every subgraph at its <NAME>_URL; the bench sets them all (no supergraph URL is assumed).
  const subgraphUrls = Object.fromEntries(
    subgraphEntries().map(({ name }) => {
      const url = config.subgraphUrls[name];
      if (!url) throw new Error(`Hive Gateway needs ${name.toUpperCase()}_URL`);
      return [name, url];
    }),
  );
  const gateway = await startHiveGateway({
    supergraphPath: config.supergraphPath,
    subgraphUrls,
    trust: await loadTrust(config.keys, 'gateway'),
    port: config.port,
    host: process.env.HOST ?? '127.0.0.1',
  });
  reportProgress('listening');
  const stop = () => void gateway.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  log.fatal({ err: e }, e instanceof Error ? e.message : String(e));
  process.exit(1);
});
