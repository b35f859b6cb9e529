// A DAG as the DAG file describes it: its settings, its tasks with their arguments and source lines,
// and the dependencies between them (upstream → downstream), each edge once.

import type { OperatorKind } from './task-kind.js';
import type { Value } from './values.js';

export interface Task {
  taskId: string;
  /** The class as the file names it (an alias resolved to the class). */
  className: string;
  kind: OperatorKind;
  /** Arguments by name (positional ones named from the constructor), default_args merged under them. */
  args: Map<string, Value>;
  /** The lines of the statement that made the task (1-based, inclusive). */
  line: number;
  endLine: number;
  /** The statement's source, for the report and for not-converted steps. */
  source: string;
}

export interface Dag {
  dagId: string;
  file: string;
  line: number;
  /** schedule_interval / schedule / timetable as given (undefined: Airflow's default, daily). */
  schedule?: { value: Value; line: number; argument: string };
  defaultArgs: Map<string, Value>;
  /** params={...}: what {{ params.x }} reads. */
  params: Map<string, Value>;
  description?: string;
  tasks: Task[];
  edges: [Task, Task][];
}

export function addEdge(dag: Dag, upstream: Task, downstream: Task): void {
  if (!dag.edges.some(([a, b]) => a === upstream && b === downstream)) dag.edges.push([upstream, downstream]);
}
