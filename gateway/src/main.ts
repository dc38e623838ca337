import cluster from 'node:cluster';
import { answerClusterScrapes, createLogger, loadTrust, reportProgress, startMetrics, startTracing, stopOnSignals } from '@cadres/kit';
import { loadGatewayConfig } from './config';
import { createGateway } from './server';

const log = createLogger('gateway');

/** With GATEWAY_WORKERS > 1 the primary only forks workers and passes signals on. */
function runPrimary(workers: number) {
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  const served = new Set<number>();
  cluster.on('listening', (worker) => {
    served.add(worker.id);
    reportProgress('listening', served.size, workers);
  });
  cluster.on('exit', (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    if (!served.has(worker.id)) {
      // It never served: a new one would fail the same way (port taken, bad config).
      log.fatal({ pid: worker.process.pid, code }, 'gateway worker failed to start; stopping');
      stop('SIGTERM');
      process.exitCode = 1;
      return;
    }
    log.error({ pid: worker.process.pid, code }, 'gateway worker died; starting another');
    setTimeout(() => stopping || cluster.fork(), 1000);
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

async function main() {
  // For npm start's supervisor (a no-op in a cluster worker and when run alone).
  reportProgress('starting');
  const config = loadGatewayConfig();
  log.level = config.logLevel;
  const host = process.env.HOST ?? '127.0.0.1';
  if (config.workers > 1 && cluster.isPrimary) {
    // The primary answers /metrics for all its workers (prom-client asks each over IPC and adds up).
    await startMetrics(config.metricsPort, host, log, { cluster: true });
    return runPrimary(config.workers);
  }
  // Before the gateway is built: Apollo's spans need the provider registered.
  const tracing = config.otlpEndpoint ? startTracing({ service: 'gateway', endpoint: config.otlpEndpoint }) : undefined;
  const gateway = await createGateway({
    supergraphPath: config.supergraphPath,
    subgraphUrls: config.subgraphUrls,
    trust: await loadTrust(config.keys, 'gateway'),
    log,
    maxSockets: config.maxSockets,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    breakerFailures: config.breakerFailures,
    breakerCooldownMs: config.breakerCooldownMs,
    deduplicate: config.deduplicate,
    limits: config.limits,
    http: config.http,
    rateLimit: config.rateLimit,
    corsOrigins: config.corsOrigins,
  });
  await gateway.listen(config.port, host);
  // Workers do not serve it: they share the primary's ports, so a scrape would reach one at random.
  if (cluster.isWorker) answerClusterScrapes();
  const metrics = cluster.isWorker ? undefined : await startMetrics(config.metricsPort, host, log);
  reportProgress('listening');
  stopOnSignals(log, async () => {
    await metrics?.close();
    await gateway.stop();
    await tracing?.stop();
  });
}

main().catch((e: unknown) => {
  log.fatal({ err: e }, e instanceof Error ? e.message : String(e));
  process.exit(1);
});
