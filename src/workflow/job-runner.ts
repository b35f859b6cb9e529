// One job (or one job of a matrix) from start to end, in the runner's order: workflow and job env, its
// runs-on and the environment it deploys to, its right to GitHub OIDC tokens, the pre stages of its
// node actions, its steps, the post stages in reverse order, then its `outputs:` and the environment's url. `timeout-minutes` (default
// 360) cancels it; `continue-on-error` lets it fail without failing the run. Its `if:` and its matrix
// are decided before, once for all of a matrix's jobs (job-scheduler.ts).

import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { isMapping } from '@actions/workflow-parser';
import type { Scope } from './expressions.js';
import { evaluateToString, evaluateToValue, isTruthy } from './expressions.js';
import type { JobSetup, StepsContext } from './job-state.js';
import { JobState } from './job-state.js';
import { runsOnProblem } from './preflight.js';
import type { Frame, StepFailure, StepSpan } from './step-runner.js';
import { messageOf } from '../shared/thrown.js';
import { StepRunner } from './step-runner.js';
import type { SelectedJob, WorkflowFile } from './workflow-file.js';
import { jobSteps, runDefault } from './workflow-file.js';

export interface JobOptions {
  workflow: WorkflowFile;
  selected: SelectedJob;
  /** The job as the log and the summary name it: `train (lite)`. */
  name: string;
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
  status: 'success' | 'failure' | 'cancelled';
  steps: StepsContext;
  failures: StepFailure[];
  /** Its steps that ran, with their times (the summary's chart). */
  spans: StepSpan[];
  startedAt: number;
  durationMs: number;
  /** Set when `timeout-minutes` ended the job. */
  timedOutAfter?: number;
  /** `outputs:`, evaluated when the job ends (a value holding a secret is left out, as on GitHub). */
  outputs: Record<string, string>;
  /** `continue-on-error` was true: a failure does not fail the run, and `needs` sees success. */
  continueOnError: boolean;
}

const DEFAULT_JOB_MINUTES = 360;

export async function runJob(options: JobOptions): Promise<JobResult> {
  const { workflow, selected, setup } = options;
  const { log } = setup;
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
  const scope = () => runner.scope(frame, { ...job.env });
  const evaluate = (token: TemplateToken) => evaluateToString(token, scope(), workflow.file);
  let continueOnError = false;
  const result = (
    status: JobResult['status'],
    outputs: Record<string, string> = {},
    timedOutAfter?: number,
  ): JobResult => ({
    status,
    steps,
    failures: runner.failures,
    spans: runner.spans,
    startedAt: started,
    durationMs: Date.now() - started,
    timedOutAfter,
    outputs,
    continueOnError,
  });
  const jobError = (error: unknown): JobResult => {
    log.line(log.paint('red', `Error: ${messageOf(error)}`));
    return result('failure');
  };

  let minutes = DEFAULT_JOB_MINUTES;
  let environment: Environment | undefined;
  try {
    const continueToken = selected.token.find('continue-on-error');
    if (continueToken) continueOnError = isTruthy(evaluateToValue(continueToken, scope(), workflow.file));
    const timeoutToken = selected.token.find('timeout-minutes');
    if (timeoutToken) minutes = Number(evaluateToValue(timeoutToken, scope(), workflow.file));
    const runsOn = selected.token.find('runs-on');
    const problem = runsOn && runsOnProblem(runsOn, scope(), workflow.file);
    if (problem) throw new Error(`runs-on: ${problem}`);
    environment = readEnvironment(selected.token.find('environment'), evaluate);
    Object.assign(job.env, options.outerEnv);
    for (const mapping of [workflow.template.env, selected.token.find('env')]) {
      evaluateEnvInto(job.env, mapping, (token) => evaluateToString(token, scope(), workflow.file));
    }
  } catch (error) {
    return jobError(error);
  }
  if (environment) {
    log.line(
      `environment  ${environment.name}: its protection rules (required reviewers, wait timer, branch rules) are not emulated; the job runs at once`,
    );
  }
  // As GitHub's runner: only a job whose permissions grant id-token: write may ask for OIDC tokens.
  const idTokens = setup.idToken?.(environment?.name);
  if (idTokens) {
    Object.assign(job.runnerEnv, idTokens.env);
    setup.commands.addMask(idTokens.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  }

  let timedOutAfter: number | undefined;
  const timer = setTimeout(() => {
    timedOutAfter = minutes;
    log.line(log.paint('red', `Error: the job has exceeded its timeout of ${minutes} minutes`));
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
    idTokens?.revoke();
  }

  let outputs: Record<string, string>;
  try {
    outputs = jobOutputs(selected.token.find('outputs'), scope(), workflow.file, (name, value) => {
      if (setup.commands.mask(value) === value) return true;
      log.line(log.paint('yellow', `Warning: output ${name} is left out: its value holds a secret`));
      return false;
    });
    if (environment?.url) {
      const url = evaluate(environment.url);
      if (url !== '') log.line(`environment  ${environment.name}  ${url}`);
    }
  } catch (error) {
    return jobError(error);
  }
  if (timedOutAfter !== undefined) return result('failure', outputs, timedOutAfter);
  return result(job.cancelled ? 'cancelled' : job.failed ? 'failure' : 'success', outputs);
}

interface Environment {
  name: string;
  /** Evaluated when the job ends: it may name a step's output. */
  url?: TemplateToken;
}

/** `environment: production`, or `environment: {name, url}`. */
function readEnvironment(
  token: TemplateToken | undefined,
  evaluate: (token: TemplateToken) => string,
): Environment | undefined {
  if (!token) return undefined;
  const nameToken = isMapping(token) ? token.find('name') : token;
  const name = nameToken ? evaluate(nameToken) : '';
  if (name === '') return undefined;
  return { name, url: isMapping(token) ? token.find('url') : undefined };
}

/** The job's `outputs:`, evaluated; `keep` decides for each value whether it may leave the job. */
function jobOutputs(
  mapping: TemplateToken | undefined,
  scope: Scope,
  file: string,
  keep: (name: string, value: string) => boolean,
): Record<string, string> {
  const outputs: Record<string, string> = {};
  if (!mapping || !isMapping(mapping)) return outputs;
  for (const pair of mapping) {
    const name = pair.key.toString();
    const value = evaluateToString(pair.value, scope, file);
    if (keep(name, value)) outputs[name] = value;
  }
  return outputs;
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
