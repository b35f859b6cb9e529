// What kind of work a task is, from its class: one of the plugin's operators or sensors, Airflow's
// BashOperator (a run: step), an empty operator (a join point, nothing to run), or anything else
// (a step that fails until someone does its work in the workflow).

import type { PluginClass } from './operators.js';

export type OperatorKind =
  | { kind: 'plugin'; cls: PluginClass }
  | { kind: 'bash' }
  | { kind: 'empty' }
  | { kind: 'other'; module?: string };
