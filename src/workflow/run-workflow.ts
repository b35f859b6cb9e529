// One run of one job of a workflow on this machine, from the file to the result: parse, choose the
// job, the event and its inputs, check for unsupported features (all before anything runs), choose
// the cluster (the embedded emulator unless ODAHU_API_URL is given), run the job, and report where
// its summary is. `npm run workflow` and `npm run demo` both run through here.

import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { InputConfig } from '@actions/workflow-parser/model/workflow-template';
import { InputType } from '@actions/workflow-parser/model/workflow-template';
import { CannotRun } from './cannot-run.js';
import type { Cluster } from './cluster.js';
import { chooseCluster } from './cluster.js';
import type { JsonValue } from './expressions.js';
import { formatDuration } from '../shared/duration.js';
import { JobLog } from './job-log.js';
import type { JobResult } from './job-runner.js';
import { runJob } from './job-runner.js';
import { preflight } from './preflight.js';
import { findReferences } from './references.js';
import { createRunContext, machineEnv } from './run-context.js';
import { WorkflowCommands } from './workflow-commands.js';
import type { SelectedJob, WorkflowFile } from './workflow-file.js';
import { dispatchInputs, jobSteps, loadWorkflow, selectJob, workflowEvents } from './workflow-file.js';

export interface WorkflowRunOptions {
  /** The workflow file, absolute, and as messages show it. */
  workflowPath: string;
  shownPath: string;
  jobId?: string;
  /** Default: the git working tree holding the workflow file. */
  workspace?: string;
  secrets: Record<string, string>;
  vars: Record<string, string>;
  /** --env-file values: workflow-level env under the workflow's own, and ODAHU_* cluster settings. */
  envFile: Record<string, string>;
  event?: string;
  inputs: Record<string, string>;
  /** This repository: its actions/ serve <owner>/odahu-actions/<name>@<ref>; runs go to .tmp/runs/. */
  repoRoot: string;
  /** The demo always uses the embedded emulator. */
  emulatorOnly?: boolean;
  write: (text: string) => void;
  color: boolean;
  environment: NodeJS.ProcessEnv;
}

export interface WorkflowRun {
  result: JobResult;
  summaryPath: string;
  exitCode: 0 | 1;
}

export async function runWorkflow(options: WorkflowRunOptions): Promise<WorkflowRun> {
  const started = Date.now();
  const workflow = await loadWorkflow(options.workflowPath, options.shownPath);
  const selected = selectJob(workflow, options.jobId);
  const eventName = chooseEvent(workflow, options.event);
  const inputs =
    eventName === 'workflow_dispatch' ? dispatchValues(dispatchInputs(workflow), options.inputs) : undefined;
  if (!inputs && Object.keys(options.inputs).length > 0) {
    throw new CannotRun([`--input is for workflow_dispatch; this run's event is ${eventName}`]);
  }
  const workspace = options.workspace ?? gitRoot(dirname(options.workflowPath)) ?? options.repoRoot;
  const catalog = preflight(workflow, selected, workspace, join(options.repoRoot, 'actions'));

  const cluster = await chooseCluster(
    {
      vars: options.vars,
      secrets: options.secrets,
      envFile: options.envFile,
      environment: options.environment,
    },
    options.emulatorOnly,
  );
  try {
    const debug = [cluster.secrets.ACTIONS_STEP_DEBUG, cluster.vars.ACTIONS_STEP_DEBUG].includes('true');
    const commands = new WorkflowCommands();
    for (const value of Object.values(cluster.secrets)) commands.addMask(value);
    const log = new JobLog({
      write: options.write,
      color: options.color,
      debug,
      mask: (text) => commands.mask(text),
    });
    const { runId, runNumber, runDir } = newRunDir(join(options.repoRoot, '.tmp', 'runs'));
    const summaryPath = join(runDir, 'summary.md');
    printHeader(log, { workflow, selected, eventName, cluster, workspace, runId, runDir });
    const result = await runJob({
      workflow,
      selected,
      outerEnv: options.envFile,
      setup: {
        catalog,
        workspace,
        runDir,
        fixed: { vars: cluster.vars, secrets: cluster.secrets, needs: {}, strategy: {}, matrix: {} },
        inputs: inputs?.context ?? {},
        commands,
        log,
        context: createRunContext({
          workspace,
          runDir,
          runId,
          runNumber,
          workflowName: workflow.name,
          jobId: selected.id,
          eventName,
          eventInputs: inputs?.payload ?? {},
          debug,
        }),
        machineEnv: machineEnv(options.environment),
        summaryPath,
      },
      onCancel: (cancel) => onSignals(cancel),
    });

    printResult(log, selected.id, result, Date.now() - started, summaryPath);
    return {
      result,
      summaryPath,
      exitCode: result.status === 'success' || result.status === 'skipped' ? 0 : 1,
    };
  } finally {
    await cluster.close();
  }
}

const shown = (path: string) => relative(process.cwd(), path) || '.';

/** What runs, against what, where; then what the job reads and was not given. */
function printHeader(
  log: JobLog,
  run: {
    workflow: WorkflowFile;
    selected: SelectedJob;
    eventName: string;
    cluster: Cluster;
    workspace: string;
    runId: string;
    runDir: string;
  },
): void {
  const { workflow, selected, cluster } = run;
  log.line(`${log.paint('bold', workflow.name)}  ${workflow.file} › job ${selected.id} (${run.eventName})`);
  for (const line of cluster.description) log.line(line);
  log.line(`workspace  ${run.workspace}`);
  log.line(`run        ${run.runId} in ${shown(run.runDir)}`);
  const needs = selected.job.needs ?? [];
  if (needs.length > 0) {
    log.line(`note       needs: ${needs.map((need) => need.value).join(', ')} is not run: needs.* is empty`);
  }
  const references = findReferences([
    workflow.template.env,
    selected.token,
    ...jobSteps(selected).map((step) => step.if),
  ]);
  const unset = [
    ...[...references.secrets]
      .filter((name) => cluster.secrets[name] === undefined)
      .map((name) => ['secrets', '--secret', name]),
    ...[...references.vars]
      .filter((name) => cluster.vars[name] === undefined)
      .map((name) => ['vars', '--var', name]),
  ];
  for (const [context, flag, name] of unset) {
    log.line(
      log.paint('yellow', `note       ${context}.${name} is not set (${flag} ${name}=...): it reads as ''`),
    );
  }
  log.line('');
}

function printResult(log: JobLog, jobId: string, result: JobResult, ms: number, summaryPath: string): void {
  const took = formatDuration(ms, 1);
  const failed = result.failures.find((failure) => failure.depth === 0) ?? result.failures[0];
  const cross = log.paint('red', '✗');
  log.line('');
  if (result.status === 'success') log.line(`${log.paint('green', '✓')} job ${jobId} succeeded in ${took}`);
  else if (result.status === 'skipped') log.line(`– job ${jobId} skipped`);
  else if (result.timedOutAfter !== undefined) {
    log.line(`${cross} job ${jobId} timed out after ${result.timedOutAfter} minutes`);
  } else if (result.status === 'cancelled') log.line(`${cross} job ${jobId} was cancelled after ${took}`);
  else log.line(`${cross} job ${jobId} failed in ${took}${failed ? `: step ${failed.name} failed` : ''}`);
  log.line(`job summary  ${shown(summaryPath)}`);
}

/** --event, else workflow_dispatch when the workflow has it, else its first event. */
function chooseEvent(workflow: WorkflowFile, wanted: string | undefined): string {
  const events = workflowEvents(workflow);
  if (wanted !== undefined && !events.includes(wanted)) {
    throw new CannotRun([`${workflow.file} does not run on ${wanted} (it runs on: ${events.join(', ')})`]);
  }
  return (
    wanted ??
    (events.includes('workflow_dispatch') ? 'workflow_dispatch' : (events[0] ?? 'workflow_dispatch'))
  );
}

/** workflow_dispatch inputs: --input values over the defaults, checked as GitHub checks them. */
function dispatchValues(
  definitions: Record<string, InputConfig>,
  given: Record<string, string>,
): { context: Record<string, JsonValue>; payload: Record<string, string> } {
  const problems: string[] = [];
  for (const name of Object.keys(given)) {
    if (!(name in definitions))
      problems.push(
        `--input ${name}: the workflow has no such input (its inputs: ${Object.keys(definitions).join(', ') || 'none'})`,
      );
  }
  const context: Record<string, JsonValue> = {};
  const payload: Record<string, string> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    const value = given[name] ?? (definition.default === undefined ? undefined : String(definition.default));
    if (value === undefined || (value === '' && definition.required)) {
      if (definition.required) problems.push(`input ${name} is required: give it with --input ${name}=VALUE`);
      if (definition.type === InputType.boolean) context[name] = false;
      else context[name] = '';
      payload[name] = '';
      continue;
    }
    if (definition.type === InputType.boolean && value !== 'true' && value !== 'false') {
      problems.push(`input ${name} is a boolean: true or false, not ${JSON.stringify(value)}`);
    }
    if (definition.type === InputType.choice && definition.options && !definition.options.includes(value)) {
      problems.push(
        `input ${name} must be one of ${definition.options.join(', ')}, not ${JSON.stringify(value)}`,
      );
    }
    payload[name] = value;
    context[name] = definition.type === InputType.boolean ? value === 'true' : value;
  }
  if (problems.length > 0) throw new CannotRun(problems);
  return { context, payload };
}

function gitRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** .tmp/runs/<run-id>: the id is the start time in ms (unique per directory); the number counts runs. */
function newRunDir(runsDir: string): { runId: string; runNumber: number; runDir: string } {
  mkdirSync(runsDir, { recursive: true });
  const runNumber = readdirSync(runsDir).length + 1;
  for (let id = Date.now(); ; id += 1) {
    const runDir = join(runsDir, String(id));
    try {
      mkdirSync(runDir);
      return { runId: String(id), runNumber, runDir };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** SIGINT and SIGTERM cancel the job (a second one stops what runs after the cancel, too). */
function onSignals(cancel: () => void): () => void {
  const handler = () => cancel();
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
