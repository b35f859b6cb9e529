// The evaluate action from its sources (in this process, @actions/core mocked), against emulated
// models over real HTTP: the emulator's model answers the mean of a row, so a dataset labelled by the
// mean scores perfectly; emulator-prediction-offset, emulator-prediction-flip and
// emulator-row-error-rate make worse candidates. Deployments are made once and waited for; nothing
// here depends on the emulator's timing after that.

import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import type { Api } from './helpers/emulator-http.js';
import type { ModelDeployment } from '../src/shared/types.js';
import type { EvaluationReport } from '../src/evaluate/report.js';

jest.unstable_mockModule('@actions/core', () => core);

const { startTestEmulator } = await import('./helpers/emulator.js');
const { Api: ApiClient, fetchToken } = await import('./helpers/emulator-http.js');
const { actionDefinition } = await import('./helpers/run-action.js');
const { run } = await import('../src/evaluate/main.js');

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
  process.env.RUNNER_TEMP = temp;
  process.env.GITHUB_STEP_SUMMARY = join(temp, 'summary.md');
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
  delete process.env.RUNNER_TEMP;
  delete process.env.GITHUB_STEP_SUMMARY;
  await emulator.close();
});

async function evaluate(inputs: Record<string, string>) {
  core.startStep(actionDefinition('evaluate'), { ...settings, ...inputs });
  await run();
  const report = core.recorded.outputs.report
    ? (JSON.parse(readFileSync(core.recorded.outputs.report, 'utf8')) as EvaluationReport)
    : undefined;
  return { ...core.recorded, report };
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
