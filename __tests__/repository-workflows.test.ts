// The repository's own workflows (.github/workflows): each is a valid GitHub workflow for the
// official parser, Dependabot watches npm and the actions, and the end-to-end job runs green here
// under the local runner, as it does on GitHub (its command line in this process, the actions'
// steps from their sources; its emulator the odahu-emulator command, a process).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';
import { jest } from '@jest/globals';
import { load } from 'js-yaml';
import * as core from './helpers/core-mock.js';
import { ROOT } from './helpers/run-action.js';
import { runWorkflowInProcess } from './helpers/workflow-cli.js';

jest.unstable_mockModule('@actions/core', () => core);
const { inProcessStages } = await import('./helpers/in-process.js');

const dir = join(ROOT, '.github', 'workflows');
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));

test('CI, check-dist, end to end and release', () => {
  expect(files.sort()).toEqual(['check-dist.yml', 'ci.yml', 'e2e.yml', 'release.yml']);
});

test.each(files)('%s parses and converts without errors', async (file) => {
  const content = readFileSync(join(dir, file), 'utf8');
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
  expect(template.errors ?? []).toEqual([]);
  expect(template.jobs.length).toBeGreaterThan(0);
});

test('the parse check can fail: a job without runs-on, a step with both run and uses', async () => {
  const content = 'on: push\njobs:\n  x:\n    steps:\n      - run: echo\n        uses: ./actions/train\n';
  const parsed = parseWorkflow({ name: 'broken.yml', content }, new NoOperationTraceWriter());
  const template = parsed.value ? await convertWorkflowTemplate(parsed.context, parsed.value) : undefined;
  expect(parsed.context.errors.getErrors().length + (template?.errors?.length ?? 0)).toBeGreaterThan(0);
});

test('CI tests on Node 24 (the actions runtime) and Node 20 (the engines floor)', () => {
  const ci = load(readFileSync(join(dir, 'ci.yml'), 'utf8')) as {
    jobs: { test: { strategy: { matrix: { node: number[] } } } };
  };
  expect(ci.jobs.test.strategy.matrix.node.sort()).toEqual([20, 24]);
  expect(readFileSync(join(ROOT, '.node-version'), 'utf8').trim()).toBe('24');
});

/**
 * Whether `version` (x.y.z) is in an npm engines range: alternatives (`||`) of comparators (`>=`,
 * `<=`, `>`, `<`, `^`, `~`, or a bare or x-range version) all of which hold. The forms the lockfile
 * holds; enough for this check, not a semver library.
 */
function inRange(version: string, range: string): boolean {
  const parts = (text: string) =>
    text.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : undefined));
  const [major, minor, patch] = parts(version) as number[];
  const compare = (other: (number | undefined)[]) =>
    Math.sign(major! - (other[0] ?? 0)) ||
    Math.sign(minor! - (other[1] ?? 0)) ||
    Math.sign(patch! - (other[2] ?? 0));
  const holds = (comparator: string): boolean => {
    const [, op = '', rest = ''] = /^(>=|<=|>|<|\^|~|=)?\s*(.*)$/.exec(comparator)!;
    if (rest === '*' || rest === '') return true;
    const want = parts(rest.replace(/^v/, ''));
    const prefix = (n: number) =>
      want.slice(0, n).every((part, i) => part === undefined || part === [major, minor, patch][i]);
    switch (op) {
      case '>=':
        return compare(want) >= 0;
      case '<=':
        return compare(want) <= 0;
      case '>':
        return compare(want) > 0;
      case '<':
        return compare(want) < 0;
      case '^':
        return compare(want) >= 0 && (want[0] === 0 ? prefix(2) : prefix(1));
      case '~':
        return compare(want) >= 0 && prefix(2);
      default:
        return prefix(3);
    }
  };
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
      .split(/\s+/)
      .every(holds),
  );
}

test('every locked package supports the Node versions the project declares (npm ci would warn EBADENGINE)', () => {
  expect([
    inRange('20.19.0', '>=20.19'),
    inRange('20.19.0', '^20.19.0 || ^22.13.0 || >=24'),
    inRange('20.19.0', '>=22'),
  ]).toEqual([true, true, false]);
  expect([
    inRange('20.19.0', '20 || >=22'),
    inRange('21.0.0', '20 || >=22'),
    inRange('14.20.0', '>=16 || 14 >=14.17'),
  ]).toEqual([true, false, true]);
  const declared = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }
  ).engines.node;
  // The floor the project declares (Node 20) and the actions' runtime (Node 24, .node-version).
  const floor = `${/\d+(\.\d+)?/.exec(declared)![0]}.0`.split('.').slice(0, 3).join('.');
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
  };
  const unsupported = Object.entries(lock.packages).flatMap(([path, entry]) => {
    const node = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
    if (!node || path === '') return [];
    return [floor, '24.0.0']
      .filter((version) => !inRange(version, node))
      .map(
        (version) =>
          `${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${node}, not ${version}`,
      );
  });
  expect(unsupported).toEqual([]);
});

test('Dependabot updates npm and github-actions', () => {
  const config = load(readFileSync(join(ROOT, '.github', 'dependabot.yml'), 'utf8')) as {
    updates: { 'package-ecosystem': string; directory: string }[];
  };
  expect(config.updates.map((update) => update['package-ecosystem']).sort()).toEqual([
    'github-actions',
    'npm',
  ]);
});

/** Whether the process runs (a zombie waiting for its parent to reap it does not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

test('the end-to-end job runs green under npm run workflow, and stops its emulator', async () => {
  // Port 0: the emulator takes a free port (others' tests run beside this one) and says which.
  const run = await runWorkflowInProcess(
    // Phases of 0.2 s: the steps run on the wall clock, the emulator being the job's own process.
    [
      '.github/workflows/e2e.yml',
      '--job',
      'e2e',
      '--var',
      'EMULATOR_PORT=0',
      '--var',
      'EMULATOR_SECONDS=0.2',
    ],
    // The job's own emulator, a process: its time is the wall clock's.
    { stages: inProcessStages({ wallClock: true }) },
  );
  const runDir = /^run {8}\S+ in (\S+)$/m.exec(run.stdout)?.[1];
  // The job's RUNNER_TEMP, where the workflow keeps the emulator's pid: .tmp/runs/<run>/jobs/<job>/temp.
  const jobs = runDir ? join(ROOT, runDir, 'jobs') : '';
  const temp = jobs && join(jobs, readdirSync(jobs)[0] ?? '', 'temp');
  const pid = temp && Number(readFileSync(join(temp, 'emulator.pid'), 'utf8'));
  const alive = pid ? running(pid) : false;
  if (alive && pid) process.kill(pid);
  // On a failure, the job's log says why (the runner prints each step's lines).
  const failed = run.lines.filter((line) => line.trimStart().startsWith('✗'));
  expect({ stderr: run.stderr, failed, log: failed.length > 0 ? run.stdout.slice(-6000) : '' }).toEqual({
    stderr: '',
    failed: [],
    log: '',
  });
  expect(run.code).toBe(0);
  for (const step of ['Connect the code repository', 'Train', 'Package', 'Deploy', 'Predict']) {
    expect(run.lines).toContainEqual(expect.stringMatching(new RegExp(`^✓ ${step} `)));
  }
  expect(run.lines).toContainEqual(expect.stringMatching(/^✓ The pipeline, in one step /));
  expect(run.lines).toContainEqual(expect.stringMatching(/^ {2}Both answered \{"prediction":/));
  expect(run.lines).toContainEqual(
    expect.stringMatching(/^✓ Evaluate the pipeline's model against the separate actions' /),
  );
  expect(run.lines).toContain('  ✓ agreement 1 ≥ 1');
  // The pid was read (so the check above had something to check), and that process had ended.
  expect(pid).toBeGreaterThan(0);
  expect(alive).toBe(false);
});
