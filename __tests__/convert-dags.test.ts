// The converter in process, on DAG files written for it (__tests__/fixtures/dags): what it reads from
// each style of DAG, what each task becomes, and the workflow and manifests it writes (parsed back
// as YAML, so the tests read what GitHub would).

import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { ConvertOptions, ConvertedFile } from '../src/convert/convert.js';
import { convertFile } from '../src/convert/convert.js';
import { ConversionError } from '../src/convert/conversion-error.js';
import { buildReport, reportMarkdown, reportText } from '../src/convert/report.js';
import { ROOT } from './helpers/run-action.js';

const FIXTURES = join(ROOT, '__tests__', 'fixtures', 'dags');

interface Workflow {
  on: {
    workflow_dispatch: { inputs?: Record<string, { default?: string; required: boolean }> };
    schedule?: { cron: string }[];
  };
  jobs: Record<
    string,
    { needs?: string | string[]; outputs?: Record<string, string>; steps: Step[]; if?: string }
  >;
}
interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'timeout-minutes'?: number;
}

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'convert-dags-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

function options(extra: Partial<ConvertOptions> = {}): ConvertOptions {
  return { cwd: FIXTURES, outDir: out, actionOwner: 'acme', actionRef: 'v1', allowTodo: false, ...extra };
}

async function convert(file: string, extra: Partial<ConvertOptions> = {}): Promise<ConvertedFile> {
  return convertFile(file, options(extra));
}

function workflowOf(file: ConvertedFile, dagId?: string): Workflow {
  const dag = dagId ? file.dags.find((each) => each.dag.dagId === dagId)! : file.dags[0]!;
  return load(dag.workflow) as Workflow;
}

function stepOf(workflow: Workflow, id: string): Step & { job: string } {
  for (const [job, { steps }] of Object.entries(workflow.jobs)) {
    const step = steps.find((each) => each.id === id);
    if (step) return { ...step, job };
  }
  throw new Error(`no step ${id}`);
}

function fileOf(file: ConvertedFile, path: string): unknown {
  const content = file.dags.flatMap((dag) => [...dag.files]).find(([name]) => name === path)?.[1];
  if (content === undefined) throw new Error(`no file ${path}`);
  return load(content);
}

const needs = (job: { needs?: string | string[] }) => [job.needs ?? []].flat();

describe('an Airflow 2 DAG with aliases and every kind of resource', () => {
  let file: ConvertedFile;
  let workflow: Workflow;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'convert-dags-'));
    file = await convert('airflow2_churn.py');
    workflow = workflowOf(file);
  });

  test('an operator and the sensor that waits for its id collapse into one step that waits', () => {
    const train = stepOf(workflow, 'train');
    expect(train.uses).toBe('acme/odahu-actions/train@v1');
    expect(train.name).toBe('train + wait_train');
    expect(train.with?.wait).toBeUndefined();
    // timeout=60 * 60 * 4 and poke_interval=30
    expect(train.with).toMatchObject({ timeout: '4h', 'poll-interval': '30s' });
    const places = file.dags[0]!.tasks;
    expect(places.find((task) => task.taskId === 'wait_train')).toMatchObject({ step: 'train', line: 74 });
  });

  test("an SDK model's Python names become the API's names from the SDK's attribute maps", () => {
    const training = fileOf(file, 'odahu/churn_model/training-churn-2-1.odahuflow.yaml') as Record<
      string,
      unknown
    >;
    expect(training).toMatchObject({
      kind: 'ModelTraining',
      id: 'churn-2-1', // f"{MODEL}-{VERSION.replace('.', '-')}"
      spec: {
        model: { name: 'churn', version: '2.1' },
        workDir: 'models/churn',
        hyperParameters: { max_depth: '6', learning_rate: '0.1' }, // a dict's keys stay as written
        data: [{ connection: 'churn-data', localPath: 'data/', remotePath: 'gs://{CHURN_BUCKET}/churn/' }],
        algorithmSource: { vcs: { connection: 'ml-repo', reference: 'main' } },
      },
    });
    // The Variable in the manifest is filled by the step's vars input.
    expect(stepOf(workflow, 'train').with?.vars).toBe('CHURN_BUCKET=${{ vars.CHURN_BUCKET }}\n');
  });

  test('resource() reads a file under the DAG folder, a path built from __file__, and inline YAML with template variables', () => {
    expect(fileOf(file, 'odahu/churn_model/packaging-churn-pack.odahuflow.yaml')).toMatchObject({
      kind: 'ModelPackaging',
      id: 'churn-pack',
    });
    // role="churn-readers" was formatted in, as str.format does.
    expect(fileOf(file, 'odahu/churn_model/deployment-churn.odahuflow.yaml')).toMatchObject({
      spec: { roleName: 'churn-readers' },
    });
    // {name} was a constant; {tag} a Variable with a default: kept as a placeholder the step fills.
    expect(fileOf(file, 'odahu/churn_model/deployment-churn-probe.odahuflow.yaml')).toMatchObject({
      id: 'churn-probe',
      spec: { image: 'registry.example.com/probe:{tag}' },
    });
    expect(stepOf(workflow, 'deploy_probe').with?.vars).toBe("tag=${{ vars.PROBE_TAG || 'latest' }}\n");
  });

  test('XCom task ids become step outputs, across jobs through job outputs', () => {
    const package_ = stepOf(workflow, 'package');
    expect(package_.job).not.toBe(stepOf(workflow, 'train').job);
    expect(workflow.jobs[package_.job]!.needs).toBe('prepare_data');
    expect(package_.with?.['artifact-name']).toBe('${{ needs.prepare_data.outputs.train-artifact-name }}');
    expect(workflow.jobs.prepare_data!.outputs).toEqual({
      'train-artifact-name': '${{ steps.train.outputs.artifact-name }}',
    });
    const deploy = stepOf(workflow, 'deploy');
    expect(deploy.with?.image).toBe('${{ needs.package.outputs.package-image }}');
  });

  test('an operator no sensor waits for does not wait either', () => {
    expect(stepOf(workflow, 'deploy_probe').with?.wait).toBe('false');
  });

  test('BashOperator becomes a run: step, its Jinja read: Variables, dag_run.conf with a default as an input, run_id', () => {
    const prepare = stepOf(workflow, 'prepare_data');
    // Run-time values reach the script through env:, never pasted into it (script injection).
    expect(prepare.run).toBe('python prepare.py --bucket ${CHURN_BUCKET} --limit ${LIMIT}');
    expect(prepare.env).toEqual({
      RUN: '${{ github.run_id }}',
      CHURN_BUCKET: '${{ vars.CHURN_BUCKET }}',
      LIMIT: "${{ inputs.limit || '1000' }}",
    });
    expect(workflow.on.workflow_dispatch.inputs).toEqual({
      limit: expect.objectContaining({ default: '1000', required: false }),
    });
  });

  test('another operator becomes a step that fails, quoting its source; execution_timeout becomes timeout-minutes', () => {
    const report = stepOf(workflow, 'report_metrics');
    expect(report.run).toContain('exit 1');
    expect(report.run).toContain(
      '::error file=airflow2_churn.py,line=72::report_metrics (PythonOperator) was not converted',
    );
    expect(report['timeout-minutes']).toBe(10);
    const text = file.dags[0]!.workflow;
    expect(text).toContain(
      '# Not converted: PythonOperator (airflow.operators.python) at airflow2_churn.py:72.',
    );
    expect(text).toContain('#   report = PythonOperator(task_id="report_metrics", python_callable=print');
  });

  test('the schedule preset, default_args retries and mode=reschedule are in the report', () => {
    expect(workflow.on.schedule).toEqual([{ cron: '0 0 * * *' }]);
    const text = reportText(buildReport([file]));
    expect(text).toContain('line 60: default_args retries=2: steps are not retried');
    expect(text).not.toContain('train had retries');
    expect(text).toContain("wait_train used mode='reschedule'");
    expect(text).toContain('AIRFLOW_CONN_ODAHU_API: the Airflow connection odahu_api');
    expect(text).toContain('CHURN_BUCKET: Airflow Variable churn_bucket');
    expect(text).toContain('ml-repo: code repository (git)');
    const markdown = reportMarkdown(buildReport([file]));
    expect(markdown).toContain('| `AIRFLOW_CONN_ODAHU_API` | secret |');
    expect(markdown).toContain('| wait_train | 74 | TrainingSensor | train (waits) | prepare_data | train |');
  });

  test("a failed dry run's printed lines (the server's words) reach the report as data", () => {
    const report = buildReport([file]);
    report.dags[0]!.check = [
      {
        name: 'dry-run',
        ok: false,
        summary: 'dry run on the embedded emulator: run failed',
        details: ["the run's log: /tmp/x.log"],
        printed: ['::error::forged by the server', 'see <img src=x> @team ##[group]x'],
      },
    ];
    const text = reportText(report);
    expect(text).toContain('      | \\::error::forged by the server\n');
    expect(text).toContain('      | see <img src=x> @team #\\#[group]x\n');
    expect(text.split('\n').filter((line) => /^\s*::|##\[/.test(line))).toEqual([]);
    const markdown = reportMarkdown(report);
    expect(markdown).toContain('  - <code>::error::forged by the server</code>');
    expect(markdown).not.toMatch(/<img|@team/);
  });

  test('the connection is the Airflow connection as one secret', () => {
    expect(stepOf(workflow, 'ask').with).toMatchObject({
      deployment: 'churn',
      request: 'odahu/churn_model/request-ask.json',
      'api-connection': '${{ secrets.AIRFLOW_CONN_ODAHU_API }}',
    });
    expect(fileOf(file, 'odahu/churn_model/request-ask.json')).toEqual({
      columns: ['tenure', 'plan'],
      data: [
        [12, 'gold'],
        [3, 'basic'],
      ],
    });
  });
});

describe('every dependency form', () => {
  test('>> over lines, <<, lists, set_upstream/set_downstream, chain, cross_downstream, an empty operator and a loop over a list all hold', async () => {
    const file = await convert('every_dependency.py');
    const dag = file.dags[0]!.dag;
    const edges = dag.edges.map(([up, down]) => `${up.taskId}>${down.taskId}`).sort();
    expect(edges).toEqual(
      [
        'a>b',
        'b>c',
        'c>d',
        'd>e',
        'd>f',
        'e>g',
        'g>h',
        'f>h',
        'h>i',
        'h>j',
        'i>k',
        'j>k',
        'i>join',
        'j>join',
        'join>last',
        'k>last',
      ].sort(),
    );
    const workflow = workflowOf(file);
    // a, b, c, d follow each other in a line: one job. The branches are jobs that need the job before.
    const ids = (job: string) => workflow.jobs[job]!.steps.filter((step) => step.id).map((step) => step.id);
    expect(ids('a')).toEqual(['a', 'b', 'c', 'd']);
    expect(needs(workflow.jobs.e!)).toEqual(['a']);
    expect(ids('e')).toEqual(['e', 'g']);
    expect(needs(workflow.jobs.f!)).toEqual(['a']);
    expect(needs(workflow.jobs.h!).sort()).toEqual(['e', 'f']);
    expect(needs(workflow.jobs.k!).sort()).toEqual(['i', 'j']);
    // join does nothing: last needs what join needed, and k.
    expect(needs(workflow.jobs.last!).sort()).toEqual(['i', 'j', 'k']);
    expect(file.dags[0]!.tasks.find((task) => task.taskId === 'join')?.job).toBeUndefined();
    expect(workflow.on.schedule).toEqual([{ cron: '30 2 * * 1-5' }]);
  });
});

describe('the batch operators', () => {
  test('a service, its job and the sensor are one batch step; a job alone is applied and its sensor waits for the job id', async () => {
    const file = await convert('batch_scoring.py');
    const workflow = workflowOf(file);
    const batch = stepOf(workflow, 'make_service');
    expect(batch.uses).toBe('acme/odahu-actions/batch@v1');
    expect(batch.with).toMatchObject({
      service: 'odahu/batch_scoring/inference-service-scorer.odahuflow.yaml',
      job: 'odahu/batch_scoring/inference-job-make_service.odahuflow.yaml',
      'if-exists': 'reuse',
    });
    expect(fileOf(file, 'odahu/batch_scoring/inference-service-scorer.odahuflow.yaml')).toMatchObject({
      spec: {
        modelRegistry: { remote: { modelConnection: 'models', modelPath: 'scorer/model.tar.gz' } },
        dataSource: { connection: 'scoring-data', path: 'in/' },
        triggers: { webhook: { enabled: true } },
      },
    });
    expect(stepOf(workflow, 'score_again').uses).toBe('acme/odahu-actions/apply@v1');
    const wait = stepOf(workflow, 'wait_again');
    expect(wait.uses).toBe('acme/odahu-actions/wait@v1');
    expect(wait.with?.['inference-job-id']).toBe(
      '${{ fromJSON(needs.make_service.outputs.score_again-resources)[0].id }}',
    );
    expect(file.dags[0]!.clusterConnections.map((connection) => connection.id)).toEqual([
      'models',
      'scoring-data',
    ]);
  });
});

describe('several DAGs in one file, Airflow 1 style', () => {
  test('each DAG is a workflow; dag= attaches tasks; SDK fields of before 1.5 move; a sensor alone becomes wait', async () => {
    const file = await convert('several_dags.py');
    expect(file.dags.map((dag) => dag.workflowPath)).toEqual([
      '.github/workflows/start_training.yml',
      '.github/workflows/check_training.yml',
    ]);
    const start = workflowOf(file, 'start_training');
    expect(start.on.schedule).toEqual([{ cron: '0 */6 * * *' }]); // timedelta(hours=6)
    expect(stepOf(start, 'connect').with).toMatchObject({
      connection: 'odahu/start_training/connection-old-data.odahuflow.yaml',
      'gcp-credentials': '${{ secrets.GCP_SA_KEY_GCP_OLD }}',
    });
    expect(stepOf(start, 'kick').with).toMatchObject({ wait: 'false' });
    expect(fileOf(file, 'odahu/start_training/training-legacy.odahuflow.yaml')).toMatchObject({
      spec: {
        algorithmSource: { vcs: { connection: 'legacy-repo', reference: 'release' } },
        data: [{ connection: 'old-data' }],
      },
    });
    const check = workflowOf(file, 'check_training');
    expect(check.on.schedule).toEqual([{ cron: '0 * * * *' }]);
    expect(stepOf(check, 'watch').with).toMatchObject({ 'training-id': 'legacy', 'poll-interval': '2m' });
  });
});

describe('values known only when the DAG runs', () => {
  test('are named in the report with their line, and the workflow and manifests hold visible placeholders', async () => {
    const file = await convert('unresolved.py');
    const dag = file.dags[0]!;
    expect(dag.unresolved.map((item) => item.line).sort()).toEqual([14, 15, 17]);
    expect(fileOf(file, 'odahu/unresolved_values/deployment-scorer.odahuflow.yaml')).toMatchObject({
      spec: { image: '{UNRESOLVED_LINE_14}' },
    });
    const workflow = workflowOf(file);
    expect(stepOf(workflow, 'wait').with?.['deployment-id']).toBe(
      'scorer-UNRESOLVED(unresolved.py:15: len(IMAGE))',
    );
    // The step's vars leave the placeholder unfilled: the action fails naming it until someone does.
    expect(stepOf(workflow, 'deploy').with?.vars).toBeUndefined();
    // timedelta(minutes=45) has no cron.
    expect(workflow.on.schedule).toBeUndefined();
    expect(reportText(buildReport([file]))).toContain('UNRESOLVED (3)');
  });
});

describe('DAGs the converter cannot read', () => {
  test.each([
    [
      'unreadable_syntax.py',
      /^unreadable_syntax\.py:4: syntax error \(.*\): task = BashOperator\(task_id="t", bash_command="echo"$/,
    ],
    ['unreadable_no_dag.py', /^unreadable_no_dag\.py:1: no DAG in this file/],
    [
      'unreadable_loop.py',
      /^unreadable_loop\.py:8: dynamic task generation in a loop \(for model in MODELS:\)/,
    ],
  ])('%s fails with one line naming the file and line', async (name, expected) => {
    const error = await convert(name).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConversionError);
    const line = (error as ConversionError).line;
    expect(line).toMatch(expected);
    expect(line).not.toContain('\n');
  });

  test('Python 3.12 syntax is read (nested f-string quotes, match, type parameters)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convert-py312-'));
    try {
      writeFileSync(
        join(dir, 'modern.py'),
        [
          'from airflow import DAG',
          'from airflow.operators.bash import BashOperator',
          'names = {"a": "x"}',
          'type Pair = tuple[str, str]',
          'def first[T](items: list[T]) -> T:',
          '    match items:',
          '        case [head, *_]:',
          '            return head',
          'with (DAG(f"modern_{names["a"]}") as dag):',
          '    BashOperator(task_id=f"say_{names["a"]}", bash_command="echo hi")',
          '',
        ].join('\n'),
      );
      const file = await convertFile('modern.py', { ...options(), cwd: dir });
      expect(file.dags[0]!.dag.dagId).toBe('modern_x');
      expect(file.dags[0]!.tasks.map((task) => task.taskId)).toEqual(['say_x']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a missing resource() file names the folders looked in; --dags-folder says where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convert-dags-folder-'));
    try {
      mkdirSync(join(dir, '.git'));
      mkdirSync(join(dir, 'dags'));
      mkdirSync(join(dir, 'resources'));
      writeFileSync(
        join(dir, 'resources', 'train.yaml'),
        'kind: ModelTraining\nid: t\nspec:\n  toolchain: mlflow\n',
      );
      writeFileSync(
        join(dir, 'dags', 'd.py'),
        [
          'from airflow import DAG',
          'from odahuflow.airflow.training import TrainingOperator',
          'from odahuflow.airflow.resources import resource',
          "tid, training = resource('train.yaml')",
          "with DAG('d') as dag:",
          "    TrainingOperator(task_id='t', training=training, api_connection_id='api')",
          '',
        ].join('\n'),
      );
      const missing = await convertFile('dags/d.py', { ...options(), cwd: dir });
      expect(missing.dags[0]!.unresolved[0]!.why).toMatch(
        /^resource\(\): no file train\.yaml under dags or \. /,
      );
      const found = await convertFile('dags/d.py', { ...options(), cwd: dir, dagsFolder: 'resources' });
      expect(found.dags[0]!.unresolved).toEqual([]);
      expect(readFileSync(join(dir, 'resources', 'train.yaml'), 'utf8')).toContain('id: t');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
