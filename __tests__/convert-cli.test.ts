// `odahu-actions convert` as users run it: from a repository of their own, outside the project, with
// the documented command (the package's bin, a process: it runs build/convert); and --check, in
// process, on the plugin documentation's DAG example (read from ../shared/seed/), which it must
// prove: schema, graph, a green dry run (its steps from their sources, on the emulator's clock).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { load } from 'js-yaml';
import * as core from './helpers/core-mock.js';
import { loadWorkflow } from '../src/workflow/workflow-file.js';
import { ROOT } from './helpers/run-action.js';
import { seedDag } from './helpers/seed-dag.js';

// The dry run's steps run from their sources in this process, on its emulator's clock.
jest.unstable_mockModule('@actions/core', () => core);
const { graphCheck } = await import('../src/convert/check.js');
const { convertCommand } = await import('../src/convert/cli.js');
const { convertFile } = await import('../src/convert/convert.js');
const { inProcessStages } = await import('./helpers/in-process.js');

const BIN = join(ROOT, 'bin', 'odahu-actions.js');
const FIXTURES = join(ROOT, '__tests__', 'fixtures', 'dags');

let repo: string;
beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'team-repo-'));
  spawnSync('git', ['init', '-q'], { cwd: repo });
  mkdirSync(join(repo, 'dags', 'manifests'), { recursive: true });
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

function cli(args: string[]) {
  // As from the user's shell: no ODAHU_* settings, and no INIT_CWD from the npm test that runs this.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(ODAHU_|INIT_CWD$)/.test(name)),
  );
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: repo, env, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function copyFixture(name: string, to = `dags/${name}`): void {
  writeFileSync(join(repo, to), readFileSync(join(FIXTURES, name)));
}

test('from a repository of their own: the bin converts, paths relative to where they stand, and writes the report', () => {
  copyFixture('airflow2_churn.py');
  for (const file of ['packaging.odahuflow.yaml', 'deployment.yaml'])
    copyFixture(join('manifests', file), join('dags', 'manifests', file));
  const run = cli(['convert', 'dags/airflow2_churn.py', '--report', 'migration', '--action-owner', 'acme']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(
    'dags/airflow2_churn.py:60: DAG churn_model → .github/workflows/churn_model.yml',
  );
  // The packaging file is the repository's own, read unchanged: the workflow names it, no copy is made.
  expect(run.stdout).toContain("+ dags/manifests/packaging.odahuflow.yaml (the DAG's own file)");
  expect(run.stdout).toMatch(/wrote 5 files under /);
  const workflow = load(readFileSync(join(repo, '.github', 'workflows', 'churn_model.yml'), 'utf8')) as {
    jobs: Record<string, { steps: { uses?: string }[] }>;
  };
  const uses = Object.values(workflow.jobs).flatMap((job) =>
    job.steps.map((step) => step.uses).filter(Boolean),
  );
  expect(uses).toContain('acme/odahu-actions/train@v1');
  expect(readFileSync(join(repo, '.github', 'workflows', 'churn_model.yml'), 'utf8')).toContain(
    'packaging: dags/manifests/packaging.odahuflow.yaml',
  );
  expect(existsSync(join(repo, 'odahu', 'churn_model', 'training-churn-2-1.odahuflow.yaml'))).toBe(true);
  const report = JSON.parse(readFileSync(join(repo, 'migration.json'), 'utf8')) as {
    dags: { dagId: string; tasks: unknown[] }[];
  };
  expect(report.dags[0]).toMatchObject({ dagId: 'churn_model' });
  expect(report.dags[0]!.tasks).toHaveLength(10);
  expect(readFileSync(join(repo, 'migration.md'), 'utf8')).toContain('## DAG `churn_model`');
});

test('bad usage is one line and exit 2; a DAG it cannot read is one line naming file and line, exit 1, nothing written', () => {
  expect(cli(['convert'])).toMatchObject({
    code: 2,
    stderr: 'convert: name at least one DAG file (odahu-actions convert dags/my_dag.py)\n',
  });
  expect(cli(['convert', 'x.py', '--nope'])).toMatchObject({
    code: 2,
    stderr: "convert: Unknown option '--nope' (see --help)\n",
  });
  expect(cli(['nope'])).toMatchObject({ code: 2 });
  copyFixture('unreadable_loop.py');
  copyFixture('every_dependency.py');
  const run = cli(['convert', 'dags/every_dependency.py', 'dags/unreadable_loop.py']);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    'dags/unreadable_loop.py:8: dynamic task generation in a loop (for model in MODELS:): write the tasks out, or convert this DAG by hand\n',
  );
  expect(existsSync(join(repo, '.github'))).toBe(false);
});

test('a file given as --out, or a folder given as a DAG, is one line before anything is written; --report makes its folder', async () => {
  copyFixture('every_dependency.py');
  const run = async (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await convertCommand(args, {
      cwd: repo,
      write: (text) => (stdout += text),
      error: (text) => (stderr += text),
      environment: {},
    });
    return { code, stdout, stderr };
  };
  expect(await run(['dags/every_dependency.py', '--out', 'dags/every_dependency.py'])).toMatchObject({
    code: 2,
    stderr: 'convert: --out dags/every_dependency.py: a file, not a folder to write the workflows into\n',
  });
  expect(await run(['dags'])).toMatchObject({
    code: 1,
    stderr: 'dags:1: cannot read the DAG file: it is a folder: name its DAG files (dags/*.py)\n',
  });
  expect(existsSync(join(repo, '.github'))).toBe(false);
  const reported = await run(['dags/every_dependency.py', '--report', 'reports/migration']);
  expect(reported).toMatchObject({ code: 0, stderr: '' });
  expect(existsSync(join(repo, 'reports', 'migration.json'))).toBe(true);
  expect(existsSync(join(repo, 'reports', 'migration.md'))).toBe(true);
});

describe("the plugin documentation's DAG example", () => {
  const source = seedDag();
  const maybe = source === undefined ? test.skip : test;

  maybe(
    '--check proves it: GitHub schema, the DAG graph, a green dry run on the emulator, no placeholder left',
    async () => {
      writeFileSync(join(repo, 'dags', 'wine.py'), source!);
      let stdout = '';
      let stderr = '';
      const code = await convertCommand(['dags/wine.py', '--check'], {
        cwd: repo,
        write: (text) => (stdout += text),
        error: (text) => (stderr += text),
        environment: process.env,
        stages: (cluster, emulator) => inProcessStages({ emulator })(cluster),
      });
      expect(stderr).toBe('');
      expect({ code, stdout }).toMatchObject({ code: 0 });
      expect(stdout).toContain(
        "✓ GitHub's workflow schema: .github/workflows/wine_model.yml parses (3 jobs, 10 steps)",
      );
      expect(stdout).toContain("✓ the DAG's graph holds: 11 tasks in their steps, all 10 dependencies kept");
      expect(stdout).toMatch(
        /✓ dry run on the embedded emulator: run succeeded in [\d.]+s: succeeded data_extraction … wait_for_deployment, model_predict_request, model_info_request/,
      );
      expect(stdout).toContain(
        'connections created on the emulator as placeholders (the real cluster must have them): odahu-flow-examples',
      );
      expect(stdout).toContain('not-converted steps skipped: data_extraction');
      expect(stdout).toContain('✓ check passed');
      // The file as written still fails where the work was not converted.
      const written = readFileSync(join(repo, '.github', 'workflows', 'wine_model.yml'), 'utf8');
      expect(written).toContain(
        'data_extraction (GoogleCloudStorageToGoogleCloudStorageOperator) was not converted',
      );
      expect(written).not.toContain('if: ${{ false }}');
    },
  );

  maybe('the graph check fails when a dependency no longer holds', async () => {
    writeFileSync(join(repo, 'dags', 'wine.py'), source!);
    const file = await convertFile('dags/wine.py', {
      cwd: repo,
      outDir: repo,
      actionOwner: 'odahu',
      actionRef: 'v1',
      allowTodo: false,
    });
    const dag = file.dags[0]!;
    const path = join(repo, 'broken.yml');
    writeFileSync(path, dag.workflow.replace('    needs: data_extraction\n', ''));
    const result = graphCheck(dag, await loadWorkflow(path, 'broken.yml'));
    expect(result.ok).toBe(false);
    expect(result.details).toEqual([
      'wait_for_deployment >> model_predict_request (lines 166, 173) does not hold: model_predict_request (job model_predict_request) may run before wait_for_deployment (job data_extraction) ends',
    ]);
  });
});
