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

const dispatchesOf = (trainingId: string) =>
  rig.github.dispatches.filter((dispatch) => dispatch.inputs['training-id'] === trainingId);

test('GitHub failing the claim (a 500): the phase stays parked, said naming the write, and the next tick finishes it once', async () => {
  const key = 'training/fail-claim';
  await rig.park('fail-claim', { 'emulator-seconds': '60' }, { 'resume-workflow': 'deploy-wine.yml' });
  await rig.passTime(2 * MINUTE);
  const parked = rig.record(key);
  rig.github.failNext(500, 1, /\/git\/refs\/odahu\/parked\/training\/fail-claim$/);
  const failed = await rig.tick();
  expect(failed.failures).toEqual([]);
  expect(failed.log.join('\n')).toContain(
    'training/fail-claim: claiming its record failed: 500 Server Error; the next tick tries again.',
  );
  expect(rig.outputOf(failed, 'running', key)).toEqual([
    expect.objectContaining({ note: 'claiming its record failed: 500 Server Error' }),
  ]);
  expect(rig.record(key)).toBe(parked);
  expect(rig.checkRuns('odahu training fail-claim')[0]).toMatchObject({ status: 'in_progress' });
  expect(dispatchesOf('fail-claim')).toEqual([]);

  const next = await rig.tick();
  expect(rig.outputOf(next, 'resumed', key)).toEqual([expect.objectContaining({ conclusion: 'success' })]);
  expect(dispatchesOf('fail-claim')).toHaveLength(1);
  expect(rig.record(key)).toBeUndefined();
});

test('a resume token that may only read the records (contents: read): each phase that ended says the permission to add, and stays parked', async () => {
  const key = 'training/fail-readonly';
  await rig.park('fail-readonly', { 'emulator-seconds': '60' });
  await rig.passTime(2 * MINUTE);
  const parked = rig.record(key);
  // contents: read lists and reads the records; writing a commit or moving a ref is refused.
  rig.github.refuse(/\/git\/(commits|trees)$|\/git\/refs\//);
  let run: Awaited<ReturnType<ParkRig['tick']>>;
  try {
    run = await rig.tick();
  } finally {
    rig.github.refuse(undefined);
  }
  expect(run.failures).toEqual([]);
  expect(run.log.join('\n')).toMatch(
    /training\/fail-readonly: claiming its record was refused \(403 Resource not accessible by integration\): the workflow's token needs `permissions: contents: write`.*; the next tick tries again\./,
  );
  expect(rig.record(key)).toBe(parked);
  await rig.tick();
  expect(rig.record(key)).toBeUndefined();
});

/** A 1-minute training parked and ended; a tick during which GitHub fails `writes` of the record's writes after the dispatch. */
async function tickFailingRecordWritesAfterDispatch(id: string, writes: number) {
  await rig.park(id, { 'emulator-seconds': '60' }, { 'resume-workflow': 'deploy-wine.yml' });
  await rig.passTime(2 * MINUTE);
  const dispatch = rig.github.hold(/^POST .*\/actions\/workflows\/deploy-wine\.yml\/dispatches$/);
  void dispatch.arrived.then(() => {
    rig.github.failNext(500, writes, new RegExp(`/git/refs/odahu/parked/training/${id}$`));
    dispatch.release();
  });
  return rig.tick();
}

test("GitHub failing to delete a finished phase's record (a 500): the phase is reported resumed, and the next tick deletes the record without dispatching again", async () => {
  const key = 'training/fail-delete';
  // GitHub fails the DELETE that follows the dispatch.
  const first = await tickFailingRecordWritesAfterDispatch('fail-delete', 1);
  expect(first.failures).toEqual([]);
  expect(first.log.join('\n')).toContain(
    'Deleting the record of training/fail-delete failed: 500 Server Error; marked finished: the next tick deletes it.',
  );
  expect(rig.outputOf(first, 'resumed', key)).toEqual([
    expect.objectContaining({ conclusion: 'success', dispatched: 'deploy-wine.yml' }),
  ]);
  expect(rig.outputOf(first, 'running', key)).toEqual([]);
  expect(dispatchesOf('fail-delete')).toHaveLength(1);
  expect(rig.checkRuns('odahu training fail-delete')[0]).toMatchObject({ conclusion: 'success' });
  expect(rig.recordJson(key).claim).toMatchObject({ runId: first.runId, finished: true });

  const next = await rig.tick();
  expect(next.failures).toEqual([]);
  expect(next.log.join('\n')).toContain(
    `training/fail-delete: finished by resume run ${first.runId}; its record is deleted now.`,
  );
  expect(rig.outputOf(next, 'resumed', key)).toEqual([]);
  expect(dispatchesOf('fail-delete')).toHaveLength(1);
  expect(
    rig.checkRuns('odahu training fail-delete')[0]!.writes.filter((w) => w.status === 'completed'),
  ).toHaveLength(1);
  expect(rig.record(key)).toBeUndefined();
});

test('GitHub failing both the deletion and the mark (its writes down): said, and the next tick finishes the phase again, dispatching again', async () => {
  const key = 'training/fail-writes';
  // GitHub fails the DELETE and then the PATCH that marks the claim finished.
  const first = await tickFailingRecordWritesAfterDispatch('fail-writes', 2);
  expect(first.failures).toEqual([]);
  expect(first.log.join('\n')).toContain(
    'Deleting the record of training/fail-writes failed: 500 Server Error, and so did marking it finished: the next tick takes the phase over and dispatches its continuation again.',
  );
  expect(rig.outputOf(first, 'resumed', key)).toEqual([expect.objectContaining({ conclusion: 'success' })]);
  expect(dispatchesOf('fail-writes')).toHaveLength(1);

  // At least once: the continuation's steps must be safe to re-run (the docs say so).
  const next = await rig.tick();
  expect(next.log.join('\n')).toContain(
    `training/fail-writes: resume run ${first.runId} claimed it and ended before finishing: taking over.`,
  );
  expect(dispatchesOf('fail-writes')).toHaveLength(2);
  expect(rig.record(key)).toBeUndefined();
});

/** A commit of the record at `key` made by another writer: `change` applied, its parent the current one. */
function writeRecordAs(key: string, change: Record<string, unknown>, sha: string): void {
  const current = rig.record(key)!;
  const commit = rig.github.commits.get(current)!;
  const record = { ...rig.recordJson(key), ...change };
  rig.github.commits.set(sha, {
    message: `odahu: parked ${key}\n\n${JSON.stringify(record)}\n`,
    tree: commit.tree,
    parents: [current],
  });
  rig.github.refs.set(`refs/odahu/parked/${key}`, sha);
}

test('a re-run parking a phase while a resume run deletes its former record: the re-run records it anew', async () => {
  const key = 'training/fail-vanish';
  const first = await rig.park('fail-vanish', { 'emulator-seconds': '3600' });
  expect(first.failures).toEqual([]);
  // Between the re-run learning that a record is there and reading it, a resume run deletes it.
  const read = rig.github.hold(/^GET .*\/git\/ref\/odahu\/parked\/training\/fail-vanish$/);
  void read.arrived.then(() => {
    rig.github.refs.delete(`refs/odahu/parked/${key}`);
    read.release();
  });
  const again = await rig.park('fail-vanish', { 'emulator-seconds': '3600' });
  expect(again.failures).toEqual([]);
  expect(again.outputs.state).toBe('parked');
  expect(again.log.join('\n')).not.toMatch(/was parked by run/);
  expect(rig.recordJson(key).run).toMatchObject({ id: again.runId });
  const [, latest] = rig.checkRuns('odahu training fail-vanish');
  expect(latest).toMatchObject({ status: 'in_progress' });
  expect(rig.recordJson(key).checkRun).toMatchObject({ id: latest!.id });
  await rig.tick({ cancel: key });
  expect(rig.record(key)).toBeUndefined();
});

test("GitHub failing to read a phase's former record (a 500) while it is parked again: the re-run fails saying so, the former record stays", async () => {
  const key = 'training/fail-reread';
  const first = await rig.park('fail-reread', { 'emulator-seconds': '3600' });
  const former = rig.record(key);
  rig.github.failNext(500, 1, /\/git\/ref\/odahu\/parked\/training\/fail-reread$/);
  const again = await rig.park('fail-reread', { 'emulator-seconds': '3600' }, { 'if-exists': 'reuse' });
  expect(again.failures).toEqual([
    expect.stringMatching(/^Recording the parked phase failed: 500 Server Error/),
  ]);
  const [formerCheck, latest] = rig.checkRuns('odahu training fail-reread');
  expect(latest).toMatchObject({ status: 'completed', conclusion: 'failure' });
  expect(formerCheck).toMatchObject({ status: 'in_progress' });
  expect(rig.record(key)).toBe(former);
  expect(rig.recordJson(key).run).toMatchObject({ id: first.runId });
  // The training the re-run reused (it did not start it) stays, parked by the first run.
  expect((await apiClient(rig.emulator).trainings.get('fail-reread')).id).toBe('fail-reread');
  await rig.tick({ cancel: key });
  expect(rig.record(key)).toBeUndefined();
});

test('a phase parked again while its record keeps moving (other runs parking it at the same moments): after three tries the step fails, asking to try again', async () => {
  const key = 'training/fail-moving';
  await rig.park('fail-moving', { 'emulator-seconds': '3600' });
  // Each of the re-run's compare-and-swaps meets a record another run wrote a moment before.
  let moves = 0;
  const holdNext = (): void => {
    const update = rig.github.hold(/^PATCH .*\/git\/refs\/odahu\/parked\/training\/fail-moving$/);
    void update.arrived.then(() => {
      moves += 1;
      writeRecordAs(
        key,
        { run: { ...(rig.recordJson(key).run as object), id: `9${moves}` } },
        `${moves}`.repeat(40),
      );
      if (moves < 3) holdNext();
      update.release();
    });
  };
  holdNext();
  const again = await rig.park('fail-moving', { 'emulator-seconds': '3600' }, { 'if-exists': 'reuse' });
  expect(moves).toBe(3);
  expect(again.failures).toEqual([
    'the record of fail-moving kept changing while it was parked again; try again',
  ]);
  expect(rig.recordJson(key).run).toMatchObject({ id: '93' });
  expect(rig.checkRuns('odahu training fail-moving').at(-1)).toMatchObject({
    status: 'completed',
    conclusion: 'failure',
  });
  expect((await apiClient(rig.emulator).trainings.get('fail-moving')).id).toBe('fail-moving');
  await rig.tick({ cancel: key });
  expect(rig.record(key)).toBeUndefined();
});

test('a phase parked again whose record this version cannot read (another version wrote it): the step fails naming the ref, which stays', async () => {
  const key = 'training/fail-foreign';
  await rig.park('fail-foreign', { 'emulator-seconds': '3600' });
  writeRecordAs(key, { version: 2 }, 'f0'.repeat(20));
  const again = await rig.park('fail-foreign', { 'emulator-seconds': '3600' });
  expect(again.failures).toEqual([
    'refs/odahu/parked/training/fail-foreign holds no record this version can read (another version of odahu-actions wrote it?): finish it with that version, or delete the ref (git push origin :refs/odahu/parked/training/fail-foreign) and park again',
  ]);
  // The training the step started (replacing the one there) is not left running unparked.
  await expect(apiClient(rig.emulator).trainings.get('fail-foreign')).rejects.toMatchObject({ status: 404 });
  expect(rig.record(key)).toBe('f0'.repeat(20));
  expect(rig.checkRuns('odahu training fail-foreign').at(-1)).toMatchObject({ conclusion: 'failure' });
  rig.github.refs.delete(`refs/odahu/parked/${key}`);
});
