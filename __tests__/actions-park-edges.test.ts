// wait: park's edges, over real HTTP like actions-park.test.ts (the emulator's clock held, the GitHub
// stand-in): the wait action parking a phase another step started, a phase parked again by a re-run,
// a pull request's run, a record GitHub refuses to keep, the inputs parking needs; and the resume
// ticks that meet a phase deleted while parked, a listing GitHub refuses, the check run's Cancel
// button, refs holding no record it can read, and a record of another cluster.

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
const { runInProcess } = await import('./helpers/in-process.js');
const { MINUTE, startParkRig } = await import('./helpers/park-rig.js');

let rig: ParkRig;
let emulator: TestEmulator;
let github: GitHubStandIn;

const HEAD_SHA = 'f'.repeat(40);
const temp = mkdtempSync(join(tmpdir(), 'odahu-park-edges-'));

beforeAll(async () => {
  rig = await startParkRig({}, 300);
  ({ emulator, github } = rig);
  github.addWorkflow('deploy-wine.yml', ['training-id', 'state', 'artifact-name', 'parked-run-id', 'model']);
});

afterAll(() => rig.close());

const runEnv = (runId: string, extra?: Record<string, string>) => rig.runEnv(runId, extra);
const nextRunId = () => rig.nextRunId();
const passTime = (ms: number) => rig.passTime(ms);
const park: ParkRig['park'] = (...args) => rig.park(...args);
const tick: ParkRig['tick'] = (...args) => rig.tick(...args);
const record = (key: string) => rig.record(key);
const recordJson = (key: string) => rig.recordJson(key);
const checkRuns = (name: string) => rig.checkRuns(name);
const resumedOf = (run: { outputs: Record<string, string> }, key: string) =>
  rig.outputOf(run, 'resumed', key);

/** An event payload file, as the runner writes GITHUB_EVENT_PATH. */
function eventFile(name: string, payload: unknown): string {
  const path = join(temp, `${name}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

test('wait: park parks a training another step started: found, not deleted on cancel, and resumed like train parks it', async () => {
  const started = await runInProcess(
    'train',
    { training: trainingManifest('edge-wait', { 'emulator-seconds': '600' }), wait: 'false' },
    { env: runEnv(nextRunId()), emulator },
  );
  expect(started.failures).toEqual([]);
  const runId = nextRunId();
  const parked = await runInProcess(
    'wait',
    {
      'training-id': 'edge-wait',
      wait: 'park',
      'resume-workflow': '.github/workflows/deploy-wine.yml',
      'resume-inputs': 'model: wine',
      'github-token': GITHUB_TOKEN,
    },
    { env: runEnv(runId), emulator },
  );
  expect(parked.failures).toEqual([]);
  expect(parked.outputs).toMatchObject({ 'training-id': 'edge-wait', state: 'parked' });
  expect(parked.log.join('\n')).toMatch(/Parked training edge-wait: check run "odahu training edge-wait"/);
  expect(parked.summaries.flatMap((s) => JSON.stringify(s)).join('')).toMatch(/Odahu wait/);
  const stored = recordJson('training/edge-wait');
  expect(stored).toMatchObject({
    kind: 'ModelTraining',
    id: 'edge-wait',
    title: 'Odahu wait',
    action: 'found',
    deleteOnEnd: false,
    continuation: { workflow: 'deploy-wine.yml', ref: 'refs/heads/main' },
  });
  expect(checkRuns('odahu training edge-wait')).toEqual([
    expect.objectContaining({ status: 'in_progress', external_id: 'training/edge-wait' }),
  ]);

  // Cancelled through resume: the step did not start it, so it stays on the cluster.
  const run = await tick({ cancel: 'training/edge-wait' });
  expect(run.failures).toEqual([]);
  expect(resumedOf(run, 'training/edge-wait')).toEqual([
    expect.objectContaining({ conclusion: 'cancelled', dispatched: '' }),
  ]);
  expect(run.log.join('\n')).not.toMatch(/deleted training edge-wait/);
  expect((await apiClient(emulator).trainings.get('edge-wait')).id).toBe('edge-wait');
  expect(checkRuns('odahu training edge-wait')[0]).toMatchObject({
    status: 'completed',
    conclusion: 'cancelled',
  });
  expect(record('training/edge-wait')).toBeUndefined();
});

test('a phase parked again by a re-run: its record is replaced and the former check run completed as neutral', async () => {
  const first = await park('edge-again', { 'emulator-seconds': '3600' });
  expect(first.failures).toEqual([]);
  const second = await park('edge-again', { 'emulator-seconds': '3600' });
  expect(second.failures).toEqual([]);
  expect(second.log.join('\n')).toMatch(
    new RegExp(`edge-again was parked by run ${first.runId}: this run's record replaces it`),
  );
  const [former, latest] = checkRuns('odahu training edge-again');
  expect(former).toMatchObject({ status: 'completed', conclusion: 'neutral' });
  expect(former!.output!.summary).toBe(`Parked again by run ${second.runId}.`);
  expect(latest).toMatchObject({ status: 'in_progress' });
  const stored = recordJson('training/edge-again');
  expect(stored.run).toMatchObject({ id: second.runId });
  expect(stored.checkRun).toMatchObject({ id: latest!.id });
  // Without resume-workflow: nothing to dispatch, said in the log and on the check.
  expect(stored.continuation).toBeUndefined();
  expect(second.log.join('\n')).toMatch(/no resume-workflow: nothing is dispatched/);
  expect(latest!.output!.summary).not.toMatch(/on success/);

  // Parked a third time while GitHub refuses to complete the former check run: said, and parked.
  github.refuse(/\/check-runs\/\d+$/);
  let third: Awaited<ReturnType<typeof park>>;
  try {
    third = await park('edge-again', { 'emulator-seconds': '3600' });
  } finally {
    github.refuse(undefined);
  }
  expect(third.failures).toEqual([]);
  expect(third.log.join('\n')).toMatch(
    /The former check run of edge-again could not be completed: Resource not accessible/,
  );
  expect(latest).toMatchObject({ status: 'in_progress' });
  expect(recordJson('training/edge-again').run).toMatchObject({ id: third.runId });
  await tick({ cancel: 'training/edge-again' });
  expect(record('training/edge-again')).toBeUndefined();
});

test("a pull request's run parks on its head commit and dispatches on its head branch", async () => {
  const payload = {
    number: 7,
    pull_request: {
      number: 7,
      html_url: 'https://github.com/acme/models/pull/7',
      head: { ref: 'feature-x', sha: HEAD_SHA, repo: { full_name: 'acme/models' } },
    },
  };
  const parked = await park(
    'edge-pr',
    { 'emulator-seconds': '3600' },
    { 'resume-workflow': 'deploy-wine.yml' },
    {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile('pr', payload),
      GITHUB_REF: 'refs/pull/7/merge',
    },
  );
  expect(parked.failures).toEqual([]);
  expect(checkRuns('odahu training edge-pr')).toEqual([expect.objectContaining({ head_sha: HEAD_SHA })]);
  const stored = recordJson('training/edge-pr');
  expect(stored.continuation).toMatchObject({ ref: 'refs/heads/feature-x' });
  expect(stored.checkRun).toMatchObject({ headSha: HEAD_SHA });
  expect(checkRuns('odahu training edge-pr')[0]!.output!.summary).toMatch(
    /on success, <code>deploy-wine\.yml<\/code> runs on <code>refs\/heads\/feature-x<\/code>/,
  );
  await tick({ cancel: 'training/edge-pr' });
  expect(record('training/edge-pr')).toBeUndefined();
});

test('the inputs parking needs, checked before any call: a run, a token, a ref a continuation can be dispatched on', async () => {
  const before = github.requests.length;
  const noRun = await park('edge-inputs', {}, {}, { GITHUB_RUN_ID: '', GITHUB_SHA: '' });
  expect(noRun.failures[0]).toMatch(
    /wait: park needs a GitHub Actions run \(GITHUB_REPOSITORY, GITHUB_RUN_ID/,
  );
  const noToken = await park('edge-inputs', {}, { 'github-token': '' });
  expect(noToken.failures[0]).toMatch(/wait: park needs github-token .*checks: write, contents: write/);
  const fork = {
    number: 8,
    pull_request: { number: 8, head: { ref: 'main', sha: HEAD_SHA, repo: { full_name: 'someone/models' } } },
  };
  const fromFork = await park(
    'edge-inputs',
    {},
    { 'resume-workflow': 'deploy-wine.yml' },
    {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile('fork', fork),
      GITHUB_REF: 'refs/pull/8/merge',
    },
  );
  expect(fromFork.failures[0]).toMatch(/resume-workflow: this run's ref cannot be dispatched/);
  const tagless = await park(
    'edge-inputs',
    {},
    { 'resume-workflow': 'deploy-wine.yml' },
    { GITHUB_REF: 'refs/remotes/odd' },
  );
  expect(tagless.failures[0]).toMatch(/resume-workflow: this run's ref cannot be dispatched/);
  const waitInputs = await runInProcess(
    'wait',
    { 'training-id': 'edge-inputs', wait: 'false' },
    { env: runEnv(nextRunId()), emulator },
  );
  expect(waitInputs.failures[0]).toMatch(/input wait: false would make this step do nothing/);
  const twoIds = await runInProcess(
    'wait',
    {
      'training-id': 'edge-inputs',
      'packaging-id': 'edge-inputs',
      wait: 'park',
      'github-token': GITHUB_TOKEN,
    },
    { env: runEnv(nextRunId()), emulator },
  );
  expect(twoIds.failures[0]).toMatch(
    /give exactly one of training-id, .* \(got training-id and packaging-id\)/,
  );
  expect(github.requests.length).toBe(before);
  await expect(apiClient(emulator).trainings.get('edge-inputs')).rejects.toMatchObject({ status: 404 });
});

test('a record GitHub refuses to keep (no contents: write): the check run fails, the step names the permission and deletes its training', async () => {
  github.refuse(/\/git\/trees$/);
  let run: Awaited<ReturnType<typeof park>>;
  try {
    run = await park('edge-norecord', { 'emulator-seconds': '600' });
  } finally {
    github.refuse(undefined);
  }
  expect(run.failures).toEqual([
    expect.stringMatching(/Recording the parked phase was refused .*needs `permissions: contents: write`/),
  ]);
  expect(checkRuns('odahu training edge-norecord')).toEqual([
    expect.objectContaining({
      status: 'completed',
      conclusion: 'failure',
      output: expect.objectContaining({ title: 'Could not be parked' }),
    }),
  ]);
  await expect(apiClient(emulator).trainings.get('edge-norecord')).rejects.toMatchObject({ status: 404 });
  expect(record('training/edge-norecord')).toBeUndefined();
});

test('a ref GitHub refuses to create, and then the check run it cannot complete: the step still fails naming contents: write', async () => {
  github.refuse(/\/git\/refs$|\/check-runs\/\d+$/);
  let run: Awaited<ReturnType<typeof park>>;
  try {
    run = await park('edge-noref', { 'emulator-seconds': '600' });
  } finally {
    github.refuse(undefined);
  }
  expect(run.failures).toEqual([
    expect.stringMatching(/Recording the parked phase was refused .*needs `permissions: contents: write`/),
  ]);
  // Its check run could not be completed either: it is left as it was, and the step says the first trouble.
  expect(checkRuns('odahu training edge-noref')).toEqual([
    expect.objectContaining({ status: 'in_progress' }),
  ]);
  await expect(apiClient(emulator).trainings.get('edge-noref')).rejects.toMatchObject({ status: 404 });
  expect(record('training/edge-noref')).toBeUndefined();
});

test('a check run GitHub refuses to complete: the phase still ends, the tick warns naming checks: write', async () => {
  await park('edge-nocheck', { 'emulator-seconds': '3600' });
  github.refuse(/\/check-runs\/\d+$/);
  let run: Awaited<ReturnType<typeof tick>>;
  try {
    run = await tick({ cancel: 'training/edge-nocheck' });
  } finally {
    github.refuse(undefined);
  }
  expect(run.failures).toEqual([]);
  expect(run.log.join('\n')).toMatch(
    /Completing the check run of training\/edge-nocheck was refused .*`permissions: checks: write`/,
  );
  expect(resumedOf(run, 'training/edge-nocheck')).toEqual([
    expect.objectContaining({ conclusion: 'cancelled' }),
  ]);
  expect(record('training/edge-nocheck')).toBeUndefined();
});

test('a claim held by a resume run still at work is left to it, also when GitHub cannot say how that run stands', async () => {
  await park('edge-claimed', { 'emulator-seconds': '3600' });
  const key = 'training/edge-claimed';
  const original = record(key)!;
  const commit = github.commits.get(original)!;
  const ending = { conclusion: 'success', state: 'succeeded', outputs: {}, endedAt: emulator.clock.now() };
  const claimed = { ...recordJson(key), claim: { runId: '555', at: emulator.clock.now(), ending } };
  const at = 'b'.repeat(40);
  github.commits.set(at, {
    message: `odahu: parked ${key}\n\n${JSON.stringify(claimed)}\n`,
    tree: commit.tree,
    parents: [original],
  });
  github.refs.set(`refs/odahu/parked/${key}`, at);
  github.setRun('555', 'in_progress');
  try {
    const run = await tick();
    expect(run.log.join('\n')).toContain(`${key}: being finished by resume run 555.`);
    expect(JSON.parse(run.outputs.running!)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ phase: key, state: 'succeeded', note: 'being finished by run 555' }),
      ]),
    );
    // GitHub refuses to say: the claim is young, so its run is taken to be at work.
    github.refuse(/\/actions\/runs\/555$/);
    const blind = await tick();
    expect(blind.log.join('\n')).toContain(`${key}: being finished by resume run 555.`);
    expect(resumedOf(blind, key)).toEqual([]);
    expect(record(key)).toBe(at);
  } finally {
    github.refuse(undefined);
    github.setRun('555', 'completed');
  }
  // Its run has ended: the next tick takes over, and finishes it with the claimed ending.
  const next = await tick();
  expect(next.log.join('\n')).toContain(
    `${key}: resume run 555 claimed it and ended before finishing: taking over.`,
  );
  expect(resumedOf(next, key)).toEqual([expect.objectContaining({ conclusion: 'success' })]);
  expect(record(key)).toBeUndefined();
});

test('a phase deleted on the cluster while parked: its check fails saying so, nothing is dispatched', async () => {
  await park('edge-gone', { 'emulator-seconds': '3600' }, { 'resume-workflow': 'deploy-wine.yml' });
  await passTime(MINUTE);
  await apiClient(emulator).trainings.delete('edge-gone');
  await passTime(MINUTE);
  const dispatches = github.dispatches.length;
  const run = await tick();
  expect(run.failures).toEqual([]);
  expect(resumedOf(run, 'training/edge-gone')).toEqual([
    expect.objectContaining({ conclusion: 'failure', state: 'deleted', dispatched: '' }),
  ]);
  const [check] = checkRuns('odahu training edge-gone');
  expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
  expect(check!.output!.title).toMatch(/no longer on the cluster: it was deleted while parked/);
  expect(github.dispatches.length).toBe(dispatches);
  expect(record('training/edge-gone')).toBeUndefined();
});

test('a listing GitHub refuses: the tick fails naming the permission, and touches nothing', async () => {
  await park('edge-list', { 'emulator-seconds': '3600' });
  const parked = record('training/edge-list');
  github.refuse(/matching-refs/);
  let run: Awaited<ReturnType<typeof tick>>;
  try {
    run = await tick();
  } finally {
    github.refuse(undefined);
  }
  expect(run.failures).toEqual([
    expect.stringMatching(/Listing the parked phases was refused .*`permissions: contents: write`/),
  ]);
  expect(JSON.parse(run.outputs.resumed!)).toEqual([]);
  expect(record('training/edge-list')).toBe(parked);
  expect(checkRuns('odahu training edge-list')[0]).toMatchObject({ status: 'in_progress' });
  await tick({ cancel: 'training/edge-list' });
});

test("the check run's Cancel button: a check_run requested_action run cancels that phase only", async () => {
  await park('edge-button', { 'emulator-seconds': '3600' });
  await park('edge-other', { 'emulator-seconds': '3600' });
  const button = eventFile('button', {
    action: 'requested_action',
    requested_action: { identifier: 'cancel' },
    check_run: { external_id: 'training/edge-button', name: 'odahu training edge-button' },
  });
  const run = await tick({}, { GITHUB_EVENT_NAME: 'check_run', GITHUB_EVENT_PATH: button });
  expect(run.failures).toEqual([]);
  expect(resumedOf(run, 'training/edge-button')).toEqual([
    expect.objectContaining({ conclusion: 'cancelled' }),
  ]);
  await expect(apiClient(emulator).trainings.get('edge-button')).rejects.toMatchObject({ status: 404 });
  expect(checkRuns('odahu training edge-button')[0]).toMatchObject({ conclusion: 'cancelled' });
  expect(record('training/edge-button')).toBeUndefined();
  // The other phase is untouched.
  expect(resumedOf(run, 'training/edge-other')).toEqual([]);
  expect(record('training/edge-other')).toBeDefined();

  // Another button (or a check_run event of another kind) cancels nothing.
  const other = eventFile('other-button', {
    action: 'requested_action',
    requested_action: { identifier: 'retry' },
    check_run: { external_id: 'training/edge-other' },
  });
  const ignored = await tick({}, { GITHUB_EVENT_NAME: 'check_run', GITHUB_EVENT_PATH: other });
  expect(resumedOf(ignored, 'training/edge-other')).toEqual([]);
  expect(record('training/edge-other')).toBeDefined();
  await tick({ cancel: 'training/edge-other' });
  expect(record('training/edge-other')).toBeUndefined();
});

test('refs holding no record this version reads, and a record of another cluster, are left alone', async () => {
  await park('edge-elsewhere', { 'emulator-seconds': '3600' });
  // Its record, moved to another cluster.
  const key = 'training/edge-elsewhere';
  const original = record(key)!;
  const commit = github.commits.get(original)!;
  const moved = { ...recordJson(key), odahuApiUrl: 'https://odahu.elsewhere.example' };
  const fake = (n: number) => n.toString(16).padStart(40, 'a');
  github.commits.set(fake(1), {
    message: `odahu: parked ${key}\n\n${JSON.stringify(moved)}\n`,
    tree: commit.tree,
    parents: [original],
  });
  github.refs.set(`refs/odahu/parked/${key}`, fake(1));
  // Not JSON; JSON of another shape; a record whose kind and id do not match its ref; a claim whose
  // run id would be a workflow command in the log.
  const junkClaim = {
    ...moved,
    id: 'junk-claim',
    odahuApiUrl: recordJson(key).odahuApiUrl,
    claim: { runId: '1\n::error::injected', at: 0, ending: { conclusion: 'success', state: 'succeeded' } },
  };
  const junk = {
    'training/junk-text': 'odahu: parked training/junk-text\n\nnot json',
    'training/junk-shape': `odahu: parked training/junk-shape\n\n${JSON.stringify({ version: 2, kind: 'ModelTraining' })}`,
    'packaging/junk-key': `odahu: parked packaging/junk-key\n\n${JSON.stringify({ ...moved, id: 'other' })}`,
    'training/junk-claim': `odahu: parked training/junk-claim\n\n${JSON.stringify(junkClaim)}`,
  };
  Object.entries(junk).forEach(([name, message], i) => {
    github.commits.set(fake(10 + i), { message, tree: commit.tree, parents: [] });
    github.refs.set(`refs/odahu/parked/${name}`, fake(10 + i));
  });
  try {
    const run = await tick({ cancel: key });
    expect(run.failures).toEqual([]);
    const log = run.log.join('\n');
    for (const name of Object.keys(junk)) {
      expect(log).toContain(`refs/odahu/parked/${name} holds no record this version can read: left alone.`);
      expect(github.refs.get(`refs/odahu/parked/${name}`)).toBeDefined();
    }
    expect(log).toContain(
      `${key}: parked on https://odahu.elsewhere.example, not on this step's cluster: left alone.`,
    );
    expect(log).not.toContain('injected');
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(resumedOf(run, key)).toEqual([]);
    expect((await apiClient(emulator).trainings.get('edge-elsewhere')).id).toBe('edge-elsewhere');
    expect(record(key)).toBe(fake(1));
    expect(checkRuns('odahu training edge-elsewhere')[0]).toMatchObject({ status: 'in_progress' });
    // A cancel naming a phase that is not parked is said, and harmless.
    const unknown = await tick({ cancel: 'training/never-parked' });
    expect(unknown.failures).toEqual([]);
    expect(unknown.log.join('\n')).toMatch(/cancel: training\/never-parked is not parked/);
  } finally {
    for (const name of Object.keys(junk)) github.refs.delete(`refs/odahu/parked/${name}`);
    github.refs.set(`refs/odahu/parked/${key}`, original);
  }
  await tick({ cancel: key });
  expect(record(key)).toBeUndefined();
});
