/** One jest run covers unit, subgraph and end-to-end tests. */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{gateway,subgraphs,demo,test}/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': 'ts-jest',
  },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 60000,
};
