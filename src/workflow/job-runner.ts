// One job from start to end, in the runner's order: workflow and job env, the job's `if:`, the pre
// stages of its node actions, its steps, then the post stages in reverse order; `timeout-minutes`
// (default 360) cancels it. The result says how it ended and holds the steps context.

import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { isMapping } from '@actions/workflow-parser';
import { evaluateCondition, evaluateToString, evaluateToValue } from './expressions.js';
import type { JobSetup, StepsContext } from './job-state.js';
import { JobState } from './job-state.js';
import type { Frame, StepFailure } from './step-runner.js';
import { messageOf } from '../shared/thrown.js';
import { StepRunner } from './step-runner.js';
import type { SelectedJob, WorkflowFile } from './workflow-file.js';
import { jobSteps, runDefault } from './workflow-file.js';

export interface JobOptions {
  workflow: WorkflowFile;
  selected: SelectedJob;
  setup: JobSetup;
  /** Workflow-level env given from outside (--env-file), under the workflow's own `env:`. */
  outerEnv: Record<string, string>;
  /**
   * Receives the job's cancel (once cancels the job, twice also stops the steps that run after a
   * cancel); what it returns is called when the job ends.
   */
  onCancel?: (cancel: () => void) => () => void;
}

export interface JobResult {
  status: 'success' | 'failure' | 'cancelled' | 'skipped';
  steps: StepsContext;
  failures: StepFailure[];
  durationMs: number;
  /** Set when `timeout-minutes` ended the job. */
  timedOutAfter?: number;
}

const DEFAULT_JOB_MINUTES = 360;

export async function runJob(options: JobOptions): Promise<JobResult> {
  const { workflow, selected, setup } = options;
  const started = Date.now();
  const job = new JobState(setup);
  const runner = new StepRunner(job);
  const steps: StepsContext = {};
  const frame: Frame = {
    file: workflow.file,
    depth: 0,
    steps,
    inputs: setup.inputs,
    env: {},
    signal: job.cancelSignal,
    status: () => job.status,
    fail: () => void (job.failed = true),
    defaults: {
      shell: runDefault(workflow, selected, 'shell'),
      workingDirectory: runDefault(workflow, selected, 'working-directory'),
    },
  };
  const result = (status: JobResult['status'], timedOutAfter?: number): JobResult => {
    job.writeSummary();
    return { status, steps, failures: runner.failures, durationMs: Date.now() - started, timedOutAfter };
  };

  Object.assign(job.env, options.outerEnv);
  try {
    for (const mapping of [workflow.template.env, selected.token.find('env')]) {
      evaluateEnvInto(job.env, mapping, (token) =>
        evaluateToString(token, runner.scope(frame, { ...job.env }), workflow.file),
      );
    }
    if (!evaluateCondition(selected.job.if.expression, runner.scope(frame, { ...job.env }))) {
      setup.log.line(
        setup.log.paint(
          'dim',
          `– job ${selected.id} skipped: its if: ${selected.job.if.expression} is false`,
        ),
      );
      return result('skipped');
    }
  } catch (error) {
    setup.log.line(setup.log.paint('red', `Error: ${messageOf(error)}`));
    runner.failures.push({ name: `job ${selected.id}`, depth: 0 });
    return result('failure');
  }

  const timeoutToken = selected.token.find('timeout-minutes');
  const minutes = timeoutToken
    ? Number(evaluateToValue(timeoutToken, runner.scope(frame, { ...job.env }), workflow.file))
    : DEFAULT_JOB_MINUTES;
  let timedOutAfter: number | undefined;
  const timer = setTimeout(() => {
    timedOutAfter = minutes;
    setup.log.line(setup.log.paint('red', `Error: the job has exceeded its timeout of ${minutes} minutes`));
    job.cancel();
  }, minutes * 60_000);
  const stopListening = options.onCancel?.(() => job.cancel());

  try {
    const plans = jobSteps(selected);
    for (const plan of plans) await runner.runPre(plan, frame);
    await runner.runSteps(plans, frame);
    for (const post of [...job.posts].reverse()) await runner.runPost(post, frame);
  } finally {
    clearTimeout(timer);
    stopListening?.();
  }
  if (timedOutAfter !== undefined) return result('failure', timedOutAfter);
  return result(job.cancelled ? 'cancelled' : job.failed ? 'failure' : 'success');
}

/** An `env:` mapping, each value evaluated with the variables set so far. */
function evaluateEnvInto(
  env: Record<string, string>,
  mapping: TemplateToken | undefined,
  evaluate: (token: TemplateToken) => string,
): void {
  if (!mapping || !isMapping(mapping)) return;
  for (const pair of mapping) env[pair.key.toString()] = evaluate(pair.value);
}
