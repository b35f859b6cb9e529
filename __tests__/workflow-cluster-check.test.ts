// A given cluster is checked before the first step: an env file pointing at a port nothing listens
// on, or a token endpoint that is not there, fails the run with one line (exit 2, no step started,
// no run folder left), where the steps used to retry for minutes. One request each: a cluster that
// answers is not asked again.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCluster } from '../src/workflow/cluster-check.js';
import { CannotRun } from '../src/workflow/cannot-run.js';
import type { TinyServer } from './helpers/tiny-server.js';
import { startTinyServer } from './helpers/tiny-server.js';
import { runWorkflowInProcess } from './helpers/workflow-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wf-cluster-'));
const WORKFLOW = join(dir, 'wf.yml');
writeFileSync(
  WORKFLOW,
  'on: workflow_dispatch\njobs:\n  one:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo started\n',
);

/** A port nothing listens on: one the system gave, then closed. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let api: TinyServer;
beforeAll(async () => {
  api = await startTinyServer((_, response) => response.writeHead(200).end('{}'));
});
afterAll(() => api.close());

test('an env file pointing at a port nothing listens on: one line, before any step', async () => {
  const port = await deadPort();
  const envFile = join(dir, 'odahu.env');
  writeFileSync(envFile, `ODAHU_API_URL=http://127.0.0.1:${port}\n`);
  const run = await runWorkflowInProcess([WORKFLOW, '--env-file', envFile]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(
    `workflow: the cluster is not there: ODAHU_API_URL http://127.0.0.1:${port} (from --env-file): connection refused: nothing listens there. Check the URL, or leave ODAHU_API_URL out to run on the embedded emulator\n`,
  );
});

test('a token endpoint that is not there, while the API answers: one line naming it', async () => {
  const port = await deadPort();
  const run = await runWorkflowInProcess([
    WORKFLOW,
    '--var',
    `ODAHU_API_URL=${api.url}`,
    '--var',
    `ODAHU_AUTH_URL=http://127.0.0.1:${port}/realms/odahu/protocol/openid-connect/token`,
  ]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(
    /^workflow: the cluster is not there: ODAHU_AUTH_URL http:\/\/127\.0\.0\.1:\d+\/realms\/odahu\/protocol\/openid-connect\/token \(from --var ODAHU_API_URL\): connection refused/,
  );
  expect(api.requests.map((request) => request.url)).toContain('/health');
});

test('a cluster that answers is asked once, and the run goes on', async () => {
  api.requests.length = 0;
  const run = await runWorkflowInProcess([WORKFLOW, '--var', `ODAHU_API_URL=${api.url}`]);
  expect(run.code).toBe(0);
  expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /health']);
});

test('a host that does not resolve, a server that never answers, a URL that is not one', async () => {
  const silent = await startTinyServer(() => undefined);
  try {
    const lines = async (apiUrl: string, timeoutMs = 5_000) => {
      try {
        await checkCluster({ apiUrl, origin: 'the environment', timeoutMs });
        return [];
      } catch (error) {
        if (error instanceof CannotRun) return error.lines;
        throw error;
      }
    };
    expect(await lines('http://odahu.invalid')).toEqual([
      expect.stringContaining(
        'ODAHU_API_URL http://odahu.invalid (from the environment): the host name does not resolve',
      ),
    ]);
    expect(await lines(silent.url, 50)).toEqual([expect.stringContaining(': no answer in 0.05 s.')]);
    expect(await lines('odahu.example.com')).toEqual([
      'ODAHU_API_URL "odahu.example.com" (from the environment) is not an http(s) URL',
    ]);
  } finally {
    await silent.close();
  }
});
