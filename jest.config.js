// One `npx jest` runs every suite; `npx jest --selectProjects unit` (or api, faults, e2e) runs one.
const fs = require('node:fs')
const path = require('node:path')

// TypeScript through SWC: no type checking here (that is `npm run typecheck`), just fast transpiling.
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
      module: { type: 'commonjs' },
    },
  ],
}
// Jest runs CommonJS; these dependencies ship ESM only, so they are transpiled like our own code.
const ESM_ONLY = ['kdbush', 'geokdbush', 'tinyqueue', 'jose']
const transformIgnorePatterns = [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`]

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns,
  moduleNameMapper: { '^@carecircle/shared$': '<rootDir>/shared/src/index.ts' },
  testPathIgnorePatterns: ['/node_modules/', '/miniapp/dist/'],
}

const projects = [
  {
    ...common,
    displayName: 'unit',
    testMatch: ['<rootDir>/server/src/**/*.test.ts', '<rootDir>/shared/src/**/*.test.ts', '<rootDir>/test/tools/**/*.test.ts'],
  },
  // Real MariaDB: each test file gets its own freshly migrated and seeded database.
  { ...common, displayName: 'api', testMatch: ['<rootDir>/test/api/**/*.test.ts'] },
  { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.test.ts'] },
  // Chromium against the built H5 mini-program: a page takes seconds, not milliseconds.
  {
    ...common,
    displayName: 'e2e',
    testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    setupFilesAfterEnv: ['<rootDir>/test/helpers/e2e-timeout.ts'],
  },
  // WeChat's offline upload checks on the weapp build (npm test builds it first).
  { ...common, displayName: 'weapp', testMatch: ['<rootDir>/test/weapp/**/*.test.ts'], testTimeout: 120_000 },
]

// The mini-program's own component tests (jsdom), once it has them.
const miniappConfig = path.join(__dirname, 'miniapp', 'jest.config.js')
if (fs.existsSync(miniappConfig)) projects.push(miniappConfig)

module.exports = {
  projects,
  // Jest reads testTimeout only from the global config; e2e raises it in its setup file.
  testTimeout: 30_000,
  // The suites wait on MariaDB and Chromium more than on the CPU: two workers keep two cores busy.
  maxWorkers: 2,
}
