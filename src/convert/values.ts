// What a Python expression of a DAG file is, read statically: constants, what is only known when the
// workflow runs (an Airflow Variable, a dag_run.conf key), and what cannot be known at all (a value
// computed when the DAG runs), which always carries its line so the report can name it.

import type { Dag, Task } from './dag.js';

/** An Airflow Variable: `vars.<NAME>` in the workflow. */
export interface VarRef {
  kind: 'var';
  /** The Airflow variable's key, as the DAG names it. */
  key: string;
  /** Variable.get's default_var, when it has one. */
  fallback?: string;
  line: number;
}

/** A key of the run's configuration (dag_run.conf): a workflow_dispatch input. */
export interface ConfRef {
  kind: 'conf';
  key: string;
  fallback?: string;
  line: number;
}

/** A value of the workflow run itself (`github.run_id`): an expression as it is. */
export interface RunValue {
  kind: 'run';
  expression: string;
}

/** A value known only when the DAG runs: named in the report, a visible placeholder in the output. */
export interface Unresolved {
  kind: 'unresolved';
  line: number;
  /** The expression as written. */
  source: string;
  why: string;
}

export type Dynamic = VarRef | ConfRef | RunValue | Unresolved;

/** A string: constant parts and, for f-strings and Variables, parts known when the workflow runs. */
export interface Text {
  kind: 'text';
  parts: (string | Dynamic)[];
}

export interface Num {
  kind: 'number';
  value: number;
}

export interface Bool {
  kind: 'bool';
  value: boolean;
}

export interface NoneValue {
  kind: 'none';
}

export interface List {
  kind: 'list';
  items: Value[];
}

export interface Dict {
  kind: 'dict';
  entries: [Value, Value][];
}

/** An Odahu SDK model (`ModelTraining(id=..., spec=...)`): its class and keyword arguments. */
export interface ModelValue {
  kind: 'model';
  className: string;
  args: Map<string, Value>;
  line: number;
}

/** What resource() returned: the manifest it read, where from, and its id. */
export interface ResourceValue {
  kind: 'resource';
  /** The manifest as parsed (kind, id, spec), its placeholders still in its strings. */
  document: Record<string, unknown>;
  /** The file it was read from (absolute), unless the DAG held the YAML itself. */
  file?: string;
  /** The file's text when it was used unchanged (so it can be referenced, not copied). */
  unchanged: boolean;
  /** Template variables resource() filled, name to value. */
  templateVars: Map<string, Value>;
  line: number;
}

export interface TaskValue {
  kind: 'task';
  task: Task;
}

export interface DagValue {
  kind: 'dag';
  dag: Dag;
}

/** An imported name, known by where it comes from. */
export interface SymbolValue {
  kind: 'symbol';
  module: string;
  name: string;
}

export interface ModuleValue {
  kind: 'module';
  module: string;
}

export interface DurationValue {
  kind: 'duration';
  seconds: number;
}

/** A point in time (start_date and the like): read, never used. */
export interface DateValue {
  kind: 'date';
}

/** A filesystem path (pathlib.Path, os.path results, __file__). */
export interface PathValue {
  kind: 'path';
  path: string;
}

/** A function defined in the file (a python_callable). */
export interface FunctionValue {
  kind: 'function';
  name: string;
  line: number;
}

export type Value =
  | Text
  | Dynamic
  | Num
  | Bool
  | NoneValue
  | List
  | Dict
  | ModelValue
  | ResourceValue
  | TaskValue
  | DagValue
  | SymbolValue
  | ModuleValue
  | DurationValue
  | DateValue
  | PathValue
  | FunctionValue;

export const NONE: NoneValue = { kind: 'none' };

export function text(value: string): Text {
  return { kind: 'text', parts: [value] };
}

/** Parts side by side, adjacent constants merged. */
export function joinParts(parts: (string | Dynamic)[]): Text {
  const merged: (string | Dynamic)[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
    else if (part !== '') merged.push(part);
  }
  return { kind: 'text', parts: merged };
}

/** A value as text parts, when it reads as a string (a Variable does; a number is written out). */
export function asText(value: Value): Text | undefined {
  switch (value.kind) {
    case 'text':
      return value;
    case 'var':
    case 'conf':
    case 'run':
    case 'unresolved':
      return { kind: 'text', parts: [value] };
    case 'number':
      return text(String(value.value));
    case 'path':
      return text(value.path);
    default:
      return undefined;
  }
}

/** The constant string, when every part of the value is known now. */
export function constantString(value: Value | undefined): string | undefined {
  if (!value) return undefined;
  const asString = asText(value);
  if (!asString) return undefined;
  let result = '';
  for (const part of asString.parts) {
    if (typeof part !== 'string') return undefined;
    result += part;
  }
  return result;
}

/** Every value inside another (list items, dict keys and values, model arguments, text parts). */
export function* dynamicsIn(value: Value): Generator<Dynamic> {
  switch (value.kind) {
    case 'var':
    case 'conf':
    case 'run':
    case 'unresolved':
      yield value;
      break;
    case 'text':
      for (const part of value.parts) if (typeof part !== 'string') yield part;
      break;
    case 'list':
      for (const item of value.items) yield* dynamicsIn(item);
      break;
    case 'dict':
      for (const [key, item] of value.entries) {
        yield* dynamicsIn(key);
        yield* dynamicsIn(item);
      }
      break;
    case 'model':
      for (const item of value.args.values()) yield* dynamicsIn(item);
      break;
    case 'resource':
      for (const item of value.templateVars.values()) yield* dynamicsIn(item);
      break;
    default:
      break;
  }
}

/** A short description for messages: "a string", "a call", ... */
export function describe(value: Value): string {
  switch (value.kind) {
    case 'text':
      return 'a string';
    case 'var':
      return `Variable ${value.key}`;
    case 'conf':
      return `dag_run.conf key ${value.key}`;
    case 'run':
      return value.expression;
    case 'unresolved':
      return 'a value computed when the DAG runs';
    case 'number':
      return 'a number';
    case 'bool':
      return 'a boolean';
    case 'none':
      return 'None';
    case 'list':
      return 'a list';
    case 'dict':
      return 'a dict';
    case 'model':
      return `a ${value.className}`;
    case 'resource':
      return 'a resource()';
    case 'task':
      return `task ${value.task.taskId}`;
    case 'dag':
      return `DAG ${value.dag.dagId}`;
    case 'symbol':
      return value.name;
    case 'module':
      return `module ${value.module}`;
    case 'duration':
      return 'a timedelta';
    case 'date':
      return 'a date';
    case 'path':
      return 'a path';
    case 'function':
      return `function ${value.name}`;
  }
}
