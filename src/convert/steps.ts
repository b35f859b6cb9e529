// Each unit of a DAG as the step that does its work: the action it becomes and its inputs (the
// manifests written as files, XCom task ids as the outputs of the steps they named, sensor timings,
// the Airflow connection as one secret), a run: step for a BashOperator, and for any other operator
// a step that fails with "not converted" and a comment quoting the task's source.

import type { Dag, Task } from './dag.js';
import { connectionSecret, gcpKeySecret } from './github-names.js';
import { renderTemplate } from './jinja.js';
import type { Manifest } from './manifests.js';
import { manifestOf } from './manifests.js';
import type { PluginClass } from './operators.js';
import type { Unit } from './units.js';
import { pluginClassOf } from './units.js';
import type { Dynamic, Text, Value } from './values.js';
import { asText, constantString, describe, dynamicsIn } from './values.js';

/** The output of another step, wired as steps.<id>.outputs (same job) or needs.<job>.outputs. */
export interface Ref {
  kind: 'ref';
  unit: Unit;
  output: string;
  /** A path into the output's JSON (`[0].id`). */
  json?: string;
}

/** A with: or env: value: text, values known when the workflow runs, and other steps' outputs. */
export type Piece = string | Dynamic | Ref;

export interface StepSpec {
  id: string;
  name: string;
  /** Comment lines above the step. */
  comments: string[];
  /** The action (train, package, ...), or undefined for a run: step. */
  action?: string;
  with: [string, Piece[]][];
  run?: Piece[];
  env: [string, Piece[]][];
  if?: string;
  timeoutMinutes?: number;
  /** What the unit became, for the report. */
  becomes: string;
  /** A not-converted step. */
  todo: boolean;
  /** Notes for the report. */
  notes: string[];
}

/** What steps need from the conversion around them. */
export interface StepContext {
  dag: Dag;
  /** The DAG file as messages show it. */
  shown: string;
  unitOfTask(taskId: string): Unit | undefined;
  /** Writes (or reuses) a manifest file; returns its path in the workspace. */
  manifestPath(manifest: Manifest, unit: Unit): string;
  /** Writes a request body; returns its path in the workspace. */
  requestPath(unit: Unit, json: unknown): string;
  /** Records a secret the workflow reads. */
  secret(name: string, what: string, task: Task): void;
  unresolved(value: Dynamic & { kind: 'unresolved' }): void;
  allowTodo: boolean;
}

const SECONDS = { h: 3600, m: 60, s: 1 };

/** Seconds as an input duration: `4h`, `1h30m`, `90s`. */
export function durationInput(seconds: number): string {
  let rest = Math.round(seconds);
  if (rest <= 0) return '0s';
  let result = '';
  for (const [unit, size] of Object.entries(SECONDS)) {
    const count = Math.floor(rest / size);
    if (count > 0) result += `${count}${unit}`;
    rest -= count * size;
  }
  return result;
}

export function buildStep(unit: Unit, context: StepContext): StepSpec {
  const [first] = unit.tasks;
  const task = first!;
  const base: StepSpec = {
    id: unit.id,
    name: unit.tasks.map((each) => each.taskId).join(' + '),
    comments: [],
    with: [],
    env: [],
    becomes: '',
    todo: false,
    notes: [...unit.notes],
  };
  const cls = pluginClassOf(task);
  if (cls) pluginStep(base, unit, cls, context);
  else if (task.kind.kind === 'bash') bashStep(base, task, context);
  else todoStep(base, task, context);
  timing(base, unit, context.dag);
  triggerRule(base, task);
  return base;
}

// ── the plugin's operators ──────────────────────────────────────────────────────────────────────

function pluginStep(step: StepSpec, unit: Unit, cls: PluginClass, context: StepContext): void {
  const [task] = unit.tasks as [Task];
  const sensor = unit.tasks.find((each) => pluginClassOf(each)?.endsWith('Sensor'));
  const withManifest = (input: string, argument: string, kind: string, from: Task = task) => {
    const manifest = manifestOf(from.args.get(argument), kind);
    if ('problem' in manifest) {
      const mark: Dynamic = {
        kind: 'unresolved',
        line: from.line,
        source: `${argument}=${sourceOf(from, argument)}`,
        why: manifest.problem,
      };
      context.unresolved(mark);
      step.with.push([input, [mark]]);
      return;
    }
    for (const note of manifest.notes) step.notes.push(note);
    step.with.push([input, [context.manifestPath(manifest, unit)]]);
    if (manifest.placeholders.size > 0) {
      const lines: Piece[] = [];
      for (const [name, value] of manifest.placeholders) {
        const pieces = piecesOf(value, context);
        if (pieces.some((piece) => typeof piece !== 'string' && piece.kind === 'unresolved')) continue;
        lines.push(`${name}=`, ...pieces, '\n');
      }
      if (lines.length > 0) step.with.push(['vars', lines]);
    }
  };
  const waitOrNot = () => {
    if (!sensor) {
      step.with.push(['wait', ['false']]);
      step.notes.push(
        `no sensor waits for ${task.taskId}: the step does not wait either (wait: false), as in the DAG`,
      );
    } else {
      sensorTimings(step, sensor);
    }
  };
  switch (cls) {
    case 'TrainingOperator':
      step.action = 'train';
      withManifest('training', 'training', 'ModelTraining');
      waitOrNot();
      step.becomes = sensor ? 'train (waits)' : 'train (wait: false)';
      break;
    case 'PackagingOperator':
      step.action = 'package';
      withManifest('packaging', 'packaging', 'ModelPackaging');
      xcomInput(step, task, 'trained_task_id', 'artifact-name', 'artifact-name', context);
      waitOrNot();
      step.becomes = sensor ? 'package (waits)' : 'package (wait: false)';
      break;
    case 'DeploymentOperator':
      step.action = 'deploy';
      withManifest('deployment', 'deployment', 'ModelDeployment');
      xcomInput(step, task, 'packaging_task_id', 'image', 'image', context);
      waitOrNot();
      step.notes.push(
        `the plugin deleted ${task.taskId}'s deployment and created it again (the model stopped serving meanwhile); deploy updates it in place (if-exists: replace for the old way)`,
      );
      step.becomes = sensor ? 'deploy (waits)' : 'deploy (wait: false)';
      break;
    case 'TrainingSensor':
    case 'PackagingSensor':
    case 'DeploymentSensor': {
      const waited: Record<string, [string, string]> = {
        TrainingSensor: ['training_id', 'training-id'],
        PackagingSensor: ['packaging_id', 'packaging-id'],
        DeploymentSensor: ['deployment_id', 'deployment-id'],
      };
      const [argument, input] = waited[cls]!;
      step.action = 'wait';
      step.with.push([input, valuePieces(task, argument, context)]);
      sensorTimings(step, task);
      step.becomes = `wait (${input})`;
      break;
    }
    case 'InferenceJobSensor':
      step.action = 'wait';
      xcomInput(step, task, 'inference_job_task_id', 'inference-job-id', 'job-id', context);
      sensorTimings(step, task);
      step.becomes = 'wait (inference-job-id)';
      break;
    case 'ModelPredictRequestOperator':
    case 'ModelInfoRequestOperator': {
      step.action = 'predict';
      step.with.push(['deployment', valuePieces(task, 'model_deployment_name', context)]);
      if (cls === 'ModelInfoRequestOperator') {
        step.with.push(['info', ['true']]);
      } else {
        const body = task.args.get('request_body');
        step.with.push(['request', requestPieces(body, unit, task, context)]);
      }
      const model = constantString(task.args.get('model_connection_id'));
      if (model !== undefined) {
        step.notes.push(
          `model_connection_id ${model}: the plugin read it but called the model with the API connection's token; so does predict (model-token or model-client-id to use another)`,
        );
      }
      step.becomes = cls === 'ModelInfoRequestOperator' ? 'predict (info)' : 'predict';
      break;
    }
    case 'GcpConnectionToOdahuConnectionOperator': {
      step.action = 'connection';
      withManifest('connection', 'conn_template', 'Connection');
      const gcp = constantString(task.args.get('google_cloud_storage_conn_id'));
      if (gcp !== undefined) {
        const secret = gcpKeySecret(gcp);
        context.secret(
          secret,
          `the service-account key (JSON) of the Airflow connection ${gcp}: its Keyfile JSON field`,
          task,
        );
        step.with.push(['gcp-credentials', [{ kind: 'run', expression: `secrets.${secret}` }]]);
      } else {
        const mark = unresolvedArgument(task, 'google_cloud_storage_conn_id', context);
        step.with.push(['gcp-credentials', [mark]]);
      }
      step.becomes = 'connection';
      break;
    }
    case 'InferenceServiceOperator': {
      const job = unit.tasks.find((each) => pluginClassOf(each) === 'InferenceJobOperator');
      if (job) {
        step.action = 'batch';
        withManifest('service', 'service', 'InferenceService');
        withManifest('job', 'job', 'InferenceJob', job);
        step.with.push(['if-exists', ['reuse']]);
        step.notes.push('the plugin kept a service that existed (if-exists: reuse)');
        waitOrNot();
        step.becomes = sensor ? 'batch (waits)' : 'batch (wait: false)';
      } else {
        step.action = 'apply';
        withManifest('manifests', 'service', 'InferenceService');
        step.with.push(['if-exists', ['skip']]);
        step.notes.push('the plugin kept a service that existed (if-exists: skip)');
        step.becomes = 'apply (the service)';
      }
      break;
    }
    case 'InferenceJobOperator':
      step.action = 'apply';
      withManifest('manifests', 'job', 'InferenceJob');
      if (sensor) {
        step.with.push(['wait', ['true']]);
        sensorTimings(step, sensor);
      }
      step.becomes = sensor ? 'apply (the job, waits)' : 'apply (the job)';
      break;
  }
  const connection = task.args.get('api_connection_id');
  const id = constantString(connection);
  if (id !== undefined) {
    const secret = connectionSecret(id);
    context.secret(
      secret,
      `the Airflow connection ${id} (the Odahu API), in Airflow's URI or JSON form, unchanged`,
      task,
    );
    step.with.push(['api-connection', [{ kind: 'run', expression: `secrets.${secret}` }]]);
  } else {
    step.with.push(['api-connection', [unresolvedArgument(task, 'api_connection_id', context)]]);
  }
  for (const other of unit.tasks.slice(1)) {
    const otherId = constantString(other.args.get('api_connection_id'));
    if (otherId !== undefined && otherId !== id) {
      step.notes.push(
        `${other.taskId} used the connection ${otherId}, ${task.taskId} ${id ?? 'another'}: the step uses ${task.taskId}'s`,
      );
    }
  }
}

/** An XCom task id: the output of the step its task became (or a visible placeholder). */
function xcomInput(
  step: StepSpec,
  task: Task,
  argument: string,
  input: string,
  output: string,
  context: StepContext,
): void {
  const value = task.args.get(argument);
  if (!value || value.kind === 'none' || constantString(value) === '') return;
  const taskId = constantString(value);
  const unit = taskId === undefined ? undefined : context.unitOfTask(taskId);
  if (!unit) {
    const mark: Dynamic = {
      kind: 'unresolved',
      line: task.line,
      source: `${argument}=${sourceOf(task, argument)}`,
      why:
        taskId === undefined
          ? `${argument} is ${describe(value)}`
          : `${argument} names ${taskId}, which is no Odahu task of this DAG`,
    };
    context.unresolved(mark);
    step.with.push([input, [mark]]);
    return;
  }
  const ref: Ref = { kind: 'ref', unit, output };
  const producer = unit.tasks.find((each) => each.taskId === taskId)!;
  if (
    pluginClassOf(producer) === 'InferenceJobOperator' &&
    unit.tasks.every((each) => pluginClassOf(each) !== 'InferenceServiceOperator')
  ) {
    step.with.push([input, [{ kind: 'ref', unit, output: 'resources', json: '[0].id' }]]);
    return;
  }
  step.with.push([input, [ref]]);
  step.notes.push(`${argument}=${taskId}: XCom becomes the ${output} output of step ${unit.id}`);
}

function sensorTimings(step: StepSpec, sensor: Task): void {
  const timeout = seconds(sensor.args.get('timeout'));
  if (timeout !== undefined) step.with.push(['timeout', [durationInput(timeout)]]);
  else
    step.notes.push(
      `${sensor.taskId} kept Airflow's sensor timeout (7 days): the step waits as long as the action's default timeout`,
    );
  const poke = seconds(sensor.args.get('poke_interval'));
  if (poke !== undefined) step.with.push(['poll-interval', [durationInput(poke)]]);
  const mode = constantString(sensor.args.get('mode'));
  if (mode === 'reschedule') {
    step.notes.push(
      `${sensor.taskId} used mode='reschedule' (no worker slot held while waiting): the step waits in its job, holding the runner`,
    );
  }
  if (timeout !== undefined && timeout > 6 * 3600) {
    step.notes.push(
      `${sensor.taskId} waits up to ${durationInput(timeout)}: a job on GitHub's hosted runners ends after 6h`,
    );
  }
}

function seconds(value: Value | undefined): number | undefined {
  if (value?.kind === 'number') return value.value;
  if (value?.kind === 'duration') return value.seconds;
  return undefined;
}

/** execution_timeout → timeout-minutes (the unit's tasks' together); retries → a note. */
function timing(step: StepSpec, unit: Unit, dag: Dag): void {
  const limits = unit.tasks.map((task) => seconds(task.args.get('execution_timeout')));
  const known = limits.filter((limit): limit is number => limit !== undefined);
  if (known.length === limits.length && limits.length > 0) {
    step.timeoutMinutes = Math.ceil(known.reduce((sum, limit) => sum + limit, 0) / 60);
  } else if (limits.some((limit) => limit !== undefined)) {
    step.notes.push('execution_timeout is set on some of these tasks only: no timeout-minutes');
  }
  for (const task of unit.tasks) {
    const retries = task.args.get('retries');
    // The DAG's default_args retries are one note for the whole DAG (workflow.ts).
    if (retries === dag.defaultArgs.get('retries')) continue;
    if (retries?.kind === 'number' && retries.value > 0) {
      const delay = seconds(task.args.get('retry_delay'));
      step.notes.push(
        `${task.taskId} had retries=${retries.value}${delay !== undefined ? ` (retry_delay ${durationInput(delay)})` : ''}: steps are not retried (the actions retry failing API calls themselves; re-run a failed job)`,
      );
    }
  }
}

function triggerRule(step: StepSpec, task: Task): void {
  const rule = constantString(task.args.get('trigger_rule'));
  if (rule === undefined || rule === 'all_success') return;
  const conditions: Record<string, string> = {
    all_done: '!cancelled()',
    always: 'always()',
    one_failed: 'failure()',
    all_failed: 'failure()',
  };
  const condition = conditions[rule];
  if (condition) {
    step.if = condition;
    step.notes.push(`trigger_rule=${rule} → if: ${condition}`);
  } else {
    step.notes.push(
      `trigger_rule=${rule} has no exact GitHub equivalent: the step runs when everything before it succeeded`,
    );
  }
}

// ── values ──────────────────────────────────────────────────────────────────────────────────────

function sourceOf(task: Task, argument: string): string {
  const match = new RegExp(`${argument}\\s*=\\s*([^,\\n)]+)`).exec(task.source);
  return match?.[1]?.trim() ?? '?';
}

function unresolvedArgument(task: Task, argument: string, context: StepContext): Dynamic {
  const value = task.args.get(argument);
  const mark: Dynamic = {
    kind: 'unresolved',
    line: task.line,
    source: `${argument}=${sourceOf(task, argument)}`,
    why: value ? `${argument} is ${describe(value)}` : `${argument} is not given`,
  };
  context.unresolved(mark);
  return mark;
}

function piecesOf(value: Text, context: StepContext): Piece[] {
  for (const part of value.parts) {
    if (typeof part !== 'string' && part.kind === 'unresolved') context.unresolved(part);
  }
  return value.parts;
}

function valuePieces(task: Task, argument: string, context: StepContext): Piece[] {
  const value = task.args.get(argument);
  const asString = value ? asText(value) : undefined;
  if (!asString) return [unresolvedArgument(task, argument, context)];
  return piecesOf(asString, context);
}

/** A prediction request: a JSON file when it is all constants, else inline JSON with expressions. */
function requestPieces(body: Value | undefined, unit: Unit, task: Task, context: StepContext): Piece[] {
  if (!body) return [unresolvedArgument(task, 'request_body', context)];
  const dynamics = [...dynamicsIn(body)];
  const json = jsonOf(body);
  if (json === undefined) return [unresolvedArgument(task, 'request_body', context)];
  if (dynamics.length === 0) return [context.requestPath(unit, json)];
  // Values known when the workflow runs stay in the JSON as expressions.
  const marker = (index: number) => `@@piece-${index}@@`;
  const inline = JSON.stringify(jsonOf(body, (dynamic) => marker(dynamics.indexOf(dynamic))));
  const pieces: Piece[] = [];
  let last = 0;
  const pattern = /@@piece-(\d+)@@/g;
  for (let match = pattern.exec(inline); match; match = pattern.exec(inline)) {
    pieces.push(inline.slice(last, match.index), dynamics[Number(match[1])]!);
    last = match.index + match[0].length;
  }
  pieces.push(inline.slice(last));
  for (const dynamic of dynamics) if (dynamic.kind === 'unresolved') context.unresolved(dynamic);
  return pieces;
}

function jsonOf(value: Value, dynamic?: (value: Dynamic) => string): unknown {
  switch (value.kind) {
    case 'text':
      return value.parts.map((part) => (typeof part === 'string' ? part : (dynamic?.(part) ?? ''))).join('');
    case 'var':
    case 'conf':
    case 'run':
    case 'unresolved':
      return dynamic?.(value) ?? '';
    case 'number':
    case 'bool':
      return value.value;
    case 'none':
      return null;
    case 'list':
      return value.items.map((item) => jsonOf(item, dynamic));
    case 'dict':
      return Object.fromEntries(
        value.entries.map(([key, item]) => [constantString(key) ?? '?', jsonOf(item, dynamic)]),
      );
    default:
      return undefined;
  }
}

/** Source lines without the indentation they share. */
function dedent(source: string): string[] {
  const lines = source.split('\n');
  const indent = Math.min(
    ...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length),
  );
  return lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0).trimEnd());
}

// ── Airflow's operators ─────────────────────────────────────────────────────────────────────────

function bashStep(step: StepSpec, task: Task, context: StepContext): void {
  const command = task.args.get('bash_command');
  const commandText = command ? asText(command) : undefined;
  if (!commandText) {
    step.run = [unresolvedArgument(task, 'bash_command', context)];
  } else {
    const rendered = renderTemplate(commandText, context.dag, task);
    const script = constantString(rendered)?.trim();
    if (script !== undefined && /^\S+\.(sh|bash)$/.test(script)) {
      step.notes.push(
        `${script}: Airflow read the script as a Jinja template; here it runs as it is, from the DAG's folder`,
      );
    }
    step.run = piecesOf(rendered, context);
  }
  const env = task.args.get('env');
  if (env?.kind === 'dict') {
    for (const [key, value] of env.entries) {
      const name = constantString(key);
      const valueText = asText(value);
      if (name === undefined || !valueText) continue;
      step.env.push([name, piecesOf(renderTemplate(valueText, context.dag, task), context)]);
    }
  }
  if (env && env.kind !== 'dict' && env.kind !== 'none')
    step.notes.push(`env is ${describe(env)}: not converted`);
  const cwd = constantString(task.args.get('cwd'));
  if (cwd !== undefined) step.notes.push(`cwd=${cwd}: set working-directory if the script needs it`);
  step.becomes = 'run:';
}

function todoStep(step: StepSpec, task: Task, context: StepContext): void {
  const where = `${context.shown}:${task.line}`;
  const what =
    task.kind.kind === 'other' && task.kind.module
      ? `${task.className} (${task.kind.module})`
      : task.className;
  step.name = `${task.taskId} (not converted: ${task.className})`;
  step.comments.push(
    `Not converted: ${what} at ${where}. Do its work here, then remove the failing line.`,
    ...dedent(task.source).map((line) => `  ${line}`),
  );
  step.run = [
    `echo ${JSON.stringify(`::error file=${context.shown},line=${task.line}::${task.taskId} (${task.className}) was not converted: do its work in this step`)}\nexit 1`,
  ];
  if (context.allowTodo) {
    step.if = 'false';
    step.notes.push('--allow-todo: skipped');
  }
  step.todo = true;
  step.becomes = 'not converted (a failing step)';
}
