// `npm run demo`: the whole thing working, before anyone owns a cluster. Runs an example workflow
// through the local workflow runner (src/workflow) with the actions' real bundles, against the
// embedded Odahu emulator, with placeholder secrets, then shows where the model answers, its info's
// title, its prediction, and the run's summary. Exit 0 when the run succeeds.
//   npm run demo                 examples/workflows/wine.yml: the wine DAG as one job
//   npm run demo -- wine-jobs    examples/workflows/wine-jobs.yml: the four DAGs as six jobs
//   npm run demo -- evaluate     examples/workflows/wine-evaluate.yml: candidates evaluated, one passes
//   npm run demo -- park         examples/workflows/wine-park.yml, resumed (park.ts)

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CannotRun } from '../workflow/cannot-run.js';
import type { CliIo } from '../workflow/cli.js';
import type { WorkflowRun } from '../workflow/run-workflow.js';
import { runWorkflow } from '../workflow/run-workflow.js';
import { PARK_WORKFLOWS, runParkDemo } from './park.js';

/** What the demo says at the end: a heading and `name  value` lines. */
interface Answer {
  heading: string;
  lines: [string, string][];
  /** The summary to show, when not the run's own (the park demo's continuation). */
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

/** The examples the demo runs, and where each keeps what it shows at the end. */
const EXAMPLES: Record<
  string,
  {
    workflow: string;
    answer: (run: WorkflowRun) => Answer;
    /** Runs more than the one workflow (default: runWorkflow of `workflow`). */
    run?: typeof runParkDemo;
  }
> = {
  wine: {
    workflow: 'examples/workflows/wine.yml',
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
    answer: (run) => {
      const output = (job: string, name: string) =>
        run.jobs.find((each) => each.id === job)?.outputs[name] ?? '';
      return deployed(output('deploy', 'url'), output('info', 'model'), output('predict', 'prediction'));
    },
  },
  evaluate: {
    workflow: 'examples/workflows/wine-evaluate.yml',
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
  park: {
    workflow: PARK_WORKFLOWS.park,
    run: runParkDemo,
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
  },
};

const USAGE = `Usage: npm run demo [-- EXAMPLE]

Runs an example workflow on this machine against an embedded Odahu emulator, with placeholder secrets.
  wine         examples/workflows/wine.yml, the wine DAG as one job (the default)
  wine-jobs    examples/workflows/wine-jobs.yml, the plugin documentation's four DAGs as six jobs
  evaluate     examples/workflows/wine-evaluate.yml, new versions evaluated against the one serving:
               one passes its gates, two worse ones fail them
  park         examples/workflows/wine-park.yml, a 15-minute training parked (no runner held), then
               wine-resume.yml on schedule every 5 minutes of the emulator's clock until it ends, and
               wine-continue.yml, which resume dispatches: package, deploy, predict
`;

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
    throw new CannotRun([`no example ${name}: choose ${Object.keys(EXAMPLES).join(', ')}`]);
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
  const { workflow: WORKFLOW, answer, run: runExample } = EXAMPLES[example] as (typeof EXAMPLES)[string];
  write(`${bold('Odahu actions demo')}: ${WORKFLOW}, run on this machine by the local workflow runner\n`);
  write('with the actions as GitHub runs them, against an embedded Odahu emulator. Its secrets are\n');
  write('placeholders (a fake GCP service-account key, a fake SSH key): nothing leaves this machine.\n\n');
  try {
    const shared = {
      workspace: root,
      secrets: { GCP_SA_KEY: FAKE_GCP_KEY, EXAMPLES_SSH_KEY: FAKE_SSH_KEY },
      vars: { WINE_BUCKET: 'wine-demo-bucket', GCP_PROJECT: 'wine-demo' },
      envFile: {},
      inputs: {},
      repoRoot: root,
      emulatorOnly: true,
      write,
      color,
      environment: {
        ...io.env,
        PATH: `${offlineCloudTools(root)}${delimiter}${io.env.PATH ?? ''}`,
      },
      stages: io.stages,
    };
    const run = runExample
      ? await runExample(shared)
      : await runWorkflow({
          ...shared,
          workflowPath: join(root, WORKFLOW),
          shownPath: WORKFLOW,
          event: 'workflow_dispatch',
        });
    if (run.exitCode !== 0) return run.exitCode;
    const { heading, lines, summaryPath = run.summaryPath } = answer(run);
    write('\n');
    write(`${bold(heading)}\n`);
    const width = Math.max(11, ...lines.map(([name]) => name.length)) + 2;
    for (const [name, value] of [...lines, ['job summary', relative(io.cwd, summaryPath)]]) {
      write(`  ${name!.padEnd(width)}${value}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CannotRun)) throw error;
    for (const line of error.lines) io.stderr(`demo: ${line}\n`);
    return 2;
  }
}
