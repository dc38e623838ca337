import { createLogger, resolveAuthSecret } from '@cadres/kit';
import { loadGatewayConfig } from './config';
import { createGateway } from './server';

const log = createLogger('gateway');

async function main() {
  const config = loadGatewayConfig();
  log.level = config.logLevel;
  const gateway = await createGateway({
    supergraphPath: config.supergraphPath,
    subgraphUrls: config.subgraphUrls,
    authSecret: resolveAuthSecret(config.authSecret, config.dataDir),
    log,
    maxSockets: config.maxSockets,
    maxQueryDepth: config.maxQueryDepth,
  });
  await gateway.listen(config.port, process.env.HOST ?? '127.0.0.1');
  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((e: unknown) => {
  log.fatal({ err: e }, e instanceof Error ? e.message : String(e));
  process.exit(1);
});
