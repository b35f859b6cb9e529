// Running an action's dist bundle as the runner does (INPUT_* variables, a GITHUB_OUTPUT file), for
// the sections that time whole steps.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../src/emulator/options.js';

export const root = process.env.BENCH_ROOT ?? process.cwd();
const scratch = mkdtempSync(join(tmpdir(), 'odahu-bench-'));
let runs = 0;

/** The ODAHU_* settings pointing at an emulator. */
export function clusterEnv(emulator: RunningEmulator): Record<string, string> {
  return {
    ODAHU_API_URL: emulator.apiUrl,
    ODAHU_AUTH_URL: emulator.authUrl,
    ODAHU_CLIENT_ID: emulator.clientId,
    ODAHU_CLIENT_SECRET: emulator.clientSecret,
  };
}

export interface StepRun {
  exitCode: number;
  outputs: Record<string, string>;
  /** The step's last lines, for a failure's report. */
  lastLines: string[];
}

export interface StepOptions {
  env?: Record<string, string>;
  /** The node binary; this one by default. */
  node?: string;
  /** Each line the step prints, the moment it arrives. */
  onLine?: (line: string) => void;
  /** A bundle other than dist/<action>/index.js. */
  bundle?: string;
}

export function runStep(
  action: string,
  inputs: Record<string, string>,
  options: StepOptions = {},
): Promise<StepRun> {
  const output = join(scratch, `output-${runs++}`);
  writeFileSync(output, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: root,
    GITHUB_OUTPUT: output,
    RUNNER_TEMP: scratch,
    ...options.env,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(
      options.node ?? process.execPath,
      [options.bundle ?? join(root, 'dist', action, 'index.js')],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lastLines: string[] = [];
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        options.onLine?.(line);
        lastLines.push(line);
        if (lastLines.length > 20) lastLines.shift();
      }
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ exitCode: code ?? 1, outputs: readOutputs(output), lastLines });
    });
  });
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name = '', delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name] = value.join('\n');
  }
  return outputs;
}

export function scratchDir(): string {
  return scratch;
}

/** Runs `work` with this process's stdout muted: the actions' code, run here, prints as in a step. */
export async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true;
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}
