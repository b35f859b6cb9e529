// Runs the jobs of a run as GitHub schedules them: a job starts as soon as every job it needs has
// ended, so jobs that do not depend on each other run at once. When its turn comes, a job's `if:` is
// evaluated once (over the `needs` context and its ancestors' results); then its strategy is expanded
// and its matrix jobs run, at most max-parallel at once; with fail-fast, the first failure cancels
// the matrix's other jobs (running ones get a cancel, queued ones never start). A matrix job's result
// for `needs` is failure if one of its jobs failed, else cancelled if one was cancelled, else
// success; its outputs are every job's non-empty outputs, a later-finishing job's winning. A job
// with continue-on-error that fails shows as failed but counts as success, as on GitHub.
// Cancelling the run (Ctrl-C) cancels every running job; jobs not started yet then run only if their
// `if:` says so (always(), cancelled()); a second cancel stops those too.

import type { RunArtifacts } from './artifacts.js';
import { join } from 'node:path';
import { isBasicExpression, isString } from '@actions/workflow-parser';
import type { ActionCatalog } from './preflight.js';
import type { Contexts, JobConclusion, JsonValue, Scope } from './expressions.js';
import { evaluateCondition, evaluateToJson, evaluateToString, jobLevelContexts } from './expressions.js';
import { JobGraph } from './job-graph.js';
import { formatDuration } from '../shared/duration.js';
import { JobLog } from './job-log.js';
import type { JobResult } from './job-runner.js';
import { runJob } from './job-runner.js';
import type { MatrixJob, Strategy } from './matrix.js';
import { StrategyError, expandStrategy, jobDisplayName, strategyContext } from './matrix.js';
import type { RunContext } from './run-context.js';
import type { RunOidc } from './run-oidc.js';
import { forJob } from './run-context.js';
import type { RunLog } from './run-log.js';
import { Checkout, checksOut } from './checkout.js';
import type { OtherActions } from './other-actions.js';
import type { RunSummary } from './run-summary.js';
import { messageOf } from '../shared/thrown.js';
import { WorkflowCommands } from './workflow-commands.js';
import type { SelectedJob, WorkflowFile } from './workflow-file.js';
import { jobSteps } from './workflow-file.js';
import type { Stages } from './node-action.js';

export interface SchedulerOptions {
  workflow: WorkflowFile;
  /** The jobs of this run: all of the workflow's, or the one --job names. */
  jobs: SelectedJob[];
  /** --env-file values: workflow-level env under the workflow's own. */
  outerEnv: Record<string, string>;
  catalog: ActionCatalog;
  /** The working tree: what actions/checkout gives a job. */
  artifacts: RunArtifacts;
  workspace: string;
  /** The run's checkout (default: one made here for `workspace`). */
  checkout?: Checkout;
  runDir: string;
  vars: Record<string, string>;
  secrets: Record<string, string>;
  inputs: JsonValue;
  context: RunContext;
  machineEnv: Record<string, string>;
  log: RunLog;
  color: boolean;
  debug: boolean;
  summary: RunSummary;
  /** --needs-output: outputs of the needs --job does not run, by job id. */
  givenNeeds?: Record<string, Record<string, string>>;
  /** Other repositories' actions: not run here, their outputs stubbed. */
  others: OtherActions;
  /** GitHub's OIDC token service, when a job of the run may ask it for tokens. */
  oidc?: RunOidc;
  stages: Stages;
}

/** One job that started (one of a matrix's, or the job itself), or one that never did. */
export interface JobRun {
  name: string;
  /** What the final line says of it. */
  shown: 'succeeded' | 'failed' | 'cancelled' | 'skipped';
  /** Undefined when it never started. */
  result?: JobResult;
}

/** A workflow job once it is over, as the `needs` context of its dependants sees it. */
export interface JobOutcome {
  id: string;
  result: JobConclusion;
  outputs: Record<string, string>;
  runs: JobRun[];
}

type Cancel = () => void;

export class JobScheduler {
  private readonly graph: JobGraph;
  /** Cancels of the running jobs. */
  private readonly running = new Set<Cancel>();
  /** How many times the run was cancelled. */
  private cancels = 0;
  private started = 0;
  private readonly runLog: JobLog;

  constructor(private readonly options: SchedulerOptions) {
    this.graph = new JobGraph(options.jobs);
    this.runLog = this.jobLog((text) => options.log.write(text), new WorkflowCommands());
  }

  /** Ctrl-C: the first cancels the running jobs, the next ones stop what runs after a cancel, too. */
  cancel(): void {
    this.cancels += 1;
    for (const cancel of [...this.running]) {
      cancel();
      if (this.cancels > 1) cancel();
    }
  }

  get cancelled(): boolean {
    return this.cancels > 0;
  }

  /** Every job of the run, in needs order; what each ended as, in that order. */
  async run(): Promise<JobOutcome[]> {
    const outcomes = new Map<string, JobOutcome>();
    const waiting = [...this.graph.order];
    const running = new Map<string, Promise<void>>();
    while (waiting.length > 0 || running.size > 0) {
      for (const job of [...waiting]) {
        if (!this.graph.needs(job.id).every((id) => outcomes.has(id))) continue;
        waiting.splice(waiting.indexOf(job), 1);
        const done = this.runWorkflowJob(job, outcomes).then((outcome) => {
          outcomes.set(job.id, outcome);
          running.delete(job.id);
        });
        running.set(job.id, done);
      }
      if (running.size > 0) await Promise.race(running.values());
    }
    return this.graph.order.map((job) => outcomes.get(job.id) as JobOutcome);
  }

  /** One workflow job: its `if:`, its strategy, its matrix jobs; what it ended as. */
  private async runWorkflowJob(selected: SelectedJob, done: Map<string, JobOutcome>): Promise<JobOutcome> {
    const { workflow } = this.options;
    const cancelsAtStart = this.cancels;
    const needs: Record<string, JsonValue> = {};
    for (const id of this.graph.needs(selected.id)) {
      const outcome = done.get(id);
      if (outcome) needs[id] = { result: outcome.result, outputs: outcome.outputs };
    }
    // --job: the needs that were not run, as --needs-output gives them (a success with those outputs).
    for (const [id, outputs] of Object.entries(this.options.givenNeeds ?? {})) {
      needs[id] ??= { result: 'success', outputs };
    }
    const ancestors: Record<string, JobConclusion> = {};
    for (const id of this.graph.ancestors(selected.id)) ancestors[id] = done.get(id)?.result ?? 'skipped';
    const baseName = literalName(selected);
    const outcome = (result: JobConclusion, runs: JobRun[], outputs: Record<string, string> = {}) => ({
      id: selected.id,
      result,
      outputs,
      runs,
    });
    const contexts = this.contexts(selected.id, needs);

    let strategy: Strategy;
    try {
      const condition = selected.job.if.expression;
      if (!evaluateCondition(condition, { contexts, status: { ancestors, cancelled: this.cancelled } })) {
        this.runLog.line(
          this.runLog.paint(
            'dim',
            `– job ${baseName} skipped: its if: ${condition} is false${why(ancestors, this.graph.needs(selected.id), this.cancelled)}`,
          ),
        );
        this.runLog.line('');
        return outcome('skipped', [{ name: baseName, shown: 'skipped' }]);
      }
      const token = selected.token.find('strategy');
      strategy = expandStrategy(
        token ? evaluateToJson(token, { contexts, status: 'success' }, workflow.file) : undefined,
      );
    } catch (error) {
      const message =
        error instanceof StrategyError ? `strategy: ${error.problems.join('; ')}` : messageOf(error);
      this.runLog.line(`${this.runLog.paint('red', '✗')} job ${baseName} failed: ${message}`);
      this.runLog.line('');
      return outcome('failure', [{ name: baseName, shown: 'failed' }]);
    }

    const { runs, finished } = await this.runMatrix(selected, strategy, needs, cancelsAtStart);
    // As GitHub merges a matrix's outputs: each job's non-empty values, a later-finishing job's winning.
    const outputs: Record<string, string> = {};
    for (const result of finished) {
      for (const [name, value] of Object.entries(result.outputs)) {
        if (value !== '' || strategy.jobs.length === 1) outputs[name] = value;
      }
    }
    // A failure with continue-on-error counts as a success, as on GitHub.
    const failed = runs.some((run) => run.shown === 'failed' && !run.result?.continueOnError);
    const result: JobConclusion = failed
      ? 'failure'
      : runs.some((run) => run.shown === 'cancelled')
        ? 'cancelled'
        : 'success';
    return outcome(result, runs, outputs);
  }

  /** The matrix's jobs, at most max-parallel at once, with fail-fast; the results in the order they ended. */
  private async runMatrix(
    selected: SelectedJob,
    strategy: Strategy,
    needs: Record<string, JsonValue>,
    cancelsAtStart: number,
  ): Promise<{ runs: JobRun[]; finished: JobResult[] }> {
    const runs: JobRun[] = [];
    const finished: JobResult[] = [];
    const siblings = new Set<Cancel>();
    let failedFirst: string | undefined;
    let next = 0;
    const worker = async () => {
      while (next < strategy.jobs.length) {
        const index = next;
        next += 1;
        const matrixJob = strategy.jobs[index] as MatrixJob;
        const contexts = {
          ...this.contexts(selected.id, needs),
          strategy: strategyContext(strategy, index),
          matrix: matrixJob.matrix,
        };
        const fallback = jobDisplayName(literalName(selected), matrixJob.segments);
        let name: string;
        try {
          name = this.displayName(selected, fallback, contexts);
        } catch (error) {
          this.runLog.line(
            `${this.runLog.paint('red', '✗')} job ${fallback} failed: name: ${messageOf(error)}`,
          );
          this.runLog.line('');
          runs[index] = { name: fallback, shown: 'failed' };
          failedFirst ??= strategy.failFast && strategy.jobs.length > 1 ? fallback : undefined;
          continue;
        }
        if (failedFirst !== undefined || this.cancels > cancelsAtStart) {
          const why =
            failedFirst !== undefined ? `fail-fast, after ${failedFirst} failed` : 'the run was cancelled';
          this.runLog.line(this.runLog.paint('dim', `– job ${name} cancelled before it started: ${why}`));
          this.runLog.line('');
          runs[index] = { name, shown: 'cancelled' };
          continue;
        }
        const result = await this.runOne(selected, name, contexts, (cancel) => {
          this.running.add(cancel);
          siblings.add(cancel);
          return () => {
            this.running.delete(cancel);
            siblings.delete(cancel);
          };
        });
        runs[index] = { name, shown: shownResult(result), result };
        finished.push(result);
        if (
          strategy.failFast &&
          strategy.jobs.length > 1 &&
          result.status === 'failure' &&
          !result.continueOnError &&
          failedFirst === undefined
        ) {
          failedFirst = name;
          for (const cancel of [...siblings]) cancel();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(strategy.maxParallel, strategy.jobs.length) }, worker));
    return { runs, finished };
  }

  /** One job from start to end, its log in its own block. */
  private async runOne(
    selected: SelectedJob,
    name: string,
    contexts: Pick<Contexts, 'github' | 'needs' | 'strategy' | 'matrix'>,
    onCancel: (cancel: Cancel) => () => void,
  ): Promise<JobResult> {
    const options = this.options;
    this.started += 1;
    const jobDir = join(
      options.runDir,
      'jobs',
      `${String(this.started).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '_')}`,
    );
    const block = options.log.open();
    const commands = new WorkflowCommands();
    for (const value of Object.values(options.secrets)) commands.addMask(value);
    const log = this.jobLog((text) => block.write(text), commands);
    log.line(log.paint('bold', `━━ job ${name}`));
    const checkout = options.checkout ?? new Checkout(options.workspace);
    const workspace = checkout.workspaceFor(jobDir, checksOut(jobSteps(selected), options.catalog));
    if (workspace !== checkout.workingTree) {
      log.line(
        log.paint(
          'yellow',
          'workspace    empty: the job has no actions/checkout step, so on GitHub its steps start in an empty folder, and here too',
        ),
      );
    }
    const context = forJob(options.context, selected.id, jobDir, workspace);
    const oidc = options.oidc;
    const result = await runJob({
      workflow: options.workflow,
      selected,
      name,
      outerEnv: options.outerEnv,
      setup: {
        catalog: options.catalog,
        artifacts: options.artifacts,
        workspace,
        checkout,
        jobDir,
        fixed: {
          vars: options.vars,
          secrets: options.secrets,
          needs: contexts.needs,
          strategy: contexts.strategy,
          matrix: contexts.matrix,
        },
        inputs: options.inputs,
        commands,
        log,
        context,
        machineEnv: options.machineEnv,
        summary: options.summary.job(name),
        others: options.others,
        stages: options.stages,
        idToken: oidc && ((environment) => oidc.grant(selected, { github: context.github, environment })),
      },
      onCancel,
    });
    printJobEnd(log, name, result);
    log.line('');
    block.close();
    return result;
  }

  /**
   * The name a job shows: `name:` evaluated when it holds an expression (an error in it fails the
   * job, as on GitHub), else the name or id with the matrix values after it (`fallback`).
   */
  private displayName(selected: SelectedJob, fallback: string, contexts: Contexts): string {
    const token = selected.job.name;
    if (!token || !isBasicExpression(token)) return fallback;
    const scope: Scope = { contexts, status: 'success' };
    return evaluateToString(token, scope, this.options.workflow.file) || fallback;
  }

  /** The contexts a job's `if:`, name and strategy read. */
  private contexts(jobId: string, needs: Record<string, JsonValue>): Contexts {
    const { context, vars, inputs } = this.options;
    return jobLevelContexts({ github: { ...context.github, job: jobId }, vars, inputs, needs });
  }

  private jobLog(write: (text: string) => void, commands: WorkflowCommands): JobLog {
    const { color, debug } = this.options;
    return new JobLog({ write, color, debug, mask: (text) => commands.mask(text) });
  }
}

/** Why a job's `if:` may be false: the ancestors that failed or were cancelled, else the needs skipped. */
function why(ancestors: Record<string, JobConclusion>, needs: string[], cancelled: boolean): string {
  const ended = (ids: string[], results: JobConclusion[]) =>
    ids
      .filter((id) => results.includes(ancestors[id] ?? 'success'))
      .map((id) => `${id} ${ancestors[id] === 'failure' ? 'failed' : ancestors[id]}`);
  const causes = ended(Object.keys(ancestors), ['failure', 'cancelled']);
  const shown = causes.length > 0 ? causes : ended(needs, ['skipped']);
  if (cancelled) shown.push('the run was cancelled');
  return shown.length > 0 ? ` (${shown.join(', ')})` : '';
}

/** The job's `name:` when it is plain text, else its id. */
function literalName(selected: SelectedJob): string {
  const token = selected.job.name;
  return token && isString(token) && token.value !== '' ? token.value : selected.id;
}

function shownResult(result: JobResult): JobRun['shown'] {
  return result.status === 'success' ? 'succeeded' : result.status === 'cancelled' ? 'cancelled' : 'failed';
}

/** The job's last line: how it ended, and when it failed, which step. */
function printJobEnd(log: JobLog, name: string, result: JobResult): void {
  const took = formatDuration(result.durationMs, 1);
  const failed = result.failures.find((failure) => failure.depth === 0) ?? result.failures[0];
  const cross = log.paint('red', '✗');
  const tolerated = result.continueOnError ? ' (continue-on-error)' : '';
  if (result.status === 'success') log.line(`${log.paint('green', '✓')} job ${name} succeeded in ${took}`);
  else if (result.timedOutAfter !== undefined) {
    log.line(`${cross} job ${name} timed out after ${result.timedOutAfter} minutes${tolerated}`);
  } else if (result.status === 'cancelled') log.line(`${cross} job ${name} was cancelled after ${took}`);
  else
    log.line(
      `${cross} job ${name} failed in ${took}${failed ? `: step ${failed.name} failed` : ''}${tolerated}`,
    );
}
