// The evaluate action from its sources (in this process, @actions/core mocked: in-process.ts, on the
// emulator's held clock), against emulated models over real HTTP: the emulator's model answers the mean of a row, so a dataset labelled by the
// mean scores perfectly; emulator-prediction-offset, emulator-prediction-flip and
// emulator-row-error-rate make worse candidates. Deployments are made once and waited for; nothing
// here depends on the emulator's timing after that.

import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import type { Api } from './helpers/emulator-http.js';
import type { ModelDeployment } from '../src/shared/odahu/types.js';
import type { EvaluationReport } from '../src/shared/evaluation/report.js';
import type { GitHubStandIn } from './helpers/github-stand-in.js';
import type { ActionName } from './helpers/in-process.js';
import { GITHUB_TOKEN, startGitHubStandIn } from './helpers/github-stand-in.js';

jest.unstable_mockModule('@actions/core', () => core);

const { startTestEmulator } = await import('./helpers/emulator.js');
const { Api: ApiClient, fetchToken } = await import('./helpers/emulator-http.js');
const { runInProcess } = await import('./helpers/in-process.js');
const { parseReportMarker, sectionsOf } = await import('../src/shared/github/pr-comment.js');

let emulator: TestEmulator;
let api: Api;
let settings: Record<string, string>;
const temp = mkdtempSync(join(tmpdir(), 'evaluate-'));

/** The models: `prod` answers right; the others are worse in one way each. */
const MODELS: Record<string, Record<string, string>> = {
  prod: {},
  good: {},
  offset: { 'emulator-prediction-offset': '0.5' },
  flippy: { 'emulator-prediction-flip': '0.2' },
  crashy: { 'emulator-row-error-rate': '0.05' },
};

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 7 });
  api = new ApiClient(emulator, await fetchToken(emulator));
  settings = {
    'api-url': emulator.apiUrl,
    'auth-url': emulator.authUrl,
    'client-id': emulator.clientId,
    'client-secret': emulator.clientSecret,
  };
  for (const [id, annotations] of Object.entries(MODELS)) {
    const created = await api.post('model/deployment', {
      id,
      spec: { image: `ghcr.io/acme/${id}:1`, predictor: 'odahu-ml-server', annotations },
    });
    expect(created.status).toBe(201);
  }
  for (const id of Object.keys(MODELS)) {
    await api.waitFor<ModelDeployment>(`model/deployment/${id}`, (d) => d.status?.state === 'Ready');
  }
});

afterAll(async () => {
  await emulator.close();
});

/** A step of `name` with the emulator's settings, its workspace and RUNNER_TEMP the test's folder. */
function step(name: ActionName, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runInProcess(
    name,
    // The report action talks to GitHub alone.
    name === 'report' ? inputs : { ...settings, ...inputs },
    { env: { RUNNER_TEMP: temp, ...env }, workspace: temp, emulator },
  );
}

async function evaluate(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const run = await step('evaluate', inputs, env);
  const report = run.outputs.report
    ? (JSON.parse(readFileSync(run.outputs.report, 'utf8')) as EvaluationReport)
    : undefined;
  return { ...run, report };
}

function file(name: string, text: string): string {
  const path = join(temp, name);
  writeFileSync(path, text);
  return path;
}

const REGIONS = ['north', 'south', 'east'];

/** Rows a, b, c with quality = their mean (what the emulated model answers), and a region. */
function regressionCsv(rows: number): string {
  const lines = ['a,b,c,region,quality'];
  for (let i = 0; i < rows; i++) {
    const [a, b, c] = [i % 7, (i * 3) % 11, (i * 5) % 13];
    lines.push(`${a},${b},${c},${REGIONS[i % 3]},${(a + b + c) / 3}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Rows x1, x2 whose mean is the class (0 or 1), as JSON lines. */
function classificationLines(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const label = i % 2;
    const x1 = ((i * 37) % 101) / 101;
    lines.push(JSON.stringify({ x1, x2: 2 * label - x1, label, kind: i % 4 === 0 ? 'rare' : 'common' }));
  }
  return `${lines.join('\n')}\n`;
}

const modelCalls = (from: number) =>
  emulator.answers.slice(from).filter((a) => a.path.includes('/api/model/invoke')).length;

describe('regression against the serving model', () => {
  const dataset = () => file('wine.csv', regressionCsv(300));

  test('a better candidate passes its gates, with metrics, deltas, slices and latencies', async () => {
    const step = await evaluate({
      candidate: 'good',
      baseline: 'offset',
      dataset: dataset(),
      'label-column': 'quality',
      'slice-by': 'region',
      gates: 'rmse <= 0.1\nrmse regression <= 0\nagreement >= 0%\np95-latency <= 30s\nfailed-rows <= 0',
      'batch-size': '32',
    });
    expect(step.failures).toEqual([]);
    expect(step.outputs).toMatchObject({ passed: 'true', rmse: '0', mae: '0', r2: '1', 'failed-rows': '0' });
    const report = step.report!;
    expect(report.overall.rows).toBe(300);
    expect(report.overall.baseline!.metrics.rmse).toBeCloseTo(0.5);
    expect(report.overall.delta.rmse).toBeCloseTo(-0.5);
    expect(report.overall.agreement).toBe(0);
    expect(report.features).toEqual(['a', 'b', 'c']);
    expect(report.slices.map((s) => [s.column, s.value, s.rows])).toEqual([
      ['region', 'north', 100],
      ['region', 'south', 100],
      ['region', 'east', 100],
    ]);
    expect(report.gates.map((g) => g.line)).toEqual([
      'rmse 0 ≤ 0.1 (baseline 0.5)',
      'rmse regression -0.5 ≤ 0 (0 against baseline 0.5)',
      'agreement 0 ≥ 0',
      expect.stringMatching(/^p95-latency \d+ ms ≤ 30 s \(baseline \d+ ms\)$/),
      'failed-rows 0 ≤ 0 (baseline 0)',
    ]);
    expect(report.candidate.latencyMs.p95).toEqual(expect.any(Number));
    // 300 rows in batches of 32: 10 requests to each model, the same rows.
    expect([report.candidate.requests, report.baseline!.requests]).toEqual([10, 10]);
    const summary = step.summaries.find((s) => s.heading.startsWith('Evaluation of'))!;
    expect(summary.text).toContain('```mermaid\nxychart-beta');
    expect(summary.text).toContain('✅ rmse 0 ≤ 0.1 (baseline 0.5)');
  });

  test('a worse candidate fails, one line per failed gate naming it', async () => {
    const step = await evaluate({
      candidate: 'offset',
      baseline: 'prod',
      dataset: dataset(),
      'label-column': 'quality',
      features: 'a,b,c',
      gates: 'rmse <= 0.1\nmae regression <= 0.1\nr2 >= 0',
    });
    expect(step.failures).toEqual([
      'rmse 0.5 > 0.1 (baseline 0)\nmae regression 0.5 > 0.1 (0.5 against baseline 0)',
    ]);
    expect(step.outputs).toMatchObject({ passed: 'false', rmse: '0.5' });
    expect(step.report!.gates.map((g) => g.passed)).toEqual([false, false, true]);
  });

  test('without labels it compares the two models: agreement within a tolerance', async () => {
    const step = await evaluate({
      candidate: 'offset',
      baseline: 'prod',
      dataset: dataset(),
      features: 'c, b, a',
      gates: 'agreement >= 100%',
      'agreement-tolerance': '0.6',
    });
    expect(step.failures).toEqual([]);
    expect(step.outputs).toMatchObject({ passed: 'true', agreement: '1', rmse: '' });
    expect(step.report!.features).toEqual(['c', 'b', 'a']);
    expect(step.report!.metrics).toEqual([]);
  });
});

describe('classification', () => {
  const dataset = () => file('classes.jsonl', classificationLines(400));

  test('flipped answers fail the accuracy gate; slices are reported, the worst first', async () => {
    const step = await evaluate({
      candidate: 'flippy',
      baseline: 'prod',
      dataset: dataset(),
      'label-column': 'label',
      'slice-by': 'kind',
      task: 'classification',
      gates: 'accuracy >= 0.9\naccuracy >= 0.5 per slice',
    });
    const report = step.report!;
    const accuracy = report.overall.candidate.metrics.accuracy!;
    expect(accuracy).toBeGreaterThan(0.7);
    expect(accuracy).toBeLessThan(0.9);
    expect(report.overall.baseline!.metrics.accuracy).toBe(1);
    expect(step.failures).toEqual([`accuracy ${Number(accuracy.toPrecision(4))} < 0.9 (baseline 1)`]);
    expect(report.slices.map((s) => [s.value, s.rows])).toEqual([
      ['rare', 100],
      ['common', 300],
    ]);
    expect(report.gates[1]).toMatchObject({
      passed: true,
      line: expect.stringContaining('every slice passes (2)'),
    });
    const chart = step.summaries.find((s) => s.heading.startsWith('Evaluation of'))!.text;
    expect(chart).toContain('x-axis ["class 0", "class 1"]');
    expect(chart).toContain('Bars: candidate flippy; line: baseline prod.');
    const worst = step.summaries.find((s) => s.heading.startsWith('Evaluation of'))!;
    expect(worst.rows.length).toBeGreaterThan(0);
  });

  test('scores and a threshold make classes 0 and 1', async () => {
    // The mean of x1 and x2 is the class; with threshold 0.5, offset 0.4 changes nothing.
    const step = await evaluate({
      candidate: 'prod',
      dataset: dataset(),
      'label-column': 'label',
      features: 'x1,x2',
      task: 'classification',
      threshold: '0.5',
      gates: 'accuracy >= 99%',
    });
    expect(step.failures).toEqual([]);
    expect(step.outputs).toMatchObject({ passed: 'true', accuracy: '1', f1: '1' });
  });
});

describe('a model that fails some rows', () => {
  test('counts the rows it failed, found in halves, without failing the step', async () => {
    const step = await evaluate({
      candidate: 'crashy',
      baseline: 'prod',
      dataset: file('crash.csv', regressionCsv(300)),
      'label-column': 'quality',
      'slice-by': 'region',
      'batch-size': '50',
    });
    expect(step.failures).toEqual([]);
    const failed = Number(step.outputs['failed-rows']);
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(60);
    const report = step.report!;
    // Only the failed rows are lost: the rest are scored (all right).
    expect(report.overall.candidate.answered).toBe(300 - failed);
    expect(report.overall.candidate.metrics.rmse).toBe(0);
    expect(report.candidate.failures).toEqual([
      {
        reason: expect.stringMatching(/^500 Exception during prediction: row 0 is outside/),
        rows: failed,
        first: expect.stringMatching(/crash\.csv:\d+$/),
      },
    ]);
    expect(report.splitRequests).toBeGreaterThan(0);
    expect(step.log).toContain(
      `The candidate failed ${failed} rows (first at ${report.candidate.failures[0]!.first}): ${report.candidate.failures[0]!.reason}`,
    );
  });

  test('fails the step when a gate says so', async () => {
    const step = await evaluate({
      candidate: 'crashy',
      baseline: 'prod',
      dataset: file('crash.csv', regressionCsv(300)),
      'label-column': 'quality',
      'slice-by': 'region',
      gates: 'failed-rows <= 1%',
    });
    expect(step.failures).toEqual([expect.stringMatching(/^failed-rows \d+(\.\d+)?% > 1% \(baseline 0%\)$/)]);
  });
});

describe('bad datasets get one line per problem before any request', () => {
  const expectNoRequest = async (inputs: Record<string, string>, failure: string[]) => {
    const from = emulator.answers.length;
    const step = await evaluate({ candidate: 'good', baseline: 'prod', ...inputs });
    expect(step.failures).toEqual([failure.join('\n')]);
    expect(emulator.answers.length).toBe(from);
    expect(modelCalls(from)).toBe(0);
  };

  test('missing columns', async () => {
    const path = file('columns.csv', regressionCsv(3));
    await expectNoRequest(
      { dataset: path, 'label-column': 'score', 'slice-by': 'country', features: 'a,z' },
      [
        `${path} has no label column "score" (its columns: "a", "b", "c", "region", "quality")`,
        `${path} has no slice-by column "country" (its columns: "a", "b", "c", "region", "quality")`,
        `${path} has no feature column "z" (its columns: "a", "b", "c", "region", "quality")`,
      ],
    );
  });

  test('non-numeric values, empty ones and short rows, each naming file:line', async () => {
    const path = file('values.csv', 'a,b,label\n1,2,1.5\n1,x,2\n"3\n",4,\n5,6\n7,8,nine\n');
    await expectNoRequest({ dataset: path, 'label-column': 'label' }, [
      `${path}:3: feature "b" is not a number: "x"`,
      `${path}:4: label "label" is empty`,
      `${path}:6: 2 fields, the header has 3`,
      `${path}:7: label "label" is not a number: "nine"`,
    ]);
  });

  test('an empty file, and a file with a header only', async () => {
    const empty = file('empty.csv', '');
    await expectNoRequest({ dataset: empty }, [`${empty} is empty: there is nothing to evaluate`]);
    const header = file('header.csv', 'a,b\r\n');
    await expectNoRequest({ dataset: header }, [
      `${header} has no rows, only a header: there is nothing to evaluate`,
    ]);
  });

  test('a 1 GB file is refused from its size, unread', async () => {
    const path = file('huge.csv', 'a,b\n');
    truncateSync(path, 1024 ** 3);
    await expectNoRequest({ dataset: path }, [
      `input dataset: ${path} is 1 GB, more than max-dataset-size 256 MB: evaluate a sample of it, or raise max-dataset-size`,
    ]);
  });

  test('a dataset or a report file outside the workspace and RUNNER_TEMP', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'elsewhere-'));
    const path = join(elsewhere, 'rows.csv');
    writeFileSync(path, regressionCsv(3));
    const report = join(elsewhere, 'report.json');
    const outside = (what: string, file: string) =>
      `${what}: ${file} is outside the workspace: files are read and written only in GITHUB_WORKSPACE or RUNNER_TEMP; set ODAHU_ALLOW_FILES_OUTSIDE_WORKSPACE: true in the job's env to allow it`;
    await expectNoRequest({ dataset: path, 'report-file': report }, [
      outside('input dataset', path),
      outside('input report-file', report),
    ]);
  });

  test('a quote never closed, and JSON lines that are not objects', async () => {
    const csv = file('quote.csv', 'a,b\n1,2\n3,"4\n5,6\n');
    await expectNoRequest({ dataset: csv }, [`${csv}:3: a quoted field is never closed`]);
    const lines = file('lines.jsonl', '{"a": 1}\n[1]\n\n{"a": "x"}\nnot json\n');
    await expectNoRequest({ dataset: lines }, [
      `${lines}:2: a JSON object is expected, not a list`,
      `${lines}:4: feature "a" is not a number: "x"`,
      `${lines}:5: not JSON (Unexpected token 'o', "not json" is not valid JSON)`,
    ]);
  });
});

test('every bad input is reported at once, gates included', async () => {
  const step = await evaluate({
    candidate: 'Bad_Id',
    dataset: file('ok.csv', regressionCsv(3)),
    gates: 'accuracy >= 0.9\nrmse regression <= 0.1\nrmse = 1\nspeed <= 1\np95-latency <= 300',
    'batch-size': '0',
  });
  expect(step.failures).toEqual([
    [
      'input candidate: id "Bad_Id" is not a valid Odahu id: 1 to 63 lower-case letters, digits and -, starting with a letter and not ending with - (give a deployment id, or a model URL)',
      'input gates line 1 ("accuracy >= 0.9"): accuracy is a classification metric, and task is regression',
      'input gates line 2 ("rmse regression <= 0.1"): rmse needs labels: set label-column',
      'input gates line 3 ("rmse = 1"): write <metric> [regression] <op> <value> [per slice], e.g. accuracy >= 0.9, accuracy regression <= 0.01, p95-latency <= 300ms',
      'input gates line 4 ("speed <= 1"): unknown metric "speed" (gates read rmse, mae, mse, r2, max-error, accuracy, f1, precision, recall, agreement, p50-latency, p95-latency, failed-rows)',
      'input gates line 5 ("p95-latency <= 300"): give p95-latency a unit, e.g. 300ms or 1.5s',
      'input batch-size must be a whole number from 1 to 10000, not "0"',
    ].join('\n'),
  ]);
});

describe("the canary's evaluation: deploy's and the pipeline's inputs", () => {
  test('deploy: every problem of evaluate-dataset, evaluate-gates and evaluate-options at once', async () => {
    const from = emulator.answers.length;
    const run = await step('deploy', {
      id: 'wine',
      image: 'ghcr.io/acme/wine:1',
      strategy: 'canary',
      'evaluate-dataset': file('gate.csv', regressionCsv(3)),
      'evaluate-gates': 'rmse <= 0.1\naccuracy >= 0.9',
      'evaluate-options': '{label-column: quality, taks: regression, batch-size: 0}',
    });
    expect(run.failures).toEqual([
      [
        'input evaluate-options: unknown key taks (it takes dataset-format, max-dataset-size, label-column, features, slice-by, task, threshold, metrics, agreement-tolerance, batch-size, concurrency, timeout)',
        'input evaluate-gates line 2 ("accuracy >= 0.9"): accuracy is a classification metric, and task is regression',
        'input evaluate-options.batch-size must be a whole number from 1 to 10000, not "0"',
      ].join('\n'),
    ]);
    expect(emulator.answers.length).toBe(from);
  });

  test('deploy: evaluate-dataset needs strategy: canary', async () => {
    const run = await step('deploy', {
      id: 'wine',
      image: 'ghcr.io/acme/wine:1',
      'evaluate-dataset': file('gate.csv', regressionCsv(3)),
    });
    expect(run.failures).toEqual([
      'input evaluate-dataset judges a new version before traffic moves to it: it needs strategy: canary (after a rolling update, use the evaluate action)',
    ]);
  });

  test("the pipeline's check step checks the evaluation's rows before any phase starts", async () => {
    const from = emulator.answers.length;
    const path = file('gate-bad.csv', 'a,quality\n1,1\nx,2\n');
    const run = await step('pipeline', {
      training:
        'kind: ModelTraining\nid: piped\nspec: {model: {name: wine, version: "1.0"}, toolchain: mlflow, entrypoint: main, data: [], algorithmSource: {vcs: {connection: odahu-flow-examples}}}',
      packaging: 'kind: ModelPackaging\nid: piped\nspec: {integrationName: docker-rest}',
      strategy: 'canary',
      'evaluate-dataset': path,
      'evaluate-options': 'label-column: quality',
    });
    expect(run.failures).toEqual([`${path}:3: feature "a" is not a number: "x"`]);
    expect(emulator.answers.length).toBe(from);
  });
});

describe('a pull request from a fork: the section saved, then posted by the report action on workflow_run', () => {
  let github: GitHubStandIn;
  const head = 'c'.repeat(40);
  const saved = join(temp, 'odahu-report');
  let env: Record<string, string>;
  const event = (name: string, payload: unknown) => {
    const path = join(temp, name);
    writeFileSync(path, JSON.stringify(payload));
    return path;
  };

  beforeAll(async () => {
    github = await startGitHubStandIn();
    env = {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/models',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event('pr.json', {
        number: 7,
        pull_request: { number: 7, head: { ref: 'main', sha: head, repo: { full_name: 'someone/models' } } },
      }),
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_RUN_ID: '99',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'Models',
      GITHUB_WORKFLOW_REF: 'acme/models/.github/workflows/models.yml@refs/pull/7/merge',
      GITHUB_JOB: 'evaluate',
      GITHUB_ACTION: 'evaluate',
    };
  });

  afterAll(async () => {
    await github.close();
  });

  test("the fork's read-only token is refused: the section is saved, nothing fails", async () => {
    // GitHub answers a fork's token 403 on any write.
    github.refuse(/\/comments/);
    const step = await evaluate(
      {
        candidate: 'offset',
        baseline: 'prod',
        dataset: file('pr.csv', regressionCsv(60)),
        'label-column': 'quality',
        'slice-by': 'region',
        gates: 'rmse <= 1',
        'pr-comment': 'true',
        'github-token': GITHUB_TOKEN,
      },
      env,
    );
    expect(step.failures).toEqual([]);
    expect(step.log).toContain(
      `pr-comment: this pull request comes from a fork, whose token is read-only: the report section is saved in ${saved} for the report action to post from a workflow_run workflow (upload that folder with actions/upload-artifact; see the report action's README).`,
    );
    expect(step.log.filter((line) => line.startsWith('Warning:'))).toEqual([]);
    expect(github.comments).toEqual([]);
    expect(readdirSync(saved)).toEqual([expect.stringMatching(/^evaluate-[0-9a-f]{12}\.json$/)]);
  });

  test("the report action posts it into the pull request's report, rendered from its data", async () => {
    github.refuse(undefined);
    github.pulls.set(7, { headSha: head });
    // As actions/download-artifact leaves it: a folder per artifact.
    const downloaded = join(temp, 'downloaded');
    cpSync(saved, join(downloaded, 'odahu-report-evaluate'), { recursive: true });
    // A file the fork forged for another pull request, and one that is no section.
    const forged = JSON.parse(readFileSync(join(saved, readdirSync(saved)[0]!), 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(
      join(downloaded, 'odahu-report-evaluate', 'forged.json'),
      JSON.stringify({ ...forged, pullRequest: 8 }),
    );
    mkdirSync(join(downloaded, 'junk'));
    writeFileSync(join(downloaded, 'junk', 'x.json'), '{"format": "something else"}');
    github.pulls.set(8, { headSha: 'd'.repeat(40) });
    env = {
      ...env,
      GITHUB_EVENT_NAME: 'workflow_run',
      GITHUB_EVENT_PATH: event('run.json', {
        action: 'completed',
        workflow_run: {
          id: 99,
          run_attempt: 1,
          name: 'Models',
          path: '.github/workflows/models.yml',
          event: 'pull_request',
          head_sha: head,
          html_url: 'https://github.com/acme/models/actions/runs/99',
          pull_requests: [],
        },
      }),
      GITHUB_RUN_ID: '100',
      GITHUB_WORKFLOW: 'Odahu report',
      GITHUB_JOB: 'report',
    };
    const run = await step('report', { path: downloaded, 'github-token': GITHUB_TOKEN }, env);
    expect(run.failures).toEqual([]);
    expect(run.outputs.posted).toBe('1');
    expect(run.log.filter((line) => line.startsWith('Warning:'))).toEqual([
      'Warning: junk/x.json: format is not odahu-actions/report-section: not posted',
      expect.stringMatching(
        /^Warning: Odahu evaluate \(step evaluate\): pull request #8 is at dddddddddddd, and the run https:\/\/github\.com\/acme\/models\/actions\/runs\/99\/attempts\/1 ran on cccccccccccc/,
      ),
    ]);
    expect(github.comments).toHaveLength(1);
    const comment = github.comments[0]!;
    expect(comment.issue).toBe(7);
    expect(parseReportMarker(comment.body)).toEqual({
      workflow: '.github/workflows/models.yml',
      job: 'evaluate',
      resource: 'offset',
      url: expect.stringContaining('/model/offset'),
    });
    const [section] = sectionsOf(comment.body);
    expect(section).toMatchObject({
      id: 'evaluate',
      run: 'https://github.com/acme/models/actions/runs/99/attempts/1',
    });
    expect(section!.markdown).toContain('#### ✅ Odahu evaluate');
    expect(section!.markdown).toContain('<code>rmse</code>');
    expect(section!.markdown).toContain('```mermaid\nxychart-beta');
    expect(comment.body).toContain(
      '<a href="https://github.com/acme/models/actions/runs/99/attempts/1">run</a>',
    );
    expect(comment.body.length).toBeLessThan(65_536);
  });

  test("a section's own text (a fork's to write) cannot raise workflow commands or shape the job summary", async () => {
    const folder = join(temp, 'hostile');
    mkdirSync(folder);
    const forged = JSON.parse(readFileSync(join(saved, readdirSync(saved)[0]!), 'utf8')) as {
      key: Record<string, unknown>;
      section: Record<string, unknown>;
    };
    writeFileSync(
      join(folder, 'hostile.json'),
      JSON.stringify({
        ...forged,
        stepId: 'evil\n::error::injected by the step id',
        key: { ...forged.key, resource: 'r\n\n![x](https://evil.example/x.png) @someone' },
        section: {
          ...forged.section,
          title: 'Evil\n::error::injected by the title ![t](https://evil.example/t.png) @someone',
        },
      }),
    );
    const run = await step('report', { path: folder, 'github-token': GITHUB_TOKEN }, env);
    expect(run.failures).toEqual([]);
    expect(run.outputs.posted).toBe('1');
    expect(run.annotations).toEqual([]);
    expect(run.summary).not.toContain('![x]');
    expect(run.summary).not.toContain('@someone');
    // The comment, posted with the base repository's token, neither shows the image nor mentions anyone.
    const body = github.comments.at(-1)!.body;
    expect(body).toContain('Evil');
    expect(body).not.toContain('![t]');
    expect(body).not.toContain('@someone');
  });

  test('on another event it fails with one line', async () => {
    const run = await step('report', { 'github-token': GITHUB_TOKEN }, { ...env, GITHUB_EVENT_NAME: 'push' });
    expect(run.failures).toEqual([
      "the report action posts what a pull request's run saved, from a workflow on workflow_run; this run is for push",
    ]);
  });
});
