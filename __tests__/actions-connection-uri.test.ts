// A connection URI may carry credentials (git over https with a token, user:pass@registry): they are
// secrets, and the job summary shows the URI without them.

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import { emulatorEnv } from './helpers/run-action.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { runInProcess } = await import('./helpers/in-process.js');

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(() => emulator.close());

test('a token in the connection URI never reaches the job summary or the log', async () => {
  const token = 'ghp_ReviewTokenValue1234567890';
  const run = await runInProcess(
    'connection',
    {
      connection: `kind: Connection\nid: uri\nspec:\n  type: git\n  uri: https://ci-bot:${token}@github.com/org/repo.git\n  reference: main`,
    },
    { env: emulatorEnv(emulator), emulator },
  );
  expect(run.failure).toBeUndefined();
  expect([run.summary, ...run.log].join('\n')).not.toContain(token);
});
