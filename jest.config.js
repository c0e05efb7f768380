/** One Jest run for the whole repository: unit tests beside the code, end-to-end tests in test/. */
const packages = {
  platform: 'services/platform',
  participant: 'services/participant',
  program: 'services/program',
  monitoring: 'services/monitoring',
  gateway: 'gateway',
  analytics: 'workers/analytics',
  infra: 'infra',
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/services', '<rootDir>/gateway', '<rootDir>/workers', '<rootDir>/infra', '<rootDir>/test'],
  testMatch: ['**/src/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.base.json' }] },
  moduleNameMapper: Object.fromEntries(
    Object.entries(packages).map(([name, dir]) => [`^@nastavnik/${name}$`, `<rootDir>/${dir}/src`]),
  ),
  testTimeout: 60000,
};
