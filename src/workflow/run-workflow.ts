// One run of a workflow on this machine, from the file to the result: parse, choose the jobs (all, or
// the one --job names), the event and its inputs, check for unsupported features in every job (all
// before anything runs), choose the cluster (the embedded emulator unless ODAHU_API_URL is given; one
// for all the jobs, so what one job makes is there for the next), GitHub's OIDC token service when a
// job may ask it for tokens (run-oidc.ts), run the jobs in needs order, and end with the summary's
// path and one line saying which jobs succeeded, failed or were skipped.
// `npm run workflow` and `npm run demo` both run through here.

import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { InputConfig } from '@actions/workflow-parser/model/workflow-template';
import { InputType } from '@actions/workflow-parser/model/workflow-template';
import { CannotRun } from './cannot-run.js';
import type { Payload } from './event-payload.js';
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
import type { StubOutputs } from './other-actions.js';
import { OtherActions, actionWithoutRef } from './other-actions.js';
import type { ActionCatalog } from './preflight.js';
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
  /** --event-payload: over the event's default payload. */
  eventPayload?: Payload;
  inputs: Record<string, string>;
  /** --pull-request and --fork: the pull request a pull_request run is for. */
  pullRequest?: { number: number; fork: boolean };
  /** --workflow-run: the run a workflow_run run follows (default: the latest of those it names). */
  workflowRunId?: string;
  /** This repository: its actions/ serve <owner>/odahu-actions/<name>@<ref>; runs go to .tmp/runs/. */
  repoRoot: string;
  /** Where the user stands: paths printed are relative to it (default: this process's folder). */
  cwd?: string;
  /** A cluster already started, shared by several runs (the demo's); the run does not close it. */
  cluster?: Cluster;
  /** The demo always uses the embedded emulator. */
  emulatorOnly?: boolean;
  /** --needs-output: with --job, the outputs of its needs, by job id. */
  needsOutputs?: Record<string, Record<string, string>>;
  /** --step-output and --stub-file: outputs of the steps not run here, by step id or action. */
  stubs?: StubOutputs;
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
  const workspace = options.workspace ?? gitRoot(dirname(options.workflowPath)) ?? options.repoRoot;
  const runsDir = runsFolder(workspace, options.repoRoot);
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
    eventPayload: options.eventPayload,
    pullRequest: options.pullRequest,
    workflowRun,
    debug,
  });
  let catalog: ActionCatalog;
  const others = new OtherActions(options.stubs);
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
    others.check(notRunSteps(jobs, catalog));
    if (options.jobId !== undefined) checkNeedsOutputs(jobs[0], options.needsOutputs ?? {});
  } catch (error) {
    // Nothing ran: the run leaves nothing behind.
    rmSync(runDir, { recursive: true, force: true });
    throw error;
  }

  // A shared cluster's settings, with this run's own vars and secrets over them.
  const cluster = options.cluster
    ? {
        ...options.cluster,
        vars: { ...options.cluster.vars, ...options.vars },
        secrets: { ...options.cluster.secrets, ...options.secrets },
      }
    : await chooseCluster(sources, options.emulatorOnly);
  let oidc: RunOidc | undefined;
  let gitHub: RunGitHub | undefined;
  try {
    try {
      await cluster.check?.();
    } catch (error) {
      // Nothing ran: the run leaves nothing behind.
      rmSync(runDir, { recursive: true, force: true });
      throw error;
    }
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
    // The console, as it was shown (masked), kept in the run's folder without its colours.
    const logFile = join(runDir, 'log.txt');
    writeFileSync(logFile, '');
    const runLog = new RunLog((text) => {
      options.write(text);
      appendFileSync(logFile, stripColours(text));
    });
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
    const shown = shownFrom(options.cwd ?? process.cwd());
    printHeader(log, {
      shown,
      workflow,
      jobs,
      eventName,
      cluster,
      oidc,
      workspace,
      runId,
      runDir,
      only: options.jobId,
      givenNeeds: options.needsOutputs,
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
      others,
      givenNeeds: options.jobId === undefined ? undefined : options.needsOutputs,
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
    const last = printResult(log, outcomes, conclusion, Date.now() - started, shown(summary.path), others);
    summary.finish({
      title: workflow.name,
      conclusion: last,
      startedAt: started,
      jobs: outcomes.flatMap((outcome) =>
        outcome.runs.map((run) => {
          const failure = run.result?.failures.find((each) => each.depth === 0) ?? run.result?.failures[0];
          return {
            name: run.name,
            result: run.shown,
            startedAt: run.result?.startedAt,
            durationMs: run.result?.durationMs,
            failedStep: failure?.name,
            error: run.result?.failures.find((each) => each.error)?.error,
            steps: run.result?.spans ?? [],
          };
        }),
      ),
    });
    writeFileSync(join(runDir, 'outputs.json'), `${JSON.stringify(runOutputs(outcomes), null, 2)}\n`);
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
          eventPayload: undefined,
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
    // A cluster given by the caller outlives the run (the demo's runs share one).
    if (!options.cluster) await cluster.close();
  }
}

/** A path as the user can use it from where they stand: relative when below it, else absolute. */
function shownFrom(cwd: string): (path: string) => string {
  return (path) => {
    const below = relative(cwd, path);
    return below === '' ? '.' : below.startsWith('..') ? path : below;
  };
}

/**
 * Where the runs of a workspace go: its `.tmp/runs` when git ignores it there (this repository, a
 * user's that ignores .tmp/), so runs never show up as changes; else a folder of its own under the
 * system's temp dir, named after the workspace.
 */
export function runsFolder(workspace: string, repoRoot: string): string {
  const inside = join(workspace, '.tmp', 'runs');
  if (workspace === repoRoot) return inside;
  try {
    execFileSync('git', ['-C', workspace, 'check-ignore', '-q', '.tmp/runs/x'], { stdio: 'ignore' });
    return inside;
  } catch {
    const tag = createHash('sha256').update(workspace).digest('hex').slice(0, 8);
    return join(tmpdir(), 'odahu-actions', `${basename(workspace)}-${tag}`, 'runs');
  }
}

/** What runs, against what, where; the needs --job leaves out; what the jobs read and were not given. */
function printHeader(
  log: JobLog,
  run: {
    shown: (path: string) => string;
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
    givenNeeds?: Record<string, Record<string, string>>;
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
  log.line(`run        ${run.runId} in ${run.shown(run.runDir)}`);
  const needs = run.only === undefined ? [] : (jobs[0]?.job.needs ?? []).map((need) => need.value);
  const given = needs.filter((need) => run.givenNeeds?.[need] !== undefined);
  if (needs.length > 0) {
    log.line(
      `note       --job ${run.only}: its needs (${needs.join(', ')}) were not run: needs.<job>.result and outputs read as ''${given.length > 0 ? ` but those given by --needs-output (${given.join(', ')})` : ''}`,
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
  others: OtherActions,
): string {
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
  // A green run that skipped steps proves less than one that ran them all: the last line says so.
  const count = others.notRun.length;
  const skipped =
    count === 0
      ? ''
      : `, ${count} step${count === 1 ? '' : 's'} not run (${[...new Set(others.notRun.map((step) => actionWithoutRef(step.uses)))].join(', ')})`;
  log.line(`job summary  ${summaryPath}`);
  const [mark, colour, text] =
    conclusion === 'success'
      ? (['✓', 'green', `run succeeded in ${took}${skipped}: ${jobs}`] as const)
      : conclusion === 'cancelled'
        ? (['✗', 'red', `run was cancelled after ${took}${skipped}: ${jobs}`] as const)
        : (['✗', 'red', `run failed in ${took}${skipped}: ${jobs}`] as const);
  log.line(`${log.paint(colour, mark)} ${text}`);
  return `${mark} ${text}`;
}

/** outputs.json: every job's result and outputs, and every step's outcome and outputs. */
function runOutputs(outcomes: JobOutcome[]): Record<string, unknown> {
  const jobs: Record<string, unknown> = {};
  for (const outcome of outcomes) {
    for (const run of outcome.runs) {
      jobs[run.name] = {
        id: outcome.id,
        result: run.shown,
        outputs: run.result?.outputs ?? {},
        steps: run.result?.steps ?? {},
      };
    }
  }
  return { jobs };
}

/** Text without the terminal's colour codes. */
function stripColours(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** The steps of the jobs (and of their composite actions) that use another repository's action. */
function notRunSteps(jobs: SelectedJob[], catalog: ActionCatalog): { id: string; uses: string }[] {
  const found: { id: string; uses: string }[] = [];
  const visit = (steps: { id: string; uses?: string }[]) => {
    for (const step of steps) {
      if (step.uses === undefined) continue;
      const resolved = catalog.get(step.uses);
      if (resolved?.kind === 'elsewhere' || resolved?.kind === 'setup')
        found.push({ id: step.id, uses: step.uses });
      if (resolved?.kind === 'action' && resolved.action.runs?.using === 'composite')
        visit(resolved.action.runs.steps);
    }
  };
  for (const job of jobs) visit(jobSteps(job));
  return found;
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

/** The git working tree holding a folder, if any. */
export function gitRoot(from: string): string | undefined {
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

/**
 * --job X runs X alone: every `needs.<job>.outputs.<name>` it reads must be given by --needs-output,
 * else it would read '' and fail far from the cause. All the missing ones in one line each.
 */
function checkNeedsOutputs(
  job: SelectedJob | undefined,
  given: Record<string, Record<string, string>>,
): void {
  if (!job) return;
  const needs = new Set((job.job.needs ?? []).map((need) => need.value));
  const problems: string[] = [];
  for (const key of Object.keys(given)) {
    if (!needs.has(key)) {
      problems.push(
        `--needs-output ${key}.*: job ${job.id} does not need ${key} (its needs: ${[...needs].join(', ') || 'none'})`,
      );
    }
  }
  const read = findReferences([job.token]).needsOutputs;
  for (const output of [...read].sort()) {
    const [id = '', name = ''] = output.split('.');
    if (given[id]?.[name] === undefined) {
      problems.push(
        `--job ${job.id} reads needs.${id}.outputs.${name}, which job ${id} would give: run the whole workflow, or give it with --needs-output ${id}.${name}=VALUE`,
      );
    }
  }
  if (problems.length > 0) throw new CannotRun(problems);
}
