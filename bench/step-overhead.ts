// A step's own cost: a `train` step with wait: false (read the inputs, fetch a token, look for the
// training, create it, set the outputs), process start to exit, beside the floor of every step: a bare
// `node -e ''` started the same way. Both are timed in turns, so the machine's noise hits both alike.
// Two ways to start faster are measured too: the bundle minified (terser, as ncc offers it), and
// Node's compile cache (NODE_COMPILE_CACHE; Node 22.1+ only, what module.enableCompileCache() turns
// on), warm: the cache is filled by a first run, as a job's earlier steps would fill it.
// Wall-clock time grows with the machine's load (a shared machine's other work takes the cores), so
// the same two are also measured in CPU time (user + system, read by a preloaded hook at exit), which
// the load hardly changes: it is the step's own cost.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RunningEmulator } from '../src/emulator/options.js';
import { median } from './stats.js';
import { clusterEnv, root, runStep } from './steps.js';

export interface StepOverhead {
  node: string;
  floorMs: number;
  stepMs: number;
  /** stepMs - floorMs: the target is 150 ms at most. */
  overheadMs: number;
  minifiedMs: number;
  /** Undefined where Node has no compile cache. */
  compileCacheMs: number | undefined;
  /** CPU time (user + system) of `node -e ''` and of the step. */
  floorCpuMs: number;
  stepCpuMs: number;
}

/** A hook that appends the process's CPU time at exit to BENCH_CPU_FILE. */
function cpuHook(): string {
  const dir = mkdtempSync(join(tmpdir(), 'odahu-cpu-'));
  const hook = join(dir, 'cpu.mjs');
  writeFileSync(
    hook,
    "import { appendFileSync } from 'node:fs';\n" +
      "process.on('exit', () => { const u = process.cpuUsage(); appendFileSync(process.env.BENCH_CPU_FILE, `${(u.user + u.system) / 1000}\\n`); });\n",
  );
  return hook;
}

/** The CPU times the hook wrote, and a fresh file for the next. */
function cpuTimes(file: string): number[] {
  const times = readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number);
  writeFileSync(file, '');
  return times;
}

function timeProcess(node: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, args, { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - started));
  });
}

function hasCompileCache(node: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(node, ['-p', "typeof require('node:module').enableCompileCache"], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', () => resolve(out.trim() === 'function'));
    child.on('error', () => resolve(false));
  });
}

let runs = 0;

export async function measureStepOverhead(
  emulator: RunningEmulator,
  node: string,
  times: number,
): Promise<StepOverhead> {
  // Built by scripts/bench.js, as `npm run build` would with minify: true.
  const minified = join(root, '.tmp', 'bench', 'train-minified', 'index.js');
  if (!existsSync(minified)) throw new Error(`${minified} is missing: run the benchmark with npm run bench`);
  const cache = (await hasCompileCache(node))
    ? mkdtempSync(join(tmpdir(), 'odahu-compile-cache-'))
    : undefined;
  const train = async (bundle: string | undefined, env: Record<string, string> = {}): Promise<number> => {
    const started = performance.now();
    const run = await runStep(
      'train',
      {
        training: 'examples/odahu/quickstart-training.odahuflow.yaml',
        // A new training each time: an existing one would be replaced, a slower path.
        id: `overhead-${runs++}`,
        wait: 'false',
      },
      { env: { ...clusterEnv(emulator), ...env }, node, bundle },
    );
    if (run.exitCode !== 0) throw new Error(`train exited ${run.exitCode}:\n${run.lastLines.join('\n')}`);
    return performance.now() - started;
  };
  const cached: Record<string, string> = cache ? { NODE_COMPILE_CACHE: cache } : {};
  // Warm-up: the disk cache, and the compile cache's first fill.
  await train(undefined);
  if (cache) await train(undefined, cached);
  const floor: number[] = [];
  const step: number[] = [];
  const small: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < times; i++) {
    floor.push(await timeProcess(node, ['-e', ''], { PATH: process.env.PATH ?? '' }));
    step.push(await train(undefined));
    small.push(await train(minified));
    if (cache) warm.push(await train(undefined, cached));
  }
  // CPU time, in turns as well.
  const hook = cpuHook();
  const cpuFile = join(tmpdir(), `odahu-cpu-${process.pid}.txt`);
  writeFileSync(cpuFile, '');
  const withHook = { NODE_OPTIONS: `--import=${hook}`, BENCH_CPU_FILE: cpuFile };
  const floorCpu: number[] = [];
  const stepCpu: number[] = [];
  for (let i = 0; i < times; i++) {
    await timeProcess(node, ['-e', ''], { PATH: process.env.PATH ?? '', ...withHook });
    floorCpu.push(...cpuTimes(cpuFile));
    await train(undefined, withHook);
    stepCpu.push(...cpuTimes(cpuFile));
  }
  const floorMs = median(floor);
  const stepMs = median(step);
  return {
    floorCpuMs: median(floorCpu),
    stepCpuMs: median(stepCpu),
    node,
    floorMs,
    stepMs,
    overheadMs: stepMs - floorMs,
    minifiedMs: median(small),
    compileCacheMs: cache ? median(warm) : undefined,
  };
}
