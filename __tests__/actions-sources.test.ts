// Unit tests of the actions' sources (src/<action>/main.ts), in this process with @actions/core
// mocked, as actions/typescript-action tests its action: each action's run() against an emulator
// over real HTTP, on its held clock, its outputs, its one failure line, its summary. These run
// today's sources even where dist/ is stale, and they are what `jest --coverage` measures.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import type { Api } from './helpers/emulator-http.js';
import { GITHUB_TOKEN, startGitHubStandIn } from './helpers/github-stand-in.js';
import type { GitHubStandIn } from './helpers/github-stand-in.js';

jest.unstable_mockModule('@actions/core', () => core);

// Everything that reaches src/ is imported after the mock, so that every module of the sources gets
// the mocked @actions/core: the helpers too (the emulator helper's client is src/shared's).
const { startTestEmulator } = await import('./helpers/emulator.js');
const { Api: ApiClient, fetchToken } = await import('./helpers/emulator-http.js');
const { trainingManifest } = await import('./helpers/run-action.js');
const { runInProcess, stepInProcess } = await import('./helpers/in-process.js');
const { checkNode } = await import('../src/pipeline/check.js');
const { parseReportMarker, sectionsOf } = await import('../src/shared/github/pr-comment.js');
const { cleanUpAfterCancel, pause, runStep } = await import('../src/shared/action/step.js');

type ActionName = Parameters<typeof runInProcess>[0];

let emulator: TestEmulator;
let api: Api;
let settings: Record<string, string>;
/** GITHUB_* of a run on a pull request, for the report tests. */
let runEnv: Record<string, string> = {};
const temp = mkdtempSync(join(tmpdir(), 'sources-'));

beforeAll(async () => {
  emulator = await startTestEmulator();
  api = new ApiClient(emulator, await fetchToken(emulator));
  settings = {
    'api-url': emulator.apiUrl,
    'auth-url': emulator.authUrl,
    'client-id': emulator.clientId,
    'client-secret': emulator.clientSecret,
  };
});

afterAll(() => emulator.close());

/** Runs the action's main function as its bundle would, with these inputs (and the settings). */
function step(name: ActionName, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runInProcess(name, { ...settings, ...inputs }, { emulator, env: { ...runEnv, ...env } });
}

const PACKAGING =
  'kind: ModelPackaging\nid: unit\nspec: {integrationName: docker-rest, targets: [{name: docker-push, connectionName: docker-ci}]}';
const REQUEST = '{"columns": ["a", "b"], "data": [[1, 2], [3, 5]]}';
const poll = { 'poll-interval': '0.1s' };

describe('train → package → deploy → predict, from the sources', () => {
  const outputs: Record<string, string> = {};

  test('train outputs the artifact and writes its summary row', async () => {
    const run = await step('train', { training: trainingManifest('unit'), ...poll });
    expect(run.failures).toEqual([]);
    expect(run.outputs).toMatchObject({ 'training-id': 'unit', state: 'succeeded' });
    expect(run.outputs['artifact-name']).toMatch(/^wine-1\.0-[0-9a-f-]+\.zip$/);
    expect(run.summaries).toEqual([
      {
        heading: 'Odahu train',
        text: '',
        rows: [expect.any(Array), expect.arrayContaining(['ModelTraining'])],
      },
    ]);
    // Its pod log, in a group (followed, or read once when the pod ended unfollowed).
    expect(run.log).toContain('▸ Log of training unit');
    outputs.artifact = run.outputs['artifact-name']!;
  });

  test('package takes the artifact and outputs the image', async () => {
    const run = await step('package', { packaging: PACKAGING, 'artifact-name': outputs.artifact!, ...poll });
    expect(run.failures).toEqual([]);
    expect(run.outputs).toMatchObject({ 'packaging-id': 'unit', state: 'succeeded' });
    expect(run.outputs.image).toMatch(/wine-1\.0:/);
    outputs.image = run.outputs.image!;
  });

  test('deploy serves the image, then finds nothing to update on a re-run', async () => {
    const first = await step('deploy', { id: 'unit', image: outputs.image!, ...poll });
    expect(first.failures).toEqual([]);
    expect(first.outputs).toMatchObject({ 'deployment-id': 'unit', state: 'Ready' });
    expect(first.log).toContain(
      'spec.predictor is not set: using odahu-ml-server (the Odahu 1.6 server requires one).',
    );
    outputs.url = first.outputs.url!;

    const again = await step('deploy', { id: 'unit', image: outputs.image!, ...poll });
    expect(again.failures).toEqual([]);
    expect(again.log).toContain('Deployment unit already has this spec: nothing to update.');
  });

  test('predict asks the model at the URL and writes the answer to a file', async () => {
    const run = await step('predict', { url: outputs.url!, request: REQUEST });
    expect(run.failures).toEqual([]);
    expect(JSON.parse(run.outputs.response!)).toEqual({ prediction: [1.5, 4], columns: ['prediction'] });
    expect(run.outputs['status-code']).toBe('200');
    expect(readFileSync(run.outputs['response-file']!, 'utf8')).toBe(`${run.outputs.response}\n`);
  });

  test("predict with the model's own client: its secret is masked at once, its grant used", async () => {
    const run = await step('predict', {
      deployment: 'unit',
      info: 'true',
      'model-client-id': emulator.clientId,
      'model-client-secret': emulator.clientSecret,
    });
    expect(run.failures).toEqual([]);
    expect(run.secrets).toContain(emulator.clientSecret);
    expect(run.log.some((line) => line.startsWith('Model info: '))).toBe(true);
  });

  test('wait picks up the training and outputs what train did', async () => {
    const run = await step('wait', { 'training-id': 'unit', ...poll });
    expect(run.failures).toEqual([]);
    expect(run.outputs).toMatchObject({ state: 'succeeded', 'artifact-name': outputs.artifact });
  });
});

test('connection creates the connection and outputs its id', async () => {
  const run = await step('connection', {
    connection:
      'kind: Connection\nid: unit-data\nspec: {type: git, uri: git@github.com:odahu/odahu-examples.git}',
    'ssh-key': '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----',
  });
  expect(run.failures).toEqual([]);
  expect(run.outputs['connection-id']).toBe('unit-data');
  expect((await api.get('connection/unit-data')).status).toBe(200);
});

test('deploy with strategy: canary: a first release, then a new version promoted at the stable URL', async () => {
  const canary = (version: string, probe: Record<string, string> = {}) =>
    step('deploy', {
      deployment: `kind: ModelDeployment\nid: unit-canary\nspec: {image: 'ghcr.io/acme/unit-canary:${version}'}`,
      strategy: 'canary',
      'canary-weights': '50,100',
      'canary-interval': '0.2s',
      ...poll,
      ...probe,
    });
  const first = await canary('1.0');
  expect(first.failures).toEqual([]);
  expect(first.outputs).toMatchObject({ promoted: 'true', url: `${emulator.edgeUrl}/custom/unit-canary` });
  // Probed with a prediction and compared with the live version: every check of a step runs.
  const second = await canary('2.0', {
    'probe-request': REQUEST,
    compare: 'true',
    'compare-tolerance': '100',
  });
  expect(second.failures).toEqual([]);
  expect(second.outputs).toMatchObject({
    promoted: 'true',
    'previous-deployment-id': first.outputs['deployment-id'],
  });
  expect(second.log).toContainEqual(expect.stringMatching(/^Weight 50%: \d+ probes, 0 failed/));
  expect(second.summaries.map((summary) => summary.heading)).toContainEqual(expect.stringMatching(/Canary/));
});

test('batch runs a job of the service and outputs where its results are', async () => {
  const service = [
    'kind: InferenceService',
    'id: unit-batch',
    'spec:',
    '  image: registry.odahu.local/odahu/wine-batch:1.0',
    '  command: [python, predict.py]',
    "  modelRegistry: {local: {meta: {name: wine, version: '1.0'}, modelPath: /opt/model}}",
    '  dataSource: {connection: models-output, path: batch/input/}',
    '  outputDestination: {connection: models-output, path: batch/output/}',
  ].join('\n');
  const run = await step('batch', { service, ...poll });
  expect(run.failures).toEqual([]);
  expect(run.outputs).toMatchObject({ 'service-id': 'unit-batch', state: 'succeeded' });
  expect(JSON.parse(run.outputs.output!)).toEqual({ connection: 'models-output', path: 'batch/output/' });
});

test('apply writes in dependency order, then leaves the unchanged alone', async () => {
  const manifests = [
    'kind: ModelTraining',
    'id: unit-applied',
    "spec: {model: {name: wine, version: '1.0'}, toolchain: mlflow, algorithmSource: {vcs: {connection: unit-applied-data}}}",
    '---',
    'kind: Connection',
    'id: unit-applied-data',
    'spec: {type: git, uri: git@github.com:odahu/odahu-examples.git, keySecret: a2V5}',
  ].join('\n');
  const first = await step('apply', { manifests, ...poll });
  expect(first.failures).toEqual([]);
  const written = first.log.filter((line) => /^(Creating|Updating)/.test(line));
  expect(written[0]).toMatch(/connection unit-applied-data/i);
  const again = await step('apply', { manifests, ...poll });
  expect(again.failures).toEqual([]);
  expect(again.log.filter((line) => /^(Creating|Updating)/.test(line))).toEqual([]);
});

describe('bad input: one failure, every problem in it, and no API call', () => {
  test.each<[ActionName, Record<string, string>, RegExp[]]>([
    [
      'train',
      { training: 'kind: ModelTraining\nid: Bad_Id\nspec: {}', timeout: 'soon' },
      [/Bad_Id/, /"soon"/],
    ],
    ['deploy', { id: 'unit' }, [/the deployment has no image/]],
    ['batch', { timeout: 'soon' }, [/input service is required/, /"soon"/]],
    ['apply', { manifests: 'kind: Nope\nid: x' }, [/Nope/]],
    ['predict', { url: 'not a url', deployment: 'unit' }, [/not both/, /not a URL/]],
    ['wait', { 'poll-interval': '0.01s' }, [/give exactly one of/, /between 0\.1s and 1h/]],
    [
      'pipeline',
      { training: trainingManifest('p'), packaging: PACKAGING, 'on-cancel': 'later' },
      [/on-cancel/],
    ],
    // 50 characters: a fine packaging id, too long for the deployment that would take it.
    [
      'pipeline',
      {
        training: trainingManifest('p'),
        packaging: PACKAGING.replace('id: unit', `id: long-${'x'.repeat(45)}`),
      },
      [/the deployment takes the packaging's id: .*; give a deployment manifest/],
    ],
  ])('%s', async (name, inputs, problems) => {
    const before = emulator.answers.length;
    const run = await step(name, inputs);
    expect(run.failures).toHaveLength(1);
    for (const problem of problems) expect(run.failures[0]).toMatch(problem);
    expect(run.outputs).toEqual({});
    expect(emulator.answers.slice(before)).toEqual([]);
  });
});

describe("the pipeline's check step", () => {
  test('hands on the deployment id (the packaging id without a manifest) and whether to predict', async () => {
    const run = await step('pipeline', {
      training: trainingManifest('p'),
      packaging: PACKAGING,
      request: REQUEST,
    });
    expect(run.failures).toEqual([]);
    expect(run.outputs).toEqual({
      'deployment-id': 'unit',
      request: 'true',
      // Without pr-comment and github-environment the phases tell GitHub nothing.
      'pr-comment': 'false',
      'pr-comment-model': '',
      'github-environment': '',
    });

    const withManifest = await step('pipeline', {
      training: trainingManifest('p'),
      packaging: PACKAGING,
      deployment: 'kind: ModelDeployment\nid: served\nspec: {}',
    });
    expect(withManifest.outputs).toMatchObject({ 'deployment-id': '', request: 'false' });
  });

  test('refuses a node older than the engines floor, which it runs the phases with', () => {
    const engines = (
      JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
        engines: { node: string };
      }
    ).engines.node;
    expect(engines).toBe('>=20.19');
    expect(() => checkNode('20.19.0')).not.toThrow();
    expect(() => checkNode('24.1.0')).not.toThrow();
    expect(() => checkNode('20.18.1')).toThrow(
      'the pipeline runs its phases with the node on PATH, v20.18.1; it needs 20.19 or later',
    );
    expect(() => checkNode('18.20.0')).toThrow(/v18\.20\.0/);
  });
});

describe('on a pull request: the report comment and the deployment record, from the sources', () => {
  let github: GitHubStandIn;
  const reporting = { 'pr-comment': 'true', 'github-token': GITHUB_TOKEN };
  /** What GitHub's runner sets for a step of acme/models' workflow on pull request 7. */
  const pullRequestRun = (): Record<string, string> => {
    const event = join(temp, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        number: 7,
        pull_request: {
          number: 7,
          html_url: 'https://github.com/acme/models/pull/7',
          head: { ref: 'better-wine', sha: 'b'.repeat(40), repo: { full_name: 'acme/models' } },
        },
      }),
    );
    return {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/models',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_RUN_ID: '99',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'Models',
      GITHUB_WORKFLOW_REF: 'acme/models/.github/workflows/models.yml@refs/pull/7/merge',
      GITHUB_JOB: 'model',
    };
  };
  beforeAll(async () => {
    github = await startGitHubStandIn();
    runEnv = pullRequestRun();
  });

  afterAll(async () => {
    runEnv = {};
    await github.close();
  });

  /** The step as the job's step `id` (GITHUB_ACTION), which names its section of the report. */
  const stepAs = (id: string, name: ActionName, inputs: Record<string, string>) =>
    step(name, inputs, { GITHUB_ACTION: id });

  test("train and package write their sections in the deployment's report; deploy records itself", async () => {
    const trained = await stepAs('train', 'train', {
      training: trainingManifest('unit-pr'),
      'pr-comment-model': 'unit-pr',
      ...poll,
      ...reporting,
    });
    expect(trained.failures).toEqual([]);
    const [comment] = github.comments;
    expect(trained.log).toContain(
      `Report on pull request #7 created: https://github.com/acme/models/pull/7#issuecomment-${comment!.id}`,
    );
    const packaged = await stepAs('package', 'package', {
      packaging: PACKAGING.replace('id: unit', 'id: unit-pr'),
      'artifact-name': trained.outputs['artifact-name']!,
      'pr-comment-model': 'unit-pr',
      ...poll,
      ...reporting,
    });
    const deployed = await stepAs('deploy', 'deploy', {
      id: 'unit-pr',
      image: packaged.outputs.image!,
      'github-environment': 'preview',
      ...poll,
      ...reporting,
    });
    expect(deployed.failures).toEqual([]);
    const predicted = await stepAs('predict', 'predict', {
      url: deployed.outputs.url!,
      request: REQUEST,
      ...reporting,
    });
    expect(predicted.failures).toEqual([]);

    expect(github.comments.map((c) => c.id)).toEqual([comment!.id]);
    const body = github.comments[0]!.body;
    expect(parseReportMarker(body)).toEqual({
      workflow: '.github/workflows/models.yml',
      job: 'model',
      resource: 'unit-pr',
      url: deployed.outputs.url,
    });
    expect(sectionsOf(body).map((section) => [section.id, section.markdown.split('\n')[0]])).toEqual([
      ['train', '#### ✅ Odahu train'],
      ['package', '#### ✅ Odahu package'],
      ['deploy', '#### ✅ Odahu deploy'],
      ['predict', '#### ✅ Odahu predict'],
    ]);
    const [record] = github.deployments;
    expect(record!.request).toMatchObject({ ref: 'better-wine', environment: 'preview' });
    expect(record!.statuses).toEqual([
      expect.objectContaining({ state: 'in_progress' }),
      expect.objectContaining({ state: 'success', environment_url: deployed.outputs.url }),
    ]);
    expect(deployed.log).toContain(`GitHub deployment ${record!.id}: success, ${deployed.outputs.url}.`);
  });

  test('a failed deploy: its record fails with the reason; a 403 on the report is a warning', async () => {
    github.refuse(/\/comments$/);
    try {
      const run = await stepAs('deploy', 'deploy', {
        deployment:
          'kind: ModelDeployment\nid: unit-pr-broken\nspec: {annotations: {emulator-outcome: failed}}',
        image: 'ghcr.io/acme/wine:1',
        timeout: '1s',
        'github-environment': 'preview',
        ...poll,
        ...reporting,
      });
      expect(run.failures).toHaveLength(1);
      const record = github.deployments.at(-1)!;
      expect(record.statuses.map((status) => status.state)).toEqual(['in_progress', 'failure']);
      expect(String(record.statuses[1]!.description)).toBe(
        run.failures[0]!.replace(/\s*\n\s*/g, ' ').slice(0, 139) + (run.failures[0]!.length > 140 ? '…' : ''),
      );
      expect(run.log).toContain(
        "Warning: The report on pull request #7 was refused (403 Resource not accessible by integration): the workflow's token needs `permissions: pull-requests: write` (add it to the job or the workflow; a pull request from a fork gets a read-only token)",
      );
    } finally {
      github.refuse(undefined);
    }
  });

  test("the pipeline's check hands the phases what to tell GitHub; outside a pull request, one line", async () => {
    const inputs = { training: trainingManifest('p'), packaging: PACKAGING, 'github-environment': 'preview' };
    const onPullRequest = await step('pipeline', { ...inputs, ...reporting });
    expect(onPullRequest.outputs).toMatchObject({
      'pr-comment': 'true',
      'pr-comment-model': 'unit',
      'github-environment': 'preview',
    });

    const push = { GITHUB_EVENT_NAME: 'push' };
    {
      const onPush = await step('pipeline', { ...inputs, ...reporting }, push);
      expect(onPush.outputs).toMatchObject({ 'pr-comment': 'false', 'github-environment': 'preview' });
      expect(onPush.log.filter((line) => line.includes('pr-comment'))).toEqual([
        'pr-comment: this run is for a push event, not a pull request: no report comment.',
      ]);
      // Without a token nothing can be told: one warning here, and the phases are not asked to.
      const noToken = await step('pipeline', { ...inputs, ...reporting, 'github-token': '' }, push);
      expect(noToken.outputs).toMatchObject({ 'pr-comment': 'false', 'github-environment': '' });
      expect(noToken.log).toContain(
        "Warning: github-environment: github-token is empty (as github.token is outside GitHub's runners): nothing is told to GitHub",
      );
    }
  });
});

describe('a step: cancellation and cleanup', () => {
  test('SIGINT aborts the step: one line, Cancelled (SIGINT)', async () => {
    const run = await stepInProcess('train', {}, () =>
      runStep(async (ctx) => {
        setTimeout(() => process.emit('SIGINT', 'SIGINT'), 20);
        await pause(10_000, ctx.signal);
      }),
    );
    expect(run.failures).toEqual(['Cancelled (SIGINT).']);
    expect(run.log).toEqual(['Received SIGINT: cancelling.', 'Error: Cancelled (SIGINT).']);
  });

  test('cleanup is timed from the cancel, as the step context holds it, not from its own start', async () => {
    let aborted = -1;
    const started = Date.now();
    // Cancelled 5.9 s ago: of the 6 s budget, 0.1 s is left.
    const cleanup = () =>
      cleanUpAfterCancel(
        { signal: AbortSignal.abort(), cancelledAt: Date.now() - 5900 },
        'Deleting x.',
        (signal) => {
          return new Promise((_, reject) =>
            signal.addEventListener('abort', () => {
              aborted = Date.now() - started;
              reject(new Error('aborted'));
            }),
          );
        },
      );
    const run = await stepInProcess('train', {}, cleanup);
    expect(aborted).toBeGreaterThanOrEqual(50);
    expect(aborted).toBeLessThan(1000);
    expect(run.log).toEqual([
      'Deleting x.',
      "Warning: Cleanup after cancel did not finish before the runner's deadline: Deleting x.",
    ]);
  });
});

test('the outputs and summary a failed phase leaves', async () => {
  const slow = await startTestEmulator({ trainingSeconds: 5 });
  try {
    const run = await runInProcess(
      'train',
      {
        'api-url': slow.apiUrl,
        'auth-url': slow.authUrl,
        'client-id': slow.clientId,
        'client-secret': slow.clientSecret,
        training: trainingManifest('unit-slow'),
        timeout: '1s',
        ...poll,
      },
      { emulator: slow },
    );
    expect(run.failures).toEqual([
      expect.stringMatching(/^training unit-slow did not finish within 1s: it is still/),
    ]);
    expect(run.summaries[0]?.rows[1]).toContain('timed out');
  } finally {
    await slow.close();
  }
});
