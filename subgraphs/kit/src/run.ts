import { ConfigError, parseConfig, subgraphEnv, type SubgraphConfig } from './config';
import { loadTrust } from './keys';
import { createLogger, type Logger } from './logger';
import { startMetrics } from './metrics';
import { startTracing } from './tracing';
import { reportProgress } from './progress';
import { createSubgraph, type SubgraphDefinition } from './subgraph';

/** Kit's settings and the subgraph's own, with every bad value of both in one ConfigError. */
function parseSettings<C>(def: SubgraphDefinition<C>): { env: SubgraphConfig; config: C } {
  const problems: string[] = [];
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(e.message.replace(/^Invalid configuration:\n/, ''));
      return undefined;
    }
  };
  const env = attempt(() => parseConfig(subgraphEnv(def.name)));
  const config = attempt(() => parseConfig(def.settings));
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return { env: env!, config: config as C };
}

/**
 * The whole of every subgraph's main.ts: its settings and kit's (port from the registry,
 * database, peers, demo), database, optional demo data, listen, the started hook, clean stop.
 */
export function runSubgraph<C>(def: SubgraphDefinition<C>): void {
  const log = createLogger(def.name);
  const main = async () => {
    // First thing once the code is loaded: the supervisor hears from the process at once.
    reportProgress('starting');
    const { env, config } = parseSettings(def);
    log.level = env.logLevel;
    const tracing = env.otlpEndpoint ? startTracing({ service: def.name, endpoint: env.otlpEndpoint }) : undefined;
    reportProgress('migrating');
    const subgraph = await createSubgraph(def, {
      dbUrl: env.dbUrl,
      dbPoolSize: env.dbPoolSize,
      shareReads: env.shareReads,
      dataDir: env.dataDir,
      trust: await loadTrust(env.keys, def.name),
      log,
      peers: env.peers,
      limits: env.limits,
      config,
    });
    reportProgress('database ready');
    if (env.demo && def.seed) {
      const started = Date.now();
      // A seed into an empty database then reports its rows (insertInChunks); else it skips.
      reportProgress('checking demo data');
      // Loaded only here: a production subgraph (DEMO_DATA unset) never needs the demo package.
      const { buildDemoWorld } = await import('@cadres/demo');
      if (await subgraph.seed(buildDemoWorld(env.demo))) {
        log.info({ ms: Date.now() - started, ...env.demo }, 'demo data loaded');
      }
    }
    const host = process.env.HOST ?? '127.0.0.1';
    await subgraph.listen(env.port, host);
    const metrics = await startMetrics(env.metricsPort, host, log);
    reportProgress('listening');
    const stopBackground = def.started?.(subgraph);
    stopOnSignals(log, async () => {
      stopBackground?.();
      await metrics?.close();
      await subgraph.stop();
      await tracing?.stop();
    });
  };
  main().catch((e: unknown) => {
    log.fatal({ err: e }, e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}

/** SIGTERM or SIGINT: log, run `stop`, exit 0 (or 1 if stopping failed). */
export function stopOnSignals(log: Logger, stop: () => Promise<void>): void {
  const onSignal = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'stopping');
    stop().then(
      () => process.exit(0),
      (e: unknown) => {
        log.error({ err: e }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
