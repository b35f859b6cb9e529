// The parked-phase loop on the local runner, with no GitHub: the examples wine-park.yml, wine-resume.yml
// and wine-continue.yml in a repository of their own, each run through the runner's command line (in
// this process, the odahu steps from their sources, on a test emulator whose clock is held: the
// training takes no wall time). The runner plays the GitHub API the steps call and keeps it between
// runs of the workspace (.tmp/runs/github/); --event schedule ticks resume; the continuation resume
// dispatches runs when the resume run ends, or not with --no-dispatch.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import { clusterFlags, otherRepository } from './helpers/other-repository.js';
import { ROOT } from './helpers/run-action.js';
import { runToolInProcess, runWorkflowInProcess, stepLines } from './helpers/workflow-cli.js';
import type { GitHubRecordsState } from '../src/workflow/github-records.js';
import { gitHubStateFile } from '../src/workflow/github-service.js';
import { runsFolder } from '../src/workflow/run-workflow.js';
import { passTime as passEmulatorTime } from '../src/emulator/held-time.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator, apiClient } = await import('./helpers/emulator.js');
const { inProcessStages } = await import('./helpers/in-process.js');

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ trainingSeconds: 600 });
  // The connections examples/odahu's training names (wine.yml's connection steps make them).
  const client = apiClient(emulator);
  await client.connections.create({
    id: 'odahu-flow-examples',
    spec: { type: 'git', uri: 'git@github.com:odahu/odahu-examples.git', reference: 'develop' },
  });
  await client.connections.create({
    id: 'wine',
    spec: { type: 'gcs', uri: 'gs://wine/data/wine-quality.csv', region: 'wine-project', keySecret: 'e30=' },
  });
  emulator.clock.hold();
});

afterAll(async () => {
  emulator.clock.release();
  await emulator.close();
});

/** The emulator's time moves on by `ms`, its steps run in order (the gap between two ticks). */
const passTime = (ms: number) => passEmulatorTime(emulator, ms);

const example = (name: string) => readFileSync(join(ROOT, 'examples', name), 'utf8');

function wineRepository() {
  const files: Record<string, string> = {};
  for (const name of ['wine-resume.yml', 'wine-continue.yml'])
    files[`.github/workflows/${name}`] = example(`workflows/${name}`);
  for (const name of ['training.odahuflow.yaml', 'packaging.odahuflow.yaml', 'deployment.odahuflow.yaml'])
    files[`examples/odahu/${name}`] = example(`odahu/${name}`);
  files['examples/odahu/wine-request.json'] = example('odahu/wine-request.json');
  return otherRepository(example('workflows/wine-park.yml'), files);
}

const run = (args: string[]) =>
  runWorkflowInProcess([...args, ...clusterFlags(emulator)], { stages: inProcessStages({ emulator }) });

test('park, tick while it trains, tick when it ended: the check completes and the continuation packages, deploys and predicts', async () => {
  const repository = wineRepository();
  const resumeFile = join(repository.dir, '.github', 'workflows', 'wine-resume.yml');
  const state = () =>
    JSON.parse(
      readFileSync(gitHubStateFile(runsFolder(repository.dir, ROOT), repository.dir), 'utf8'),
    ) as GitHubRecordsState;

  const parked = await run([repository.file, '--workspace', repository.dir]);
  expect(parked.stderr).toBe('');
  expect(parked.code).toBe(0);
  expect(parked.stdout).toContain('training wine is parked');
  expect(state().refs.map(([name]) => name)).toEqual(['refs/odahu/parked/training/wine']);
  expect(state().checkRuns).toMatchObject([{ name: 'odahu training wine', status: 'in_progress' }]);
  // The parking run has ended: GitHub says so to resume.
  expect(state().runs.map(([, status]) => status)).toEqual(['completed']);

  await passTime(5 * 60_000);
  const early = await run([resumeFile, '--workspace', repository.dir, '--event', 'schedule']);
  expect(early.code).toBe(0);
  expect(early.stdout).toContain('  training/wine: running, parked 5m ago.');
  expect(early.stdout).toContain('  resumed: []');
  expect(state().refs).toHaveLength(1);
  expect(state().dispatches).toEqual([]);

  await passTime(10 * 60_000);
  const done = await run([resumeFile, '--workspace', repository.dir, '--event', 'schedule']);
  expect(done.stderr).toBe('');
  expect(done.stdout).toContain('dispatched   wine-continue.yml: running it now, on the same cluster');
  expect(state().refs).toEqual([]);
  expect(state().checkRuns).toMatchObject([{ status: 'completed', conclusion: 'success' }]);
  expect(state().dispatches).toMatchObject([
    { workflow: 'wine-continue.yml', inputs: { 'training-id': 'wine', state: 'succeeded', model: 'wine' } },
  ]);
  expect(stepLines(done, 'Predict')).toContainEqual(
    expect.stringMatching(/^ {2}Prediction: \{"prediction":\[/),
  );
  expect(done.code).toBe(0);
});

test('--no-dispatch: the continuation is dispatched on the local GitHub but not run', async () => {
  const repository = wineRepository();
  const resumeFile = join(repository.dir, '.github', 'workflows', 'wine-resume.yml');
  expect((await run([repository.file, '--workspace', repository.dir])).code).toBe(0);
  await passTime(10 * 60_000);
  const done = await run([resumeFile, '--workspace', repository.dir, '--event', 'schedule', '--no-dispatch']);
  expect(done.code).toBe(0);
  expect(done.stdout).toContain('dispatched   wine-continue.yml (not run: --no-dispatch;');
  expect(done.stdout).not.toContain('Package');
  expect(existsSync(gitHubStateFile(runsFolder(repository.dir, ROOT), repository.dir))).toBe(true);
});

test('npm run demo -- park: parked, two ticks while it trains, then the check completes and the continuation predicts', async () => {
  const demo = await runToolInProcess('demo', ['park'], { stages: inProcessStages() });
  expect(demo.stderr).toBe('');
  expect(demo.lines.filter((line) => line.startsWith('── '))).toEqual([
    '── 1. examples/workflows/wine-park.yml: a 15-minute training is started and parked; the run ends',
    '── 2. 5 minutes on, examples/workflows/wine-resume.yml (schedule): no runner held while it trains',
    '── 2. 10 minutes on, examples/workflows/wine-resume.yml (schedule): no runner held while it trains',
    '── 3. 15 minutes on, examples/workflows/wine-resume.yml (schedule): the training ended; its check completes and examples/workflows/wine-continue.yml is dispatched',
  ]);
  expect(demo.lines).toContainEqual(expect.stringMatching(/^ {2}training\/wine: running, parked /));
  expect(demo.stdout).toContain('dispatched   wine-continue.yml: running it now, on the same cluster');
  expect(demo.lines).toContainEqual(expect.stringMatching(/^ {2}prediction {3}\{"prediction":\[/));
  expect(demo.lines).toContainEqual(
    expect.stringMatching(/^ {2}job summary {2}\.tmp\/runs\/\d+\/summary\.md$/),
  );
  expect(demo.code).toBe(0);
});
