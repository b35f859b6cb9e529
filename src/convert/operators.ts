// What the converter knows of the operators a DAG can use: every operator and sensor of Odahu's
// Airflow plugin (odahuflow.airflow.* for Airflow 1, odahuflow.airflow_plugin.* for Airflow 2 and
// plugin 1.6; on Airflow 1 also as the plugin registered them, airflow.operators.odahuflow and
// airflow.sensors.odahuflow), with their constructors' arguments in order; Airflow's own operators
// that have a meaning here (bash, empty); and the Airflow helpers a DAG file calls.

/** The plugin's classes, each with its arguments in the constructor's order (before *args). */
export const PLUGIN_CLASSES = {
  TrainingOperator: ['training', 'api_connection_id'],
  TrainingSensor: ['training_id', 'api_connection_id'],
  PackagingOperator: ['packaging', 'api_connection_id', 'trained_task_id'],
  PackagingSensor: ['packaging_id', 'api_connection_id'],
  DeploymentOperator: ['deployment', 'api_connection_id', 'packaging_task_id'],
  DeploymentSensor: ['deployment_id', 'api_connection_id'],
  ModelPredictRequestOperator: [
    'model_deployment_name',
    'api_connection_id',
    'model_connection_id',
    'request_body',
    'md_role_name',
  ],
  ModelInfoRequestOperator: [
    'model_deployment_name',
    'api_connection_id',
    'model_connection_id',
    'md_role_name',
  ],
  GcpConnectionToOdahuConnectionOperator: [
    'api_connection_id',
    'google_cloud_storage_conn_id',
    'conn_template',
  ],
  InferenceServiceOperator: ['service', 'api_connection_id'],
  InferenceJobOperator: ['job', 'api_connection_id'],
  InferenceJobSensor: ['inference_job_task_id', 'api_connection_id'],
} as const;

export type PluginClass = keyof typeof PLUGIN_CLASSES;

/** The modules of each plugin class, under either package root. */
const PLUGIN_MODULES: Record<string, PluginClass[]> = {
  training: ['TrainingOperator', 'TrainingSensor'],
  packaging: ['PackagingOperator', 'PackagingSensor'],
  deployment: ['DeploymentOperator', 'DeploymentSensor'],
  model: ['ModelPredictRequestOperator', 'ModelInfoRequestOperator'],
  connection: ['GcpConnectionToOdahuConnectionOperator'],
  batch: ['InferenceServiceOperator', 'InferenceJobOperator', 'InferenceJobSensor'],
};

export const PLUGIN_ROOTS = ['odahuflow.airflow', 'odahuflow.airflow_plugin'];
/** Airflow 1 exposed a plugin's operators and sensors under these modules (the plugin's name is odahuflow). */
const REGISTERED_MODULES = ['airflow.operators.odahuflow', 'airflow.sensors.odahuflow'];

/** The plugin class an imported name is, or undefined. */
export function pluginClass(module: string, name: string): PluginClass | undefined {
  if (!(name in PLUGIN_CLASSES)) return undefined;
  const cls = name as PluginClass;
  if (REGISTERED_MODULES.includes(module)) return cls;
  for (const root of PLUGIN_ROOTS) {
    if (module === root) return cls;
    const sub = module.startsWith(`${root}.`) ? module.slice(root.length + 1) : undefined;
    if (sub !== undefined && (PLUGIN_MODULES[sub]?.includes(cls) || sub === 'plugin')) return cls;
  }
  return undefined;
}

export function isPluginResourceModule(module: string): boolean {
  return PLUGIN_ROOTS.some((root) => module === `${root}.resources`);
}

/** Airflow's own names the converter reads, by what they are. */
export type AirflowName =
  | 'DAG'
  | 'Variable'
  | 'BashOperator'
  | 'EmptyOperator'
  | 'chain'
  | 'cross_downstream'
  | 'TaskGroup'
  | 'days_ago';

const AIRFLOW_NAMES: Record<AirflowName, string[]> = {
  DAG: ['airflow', 'airflow.models', 'airflow.models.dag', 'airflow.DAG'],
  Variable: ['airflow.models', 'airflow.models.variable', 'airflow.sdk'],
  BashOperator: [
    'airflow.operators.bash_operator',
    'airflow.operators.bash',
    'airflow.providers.standard.operators.bash',
  ],
  EmptyOperator: [
    'airflow.operators.dummy_operator',
    'airflow.operators.dummy',
    'airflow.operators.empty',
    'airflow.providers.standard.operators.empty',
  ],
  chain: ['airflow.utils.helpers', 'airflow.models.baseoperator', 'airflow.models', 'airflow.sdk'],
  cross_downstream: ['airflow.utils.helpers', 'airflow.models.baseoperator', 'airflow.models', 'airflow.sdk'],
  TaskGroup: ['airflow.utils.task_group', 'airflow.sdk'],
  days_ago: ['airflow.utils.dates'],
};

/** Other spellings of the same class (DummyOperator is EmptyOperator's old name). */
const ALIASES: Record<string, AirflowName> = { DummyOperator: 'EmptyOperator' };

export function airflowName(module: string, name: string): AirflowName | undefined {
  const known = (name in AIRFLOW_NAMES ? name : ALIASES[name]) as AirflowName | undefined;
  if (known === undefined) return undefined;
  return AIRFLOW_NAMES[known].includes(module) || module === 'airflow.sdk' ? known : undefined;
}
