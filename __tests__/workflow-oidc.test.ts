// GitHub OIDC under the local runner: which jobs may ask for a token (permissions as GitHub resolves
// them), the token service it plays (discovery, keys, the token request core.getIDToken makes, the
// claims and subjects GitHub builds), and the actions' auth github-oidc against the embedded emulator:
// granted, not granted (the permission named), and a subject the realm does not trust (Keycloak's
// refusal with the subject shown).

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { givenClusterOrigin } from '../src/workflow/cluster.js';
import { gitHubClaims, gitHubSubject } from '../src/workflow/github-claims.js';
import { IdTokenService } from '../src/workflow/id-token-service.js';
import { grantsIdToken } from '../src/workflow/permissions.js';
import { loadWorkflow, workflowJobs } from '../src/workflow/workflow-file.js';
import type { CliOptions } from './helpers/workflow-cli.js';
import { runWorkflowInProcess, stepLines } from './helpers/workflow-cli.js';

jest.unstable_mockModule('@actions/core', () => core);
const { inProcessStages } = await import('./helpers/in-process.js');

/** The runner's command line in this process, each odahu step from its sources on the embedded emulator's clock. */
function runInProcess(args: string[], options: CliOptions = {}) {
  return runWorkflowInProcess(args, { ...options, stages: inProcessStages() });
}

const FIXTURE = '__tests__/fixtures/workflow/oidc.yml';

test("permissions: the job's own replace the workflow's; write-all and id-token: write grant a token", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wf-permissions-'));
  const write = (name: string, lines: string[]) => {
    writeFileSync(join(dir, name), ['on: workflow_dispatch', ...lines].join('\n'));
    return loadWorkflow(join(dir, name), name);
  };
  const job = (id: string, permissions?: string) => [
    `  ${id}:`,
    '    runs-on: ubuntu-latest',
    ...(permissions ? [`    permissions: ${permissions}`] : []),
    '    steps: [{run: echo}]',
  ];
  const workflow = await write('granted.yml', [
    'permissions: {id-token: write}',
    'jobs:',
    ...job('inherits'),
    ...job('own', '{contents: read}'),
    ...job('all', 'write-all'),
    ...job('read', 'read-all'),
    ...job('none', '{}'),
    ...job('again', '{id-token: write, contents: read}'),
  ]);
  expect(workflowJobs(workflow).map((selected) => [selected.id, grantsIdToken(workflow, selected)])).toEqual([
    ['inherits', true],
    ['own', false],
    ['all', true],
    ['read', false],
    ['none', false],
    ['again', true],
  ]);
  // No permissions anywhere: GitHub's defaults, which never include id-token.
  const defaults = await write('defaults.yml', [
    'jobs:',
    ...job('plain'),
    ...job('own', '{id-token: write}'),
  ]);
  expect(workflowJobs(defaults).map((selected) => grantsIdToken(defaults, selected))).toEqual([false, true]);
});

test('the subject as GitHub builds it: environment, else pull request, else ref', () => {
  const github = { repository: 'acme/models', ref: 'refs/heads/main', event_name: 'push' };
  expect(gitHubSubject({ github, environment: 'production' })).toBe(
    'repo:acme/models:environment:production',
  );
  expect(gitHubSubject({ github: { ...github, event_name: 'pull_request', ref: 'refs/pull/7/merge' } })).toBe(
    'repo:acme/models:pull_request',
  );
  expect(gitHubSubject({ github })).toBe('repo:acme/models:ref:refs/heads/main');
  expect(gitHubSubject({ github: { ...github, ref: 'refs/tags/v1' } })).toBe(
    'repo:acme/models:ref:refs/tags/v1',
  );
});

test("the token service: discovery, keys, and GitHub's answer to a job's token request", async () => {
  const service = await IdTokenService.start();
  try {
    const discovery = (await (await fetch(`${service.issuer}/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      jwks_uri: string;
    };
    expect(discovery).toMatchObject({
      issuer: service.issuer,
      jwks_uri: `${service.issuer}/.well-known/jwks`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    const github = {
      repository: 'acme/models',
      repository_owner: 'acme',
      ref: 'refs/heads/main',
      sha: 'a'.repeat(40),
      event_name: 'workflow_dispatch',
      workflow_ref: 'acme/models/.github/workflows/models.yml@refs/heads/main',
      run_id: '42',
    };
    const job = service.grant(gitHubClaims({ github, environment: 'production' }));
    const { ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: bearer } = job.env;
    expect(url).toMatch(/\?api-version=2\.0$/);
    const ask = (query: string, token = bearer) =>
      fetch(`${url}${query}`, { headers: { authorization: `Bearer ${token}` } });

    const answer = (await (
      await ask('&audience=https%3A%2F%2Fkeycloak.example.com%2Frealms%2Fodahu')
    ).json()) as {
      value: string;
    };
    const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));
    const { payload, protectedHeader } = await jwtVerify(answer.value, keys, {
      issuer: service.issuer,
      audience: 'https://keycloak.example.com/realms/odahu',
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toMatchObject({
      sub: 'repo:acme/models:environment:production',
      environment: 'production',
      repository: 'acme/models',
      repository_owner: 'acme',
      ref: 'refs/heads/main',
      sha: 'a'.repeat(40),
      run_id: '42',
      event_name: 'workflow_dispatch',
      job_workflow_ref: 'acme/models/.github/workflows/models.yml@refs/heads/main',
      runner_environment: 'self-hosted',
      jti: expect.any(String),
    });
    expect(payload.exp! - payload.iat!).toBe(300);
    // Without an audience, GitHub's default: the owner's URL.
    const plain = (await (await ask('')).json()) as { value: string };
    expect((await jwtVerify(plain.value, keys)).payload.aud).toBe('https://github.com/acme');
    // A job's bearer only, and only while the job runs.
    expect((await ask('', 'not-a-job')).status).toBe(401);
    job.revoke();
    expect((await ask('')).status).toBe(401);
  } finally {
    await service.close();
  }
});

test('a job granted id-token: write gets its token and authenticates; one whose permissions do not is told which to add', async () => {
  const run = await runInProcess([FIXTURE]);
  expect(run.stderr).toBe('');
  expect(run.lines).toContainEqual(
    expect.stringMatching(
      /^oidc {7}GitHub's token service at http:\/\/127\.0\.0\.1:\d+ for inherits, all \(id-token: write\); the emulator trusts its tokens with each job's subject$/,
    ),
  );
  expect(stepLines(run, 'Claims')).toEqual([
    '▶ Claims',
    expect.stringMatching(/^ {2}sub=repo:[^:]+\/[^:]+:environment:staging$/),
    '  aud=fixture-audience',
    '  environment=staging',
    expect.stringMatching(
      /^ {2}job_workflow_ref=[^:]+\/__tests__\/fixtures\/workflow\/oidc\.yml@refs\/heads\/.+$/,
    ),
    '  runner_environment=self-hosted',
    '  event_name=workflow_dispatch',
    expect.stringMatching(/^✓ Claims /),
  ]);
  const [inherits, overrides] = run.stdout.split('━━ job overrides');
  expect(inherits).toContain('  Creating training oidc-fixture.');
  expect(stepLines({ ...run, lines: overrides!.split('\n') }, 'Train')).toEqual([
    '▶ Train',
    "  Error: auth github-oidc (from ODAHU_AUTH) needs the job's GitHub OIDC token, which this job may not ask for: " +
      'add "permissions: id-token: write" to the job or the workflow (ACTIONS_ID_TOKEN_REQUEST_URL is not set)',
    expect.stringMatching(/^✗ Train /),
  ]);
  expect(run.lines).toContain('  request url unset');
  expect(run.lines).toContain('  request url set');
  expect(run.lines.filter((line) => line !== '').at(-1)).toMatch(
    /^✗ run failed in .*: succeeded inherits, all; failed overrides$/,
  );
  expect(run.code).toBe(1);
});

test("a subject the emulator does not trust (--oidc-subject): Keycloak's refusal, with the job's subject", async () => {
  const trusted = 'repo:acme/models:environment:production';
  const run = await runInProcess([FIXTURE, '--job', 'inherits', '--oidc-subject', trusted]);
  expect(run.lines).toContainEqual(
    expect.stringContaining(`the emulator trusts its tokens with subject ${trusted} (--oidc-subject)`),
  );
  const train = stepLines(run, 'Train');
  expect(train).toEqual([
    '▶ Train',
    expect.stringMatching(
      new RegExp(
        '^ {2}Error: authentication failed at http://127\\.0\\.0\\.1:\\d+/auth/realms/odahu/protocol/openid-connect/token: ' +
          "Invalid client or Invalid client credentials \\(the job's GitHub OIDC token has sub " +
          '"repo:[^:]+/[^:]+:environment:staging" and aud "http://127\\.0\\.0\\.1:\\d+/auth/realms/odahu": ',
      ),
    ),
    expect.stringMatching(/^✗ Train /),
  ]);
  expect(run.code).toBe(1);
});

test('--oidc-subject with a given cluster: one line, nothing runs', async () => {
  const run = await runInProcess([FIXTURE, '--oidc-subject', 'repo:a/b:ref:refs/heads/main'], {
    env: { ODAHU_API_URL: 'http://127.0.0.1:9' },
  });
  expect(run.stderr).toBe(
    'workflow: --oidc-subject is for the embedded emulator: the cluster given by the environment trusts what its realm is set up to trust\n',
  );
  expect(run.code).toBe(2);
});

test('an empty ODAHU_API_URL is no cluster given: the embedded emulator, and --oidc-subject is taken', () => {
  const sources = (environment: Record<string, string>, vars: Record<string, string> = {}) => ({
    vars,
    secrets: {},
    envFile: {},
    environment,
  });
  expect(givenClusterOrigin(sources({ ODAHU_API_URL: '' }))).toBeUndefined();
  expect(givenClusterOrigin(sources({ ODAHU_API_URL: '  ' }, { ODAHU_API_URL: '' }))).toBeUndefined();
  expect(givenClusterOrigin(sources({ ODAHU_API_URL: 'http://odahu' }))).toBe('the environment');
  expect(givenClusterOrigin(sources({}, { ODAHU_API_URL: 'http://odahu' }))).toBe('--var ODAHU_API_URL');
});
