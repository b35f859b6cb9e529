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
  testTimeout: 30000,
};
