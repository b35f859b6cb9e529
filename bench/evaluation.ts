// The evaluate action's throughput and memory: its bundle run as a step against two models of an
// emulator (a candidate and a baseline), on labelled CSVs of 1,000, 100,000 and 400,000 rows (11
// features, a label, a slice column; the first pass checks every row, the second sends them). Rows
// per second are the dataset's rows over the sending pass (the report's figure) and over the whole
// step; the peak resident memory of the step's process is read at its exit. Streamed, not loaded:
// four times the rows must not need more memory (V8 lets its heap grow to a plateau before it
// collects in earnest, so 1,000 rows need less).

import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RunningEmulator } from '../src/emulator/options.js';
import { deploymentPhase } from '../src/shared/action/phases.js';
import { watch } from '../src/shared/action/watch.js';
import type { OdahuClient } from '../src/shared/odahu/client.js';
import { deployment } from './resources.js';
import { median } from './stats.js';
import { clusterEnv, runStep } from './steps.js';

export interface EvaluationRun {
  rows: number;
  /** How many runs the figures are the median of. */
  runs: number;
  batchSize: number;
  /** The report's: rows over the sending pass. */
  rowsPerSecond: number;
  /** Rows over the whole step, start to exit (both passes, the warm-up of the models). */
  stepRowsPerSecond: number;
  stepMs: number;
  peakRssMb: number;
  datasetMb: number;
}

const FEATURES = 11;

/** A CSV of `rows` rows labelled by the emulated model's answer (the mean), in two slices. */
function dataset(dir: string, rows: number): { path: string; bytes: number } {
  const lines = [[...Array.from({ length: FEATURES }, (_, i) => `f${i}`), 'region', 'y'].join(',')];
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 100;
  for (let i = 0; i < rows; i++) {
    const values = Array.from({ length: FEATURES }, () => Number(next().toFixed(3)));
    lines.push(
      [...values, i % 3 === 0 ? 'north' : 'south', values.reduce((a, b) => a + b, 0) / FEATURES].join(','),
    );
  }
  const path = join(dir, `eval-${rows}.csv`);
  const text = `${lines.join('\n')}\n`;
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
}

export async function measureEvaluation(
  emulator: RunningEmulator,
  client: OdahuClient,
  /** The 1,000 rows once, and no more (npm run bench -- --quick). */
  quick = false,
): Promise<EvaluationRun[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-evaluate-'));
  const signal = new AbortController().signal;
  for (const id of ['bench-prod', 'bench-candidate']) {
    await client.deployments.create(deployment(id, 0.1, `ghcr.io/acme/${id}:1`));
  }
  for (const id of ['bench-prod', 'bench-candidate']) {
    await watch(deploymentPhase, client, id, { timeoutMs: 60_000, pollIntervalMs: 100, signal, logs: false });
  }
  // Prints the step's peak resident memory when it exits.
  const hook = join(dir, 'rss.mjs');
  const rssFile = join(dir, 'rss.txt');
  writeFileSync(
    hook,
    "import { appendFileSync } from 'node:fs';\nprocess.on('exit', () => appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\\n`));\n",
  );
  const run = async (
    rows: { path: string; bytes: number },
    count: number,
    batchSize: number,
  ): Promise<EvaluationRun> => {
    writeFileSync(rssFile, '');
    const started = performance.now();
    const step = await runStep(
      'evaluate',
      {
        candidate: 'bench-candidate',
        baseline: 'bench-prod',
        dataset: rows.path,
        'label-column': 'y',
        'slice-by': 'region',
        gates: 'rmse <= 0.001\nfailed-rows <= 0',
        'batch-size': String(batchSize),
        concurrency: '4',
      },
      {
        env: {
          ...clusterEnv(emulator),
          // The datasets where a step before it would write them: the runner's temp folder (the
          // action reads files there or in the workspace only).
          RUNNER_TEMP: dir,
          NODE_OPTIONS: `--import ${hook}`,
          BENCH_RSS_FILE: rssFile,
        },
      },
    );
    const stepMs = performance.now() - started;
    if (step.exitCode !== 0) throw new Error(`evaluate failed:\n${step.lastLines.join('\n')}`);
    const report = JSON.parse(readFileSync(step.outputs.report!, 'utf8')) as { rowsPerSecond: number };
    const rss = readFileSync(rssFile, 'utf8').split('\n').filter(Boolean).map(Number);
    return {
      rows: count,
      runs: 1,
      batchSize,
      rowsPerSecond: report.rowsPerSecond,
      stepRowsPerSecond: Math.round(count / (stepMs / 1000)),
      stepMs,
      peakRssMb: Math.max(...rss) / 1024,
      datasetMb: rows.bytes / 1024 / 1024,
    };
  };
  const small = dataset(dir, 1_000);
  if (quick) return [await run(small, 1_000, 100)];
  const large = dataset(dir, 100_000);
  const results: EvaluationRun[] = [];
  for (let i = 0; i < 3; i++) results.push(await run(small, 1_000, 100));
  for (let i = 0; i < 3; i++) results.push(await run(large, 100_000, 100));
  results.push(await run(large, 100_000, 1000));
  results.push(await run(dataset(dir, 400_000), 400_000, 100));
  appendFileSync(join(dir, 'done'), '');
  return results;
}

/** The median run of each (rows, batch size). */
export function medianRuns(runs: EvaluationRun[]): EvaluationRun[] {
  const groups = new Map<string, EvaluationRun[]>();
  for (const run of runs) {
    const key = `${run.rows}/${run.batchSize}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].map((group) => {
    const m = median(group.map((r) => r.rowsPerSecond));
    const closest = group.reduce((a, b) =>
      Math.abs(b.rowsPerSecond - m) < Math.abs(a.rowsPerSecond - m) ? b : a,
    );
    return {
      ...closest,
      runs: group.length,
      rowsPerSecond: m,
      peakRssMb: median(group.map((r) => r.peakRssMb)),
      stepMs: median(group.map((r) => r.stepMs)),
    };
  });
}
