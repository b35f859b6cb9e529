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
  // Both cores of the project's machines (and of GitHub's smallest runners): test files share no
  // port (every server binds port 0), no file (temp folders, a run folder each) and no variable.
  maxWorkers: 2,
  // A ceiling, not a speed target (those are npm run bench's): a test ends as soon as it is done, and
  // on a loaded machine one that starts node processes can take a minute.
  testTimeout: 120_000,
  // Says which checks skip without ../shared/odahu-api, or fails the run when CI=true.
  globalSetup: '<rootDir>/__tests__/helpers/odahu-api-check.js',
  // `npm test -- --coverage` (CI runs it): how much of src/ the tests run in their own process (the
  // actions' sources, the runner, the emulator), with a floor for every folder. The entry points
  // (index.ts: `await run()` and the like) run only as the bundles' and tools' processes, which are
  // not measured.
  collectCoverageFrom: ['src/**/*.ts', '!src/*/index.ts'],
  coverageProvider: 'v8',
  coverageReporters: ['text-summary', 'json-summary'],
  // A folder is its files together; the shared basics (src/shared/*.ts) each on its own.
  coverageThreshold: {
    './src/shared/*.ts': { statements: 85, branches: 65, functions: 100, lines: 85 },
    './src/shared/odahu/': { statements: 97, branches: 90, functions: 98, lines: 97 },
    './src/shared/action/': { statements: 95, branches: 85, functions: 97, lines: 95 },
    './src/shared/github/': { statements: 96, branches: 86, functions: 98, lines: 96 },
    './src/apply/': { statements: 94, branches: 87, functions: 98, lines: 94 },
    './src/batch/': { statements: 98, branches: 93, functions: 98, lines: 98 },
    './src/connection/': { statements: 90, branches: 71, functions: 98, lines: 90 },
    './src/deploy/': { statements: 95, branches: 85, functions: 92, lines: 95 },
    './src/package/': { statements: 89, branches: 86, functions: 98, lines: 89 },
    './src/pipeline/': { statements: 98, branches: 94, functions: 98, lines: 98 },
    './src/predict/': { statements: 91, branches: 78, functions: 98, lines: 91 },
    './src/train/': { statements: 98, branches: 98, functions: 98, lines: 98 },
    './src/wait/': { statements: 98, branches: 91, functions: 98, lines: 98 },
    './src/emulator/': { statements: 91, branches: 88, functions: 95, lines: 91 },
    './src/workflow/': { statements: 95, branches: 85, functions: 96, lines: 95 },
    './src/demo/': { statements: 84, branches: 54, functions: 73, lines: 84 },
  },
};
