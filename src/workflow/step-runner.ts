// Running steps the way GitHub's runner does: the `if:` with the status functions, the step's env,
// continue-on-error and timeout-minutes, then by kind: a `run:` script in bash or sh, actions/checkout
// (the local working tree), a node action's main stage (its pre and post stages too), or a composite
// action's steps with its own `inputs` and `steps` contexts and its outputs mapped at the end.

import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isBasicExpression, isString } from '@actions/workflow-parser';
import type { MappingToken, TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type { ActionDefinition, CompositeRuns, NodeRuns, SetupTool } from './action-file.js';
import { ArtifactError } from './artifacts.js';
import type { ArtifactVerb } from './artifacts.js';
import type { JsonValue, Scope, Status } from './expressions.js';
import { evaluateCondition, evaluateToString, evaluateToValue, isTruthy } from './expressions.js';
import type { Outcome } from './job-log.js';
import type { JobState, PostStage, StepsContext } from './job-state.js';
import { inputVariable } from './node-action.js';
import { messageOf } from '../shared/thrown.js';
import { SHELLS } from './preflight.js';
import { playSetup } from './setup-actions.js';
import type { StageResult } from './stage-process.js';
import type { StepPlan } from './step-plan.js';

/** One level of steps: the job's, or a composite action's. */
export interface Frame {
  /** The file the steps come from, for messages. */
  file: string;
  depth: number;
  steps: StepsContext;
  inputs: JsonValue;
  /** Env of the enclosing composite steps. */
  env: Record<string, string>;
  /** The composite action these steps belong to (github.action_path). */
  action?: ActionDefinition;
  /** The composite's own step as github.action names it: its steps are `<that>.<their id>`, as on GitHub. */
  scopeName?: string;
  /** Cancels the level's running step: the job's cancel, or an enclosing step's timeout. */
  signal: AbortSignal;
  /** What success(), failure() and cancelled() answer at this level. */
  status(): Status;
  fail(): void;
  /** `defaults.run` of the job (job level only). */
  defaults?: { shell?: TemplateToken; workingDirectory?: TemplateToken };
}

interface Execution {
  ok: boolean;
  outputs: Record<string, string>;
  cancelled: boolean;
}

export interface StepFailure {
  name: string;
  depth: number;
  /** Its last error line. */
  error?: string;
}

/** A job's step as the run's summary charts it. */
export interface StepSpan {
  name: string;
  startedAt: number;
  endedAt: number;
  outcome: Outcome;
}

export class StepRunner {
  /** What pre stages saved (GITHUB_STATE), for their main and post stages. */
  private readonly preState = new Map<StepPlan, Record<string, string>>();
  /** Names of the failed steps, top level first. */
  readonly failures: StepFailure[] = [];
  /** The job's steps (top level, pre and post stages too) that ran, in order. */
  readonly spans: StepSpan[] = [];

  constructor(private readonly job: JobState) {}

  private get log() {
    return this.job.setup.log;
  }

  private get jobName(): string {
    const job = this.job.setup.context.github.job;
    return typeof job === 'string' ? job : '';
  }

  scope(frame: Frame, env: Record<string, string>, stepId = ''): Scope {
    const { setup } = this.job;
    return {
      status: frame.status(),
      contexts: {
        ...setup.fixed,
        github: {
          ...setup.context.github,
          action: stepId && actionName(frame, stepId),
          action_path: frame.action?.dir ?? '',
        },
        runner: setup.context.runner,
        env,
        steps: frame.steps as unknown as JsonValue,
        inputs: frame.inputs,
        job: { status: this.job.status, container: {}, services: {} },
      },
    };
  }

  async runSteps(plans: StepPlan[], frame: Frame): Promise<void> {
    for (const plan of plans) await this.runStep(plan, frame);
  }

  async runStep(plan: StepPlan, frame: Frame): Promise<void> {
    const started = Date.now();
    const envContext = { ...this.job.env, ...frame.env };
    const base = this.scope(frame, envContext, plan.id);
    const name = this.stepName(plan, base, frame.file);
    const record = (outcome: Outcome, conclusion: Outcome, outputs: Record<string, string> = {}) => {
      // Steps without an id of their own are not in the steps context.
      if (!plan.id.startsWith('__')) frame.steps[plan.id] = { outputs, outcome, conclusion };
    };

    let runs: boolean;
    try {
      runs = evaluateCondition(plan.if.expression, base);
    } catch (error) {
      this.log.stepStarted(name, frame.depth);
      this.log.stepError(messageOf(error), frame.depth);
      record('failure', 'failure');
      this.finish(frame, name, started, 'failure', false);
      return;
    }
    if (!runs) {
      this.log.stepSkipped(name, frame.depth);
      record('skipped', 'skipped');
      return;
    }

    if (plan.uses !== undefined && this.job.setup.catalog.get(plan.uses)?.kind === 'elsewhere') {
      // Another repository's action: one line instead of the step, its outputs as given (or none).
      const outputs = this.job.setup.others.skip(this.jobName, plan.id, plan.uses);
      this.log.stepNotRun(name, frame.depth, `not run here: ${plan.uses}`, Object.keys(outputs));
      record('success', 'success', outputs);
      return;
    }

    this.log.stepStarted(name, frame.depth);
    const controller = new AbortController();
    // A step that starts after a cancel (if: always() or cancelled()) runs to its end, unless forced.
    const signals = [controller.signal, this.job.forceSignal];
    if (!frame.signal.aborted) signals.push(frame.signal);
    const signal = AbortSignal.any(signals);
    let timer: NodeJS.Timeout | undefined;
    let timedOutAfter: number | undefined;
    let continueOnError = false;
    let execution: Execution;
    try {
      const stepEnv = this.evaluateEnv(plan.env, base, frame.file);
      const scope = this.scope(frame, { ...envContext, ...stepEnv }, plan.id);
      if (plan.continueOnError !== undefined) {
        continueOnError =
          typeof plan.continueOnError === 'boolean'
            ? plan.continueOnError
            : isTruthy(evaluateToValue(plan.continueOnError, scope, frame.file));
      }
      const minutes = plan.timeoutMinutes
        ? Number(evaluateToValue(plan.timeoutMinutes, scope, frame.file))
        : NaN;
      if (minutes > 0) {
        timer = setTimeout(() => {
          timedOutAfter = minutes;
          controller.abort();
        }, minutes * 60_000);
      }
      execution = await this.execute(plan, frame, scope, stepEnv, signal, name);
    } catch (error) {
      this.log.stepError(messageOf(error), frame.depth);
      execution = { ok: false, outputs: {}, cancelled: false };
    } finally {
      clearTimeout(timer);
    }
    if (timedOutAfter !== undefined) {
      this.log.stepError(`The step has timed out after ${timedOutAfter} minutes.`, frame.depth);
    }
    const outcome: Outcome =
      timedOutAfter !== undefined
        ? 'failure'
        : execution.cancelled
          ? 'cancelled'
          : execution.ok
            ? 'success'
            : 'failure';
    record(outcome, outcome === 'failure' && continueOnError ? 'success' : outcome, execution.outputs);
    this.finish(frame, name, started, outcome, continueOnError);
  }

  /** The step's end line; a failure (without continue-on-error) fails its level. */
  private finish(
    frame: Frame,
    name: string,
    started: number,
    outcome: Outcome,
    continueOnError: boolean,
  ): void {
    const error = outcome === 'failure' ? this.log.takeError() : undefined;
    if (outcome === 'failure' && !continueOnError) {
      frame.fail();
      this.failures.push({ name: this.job.setup.commands.mask(name), depth: frame.depth, error });
    }
    if (frame.depth === 0) {
      // Masked as the log masks it: the summary shows the span's name.
      const shown = this.job.setup.commands.mask(name);
      this.spans.push({ name: shown, startedAt: started, endedAt: Date.now(), outcome });
    }
    this.log.stepFinished(name, frame.depth, outcome, Date.now() - started, continueOnError);
  }

  /** The name the log shows: `name:` evaluated, else `Run <first line of run>` or `Run <uses>`. */
  stepName(plan: StepPlan, scope: Scope, file: string): string {
    if (plan.name) {
      try {
        return evaluateToString(plan.name, scope, file);
      } catch {
        return plan.name.toDisplayString();
      }
    }
    if (plan.uses !== undefined) return `Run ${plan.uses}`;
    const run = plan.run;
    const text = run && isString(run) ? run.value : run && isBasicExpression(run) ? (run.source ?? '') : '';
    return `Run ${
      text
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim() ?? ''
    }`;
  }

  private evaluateEnv(mapping: MappingToken | undefined, scope: Scope, file: string): Record<string, string> {
    const env: Record<string, string> = {};
    for (const pair of mapping ?? []) env[pair.key.toString()] = evaluateToString(pair.value, scope, file);
    return env;
  }

  private async execute(
    plan: StepPlan,
    frame: Frame,
    scope: Scope,
    stepEnv: Record<string, string>,
    signal: AbortSignal,
    name: string,
  ): Promise<Execution> {
    if (plan.uses === undefined) return this.runScript(plan, frame, scope, stepEnv, signal);
    const resolved = this.job.setup.catalog.get(plan.uses);
    if (!resolved) throw new Error(`${plan.uses} was not resolved before the run`);
    if (resolved.kind === 'artifact') return this.runArtifactStep(plan, resolved.verb, scope, frame);
    if (resolved.kind === 'checkout') {
      for (const text of this.job.setup.checkout.describe(plan.uses)) {
        this.log.event({ type: 'line', text }, frame.depth);
      }
      return { ok: true, outputs: {}, cancelled: false };
    }
    if (resolved.kind === 'setup') return this.runSetup(plan, resolved.tool, scope, frame);
    if (resolved.kind === 'elsewhere') throw new Error(`${plan.uses} is not run here`);
    const { action } = resolved;
    if (plan.uses.startsWith('./') && this.job.setup.workspace !== this.job.setup.checkout.workingTree) {
      throw new Error(
        `Can't find '${plan.uses}': the job has no actions/checkout step, so its workspace is empty (as on GitHub)`,
      );
    }
    const inputs = this.actionInputs(plan, action, scope, frame);
    if (action.runs?.using === 'composite') {
      return this.runComposite(plan, action, action.runs, inputs, frame, stepEnv, signal);
    }
    if (action.runs?.using === 'node') {
      return this.runNodeMain(plan, action, action.runs, inputs, frame, stepEnv, signal, name);
    }
    throw new Error(`${action.using} actions are not supported`);
  }

  /** actions/setup-node or setup-python: this machine's own (setup-actions.ts). */
  private runSetup(plan: StepPlan, tool: SetupTool, scope: Scope, frame: Frame): Execution {
    const inputs: Record<string, string> = {};
    for (const pair of plan.with ?? []) {
      inputs[pair.key.toString().toLowerCase()] = evaluateToString(pair.value, scope, frame.file);
    }
    const result = playSetup(tool, inputs, this.job.processEnv().PATH);
    for (const text of result.lines) this.log.event({ type: 'line', text }, frame.depth);
    for (const message of result.warnings) {
      this.log.event(
        { type: 'annotation', annotation: { level: 'warning', message, properties: {} } },
        frame.depth,
      );
    }
    if (result.outputs) return { ok: true, outputs: result.outputs, cancelled: false };
    const outputs = this.job.setup.others.skip(this.jobName, plan.id, plan.uses ?? '');
    this.log.event({ type: 'line', text: `not run here: ${plan.uses ?? ''}` }, frame.depth);
    return { ok: true, outputs, cancelled: false };
  }

  /** actions/upload-artifact or download-artifact, played by the runner (artifacts.ts). */
  private async runArtifactStep(
    plan: StepPlan,
    verb: ArtifactVerb,
    scope: Scope,
    frame: Frame,
  ): Promise<Execution> {
    const { setup } = this.job;
    const inputs: Record<string, string> = {};
    for (const pair of plan.with ?? []) {
      inputs[pair.key.toString().toLowerCase()] = evaluateToString(pair.value, scope, frame.file);
    }
    try {
      const result =
        verb === 'upload'
          ? await setup.artifacts.upload(inputs, setup.workspace)
          : setup.artifacts.download(inputs, setup.workspace);
      for (const text of result.lines) this.log.event({ type: 'line', text }, frame.depth);
      for (const message of result.warnings) {
        this.log.event(
          { type: 'annotation', annotation: { level: 'warning', message, properties: {} } },
          frame.depth,
        );
      }
      return { ok: true, outputs: result.outputs, cancelled: false };
    } catch (error) {
      if (!(error instanceof ArtifactError)) throw error;
      this.log.stepError(error.message, frame.depth);
      return { ok: false, outputs: {}, cancelled: false };
    }
  }

  private async runScript(
    plan: StepPlan,
    frame: Frame,
    scope: Scope,
    stepEnv: Record<string, string>,
    signal: AbortSignal,
  ): Promise<Execution> {
    const { setup } = this.job;
    const script = plan.run ? evaluateToString(plan.run, scope, frame.file) : '';
    const shellToken = plan.shell ?? frame.defaults?.shell;
    const shell = shellToken ? evaluateToString(shellToken, scope, frame.file) : undefined;
    if (shell !== undefined && !SHELLS.includes(shell))
      throw new Error(`shell ${shell} is not supported (bash or sh)`);
    const directoryToken = plan.workingDirectory ?? frame.defaults?.workingDirectory;
    const cwd = directoryToken
      ? resolve(setup.workspace, evaluateToString(directoryToken, scope, frame.file))
      : setup.workspace;
    if (!existsSync(cwd)) throw new Error(`the working directory ${cwd} does not exist`);
    const path = join(setup.context.env.RUNNER_TEMP!, `${randomUUID()}.sh`);
    writeFileSync(path, script);
    // As GitHub: no shell named → bash -e; `bash` → also no profile, rc files, and pipefail.
    const [command = 'bash', ...args] =
      shell === 'sh'
        ? ['sh', '-e', path]
        : shell === 'bash'
          ? ['bash', '--noprofile', '--norc', '-eo', 'pipefail', path]
          : ['bash', '-e', path];
    const result = await this.stage({
      command,
      args,
      cwd,
      env: this.job.processEnv(frame.env, stepEnv, { GITHUB_ACTION: actionName(frame, plan.id) }),
      stepId: plan.id,
      depth: frame.depth,
      signal,
    });
    if (result.exitCode !== 0 && !result.cancelled) {
      this.log.stepError(`Process completed with exit code ${result.exitCode}.`, frame.depth);
    }
    return { ok: result.exitCode === 0, outputs: result.files.outputs, cancelled: result.cancelled };
  }

  /** The action's inputs: `with:` evaluated, defaults for the rest; unknown names warned about. */
  private actionInputs(
    plan: StepPlan,
    action: ActionDefinition,
    scope: Scope,
    frame: Frame,
    warn = true,
  ): Record<string, string> {
    const given: Record<string, string> = {};
    for (const pair of plan.with ?? [])
      given[pair.key.toString()] = evaluateToString(pair.value, scope, frame.file);
    const known = action.inputs.map((input) => input.id);
    const unexpected = Object.keys(given).filter(
      (key) => !known.some((id) => id.toLowerCase() === key.toLowerCase()),
    );
    if (warn && unexpected.length > 0) {
      this.log.event(
        {
          type: 'annotation',
          annotation: {
            level: 'warning',
            message: `Unexpected input(s) ${unexpected.map((key) => `'${key}'`).join(', ')}, valid inputs are [${known.map((id) => `'${id}'`).join(', ')}]`,
            properties: {},
          },
        },
        frame.depth,
      );
    }
    const inputs: Record<string, string> = {};
    for (const input of action.inputs) {
      const key = Object.keys(given).find((name) => name.toLowerCase() === input.id.toLowerCase());
      if (key !== undefined) inputs[input.id] = given[key] ?? '';
      else if (input.default) inputs[input.id] = evaluateToString(input.default, scope, action.file);
    }
    for (const key of unexpected) inputs[key] = given[key] ?? '';
    return inputs;
  }

  private async runNodeMain(
    plan: StepPlan,
    action: ActionDefinition,
    runs: NodeRuns,
    inputs: Record<string, string>,
    frame: Frame,
    stepEnv: Record<string, string>,
    signal: AbortSignal,
    name: string,
  ): Promise<Execution> {
    const env = this.job.processEnv(
      frame.env,
      stepEnv,
      this.actionEnv(actionName(frame, plan.id), action, inputs),
    );
    const preState = this.preState.get(plan) ?? {};
    const result = await this.stage({
      node: join(action.dir, runs.main),
      env: { ...env, ...stateVariables(preState) },
      stepId: plan.id,
      depth: frame.depth,
      signal,
    });
    if (runs.post) {
      this.job.posts.push({
        name: `Post ${name}`,
        action,
        script: join(action.dir, runs.post),
        env,
        inputs,
        state: { ...preState, ...result.files.state },
        condition: runs.postIf ?? 'always()',
        stepId: plan.id,
      });
    }
    return { ok: result.exitCode === 0, outputs: result.files.outputs, cancelled: result.cancelled };
  }

  private actionEnv(
    stepId: string,
    action: ActionDefinition,
    inputs: Record<string, string>,
  ): Record<string, string> {
    const env: Record<string, string> = { GITHUB_ACTION: stepId, GITHUB_ACTION_PATH: action.dir };
    for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
    return env;
  }

  private async runComposite(
    plan: StepPlan,
    action: ActionDefinition,
    runs: CompositeRuns,
    inputs: Record<string, string>,
    frame: Frame,
    stepEnv: Record<string, string>,
    signal: AbortSignal,
  ): Promise<Execution> {
    let failed = false;
    const inner: Frame = {
      file: action.file,
      depth: frame.depth + 1,
      steps: {},
      inputs,
      env: { ...frame.env, ...stepEnv, GITHUB_ACTION_PATH: action.dir },
      action,
      scopeName: actionName(frame, plan.id),
      signal,
      // Inside a composite action the status functions answer for its own steps (the runner's action_status).
      status: () => (this.job.cancelled ? 'cancelled' : failed ? 'failure' : 'success'),
      fail: () => void (failed = true),
    };
    await this.runSteps(runs.steps, inner);
    const cancelled = signal.aborted && !failed;
    const scope = this.scope(inner, { ...this.job.env, ...inner.env });
    const outputs: Record<string, string> = {};
    for (const output of action.outputs) {
      if (output.value) outputs[output.id] = evaluateToString(output.value, scope, action.file);
    }
    return { ok: !failed && !cancelled, outputs, cancelled };
  }

  /** A node action's pre stage, at the start of the job: `pre-if` (default always()) decides. */
  async runPre(plan: StepPlan, frame: Frame): Promise<void> {
    const resolved = plan.uses === undefined ? undefined : this.job.setup.catalog.get(plan.uses);
    if (resolved?.kind !== 'action' || resolved.action.runs?.using !== 'node' || !resolved.action.runs.pre) {
      return;
    }
    const { action } = resolved;
    const { pre, preIf } = resolved.action.runs;
    const started = Date.now();
    const base = this.scope(frame, { ...this.job.env }, plan.id);
    const name = `Pre ${this.stepName(plan, base, frame.file)}`;
    let env: Record<string, string>;
    try {
      const stepEnv = this.evaluateEnv(plan.env, base, frame.file);
      const scope = this.scope(frame, { ...this.job.env, ...stepEnv }, plan.id);
      const inputs = this.actionInputs(plan, action, scope, frame, false);
      // pre-if and post-if see the action's inputs.
      if (!evaluateCondition(preIf ?? 'always()', { ...scope, contexts: { ...scope.contexts, inputs } })) {
        this.log.stepSkipped(name, frame.depth);
        return;
      }
      env = this.job.processEnv(stepEnv, this.actionEnv(plan.id, action, inputs));
    } catch (error) {
      this.log.stepStarted(name, frame.depth);
      this.log.stepError(messageOf(error), frame.depth);
      this.finish(frame, name, started, 'failure', false);
      return;
    }
    this.log.stepStarted(name, frame.depth);
    const result = await this.stage({
      node: join(action.dir, pre),
      env,
      stepId: plan.id,
      depth: frame.depth,
      signal: AbortSignal.any([this.job.cancelSignal, this.job.forceSignal]),
    });
    this.preState.set(plan, result.files.state);
    const outcome = result.cancelled ? 'cancelled' : result.exitCode === 0 ? 'success' : 'failure';
    this.finish(frame, name, started, outcome, false);
  }

  /** A post stage at the end of the job: `post-if` (default always()) against the job's status. */
  async runPost(post: PostStage, frame: Frame): Promise<void> {
    const started = Date.now();
    const scope = this.scope(frame, { ...this.job.env }, post.stepId);
    let runs: boolean;
    try {
      runs = evaluateCondition(post.condition, {
        ...scope,
        contexts: { ...scope.contexts, inputs: post.inputs },
      });
    } catch (error) {
      this.log.stepStarted(post.name, frame.depth);
      this.log.stepError(messageOf(error), frame.depth);
      this.finish(frame, post.name, started, 'failure', false);
      return;
    }
    if (!runs) {
      this.log.stepSkipped(post.name, frame.depth);
      return;
    }
    this.log.stepStarted(post.name, frame.depth);
    const result = await this.stage({
      node: post.script,
      env: { ...post.env, ...stateVariables(post.state) },
      stepId: post.stepId,
      depth: frame.depth,
      signal: this.job.forceSignal,
    });
    const outcome = result.cancelled ? 'cancelled' : result.exitCode === 0 ? 'success' : 'failure';
    this.finish(frame, post.name, started, outcome, false);
  }

  /** One process: a node script (`node`) or a command; its file commands applied to the job. */
  private async stage(options: {
    node?: string;
    command?: string;
    args?: string[];
    cwd?: string;
    env: Record<string, string>;
    stepId: string;
    depth: number;
    signal: AbortSignal;
  }): Promise<StageResult> {
    const { setup } = this.job;
    const common = {
      env: options.env,
      cwd: options.cwd ?? setup.workspace,
      filesDir: join(setup.jobDir, 'files'),
      stepKey: this.job.stageKey(options.stepId),
      commands: setup.commands,
      onEvent: (event: Parameters<typeof setup.log.event>[0]) => setup.log.event(event, options.depth),
      signal: options.signal,
    };
    const result = options.node
      ? await setup.stages.node({ ...common, script: options.node })
      : await setup.stages.process({
          ...common,
          command: options.command ?? 'bash',
          args: options.args ?? [],
        });
    this.job.applyFiles(result.files);
    return result;
  }
}

function stateVariables(state: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]));
}

/** A step's github.action (GITHUB_ACTION): its id, qualified by the composite steps it is in. */
function actionName(frame: Frame, stepId: string): string {
  return frame.scopeName ? `${frame.scopeName}.${stepId}` : stepId;
}
