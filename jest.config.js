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
  // not measured. Counted by istanbul on the instrumented sources ('babel'), which costs the suite a
  // third of what V8's coverage does (V8 hands over every script's counts after every test file);
  // istanbul counts more statements and branches (a `??`, a default value), so its figures are lower.
  collectCoverageFrom: ['src/**/*.ts', '!src/*/index.ts'],
  coverageProvider: 'babel',
  coverageReporters: ['text-summary', 'json-summary'],
  // A folder is its files together; the shared basics (src/shared/*.ts) each on its own.
  coverageThreshold: {
    './src/shared/*.ts': { statements: 72, branches: 75, functions: 100, lines: 72 },
    './src/shared/odahu/': { statements: 96, branches: 89, functions: 98, lines: 96 },
    './src/shared/action/': { statements: 90, branches: 81, functions: 95, lines: 92 },
    './src/shared/github/': { statements: 93, branches: 84, functions: 97, lines: 96 },
    './src/shared/evaluation/': { statements: 84, branches: 74, functions: 87, lines: 86 },
    './src/apply/': { statements: 91, branches: 82, functions: 96, lines: 92 },
    './src/batch/': { statements: 98, branches: 92, functions: 98, lines: 98 },
    './src/connection/': { statements: 88, branches: 75, functions: 98, lines: 88 },
    './src/deploy/': { statements: 91, branches: 79, functions: 90, lines: 92 },
    './src/evaluate/': { statements: 90, branches: 70, functions: 98, lines: 89 },
    './src/package/': { statements: 89, branches: 83, functions: 98, lines: 85 },
    './src/pipeline/': { statements: 96, branches: 90, functions: 98, lines: 98 },
    './src/predict/': { statements: 83, branches: 76, functions: 98, lines: 85 },
    './src/report/': { statements: 82, branches: 67, functions: 98, lines: 83 },
    './src/train/': { statements: 98, branches: 98, functions: 98, lines: 98 },
    './src/wait/': { statements: 95, branches: 89, functions: 98, lines: 98 },
    // The tick's paths not yet tested: a check_run event's Cancel button, a phase deleted while parked, a failed list.
    './src/resume/': { statements: 75, branches: 60, functions: 95, lines: 80 },
    './src/emulator/': { statements: 90, branches: 82, functions: 92, lines: 92 },
    './src/workflow/': { statements: 91, branches: 81, functions: 93, lines: 92 },
    './src/demo/': { statements: 68, branches: 35, functions: 61, lines: 76 },
    './src/convert/': { statements: 71, branches: 55, functions: 83, lines: 73 },
  },
};
