// deploy with strategy: canary, from its sources against the emulator over HTTP: a first release at
// the stable URL; a good version promoted (the route ends with one target at 100%); a version that
// answers errors, one too slow and one whose predictions drift each rolled back with one line while
// the stable URL keeps answering from the old version; a cancel mid-rollout rolled back; the role
// check, a 403 anyway, bad inputs, and re-runs after an interrupted rollout; an evaluation before
// any traffic (evaluate-dataset) that promotes a good version and rolls a worse one back.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import { join } from 'node:path';
import type { TestEmulator } from './helpers/emulator.js';
import { Api, call, fetchToken } from './helpers/emulator-http.js';
import { emulatorEnv, trainingManifest } from './helpers/run-action.js';
import type { ActionRun } from './helpers/run-action.js';
import { forwardTo, startTinyServer } from './helpers/tiny-server.js';
import type { TinyServer } from './helpers/tiny-server.js';
import type { ModelDeployment, ModelRoute } from '../src/shared/odahu/types.js';
import { clusterFlags, otherRepository, summaryOf, workflow } from './helpers/other-repository.js';
import { runWorkflowInProcess } from './helpers/workflow-cli.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { inProcessStages, runInProcess } = await import('./helpers/in-process.js');

const SCIENTIST = {
  clientId: 'canary-scientist',
  clientSecret: 'scientist-secret',
  role: 'data_scientist' as const,
};

let emulator: TestEmulator;
let api: Api;
let env: Record<string, string>;

beforeAll(async () => {
  // Seeded: the weighted draws and the flaky model's failures are the same on every run.
  emulator = await startTestEmulator({ seed: 7, extraClients: [SCIENTIST] });
  api = new Api(emulator, await fetchToken(emulator));
  env = emulatorEnv(emulator);
});

afterAll(() => emulator.close());

const REQUEST = '{"columns": ["a", "b"], "data": [[1, 2], [3, 5]]}';
const FAST = { 'canary-interval': '0.3s', 'poll-interval': '0.1s', 'canary-weights': '10,50,100' };

/** A canary release of `ghcr.io/acme/<model>:<version>` (the emulator names the model after the image). */
function release(
  id: string,
  version: string,
  extra: Record<string, string> = {},
  annotations = '',
  workspace?: string,
) {
  const manifest = [
    'kind: ModelDeployment',
    `id: ${id}`,
    'spec:',
    `  image: ghcr.io/acme/${id}:${version}`,
    ...(annotations ? ['  annotations:', annotations] : []),
  ].join('\n');
  return runInProcess(
    'deploy',
    { deployment: manifest, strategy: 'canary', ...FAST, ...extra },
    { env, emulator, workspace },
  );
}

/** The version answering at the stable URL, by the model-version header of its info. */
async function versionAt(url: string): Promise<string | null> {
  const reply = await call(`${url}/api/model/info`, 'GET', api.token);
  expect(reply.status).toBe(200);
  return reply.headers.get('model-version');
}

async function routeTargets(id: string) {
  return (await api.get<ModelRoute>(`model/route/${id}`)).json.spec.modelDeployments;
}

/** The stable route sends every request to `id` alone, and the URL answers from `version`. */
async function expectServing(id: string, url: string, version: string): Promise<void> {
  expect(await routeTargets(id.replace(/-[0-9a-f]{6}$/, ''))).toEqual([{ mdName: id, weight: 100 }]);
  expect(await versionAt(url)).toBe(version);
}

/**
 * What a release ended with: its outputs name the version serving at the stable URL, which serves
 * it alone, and the version that lost (the old one, or the rolled back one) is deleted.
 */
async function expectEnded(
  run: ActionRun,
  end: { promoted: boolean; serving: string; version: string; url: string; deleted: string },
): Promise<void> {
  expect(run.outputs).toMatchObject({
    promoted: String(end.promoted),
    'deployment-id': end.serving,
    url: end.url,
    'model-version': end.version,
  });
  await expectServing(end.serving, end.url, end.version);
  expect(await deleted(end.deleted)).toBe(true);
}

/** Gone, or marked for deletion (the controller removes it a moment later). */
async function deleted(id: string): Promise<boolean> {
  const reply = await api.get<ModelDeployment>(`model/deployment/${id}`);
  return reply.status === 404 || reply.json.deletionMark === true;
}

describe('a model released by canary', () => {
  let first: string;
  let second: string;
  let url: string;

  it('starts with a first release: the stable URL serves it alone', async () => {
    const run = await release('wine', '1.0');
    expect(run.failure).toBeUndefined();
    url = run.outputs.url!;
    expect(url).toBe(`${emulator.edgeUrl}/custom/wine`);
    expect(run.outputs).toMatchObject({ promoted: 'true', 'previous-deployment-id': '', state: 'Ready' });
    first = run.outputs['deployment-id']!;
    expect(first).toMatch(/^wine-[0-9a-f]{6}$/);
    await expectServing(first, url, '1.0');
    // Every version answers to the model's role, not to one of its own.
    const deployment = await api.get<ModelDeployment>(`model/deployment/${first}`);
    expect(deployment.json.spec.roleName).toBe('role-wine');
    expect(run.summary).toContain('First release');
  });

  it('promotes a good version: the route ends with it alone at 100%, the old one deleted', async () => {
    const run = await release('wine', '2.0', { 'probe-request': REQUEST });
    expect(run.failure).toBeUndefined();
    second = run.outputs['deployment-id']!;
    expect(second).not.toBe(first);
    expect(run.outputs['previous-deployment-id']).toBe(first);
    await expectEnded(run, { promoted: true, serving: second, version: '2.0', url, deleted: first });
    for (const weight of [10, 50, 100]) {
      expect(run.log).toContainEqual(
        expect.stringMatching(new RegExp(`^Weight ${weight}%: \\d+ probes, 0 failed, .*: passed\\.$`)),
      );
    }
    // The summary: one row per step with its figures.
    expect(run.summary).toMatch(
      /<td>10%<\/td><td>\d+<\/td><td>0<\/td><td>\d+ ms<\/td><td>–<\/td><td>passed<\/td>/,
    );
    expect(run.summary).toContain('Promoted');
  });

  it.each([
    [
      'answering errors',
      { 'probe-request': REQUEST },
      // Every answer: with a share, whether the few probes a loaded machine fits into a step meet
      // a failure would be left to the dice (shares are judged in shared-canary.test.ts).
      "    emulator-error-rate: '1'",
      /^canary wine-[0-9a-f]{6} failed the probe check at weight 10%: \d+ of \d+ probes failed, 100% > max-error-rate 0% \(\d+ answered 500 Internal Server Error; p95 latency \d+ ms\); rolled back: \S+\/custom\/wine serves wine-[0-9a-f]{6} again$/,
      0,
    ],
    [
      'too slow',
      { 'max-latency': '100ms' },
      "    emulator-latency-ms: '250'",
      /^canary wine-[0-9a-f]{6} failed the probe check at weight 10%: \d+ of \d+ probes failed, 100% > max-error-rate 0% \(\d+ slower than max-latency 100 ms; p95 latency \d+ ms\); rolled back: /,
      // At least the model's own 250 ms; a loaded machine adds to it.
      250,
    ],
    [
      'whose predictions drift beyond the tolerance',
      { 'probe-request': REQUEST, compare: 'true', 'compare-tolerance': '0.01' },
      "    emulator-prediction-offset: '0.5'",
      /^canary wine-[0-9a-f]{6} failed the compare check at weight 10%: \d+ of \d+ answers differ from the live version's by more than compare-tolerance 0\.01, 100% > max-error-rate 0% \(largest difference 0\.5, agreement 0%\); rolled back: /,
      0,
    ],
  ])(
    'rolls back a version %s, the stable URL answering from the old version',
    async (_what, inputs, annotations, line, minP95Ms) => {
      const run = await release('wine', '3.0', inputs, annotations);
      expect(run.exitCode).not.toBe(0);
      expect(run.failure).toMatch(line);
      // The slow version's line gives its p95, at least the latency it was made to add.
      if (minP95Ms > 0)
        expect(Number(/p95 latency (\d+) ms/.exec(run.failure!)?.[1])).toBeGreaterThanOrEqual(minP95Ms);
      expect(run.failure).toContain(`serves ${second} again`);
      const candidate = /^canary (\S+) failed/.exec(run.failure!)![1]!;
      await expectEnded(run, { promoted: false, serving: second, version: '2.0', url, deleted: candidate });
      expect(run.summary).toContain('Rolled back');
      // The paragraph says once what serves again, then why.
      expect(run.summary.match(/serves <code>[^<]+<\/code> again/g)).toHaveLength(1);
      expect(run.summary).toMatch(/again\. Why: canary /);
      expect(run.summary).toMatch(/failed the (probe|compare) check<\/td>/);
    },
  );

  it('rolls back when cancelled mid-rollout, within the runner’s signal window', async () => {
    const controller = new AbortController();
    let cancelledAt = 0;
    const run = await runInProcess(
      'deploy',
      {
        deployment: 'kind: ModelDeployment\nid: wine\nspec: {image: "ghcr.io/acme/wine:4.0"}',
        strategy: 'canary',
        'canary-interval': '20s',
        'poll-interval': '0.1s',
      },
      {
        emulator,
        env,
        signal: controller.signal,
        onLine: (line) => {
          if (!controller.signal.aborted && /^Weight 10%: probing /.test(line)) {
            cancelledAt = Date.now();
            controller.abort();
          }
        },
      },
    );
    expect(run.failure).toBe('Cancelled (SIGINT).');
    expect(Date.now() - cancelledAt).toBeLessThan(7500);
    expect(run.log).toContainEqual(
      expect.stringMatching(
        new RegExp(`^Rolling back: the stable URL back to ${second} alone, deleting wine-[0-9a-f]{6}\\.$`),
      ),
    );
    expect(run.outputs).toMatchObject({ promoted: 'false', 'deployment-id': second });
    await expectServing(second, url, '2.0');
    const candidate = /deleting (wine-[0-9a-f]{6})\.$/.exec(
      run.log.find((l) => l.startsWith('Rolling back'))!,
    )![1]!;
    expect(await deleted(candidate)).toBe(true);
  });

  it('changes nothing when the same version already serves (a re-run)', async () => {
    const from = emulator.answers.length;
    const run = await release('wine', '2.0', { 'probe-request': REQUEST });
    expect(run.failure).toBeUndefined();
    expect(run.outputs).toMatchObject({
      promoted: 'true',
      'deployment-id': second,
      'previous-deployment-id': '',
    });
    expect(emulator.callsSince(from, { writes: true })).toEqual([]);
    // The serving version is read once: its outputs come from that read.
    expect(
      emulator.callsSince(from).filter((call) => call === `GET /api/v1/model/deployment/${second}`),
    ).toHaveLength(1);
  });

  it('clears what an interrupted rollout left, then releases', async () => {
    // An earlier run was killed at 50%: its candidate still takes half of the traffic.
    await api.post('model/deployment', {
      id: 'wine-0ff1ce',
      spec: { image: 'ghcr.io/acme/wine:9.9', predictor: 'odahu-ml-server' },
    });
    await api.waitFor<ModelDeployment>('model/deployment/wine-0ff1ce', (d) => d.status?.state === 'Ready');
    const put = await api.put('model/route', {
      id: 'wine',
      spec: {
        urlPrefix: '/custom/wine',
        modelDeployments: [
          { mdName: second, weight: 50 },
          { mdName: 'wine-0ff1ce', weight: 50 },
        ],
      },
    });
    expect(put.status).toBe(200);
    const run = await release('wine', '5.0');
    expect(run.failure).toBeUndefined();
    expect(run.log).toContain(
      `A previous rollout did not finish (route wine: 50% ${second}, 50% wine-0ff1ce).`,
    );
    expect(run.log).toContain('Deleting wine-0ff1ce, a version left by an unfinished rollout.');
    expect(await deleted('wine-0ff1ce')).toBe(true);
    expect(run.outputs).toMatchObject({ promoted: 'true', 'previous-deployment-id': second });
    await expectServing(run.outputs['deployment-id']!, url, '5.0');
  });
});

test('a token that may not write routes is refused before anything changes', async () => {
  const from = emulator.answers.length;
  const run = await runInProcess(
    'deploy',
    { id: 'sci', image: 'ghcr.io/acme/sci:1', strategy: 'canary', ...FAST },
    {
      emulator,
      env: { ...env, ODAHU_CLIENT_ID: SCIENTIST.clientId, ODAHU_CLIENT_SECRET: SCIENTIST.clientSecret },
    },
  );
  expect(run.failure).toBe(
    'strategy: canary writes model routes, which only the odahu_admin role may do; this token has odahu_data_scientist: nothing was changed',
  );
  expect(emulator.callsSince(from)).toEqual([]);
  expect(run.outputs.promoted).toBe('false');
});

test('a 403 on the route anyway (roles the token does not show) rolls back cleanly', async () => {
  await release('guard', '1.0');
  const proxy = await routeRefusingProxy(emulator.apiUrl);
  try {
    const run = await release('guard', '2.0', { 'api-url': proxy.url });
    expect(run.failure).toMatch(
      /^PUT \S+\/api\/v1\/model\/route failed: 403 RBAC: access denied: strategy: canary writes model routes, which only the odahu_admin role may do; rolled back: \S+\/custom\/guard serves guard-[0-9a-f]{6} again$/,
    );
    const candidate = run.log.find((l) => /^Deleting guard-[0-9a-f]{6}\.$/.test(l));
    expect(candidate).toBeDefined();
    expect(await deleted(candidate!.slice('Deleting '.length, -1))).toBe(true);
    expect(await routeTargets('guard')).toHaveLength(1);
  } finally {
    await proxy.close();
  }
});

test('every bad canary input is one line, before any API call', async () => {
  const from = emulator.answers.length;
  const run = await runInProcess(
    'deploy',
    {
      id: 'x'.repeat(40),
      image: 'ghcr.io/acme/x:1',
      strategy: 'canary',
      'canary-weights': '50,10',
      'canary-interval': 'soon',
      'max-error-rate': '0.05',
      'max-latency': '2 seconds',
      compare: 'true',
      'compare-tolerance': '-1',
      'if-exists': 'replace',
      wait: 'false',
    },
    { env, emulator },
  );
  expect(run.failure!.split('\n')).toEqual([
    'input canary-weights must rise step by step, e.g. 10,50,100; not "50,10"',
    'input canary-interval "soon" is not a duration: use seconds or h, m, s and ms parts, e.g. 90, 90s, 15m, 2h, 1h30m, 500ms',
    'input max-latency "2 seconds" is not a duration: use seconds or h, m, s and ms parts, e.g. 90, 90s, 15m, 2h, 1h30m, 500ms',
    'input max-error-rate must be a percentage from 0% to 100%, e.g. 0%, 5% or 2.5%; not "0.05"',
    'input compare-tolerance must be a number ≥ 0 (the largest difference between two predictions that agree), not "-1"',
    'input compare: true needs input probe-request: a prediction request to send to both versions',
    `id "${'x'.repeat(40)}" is too long for strategy: canary: at most 39 characters, as each version is deployed as <id>-<6 characters> (a deployment id has at most 46)`,
    'input if-exists: replace does not apply to strategy: canary (each version is a deployment of its own, next to the one serving)',
    'input wait: false does not go with strategy: canary, which waits for every step',
  ]);
  expect(emulator.callsSince(from)).toEqual([]);
});

test('the pipeline passes strategy: canary and its inputs on to its deploy stage', async () => {
  // The composite pipeline, used from another repository as users use it, under the local runner.
  const pipeline = async (hyperParameters: Record<string, string>) => {
    const { dir, file } = otherRepository(
      workflow(`      - id: pipeline
        uses: someone/odahu-actions/pipeline@v1
        with:
          training: odahu/training.yaml
          packaging: odahu/packaging.yaml
          request: '${REQUEST}'
          strategy: canary
          canary-weights: 50,100
          canary-interval: 0.2s
          probe-request: '${REQUEST}'
          poll-interval: 0.1s
      - env:
          OUTPUTS: \${{ toJSON(steps.pipeline.outputs) }}
        run: printf '%s' "$OUTPUTS" > "$GITHUB_WORKSPACE/outputs.json"
`),
      {
        'odahu/training.yaml': trainingManifest('piped', hyperParameters),
        'odahu/packaging.yaml':
          'kind: ModelPackaging\nid: piped\nspec: {integrationName: docker-rest, targets: [{name: docker-push, connectionName: docker-ci}]}',
      },
    );
    const run = await runWorkflowInProcess([file, ...clusterFlags(emulator)], {
      stages: inProcessStages({ emulator }),
    });
    expect(run.lines.filter((line) => line.trimStart().startsWith('✗'))).toEqual([]);
    const outputs = JSON.parse(readFileSync(join(dir, 'outputs.json'), 'utf8')) as Record<string, string>;
    return { run, outputs, summary: summaryOf(run) };
  };
  const first = await pipeline({ alpha: '0.5' });
  expect(first.outputs).toMatchObject({ url: `${emulator.edgeUrl}/custom/piped`, promoted: 'true' });
  // A changed hyperparameter: a new artifact, a new image, a new version.
  const second = await pipeline({ alpha: '0.7' });
  expect(second.outputs).toMatchObject({
    url: `${emulator.edgeUrl}/custom/piped`,
    promoted: 'true',
    'previous-deployment-id': first.outputs['deployment-id'],
  });
  expect(second.outputs.response).toMatch(/^\{"prediction":/);
  expect(second.run.stdout).toMatch(/^ +Weight 50%: \d+ probes, 0 failed/m);
  expect(second.summary).toContain('Canary release of');
  expect(await routeTargets('piped')).toEqual([{ mdName: second.outputs['deployment-id'], weight: 100 }]);
});

/** Forwards to the emulator, refusing every route write with the policy's 403. */
function routeRefusingProxy(upstream: string): Promise<TinyServer> {
  return startTinyServer((request, response) => {
    if (request.method !== 'GET' && request.url.startsWith('/api/v1/model/route')) {
      response.writeHead(403, { 'content-type': 'text/plain' });
      response.end('RBAC: access denied');
    } else void forwardTo(upstream, request, response);
  });
}

describe('a canary gated by an evaluation before any traffic (evaluate-dataset)', () => {
  // Rows labelled by what the emulated model answers (their mean): a version without faults scores 0.
  // In the step's workspace: files an input names are read there (or in RUNNER_TEMP) only.
  const workspace = mkdtempSync(join(tmpdir(), 'canary-eval-'));
  const dataset = join(workspace, 'eval.csv');
  writeFileSync(
    dataset,
    [
      'a,b,region,y',
      ...Array.from(
        { length: 40 },
        (_, i) => `${i},${i % 7},${i % 2 ? 'north' : 'south'},${(i + (i % 7)) / 2}`,
      ),
    ].join('\n'),
  );
  const gated = (version: string, annotations = '') =>
    release(
      'gated',
      version,
      {
        'evaluate-dataset': dataset,
        'evaluate-gates': 'rmse <= 0.1\nrmse regression <= 0',
        'evaluate-options': '{label-column: y, slice-by: [region], batch-size: 16}',
      },
      annotations,
      workspace,
    );
  let serving: string;

  it('evaluates a first release alone, leaving out the gates that compare', async () => {
    const run = await gated('1.0');
    expect(run.failure).toBeUndefined();
    serving = run.outputs['deployment-id']!;
    expect(run.outputs).toMatchObject({ promoted: 'true', 'evaluation-passed': 'true' });
    expect(run.log).toContain(
      `Evaluating ${serving} before it serves at the stable URL (a first release: nothing to compare with; not judged: rmse regression <= 0).`,
    );
    expect(run.summary).toContain(`Evaluation of <code>${serving}</code>`);
  });

  it('rolls back a worse version before any traffic moved, naming the gates it failed', async () => {
    const run = await gated('2.0', "    emulator-prediction-offset: '0.5'");
    expect(run.failure).toMatch(
      /^gated-[0-9a-f]{6} failed the evaluation before traffic: rmse 0\.5 > 0\.1 \(baseline 0\); rmse regression 0\.5 > 0 \(0\.5 against baseline 0\); rolled back: \S+\/custom\/gated serves gated-[0-9a-f]{6} again$/,
    );
    expect(run.outputs['evaluation-passed']).toBe('false');
    const candidate = /^(\S+) failed/.exec(run.failure!)![1]!;
    // No step ran: the route never sent the candidate anything.
    expect(run.log.filter((line) => line.startsWith('Weight '))).toEqual([]);
    await expectEnded(run, {
      promoted: false,
      serving,
      version: '1.0',
      url: run.outputs.url!,
      deleted: candidate,
    });
    const report = JSON.parse(readFileSync(run.outputs['evaluation-report']!, 'utf8')) as {
      overall: { candidate: { metrics: { rmse: number } }; rows: number };
    };
    expect(report.overall).toMatchObject({ rows: 40, candidate: { metrics: { rmse: 0.5 } } });
  });

  it('promotes a version that passes it', async () => {
    const run = await gated('3.0');
    expect(run.failure).toBeUndefined();
    expect(run.outputs).toMatchObject({
      promoted: 'true',
      'evaluation-passed': 'true',
      'previous-deployment-id': serving,
    });
    expect(run.log).toContainEqual(
      expect.stringMatching(
        /^Evaluating gated-[0-9a-f]{6} against gated-[0-9a-f]{6} before any traffic moves to it\.$/,
      ),
    );
    expect(run.log).toContain('✓ rmse regression 0 ≤ 0 (0 against baseline 0)');
  });
});
