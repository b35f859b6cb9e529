// The whole chain (connection → train → package → deploy → predict, each a real step) on a cluster
// that misbehaves: 20% of API requests answered 503 unprocessed, 10% throttled (429, Retry-After 1 s),
// 5% processed and then cut mid-answer. Each run has its own emulator and fault seed (1, 2, ...), so
// a failing run can be replayed. Passing means every step succeeded and nothing was created twice.

import { startEmulator } from '../src/emulator/server.js';
import type { RecordedAnswer, RunningEmulator } from '../src/emulator/options.js';
import { inParallel, median } from './stats.js';
import { clusterEnv, runStep } from './steps.js';

export const FAULTS = { failRate: 0.2, throttleRate: 0.1, dropRate: 0.05 };

export interface FaultChain {
  runs: number;
  passed: number;
  medianMs: number;
  /** For each failed run: its seed and why. */
  failures: { seed: number; reason: string }[];
}

const AWS = { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example-secret-key' };

/** Runs one step of the chain: its exit code, outputs, and failure line (undefined when none). */
export type ChainStep = (
  action: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
  emulator: RunningEmulator,
) => Promise<{ exitCode: number; outputs: Record<string, string>; failure: string | undefined }>;

/** The benchmark's: each step its bundle, a process. */
const bundleStep: ChainStep = async (action, inputs, env) => {
  const run = await runStep(action, inputs, { env });
  const error = run.lastLines.find((line) => line.startsWith('::error::')) ?? run.lastLines.at(-1) ?? '';
  return { ...run, failure: run.exitCode === 0 ? undefined : error.replace(/^::error::/, '') };
};

/**
 * One chain on an emulator with the faults and `seed`; undefined when it passed, else why not. The
 * tests run its steps from the sources, in their process (`step`).
 */
export async function runFaultChain(seed: number, step: ChainStep = bundleStep): Promise<string | undefined> {
  const answers: RecordedAnswer[] = [];
  const emulator = await startEmulator({
    port: 0,
    ...FAULTS,
    seed,
    trainingSeconds: 0.5,
    packagingSeconds: 0.5,
    deploymentSeconds: 0.5,
    edgeWarmupSeconds: 0.2,
    launchPeriodSeconds: 0.2,
    onAnswer: (answer) => answers.push(answer),
  });
  const env = { ...clusterEnv(emulator), ...AWS };
  try {
    const steps: [string, (outputs: Record<string, string>) => Record<string, string>][] = [
      [
        'connection',
        () => ({
          connection:
            'kind: Connection\nid: data\nspec: {type: s3, uri: "s3://bucket/data", region: eu-west-1}',
        }),
      ],
      ['train', () => ({ training: 'examples/odahu/quickstart-training.odahuflow.yaml', id: 'chain' })],
      [
        'package',
        (o) => ({
          packaging: 'examples/odahu/packaging.odahuflow.yaml',
          id: 'chain',
          'artifact-name': o['artifact-name']!,
        }),
      ],
      [
        'deploy',
        (o) => ({ deployment: 'examples/odahu/deployment.odahuflow.yaml', id: 'chain', image: o.image! }),
      ],
      ['predict', (o) => ({ url: o.url!, request: 'examples/odahu/wine-request.json' })],
    ];
    let outputs: Record<string, string> = {};
    for (const [action, inputs] of steps) {
      const run = await step(action, inputs(outputs), env, emulator);
      if (run.exitCode !== 0) return `${action}: ${run.failure ?? ''}`;
      outputs = { ...outputs, ...run.outputs };
    }
    // Nothing twice: each create applied once (a 2xx), whatever was retried.
    for (const path of [
      '/api/v1/connection',
      '/api/v1/model/training',
      '/api/v1/model/packaging',
      '/api/v1/model/deployment',
    ]) {
      const created = answers.filter((a) => a.method === 'POST' && a.path === path && a.status < 300).length;
      if (created !== 1) return `POST ${path} applied ${created} times`;
    }
    return undefined;
  } finally {
    await emulator.close();
  }
}

export async function measureFaultChain(runs: number, concurrency: number): Promise<FaultChain> {
  const failures: { seed: number; reason: string }[] = [];
  const times = await inParallel(runs, concurrency, async (i) => {
    const started = Date.now();
    const reason = await runFaultChain(i + 1);
    if (reason) failures.push({ seed: i + 1, reason });
    return Date.now() - started;
  });
  return { runs, passed: runs - failures.length, medianMs: median(times), failures };
}
