// `npm run bench`: speed and memory of what users wait on, measured in one run so ratios compare like
// with like on a shared, noisy machine. Medians (and 95th percentiles), not means. Each section states
// what it shows. The table goes to stdout, every figure to bench/results.json.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmulator } from '../src/emulator/server.js';
import { DEMO_DURATIONS } from '../src/workflow/cluster.js';
import { measureDetection } from './detection.js';
import { measureEvaluation, medianRuns } from './evaluation.js';
import { FAULTS, measureFaultChain } from './fault-chain.js';
import { training } from './resources.js';
import { median } from './stats.js';
import { quietly } from './steps.js';
import { measureStepOverhead } from './step-overhead.js';
import { JOB_LIMIT_MINUTES, SCHEDULE_MINUTES, parkedTraining, waitedTraining } from './parking.js';
import type { TrainingCost } from './parking.js';
import { TIME_SCALE, measureWaitingCost } from './waiting-cost.js';
import type { RunningEmulator } from '../src/emulator/options.js';
import { ClientCredentialsTokenSource } from '../src/shared/odahu/auth.js';
import type { TokenSource } from '../src/shared/odahu/auth.js';
import { OdahuClient } from '../src/shared/odahu/client.js';
import { loadManifests } from '../src/shared/action/manifests.js';

const root = process.env.BENCH_ROOT ?? process.cwd();
/**
 * --quick: each section at its smallest (a repetition or two, the smallest data, the long runs left
 * out) and nothing written: that the bench still runs against today's runner and actions (CI runs it).
 */
const quick = process.env.BENCH_QUICK === '1';
/** How many times to repeat a measure: `full`, or once in a quick run. */
const times = (full: number) => (quick ? 1 : full);
/** Every figure, for bench/results.json. */
const results: Record<string, unknown> = {};

async function timeEach(times: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

const rows: [string, string, string][] = [];
function report(what: string, value: string, note = ''): void {
  rows.push([what, value, note]);
  console.log(`${what.padEnd(66)} ${value.padStart(16)}  ${note}`);
}

function section(title: string): void {
  console.log(`\n${title}`);
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const ms0 = (value: number) => `${Math.round(value)} ms`;

function credentials(
  emulator: RunningEmulator,
): ConstructorParameters<typeof ClientCredentialsTokenSource>[0] {
  return {
    authUrl: emulator.authUrl,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    scope: 'openid profile email offline_access groups',
  };
}

/** API calls: one client kept alive vs a new client (new connection) per call, same cached token. */
async function connectionReuse(emulator: RunningEmulator): Promise<void> {
  const tokens = new ClientCredentialsTokenSource(credentials(emulator));
  const kept = new OdahuClient({ apiUrl: emulator.apiUrl, tokens });
  await kept.trainings.create(training('bench-get'));
  await kept.trainings.get('bench-get'); // warm-up: token and first connection
  const reused = median(await timeEach(times(300), () => kept.trainings.get('bench-get')));
  const fresh = median(
    await timeEach(times(300), async () => {
      const client = new OdahuClient({ apiUrl: emulator.apiUrl, tokens });
      await client.trainings.get('bench-get');
      client.dispose();
    }),
  );
  kept.dispose();
  report('GET training, one kept-alive client (median of 300)', ms(reused));
  report(
    'GET training, a new connection per call (median of 300)',
    ms(fresh),
    `keep-alive is ${(fresh / reused).toFixed(2)}× faster`,
  );
}

/** Tokens: the cached token vs a client-credentials grant per call. */
async function tokenCache(emulator: RunningEmulator): Promise<void> {
  const cached = new ClientCredentialsTokenSource(credentials(emulator));
  await cached.token();
  const hit = median(await timeEach(times(300), () => cached.token()));
  const grant = median(
    await timeEach(times(100), () => new ClientCredentialsTokenSource(credentials(emulator)).token()),
  );
  report('token from the cache (median of 300)', ms(hit));
  report(
    'token by a fresh client-credentials grant (median of 100)',
    ms(grant),
    `the cache saves ${(grant - hit).toFixed(1)} ms a call`,
  );
}

/** A bad-input run of a bundle: node start-up, bundle load, input checks; and its peak memory. */
async function actionStartup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const hook = join(dir, 'rss.mjs');
  // Prints the process's peak resident memory when it exits.
  writeFileSync(
    hook,
    "process.on('exit', () => process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\\n`));\n",
  );
  for (const action of ['wait', 'train', 'pipeline']) {
    const peaks: number[] = [];
    const samples = await timeEach(times(15), () => {
      return new Promise<void>((resolve) => {
        const child = spawn(process.execPath, ['--import', hook, join(root, 'dist', action, 'index.js')], {
          env: { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: join(dir, 'out') },
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', () => {
          const match = /maxrss=(\d+)/.exec(stderr);
          if (match) peaks.push(Number(match[1]) / 1024);
          resolve();
        });
      });
    });
    report(
      `${action}: start and fail on missing inputs (median of 15)`,
      ms(median(samples)),
      `peak RSS ${median(peaks).toFixed(0)} MB`,
    );
  }
}

/** Manifests: a 200-document YAML file, loaded and shape-checked. */
function manifestLoading(): void {
  const documents = Array.from({ length: 200 }, (_, i) =>
    [
      'kind: ModelTraining',
      `id: t-${i}`,
      'spec:',
      '  model: {name: wine, version: "1.0"}',
      '  toolchain: mlflow',
      '  hyperParameters: {alpha: "0.5", l1_ratio: "0.1"}',
      '  data: [{connection: wine, localPath: data/wine.csv}]',
    ].join('\n'),
  ).join('\n---\n');
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    loadManifests(documents);
    samples.push(performance.now() - started);
  }
  report('load and check 200 ModelTraining documents (median of 20)', ms(median(samples)));
}

/** Faults: creates through the client while the emulator drops 20% of answers after applying them. */
async function createsUnderDrops(): Promise<void> {
  const faulty = await startEmulator({ port: 0, dropRate: 0.2, seed: 7 });
  const tokens: TokenSource = new ClientCredentialsTokenSource(credentials(faulty));
  const client = new OdahuClient({
    apiUrl: faulty.apiUrl,
    tokens,
    retry: { policy: { baseDelayMs: 10, maxDelayMs: 50 } },
  });
  let failed = 0;
  const count = times(100);
  const samples = await timeEach(count, async (i) => {
    try {
      await client.trainings.create(training(`drop-${i}`));
    } catch {
      failed++;
    }
  });
  const stored = (await client.trainings.list()).filter((t) => t.id.startsWith('drop-')).length;
  client.dispose();
  await faulty.close();
  report(
    `create under 20% dropped answers (median of ${count})`,
    ms(median(samples)),
    `${count - failed}/${count} succeeded, ${stored} stored, no duplicates`,
  );
}

/**
 * The wine chain's wall time: the composite pipeline (its check step, then the train, package,
 * deploy and predict bundles) run by the local workflow runner, on an emulator with 0.3 s phases.
 */
async function chainWallTime(): Promise<void> {
  const emulator = await startEmulator({
    port: 0,
    trainingSeconds: 0.3,
    packagingSeconds: 0.3,
    deploymentSeconds: 0.2,
    edgeWarmupSeconds: 0,
  });
  const dir = mkdtempSync(join(tmpdir(), 'bench-chain-'));
  const workflow = join(dir, 'pipeline.yml');
  writeFileSync(
    workflow,
    [
      'on: workflow_dispatch',
      'jobs:',
      '  chain:',
      '    runs-on: ubuntu-latest',
      '    env:',
      '      ODAHU_API_URL: ${{ vars.ODAHU_API_URL }}',
      '      ODAHU_AUTH_URL: ${{ vars.ODAHU_AUTH_URL }}',
      '      ODAHU_CLIENT_ID: ${{ vars.ODAHU_CLIENT_ID }}',
      '      ODAHU_CLIENT_SECRET: ${{ secrets.ODAHU_CLIENT_SECRET }}',
      '    steps:',
      '      - uses: actions/checkout@v4', // a local action is in the checkout, as on GitHub
      '      - uses: ./actions/pipeline',
      '        with:',
      '          training: examples/odahu/quickstart-training.odahuflow.yaml',
      '          packaging: examples/odahu/packaging.odahuflow.yaml',
      '          deployment: examples/odahu/deployment.odahuflow.yaml',
      '          request: examples/odahu/wine-request.json',
      '',
    ].join('\n'),
  );
  const args = [
    join(root, 'build', 'workflow', 'index.js'),
    workflow,
    ...['--workspace', root],
    ...['--var', `ODAHU_API_URL=${emulator.apiUrl}`],
    ...['--var', `ODAHU_AUTH_URL=${emulator.authUrl}`],
    ...['--var', `ODAHU_CLIENT_ID=${emulator.clientId}`],
    ...['--secret', `ODAHU_CLIENT_SECRET=${emulator.clientSecret}`],
  ];
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '' } });
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`the pipeline exited ${code}:\n${log.slice(-3000)}`)),
      );
    });
  const samples = await timeEach(times(3), run);
  await emulator.close();
  report(
    'pipeline action, check → train → package → deploy → predict under npm run workflow (median of 3)',
    ms(median(samples)),
    '0.8 s of emulated phases and five node processes; from the 2nd run on, replace also waits one 1 s controller pass per pod phase for the old object to go',
  );
}

/** Detection latency of each phase kind, through the real bundles. */
async function detection(): Promise<void> {
  section('Noticing a finished phase (from the server writing the final state to the step printing it)');
  const detected = await quietly(() => measureDetection(times(20)));
  results.detection = detected;
  for (const [kind, d] of Object.entries(detected)) {
    report(
      `${kind}: notice the final state (median / p95 of ${d.runs})`,
      `${ms0(d.medianMs)} / ${ms0(d.p95Ms)}`,
      d.durations,
    );
  }
}

/** Requests of a 10-minute wait, on a clock TIME_SCALE times as fast. */
async function waitingCost(): Promise<void> {
  section(
    `What waiting costs the API (10-minute phases on a ${TIME_SCALE}× clock, see bench/waiting-cost.ts)`,
  );
  if (quick) {
    console.log('  left out of a quick run: its 10-minute waits take 30 s of wall time however few');
    return;
  }
  const cost = await quietly(() => measureWaitingCost());
  results.waiting = { timeScale: TIME_SCALE, ...cost };
  report(
    '10-minute training: API requests in all, create included',
    String(cost.training.requests),
    `${cost.training.tokens} tokens (5-minute lifetime); per minute: ${cost.training.perMinute.join(' ')}`,
  );
  report(
    '10-minute training: most requests in a minute after the first',
    String(cost.training.maxPerMinuteAfterFirst),
    'the pod log followed (one stream), unprinted',
  );
  report(
    '10-minute deployment: API requests in all, create included',
    String(cost.deployment.requests),
    `${cost.deployment.tokens} tokens; per minute: ${cost.deployment.perMinute.join(' ')}`,
  );
  report(
    '10-minute deployment: most requests in a minute after the first',
    String(cost.deployment.maxPerMinuteAfterFirst),
  );
}

/** A train step with wait: false beside `node -e ''`, on this Node and any given in BENCH_NODES. */
async function stepOverhead(): Promise<void> {
  section(
    `Step overhead (a train step with wait: false, process start to exit, median of 20; load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
  );
  const emulator = await startEmulator({ port: 0 });
  const nodes = [process.execPath, ...(process.env.BENCH_NODES ?? '').split(',').filter(Boolean)];
  const measured = [];
  try {
    for (const node of nodes) {
      const o = await measureStepOverhead(emulator, node, times(20));
      measured.push(o);
      const version = node === process.execPath ? process.version : node;
      report(`node -e '' (${version})`, ms(o.floorMs), 'the floor of every step');
      report(
        `train, wait: false (${version})`,
        ms(o.stepMs),
        `${ms(o.overheadMs)} over the floor (target: 150 ms at most)`,
      );
      report(
        `  CPU time: node -e '' / the train step (${version})`,
        `${ms(o.floorCpuMs)} / ${ms(o.stepCpuMs)}`,
        `${ms(o.stepCpuMs - o.floorCpuMs)} more: what the step itself costs, whatever the load`,
      );
      report(
        `  the same, bundle minified`,
        ms(o.minifiedMs),
        `${ms(o.minifiedMs - o.floorMs)} over the floor`,
      );
      report(
        `  the same, with the compile cache warm`,
        o.compileCacheMs === undefined ? 'n/a' : ms(o.compileCacheMs),
        o.compileCacheMs === undefined
          ? 'Node < 22.1 has none'
          : `${ms(o.compileCacheMs - o.floorMs)} over the floor`,
      );
    }
  } finally {
    await emulator.close();
  }
  results.stepOverhead = measured;
}

function bundleSizes(): void {
  section('Bundles (dist/<action>/index.js, as committed)');
  const sizes: Record<string, number> = {};
  for (const name of readdirSync(join(root, 'actions'))) {
    try {
      sizes[name] = statSync(join(root, 'dist', name, 'index.js')).size;
    } catch {
      // Not a JavaScript action (a composite has no bundle).
    }
  }
  results.bundleBytes = sizes;
  report(
    'action bundles',
    Object.entries(sizes)
      .map(([n, b]) => `${n} ${Math.round(b / 1024)} kB`)
      .join(', '),
  );
}

/**
 * npm run demo's two workflows, start to exit, beside the emulated phases they wait for: the wine DAG
 * as one job, then as six jobs (info and predict at once).
 */
async function demoWallTimes(): Promise<void> {
  section('npm run demo');
  const demo = (args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [join(root, 'build', 'demo', 'index.js'), ...args], {
        cwd: root,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: 'ignore',
      });
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`demo ${args.join(' ')} exited ${code}`)),
      );
    });
  const one = median(await timeEach(times(3), () => demo([])));
  const six = median(await timeEach(times(3), () => demo(['wine-jobs'])));
  const emulatedMs =
    (DEMO_DURATIONS.trainingSeconds + DEMO_DURATIONS.packagingSeconds + DEMO_DURATIONS.deploymentSeconds) *
    1000;
  results.demo = { oneJobMs: one, sixJobsMs: six, emulatedPhasesMs: emulatedMs };
  report(
    'npm run demo: wine.yml, one job (median of 3)',
    ms0(one),
    `${ms0(emulatedMs)} of emulated phases (training, packaging, deployment)`,
  );
  report(
    'npm run demo -- wine-jobs: six jobs (median of 3)',
    ms0(six),
    `${(six / one).toFixed(2)}× the one job: a job's own set-up, and info and predict at once`,
  );
}

/** The evaluate action on 1,000 and 100,000 rows: rows per second, and memory (streamed). */
async function evaluation(): Promise<void> {
  section(
    'evaluate: a candidate against a baseline on a labelled CSV (concurrency 4; emulator in this process)',
  );
  const emulator = await startEmulator({ port: 0, deploymentSeconds: 0.2, edgeWarmupSeconds: 0 });
  const client = new OdahuClient({
    apiUrl: emulator.apiUrl,
    tokens: new ClientCredentialsTokenSource(credentials(emulator)),
  });
  try {
    const runs = medianRuns(await quietly(() => measureEvaluation(emulator, client, quick)));
    results.evaluation = runs;
    for (const r of runs) {
      const median = r.runs > 1 ? ` (median of ${r.runs})` : '';
      report(
        `${r.rows} rows (${r.datasetMb.toFixed(1)} MB), batch-size ${r.batchSize}: rows/s sent${median}`,
        String(r.rowsPerSecond),
        `${r.stepRowsPerSecond} rows/s over the whole step (${ms0(r.stepMs)}: both passes, warm-up)`,
      );
      report(
        `${r.rows} rows, batch-size ${r.batchSize}: peak RSS of the step`,
        `${r.peakRssMb.toFixed(0)} MB`,
      );
    }
  } finally {
    client.dispose();
    await emulator.close();
  }
}

/** The chain under injected faults, 20 seeds. */
async function faultChain(): Promise<void> {
  section(
    'Reliability: connection → train → package → deploy → predict under 20% 503, 10% 429, 5% cut answers',
  );
  const chain = await quietly(() => measureFaultChain(times(20), quick ? 1 : 4));
  results.faultChain = { faults: FAULTS, ...chain };
  report(
    'chains that passed, nothing created twice (seeds 1-20)',
    `${chain.passed} / ${chain.runs}`,
    `median ${ms0(chain.medianMs)} a chain${chain.failures.map((f) => `; seed ${f.seed}: ${f.reason}`).join('')}`,
  );
}

const minutesAndSeconds = (value: number) => {
  const seconds = Math.round(value / 1000);
  return seconds < 60
    ? `${(value / 1000).toFixed(1)} s`
    : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
};

/**
 * Runner time of a 10-minute training, waited for vs parked with a 5-minute resume schedule, side by
 * side (medians of 3 each); then a 7-hour training, parked, and waited for until GitHub's job limit.
 */
async function parking(): Promise<void> {
  section(
    `Long phases: runner time waited vs parked (wait: park, resume every ${SCHEDULE_MINUTES} min; the cluster's clock held and stepped, see bench/parking.ts)`,
  );
  const runs = times(3);
  const waited: TrainingCost[] = [];
  const parked: TrainingCost[] = [];
  for (let i = 0; i < runs; i++) {
    waited.push(await waitedTraining(10));
    // Parked anywhere in the schedule's interval: the first tick 0.8, 2.5 and 4.2 minutes after it.
    parked.push(await parkedTraining(10, ((i + 0.5) * SCHEDULE_MINUTES) / runs));
  }
  const waitedMs = median(waited.map((c) => c.runnerMs));
  const parkedMs = median(parked.map((c) => c.runnerMs));
  const ticks = median(parked.map((c) => c.jobs.length - 1));
  const parkRunMs = median(parked.map((c) => c.jobs[0]!.wallMs));
  const tickMs = median(parked.flatMap((c) => c.jobs.slice(1).map((j) => j.wallMs)));
  report(
    `10-minute training, waited: runner time (median of ${runs})`,
    minutesAndSeconds(waitedMs),
    `one job; billed ${median(waited.map((c) => c.billedMinutes))} min on a private repository's hosted runner`,
  );
  report(
    `10-minute training, parked: runner time (median of ${runs})`,
    minutesAndSeconds(parkedMs),
    `${(parkedMs / waitedMs).toFixed(3)} of waited (target: 0.1 at most): the parking run ${ms0(parkRunMs)}, ${ticks} resume ticks of ${ms0(tickMs)} (median)`,
  );
  report(
    '10-minute training, parked: billed minutes (each job rounded up)',
    String(median(parked.map((c) => c.billedMinutes))),
    `beside ${median(waited.map((c) => c.billedMinutes))} waited: GitHub bills every tick a whole minute; free on public repositories and self-hosted runners`,
  );
  report(
    '10-minute training, parked: the continuation dispatched after the end',
    `${median(parked.map((c) => c.dispatchDelayMinutes ?? NaN)).toFixed(1)} min`,
    `at most one schedule interval (${SCHEDULE_MINUTES} min), plus GitHub's delay of scheduled runs`,
  );
  // Each run's figures, its jobs as their count and median (a 7-hour run has 85 ticks).
  const figures = ({ jobs, ...cost }: TrainingCost) => ({
    ...cost,
    jobs: jobs.length,
    firstJobMs: jobs[0]!.wallMs,
    laterJobsMedianMs: jobs.length > 1 ? median(jobs.slice(1).map((j) => j.wallMs)) : undefined,
  });
  const tenMinutes = {
    waited: waited.map(figures),
    parked: parked.map(figures),
    waitedMedianMs: waitedMs,
    parkedMedianMs: parkedMs,
    ratio: parkedMs / waitedMs,
  };
  results.parking = { scheduleMinutes: SCHEDULE_MINUTES, tenMinutes };
  // 85 resume runs: left out of a quick run.
  if (quick) return;
  const longParked = await parkedTraining(7 * 60, SCHEDULE_MINUTES / 2);
  const longWaited = await waitedTraining(7 * 60);
  report(
    '7-hour training, parked: completed, continuation dispatched',
    longParked.completed ? 'yes' : 'no',
    `${longParked.jobs.length - 1} ticks; runner time ${minutesAndSeconds(longParked.runnerMs)}, billed ${longParked.billedMinutes} min; the training ${longParked.trainingState}`,
  );
  report(
    '7-hour training, waited: completed',
    longWaited.completed ? 'yes' : 'no',
    `${longWaited.cancelledAtLimit ? `cancelled at GitHub's ${JOB_LIMIT_MINUTES}-minute job limit` : `the job exited ${longWaited.jobs[0]!.exitCode}`} (runner time ${minutesAndSeconds(longWaited.runnerMs)}); the training: ${longWaited.trainingState}`,
  );
  results.parking = {
    scheduleMinutes: SCHEDULE_MINUTES,
    tenMinutes,
    sevenHours: { parked: figures(longParked), waited: figures(longWaited) },
  };
}

/** BENCH_ONLY=name,...: only those sections (npm run bench -- --only detection). */
const only = process.env.BENCH_ONLY?.split(',');
async function run(name: string, work: () => unknown): Promise<void> {
  if (!only || only.includes(name)) await work();
}

// The machine is shared: its load says how much the wall-clock figures (start-up above all) are inflated.
const load = () => loadavg()[0]!.toFixed(1);
console.log(
  `odahu-actions benchmark, Node ${process.version}, ${cpus().length} cores, load ${load()}, ${new Date().toISOString()}`,
);
results.loadAtStart = loadavg()[0];
results.node = process.version;
results.date = new Date().toISOString();
results.cores = cpus().length;
await run('detection', detection);
await run('waiting', waitingCost);
await run('overhead', stepOverhead);
await run('bundles', bundleSizes);
await run('demo', demoWallTimes);
await run('faults', faultChain);
await run('evaluation', evaluation);
await run('parking', parking);
await run('client', async () => {
  section('Client and emulator');
  const emulator = await startEmulator({ port: 0 });
  await connectionReuse(emulator);
  await tokenCache(emulator);
  await emulator.close();
  manifestLoading();
  await actionStartup();
  await createsUnderDrops();
  await chainWallTime();
});

results.loadAtEnd = loadavg()[0];
console.log(`\nLoad average at the end: ${load()}`);
results.table = rows.map(([measure, value, note]) => ({ measure, value, note }));
// A partial run (--only) does not replace the full record: it updates its own sections' figures,
// noting when and under what load they were measured.
const record = join(root, 'bench', 'results.json');
if (quick) console.log('\nA quick run: its figures are not the counts its lines name; nothing written.');
else if (!only) writeFileSync(record, `${JSON.stringify(results, null, 2)}\n`);
else {
  const full = JSON.parse(readFileSync(record, 'utf8')) as Record<string, unknown>;
  const { table: _table, loadAtStart, loadAtEnd, date, node, cores: _cores, ...measured } = results;
  const partial = { sections: only, date, node, loadAtStart, loadAtEnd };
  writeFileSync(
    record,
    `${JSON.stringify({ ...full, ...measured, [`partial:${only.join(',')}`]: partial }, null, 2)}\n`,
  );
}
if (!quick) console.log(`\n${only ? 'Updated' : 'Written'}: bench/results.json`);

if (process.env.BENCH_MARKDOWN) {
  const table = [
    '| Measure | Value | Note |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  writeFileSync(process.env.BENCH_MARKDOWN, `${table}\n`);
}
