// The errors a newcomer meets first, each one line that says the fix: the emulator's port already
// taken (--port, or 0 for any), a Node too old for the tools (the version needed, before anything
// else loads), a workflow path with a typo (the nearest workflow file).

import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../src/emulator/server.js';
import { listenProblem } from '../src/emulator/listen-error.js';
// @ts-expect-error: a plain JavaScript module of the scripts, without types
import { nodeProblem } from '../scripts/node-check.js';
import { runWorkflowInProcess } from './helpers/workflow-cli.js';

test("the emulator's port already taken: --port, or --port 0 for any free one", async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const { port } = taken.address() as AddressInfo;
  try {
    const error = await startEmulator({ port }).then(
      async (emulator) => {
        await emulator.close();
        return undefined;
      },
      (thrown: unknown) => thrown,
    );
    expect(listenProblem(error, port, '127.0.0.1')).toBe(
      `port ${port} is in use on 127.0.0.1 (another emulator?): choose another with --port ${port + 1}, or --port 0 for any free one (then point ODAHU_API_URL at the URL it prints)`,
    );
  } finally {
    await new Promise((resolve) => taken.close(resolve));
  }
  expect(listenProblem(Object.assign(new Error('x'), { code: 'ECONNRESET' }), 1)).toBeUndefined();
});

test('a Node older than package.json asks: the version needed, and how to get it', () => {
  const check = nodeProblem as (version: string, wanted: string) => string | undefined;
  expect(check('18.19.0', '>=20.19')).toBe(
    'odahu-actions needs Node 20.19 or later; this is Node 18.19.0. Install a newer one (https://nodejs.org, or `nvm install 24`) and run the command again.',
  );
  expect(check('20.18.3', '>=20.19')).toMatch(
    /^odahu-actions needs Node 20\.19 or later; this is Node 20\.18\.3\./,
  );
  expect(check('20.19.0', '>=20.19')).toBeUndefined();
  expect(check('24.1.0', '>=20.19')).toBeUndefined();
  expect(check(process.versions.node, '>=20.19')).toBeUndefined();
});

test('a workflow path that is not there: the nearest workflow file', async () => {
  const typo = await runWorkflowInProcess(['examples/workflows/wine-canry.yml']);
  expect(typo.code).toBe(2);
  expect(typo.stderr).toBe(
    'workflow: examples/workflows/wine-canry.yml: no such file: did you mean examples/workflows/wine-canary.yml?\n',
  );
  const elsewhere = await runWorkflowInProcess(['wine-jobs.yml']);
  expect(elsewhere.stderr).toBe(
    'workflow: wine-jobs.yml: no such file: did you mean examples/workflows/wine-jobs.yml?\n',
  );
  const folder = await runWorkflowInProcess(['examples/workflows']);
  expect(folder.stderr).toMatch(/^workflow: examples\/workflows: is a folder, not a workflow file/);
});
