// ts-jest in ESM mode: the project is "type": "module" because @actions/* v3 ship only ESM.
// Type checking is tsc's job (npm run typecheck); here ts-jest only transpiles (isolatedModules).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // @actions/workflow-parser's schemas, read without the JSON import Jest warns about.
    '^\\.\\./((?:workflow|action)-v1\\.0\\.min)\\.json$': '<rootDir>/__tests__/helpers/parser-schemas/$1.js',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  setupFiles: ['<rootDir>/jest.setup.js'],
  // A ceiling, not a speed target (those are npm run bench's): a test ends as soon as it is done, and
  // on a loaded machine one that starts node processes can take minutes.
  testTimeout: 120_000,
  // Says which checks skip without ../shared/odahu-api, or fails the run when CI=true.
  globalSetup: '<rootDir>/__tests__/helpers/odahu-api-check.js',
  // `npm test -- --coverage` (CI runs it): how much of src/ the in-process tests run, with a floor
  // for src/shared. The bundles' child processes are not measured; the sources' unit tests are.
  collectCoverageFrom: ['src/**/*.ts'],
  coverageProvider: 'v8',
  coverageReporters: ['text-summary', 'json-summary'],
  coverageThreshold: {
    './src/shared/': { statements: 88, branches: 80, functions: 85, lines: 88 },
  },
};
