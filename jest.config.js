// ts-jest in ESM mode: the project is "type": "module" because @actions/* v3 ship only ESM.
// Type checking is tsc's job (npm run typecheck); here ts-jest only transpiles (isolatedModules).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  setupFiles: ['<rootDir>/jest.setup.js'],
  // A ceiling, not a speed target (those are npm run bench's): a test ends as soon as it is done, and
  // on a loaded machine one that starts node processes can take minutes.
  testTimeout: 120_000,
};
