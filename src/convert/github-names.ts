// The names the workflow gives what Airflow kept elsewhere: a Variable becomes a configuration
// variable, a connection a secret (as Airflow reads it from AIRFLOW_CONN_<ID>), a dag_run.conf key a
// workflow_dispatch input. GitHub allows letters, digits and _ in secret and variable names (not
// starting with a digit or GITHUB_), and stores them upper-case.

function upperName(text: string): string {
  const name = text.toUpperCase().replace(/[^A-Z0-9_]+/g, '_');
  if (/^GITHUB_/.test(name)) return `AIRFLOW_${name}`;
  return /^[0-9]/.test(name) || name === '' ? `_${name}` : name;
}

/** vars.<NAME> for an Airflow Variable's key. */
export function variableName(key: string): string {
  return upperName(key);
}

/** The secret holding an Airflow connection's URI: Airflow's own environment name for it. */
export function connectionSecret(connectionId: string): string {
  return `AIRFLOW_CONN_${upperName(connectionId)}`;
}

/** The secret holding the service-account key of an Airflow Google Cloud connection. */
export function gcpKeySecret(connectionId: string): string {
  return `GCP_SA_KEY_${upperName(connectionId)}`;
}

/** A workflow_dispatch input's name for a dag_run.conf key. */
export function inputName(key: string): string {
  const name = key.replace(/[^A-Za-z0-9_-]+/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}
