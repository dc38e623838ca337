import { parseConfig, subgraphEnv } from './config';

describe('config', () => {
  it('applies defaults', () => {
    expect(parseConfig(subgraphEnv('places', 4001), {})).toEqual({
      dataDir: './data',
      authSecret: undefined,
      logLevel: 'info',
      dbUrl: undefined,
      port: 4001,
      peers: {
        places: 'http://127.0.0.1:4001/graphql',
        people: 'http://127.0.0.1:4002/graphql',
        enterprises: 'http://127.0.0.1:4003/graphql',
        issues: 'http://127.0.0.1:4004/graphql',
      },
      demo: null,
    });
  });

  it('reads a MySQL URL, a port and demo settings', () => {
    const config = parseConfig(subgraphEnv('people', 4002), {
      PEOPLE_DB_URL: 'mysql://root@127.0.0.1:3306/people',
      PEOPLE_PORT: '5002',
      DEMO_DATA: 'true',
      DEMO_SCALE: '2',
    });
    expect([config.dbUrl, config.port, config.demo]).toEqual(['mysql://root@127.0.0.1:3306/people', 5002, { seed: 2023, scale: 2 }]);
  });

  it('stops with a message naming each bad variable', () => {
    expect(() =>
      parseConfig(subgraphEnv('places', 4001), { PLACES_DB_URL: 'postgres://x/y', PLACES_PORT: 'eighty', AUTH_SECRET: 'short' }),
    ).toThrow(/AUTH_SECRET: expected at least 32 characters[\s\S]*PLACES_DB_URL: expected mysql:\/\/[\s\S]*PLACES_PORT/);
  });
});
