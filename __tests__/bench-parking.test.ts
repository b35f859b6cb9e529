// The parking benchmark's fixed parts (npm run bench times the rest): the waited workflow it runs is
// wine-park.yml with `wait: true` and nothing else changed that a waiting job keeps, and GitHub's
// per-job rounding of billed minutes.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { billedMinutes, waitingVariant } from '../bench/parking.js';
import { loadWorkflow } from '../src/workflow/workflow-file.js';
import { ROOT } from './helpers/run-action.js';

const parkWorkflow = readFileSync(join(ROOT, 'examples', 'workflows', 'wine-park.yml'), 'utf8');

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
const jobOf = (text: string) =>
  (load(text) as { jobs: { train: { 'timeout-minutes'?: number; steps: Step[] } } }).jobs.train;

test('the waited workflow is wine-park.yml waiting: wait true, no continuation, the 6-hour default job limit', async () => {
  const waited = waitingVariant(parkWorkflow);
  const parked = jobOf(parkWorkflow);
  const job = jobOf(waited);
  expect(parked['timeout-minutes']).toBe(10);
  expect(job['timeout-minutes']).toBeUndefined();
  const train = job.steps.find((step) => step.uses?.includes('/train@'))!;
  const parkedTrain = parked.steps.find((step) => step.uses?.includes('/train@'))!;
  const { wait: _wait, 'resume-workflow': _workflow, 'resume-inputs': _inputs, ...kept } = parkedTrain.with!;
  expect(train.with).toEqual({ ...kept, wait: true });
  expect(job.steps).toHaveLength(parked.steps.length);
  // The runner takes it as it is.
  const file = join(mkdtempSync(join(tmpdir(), 'bench-parking-')), 'wine-wait.yml');
  writeFileSync(file, waited);
  await expect(loadWorkflow(file, 'wine-wait.yml')).resolves.toBeDefined();
});

test('a changed wine-park.yml stops the benchmark, naming what no longer matches', () => {
  expect(() => waitingVariant(parkWorkflow.replace(/^( +wait: )park$/m, '$1true'))).toThrow(
    /wine-park\.yml has changed: .*wait/,
  );
});

test('billed minutes: each job rounded up to a whole minute, the held cluster time counted', () => {
  const job = (wallMs: number, clusterMs = 0) => ({ what: 'x', wallMs, clusterMs, exitCode: 0 });
  expect(billedMinutes([job(500), job(480), job(61_000)])).toBe(1 + 1 + 2);
  expect(billedMinutes([job(1_200, 600_000)])).toBe(11);
});
