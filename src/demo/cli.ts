// `npm run demo`: the whole thing working, before anyone owns a cluster. Runs an example workflow
// through the local workflow runner (src/workflow) with the actions' real bundles, against the
// embedded Odahu emulator, with placeholder secrets, then shows where the model answers, its info's
// title, its prediction, and the run's summary. Exit 0 when the run succeeds.
//   npm run demo                 examples/workflows/wine.yml: the wine DAG as one job
//   npm run demo -- <example>    any workflow of examples/workflows/ (its name without .yml), with
//                                the runs it depends on done first on the same emulator

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { editDistance } from '../shared/edit-distance.js';
import { CannotRun } from '../workflow/cannot-run.js';
import type { CliIo } from '../workflow/cli.js';
import type { WorkflowRun } from '../workflow/run-workflow.js';
import { runWorkflow } from '../workflow/run-workflow.js';
import type { Cluster } from '../workflow/cluster.js';
import { chooseCluster } from '../workflow/cluster.js';
import { runParkDemo } from './park.js';

/** What the demo says at the end: a heading and `name  value` lines. */
interface Answer {
  heading: string;
  lines: [string, string][];
  /** The summary to show, when not the last run's own (the parked loop's continuation). */
  summaryPath?: string;
}

function deployed(url: string, model: string, prediction: string): Answer {
  return {
    heading: 'The wine model was deployed and answered:',
    lines: [
      ['url', url],
      ['model', model],
      ['prediction', prediction],
    ],
  };
}

/** One run of an example's workflow: its inputs and event; secrets made from the demo's cluster. */
interface ExampleRun {
  inputs?: Record<string, string>;
  event?: string;
  jobId?: string;
  /** --pull-request (and --fork). */
  pullRequest?: { number: number; fork: boolean };
  /** What the demo says before this run. */
  note?: string;
  secrets?: (cluster: Cluster) => Record<string, string>;
}

interface Example {
  workflow: string;
  does: string;
  /** An example whose runs come first, on the same emulator (it makes what this one reads). */
  before?: string;
  runs: ExampleRun[];
  /** Where the model's answers are, for the demo's last lines. */
  answer?: (run: WorkflowRun) => Answer;
  /** Runs the example itself, on a cluster of its own (the parked loop: park.ts), instead of `runs`. */
  drive?: typeof runParkDemo;
}

/** The parked loop: one command for each of its three workflows, as none runs green alone. */
const PARKED_LOOP: Omit<Example, 'workflow'> = {
  does: 'a 15-minute training parked, resume ticking on schedule, the continuation dispatched',
  runs: [],
  drive: runParkDemo,
  answer: (run) => {
    const continuation = run.dispatched[0];
    const steps = continuation?.jobs.find((job) => job.id === 'release')?.runs[0]?.result?.steps ?? {};
    const output = (step: string, name: string) => steps[step]?.outputs[name] ?? '';
    return {
      heading: 'The parked training was resumed, and its continuation deployed the model, which answered:',
      lines: [
        ['image', output('package', 'image')],
        ['url', output('deploy', 'url')],
        ['prediction', output('predict', 'response')],
      ],
      summaryPath: continuation?.summaryPath,
    };
  },
};

/** The examples the demo runs, each with the one command its header gives: npm run demo -- <name>. */
const EXAMPLES: Record<string, Example> = {
  wine: {
    workflow: 'examples/workflows/wine.yml',
    does: 'the wine DAG as one job (the default)',
    runs: [{}],
    answer: (run) => {
      const steps = run.jobs.find((job) => job.id === 'wine')?.runs[0]?.result?.steps ?? {};
      const output = (step: string, name: string) => steps[step]?.outputs[name] ?? '';
      return deployed(
        output('deploy', 'url'),
        modelTitle(output('info', 'response')),
        output('predict', 'response'),
      );
    },
  },
  'wine-jobs': {
    workflow: 'examples/workflows/wine-jobs.yml',
    does: "the plugin documentation's four DAGs as six jobs",
    runs: [{}],
    answer: (run) => {
      const output = (job: string, name: string) =>
        run.jobs.find((each) => each.id === job)?.outputs[name] ?? '';
      return deployed(output('deploy', 'url'), output('info', 'model'), output('predict', 'prediction'));
    },
  },
  'wine-canary': {
    workflow: 'examples/workflows/wine-canary.yml',
    does: 'a first release, then a new version promoted by canary (two runs)',
    runs: [
      {
        note: 'First run: version 1.0, the first release (nothing serves the stable URL yet).',
        inputs: { image: 'ghcr.io/acme/wine:1.0', interval: '0.5s' },
      },
      {
        note: 'Second run: version 2.0, released by canary beside 1.0 (10%, 50%, 100%), then promoted.',
        inputs: { image: 'ghcr.io/acme/wine:2.0', interval: '0.5s' },
      },
    ],
  },
  'wine-fire-and-forget': {
    workflow: 'examples/workflows/wine-fire-and-forget.yml',
    does: 'a training started, other work, then the wait action (after wine.yml)',
    before: 'wine',
    runs: [{}],
  },
  'airflow-migration': {
    workflow: 'examples/workflows/airflow-migration.yml',
    does: 'the Airflow connection secret as the one setting (after wine.yml)',
    before: 'wine',
    runs: [{ secrets: (cluster) => ({ AIRFLOW_CONN_ODAHUFLOW_API: airflowConnection(cluster) }) }],
  },
  'pr-preview': {
    workflow: 'examples/workflows/pr-preview.yml',
    does: "a pull request's preview made, then torn down (after wine.yml)",
    before: 'wine',
    runs: [
      { note: 'The pull request #1 opens: its preview is made.', event: 'pull_request' },
      {
        note: 'The pull request #1 closes: its preview is torn down.',
        inputs: { pr: '1', teardown: 'true' },
      },
    ],
  },
  'wine-evaluate': {
    workflow: 'examples/workflows/wine-evaluate.yml',
    does: 'new versions evaluated against the one serving: one passes its gates, two worse ones fail',
    runs: [{}],
    answer: (run) => {
      const steps = run.jobs.find((job) => job.id === 'evaluate')?.runs[0]?.result?.steps ?? {};
      const verdict = (step: string, metric: string) => {
        const outputs = steps[step]?.outputs ?? {};
        return `${outputs.passed === 'true' ? 'passed' : 'failed'} its gates (${metric} ${outputs[metric] ?? '?'})`;
      };
      return {
        heading: 'Three candidates were evaluated against the version serving, on the same rows:',
        lines: [
          ['wine-candidate', verdict('candidate', 'rmse')],
          ['wine-offset', verdict('offset', 'rmse')],
          ['wine-flipped', verdict('flipped', 'accuracy')],
        ],
      };
    },
  },
  'pr-evaluate': {
    workflow: 'examples/workflows/pr-evaluate.yml',
    does: "a fork's pull request evaluated against production (after wine.yml)",
    before: 'wine',
    runs: [
      {
        note: 'A pull request from a fork, #7:',
        event: 'pull_request',
        pullRequest: { number: 7, fork: true },
      },
    ],
  },
  'odahu-report': {
    workflow: 'examples/workflows/odahu-report.yml',
    does: "the fork's report posted by a workflow_run workflow (after pr-evaluate.yml)",
    before: 'pr-evaluate',
    runs: [{ note: 'pr-evaluate.yml completed: the report workflow follows it.', event: 'workflow_run' }],
  },
  'wine-no-secrets': {
    workflow: 'examples/workflows/wine-no-secrets.yml',
    does: "train, package, deploy with each job's GitHub OIDC token, no secret",
    runs: [{}],
  },
  'wine-park': { workflow: 'examples/workflows/wine-park.yml', ...PARKED_LOOP },
  'wine-resume': { workflow: 'examples/workflows/wine-resume.yml', ...PARKED_LOOP },
  'wine-continue': { workflow: 'examples/workflows/wine-continue.yml', ...PARKED_LOOP },
};

const USAGE = `Usage: npm run demo [-- EXAMPLE]   (or: odahu-actions demo [EXAMPLE])

Runs an example workflow of examples/workflows/ on this machine against an embedded Odahu emulator,
with placeholder secrets, and the runs it depends on first:
${Object.entries(EXAMPLES)
  .map(([name, example]) => `  ${name.padEnd(22)} ${example.does}`)
  .join('\n')}
`;

// The name the demo had for it first.
EXAMPLES.evaluate = EXAMPLES['wine-evaluate'] as Example;
EXAMPLES.park = EXAMPLES['wine-park'] as Example;

/** The embedded emulator as the Airflow plugin's connection URI (AIRFLOW_CONN_ODAHUFLOW_API). */
function airflowConnection(cluster: Cluster): string {
  const api = new URL(cluster.vars.ODAHU_API_URL ?? '');
  const secret = encodeURIComponent(cluster.secrets.ODAHU_CLIENT_SECRET ?? '');
  const auth = encodeURIComponent(cluster.vars.ODAHU_AUTH_URL ?? '');
  const client = encodeURIComponent(cluster.vars.ODAHU_CLIENT_ID ?? '');
  return `http://:${secret}@${api.host}/http?auth_url=${auth}&client_id=${client}`;
}

/** Shaped like a real service-account key, so the connection action takes it; it opens nothing. */
const FAKE_GCP_KEY = JSON.stringify({
  type: 'service_account',
  project_id: 'wine-demo',
  private_key_id: '0123456789abcdef0123456789abcdef01234567',
  private_key:
    '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDemo\n-----END PRIVATE KEY-----\n',
  client_email: 'wine-trainer@wine-demo.iam.gserviceaccount.com',
  client_id: '100000000000000000001',
  token_uri: 'https://oauth2.googleapis.com/token',
});
const FAKE_SSH_KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQDemo',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');

/** The model info document's title and version, from the info step's JSON answer. */
function modelTitle(response: string): string {
  try {
    const info = (JSON.parse(response) as { info?: { title?: string; version?: string } }).info;
    return [info?.title, info?.version].filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/**
 * Stand-ins for gcloud and gsutil, first in the steps' PATH: the data extraction step takes its real
 * path (the copy, as with a bucket) without its fake key ever reaching Google, on any machine.
 */
function offlineCloudTools(root: string): string {
  const dir = join(root, '.tmp', 'demo-bin');
  mkdirSync(dir, { recursive: true });
  for (const tool of ['gcloud', 'gsutil']) {
    const path = join(dir, tool);
    writeFileSync(path, `#!/bin/sh\necho "(demo) ${tool} $*: not run, the demo stays on this machine"\n`);
    chmodSync(path, 0o755);
  }
  return dir;
}

/** The example to run, from the command line; undefined for --help. */
function chooseExample(args: string[]): string | undefined {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new CannotRun([`${(error as Error).message.split('.')[0] ?? ''} (see --help)`]);
  }
  if (parsed.values.help) return undefined;
  const [name = 'wine', ...more] = parsed.positionals;
  if (more.length > 0) throw new CannotRun([`one example at a time (${name}, then ${more.join(', ')})`]);
  if (!(name in EXAMPLES)) {
    // The nearest name first, as `workflow` does for a path: a typo is the usual cause.
    const [nearest] = Object.keys(EXAMPLES)
      .map((example) => ({ example, score: editDistance(name, example) }))
      .sort((a, b) => a.score - b.score)
      .filter(({ score }) => score <= 2);
    const suggestion = nearest ? `did you mean ${nearest.example}? ` : '';
    throw new CannotRun([
      `no example ${name}: ${suggestion}choose one of ${Object.keys(EXAMPLES).join(', ')}`,
    ]);
  }
  return name;
}

/** `npm run demo -- <args>`: the exit code (0, 1, or 2 for bad usage). */
export async function demoCli(args: string[], io: CliIo): Promise<number> {
  const root = io.repoRoot;
  const { color } = io;
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);
  const write = io.stdout;
  let example: string | undefined;
  try {
    example = chooseExample(args);
  } catch (error) {
    if (!(error instanceof CannotRun)) throw error;
    for (const line of error.lines) io.stderr(`demo: ${line}\n`);
    return 2;
  }
  if (example === undefined) {
    write(USAGE);
    return 0;
  }
  const chosen = EXAMPLES[example] as Example;
  const showAnswer = ({ heading, lines, summaryPath = undefined }: Answer, run: WorkflowRun) => {
    write(`${bold(heading)}\n`);
    const width = Math.max(11, ...lines.map(([name]) => name.length)) + 2;
    for (const [name, value] of [
      ...lines,
      ['job summary', relative(io.cwd, summaryPath ?? run.summaryPath)],
    ]) {
      write(`  ${name!.padEnd(width)}${value}\n`);
    }
  };
  // The examples whose runs come first, the earliest first (odahu-report after pr-evaluate after wine).
  const chain: Example[] = [];
  for (let each = chosen.before; each !== undefined; each = EXAMPLES[each]?.before) {
    chain.unshift(EXAMPLES[each] as Example);
  }
  write(
    `${bold('Odahu actions demo')}: ${chosen.workflow}, run on this machine by the local workflow runner\n`,
  );
  write('with the actions as GitHub runs them, against an embedded Odahu emulator. Its secrets are\n');
  write('placeholders (a fake GCP service-account key, a fake SSH key): nothing leaves this machine.\n\n');
  const environment = { ...io.env, PATH: `${offlineCloudTools(root)}${delimiter}${io.env.PATH ?? ''}` };
  if (chosen.drive) {
    const run = await chosen.drive({
      workspace: root,
      secrets: {},
      vars: {},
      envFile: {},
      inputs: {},
      repoRoot: root,
      cwd: io.cwd,
      write,
      color,
      environment,
      stages: io.stages,
    });
    if (run.exitCode !== 0) return run.exitCode;
    write('\n');
    showAnswer(chosen.answer!(run), run);
    return 0;
  }
  // One emulator for every run: what a run makes is there for the next, as on one cluster.
  const cluster = await chooseCluster({ vars: {}, secrets: {}, envFile: {}, environment: {} }, true);
  try {
    const runs: [Example, ExampleRun][] = [
      ...chain.flatMap((before) => before.runs.map((run): [Example, ExampleRun] => [before, run])),
      ...chosen.runs.map((run): [Example, ExampleRun] => [chosen, run]),
    ];
    let last: WorkflowRun | undefined;
    for (const [owner, each] of runs) {
      if (owner !== chosen) {
        write(`${bold('First')}: ${owner.workflow}, which makes what ${chosen.workflow} reads.\n\n`);
        if (each.note) write(`${bold(each.note)}\n\n`);
      } else if (each.note) write(`${bold(each.note)}\n\n`);
      last = await runWorkflow({
        workflowPath: join(root, owner.workflow),
        shownPath: owner.workflow,
        workspace: root,
        secrets: { GCP_SA_KEY: FAKE_GCP_KEY, EXAMPLES_SSH_KEY: FAKE_SSH_KEY, ...each.secrets?.(cluster) },
        vars: { WINE_BUCKET: 'wine-demo-bucket', GCP_PROJECT: 'wine-demo' },
        envFile: {},
        inputs: each.inputs ?? {},
        event: each.event ?? 'workflow_dispatch',
        jobId: each.jobId,
        pullRequest: each.pullRequest,
        repoRoot: root,
        cwd: io.cwd,
        cluster,
        write,
        color,
        environment,
        stages: io.stages,
      });
      if (last.exitCode !== 0) return last.exitCode;
      write('\n');
    }
    if (!last) return 1;
    if (!chosen.answer) {
      write(`${bold(`${chosen.workflow} ran green on the embedded emulator.`)}\n`);
      write(`  job summary  ${relative(io.cwd, last.summaryPath)}\n`);
      return 0;
    }
    showAnswer(chosen.answer(last), last);
    return 0;
  } catch (error) {
    if (!(error instanceof CannotRun)) throw error;
    for (const line of error.lines) io.stderr(`demo: ${line}\n`);
    return 2;
  } finally {
    await cluster.close();
  }
}
