// Issue 18, a test per row that is not about what the runner obeys: a hostile token endpoint, GitHub
// (someone else's comment with the report's marker), a model that trickles, floods or names its
// columns to break the report, manifest vars, images and files from outside the workspace. Each runs
// the actions' sources in this process with @actions/core mocked, over real HTTP against the emulator
// or a hostile stand-in (__tests__/helpers), and measures what it waits for.

import { mkdirSync, mkdtempSync, readFileSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import type { GitHubStandIn } from './helpers/github-stand-in.js';
import type { HostileModel } from './helpers/hostile-model.js';

jest.unstable_mockModule('@actions/core', () => core);

const { startTestEmulator } = await import('./helpers/emulator.js');
const { GITHUB_TOKEN, startGitHubStandIn } = await import('./helpers/github-stand-in.js');
const { startHostileModel } = await import('./helpers/hostile-model.js');
const { sendJson, startTinyServer } = await import('./helpers/tiny-server.js');
const { trainingManifest, ROOT } = await import('./helpers/run-action.js');
const { ClientCredentialsTokenSource } = await import('../src/shared/odahu/auth.js');
const { loadManifest } = await import('../src/shared/action/manifests.js');
const { PodLog } = await import('../src/shared/action/pod-log.js');
const { parseReportMarker, reportMarker } = await import('../src/shared/github/pr-comment.js');
const { runInProcess } = await import('./helpers/in-process.js');

let emulator: TestEmulator;
let model: HostileModel;
let github: GitHubStandIn;
const temp = mkdtempSync(join(tmpdir(), 'hostile-'));
/** A folder outside the workspace (ROOT) and outside RUNNER_TEMP. */
const elsewhere = mkdtempSync(join(tmpdir(), 'elsewhere-'));

beforeAll(async () => {
  emulator = await startTestEmulator();
  model = await startHostileModel({ kind: 'json', body: {} });
  github = await startGitHubStandIn();
});

afterAll(async () => {
  await github.close();
  await model.close();
  await emulator.close();
});

/** What GitHub's runner sets for a step of acme/models' workflow on pull request 9. */
function runEnv(): Record<string, string> {
  const event = join(temp, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      number: 9,
      pull_request: {
        number: 9,
        html_url: 'https://github.com/acme/models/pull/9',
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
    GITHUB_RUN_ID: '77',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'Models',
    GITHUB_WORKFLOW_REF: 'acme/models/.github/workflows/models.yml@refs/pull/9/merge',
    GITHUB_JOB: 'model',
    GITHUB_ACTION: 'predict',
  };
}

/**
 * The action's sources as its bundle would run, with this run's GITHUB_* variables, on the wall
 * clock: what is measured here is how long a hostile peer is waited for.
 */
function step(name: 'train' | 'deploy' | 'predict', inputs: Record<string, string>) {
  return runInProcess(name, inputs, { env: { RUNNER_TEMP: temp, ...runEnv(), ...stepEnv } });
}

/** More of the step's environment, set by a test for its steps. */
const stepEnv: Record<string, string> = {};

const odahu = () => ({
  'api-url': emulator.apiUrl,
  'auth-url': emulator.authUrl,
  'client-id': emulator.clientId,
  'client-secret': emulator.clientSecret,
});
/** predict against the hostile model by URL, with a ready token: no token endpoint involved. */
const atModel = (inputs: Record<string, string> = {}) => ({
  url: model.url,
  request: '{"data": [[1]]}',
  token: 'static-token',
  'api-url': model.url,
  ...inputs,
});

/** Settles with the outcome, or 'still running' after `ms` (the old code hung here). */
function within<T>(ms: number, work: Promise<T>): Promise<T | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still running'>(
    (resolve) => (timer = setTimeout(() => resolve('still running'), ms)),
  );
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

describe('row 3: the token request goes to the configured origin only', () => {
  let other: Awaited<ReturnType<typeof startTinyServer>>;
  beforeAll(async () => {
    // Where a hostile endpoint would send the secret: it answers like a token endpoint.
    other = await startTinyServer((_request, response) =>
      sendJson(response, 200, { access_token: 'stolen' }),
    );
  });
  afterAll(() => other.close());

  const source = (authUrl: string) =>
    new ClientCredentialsTokenSource({
      authUrl,
      clientId: 'wine-ci',
      clientSecret: 'redirected-secret-0123',
      scope: 'openid',
      retry: { policy: { budgetMs: 0 } },
    });

  test('a 307 to another host: no request follows it, one line says why', async () => {
    const endpoint = await startTinyServer((_request, response) => {
      response.writeHead(307, { location: `${other.url}/token` }).end();
    });
    try {
      const failure = await source(`${endpoint.url}/token`)
        .token()
        .catch((error: Error) => error.message);
      expect(other.requests).toEqual([]);
      expect(failure).toMatch(
        /answered 307 with a redirect to http:\/\/127\.0\.0\.1:\d+\/token: a token request follows no redirect/,
      );
      expect(String(failure).split('\n')).toHaveLength(1);
    } finally {
      await endpoint.close();
    }
  });

  test('an OpenID configuration naming a token_endpoint on another origin is refused', async () => {
    const issuer = await startTinyServer((request, response) => {
      if (request.url.endsWith('/.well-known/openid-configuration')) {
        sendJson(response, 200, { issuer: 'x', token_endpoint: `${other.url}/token` });
      } else {
        sendJson(response, 404, { error: 'not found' });
      }
    });
    try {
      const failure = await source(`${issuer.url}/realms/odahu`)
        .token()
        .catch((error: Error) => error.message);
      expect(other.requests).toEqual([]);
      expect(failure).toMatch(/names token_endpoint http:\/\/127\.0\.0\.1:\d+\/token on another origin/);
      // Another host name for the same server is another origin too: localhost is not 127.0.0.1.
      const sameServer = `${issuer.url.replace('127.0.0.1', 'localhost')}/realms/odahu`;
      const other2 = await source(sameServer)
        .token()
        .catch((error: Error) => error.message);
      expect(other2).toMatch(/on another origin/);
    } finally {
      await issuer.close();
    }
  });
});

describe("row 4: the report comment is only ever the token's own", () => {
  const key = () => ({
    workflow: '.github/workflows/models.yml',
    job: 'model',
    resource: model.url,
    url: model.url,
  });

  test("another user's comment with the marker is left alone; the report is a comment of the token's", async () => {
    model.behave({ kind: 'json', body: { prediction: [[1]] } });
    const forged = `${reportMarker(key())}\n### Odahu model\n\nApproved by security team`;
    github.comments.push({ id: 1, body: forged, issue: 9, user: { login: 'mallory', type: 'User' } });
    const run = await step('predict', atModel({ 'pr-comment': 'true', 'github-token': GITHUB_TOKEN }));
    expect(run.failures).toEqual([]);
    expect(github.comments.find((c) => c.id === 1)?.body).toBe(forged);
    const reports = github.comments.filter((c) => c.issue === 9 && parseReportMarker(c.body));
    expect(reports.map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]']);
    expect(reports[1]!.body).not.toContain('Approved by security team');
  });

  test("with a person's token, the report that person's token wrote is found again", async () => {
    github.addToken('ghp_maintainer0123', { login: 'octo-maintainer', type: 'User', installation: false });
    const from = github.requests.length;
    const first = await step(
      'predict',
      atModel({ 'pr-comment': 'true', 'github-token': 'ghp_maintainer0123' }),
    );
    expect(first.failures).toEqual([]);
    const mine = github.comments.filter((c) => c.user.login === 'octo-maintainer');
    expect(mine).toHaveLength(1);
    await step('predict', atModel({ 'pr-comment': 'true', 'github-token': 'ghp_maintainer0123' }));
    expect(github.comments.filter((c) => c.user.login === 'octo-maintainer')).toHaveLength(1);
    expect(github.callsSince(from)).toContain(`PATCH /repos/acme/models/issues/comments/${mine[0]!.id}`);
    // Where GraphQL does not answer, GET /user does.
    github.withoutGraphql();
    await step('predict', atModel({ 'pr-comment': 'true', 'github-token': 'ghp_maintainer0123' }));
    expect(github.comments.filter((c) => c.user.login === 'octo-maintainer')).toHaveLength(1);
    expect(github.callsSince(from)).toContain('GET /user');
  });
});

describe('row 5: every read has a deadline that holds while bytes trickle in', () => {
  test.each([
    ['sends a byte every 50 ms', { kind: 'trickle', everyMs: 50 } as const],
    ['takes the request and never answers', { kind: 'silent' } as const],
  ])('a model that %s: predict ends at its ready-timeout (300 ms)', async (_what, behaviour) => {
    model.behave(behaviour);
    const started = Date.now();
    const run = await within(
      3000,
      step('predict', atModel({ 'ready-timeout': '0.3s', 'retry-timeout': '0.3s' })),
    );
    const elapsed = Date.now() - started;
    expect(run).not.toBe('still running');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
    expect(core.recorded.failures).toEqual([expect.stringMatching(/no complete answer within 0\.3s/)]);
    model.behave({ kind: 'json', body: {} });
  });
});

describe('row 6: answers, logs and comments have size caps', () => {
  test('a 30 MB answer is not read past 8 MiB: one line says so', async () => {
    const before = model.sent;
    model.behave({ kind: 'huge', bytes: 30 * 1024 * 1024 });
    const run = await step('predict', atModel());
    expect(run.failures).toEqual([
      expect.stringMatching(/the answer is larger than 8 MiB; it was not read further$/),
    ]);
    expect(run.outputs.response).toBeUndefined();
    // The client stopped reading: the server could not send it all.
    expect(model.sent - before).toBeLessThan(20 * 1024 * 1024);
  });

  test('5,000 columns: the comment is made, under 65,536 characters, saying what was left out', async () => {
    const columns = Array.from({ length: 5000 }, (_, i) => `feature_${i}`);
    model.behave({ kind: 'json', body: { prediction: [columns.map((_, i) => i * 1.5)], columns } });
    stepEnv.GITHUB_ACTION = 'predict-wide';
    const from = github.comments.length;
    const run = await step(
      'predict',
      atModel({ 'pr-comment': 'true', 'github-token': GITHUB_TOKEN, url: `${model.url}/wide` }),
    );
    expect(run.failures).toEqual([]);
    expect(run.log.filter((line) => line.startsWith('Warning'))).toEqual([]);
    const comment = github.comments
      .slice(from)
      .find((c) => parseReportMarker(c.body)?.resource === `${model.url}/wide`);
    expect(comment).toBeDefined();
    expect(comment!.body.length).toBeLessThanOrEqual(65_536);
    expect(comment!.body).toContain('first 20 of 5000 columns');
    const prediction = run.log.find((line) => line.startsWith('Prediction: '))!;
    expect(prediction.length).toBeLessThan(4200);
    expect(prediction).toMatch(/more characters not shown; response-file has them\)$/);
  });

  test('a pod log line of 1 MB is printed cut, with a note', async () => {
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    const printed: string[] = [];
    const log = PodLog.follow({
      title: 'Log of training long',
      signal: new AbortController().signal,
      write: (text) => void printed.push(text),
      open: () => Promise.resolve(stream),
    });
    for (let i = 0; i < 16; i++) stream.write('y'.repeat(64 * 1024));
    stream.end('\nlast\n');
    expect(await log.ended).toBe('ended');
    const long = printed.find((text) => text.startsWith('yyy'))!;
    expect(long.length).toBeLessThan(8300);
    expect(long).toMatch(/more characters of this line cut\)\n$/);
    expect(printed).toContain('last\n');
  });

  test('a pod log stops being printed after 8 MiB, with one line; its end and last lines are still followed', async () => {
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    let printedChars = 0;
    const notes: string[] = [];
    const log = PodLog.follow({
      title: 'Log of training chatty',
      signal: new AbortController().signal,
      write: (text) => {
        printedChars += text.length;
        if (text.startsWith('(')) notes.push(text);
      },
      open: () => Promise.resolve(stream),
    });
    const line = `${'v'.repeat(1023)}\n`;
    for (let i = 0; i < 9 * 1024; i++) stream.write(line);
    stream.end('the very last line\n');
    expect(await log.ended).toBe('ended');
    expect(printedChars).toBeLessThanOrEqual(8 * 1024 * 1024 + 1024);
    expect(notes).toEqual([
      expect.stringMatching(/^\(the log is cut here: 8 MiB of it are shown; the rest is on the cluster\)/),
    ]);
    expect(log.lastLines().at(-1)).toBe('the very last line');
  });
});

describe('row 7: markdown from a model cannot leave its cell', () => {
  test('a column named to end the table, mention, link and show an image stays text in one cell', async () => {
    const hostile =
      '@octocat\n\n# head [link](https://evil.example) ![x](https://evil.example/p.png) <img src=x>';
    model.behave({ kind: 'json', body: { prediction: [['#1 @octocat']], columns: [hostile] } });
    stepEnv.GITHUB_ACTION = 'predict-markdown';
    const from = github.comments.length;
    const run = await step(
      'predict',
      atModel({ 'pr-comment': 'true', 'github-token': GITHUB_TOKEN, url: `${model.url}/md` }),
    );
    expect(run.failures).toEqual([]);
    const comment = github.comments.slice(from).find((c) => c.body.includes('Odahu predict'));
    expect(comment).toBeDefined();
    for (const markdown of [comment!.body, ...run.summaries.flatMap((s) => s.rows.flat())]) {
      expect(markdown).not.toMatch(/@octocat|#1\b/);
      expect(markdown).not.toMatch(/\n#+ head|\]\(|<img/);
    }
    // Every table is on one line: no blank line can end its HTML block.
    for (const line of comment!.body.split('\n').filter((l) => l.includes('<table>'))) {
      expect(line).toMatch(/^<table>.*<\/table>$/);
    }
  });
});

describe('row 9: vars are values, never manifest', () => {
  test('a value with quotes and commas stays inside its JSON string', () => {
    const json =
      '{"kind": "ModelTraining", "id": "wine", "spec": {"model": {"name": "{name}", "version": "1"}, "toolchain": "mlflow"}}';
    const manifest = loadManifest(json, 'ModelTraining', { vars: { name: 'x","workDir":"/evil' } });
    expect(manifest.resource.spec.model.name).toBe('x","workDir":"/evil');
    expect(manifest.resource.spec.workDir).toBeUndefined();
  });

  test('in YAML, a value with a line break and a key stays one scalar; a whole plain one is typed', () => {
    const yaml =
      'kind: ModelTraining\nid: wine\nspec:\n  model: {name: wine, version: "{v}"}\n  entrypoint: {entry}\n  toolchain: mlflow\n';
    const manifest = loadManifest(yaml, 'ModelTraining', {
      vars: { v: '1.0', entry: 'main\n  workDir: /evil' },
    });
    expect(manifest.resource.spec.entrypoint).toBe('main\n  workDir: /evil');
    expect(manifest.resource.spec.workDir).toBeUndefined();
    expect(manifest.resource.spec.model.version).toBe('1.0');
  });
});

describe('row 10: images, ids and files from outside', () => {
  test('an image with a line break: one line, before any call', async () => {
    const calls = emulator.callsSince(0).length;
    const run = await step('deploy', {
      ...odahu(),
      id: 'bad-image',
      image: 'ghcr.io/acme/wine:1\n::error::x',
    });
    expect(run.failures).toEqual([
      expect.stringMatching(
        /^input image: image "ghcr\.io\/acme\/wine:1\\n::error::x" holds white space or control characters/,
      ),
    ]);
    expect(emulator.callsSince(calls, { writes: true })).toEqual([]);
  });

  test('a manifest outside the workspace (absolute, ../, or a link out) is refused; its text is not shown', async () => {
    const secretText = `kind-of-secret-${'z'.repeat(200)}`;
    writeFileSync(join(elsewhere, 'training.yaml'), secretText);
    // A link in RUNNER_TEMP (where steps write, so allowed) that leads out of it.
    const link = join(temp, 'link.yaml');
    symlinkSync(join(elsewhere, 'training.yaml'), link);
    const given = [join(elsewhere, 'training.yaml'), relative(ROOT, join(elsewhere, 'training.yaml')), link];
    expect(given[1]).toMatch(/^\.\.\//);
    for (const training of given) {
      const run = await step('train', { ...odahu(), training });
      expect(run.failures).toHaveLength(1);
      expect(run.failures[0]).toMatch(/is outside the workspace/);
      expect(run.failures[0]).not.toContain('zzzzzzzzzz');
    }
    // A job that means it says so: then the file is read (and, not being a manifest, cut in the error).
    stepEnv.ODAHU_ALLOW_FILES_OUTSIDE_WORKSPACE = 'true';
    try {
      const run = await step('train', { ...odahu(), training: given[0]! });
      expect(run.failures).toEqual([expect.stringMatching(/not the string "kind-of-secret-z+…"$/)]);
    } finally {
      delete stepEnv.ODAHU_ALLOW_FILES_OUTSIDE_WORKSPACE;
    }
  });

  test('a file in the workspace that is no manifest: the error shows its start, not all of it', async () => {
    mkdirSync(join(temp, 'in'), { recursive: true });
    writeFileSync(join(temp, 'in', 'notes.yaml'), `private notes ${'n'.repeat(500)}`);
    const run = await step('train', { ...odahu(), training: join(temp, 'in', 'notes.yaml') });
    expect(run.failures).toEqual([expect.stringMatching(/not the string "private notes n+…"/)]);
    expect(run.failures[0]!.length).toBeLessThan(250);
  });

  test('output-file outside the workspace is refused before the model is asked, and nothing is written', async () => {
    model.behave({ kind: 'json', body: { prediction: [[1]] } });
    const target = join(elsewhere, 'answer.json');
    const asked = model.requests.length;
    const run = await step('predict', atModel({ 'output-file': target }));
    expect(run.failures).toEqual([
      expect.stringMatching(/^input output-file: .*answer\.json is outside the workspace/),
    ]);
    expect(existsSync(target)).toBe(false);
    expect(model.requests.length).toBe(asked);
    // In RUNNER_TEMP it is fine.
    const fine = await step('predict', atModel({ 'output-file': join(temp, 'answer.json') }));
    expect(fine.failures).toEqual([]);
    expect(readFileSync(join(temp, 'answer.json'), 'utf8')).toBe('{"prediction":[[1]]}\n');
  });

  test('a training with a valid manifest in the workspace still runs', async () => {
    const run = await step('train', {
      ...odahu(),
      training: trainingManifest('still-fine'),
      'poll-interval': '0.1s',
    });
    expect(run.failures).toEqual([]);
  });
});
