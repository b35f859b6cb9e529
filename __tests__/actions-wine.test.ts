// The seed's wine DAG, each step from its sources as GitHub's runner would run its bundle, against
// the emulator: connection → train → package → deploy → model info → prediction, outputs wired from
// step to step as examples/workflows/wine.yml wires them (npm run demo runs that workflow end to end
// with the bundles: workflow-demo.test.ts).

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestEmulator } from './helpers/emulator.js';
import { ROOT } from './helpers/run-action.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { runInProcess } = await import('./helpers/in-process.js');

const GCP_KEY = JSON.stringify({
  type: 'service_account',
  project_id: 'wine-project',
  private_key_id: 'abc123',
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n',
  client_email: 'trainer@wine-project.iam.gserviceaccount.com',
});
const SSH_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----';

let emulator: TestEmulator;
let env: Record<string, string>;

beforeAll(async () => {
  // A training that runs for 2 s: the step's 0.1 s polls see it running.
  emulator = await startTestEmulator({ trainingSeconds: 2 });
  env = {
    ODAHU_API_URL: emulator.apiUrl,
    ODAHU_AUTH_URL: emulator.authUrl,
    ODAHU_CLIENT_ID: emulator.clientId,
    ODAHU_CLIENT_SECRET: emulator.clientSecret,
  };
});

afterAll(() => emulator.close());

/** The row mean the emulator's model server predicts (src/emulator/README.md). */
function mean(row: number[]): number {
  return row.reduce((a, b) => a + b, 0) / row.length;
}

test('the wine pipeline, step by step, outputs chained', async () => {
  // Only what the workflow itself registers; the keys must be masked by the actions.
  const secrets = [emulator.clientSecret];
  const wine = await runInProcess(
    'connection',
    {
      connection: 'examples/odahu/connection-wine.odahuflow.yaml',
      vars: 'bucket: wine-bucket\nproject: wine-project',
      'gcp-credentials': GCP_KEY,
    },
    { env, secrets, emulator },
  );
  expect(wine.failure).toBeUndefined();
  expect(wine.outputs['connection-id']).toBe('wine');

  const examples = await runInProcess(
    'connection',
    { connection: 'examples/odahu/connection-examples.odahuflow.yaml', 'ssh-key': SSH_KEY },
    { env, secrets, emulator },
  );
  expect(examples.failure).toBeUndefined();

  const train = await runInProcess(
    'train',
    { training: 'examples/odahu/training.odahuflow.yaml', 'poll-interval': '0.1s' },
    { env, secrets, emulator },
  );
  expect(train.failure).toBeUndefined();
  expect(train.exitCode).toBe(0);
  expect(train.outputs).toMatchObject({ 'training-id': 'wine', state: 'succeeded' });
  expect(train.outputs['artifact-name']).toMatch(/^wine-1\.0-[0-9a-f-]+\.zip$/);
  expect(train.log.some((line) => line === '▸ Log of training wine')).toBe(true);
  expect(
    train.log.filter((line) => / training wine: /.test(line)).map((l) => l.split(': ')[1]?.split(' ')[0]),
  ).toEqual(expect.arrayContaining(['running', 'succeeded']));
  expect(train.summary).toContain('<code>wine</code>');

  const pack = await runInProcess(
    'package',
    {
      packaging: 'examples/odahu/packaging.odahuflow.yaml',
      'artifact-name': train.outputs['artifact-name']!,
      'poll-interval': '0.1s',
    },
    { env, secrets, emulator },
  );
  expect(pack.failure).toBeUndefined();
  expect(pack.outputs.state).toBe('succeeded');
  expect(pack.outputs.image).toMatch(/wine-1\.0:/);
  expect(JSON.parse(pack.outputs.results!)).toEqual({ image: pack.outputs.image });

  const deploy = await runInProcess(
    'deploy',
    {
      deployment: 'examples/odahu/deployment.odahuflow.yaml',
      image: pack.outputs.image!,
      'poll-interval': '0.1s',
    },
    { env, secrets, emulator },
  );
  expect(deploy.failure).toBeUndefined();
  expect(deploy.log).toContain(
    'spec.predictor is not set: using odahu-ml-server (the Odahu 1.6 server requires one).',
  );
  expect(deploy.outputs).toMatchObject({
    'deployment-id': 'wine',
    state: 'Ready',
    url: `${emulator.edgeUrl}/model/wine`,
    'model-name': 'wine',
    'model-version': '1.0',
    'available-replicas': '1',
  });

  const info = await runInProcess(
    'predict',
    { url: deploy.outputs.url!, info: 'true' },
    { env, secrets, emulator },
  );
  expect(info.failure).toBeUndefined();
  const document = JSON.parse(info.outputs.response!) as { info: { title: string; version: string } };
  expect(document.info).toMatchObject({ title: 'wine', version: '1.0' });

  const request = JSON.parse(readFileSync(join(ROOT, 'examples/odahu/wine-request.json'), 'utf8')) as {
    data: number[][];
  };
  const predict = await runInProcess(
    'predict',
    { url: deploy.outputs.url!, request: 'examples/odahu/wine-request.json' },
    { env, secrets, emulator },
  );
  expect(predict.failure).toBeUndefined();
  expect(JSON.parse(predict.outputs.response!)).toEqual({
    prediction: request.data.map(mean),
    columns: ['prediction'],
  });
  expect(predict.outputs['status-code']).toBe('200');
  expect(JSON.parse(readFileSync(predict.outputs['response-file']!, 'utf8'))).toEqual(
    JSON.parse(predict.outputs.response!),
  );

  // No step showed a secret: the masks held, and none leaked into outputs or summaries.
  for (const run of [wine, examples, train, pack, deploy, info, predict]) {
    const shown = [...run.log, run.summary, ...Object.values(run.outputs)].join('\n');
    for (const secret of [
      emulator.clientSecret,
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
      'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
    ]) {
      expect(shown).not.toContain(secret);
    }
  }
});
