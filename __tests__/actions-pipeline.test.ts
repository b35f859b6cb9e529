// The pipeline action gives the outputs the separate actions give on the same manifests.

import type { TestEmulator } from './helpers/emulator.js';
import { startTestEmulator } from './helpers/emulator.js';
import { join } from 'node:path';
import { readActionMetadata } from '../src/workflow/node-action.js';
import { ROOT, emulatorEnv, runAction, trainingManifest } from './helpers/run-action.js';

let emulator: TestEmulator;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startTestEmulator();
  env = emulatorEnv(emulator);
});

afterAll(() => emulator.close());

const packaging =
  'kind: ModelPackaging\nid: same\nspec: {integrationName: docker-rest, targets: [{name: docker-push, connectionName: docker-ci}]}';
const deployment = 'kind: ModelDeployment\nid: same\nspec: {minReplicas: 1}';
const request = '{"columns": ["a", "b"], "data": [[1, 2], [3, 5]]}';

/** Outputs whose values are generated anew on each run (uuids) become their shape. */
function comparable(outputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(outputs).map(([name, value]) => [
      name,
      value
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
        .replace(/\b[0-9a-f]{32,40}\b/g, '<hex>'),
    ]),
  );
}

test('pipeline outputs equal the separate actions outputs', async () => {
  const poll = { 'poll-interval': '0.1s' };
  const train = await runAction('train', { training: trainingManifest('same'), ...poll }, { env });
  const pack = await runAction(
    'package',
    { packaging, 'artifact-name': train.outputs['artifact-name']!, ...poll },
    { env },
  );
  const deploy = await runAction('deploy', { deployment, image: pack.outputs.image!, ...poll }, { env });
  const predict = await runAction('predict', { url: deploy.outputs.url!, request }, { env });
  for (const run of [train, pack, deploy, predict]) expect(run.failure).toBeUndefined();

  const pipeline = await runAction(
    'pipeline',
    { training: trainingManifest('same'), packaging, deployment, request, ...poll },
    { env },
  );
  expect(pipeline.failure).toBeUndefined();

  const separate: Record<string, string> = {
    ...train.outputs,
    ...pack.outputs,
    ...deploy.outputs,
    response: predict.outputs.response!,
  };
  // Every output the pipeline declares is set (but those of strategy: canary, tested with it), and
  // each equals what the separate actions gave.
  const canaryOnly = ['promoted', 'previous-deployment-id'];
  const names = Object.keys(pipeline.outputs).sort();
  expect(names).toEqual(
    Object.keys(readActionMetadata(join(ROOT, 'actions', 'pipeline')).outputs ?? {})
      .filter((name) => !canaryOnly.includes(name))
      .sort(),
  );
  const pick = (outputs: Record<string, string>) =>
    Object.fromEntries(names.map((n) => [n, outputs[n] ?? '']));
  expect(comparable(pipeline.outputs)).toEqual(comparable(pick(separate)));
  expect(JSON.parse(pipeline.outputs.response!)).toEqual({ prediction: [1.5, 4], columns: ['prediction'] });

  // One summary table, a row per phase.
  for (const kind of ['ModelTraining', 'ModelPackaging', 'ModelDeployment', 'Model']) {
    expect(pipeline.summary).toContain(`<td>${kind}</td>`);
  }
}, 60_000);

test('a mistake in the deployment manifest fails before the training starts', async () => {
  const before = emulator.answers.length;
  const run = await runAction(
    'pipeline',
    {
      training: trainingManifest('never'),
      packaging,
      deployment: 'kind: ModelDeployment\nid: Bad_Id\nspec: {}',
    },
    { env },
  );
  expect(run.failure).toMatch(/id "Bad_Id" is not a valid Odahu id/);
  expect(emulator.answers.slice(before)).toEqual([]);
});
