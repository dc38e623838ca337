import path from 'node:path';
import { parseConfig, subgraphEnv } from './config';
import { subgraphEntries } from './registry';

const registered = subgraphEntries().map((e) => e.name).join(', ');

describe('config', () => {
  it('applies defaults: the port and every peer URL from the registry', () => {
    const { peers, ...rest } = parseConfig(subgraphEnv('places'), {});
    expect(rest).toEqual({
      dataDir: './data',
      dbPoolSize: 20,
      shareReads: true,
      keys: {
        issuer: 'cadres-dev',
        audience: 'cadres',
        tokenKeys: path.join('data', 'keys', 'token-issuer.jwks.json'),
        serviceKeyFile: path.join('data', 'keys', 'services', 'places.jwk'),
        serviceKeys: path.join('data', 'keys', 'services.jwks.json'),
      },
      limits: { depth: 13, aliases: 60, directives: 50, tokens: 20_000, cost: 1_000_000 },
      logLevel: 'info',
      dbUrl: undefined,
      port: 4001,
      metricsPort: 9401,
      otlpEndpoint: undefined,
      demo: null,
    });
    // Metrics on a port of their own (or none), traces only when an endpoint is given.
    expect(parseConfig(subgraphEnv('places'), { METRICS_PORT: 'off', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318' })).toMatchObject({
      metricsPort: null,
      otlpEndpoint: 'http://otel:4318',
    });
    expect(() => parseConfig(subgraphEnv('places'), { METRICS_PORT: 'on' })).toThrow(/METRICS_PORT/);
    // The gateway's settings, raised, raise a subgraph's with them.
    expect(parseConfig(subgraphEnv('places'), { MAX_QUERY_DEPTH: '20', MAX_QUERY_COST: '5000000' }).limits).toEqual({
      depth: 21, aliases: 60, directives: 50, tokens: 20_000, cost: 5_000_000,
    });
    expect(peers).toMatchObject({
      places: 'http://127.0.0.1:4001/graphql',
      people: 'http://127.0.0.1:4002/graphql',
      enterprises: 'http://127.0.0.1:4003/graphql',
      issues: 'http://127.0.0.1:4004/graphql',
    });
    expect(Object.keys(peers).join(', ')).toBe(registered);
  });

  it('reads a MySQL URL, a port, a peer URL and demo settings', () => {
    const config = parseConfig(subgraphEnv('people'), {
      PEOPLE_DB_URL: 'mysql://root@127.0.0.1:3306/people',
      PEOPLE_PORT: '5002',
      PLACES_URL: 'http://places.internal:4001/graphql',
      DEMO_DATA: 'true',
      DEMO_SCALE: '2',
      DB_POOL_SIZE: '32',
    });
    expect([config.dbUrl, config.dbPoolSize, config.port, config.peers.places, config.demo]).toEqual([
      'mysql://root@127.0.0.1:3306/people',
      32,
      5002,
      'http://places.internal:4001/graphql',
      { seed: 2023, scale: 2 },
    ]);
  });

  it('stops with a message naming each bad variable', () => {
    expect(() =>
      parseConfig(subgraphEnv('places'), { PLACES_DB_URL: 'postgres://x/y', PLACES_PORT: 'eighty', AUTH_SECRET: 'short' }),
    ).toThrow(/AUTH_SECRET: is no longer read: tokens are verified with public keys[\s\S]*PLACES_DB_URL: expected mysql:\/\/[\s\S]*PLACES_PORT/);
  });

  it('refuses the URL of a subgraph nobody registered, with the other bad values', () => {
    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(subgraphEnv('people'), env);
        return [];
      } catch (e) {
        return (e as Error).message.split('\n').slice(1).map((l) => l.trim());
      }
    };
    expect(problems({ NOSUCH_URL: 'http://127.0.0.1:4005/graphql', NOSUCH_DB_URL: 'mysql://root@db/nosuch', PEOPLE_PORT: 'x' })).toEqual([
      expect.stringMatching(/^PEOPLE_PORT: /),
      `NOSUCH_URL: no subgraph is named nosuch (subgraphs/registry.ts has ${registered})`,
      `NOSUCH_DB_URL: no subgraph is named nosuch (subgraphs/registry.ts has ${registered})`,
    ]);
    // Settings of other programs are not a subgraph's business.
    expect(problems({ TEST_MYSQL_URL: 'mysql://root@127.0.0.1:3306', GITHUB_SERVER_URL: 'https://github.com' })).toEqual([]);
    // Nor are the one-word URLs hosts and CI systems set (a container platform's DATABASE_URL, Jenkins' BUILD_URL).
    expect(problems({ DATABASE_URL: 'postgres://x/y', REDIS_URL: 'redis://x', BUILD_URL: 'https://ci/job/1', JOB_URL: 'https://ci/job' })).toEqual([]);
  });

  it('has no subgraph by another name', () => {
    expect(() => subgraphEnv('nosuch')).toThrow(`No subgraph named nosuch in subgraphs/registry.ts (it has ${registered})`);
  });
});
