// `npm run workflow -- <file> [flags]`: runs a workflow's jobs (or one, with --job) on this machine
// against the embedded Odahu emulator (or the cluster ODAHU_API_URL names). Exit 0 when the run
// succeeds, 1 when it fails or is cancelled, 2 on bad usage, a workflow the parser rejects, or a
// feature this runner does not support. Flags are read by node:util's parseArgs; what it accepts
// but this runner does not (an unknown flag, a flag without its value) is one line here.

import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CannotRun } from './cannot-run.js';
import { readEnvFile } from './env-file.js';
import { readEventPayload } from './event-payload.js';
import { checkWorkflowPath } from './workflow-path.js';
import type { StubOutputs } from './other-actions.js';
import { parseStepOutputs, readStubFile } from './other-actions.js';
import type { WorkflowRunOptions } from './run-workflow.js';
import { runWorkflow } from './run-workflow.js';

/** Where a tool's command line meets the machine: index.ts gives the process's, a test its own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Where relative paths on the command line are from. */
  cwd: string;
  color: boolean;
  /** This repository (repository.ts). */
  repoRoot: string;
  /** How steps' stages run (WorkflowRunOptions.stages); processes by default. */
  stages?: WorkflowRunOptions['stages'];
}

const USAGE = `Usage: odahu-actions workflow <workflow.yml> [flags]
       (in a clone of odahu-actions: npm run workflow -- <workflow.yml> [flags])

Runs the jobs of a GitHub workflow on this machine in needs order, with the odahu actions' real
bundles, against the embedded Odahu emulator unless ODAHU_API_URL is given (by --var, --env-file or
the environment).

  --job ID               run only this job (its needs are not run)
  --needs-output JOB.NAME=VALUE
                         with --job: an output of a job it needs, e.g. --needs-output package.image=...
  --secret NAME=VALUE    a secret (secrets.NAME), masked in the log; --secret NAME takes $NAME
  --var NAME=VALUE       a configuration variable (vars.NAME)
  --env-file FILE        NAME=VALUE lines: workflow-level env, and ODAHU_* settings for the cluster
  --event NAME           the triggering event (default workflow_dispatch if the workflow has it)
  --pull-request NUMBER  a pull_request event for this pull request (its head: this branch and commit)
  --fork                 with --pull-request: the pull request comes from a fork (a read-only token)
  --workflow-run ID      with --event workflow_run: the run that completed (default: the latest run
                         of a workflow it names in on.workflow_run.workflows, from .tmp/runs)
  --event-payload FILE   the event's payload (JSON), merged over the default one for the event
                         (pull_request: number 1, head = this branch and commit)
  --input NAME=VALUE     a workflow_dispatch input (default: its default)
  --no-dispatch          run no workflow this run dispatches (a parked phase's continuation, which
                         resume dispatches through the runner's local GitHub, kept in the runs
                         folder's github/); by default each runs when this run ends, on the same
                         cluster
  --workspace DIR        the checkout (default: the git working tree holding the workflow)
  --step-output STEP.NAME=VALUE
                         an output of a step not run here (another repository's action), e.g.
                         --step-output auth.project_id=acme (default: it reads as '')
  --stub-file FILE       outputs of the steps not run here, by step id or action (YAML or JSON):
                         auth: {project_id: acme}  or  google-github-actions/auth: {...}
  --oidc-subject SUB     the embedded emulator trusts GitHub OIDC tokens with this subject only
                         (default: each job's own), e.g. repo:acme/models:environment:production
  --help                 this text

--secret, --var, --input and --oidc-subject may be given several times.
`;

const OPTIONS = {
  job: { type: 'string' },
  secret: { type: 'string', multiple: true },
  var: { type: 'string', multiple: true },
  'env-file': { type: 'string' },
  event: { type: 'string' },
  'event-payload': { type: 'string' },
  'pull-request': { type: 'string' },
  fork: { type: 'boolean' },
  'no-dispatch': { type: 'boolean' },
  'workflow-run': { type: 'string' },
  input: { type: 'string', multiple: true },
  workspace: { type: 'string' },
  'oidc-subject': { type: 'string', multiple: true },
  'step-output': { type: 'string', multiple: true },
  'needs-output': { type: 'string', multiple: true },
  'stub-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface CliArguments {
  workflow: string;
  jobId?: string;
  secrets: Record<string, string>;
  vars: Record<string, string>;
  envFile?: string;
  event?: string;
  eventPayload?: string;
  pullRequest?: number;
  fork: boolean;
  noDispatch: boolean;
  workflowRun?: string;
  inputs: Record<string, string>;
  workspace?: string;
  oidcSubjects: string[];
  stepOutputs: string[];
  needsOutputs: string[];
  stubFile?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function parseArguments(args: string[], environment: NodeJS.ProcessEnv): CliArguments | 'help' {
  // Not strict: this function words the problems, one line each.
  const { tokens } = parseArgs({
    args,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help')) return 'help';
  const parsed: CliArguments = {
    workflow: '',
    secrets: {},
    vars: {},
    inputs: {},
    oidcSubjects: [],
    stepOutputs: [],
    needsOutputs: [],
    fork: false,
    noDispatch: false,
  };
  const pair = (flag: string, value: string, fromEnvironment: boolean): [string, string] => {
    const equals = value.indexOf('=');
    if (equals < 0 && fromEnvironment && NAME.test(value)) {
      const found = environment[value];
      if (found === undefined) throw new CannotRun([`${flag} ${value}: $${value} is not set`]);
      return [value, found];
    }
    const name = value.slice(0, equals);
    if (equals < 0 || !NAME.test(name))
      throw new CannotRun([`${flag} wants NAME=VALUE, not ${JSON.stringify(value)}`]);
    return [name, value.slice(equals + 1)];
  };
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (parsed.workflow)
        throw new CannotRun([`one workflow at a time (${parsed.workflow}, then ${token.value})`]);
      parsed.workflow = token.value;
      continue;
    }
    if (token.kind !== 'option') continue;
    const flag = token.rawName;
    if (!(token.name in OPTIONS)) throw new CannotRun([`unknown flag ${flag} (see --help)`]);
    if (token.name === 'fork' || token.name === 'no-dispatch') {
      if (token.value !== undefined) throw new CannotRun([`${flag} takes no value`]);
      if (token.name === 'fork') parsed.fork = true;
      else parsed.noDispatch = true;
      continue;
    }
    const value = token.value;
    // `--job --var X`: parseArgs takes --var as the value; a flag's value never looks like a flag.
    if (value === undefined || (!token.inlineValue && value.startsWith('--'))) {
      throw new CannotRun([`${flag} needs a value`]);
    }
    switch (token.name as keyof typeof OPTIONS) {
      case 'job':
        parsed.jobId = value;
        break;
      case 'secret': {
        const [name, secret] = pair(flag, value, true);
        parsed.secrets[name] = secret;
        break;
      }
      case 'var': {
        const [name, variable] = pair(flag, value, false);
        parsed.vars[name] = variable;
        break;
      }
      case 'input': {
        const [name, input] = pair(flag, value, false);
        parsed.inputs[name] = input;
        break;
      }
      case 'env-file':
        parsed.envFile = value;
        break;
      case 'event':
        parsed.event = value;
        break;
      case 'event-payload':
        parsed.eventPayload = value;
        break;
      case 'pull-request':
        if (!/^[1-9]\d*$/.test(value))
          throw new CannotRun([`${flag} wants a pull request number, not ${JSON.stringify(value)}`]);
        parsed.pullRequest = Number(value);
        break;
      case 'workflow-run':
        if (!/^\d+$/.test(value))
          throw new CannotRun([`${flag} wants a run id (see .tmp/runs), not ${JSON.stringify(value)}`]);
        parsed.workflowRun = value;
        break;
      case 'workspace':
        parsed.workspace = value;
        break;
      case 'oidc-subject':
        parsed.oidcSubjects.push(value);
        break;
      case 'step-output':
        parsed.stepOutputs.push(value);
        break;
      case 'needs-output':
        parsed.needsOutputs.push(value);
        break;
      case 'stub-file':
        parsed.stubFile = value;
        break;
    }
  }
  if (!parsed.workflow) throw new CannotRun(['which workflow? (see --help)']);
  if (parsed.fork && parsed.pullRequest === undefined)
    throw new CannotRun(['--fork goes with --pull-request NUMBER']);
  return parsed;
}

/** `npm run workflow -- <args>`: the exit code (0, 1, or 2 when the run cannot start). */
export async function workflowCli(args: string[], io: CliIo): Promise<number> {
  const at = (path: string) => (isAbsolute(path) ? path : resolve(io.cwd, path));
  try {
    const parsed = parseArguments(args, io.env);
    if (parsed === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    checkWorkflowPath(at(parsed.workflow), parsed.workflow, io.cwd);
    const run = await runWorkflow({
      workflowPath: at(parsed.workflow),
      shownPath: parsed.workflow,
      jobId: parsed.jobId,
      workspace: parsed.workspace === undefined ? undefined : at(parsed.workspace),
      secrets: parsed.secrets,
      vars: parsed.vars,
      envFile: parsed.envFile === undefined ? {} : readEnvFile(at(parsed.envFile), parsed.envFile),
      event: parsed.event,
      eventPayload:
        parsed.eventPayload === undefined
          ? undefined
          : readEventPayload(at(parsed.eventPayload), parsed.eventPayload),
      pullRequest:
        parsed.pullRequest === undefined ? undefined : { number: parsed.pullRequest, fork: parsed.fork },
      workflowRunId: parsed.workflowRun,
      inputs: parsed.inputs,
      oidcSubjects: parsed.oidcSubjects,
      needsOutputs: parseStepOutputs(parsed.needsOutputs, '--needs-output', 'a job id'),
      stubs: stubOutputs(
        parsed.stubFile === undefined ? {} : readStubFile(at(parsed.stubFile), parsed.stubFile),
        parseStepOutputs(parsed.stepOutputs),
      ),
      repoRoot: io.repoRoot,
      cwd: io.cwd,
      write: io.stdout,
      color: io.color,
      environment: io.env,
      stages: io.stages,
      followDispatches: !parsed.noDispatch,
    });
    return run.exitCode;
  } catch (error) {
    if (!(error instanceof CannotRun)) throw error;
    for (const line of error.lines) io.stderr(`workflow: ${line}\n`);
    return 2;
  }
}

/** The stub file's outputs, then --step-output's over them. */
function stubOutputs(file: StubOutputs, flags: StubOutputs): StubOutputs {
  const merged: StubOutputs = { ...file };
  for (const [key, outputs] of Object.entries(flags)) merged[key] = { ...merged[key], ...outputs };
  return merged;
}
