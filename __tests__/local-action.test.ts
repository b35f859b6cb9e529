// `npm run local -- <action> <dotenv>`: the action's TypeScript source under @github/local-action,
// with the inputs and settings of a dotenv file, against the emulator.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestEmulator } from './helpers/emulator.js';
import { startTestEmulator } from './helpers/emulator.js';
import { ROOT } from './helpers/run-action.js';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(() => emulator.close());

test('train runs from its source with the documented .env.example, pointed at this emulator', async () => {
  // .env.example with this emulator's address instead of the default port.
  const env = readFileSync(join(ROOT, '.env.example'), 'utf8').replaceAll(
    'http://127.0.0.1:8765',
    emulator.apiUrl,
  );
  const file = join(mkdtempSync(join(tmpdir(), 'local-action-')), '.env');
  writeFileSync(file, env);
  const child = spawn(process.execPath, ['scripts/local-action.js', 'train', file], { cwd: ROOT });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(output).toContain('training quickstart: succeeded');
  expect(output).toMatch(/set-output name=artifact-name::wine-1\.0-[0-9a-f-]+\.zip/);
  expect(code).toBe(0);
}, 90_000);
