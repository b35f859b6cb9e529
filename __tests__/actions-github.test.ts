// deploy, predict, pipeline and apply meeting the team on GitHub: the pull request's report comment
// (created once, updated in place, a section per step), GitHub deployment records (success with the
// model's URL, failure with the reason), warnings instead of failures when GitHub refuses, and the
// provenance annotations on the emulator's deployments. GitHub is a local stand-in
// (GITHUB_API_URL); nothing calls github.com.

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelDeployment } from '../src/shared/odahu/types.js';
import type { TestEmulator } from './helpers/emulator.js';
import { Api, fetchToken } from './helpers/emulator-http.js';
import { GITHUB_TOKEN, startGitHubStandIn, startTunnelProxy } from './helpers/github-stand-in.js';
import type { GitHubStandIn } from './helpers/github-stand-in.js';
import { clusterFlags, otherRepository, workflow } from './helpers/other-repository.js';
import { emulatorEnv, trainingManifest } from './helpers/run-action.js';
import { runWorkflowInProcess } from './helpers/workflow-cli.js';

jest.unstable_mockModule('@actions/core', () => core);
const { PROVENANCE_KEYS, PROVENANCE_PREFIX } = await import('../src/shared/action/provenance.js');
const { markdownText } = await import('../src/shared/odahu/untrusted-text.js');
const { parseReportMarker, sectionsOf } = await import('../src/shared/github/pr-comment.js');
const { ACTIONS_VERSION } = await import('../src/shared/version.js');
const { startTestEmulator } = await import('./helpers/emulator.js');
const { inProcessStages, runInProcess } = await import('./helpers/in-process.js');

let emulator: TestEmulator;
let api: Api;
let github: GitHubStandIn;
let odahu: Record<string, string>;

const IMAGE = 'ghcr.io/acme/wine:1';
const poll = { 'poll-interval': '0.1s' };
const REQUEST = '{"columns": ["a", "b"], "data": [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12]]}';

beforeAll(async () => {
  emulator = await startTestEmulator();
  api = new Api(emulator, await fetchToken(emulator));
  github = await startGitHubStandIn();
  odahu = emulatorEnv(emulator);
});

afterAll(async () => {
  await github.close();
  await emulator.close();
});

interface RunFacts {
  event?: 'pull_request' | 'push';
  pr?: number;
  sha?: string;
  attempt?: number;
  step?: string;
  job?: string;
  /** The head branch's repository: another one for a pull request from a fork. */
  headRepo?: string;
}

/** The variables and event payload a GitHub runner gives a step of acme/models' workflow. */
function gitHubRun(facts: RunFacts = {}): Record<string, string> {
  const { event = 'pull_request', pr = 7, sha = 'a'.repeat(40), attempt = 1 } = facts;
  const dir = mkdtempSync(join(tmpdir(), 'odahu-event-'));
  const payload =
    event === 'pull_request'
      ? {
          action: 'synchronize',
          number: pr,
          pull_request: {
            number: pr,
            html_url: `https://github.com/acme/models/pull/${pr}`,
            head: {
              ref: 'better-wine',
              sha: 'b'.repeat(40),
              repo: { full_name: facts.headRepo ?? 'acme/models' },
            },
          },
        }
      : { ref: 'refs/heads/main', after: sha };
  writeFileSync(join(dir, 'event.json'), JSON.stringify(payload));
  return {
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_SHA: sha,
    GITHUB_REF: event === 'pull_request' ? `refs/pull/${pr}/merge` : 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: String(attempt),
    GITHUB_WORKFLOW: 'Models',
    GITHUB_WORKFLOW_REF: `acme/models/.github/workflows/models.yml@refs/pull/${pr}/merge`,
    GITHUB_JOB: facts.job ?? 'model',
    GITHUB_ACTION: facts.step ?? 'deploy',
    GITHUB_ACTOR: 'octocat',
    GITHUB_ACTION_REPOSITORY: 'odahu/odahu-actions',
    GITHUB_ACTION_REF: 'v1',
  };
}

const reporting = { 'pr-comment': 'true', 'github-token': GITHUB_TOKEN };
const recording = { 'github-environment': 'preview', 'github-token': GITHUB_TOKEN };

/** deploy of `id` (the test image) in a run of acme/models described by `facts`. */
function deployModel(id: string, facts: RunFacts, inputs: Record<string, string> = {}) {
  return runInProcess(
    'deploy',
    { id, image: IMAGE, ...poll, ...inputs },
    { emulator, env: { ...odahu, ...gitHubRun(facts) } },
  );
}

function warningsOf(run: { annotations: { level: string; message: string }[] }): string[] {
  return run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
}

function commentsOn(pr: number) {
  return github.comments.filter((comment) => comment.issue === pr);
}

function requestBodies(from: number, pattern: RegExp): Record<string, unknown>[] {
  return github.requests
    .slice(from)
    .filter((r) => pattern.test(`${r.method} ${new URL(r.url, 'http://x').pathname}`))
    .map((r) => JSON.parse(r.body) as Record<string, unknown>);
}

async function storedDeployment(id: string): Promise<ModelDeployment> {
  return (await api.get<ModelDeployment>(`model/deployment/${id}`)).json;
}

describe('the pull request report', () => {
  test('deploy comments once, a re-run updates the same comment, predict adds its section', async () => {
    const from = github.requests.length;
    const first = await deployModel('pr-wine', { pr: 11 }, reporting);
    expect(first.failure).toBeUndefined();
    expect(commentsOn(11)).toHaveLength(1);
    const [comment] = commentsOn(11);
    // Who the token writes as first: only its own comment can be the report.
    expect(github.callsSince(from)).toEqual([
      'POST /graphql',
      'GET /repos/acme/models/issues/11/comments',
      'POST /repos/acme/models/issues/11/comments',
    ]);
    expect(github.requests[from]!.headers['user-agent']).toMatch(/^odahu-actions/);
    const body = comment!.body;
    expect(parseReportMarker(body)).toEqual({
      workflow: '.github/workflows/models.yml',
      job: 'model',
      resource: 'pr-wine',
      url: first.outputs.url,
    });
    expect(body).toContain('### Odahu model <code>pr-wine</code>');
    expect(body).toContain('#### ✅ Odahu deploy');
    expect(body).toContain('<td><code>pr-wine</code></td><td>created, waited</td><td>Ready</td>');
    expect(body).toContain(`**Model**\n\n<table><tr><th>Image</th>`);
    expect(body).toContain(`<td><code>${IMAGE}</code></td>`);
    expect(body).toContain(`<a href="${first.outputs.url}">${first.outputs.url}</a>`);
    expect(body).toContain('<a href="https://github.com/acme/models/actions/runs/4242/attempts/1">run</a>');
    expect(body).toContain(`odahu-actions ${ACTIONS_VERSION}`);
    expect(first.log).toContain(
      `Report on pull request #11 created: https://github.com/acme/models/pull/11#issuecomment-${comment!.id}`,
    );

    // The same model deployed by another job of the workflow has a report of its own.
    const otherJob = await deployModel('pr-wine', { pr: 11, job: 'staging' }, reporting);
    expect(otherJob.failure).toBeUndefined();
    expect(commentsOn(11).map((c) => parseReportMarker(c.body)?.job)).toEqual(['model', 'staging']);

    // Other comments come in between; the re-run (attempt 2, another commit) finds its own again.
    github.comments.push(
      { id: 1, body: 'LGTM', issue: 11, user: { login: 'reviewer', type: 'User' } },
      { id: 2, body: `> quoted\n${body}`, issue: 11, user: { login: 'reviewer', type: 'User' } },
    );
    const rerunFrom = github.requests.length;
    const rerun = await deployModel('pr-wine', { pr: 11, attempt: 2, sha: 'c'.repeat(40) }, reporting);
    expect(rerun.failure).toBeUndefined();
    // Four comments, two to a page: both pages read, then the report edited.
    expect(github.callsSince(rerunFrom)).toEqual([
      'POST /graphql',
      'GET /repos/acme/models/issues/11/comments',
      'GET /repos/acme/models/issues/11/comments',
      `PATCH /repos/acme/models/issues/comments/${comment!.id}`,
    ]);
    const reports = commentsOn(11).filter((c) => parseReportMarker(c.body)?.job === 'model');
    expect(reports.map((c) => c.id)).toEqual([comment!.id]);
    expect(reports[0]!.body).toContain('/attempts/2');
    expect(sectionsOf(reports[0]!.body).map((s) => s.id)).toEqual(['deploy']);
    expect(rerun.log).toContain(
      `Report on pull request #11 updated: https://github.com/acme/models/pull/11#issuecomment-${comment!.id}`,
    );

    // predict in the same job, given only the URL, finds the deployment's report by it.
    const predicted = await runInProcess(
      'predict',
      { url: first.outputs.url!, request: REQUEST, ...reporting },
      { emulator, env: { ...odahu, ...gitHubRun({ pr: 11, attempt: 2, step: 'predict' }) } },
    );
    expect(predicted.failure).toBeUndefined();
    const [report, staging] = commentsOn(11).filter((c) => parseReportMarker(c.body));
    expect(commentsOn(11).filter((c) => parseReportMarker(c.body))).toHaveLength(2);
    expect(sectionsOf(staging!.body).map((s) => s.id)).toEqual(['deploy']);
    expect(sectionsOf(report!.body).map((s) => s.id)).toEqual(['deploy', 'predict']);
    const predictSection = sectionsOf(report!.body)[1]!.markdown;
    expect(predictSection).toContain('#### ✅ Odahu predict');
    expect(predictSection).toContain('**Prediction** (first 5 of 6 rows)');
    // The summary's header and row, then the prediction's header and its first five rows.
    expect(predictSection.match(/<tr>/g)).toHaveLength(2 + 6);
    expect(predictSection).toContain('<td><code>9.5</code></td>');
    expect(predictSection).not.toContain('<td><code>11.5</code></td>');
  });

  test('GitHub answering 502 is tried again, and the comment is made once', async () => {
    // The 502s meet the comment list, after the identity was asked.
    github.failNext(502, 2, /\/comments$/);
    const from = github.requests.length;
    const run = await deployModel('pr-wine', { pr: 14 }, reporting);
    expect(run.failure).toBeUndefined();
    expect(github.callsSince(from)).toEqual([
      'POST /graphql',
      'GET /repos/acme/models/issues/14/comments',
      'GET /repos/acme/models/issues/14/comments',
      'GET /repos/acme/models/issues/14/comments',
      'POST /repos/acme/models/issues/14/comments',
    ]);
    expect(commentsOn(14)).toHaveLength(1);
  });

  test("GitHub's secondary rate limit (403 with Retry-After) is waited out, not taken for a missing permission", async () => {
    github.rateLimitNext(20, /\/comments$/);
    const from = github.requests.length;
    const run = await deployModel('pr-wine', { pr: 16 }, reporting);
    expect(run.failure).toBeUndefined();
    expect(warningsOf(run)).toEqual([]);
    expect(github.callsSince(from)).toEqual([
      'POST /graphql',
      'GET /repos/acme/models/issues/16/comments',
      'GET /repos/acme/models/issues/16/comments',
      'POST /repos/acme/models/issues/16/comments',
    ]);
    expect(commentsOn(16)).toHaveLength(1);
    // The 20 s GitHub asked for passed on the emulator's clock, within the step.
    expect(run.tookMs).toBeGreaterThanOrEqual(20_000);
  });

  test("behind the runner's proxy: GitHub's calls go through it, as the Odahu calls do", async () => {
    // Every tunnel leads to the stand-in, though it is asked for a host that resolves nowhere.
    const proxy = await startTunnelProxy(github.url);
    try {
      const from = github.requests.length;
      const run = await runInProcess(
        'deploy',
        { id: 'proxied-wine', image: IMAGE, ...poll, ...reporting },
        {
          emulator,
          env: {
            ...odahu,
            ...gitHubRun({ pr: 15 }),
            GITHUB_API_URL: 'http://api.github.invalid',
            http_proxy: proxy.url,
          },
        },
      );
      expect(run.failure).toBeUndefined();
      expect(warningsOf(run)).toEqual([]);
      expect(proxy.tunnels).toContain('api.github.invalid:80');
      expect(github.requests.slice(from).map((r) => r.headers.host)).toEqual([
        'api.github.invalid:80',
        'api.github.invalid:80',
        'api.github.invalid:80',
      ]);
      expect(commentsOn(15)).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  test('outside a pull request: one line, and no call to GitHub', async () => {
    const from = github.requests.length;
    const run = await deployModel('push-wine', { event: 'push' }, reporting);
    expect(run.failure).toBeUndefined();
    expect(github.callsSince(from)).toEqual([]);
    expect(run.log.filter((line) => line.includes('pr-comment'))).toEqual([
      'pr-comment: this run is for a push event, not a pull request: no report comment.',
    ]);
    expect(run.annotations.filter((a) => a.level === 'warning')).toEqual([]);
  });

  test('a 403 is a warning naming the permission, and the step succeeds', async () => {
    github.refuse(/\/comments$/);
    try {
      const run = await deployModel('pr-wine', { pr: 12 }, reporting);
      expect(run.exitCode).toBe(0);
      expect(run.failure).toBeUndefined();
      expect(run.outputs.url).toMatch(/^http/);
      const warnings = warningsOf(run);
      expect(warnings).toEqual([
        "The report on pull request #12 was refused (403 Resource not accessible by integration): the workflow's token needs `permissions: pull-requests: write` (add it to the job or the workflow; a pull request from a fork gets a read-only token)",
      ]);
      expect(commentsOn(12)).toEqual([]);
    } finally {
      github.refuse(undefined);
    }
  });

  test('a failed deploy reports its failure', async () => {
    const run = await runInProcess(
      'deploy',
      {
        deployment: 'kind: ModelDeployment\nid: pr-broken\nspec: {annotations: {emulator-outcome: failed}}',
        image: IMAGE,
        timeout: '1s',
        ...poll,
        ...reporting,
      },
      { emulator, env: { ...odahu, ...gitHubRun({ pr: 13 }) } },
    );
    expect(run.failure).toMatch(/pr-broken/);
    const [comment] = commentsOn(13);
    expect(comment!.body).toContain('#### ❌ Odahu deploy');
    // The failure on one line, as the step's own; the image, with nothing served.
    expect(comment!.body).toContain(`**Failed:** ${markdownText(run.failure!)}`);
    expect(comment!.body).toContain(`<td><code>${IMAGE}</code></td><td> </td>`);
  });
});

describe('GitHub deployment records', () => {
  test('in progress while deploying, then success with the model URL', async () => {
    const from = github.requests.length;
    const run = await deployModel('env-wine', { pr: 21 }, recording);
    expect(run.failure).toBeUndefined();
    expect(github.callsSince(from)).toEqual([
      'POST /repos/acme/models/deployments',
      expect.stringMatching(/^POST \/repos\/acme\/models\/deployments\/\d+\/statuses$/),
      expect.stringMatching(/^POST \/repos\/acme\/models\/deployments\/\d+\/statuses$/),
    ]);
    const [created] = requestBodies(from, /^POST .*\/deployments$/);
    expect(created).toEqual({
      ref: 'better-wine',
      environment: 'preview',
      task: 'deploy',
      description: 'Odahu deployment env-wine',
      required_contexts: [],
      auto_merge: false,
      payload: {
        odahuDeployment: 'env-wine',
        run: 'https://github.com/acme/models/actions/runs/4242/attempts/1',
      },
    });
    const statuses = requestBodies(from, /\/statuses$/);
    const logUrl = 'https://github.com/acme/models/actions/runs/4242/attempts/1';
    expect(statuses).toEqual([
      {
        state: 'in_progress',
        description: 'Deploying env-wine',
        log_url: logUrl,
        environment: 'preview',
        auto_inactive: true,
      },
      {
        state: 'success',
        description: `env-wine serves at ${run.outputs.url}`,
        log_url: logUrl,
        environment_url: run.outputs.url,
        environment: 'preview',
        auto_inactive: true,
      },
    ]);
    expect(run.log).toContain(
      `GitHub deployment ${github.deployments.at(-1)!.id}: success, ${run.outputs.url}.`,
    );
  });

  test('failure with the reason when the deploy fails; a fork names its head commit', async () => {
    const from = github.requests.length;
    const run = await runInProcess(
      'deploy',
      {
        deployment: 'kind: ModelDeployment\nid: env-broken\nspec: {annotations: {emulator-outcome: failed}}',
        image: IMAGE,
        timeout: '1s',
        ...poll,
        'github-environment': 'preview',
        'github-token': GITHUB_TOKEN,
      },
      { emulator, env: { ...odahu, ...gitHubRun({ pr: 22, headRepo: 'someone/models' }) } },
    );
    expect(run.failure).toBeDefined();
    const [created] = requestBodies(from, /^POST .*\/deployments$/);
    expect(created!.ref).toBe('b'.repeat(40));
    const statuses = requestBodies(from, /\/statuses$/);
    expect(statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(statuses[1]!.environment_url).toBeUndefined();
    expect(String(statuses[1]!.description)).toBe(
      run.failure!.length > 140 ? `${run.failure!.slice(0, 139)}…` : run.failure,
    );
  });

  test('a 403 on deployments is a warning naming deployments: write', async () => {
    github.refuse(/\/deployments/);
    try {
      const run = await deployModel('env-wine', { pr: 23 }, recording);
      expect(run.failure).toBeUndefined();
      const warnings = warningsOf(run);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /^Recording a GitHub deployment was refused \(403 .*`permissions: deployments: write`/,
      );
    } finally {
      github.refuse(undefined);
    }
  });

  test('bad inputs are one line each, before any call', async () => {
    const from = github.requests.length;
    const odahuFrom = emulator.answers.length;
    const run = await runInProcess(
      'deploy',
      {
        id: 'env-wine',
        image: IMAGE,
        'github-environment': 'x'.repeat(256),
        'pr-comment': 'sure',
        'github-token': GITHUB_TOKEN,
      },
      { emulator, env: { ...odahu, ...gitHubRun({ pr: 24 }) } },
    );
    expect(run.failure?.split('\n')).toEqual([
      'input pr-comment must be true or false, not "sure"',
      "input github-environment is longer than GitHub's 255 characters",
    ]);
    expect(github.callsSince(from)).toEqual([]);
    expect(emulator.callsSince(odahuFrom)).toEqual([]);
  });

  test('without a token (as outside GitHub) a warning, and the deploy goes on', async () => {
    const from = github.requests.length;
    const run = await deployModel(
      'env-wine',
      { pr: 25 },
      { 'github-environment': 'preview', 'github-token': '' },
    );
    expect(run.failure).toBeUndefined();
    expect(github.callsSince(from)).toEqual([]);
    expect(warningsOf(run)).toEqual([
      "github-environment: github-token is empty (as github.token is outside GitHub's runners): nothing is told to GitHub",
    ]);
  });
});

describe('provenance on the cluster', () => {
  const ownedBy = (team: string) =>
    `kind: ModelDeployment\nid: prov-wine\nspec: {annotations: {team: ${team}}}`;

  test('deploy annotates what it creates; a re-run on another commit changes nothing', async () => {
    const run = await deployModel('prov-wine', { pr: 31 }, { deployment: ownedBy('wine') });
    expect(run.failure).toBeUndefined();
    const stored = await storedDeployment('prov-wine');
    expect(stored.spec.annotations).toEqual({
      team: 'wine',
      [PROVENANCE_KEYS.repository]: 'acme/models',
      [PROVENANCE_KEYS.commit]: 'a'.repeat(40),
      [PROVENANCE_KEYS.runUrl]: 'https://github.com/acme/models/actions/runs/4242/attempts/1',
      [PROVENANCE_KEYS.actor]: 'octocat',
      [PROVENANCE_KEYS.pullRequest]: 'https://github.com/acme/models/pull/31',
      [PROVENANCE_KEYS.action]: 'odahu/odahu-actions/deploy@v1',
      [PROVENANCE_KEYS.version]: ACTIONS_VERSION,
    });

    // Another commit, same manifest: the update is skipped, and the record of who made it stays.
    const from = emulator.answers.length;
    const again = await deployModel(
      'prov-wine',
      { event: 'push', sha: 'd'.repeat(40) },
      { deployment: ownedBy('wine') },
    );
    expect(again.log).toContain('Deployment prov-wine already has this spec: nothing to update.');
    expect(emulator.callsSince(from, { writes: true })).toEqual([]);
    expect((await storedDeployment('prov-wine')).spec.annotations?.[PROVENANCE_KEYS.commit]).toBe(
      'a'.repeat(40),
    );

    // A real change is sent with the new run's provenance.
    const changed = await deployModel(
      'prov-wine',
      { event: 'push', sha: 'd'.repeat(40) },
      { deployment: ownedBy('red-wine') },
    );
    expect(changed.log).toContain('Updating deployment prov-wine.');
    const updated = (await storedDeployment('prov-wine')).spec.annotations!;
    expect(updated.team).toBe('red-wine');
    expect(updated[PROVENANCE_KEYS.commit]).toBe('d'.repeat(40));
    expect(updated[PROVENANCE_KEYS.pullRequest]).toBeUndefined();
  });

  test('apply annotates the deployments it creates, and leaves an unchanged one alone', async () => {
    const manifests = `kind: ModelDeployment\nid: prov-applied\nspec: {image: ${IMAGE}}`;
    const run = await runInProcess(
      'apply',
      { manifests, wait: 'true', ...poll },
      { emulator, env: { ...odahu, ...gitHubRun({ event: 'push', step: 'apply' }) } },
    );
    expect(run.failure).toBeUndefined();
    const annotations = (await storedDeployment('prov-applied')).spec.annotations!;
    expect(annotations[PROVENANCE_KEYS.action]).toBe('odahu/odahu-actions/apply@v1');
    expect(annotations[PROVENANCE_KEYS.commit]).toBe('a'.repeat(40));

    const again = await runInProcess(
      'apply',
      { manifests, ...poll },
      { emulator, env: { ...odahu, ...gitHubRun({ event: 'push', step: 'apply', sha: 'e'.repeat(40) }) } },
    );
    expect(JSON.parse(again.outputs.resources!)).toEqual([
      { kind: 'ModelDeployment', id: 'prov-applied', action: 'unchanged' },
    ]);
  });

  test('every key is a valid Kubernetes annotation key under our one prefix', () => {
    // k8s.io/apimachinery IsQualifiedName: a DNS-1123 subdomain prefix (253), a name of 63 at most.
    const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
    const name = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
    for (const key of Object.values(PROVENANCE_KEYS)) {
      expect(key.startsWith(PROVENANCE_PREFIX)).toBe(true);
      const [prefix, local, ...rest] = key.split('/');
      expect(rest).toEqual([]);
      expect(prefix).toMatch(subdomain);
      expect(prefix!.length).toBeLessThanOrEqual(253);
      expect(local).toMatch(name);
      expect(local!.length).toBeLessThanOrEqual(63);
    }
  });
});

describe('the composite pipeline, from another repository', () => {
  const PACKAGING =
    'kind: ModelPackaging\nid: pipe-report\nspec: {integrationName: docker-rest, targets: [{name: docker-push, connectionName: docker-ci}]}';

  /**
   * acme/models with a workflow whose one step is the pipeline, run by `npm run workflow` against the
   * emulator. On a pull request, the job's env stands in for what GitHub's runner would set and the
   * local one cannot: the pull request's event payload, and the API at the stand-in.
   */
  async function runPipeline(
    facts: { pr?: number; training?: string; inputs?: Record<string, string> } = {},
  ) {
    const event = facts.pr === undefined ? undefined : gitHubRun({ pr: facts.pr }).GITHUB_EVENT_PATH;
    const inputs = {
      training: 'odahu/training.yaml',
      packaging: 'odahu/packaging.yaml',
      request: 'odahu/request.json',
      ...poll,
      ...facts.inputs,
    };
    const steps = `      - id: pipeline
        uses: acme/odahu-actions/pipeline@v1
        with:
${Object.entries(inputs)
  .map(([name, value]) => `          ${name}: '${value}'`)
  .join('\n')}
`;
    const env = { GITHUB_API_URL: github.url, ...(event ? { GITHUB_EVENT_PATH: event } : {}) };
    const { file, dir } = otherRepository(workflow(steps, { on: '[pull_request, workflow_dispatch]', env }), {
      'odahu/training.yaml': facts.training ?? trainingManifest('pipe-report'),
      'odahu/packaging.yaml': PACKAGING,
      'odahu/request.json': REQUEST,
    });
    execFileSync('git', ['-C', dir, 'remote', 'add', 'origin', 'https://github.com/acme/models.git']);
    const eventName = event ? 'pull_request' : 'workflow_dispatch';
    return runWorkflowInProcess([file, '--event', eventName, ...clusterFlags(emulator)], {
      stages: inProcessStages({ emulator }),
    });
  }

  const everything = { ...reporting, 'github-environment': 'staging' };

  test('each phase writes its section of one report; deploy records the deployment', async () => {
    const from = github.requests.length;
    const run = await runPipeline({ pr: 41, inputs: everything });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // One comment: created by the training's section, then edited by each later phase.
    const comments = github.callsSince(from).filter((call) => call.includes('/comments'));
    expect(comments.filter((call) => call.startsWith('POST'))).toEqual([
      'POST /repos/acme/models/issues/41/comments',
    ]);
    expect(comments.filter((call) => call.startsWith('PATCH'))).toHaveLength(3);
    const [comment] = commentsOn(41);
    expect(commentsOn(41)).toHaveLength(1);
    expect(parseReportMarker(comment!.body)).toMatchObject({
      workflow: '.github/workflows/model.yml',
      job: 'model',
      resource: 'pipe-report',
    });
    expect(comment!.body).toContain('### Odahu model <code>pipe-report</code>');
    // Named as GitHub's runner names a composite's steps: <the pipeline's step>.<the phase's>.
    const sections = sectionsOf(comment!.body);
    expect(sections.map((s) => s.id)).toEqual([
      'pipeline.train',
      'pipeline.package',
      'pipeline.deploy',
      'pipeline.predict',
    ]);
    const titles = ['Odahu train', 'Odahu package', 'Odahu deploy', 'Odahu predict'];
    sections.forEach((section, i) => expect(section.markdown).toMatch(new RegExp(`^#### ✅ ${titles[i]}`)));
    const training = await api.get<{ status: { artifacts: { artifactName: string }[] } }>(
      'model/training/pipe-report',
    );
    const artifact = training.json.status.artifacts.at(-1)!.artifactName;
    expect(sections[0]!.markdown).toContain(`artifact-name: <code>${artifact}</code>`);
    expect(sections[1]!.markdown).toMatch(/image: <code>[^<]+<\/code>/);
    expect(sections[2]!.markdown).toMatch(/url: <a href="http[^"]+\/model\/pipe-report/);
    expect(sections[3]!.markdown).toContain('**Prediction** (first 5 of 6 rows)');

    // The deploy phase's record, from in_progress to success with the model's URL.
    const record = github.deployments.at(-1)!;
    expect(record.request).toMatchObject({ ref: 'better-wine', environment: 'staging' });
    expect(record.statuses.map((status) => status.state)).toEqual(['in_progress', 'success']);
    const url = parseReportMarker(comment!.body)!.url;
    expect(url).toMatch(/\/model\/pipe-report$/);
    expect(record.statuses[1]!.environment_url).toBe(url);
    // And provenance on the cluster, written by the deploy phase.
    const annotations = (await storedDeployment('pipe-report')).spec.annotations!;
    expect(annotations[PROVENANCE_KEYS.action]).toBe('odahu-actions/deploy');
    expect(annotations[PROVENANCE_KEYS.repository]).toBe('acme/models');
    expect(annotations[PROVENANCE_KEYS.pullRequest]).toBe('https://github.com/acme/models/pull/41');

    // A re-run: the same comment, its sections this run's. Then one whose training fails: the
    // report shows that, and no longer the earlier run's package, deploy and predict.
    const again = await runPipeline({ pr: 41, inputs: everything });
    expect(again.code).toBe(0);
    expect(commentsOn(41).map((c) => c.id)).toEqual([comment!.id]);
    const rerun = sectionsOf(commentsOn(41)[0]!.body);
    expect(rerun.map((s) => s.id)).toEqual(sections.map((s) => s.id));
    expect(new Set(rerun.map((s) => s.run)).size).toBe(1);
    expect(rerun[0]!.run).not.toBe(sections[0]!.run);

    const failed = await runPipeline({
      pr: 41,
      training: trainingManifest('pipe-report', { 'emulator-outcome': 'failed' }),
      inputs: everything,
    });
    expect(failed.code).toBe(1);
    expect(commentsOn(41).map((c) => c.id)).toEqual([comment!.id]);
    const afterFailure = sectionsOf(commentsOn(41)[0]!.body);
    expect(afterFailure.map((s) => s.id)).toEqual(['pipeline.train']);
    expect(afterFailure[0]!.markdown).toMatch(/^#### ❌ Odahu train/);
    expect(afterFailure[0]!.markdown).toContain('**Failed:**');
  });

  test('outside a pull request: one line for the whole pipeline, and no call to GitHub', async () => {
    const from = github.requests.length;
    const run = await runPipeline({ inputs: everything });
    expect(run.code).toBe(0);
    expect(github.callsSince(from)).toEqual([
      // github-environment is not about pull requests: the deploy phase still records.
      'POST /repos/acme/models/deployments',
      expect.stringMatching(/\/statuses$/),
      expect.stringMatching(/\/statuses$/),
    ]);
    expect(run.lines.filter((line) => line.includes('pr-comment'))).toEqual([
      expect.stringMatching(
        /pr-comment: this run is for a workflow_dispatch event, not a pull request: no report comment\.$/,
      ),
    ]);
  });

  test('a 403 is a warning naming pull-requests: write, and the pipeline succeeds', async () => {
    github.refuse(/\/comments$/);
    try {
      const run = await runPipeline({ pr: 42, inputs: reporting });
      expect(run.code).toBe(0);
      const warnings = run.lines.filter((line) => line.includes('pull request #42 was refused'));
      // Each phase that writes a section says it, once.
      expect(warnings).toHaveLength(4);
      for (const warning of warnings) expect(warning).toContain('`permissions: pull-requests: write`');
      expect(commentsOn(42)).toEqual([]);
    } finally {
      github.refuse(undefined);
    }
  });

  test('a bad GitHub input fails the check step: nothing created, no phase run', async () => {
    const odahuFrom = emulator.answers.length;
    const from = github.requests.length;
    const run = await runPipeline({
      pr: 43,
      inputs: { ...reporting, 'pr-comment': 'sure', 'github-environment': 'x'.repeat(256) },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('input pr-comment must be true or false, not "sure"');
    expect(run.stdout).toContain("input github-environment is longer than GitHub's 255 characters");
    expect(emulator.callsSince(odahuFrom)).toEqual([]);
    expect(github.callsSince(from)).toEqual([]);
  });
});

describe('a canary release', () => {
  const FAST = { strategy: 'canary', 'canary-interval': '0.3s', 'canary-weights': '50,100' };
  const release = (version: string, facts: RunFacts) =>
    runInProcess(
      'deploy',
      {
        deployment: `kind: ModelDeployment\nid: gh-canary\nspec: {image: 'ghcr.io/acme/gh-canary:${version}'}`,
        ...FAST,
        ...poll,
        ...reporting,
        ...recording,
      },
      { emulator, env: { ...odahu, ...gitHubRun(facts) } },
    );

  test('its steps in the report, the stable URL in the record, provenance on each version', async () => {
    const first = await release('1.0', { pr: 51 });
    expect(first.failure).toBeUndefined();
    const stableUrl = first.outputs.url!;
    expect(stableUrl).toMatch(/\/custom\/gh-canary$/);
    const [comment] = commentsOn(51);
    expect(parseReportMarker(comment!.body)).toMatchObject({ resource: 'gh-canary', url: stableUrl });
    expect(comment!.body).toContain(
      `**Canary release of ${first.outputs['deployment-id']}** (first release; ${stableUrl} serves ${first.outputs['deployment-id']})`,
    );
    const firstRecord = github.deployments.at(-1)!;
    expect(firstRecord.statuses.at(-1)).toMatchObject({ state: 'success', environment_url: stableUrl });
    const firstVersion = (await storedDeployment(first.outputs['deployment-id']!)).spec.annotations!;
    expect(firstVersion[PROVENANCE_KEYS.commit]).toBe('a'.repeat(40));

    // A new version on a new commit: promoted step by step, the same comment updated.
    const second = await release('2.0', { pr: 51, attempt: 2, sha: 'c'.repeat(40) });
    expect(second.failure).toBeUndefined();
    expect(second.outputs.promoted).toBe('true');
    expect(commentsOn(51)).toHaveLength(1);
    const body = commentsOn(51)[0]!.body;
    expect(body).toContain(
      `**Canary release of ${second.outputs['deployment-id']}** (promoted; ${stableUrl} serves`,
    );
    expect(body).toContain('<td><code>50%</code></td>');
    expect(body).toContain('<td><code>100%</code></td>');
    const secondVersion = (await storedDeployment(second.outputs['deployment-id']!)).spec.annotations!;
    expect(secondVersion[PROVENANCE_KEYS.commit]).toBe('c'.repeat(40));

    // The same release from yet another commit: the version's id does not hang on provenance.
    const again = await release('2.0', { pr: 51, attempt: 3, sha: 'e'.repeat(40) });
    expect(again.outputs['deployment-id']).toBe(second.outputs['deployment-id']);
    expect(commentsOn(51)[0]!.body).toContain('(already serving: nothing rolled out;');
    const kept = (await storedDeployment(second.outputs['deployment-id']!)).spec.annotations!;
    expect(kept[PROVENANCE_KEYS.commit]).toBe('c'.repeat(40));
  });
});
