// wait: park and resume when something fails half-way, over real HTTP (the emulator, its clock held;
// the GitHub stand-in): the cluster down during a tick, or between a failed training and its log; a
// cancel the cluster's client may not carry out, or that finds the phase gone; GitHub failing a
// claim or a record's deletion; a re-run parking a phase while a tick finishes its former record, or
// while GitHub fails to read it.

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { ParkRig } from './helpers/park-rig.js';
import type { RecordedAnswer } from '../src/emulator/options.js';

jest.unstable_mockModule('@actions/core', () => core);
const { apiClient } = await import('./helpers/emulator.js');
const { MINUTE, startParkRig } = await import('./helpers/park-rig.js');

let rig: ParkRig;
/** Called with each answer of the emulator's API, while a test sets it. */
let onAnswer: ((answer: RecordedAnswer) => void) | undefined;
/** A client of the cluster that may only read (Odahu's viewer role). */
const VIEWER = { clientId: 'resume-viewer', clientSecret: 'viewer-secret-0123', role: 'viewer' } as const;

beforeAll(async () => {
  rig = await startParkRig({ extraClients: [VIEWER], onAnswer: (answer) => onAnswer?.(answer) });
  rig.github.addWorkflow('deploy-wine.yml', ['training-id', 'state', 'artifact-name', 'parked-run-id']);
});

afterAll(() => rig.close());

test('the cluster down during a tick: the phase is said to be still parked with the reason, untouched, and the next tick finishes it', async () => {
  const { github, emulator } = rig;
  const key = 'training/fail-down';
  await rig.park('fail-down', { 'emulator-seconds': '600' }, { 'resume-workflow': 'deploy-wine.yml' });
  await rig.passTime(11 * MINUTE);
  const parked = rig.record(key);
  emulator.outage(10 * 60);
  let down: Awaited<ReturnType<ParkRig['tick']>>;
  try {
    down = await rig.tick({ 'retry-timeout': '1m' });
  } finally {
    await rig.passTime(10 * MINUTE);
  }
  expect(down.failures).toEqual([]);
  expect(down.log.join('\n')).toMatch(
    /training\/fail-down: .*503.*upstream connect error.*; the next tick tries again\./,
  );
  expect(rig.outputOf(down, 'running', key)).toEqual([
    expect.objectContaining({ note: expect.stringMatching(/^GET \S+ failed: 503 upstream connect error/) }),
  ]);
  expect(rig.outputOf(down, 'resumed', key)).toEqual([]);
  expect(rig.record(key)).toBe(parked);
  expect(rig.checkRuns('odahu training fail-down')[0]).toMatchObject({ status: 'in_progress' });
  expect(github.dispatches.filter((d) => d.inputs['training-id'] === 'fail-down')).toEqual([]);

  const up = await rig.tick();
  expect(up.failures).toEqual([]);
  expect(rig.outputOf(up, 'resumed', key)).toEqual([
    expect.objectContaining({ conclusion: 'success', dispatched: 'deploy-wine.yml' }),
  ]);
  expect(github.dispatches.filter((d) => d.inputs['training-id'] === 'fail-down')).toHaveLength(1);
  expect(rig.record(key)).toBeUndefined();
});

test('a cancel that finds the phase already gone from the cluster: cancelled, with nothing said deleted', async () => {
  const key = 'training/fail-gone';
  await rig.park('fail-gone', { 'emulator-seconds': '3600' });
  await apiClient(rig.emulator).trainings.delete('fail-gone');
  await rig.passTime(MINUTE);
  const run = await rig.tick({ cancel: key });
  expect(run.failures).toEqual([]);
  expect(rig.outputOf(run, 'resumed', key)).toEqual([
    expect.objectContaining({ conclusion: 'cancelled', state: 'deleted' }),
  ]);
  expect(run.log.join('\n')).not.toMatch(/deleted training fail-gone/);
  expect(run.log.join('\n')).toMatch(/training\/fail-gone: cancelled \(cancelled by resume run \d+\)\./);
  expect(rig.checkRuns('odahu training fail-gone')[0]).toMatchObject({
    status: 'completed',
    conclusion: 'cancelled',
  });
  expect(rig.record(key)).toBeUndefined();
});

test("a cancel the resume workflow's cluster client may not carry out (a viewer): said, left claimed, and the next tick with rights finishes it", async () => {
  const key = 'training/fail-viewer';
  await rig.park('fail-viewer', { 'emulator-seconds': '3600' });
  await rig.passTime(MINUTE);
  const refused = await rig.tick({
    cancel: key,
    'client-id': VIEWER.clientId,
    'client-secret': VIEWER.clientSecret,
  });
  expect(refused.failures).toEqual([]);
  expect(refused.log.join('\n')).toMatch(
    /training\/fail-viewer: DELETE \S+\/training\/fail-viewer failed: 403 .*; the next tick tries again\./,
  );
  expect(rig.outputOf(refused, 'running', key)).toEqual([
    expect.objectContaining({ note: expect.stringMatching(/403/) }),
  ]);
  expect(rig.outputOf(refused, 'resumed', key)).toEqual([]);
  expect((await apiClient(rig.emulator).trainings.get('fail-viewer')).id).toBe('fail-viewer');
  expect(rig.checkRuns('odahu training fail-viewer')[0]).toMatchObject({ status: 'in_progress' });
  // The cancel is decided and kept on the record: the next tick carries it out, asked again or not.
  expect(rig.recordJson(key).claim).toMatchObject({
    runId: refused.runId,
    ending: { conclusion: 'cancelled' },
  });

  const next = await rig.tick();
  expect(next.failures).toEqual([]);
  expect(next.log.join('\n')).toMatch(/deleted training fail-viewer \(cancelled; on-cancel: delete\)/);
  expect(rig.outputOf(next, 'resumed', key)).toEqual([expect.objectContaining({ conclusion: 'cancelled' })]);
  await expect(apiClient(rig.emulator).trainings.get('fail-viewer')).rejects.toMatchObject({ status: 404 });
  expect(rig.checkRuns('odahu training fail-viewer')[0]).toMatchObject({ conclusion: 'cancelled' });
  expect(rig.record(key)).toBeUndefined();
});

test('the cluster down between reading a failed training and its log: the check still fails with the reason, and says the log could not be read', async () => {
  const key = 'training/fail-nolog';
  await rig.park('fail-nolog', { 'emulator-seconds': '120', 'emulator-outcome': 'failed' });
  await rig.passTime(3 * MINUTE);
  // The API goes down right after answering the failed training (once that answer is on its way).
  onAnswer = (answer) => {
    if (
      answer.method === 'GET' &&
      answer.path.endsWith('/training/fail-nolog') &&
      /"failed"/.test(answer.body)
    ) {
      onAnswer = undefined;
      setImmediate(() => rig.emulator.outage(10 * 60));
    }
  };
  let run: Awaited<ReturnType<ParkRig['tick']>>;
  try {
    run = await rig.tick({ 'retry-timeout': '1m' });
  } finally {
    onAnswer = undefined;
    await rig.passTime(10 * MINUTE);
  }
  expect(run.failures).toEqual([]);
  expect(rig.outputOf(run, 'resumed', key)).toEqual([
    expect.objectContaining({ conclusion: 'failure', state: 'failed' }),
  ]);
  const [check] = rig.checkRuns('odahu training fail-nolog');
  expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
  expect(check!.output!.title).toMatch(/training fail-nolog failed/);
  expect(check!.output!.summary).toMatch(
    /&#40;the log could not be read: GET \S+\/log\S* failed: 503 upstream connect error/,
  );
  expect(rig.record(key)).toBeUndefined();
});
