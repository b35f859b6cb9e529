// Runs an action's dist bundle the way GitHub's runner does: a child process with the inputs as
// INPUT_* variables (action.yml defaults applied), the file-command files, RUNNER_TEMP and
// GITHUB_WORKSPACE, and stdout read as workflow commands; on the node ODAHU_TEST_NODE names (.ci/run:
// Node 24, GitHub's runtime for the actions), else this one. The bundles' smoke tests run it
// (bundles.test.ts); the behaviour tests run the sources in-process (in-process.ts), as an ActionRun too.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { ActionDefinition } from '../../src/workflow/action-file.js';
import { loadAction } from '../../src/workflow/action-file.js';
import { inputVariable, renderLog, runNodeStage } from '../../src/workflow/node-action.js';
import { WorkflowCommands } from '../../src/workflow/workflow-commands.js';
import type { Annotation } from '../../src/workflow/workflow-commands.js';

export const ROOT = join(import.meta.dirname, '..', '..');

/** The node the bundles and the tools run on in the tests. */
export const BUNDLE_NODE = process.env.ODAHU_TEST_NODE || process.execPath;

/** PATH with that node first, so that a composite's `exec node` and the runner's steps find it too. */
export function pathWithBundleNode(path = process.env.PATH ?? ''): string {
  return `${dirname(BUNDLE_NODE)}${delimiter}${path}`;
}

/** actions/<name>/action.yml as the workflow runner reads it (@actions/workflow-parser). */
export function actionDefinition(name: string): ActionDefinition {
  return loadAction(join(ROOT, 'actions', name), `actions/${name}`);
}

export interface ActionRun {
  exitCode: number;
  outputs: Record<string, string>;
  summary: string;
  /** The job log as a user sees it: masks applied, commands interpreted. */
  log: string[];
  /** What the raw process printed, commands included (to prove a secret never left unmasked). */
  annotations: Annotation[];
  /** The ::error:: line setFailed wrote, if any. */
  failure: string | undefined;
  cancelled: boolean;
}

export interface RunOptions {
  /** Variables on top of a clean environment (the job's env, ODAHU_* settings). */
  env?: Record<string, string>;
  workspace?: string;
  /** Secrets the workflow would register (masked in the log like `secrets.*`). */
  secrets?: string[];
  /** Abort to cancel the step as the runner does (SIGINT, then SIGTERM). */
  signal?: AbortSignal;
  /** Called with each line as it is shown. */
  onLine?: (line: string) => void;
}

export async function runAction(
  name: string,
  inputs: Record<string, string>,
  options: RunOptions = {},
): Promise<ActionRun> {
  const action = actionDefinition(name);
  if (action.runs?.using !== 'node')
    throw new Error(`actions/${name} is not a node action: run it in a workflow`);
  const actionDir = action.dir;
  const temp = mkdtempSync(join(tmpdir(), `odahu-${name}-`));
  const commands = new WorkflowCommands();
  for (const secret of options.secrets ?? []) commands.addMask(secret);
  const env: Record<string, string> = {
    PATH: pathWithBundleNode(),
    HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace ?? ROOT,
    RUNNER_TEMP: temp,
    GITHUB_ACTION_PATH: actionDir,
    ...options.env,
  };
  // action.yml defaults, then the given inputs, as the runner passes them.
  for (const input of action.inputs) {
    if (input.default !== undefined) env[inputVariable(input.id)] = input.default.toString();
  }
  for (const [input, value] of Object.entries(inputs)) env[inputVariable(input)] = value;
  const result = await runNodeStage({
    node: BUNDLE_NODE,
    script: join(actionDir, action.runs.main),
    env,
    cwd: options.workspace ?? ROOT,
    filesDir: join(temp, 'files'),
    stepKey: name,
    commands,
    signal: options.signal,
    onEvent: options.onLine ? (event) => renderLog([event]).forEach(options.onLine!) : undefined,
  });
  // An output the action sets but does not declare would be invisible to a workflow: a bug.
  const declared = new Set(action.outputs.map((output) => output.id));
  const undeclared = Object.keys(result.files.outputs).filter((output) => !declared.has(output));
  if (undeclared.length > 0)
    throw new Error(`${name} set outputs its action.yml does not declare: ${undeclared.join(', ')}`);
  const annotations = result.log.flatMap((e) => (e.type === 'annotation' ? [e.annotation] : []));
  return {
    exitCode: result.exitCode,
    outputs: result.files.outputs,
    summary: result.files.summary,
    log: renderLog(result.log),
    annotations,
    failure: annotations.find((a) => a.level === 'error')?.message,
    cancelled: result.cancelled,
  };
}

/** The ODAHU_* variables a job would set for this emulator. */
export function emulatorEnv(emulator: {
  apiUrl: string;
  authUrl: string;
  clientId: string;
  clientSecret: string;
}): Record<string, string> {
  return {
    ODAHU_API_URL: emulator.apiUrl,
    ODAHU_AUTH_URL: emulator.authUrl,
    ODAHU_CLIENT_ID: emulator.clientId,
    ODAHU_CLIENT_SECRET: emulator.clientSecret,
  };
}

/** A training the fresh emulator accepts without extra connections; `extra` goes under spec. */
export function trainingManifest(id: string, hyperParameters: Record<string, string> = {}): string {
  const params = Object.entries(hyperParameters)
    .map(([key, value]) => `    ${key}: "${value}"`)
    .join('\n');
  return [
    'kind: ModelTraining',
    `id: ${id}`,
    'spec:',
    '  model: {name: wine, version: "1.0"}',
    '  toolchain: mlflow',
    '  algorithmSource:',
    '    objectStorage: {connection: models-output, path: code/wine}',
    ...(params ? ['  hyperParameters:', params] : []),
  ].join('\n');
}
