// One run of a workflow on this machine, from the file to the result: parse, choose the jobs (all, or
// the one --job names), the event and its inputs, check for unsupported features in every job (all
// before anything runs), choose the cluster (the embedded emulator unless ODAHU_API_URL is given; one
// for all the jobs, so what one job makes is there for the next), GitHub's OIDC token service when a
// job may ask it for tokens (run-oidc.ts), run the jobs in needs order, and end with the summary's
// path and one line saying which jobs succeeded, failed or were skipped.
// `npm run workflow` and `npm run demo` both run through here.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { InputConfig } from '@actions/workflow-parser/model/workflow-template';
import { InputType } from '@actions/workflow-parser/model/workflow-template';
import { CannotRun } from './cannot-run.js';
import type { Cluster } from './cluster.js';
import { chooseCluster, givenClusterOrigin } from './cluster.js';
import type { JsonValue } from './expressions.js';
import { jobLevelContexts } from './expressions.js';
import { formatDuration } from '../shared/duration.js';
import { JobLog } from './job-log.js';
import type { JobOutcome, JobRun } from './job-scheduler.js';
import { JobScheduler } from './job-scheduler.js';
import { PROCESS_STAGES } from './node-action.js';
import type { Stages } from './node-action.js';
import { preflight } from './preflight.js';
import type { RunOidc } from './run-oidc.js';
import { startRunOidc } from './run-oidc.js';
import { findReferences } from './references.js';
import { createRunContext, machineEnv, withGitHubApi } from './run-context.js';
import { RunLog } from './run-log.js';
import { RunSummary } from './run-summary.js';
import { RunArtifacts } from './artifacts.js';
import { findRun, writeRunRecord } from './run-record.js';
import type { RunGitHub } from './github-service.js';
import {
  callsParkedPhases,
  dispatchableWorkflows,
  gitHubStateFile,
  startRunGitHub,
} from './github-service.js';
import { WorkflowCommands } from './workflow-commands.js';
import type { SelectedJob, WorkflowFile } from './workflow-file.js';
import {
  dispatchInputs,
  jobSteps,
  loadWorkflow,
  selectJob,
  workflowEvents,
  workflowJobs,
} from './workflow-file.js';

export interface WorkflowRunOptions {
  /** The workflow file, absolute, and as messages show it. */
  workflowPath: string;
  shownPath: string;
  /** Run only this job (its needs are not run); default every job. */
  jobId?: string;
  /** Default: the git working tree holding the workflow file. */
  workspace?: string;
  secrets: Record<string, string>;
  vars: Record<string, string>;
  /** --env-file values: workflow-level env under the workflow's own `env:`, and ODAHU_* cluster settings. */
  envFile: Record<string, string>;
  event?: string;
  inputs: Record<string, string>;
  /** --pull-request and --fork: the pull request a pull_request run is for. */
  pullRequest?: { number: number; fork: boolean };
  /** --workflow-run: the run a workflow_run run follows (default: the latest of those it names). */
  workflowRunId?: string;
  /** This repository: its actions/ serve <owner>/odahu-actions/<name>@<ref>; runs go to .tmp/runs/. */
  repoRoot: string;
  /** The demo always uses the embedded emulator. */
  emulatorOnly?: boolean;
  /** --oidc-subject: the GitHub token subjects the embedded emulator trusts (default: each job's). */
  oidcSubjects?: string[];
  write: (text: string) => void;
  color: boolean;
  environment: NodeJS.ProcessEnv;
  /** How the steps' stages run, given the run's cluster; processes by default (tests: see Stages). */
  stages?: (cluster: Cluster) => Stages;
  /**
   * Run the workflows this run dispatches (a parked phase's continuation, through the local GitHub of
   * github-service.ts) when it ends, one after another, on the same cluster. Default true; --no-dispatch.
   */
  followDispatches?: boolean;
  /** A cluster this run shares with the run that dispatched it (not closed when this run ends). */
  cluster?: Cluster;
}

export type RunConclusion = 'success' | 'failure' | 'cancelled';

export interface WorkflowRun {
  /** Every job of the run, in needs order. */
  jobs: JobOutcome[];
  conclusion: RunConclusion;
  summaryPath: string;
  exitCode: 0 | 1;
  /** The runs of the workflows it dispatched (followDispatches), in order. */
  dispatched: WorkflowRun[];
}

export async function runWorkflow(options: WorkflowRunOptions): Promise<WorkflowRun> {
  const started = Date.now();
  const workflow = await loadWorkflow(options.workflowPath, options.shownPath);
  const jobs = options.jobId === undefined ? workflowJobs(workflow) : [selectJob(workflow, options.jobId)];
  const eventName = chooseEvent(
    workflow,
    options.event ?? (options.pullRequest ? 'pull_request' : undefined),
  );
  if (options.pullRequest && !['pull_request', 'pull_request_target'].includes(eventName)) {
    throw new CannotRun([`--pull-request is for pull_request events; this run's event is ${eventName}`]);
  }
  if (options.workflowRunId !== undefined && eventName !== 'workflow_run') {
    throw new CannotRun([`--workflow-run is for workflow_run events; this run's event is ${eventName}`]);
  }
  const runsDir = join(options.repoRoot, '.tmp', 'runs');
  const workflowRun =
    eventName === 'workflow_run'
      ? findRun(runsDir, { id: options.workflowRunId, workflows: workflowRunSources(workflow) })
      : undefined;
  const inputs =
    eventName === 'workflow_dispatch' ? dispatchValues(dispatchInputs(workflow), options.inputs) : undefined;
  if (!inputs && Object.keys(options.inputs).length > 0) {
    throw new CannotRun([`--input is for workflow_dispatch; this run's event is ${eventName}`]);
  }
  const sources = {
    vars: options.vars,
    secrets: options.secrets,
    envFile: options.envFile,
    environment: options.environment,
  };
  const subjects = options.oidcSubjects ?? [];
  const givenOrigin = options.emulatorOnly ? undefined : givenClusterOrigin(sources);
  if (subjects.length > 0 && givenOrigin) {
    throw new CannotRun([
      `--oidc-subject is for the embedded emulator: the cluster given by ${givenOrigin} trusts what its realm is set up to trust`,
    ]);
  }
  const workspace = options.workspace ?? gitRoot(dirname(options.workflowPath)) ?? options.repoRoot;
  const debug = [options.secrets.ACTIONS_STEP_DEBUG, options.vars.ACTIONS_STEP_DEBUG].includes('true');
  const { runId, runNumber, runDir } = newRunDir(runsDir);
  const context = createRunContext({
    workspace,
    runDir,
    runId,
    runNumber,
    workflowName: workflow.name,
    workflowFile: relative(workspace, options.workflowPath).split(sep).join('/'),
    eventName,
    eventInputs: inputs?.payload ?? {},
    pullRequest: options.pullRequest,
    workflowRun,
    debug,
  });
  let catalog;
  try {
    catalog = preflight(workflow, jobs, workspace, join(options.repoRoot, 'actions'), {
      // What a strategy or runs-on may read before the run: github, vars and inputs.
      contexts: jobLevelContexts({
        github: context.github,
        vars: options.vars,
        inputs: inputs?.context ?? {},
        needs: {},
      }),
      status: 'success',
    });
  } catch (error) {
    // Nothing ran: the run leaves nothing behind.
    rmSync(runDir, { recursive: true, force: true });
    throw error;
  }

  const cluster = options.cluster ?? (await chooseCluster(sources, options.emulatorOnly));
  let oidc: RunOidc | undefined;
  let gitHub: RunGitHub | undefined;
  try {
    oidc = await startRunOidc(workflow, jobs, cluster, subjects);
    if (callsParkedPhases(readFileSync(options.workflowPath, 'utf8'))) {
      gitHub = await startRunGitHub({
        stateFile: gitHubStateFile(runsDir, workspace),
        repository: (context.github as Record<string, string>).repository!,
        workflows: await dispatchableWorkflows(dirname(options.workflowPath), async (path) =>
          dispatchInputs(await loadWorkflow(path, path)),
        ),
      });
      withGitHubApi(context, gitHub);
      gitHub.records.runs.set(runId, 'in_progress');
      gitHub.save();
    }
    const dispatchedBefore = gitHub?.records.dispatches.length ?? 0;
    const runLog = new RunLog(options.write);
    const masks = new WorkflowCommands();
    for (const value of Object.values(cluster.secrets)) masks.addMask(value);
    if (gitHub) masks.addMask(gitHub.token);
    const log = new JobLog({
      write: (text) => runLog.write(text),
      color: options.color,
      debug,
      mask: (text) => masks.mask(text),
    });
    const summary = new RunSummary(join(runDir, 'summary.md'));
    printHeader(log, {
      workflow,
      jobs,
      eventName,
      cluster,
      oidc,
      workspace,
      runId,
      runDir,
      only: options.jobId,
    });
    const scheduler = new JobScheduler({
      workflow,
      jobs,
      outerEnv: options.envFile,
      catalog,
      artifacts: new RunArtifacts(runsDir, runId),
      workspace,
      runDir,
      vars: cluster.vars,
      secrets: cluster.secrets,
      inputs: inputs?.context ?? {},
      context,
      machineEnv: machineEnv(options.environment),
      log: runLog,
      color: options.color,
      debug,
      summary,
      oidc,
      stages: options.stages?.(cluster) ?? PROCESS_STAGES,
    });
    const stopListening = onSignals(() => scheduler.cancel());
    let outcomes: JobOutcome[];
    try {
      outcomes = await scheduler.run();
    } finally {
      stopListening();
    }
    const conclusion: RunConclusion = outcomes.some((outcome) => outcome.result === 'failure')
      ? 'failure'
      : scheduler.cancelled || outcomes.some((outcome) => outcome.result === 'cancelled')
        ? 'cancelled'
        : 'success';
    printResult(log, outcomes, conclusion, Date.now() - started, summary.path);
    const github = context.github as Record<string, string>;
    writeRunRecord(runDir, {
      id: runId,
      workflowName: workflow.name,
      workflowFile: github.workflow_ref!.replace(/^[^/]+\/[^/]+\//, '').replace(/@.*$/, ''),
      event: eventName,
      conclusion,
      repository: github.repository!,
      sha: github.sha!,
      branch: github.head_ref || github.ref_name!,
      ...(options.pullRequest ? { pullRequest: options.pullRequest } : {}),
    });
    const dispatches = gitHub?.records.dispatches.slice(dispatchedBefore) ?? [];
    if (gitHub) {
      // Its status is what resume reads to take over a claim this run left.
      gitHub.records.runs.set(runId, 'completed');
      gitHub.save();
      await gitHub.close();
      gitHub = undefined;
    }
    const dispatched: WorkflowRun[] = [];
    for (const dispatch of dispatches) {
      if (options.followDispatches === false) {
        log.line(
          `dispatched   ${dispatch.workflow} (not run: --no-dispatch; run it with --input ${Object.keys(dispatch.inputs).join(', --input ') || '...'})`,
        );
        continue;
      }
      log.line(`dispatched   ${dispatch.workflow}: running it now, on the same cluster`);
      const file = join(dirname(options.workflowPath), dispatch.workflow);
      dispatched.push(
        await runWorkflow({
          ...options,
          workflowPath: file,
          shownPath: join(dirname(options.shownPath), dispatch.workflow),
          jobId: undefined,
          event: 'workflow_dispatch',
          inputs: dispatch.inputs,
          pullRequest: undefined,
          workflowRunId: undefined,
          cluster,
        }),
      );
    }
    const failed = conclusion !== 'success' || dispatched.some((run) => run.exitCode !== 0);
    return {
      jobs: outcomes,
      conclusion,
      summaryPath: summary.path,
      exitCode: failed ? 1 : 0,
      dispatched,
    };
  } finally {
    await gitHub?.close();
    await oidc?.close();
    if (!options.cluster) await cluster.close();
  }
}

const shown = (path: string) => relative(process.cwd(), path) || '.';

/** What runs, against what, where; the needs --job leaves out; what the jobs read and were not given. */
function printHeader(
  log: JobLog,
  run: {
    workflow: WorkflowFile;
    jobs: SelectedJob[];
    eventName: string;
    cluster: Cluster;
    oidc: RunOidc | undefined;
    workspace: string;
    runId: string;
    runDir: string;
    /** --job */
    only?: string;
  },
): void {
  const { workflow, jobs, cluster } = run;
  const what =
    jobs.length === 1
      ? `job ${jobs[0]?.id ?? ''}`
      : `${jobs.length} jobs: ${jobs.map((job) => job.id).join(', ')}`;
  log.line(`${log.paint('bold', workflow.name)}  ${workflow.file} › ${what} (${run.eventName})`);
  for (const line of [...cluster.description, ...(run.oidc?.description ?? [])]) log.line(line);
  log.line(`workspace  ${run.workspace}`);
  log.line(`run        ${run.runId} in ${shown(run.runDir)}`);
  const needs = run.only === undefined ? [] : (jobs[0]?.job.needs ?? []).map((need) => need.value);
  if (needs.length > 0) {
    log.line(
      `note       --job ${run.only}: its needs (${needs.join(', ')}) were not run: needs.<job>.result and outputs read as ''`,
    );
  }
  const references = findReferences([
    workflow.template.env,
    ...jobs.flatMap((job) => [job.token, ...jobSteps(job).map((step) => step.if)]),
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

/** The summary's path, then the last line: how the run ended, and which jobs did what. */
function printResult(
  log: JobLog,
  outcomes: JobOutcome[],
  conclusion: RunConclusion,
  ms: number,
  summaryPath: string,
): void {
  const took = formatDuration(ms, 1);
  const runs = outcomes.flatMap((outcome) => outcome.runs);
  const groups: [JobRun['shown'], string[]][] = (
    ['succeeded', 'failed', 'cancelled', 'skipped'] as const
  ).map((shownAs) => [
    shownAs,
    runs
      .filter((run) => run.shown === shownAs)
      .map((run) =>
        run.shown === 'failed' && run.result?.continueOnError ? `${run.name} (continue-on-error)` : run.name,
      ),
  ]);
  const jobs = groups
    .filter(([, names]) => names.length > 0)
    .map(([shownAs, names]) => `${shownAs} ${names.join(', ')}`)
    .join('; ');
  log.line(`job summary  ${shown(summaryPath)}`);
  if (conclusion === 'success') log.line(`${log.paint('green', '✓')} run succeeded in ${took}: ${jobs}`);
  else if (conclusion === 'cancelled')
    log.line(`${log.paint('red', '✗')} run was cancelled after ${took}: ${jobs}`);
  else log.line(`${log.paint('red', '✗')} run failed in ${took}: ${jobs}`);
}

/** The workflows a workflow_run workflow follows (on.workflow_run.workflows: their names). */
function workflowRunSources(workflow: WorkflowFile): string[] {
  const events = workflow.template.events as { workflow_run?: { workflows?: unknown } } | undefined;
  const names = events?.workflow_run?.workflows;
  return Array.isArray(names) ? names.map(String) : [];
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
  const runNumber = readdirSync(runsDir).filter((name) => /^\d+$/.test(name)).length + 1;
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

/** SIGINT and SIGTERM cancel the run (a second one stops what runs after the cancel, too). */
function onSignals(cancel: () => void): () => void {
  const handler = () => cancel();
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
