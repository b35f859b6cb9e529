// --check: proof that a converted workflow does what its DAG did, before anyone pushes it.
// 1. schema: the file as written parses under GitHub's workflow schema (@actions/workflow-parser,
//    the local runner's reader);
// 2. graph: every task that does work is a step of the parsed workflow, and every dependency of the
//    DAG (through empty operators too) still holds: the downstream step runs later in the same job,
//    or in a job that needs the upstream's job, directly or not;
// 3. dry run: the workflow runs green under the local runner (src/workflow) on the embedded emulator,
//    with placeholder secrets and variables, the not-converted steps skipped, and the connections the
//    manifests name (that the real cluster must have) created on the emulator as placeholders;
// 4. placeholders: no value is left unresolved.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ClientCredentialsTokenSource } from '../shared/odahu/auth.js';
import { OdahuClient } from '../shared/odahu/client.js';
import { logText } from '../shared/odahu/untrusted-text.js';
import { messageOf } from '../shared/thrown.js';
import type { Connection } from '../shared/odahu/types.js';
import type { RunningEmulator } from '../emulator/options.js';
import { startEmulator } from '../emulator/server.js';
import { CannotRun } from '../workflow/cannot-run.js';
import { repositoryRoot } from '../workflow/repository.js';
import type { Cluster } from '../workflow/cluster.js';
import { DEMO_DURATIONS } from '../workflow/cluster.js';
import type { Stages } from '../workflow/node-action.js';
import { runWorkflow } from '../workflow/run-workflow.js';
import type { WorkflowFile } from '../workflow/workflow-file.js';
import { loadWorkflow } from '../workflow/workflow-file.js';
import type { ConvertedFile } from './convert.js';
import type { CheckResult } from './report.js';
import { workEdges } from './units.js';
import type { ConvertedDag } from './workflow.js';
import { convertDag } from './workflow.js';

export interface CheckOptions {
  outDir: string;
  write: (text: string) => void;
  environment: NodeJS.ProcessEnv;
  /** How the dry run's steps run on its emulator; processes by default (tests: in-process, its clock). */
  stages?: DryRunStages;
}

export type DryRunStages = (cluster: Cluster, emulator: RunningEmulator) => Stages;

/** Shaped like a service-account key, so the connection action takes it; it opens nothing. */
const PLACEHOLDER_GCP_KEY = JSON.stringify({
  type: 'service_account',
  project_id: 'placeholder',
  private_key_id: '0000000000000000000000000000000000000000',
  private_key: '-----BEGIN PRIVATE KEY-----\nnot-a-key\n-----END PRIVATE KEY-----\n',
  client_email: 'placeholder@placeholder.iam.gserviceaccount.com',
  client_id: '000000000000000000000',
  token_uri: 'https://oauth2.googleapis.com/token',
});

/** Each DAG's checks, by `<file>:<dag_id>`. */
export async function checkConverted(
  files: ConvertedFile[],
  options: CheckOptions,
): Promise<Map<string, CheckResult[]>> {
  const results = new Map<string, CheckResult[]>();
  for (const file of files) {
    for (const dag of file.dags) results.set(`${file.file}:${dag.dag.dagId}`, await checkDag(dag, options));
  }
  return results;
}

export async function checkDag(converted: ConvertedDag, options: CheckOptions): Promise<CheckResult[]> {
  const path = join(options.outDir, converted.workflowPath);
  let workflow: WorkflowFile | undefined;
  const checks: CheckResult[] = [];
  try {
    workflow = await loadWorkflow(path, converted.workflowPath);
    const steps = workflow.template.jobs.reduce(
      (sum, job) => sum + (job.type === 'job' ? job.steps.length : 0),
      0,
    );
    checks.push({
      name: 'schema',
      ok: true,
      summary: `GitHub's workflow schema: ${converted.workflowPath} parses (${workflow.template.jobs.length} jobs, ${steps} steps)`,
      details: [],
    });
  } catch (error) {
    const lines = error instanceof CannotRun ? error.lines : [messageOf(error)];
    checks.push({
      name: 'schema',
      ok: false,
      summary: `GitHub's workflow schema: ${converted.workflowPath} does not parse`,
      details: lines,
    });
  }
  if (workflow) checks.push(graphCheck(converted, workflow));
  if (workflow) checks.push(await dryRun(converted, options));
  checks.push(
    converted.unresolved.length === 0
      ? { name: 'placeholders', ok: true, summary: 'no value left unresolved', details: [] }
      : {
          name: 'placeholders',
          ok: false,
          summary: `${converted.unresolved.length} value(s) unresolved: the workflow holds a placeholder for each until you fill it in`,
          details: converted.unresolved.map(
            (item) => `line ${item.line}: ${item.source.split('\n')[0]}: ${item.why}`,
          ),
        },
  );
  return checks;
}

// ── the graph ───────────────────────────────────────────────────────────────────────────────────

/** Where each task's step is in the parsed workflow, and whether the DAG's edges hold there. */
export function graphCheck(converted: ConvertedDag, workflow: WorkflowFile): CheckResult {
  const problems: string[] = [];
  const jobs = new Map(
    workflow.template.jobs.map((job) => [
      job.id.value,
      {
        needs: (job.needs ?? []).map((need) => need.value),
        steps: job.type === 'job' ? job.steps.map((step) => step.id) : [],
      },
    ]),
  );
  const placeOf = new Map<string, { job: string; index: number }>();
  for (const task of converted.tasks) {
    if (task.job === undefined || task.step === undefined) continue;
    const job = jobs.get(task.job);
    const index = job?.steps.indexOf(task.step) ?? -1;
    if (!job || index < 0)
      problems.push(`task ${task.taskId} (line ${task.line}): no step ${task.step} in job ${task.job}`);
    else placeOf.set(task.taskId, { job: task.job, index });
  }
  const needsAll = (job: string, seen = new Set<string>()): Set<string> => {
    for (const need of jobs.get(job)?.needs ?? []) {
      if (seen.has(need)) continue;
      seen.add(need);
      needsAll(need, seen);
    }
    return seen;
  };
  const edges = workEdges(converted.dag);
  for (const [up, down] of edges) {
    const a = placeOf.get(up.taskId);
    const b = placeOf.get(down.taskId);
    if (!a || !b) continue;
    const holds = a.job === b.job ? a.index <= b.index : needsAll(b.job).has(a.job);
    if (!holds) {
      problems.push(
        `${up.taskId} >> ${down.taskId} (lines ${up.line}, ${down.line}) does not hold: ${down.taskId} (job ${b.job}) may run before ${up.taskId} (job ${a.job}) ends`,
      );
    }
  }
  const working = converted.tasks.filter((task) => task.step !== undefined).length;
  return problems.length === 0
    ? {
        name: 'graph',
        ok: true,
        summary: `the DAG's graph holds: ${working} tasks in ${placeOf.size === working ? 'their' : 'some'} steps, all ${edges.length} dependencies kept`,
        details: [],
      }
    : {
        name: 'graph',
        ok: false,
        summary: `the DAG's graph does not hold (${problems.length} problem(s))`,
        details: problems,
      };
}

// ── the dry run ─────────────────────────────────────────────────────────────────────────────────

async function dryRun(converted: ConvertedDag, options: CheckOptions): Promise<CheckResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'odahu-convert-check-'));
  const logPath = join(scratch, `${converted.dag.dagId}.log`);
  let emulator: RunningEmulator | undefined;
  let log = '';
  try {
    // The file as written, but with --allow-todo: the not-converted steps are skipped.
    const skipping = convertDag(converted.dag, { ...converted.options, allowTodo: true });
    const workflowFile = join(scratch, `${converted.dag.dagId}.yml`);
    writeFileSync(workflowFile, skipping.workflow);

    emulator = await startEmulator({ port: 0, ...DEMO_DURATIONS });
    const created = await placeholderConnections(emulator, converted);
    const { secrets, vars, inputs } = placeholders(converted, emulator);
    const run = await runWorkflow({
      workflowPath: workflowFile,
      shownPath: converted.workflowPath,
      workspace: options.outDir,
      secrets,
      vars: {
        ...vars,
        ODAHU_API_URL: emulator.apiUrl,
        ODAHU_AUTH_URL: emulator.authUrl,
        ODAHU_CLIENT_ID: emulator.clientId,
      },
      envFile: { ODAHU_CLIENT_SECRET: emulator.clientSecret },
      inputs,
      event: 'workflow_dispatch',
      repoRoot: repositoryRoot(),
      write: (text) => {
        log += text;
      },
      color: false,
      environment: withoutOdahuSettings(options.environment),
      ...(options.stages ? { stages: (cluster: Cluster) => options.stages!(cluster, emulator!) } : {}),
    });
    mkdirSync(dirname(logPath), { recursive: true });
    writeFileSync(logPath, log);
    const skipped = converted.todo.length;
    const given = [
      ...Object.keys(secrets).map((name) => `secrets.${name}`),
      ...Object.keys(vars).map((name) => `vars.${name}`),
      ...Object.keys(inputs).map((name) => `inputs.${name}`),
    ];
    const details = [
      ...(given.length > 0 ? [`placeholders given: ${given.join(', ')}`] : []),
      ...(created.length > 0
        ? [
            `connections created on the emulator as placeholders (the real cluster must have them): ${created.join(', ')}`,
          ]
        : []),
      ...(skipped > 0 ? [`not-converted steps skipped: ${converted.todo.join(', ')}`] : []),
      `the run's log: ${logPath}`,
    ];
    if (run.exitCode === 0) {
      rmSync(run.summaryPath, { force: true });
      return {
        name: 'dry-run',
        ok: true,
        summary: `dry run on the embedded emulator: ${logText(lastLine(log))}`,
        details,
      };
    }
    return {
      name: 'dry-run',
      ok: false,
      summary: `dry run on the embedded emulator: ${logText(lastLine(log))}`,
      details,
      printed: failureLines(log),
    };
  } catch (error) {
    writeFileSync(logPath, log);
    // The runner's reasons are about the workflow written here; anything else may be the emulator's words.
    return {
      name: 'dry-run',
      ok: false,
      summary: 'dry run on the embedded emulator: could not run',
      details: [...(error instanceof CannotRun ? error.lines : []), `the run's log: ${logPath}`],
      ...(error instanceof CannotRun ? {} : { printed: [messageOf(error)] }),
    };
  } finally {
    await emulator?.close();
  }
}

/** The connections the manifests name that no step creates, made on the emulator (unless it has them). */
async function placeholderConnections(emulator: RunningEmulator, converted: ConvertedDag): Promise<string[]> {
  const client = new OdahuClient({
    apiUrl: emulator.apiUrl,
    tokens: new ClientCredentialsTokenSource({
      authUrl: emulator.authUrl,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      scope: 'openid',
    }),
  });
  const created: string[] = [];
  const base64 = (text: string) => Buffer.from(text).toString('base64');
  try {
    for (const { id, role } of converted.clusterConnections) {
      if (await client.connections.find(id)) continue;
      const specs: Record<string, Connection['spec']> = {
        git: {
          type: 'git',
          uri: `git@github.com:placeholder/${id}.git`,
          keySecret: base64('placeholder ssh key'),
          reference: 'main',
        },
        storage: {
          type: 'gcs',
          uri: `gs://placeholder-${id}`,
          region: 'placeholder',
          keySecret: base64(PLACEHOLDER_GCP_KEY),
        },
        registry: {
          type: 'docker',
          uri: `registry.odahu.local/${id}`,
          username: 'placeholder',
          password: base64('placeholder'),
        },
      };
      await client.connections.create({
        id,
        spec: { ...specs[role]!, description: 'placeholder made by odahu-actions convert --check' },
      });
      created.push(id);
    }
  } finally {
    client.dispose();
  }
  return created;
}

/** A value for every secret, variable and required input the workflow reads. */
function placeholders(converted: ConvertedDag, emulator: RunningEmulator) {
  const secrets: Record<string, string> = {};
  for (const name of converted.secrets.keys()) {
    if (name.startsWith('AIRFLOW_CONN_')) secrets[name] = airflowUri(emulator);
    else if (name.startsWith('GCP_SA_KEY_')) secrets[name] = PLACEHOLDER_GCP_KEY;
    else secrets[name] = 'placeholder';
  }
  const vars: Record<string, string> = {};
  for (const [name, variable] of converted.vars)
    vars[name] = variable.fallback ?? `placeholder-${name.toLowerCase().replace(/_/g, '-')}`;
  const inputs: Record<string, string> = {};
  for (const [name, input] of converted.inputs)
    if (input.fallback === undefined) inputs[name] = 'placeholder';
  return { secrets, vars, inputs };
}

/** The emulator as an Airflow connection URI: what AIRFLOW_CONN_<ID> holds for a real cluster. */
function airflowUri(emulator: RunningEmulator): string {
  const api = new URL(emulator.apiUrl);
  const extra = new URLSearchParams({
    auth_url: emulator.authUrl,
    client_id: emulator.clientId,
    scope: 'openid profile email offline_access groups',
  });
  return `http://:${encodeURIComponent(emulator.clientSecret)}@${api.host}/${api.protocol.replace(':', '')}?${extra.toString()}`;
}

function withoutOdahuSettings(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(environment).filter(([name]) => !name.startsWith('ODAHU_')));
}

function lastLine(log: string): string {
  return (
    log
      .trimEnd()
      .split('\n')
      .at(-1)
      ?.replace(/^[✓✗]\s*/, '') ?? ''
  );
}

/** The lines of the log that say what failed (✗ and error lines), at most 20. */
function failureLines(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => /✗|::error|error:|Error:/.test(line))
    .map((line) => line.trim())
    .slice(0, 20);
}
