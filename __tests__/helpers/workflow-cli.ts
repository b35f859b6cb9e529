// Runs the tools as a user does: `node build/workflow/index.js <file> [flags]` (npm run workflow) and
// `node build/demo/index.js` (npm run demo), in a clean environment (no ODAHU_* from the machine
// running the tests, which would point the runner at another cluster); or their command lines in this
// process (workflowCli, demoCli), the same run without a process to start, its steps' stages as the
// test says (in-process.ts: the odahu actions from their sources).

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { demoCli } from '../../src/demo/cli.js';
import { workflowCli } from '../../src/workflow/cli.js';
import type { CliIo } from '../../src/workflow/cli.js';
import { BUNDLE_NODE, ROOT, pathWithBundleNode } from './run-action.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout's lines. */
  lines: string[];
  ms: number;
}

export interface CliOptions {
  env?: Record<string, string>;
  /** In this process only: how the steps' stages run (default: processes). */
  stages?: CliIo['stages'];
  /** Called with stdout as it grows; may send the process a signal through `kill`. */
  onOutput?: (stdout: string, kill: (signal: NodeJS.Signals) => void) => void;
}

function bundle(tool: 'workflow' | 'demo'): string {
  const path = join(ROOT, 'build', tool, 'index.js');
  if (!existsSync(path)) throw new Error(`${path} is missing: run node scripts/build.js workflow demo`);
  return path;
}

function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(ODAHU_|INIT_CWD$)/.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}

export function runTool(
  tool: 'workflow' | 'demo',
  args: string[],
  options: CliOptions = {},
): Promise<CliRun> {
  const started = Date.now();
  // On the bundles' node, first on PATH too: the runner's node steps and a composite's `exec node`.
  const env = cleanEnv(options.env);
  const child = spawn(BUNDLE_NODE, [bundle(tool), ...args], {
    cwd: ROOT,
    env: { ...env, PATH: pathWithBundleNode(env.PATH) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    options.onOutput?.(stdout, (signal) => child.kill(signal));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, lines: stdout.split('\n'), ms: Date.now() - started }),
    );
  });
}

export function runWorkflowCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return runTool('workflow', args, options);
}

/** The tool's command line run in this process: what `runTool` gives, without starting the tool. */
export async function runToolInProcess(
  tool: 'workflow' | 'demo',
  args: string[],
  options: CliOptions = {},
): Promise<CliRun> {
  const started = Date.now();
  let stdout = '';
  let stderr = '';
  const cli = tool === 'workflow' ? workflowCli : demoCli;
  const code = await cli(args, {
    stdout: (text) => {
      stdout += text;
      options.onOutput?.(stdout, () => {
        throw new Error('signals are for a tool run as a process: use runTool');
      });
    },
    stderr: (text) => void (stderr += text),
    env: cleanEnv(options.env),
    cwd: ROOT,
    color: false,
    repoRoot: ROOT,
    stages: options.stages,
  });
  return { code, stdout, stderr, lines: stdout.split('\n'), ms: Date.now() - started };
}

export function runWorkflowInProcess(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return runToolInProcess('workflow', args, options);
}

/** Lines of one step, from its start line to its end line (both included). */
export function stepLines(run: CliRun, name: string): string[] {
  const start = run.lines.findIndex((line) => line.trimStart() === `▶ ${name}`);
  if (start < 0) return [];
  const indent = run.lines[start]!.length - run.lines[start]!.trimStart().length;
  const end = run.lines.findIndex(
    (line, i) =>
      i > start && line.length - line.trimStart().length === indent && /^[✓✗] /.test(line.trimStart()),
  );
  return run.lines.slice(start, end + 1);
}

/**
 * How long a step took, in seconds, as its end line says (`✓ name  1.2s`, `✗ name  0.4s (cancelled)`):
 * what a test compares with the sleep a cancel or a timeout cut short, however slow the machine.
 */
export function stepSeconds(run: CliRun, name: string): number {
  const end = stepLines(run, name).at(-1) ?? '';
  const seconds = /^\s*[✓✗] .* {2}(\d+\.\d)s(?: \(.*\))?$/.exec(end)?.[1];
  if (seconds === undefined) throw new Error(`step ${name} has no end line with its duration: "${end}"`);
  return Number(seconds);
}
