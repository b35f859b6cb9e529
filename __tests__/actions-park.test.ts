// wait: park and the resume action, over real HTTP: the emulator (its clock held: a 10-minute training
// takes no wall time) and the GitHub stand-in (check runs, the records under refs/odahu/parked/,
// dispatches, runs). A parked training that succeeds, fails, is cancelled, runs past its timeout; two
// resume runs at once; a resume that dies between completing the check and dispatching; a dispatch
// GitHub refuses; and the inputs, checked before any call.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import { GITHUB_TOKEN } from './helpers/github-stand-in.js';
import type { GitHubStandIn } from './helpers/github-stand-in.js';
import type { ParkRig } from './helpers/park-rig.js';
import { trainingManifest } from './helpers/run-action.js';

jest.unstable_mockModule('@actions/core', () => core);
const { apiClient } = await import('./helpers/emulator.js');
const { runInProcess, stepInProcess } = await import('./helpers/in-process.js');
const { resume } = await import('../src/resume/run.js');
const { readResumeInputs } = await import('../src/resume/inputs.js');
const { MINUTE, PARK_SHA: SHA, startParkRig } = await import('./helpers/park-rig.js');

let rig: ParkRig;
let emulator: TestEmulator;
let github: GitHubStandIn;

beforeAll(async () => {
  rig = await startParkRig();
  ({ emulator, github } = rig);
  github.addWorkflow('deploy-wine.yml', ['training-id', 'state', 'artifact-name', 'parked-run-id', 'model']);
});

afterAll(() => rig.close());

const runEnv = (runId: string) => rig.runEnv(runId);
const passTime = (ms: number) => rig.passTime(ms);
/** train with wait: park, continued by deploy-wine.yml with model: wine. */
const park = (id: string, hyperParameters: Record<string, string>, inputs: Record<string, string> = {}) =>
  rig.park(id, hyperParameters, {
    'resume-workflow': 'deploy-wine.yml',
    'resume-inputs': 'model: wine',
    ...inputs,
  });
const tick = (inputs: Record<string, string> = {}) => rig.tick(inputs);
const record = (key: string) => rig.record(key);
const checkRun = (name: string) => github.checkRuns.find((run) => run.name === name)!;
const dispatchesOf = (trainingId: string) =>
  github.dispatches.filter((dispatch) => dispatch.inputs['training-id'] === trainingId);

test('a parked training: the step ends at once, resume ticks while it trains, then completes the check and dispatches the continuation once', async () => {
  const parked = await park('park-ok', { 'emulator-seconds': '600' });
  expect(parked.failures).toEqual([]);
  expect(parked.outputs).toMatchObject({ 'training-id': 'park-ok', state: 'parked', 'artifact-name': '' });
  // No wait: the step took no time of the training's ten minutes.
  expect(parked.tookMs).toBeLessThan(5000);
  expect(parked.log.join('\n')).toMatch(/Parked training park-ok: check run "odahu training park-ok"/);
  const check = checkRun('odahu training park-ok');
  expect(check).toMatchObject({
    status: 'in_progress',
    head_sha: SHA,
    external_id: 'training/park-ok',
    details_url: `https://github.com/acme/models/actions/runs/${parked.runId}`,
  });
  expect(check.actions).toEqual([expect.objectContaining({ identifier: 'cancel', label: 'Cancel' })]);
  expect(record('training/park-ok')).toBeDefined();

  await passTime(5 * MINUTE);
  const early = await tick();
  expect(early.failures).toEqual([]);
  expect(JSON.parse(early.outputs.running!)).toEqual([
    expect.objectContaining({ phase: 'training/park-ok', state: 'running' }),
  ]);
  expect(JSON.parse(early.outputs.resumed!)).toEqual([]);
  expect(check.status).toBe('in_progress');
  expect(dispatchesOf('park-ok')).toEqual([]);

  await passTime(6 * MINUTE);
  const done = await tick();
  expect(done.failures).toEqual([]);
  expect(JSON.parse(done.outputs.resumed!)).toEqual([
    {
      phase: 'training/park-ok',
      conclusion: 'success',
      state: 'succeeded',
      dispatched: 'deploy-wine.yml',
      'parked-run-id': parked.runId,
    },
  ]);
  const artifact = (await apiClient(emulator).trainings.get('park-ok')).status!.artifacts!.at(
    -1,
  )!.artifactName;
  expect(dispatchesOf('park-ok')).toEqual([
    {
      workflow: 'deploy-wine.yml',
      ref: 'refs/heads/main',
      inputs: {
        'training-id': 'park-ok',
        state: 'succeeded',
        'artifact-name': artifact,
        'parked-run-id': parked.runId,
        model: 'wine',
      },
    },
  ]);
  expect(check).toMatchObject({ status: 'completed', conclusion: 'success' });
  expect(check.output!.summary).toContain(artifact);
  expect(check.output!.summary).toContain('parked, resumed');
  expect(record('training/park-ok')).toBeUndefined();

  // Nothing is left: the next tick finds nothing to do.
  const after = await tick();
  expect(JSON.parse(after.outputs.resumed!)).toEqual([]);
  expect(dispatchesOf('park-ok')).toHaveLength(1);
});

test('a parked training that fails: its check fails with the reason and the log, nothing is dispatched', async () => {
  await park('park-fails', { 'emulator-seconds': '120', 'emulator-outcome': 'failed' });
  await passTime(3 * MINUTE);
  const run = await tick();
  expect(run.failures).toEqual([]);
  expect(JSON.parse(run.outputs.resumed!)).toEqual([
    expect.objectContaining({
      phase: 'training/park-fails',
      conclusion: 'failure',
      state: 'failed',
      dispatched: '',
    }),
  ]);
  const check = checkRun('odahu training park-fails');
  expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
  expect(check.output!.title).toMatch(/training park-fails failed/);
  expect(check.output!.summary).toMatch(/Log, last lines/);
  expect(dispatchesOf('park-fails')).toEqual([]);
  expect(record('training/park-fails')).toBeUndefined();
});

test('a parked training cancelled through resume: deleted on the cluster, its check cancelled', async () => {
  await park('park-cancel', { 'emulator-seconds': '3600' });
  await passTime(MINUTE);
  const run = await tick({ cancel: 'training/park-cancel' });
  expect(run.failures).toEqual([]);
  expect(JSON.parse(run.outputs.resumed!)).toEqual([
    expect.objectContaining({ phase: 'training/park-cancel', conclusion: 'cancelled' }),
  ]);
  await expect(apiClient(emulator).trainings.get('park-cancel')).rejects.toMatchObject({ status: 404 });
  expect(checkRun('odahu training park-cancel')).toMatchObject({
    status: 'completed',
    conclusion: 'cancelled',
  });
  expect(dispatchesOf('park-cancel')).toEqual([]);
  expect(record('training/park-cancel')).toBeUndefined();
});

test('a parked training past its timeout: its check times out and the training is deleted', async () => {
  await park('park-late', { 'emulator-seconds': '36000' }, { timeout: '10m' });
  await passTime(5 * MINUTE);
  expect(JSON.parse((await tick()).outputs.running!)).toEqual(
    expect.arrayContaining([expect.objectContaining({ phase: 'training/park-late' })]),
  );
  await passTime(6 * MINUTE);
  const run = await tick();
  expect(JSON.parse(run.outputs.resumed!)).toEqual([
    expect.objectContaining({ phase: 'training/park-late', conclusion: 'timed_out' }),
  ]);
  const check = checkRun('odahu training park-late');
  expect(check).toMatchObject({ status: 'completed', conclusion: 'timed_out' });
  expect(check.output!.title).toMatch(/did not finish within 10m/);
  await expect(apiClient(emulator).trainings.get('park-late')).rejects.toMatchObject({ status: 404 });
  expect(record('training/park-late')).toBeUndefined();
});

test('two resume runs at once finish the phase once: the second loses the claim', async () => {
  await park('park-race', { 'emulator-seconds': '60' });
  await passTime(2 * MINUTE);
  const firstClaim = github.hold(/^PATCH .*\/git\/refs\/odahu\/parked\/training\/park-race$/);
  let secondDone: ReturnType<GitHubStandIn['hold']> | undefined;
  const run = await stepInProcess(
    'resume',
    { 'github-token': GITHUB_TOKEN },
    async () => {
      const base = readResumeInputs();
      const ctx = { signal: new AbortController().signal, cancelledAt: undefined };
      const one = resume(ctx, { ...base, runId: '901' });
      await firstClaim.arrived;
      // The first claim is on its way; the other run reads the same record and claims it first.
      secondDone = github.hold(/^DELETE .*\/git\/refs\/odahu\/parked\/training\/park-race$/);
      const two = resume(ctx, { ...base, runId: '902' });
      await secondDone.arrived;
      firstClaim.release();
      await one;
      secondDone.release();
      await two;
    },
    { env: runEnv('900'), emulator },
  );
  expect(run.failures).toEqual([]);
  expect(run.log.join('\n')).toMatch(/training\/park-race: another resume run claimed it first/);
  expect(dispatchesOf('park-race')).toHaveLength(1);
  const completions = checkRun('odahu training park-race').writes.filter((w) => w.status === 'completed');
  expect(completions).toHaveLength(1);
  expect(record('training/park-race')).toBeUndefined();
});

test('a resume run that dies between completing the check and dispatching: the next tick dispatches, once', async () => {
  await park('park-crash', { 'emulator-seconds': '60' });
  await passTime(2 * MINUTE);
  const dispatch = github.hold(/^POST .*\/actions\/workflows\/deploy-wine\.yml\/dispatches$/);
  const controller = new AbortController();
  const runId = rig.nextRunId();
  github.setRun(runId, 'in_progress');
  const dying = runInProcess(
    'resume',
    { 'github-token': GITHUB_TOKEN },
    { env: runEnv(runId), emulator, signal: controller.signal },
  );
  await dispatch.arrived;
  // The runner goes away: the step is cancelled, its dispatch never arrives.
  controller.abort();
  dispatch.drop();
  const died = await dying;
  github.setRun(runId, 'completed');
  expect(died.exitCode).not.toBe(0);
  const check = checkRun('odahu training park-crash');
  expect(check).toMatchObject({ status: 'completed', conclusion: 'success' });
  expect(dispatchesOf('park-crash')).toEqual([]);
  // Its claim is left on the record.
  expect(record('training/park-crash')).toBeDefined();

  const next = await tick();
  expect(next.failures).toEqual([]);
  expect(next.log.join('\n')).toMatch(
    new RegExp(`resume run ${runId} claimed it and ended before finishing: taking over`),
  );
  expect(JSON.parse(next.outputs.resumed!)).toEqual([
    expect.objectContaining({
      phase: 'training/park-crash',
      conclusion: 'success',
      dispatched: 'deploy-wine.yml',
    }),
  ]);
  expect(dispatchesOf('park-crash')).toHaveLength(1);
  expect(check).toMatchObject({ status: 'completed', conclusion: 'success' });
  expect(record('training/park-crash')).toBeUndefined();
});

test('a dispatch GitHub refuses: the phase stays parked, the check and the step say why, the next tick after the fix dispatches', async () => {
  github.addWorkflow('deploy-narrow.yml', ['training-id', 'state', 'artifact-name', 'parked-run-id']);
  await park('park-refused', { 'emulator-seconds': '60' }, { 'resume-workflow': 'deploy-narrow.yml' });
  await passTime(2 * MINUTE);
  const refused = await tick();
  expect(refused.failures).toEqual([
    expect.stringMatching(
      /1 continuation was not dispatched: training\/park-refused: Dispatching deploy-narrow\.yml on refs\/heads\/main failed: 422 Unexpected inputs provided: \["model"\]/,
    ),
  ]);
  expect(JSON.parse(refused.outputs.refused!)).toEqual([
    { phase: 'training/park-refused', reason: expect.stringMatching(/Unexpected inputs/) },
  ]);
  expect(record('training/park-refused')).toBeDefined();
  // The tree's phase.json says what the message says, after a replace as after the creation.
  const commit = github.commits.get(record('training/park-refused')!)!;
  const [file] = github.trees.get(commit.tree) as { path: string; content: string }[];
  expect(file!.path).toBe('phase.json');
  expect(JSON.parse(file!.content)).toEqual(rig.recordJson('training/park-refused'));
  expect(JSON.parse(file!.content)).toMatchObject({ refused: expect.stringMatching(/Unexpected inputs/) });
  const check = checkRun('odahu training park-refused');
  expect(check.output!.summary).toMatch(/The continuation was not dispatched: .*Unexpected inputs/);
  expect(github.dispatches.filter((d) => d.workflow === 'deploy-narrow.yml')).toEqual([]);

  // The workflow now declares the input: the next tick dispatches.
  github.addWorkflow('deploy-narrow.yml', [
    'training-id',
    'state',
    'artifact-name',
    'parked-run-id',
    'model',
  ]);
  const fixed = await tick();
  expect(fixed.failures).toEqual([]);
  expect(github.dispatches.filter((d) => d.workflow === 'deploy-narrow.yml')).toHaveLength(1);
  expect(record('training/park-refused')).toBeUndefined();
});

test('bad park inputs: one line each, before any call', async () => {
  const before = github.requests.length;
  const run = await runInProcess(
    'train',
    {
      training: trainingManifest('park-bad', {}),
      wait: 'park',
      'resume-workflow': 'deploy wine',
      'resume-inputs': 'training-id: x\nlist: [1, 2]',
      'github-token': GITHUB_TOKEN,
    },
    { env: runEnv('700'), emulator },
  );
  expect(run.failures).toHaveLength(1);
  const lines = run.failures[0]!.split('\n');
  expect(lines).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/input resume-workflow must be a workflow file of \.github\/workflows/),
      expect.stringMatching(/resume-inputs: training-id is given by the parked phase itself/),
      expect.stringMatching(/resume-inputs: list must be a single value/),
    ]),
  );
  const notParked = await runInProcess(
    'train',
    { training: trainingManifest('park-bad', {}), wait: 'sometimes', 'resume-workflow': 'x.yml' },
    { env: runEnv('701'), emulator },
  );
  expect(notParked.failures[0]).toMatch(/input wait must be true, false or park, not "sometimes"/);
  expect(notParked.failures[0]).toMatch(/input resume-workflow goes with wait: park only/);
  expect(github.requests.length).toBe(before);
  await expect(apiClient(emulator).trainings.get('park-bad')).rejects.toMatchObject({ status: 404 });
});

test('bad resume inputs: every problem in one failure, before any call', async () => {
  const before = github.requests.length;
  const answered = emulator.answers.length;
  const run = await runInProcess(
    'resume',
    { cancel: 'wine, training/Wine_2024 training/ok-one', 'github-token': '' },
    { env: rig.runEnv('', { GITHUB_REPOSITORY: '' }), emulator },
  );
  expect(run.failures).toHaveLength(1);
  expect(run.failures[0]!.split('\n')).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        /resume runs in a GitHub Actions run \(GITHUB_REPOSITORY and GITHUB_RUN_ID are not set\)/,
      ),
      expect.stringMatching(
        /input github-token is required: the job's github\.token with permissions checks: write, contents: write, actions: write/,
      ),
      expect.stringMatching(/input cancel: "wine" is not a parked phase; name it as <kind>\/<id>/),
      expect.stringMatching(/input cancel: "training\/Wine_2024" is not a parked phase/),
    ]),
  );
  expect(run.failures[0]).not.toMatch(/ok-one/);
  expect(github.requests.length).toBe(before);
  expect(emulator.callsSince(answered)).toEqual([]);
});

test('a check_run event whose payload cannot be read: one line naming it, nothing cancelled or touched', async () => {
  await park('park-payload', { 'emulator-seconds': '600' });
  const payload = join(mkdtempSync(join(tmpdir(), 'odahu-park-')), 'event.json');
  writeFileSync(payload, '{ not json');
  const parked = record('training/park-payload');
  const run = await rig.tick({}, { GITHUB_EVENT_NAME: 'check_run', GITHUB_EVENT_PATH: payload });
  expect(run.failures).toEqual([
    expect.stringMatching(/^the event payload \(GITHUB_EVENT_PATH .*event\.json\) cannot be read: /),
  ]);
  expect(record('training/park-payload')).toBe(parked);
  expect(checkRun('odahu training park-payload')).toMatchObject({ status: 'in_progress' });
  await expect(apiClient(emulator).trainings.get('park-payload')).resolves.toMatchObject({
    id: 'park-payload',
  });
});

test('a park GitHub refuses (no checks: write): the step fails naming the permission, and deletes the training it started', async () => {
  github.refuse(/check-runs/);
  try {
    const run = await park('park-denied', { 'emulator-seconds': '600' });
    expect(run.failures).toEqual([expect.stringMatching(/needs `permissions: checks: write`/)]);
    expect(run.log.join('\n')).toMatch(
      /Deleting training park-denied, which this step started \(it could not be parked\)/,
    );
  } finally {
    github.refuse(undefined);
  }
  await expect(apiClient(emulator).trainings.get('park-denied')).rejects.toMatchObject({ status: 404 });
  expect(record('training/park-denied')).toBeUndefined();
});
