/** One jest run covers unit, subgraph and end-to-end tests. */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{gateway,subgraphs,demo,test}/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': 'ts-jest',
  },
  // npm run build's output (and the test build under .test-data, the bench's under .bench-build-*)
  // holds copies of every package.json and no tests: jest neither maps nor runs them.
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.test-data/', '<rootDir>/.bench-build-'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/.test-data/', '<rootDir>/.bench-build-'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 60000,
};
