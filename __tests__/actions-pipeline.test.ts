// The composite pipeline, used as another repository uses it (`<owner>/odahu-actions/pipeline@<ref>`
// in a workflow of its own, run by `npm run workflow`): the same outputs as the separate actions on
// the same manifests, every input checked before anything is created, a cancel that reaches the
// running phase's node process, which deletes what it started (the pipeline's smoke test in
// bundles.test.ts: it needs processes and signals), and predict finding the model by its deployment
// when deploy could not read its URL. The runner runs in this process, each action's step from its
// sources on the emulator's clock.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import { routeBreakingProxy } from './helpers/route-breaking-proxy.js';
import { actionDefinition, trainingManifest } from './helpers/run-action.js';
import { clusterFlags, otherRepository, workflow } from './helpers/other-repository.js';
import { runWorkflowInProcess, stepLines } from './helpers/workflow-cli.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { inProcessStages } = await import('./helpers/in-process.js');

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(() => emulator.close());

const PACKAGING =
  'kind: ModelPackaging\nid: same\nspec: {integrationName: docker-rest, targets: [{name: docker-push, connectionName: docker-ci}]}\n';
const DEPLOYMENT = 'kind: ModelDeployment\nid: same\nspec: {minReplicas: 1}\n';
const REQUEST = '{"columns": ["a", "b"], "data": [[1, 2], [3, 5]]}\n';

/** Another repository whose one step is the pipeline on its training (`id`) and packaging files. */
function pipelineRepository(id: string, moreInputs = ''): string {
  return otherRepository(
    workflow(`      - uses: someone/odahu-actions/pipeline@main
        with:
          training: odahu/training.yaml
          packaging: odahu/packaging.yaml
          poll-interval: 0.1s
${moreInputs}`),
    { 'odahu/training.yaml': trainingManifest(id), 'odahu/packaging.yaml': PACKAGING },
  ).file;
}

/** Each pipeline output, and the separate action's output it must equal. */
const SOURCES: Record<string, [step: string, output: string]> = {
  'training-id': ['train', 'training-id'],
  'training-state': ['train', 'state'],
  'artifact-name': ['train', 'artifact-name'],
  'run-id': ['train', 'run-id'],
  'commit-id': ['train', 'commit-id'],
  'training-status': ['train', 'status'],
  'packaging-id': ['package', 'packaging-id'],
  'packaging-state': ['package', 'state'],
  image: ['package', 'image'],
  results: ['package', 'results'],
  'packaging-status': ['package', 'status'],
  'deployment-id': ['deploy', 'deployment-id'],
  'deployment-state': ['deploy', 'state'],
  url: ['deploy', 'url'],
  promoted: ['deploy', 'promoted'],
  'previous-deployment-id': ['deploy', 'previous-deployment-id'],
  'evaluation-passed': ['deploy', 'evaluation-passed'],
  'evaluation-report': ['deploy', 'evaluation-report'],
  'model-name': ['deploy', 'model-name'],
  'model-version': ['deploy', 'model-version'],
  'available-replicas': ['deploy', 'available-replicas'],
  'deployment-status': ['deploy', 'status'],
  response: ['predict', 'response'],
  'response-file': ['predict', 'response-file'],
  'status-code': ['predict', 'status-code'],
};

/** What differs between two runs of the same manifests: generated ids, times, revisions, temp files. */
function comparable(value: string): string {
  return (
    value
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
      .replace(/\b[0-9a-f]{32,40}\b/g, '<hex>')
      .replace(/-pod-[0-9a-z]+/g, '-pod-<id>')
      // The pipeline's new image rolls out the deployment's next revision.
      .replace(/-\d{5}-deployment/g, '-<revision>-deployment')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
      .replace(/odahu-response-[^"/]+\.json/g, 'odahu-response-<file>.json')
  );
}

test('from another repository, pipeline@<ref> gives the outputs the separate actions give', async () => {
  const with_ = (name: string) => `someone/odahu-actions/${name}@v1`;
  const { file } = otherRepository(
    workflow(`      - uses: actions/checkout@v4
      - id: train
        uses: ${with_('train')}
        with: {training: odahu/training.yaml, poll-interval: 0.1s}
      - id: package
        uses: ${with_('package')}
        with:
          packaging: odahu/packaging.yaml
          artifact-name: \${{ steps.train.outputs.artifact-name }}
          poll-interval: 0.1s
      - id: deploy
        uses: ${with_('deploy')}
        with: {deployment: odahu/deployment.yaml, image: '\${{ steps.package.outputs.image }}', poll-interval: 0.1s}
      - id: predict
        uses: ${with_('predict')}
        with: {url: '\${{ steps.deploy.outputs.url }}', request: odahu/request.json}
      - id: pipeline
        uses: ${with_('pipeline')}
        with:
          training: odahu/training.yaml
          packaging: odahu/packaging.yaml
          deployment: odahu/deployment.yaml
          request: odahu/request.json
          poll-interval: 0.1s
      - name: Keep the outputs
        env:
          STEPS: \${{ toJSON(steps) }}
        run: printf '%s' "$STEPS" > "$GITHUB_WORKSPACE/steps.json"
`),
    {
      'odahu/training.yaml': trainingManifest('same'),
      'odahu/packaging.yaml': PACKAGING,
      'odahu/deployment.yaml': DEPLOYMENT,
      'odahu/request.json': REQUEST,
    },
  );
  const run = await runWorkflowInProcess([file, ...clusterFlags(emulator)], {
    stages: inProcessStages({ emulator }),
  });
  expect(run.stderr).toBe('');
  expect(run.lines.filter((line) => line.trimStart().startsWith('✗'))).toEqual([]);
  expect(run.code).toBe(0);
  // The composite's steps, nested under it, each one of this repository's bundles.
  expect(run.lines).toEqual(
    expect.arrayContaining(['  ▶ Check the inputs', '  ▶ Train', '  ▶ Package', '  ▶ Deploy', '  ▶ Predict']),
  );

  const steps = JSON.parse(readFileSync(join(file, '..', '..', '..', 'steps.json'), 'utf8')) as Record<
    string,
    { outputs: Record<string, string> }
  >;
  const pipeline = steps.pipeline!.outputs;
  // Every output the pipeline declares, and nothing else, each equal to its phase action's.
  expect(Object.keys(pipeline).sort()).toEqual(
    actionDefinition('pipeline')
      .outputs.map((output) => output.id)
      .sort(),
  );
  expect(Object.keys(SOURCES).sort()).toEqual(Object.keys(pipeline).sort());
  for (const [name, [step, output]] of Object.entries(SOURCES)) {
    const separate = steps[step]!.outputs[output];
    expect({ name, value: comparable(pipeline[name]!) }).toEqual({ name, value: comparable(separate ?? '') });
  }
  // Equal, and not because both are empty: only commit-id is (the training's source is object
  // storage), and the outputs of strategy: canary (actions-deploy-canary.test.ts tests them).
  expect(Object.keys(pipeline).filter((name) => pipeline[name] === '')).toEqual([
    'commit-id',
    'promoted',
    'previous-deployment-id',
    'evaluation-passed',
    'evaluation-report',
  ]);
  expect(JSON.parse(pipeline.response!)).toEqual({ prediction: [1.5, 4], columns: ['prediction'] });
});

test('a mistake in the deployment manifest fails the check step: nothing is created, no phase runs', async () => {
  const { file } = otherRepository(
    workflow(`      - uses: someone/odahu-actions/pipeline@main
        with:
          training: |
${trainingManifest('never')
  .split('\n')
  .map((line) => `            ${line}`)
  .join('\n')}
          packaging: |
            kind: ModelPackaging
            id: never
            spec: {integrationName: docker-rest}
          deployment: |
            kind: ModelDeployment
            id: Bad_Id
            spec: {}
          training-timeout: soon
`),
  );
  const before = emulator.answers.length;
  const run = await runWorkflowInProcess([file, ...clusterFlags(emulator)], {
    stages: inProcessStages({ emulator }),
  });
  expect(run.code).toBe(1);
  // Every problem at once, one line each, from the one check before the training.
  const check = stepLines(run, 'Check the inputs');
  expect(check).toContainEqual(expect.stringMatching(/Error: .*id "Bad_Id" is not a valid Odahu id/));
  expect(check).toContainEqual(expect.stringContaining('input training-timeout "soon" is not a duration'));
  for (const phase of ['Train', 'Package', 'Deploy', 'Predict']) {
    expect(run.lines).toContain(`  – ${phase}  skipped`);
  }
  // Only the runner's one look that the cluster is there (cluster-check.ts).
  expect(emulator.answers.slice(before).filter((answer) => answer.path !== '/health')).toEqual([]);
});

test('without a URL from deploy (the route read failed), predict finds the model by its deployment', async () => {
  const proxy = await routeBreakingProxy(emulator.apiUrl);
  try {
    const file = pipelineRepository('pipe-url', `          request: '{"data": [[1, 2]]}'\n`);
    const run = await runWorkflowInProcess([file, ...clusterFlags({ ...emulator, apiUrl: proxy.url })], {
      stages: inProcessStages({ emulator }),
    });
    // Deploy succeeded without a URL; predict was given the deployment, not an empty URL, and its
    // own route read is what fails (the proxy breaks them all), never a request to a relative URL.
    expect(run.lines).toContainEqual(expect.stringMatching(/^ {2}✓ Deploy /));
    const predict = stepLines(run, 'Predict').join('\n');
    expect(predict).not.toMatch(/Invalid URL|give deployment \(a deployment id\) or url/);
    expect(predict).toMatch(/default-route|database is locked/);
  } finally {
    await proxy.close();
  }
});
