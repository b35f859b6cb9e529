// `npm run demo`: the whole thing working, before anyone owns a cluster. Runs
// examples/workflows/wine.yml through the local workflow runner (src/workflow) with the actions' real
// bundles, against the embedded Odahu emulator, with placeholder secrets, then shows where the model
// answers, its info's title, its prediction, and the job summary. Exit 0 when the job succeeds.

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { messageOf } from '../shared/thrown.js';
import { CannotRun } from '../workflow/cannot-run.js';
import { repositoryRoot } from '../workflow/repository.js';
import type { StepsContext } from '../workflow/job-state.js';
import { runWorkflow } from '../workflow/run-workflow.js';

const WORKFLOW = 'examples/workflows/wine.yml';

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

function output(steps: StepsContext, step: string, name: string): string {
  return steps[step]?.outputs[name] ?? '';
}

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

async function main(): Promise<number> {
  const root = repositoryRoot();
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);
  const write = (text: string) => process.stdout.write(text);
  write(`${bold('Odahu actions demo')}: ${WORKFLOW}, run on this machine by the local workflow runner\n`);
  write('with the actions as GitHub runs them, against an embedded Odahu emulator. Its secrets are\n');
  write('placeholders (a fake GCP service-account key, a fake SSH key): nothing leaves this machine.\n\n');
  try {
    const run = await runWorkflow({
      workflowPath: join(root, WORKFLOW),
      shownPath: WORKFLOW,
      workspace: root,
      secrets: { GCP_SA_KEY: FAKE_GCP_KEY, EXAMPLES_SSH_KEY: FAKE_SSH_KEY },
      vars: { WINE_BUCKET: 'wine-demo-bucket', GCP_PROJECT: 'wine-demo' },
      envFile: {},
      inputs: {},
      event: 'workflow_dispatch',
      repoRoot: root,
      emulatorOnly: true,
      write,
      color,
      environment: {
        ...process.env,
        PATH: `${offlineCloudTools(root)}${delimiter}${process.env.PATH ?? ''}`,
      },
    });
    if (run.exitCode !== 0) return run.exitCode;
    const { steps } = run.result;
    write('\n');
    write(`${bold('The wine model was deployed and answered:')}\n`);
    write(`  url          ${output(steps, 'deploy', 'url')}\n`);
    write(`  model        ${modelTitle(output(steps, 'info', 'response'))}\n`);
    write(`  prediction   ${output(steps, 'predict', 'response')}\n`);
    write(`  job summary  ${relative(process.cwd(), run.summaryPath)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof CannotRun)) throw error;
    for (const line of error.lines) process.stderr.write(`demo: ${line}\n`);
    return 2;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`demo: ${messageOf(error)}\n`);
    process.exitCode = 1;
  },
);
