import type { DataSource } from 'typeorm';
import { resolveAuthSecret } from './auth';
import { parseConfig, subgraphEnv } from './config';
import { buildDemoWorld, type DemoWorld } from './demo-world';
import { createLogger, type Logger } from './logger';
import { reportProgress } from './progress';
import { createSubgraph, type Subgraph, type SubgraphDefinition } from './subgraph';

export interface RunOptions {
  defaultPort: number;
  /** Loads the demo world into an empty database; returns whether it wrote anything. */
  seed?: (ds: DataSource, world: DemoWorld) => Promise<boolean>;
  /** Background work of the running subgraph (timers, sweeps); returns how to stop it. */
  onStarted?: (subgraph: Subgraph) => () => void;
}

/** The body of every subgraph's main.ts: config, database, optional demo data, listen, clean stop. */
export function runSubgraph(def: SubgraphDefinition, opts: RunOptions): void {
  const log = createLogger(def.name);
  const main = async () => {
    // First thing once the code is loaded: the supervisor hears from the process at once.
    reportProgress('starting');
    const config = parseConfig(subgraphEnv(def.name, opts.defaultPort));
    log.level = config.logLevel;
    reportProgress('migrating');
    const subgraph = await createSubgraph(def, {
      dbUrl: config.dbUrl,
      dataDir: config.dataDir,
      authSecret: resolveAuthSecret(config.authSecret, config.dataDir),
      log,
      peers: config.peers,
    });
    reportProgress('database ready');
    if (config.demo && opts.seed) {
      const started = Date.now();
      // A seed into an empty database then reports its rows (insertInChunks); else it skips.
      reportProgress('checking demo data');
      if (await opts.seed(subgraph.ds, buildDemoWorld(config.demo))) {
        log.info({ ms: Date.now() - started, ...config.demo }, 'demo data loaded');
      }
    }
    await subgraph.listen(config.port, process.env.HOST ?? '127.0.0.1');
    reportProgress('listening');
    const stopBackground = opts.onStarted?.(subgraph);
    stopOnSignals(log, async () => {
      stopBackground?.();
      await subgraph.stop();
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
