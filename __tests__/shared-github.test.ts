// The GitHub-facing modules on their own: the run read from the runner's variables and event file,
// the report comment's marker and sections, what a section says (escaped, cut), the failure lines,
// the provenance annotations, and the version they name.

import { jest } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputReader } from '../src/shared/action/inputs.js';
import {
  PROVENANCE_KEYS,
  provenanceOf,
  withProvenance,
  withoutProvenance,
} from '../src/shared/action/provenance.js';
import { describeGitHubFailure } from '../src/shared/github/api.js';
import { readGitHubReportInputs } from '../src/shared/github/inputs.js';
import {
  LEFT_OUT_SECTION,
  MAX_COMMENT_CHARS,
  parseReportMarker,
  reportBody,
  reportMarker,
  sameReport,
  sectionsOf,
} from '../src/shared/github/pr-comment.js';
import { MAX_SECTION_CHARS, predictionTable, renderSection } from '../src/shared/github/report-section.js';
import { MAX_STEP_SUMMARY_BYTES, writeSummary } from '../src/shared/action/summary.js';
import { readGitHubRun } from '../src/shared/action/github-run.js';
import { readSavedSections, saveSection } from '../src/shared/github/saved-section.js';
import { ACTIONS_VERSION } from '../src/shared/version.js';
import { ROOT } from './helpers/run-action.js';

function eventFile(payload: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'odahu-event-')), 'event.json');
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return path;
}

const RUN_ENV = {
  GITHUB_REPOSITORY: 'acme/models',
  GITHUB_SERVER_URL: 'https://github.example.com/',
  GITHUB_API_URL: 'https://github.example.com/api/v3',
  GITHUB_RUN_ID: '77',
  GITHUB_RUN_ATTEMPT: '3',
  GITHUB_SHA: 'f'.repeat(40),
  GITHUB_REF: 'refs/pull/5/merge',
  GITHUB_WORKFLOW: 'Models',
  GITHUB_WORKFLOW_REF: 'acme/models/.github/workflows/models.yml@refs/pull/5/merge',
  GITHUB_JOB: 'model',
  GITHUB_ACTION: '__odahu_odahu-actions_2',
  GITHUB_ACTOR: 'octocat',
  GITHUB_EVENT_NAME: 'pull_request',
};

describe('the run', () => {
  test('from the runner: run URL with its attempt, workflow file, the pull request', () => {
    const path = eventFile({
      number: 5,
      pull_request: {
        number: 5,
        html_url: 'https://github.example.com/acme/models/pull/5',
        head: { ref: 'feature', sha: 'e'.repeat(40), repo: { full_name: 'acme/models' } },
      },
    });
    const { run, problems } = readGitHubRun({ ...RUN_ENV, GITHUB_EVENT_PATH: path }, 'deploy');
    expect(problems).toEqual([]);
    expect(run).toEqual({
      repository: { owner: 'acme', repo: 'models' },
      serverUrl: 'https://github.example.com',
      apiUrl: 'https://github.example.com/api/v3',
      sha: 'f'.repeat(40),
      ref: 'refs/pull/5/merge',
      runId: '77',
      runUrl: 'https://github.example.com/acme/models/actions/runs/77/attempts/3',
      workflow: '.github/workflows/models.yml',
      workflowName: 'Models',
      job: 'model',
      step: '__odahu_odahu-actions_2',
      actor: 'octocat',
      eventName: 'pull_request',
      pullRequest: {
        number: 5,
        url: 'https://github.example.com/acme/models/pull/5',
        headBranch: 'feature',
        headSha: 'e'.repeat(40),
        fromFork: false,
      },
      actionRef: undefined,
    });
  });

  test("a fork's branch is not ours; other events have no pull request", () => {
    const fork = eventFile({
      pull_request: {
        number: 6,
        head: { ref: 'main', sha: '1'.repeat(40), repo: { full_name: 'x/models' } },
      },
    });
    const { run } = readGitHubRun({ ...RUN_ENV, GITHUB_EVENT_PATH: fork }, 'deploy');
    expect(run.pullRequest).toMatchObject({
      number: 6,
      headBranch: undefined,
      headSha: '1'.repeat(40),
      fromFork: true,
    });
    const push = readGitHubRun({ ...RUN_ENV, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: fork }, 'x').run;
    expect(push.pullRequest).toBeUndefined();
  });

  test("the action's ref: from the runner, else from a composite's action path", () => {
    const named = { GITHUB_ACTION_REPOSITORY: 'odahu/odahu-actions', GITHUB_ACTION_REF: 'v1' };
    expect(readGitHubRun(named, 'deploy').run.actionRef).toBe('odahu/odahu-actions/deploy@v1');
    // In a composite's steps GitHub leaves both empty; the action's folder says them.
    const composite = {
      GITHUB_ACTION_REPOSITORY: '',
      GITHUB_ACTION_REF: '',
      GITHUB_ACTION_PATH: '/home/runner/work/_actions/odahu/odahu-actions/v1.2.0/pipeline',
    };
    expect(readGitHubRun(composite, 'deploy').run.actionRef).toBe('odahu/odahu-actions/deploy@v1.2.0');
    const windows = { GITHUB_ACTION_PATH: 'D:\\a\\_actions\\odahu\\odahu-actions\\v1\\pipeline' };
    expect(readGitHubRun(windows, 'train').run.actionRef).toBe('odahu/odahu-actions/train@v1');
    // A local action (uses: ./actions/pipeline), or a ref with a slash: not guessed.
    for (const path of [
      '/home/runner/work/models/models/actions/pipeline',
      '/w/_actions/o/r/feature/x/pipeline',
    ])
      expect(readGitHubRun({ GITHUB_ACTION_PATH: path }, 'deploy').run.actionRef).toBeUndefined();
  });

  test('outside GitHub: defaults, and nothing to link to', () => {
    const { run, problems } = readGitHubRun({}, 'deploy');
    expect(problems).toEqual([]);
    expect(run).toMatchObject({
      repository: undefined,
      apiUrl: 'https://api.github.com',
      runUrl: undefined,
      workflow: undefined,
    });
  });

  test('what cannot be read is named', () => {
    const { problems } = readGitHubRun(
      {
        GITHUB_REPOSITORY: 'just-a-name',
        GITHUB_API_URL: 'api.github.com',
        GITHUB_EVENT_PATH: eventFile('{not json'),
      },
      'deploy',
    );
    expect(problems).toEqual([
      'GITHUB_API_URL is not a URL: "api.github.com"',
      'GITHUB_REPOSITORY is not owner/name: "just-a-name"',
      expect.stringMatching(/^the event payload \(GITHUB_EVENT_PATH .*event\.json\) cannot be read: /),
    ]);
  });

  test("the runner's problems are input problems only when something is to be told to GitHub", () => {
    const env = { ...RUN_ENV, GITHUB_EVENT_PATH: '/nonexistent/event.json' };
    const source = (inputs: Record<string, string>) => ({ input: (name: string) => inputs[name] ?? '', env });
    const quiet = new InputReader(source({}));
    expect(readGitHubReportInputs(quiet, 'deploy', { withEnvironment: true }).api).toBeUndefined();
    expect(() => quiet.finish()).not.toThrow();
    const asked = new InputReader(source({ 'pr-comment': 'true', 'github-token': 't' }));
    readGitHubReportInputs(asked, 'deploy', { withEnvironment: true });
    expect(() => asked.finish()).toThrow(
      /^pr-comment: the event payload \(GITHUB_EVENT_PATH \/nonexistent\/event\.json\) cannot be read/,
    );
  });
});

test('github-environment without a ref to record: a warning, and no deployment asked for', () => {
  const env = { GITHUB_REPOSITORY: 'acme/models' };
  const inputs: Record<string, string> = { 'github-environment': 'staging', 'github-token': 't' };
  const reader = new InputReader({ input: (name: string) => inputs[name] ?? '', env });
  const written: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  try {
    expect(readGitHubReportInputs(reader, 'deploy', { withEnvironment: true }).environment).toBeUndefined();
  } finally {
    write.mockRestore();
  }
  expect(written.join('')).toContain('::warning::github-environment: the run names no ref');
  const withRef = new InputReader({
    input: (name: string) => inputs[name] ?? '',
    env: { ...env, GITHUB_SHA: 'abc' },
  });
  expect(readGitHubReportInputs(withRef, 'deploy', { withEnvironment: true }).environment).toEqual({
    name: 'staging',
    ref: 'abc',
  });
});

describe('the report comment', () => {
  const key = { workflow: 'a b/-->', job: 'j=1', resource: 'wine', url: 'http://x/model/wine' };

  test('the marker holds any value, and only a first line is a marker', () => {
    const marker = reportMarker(key);
    expect(marker).not.toMatch(/-->.*-->/);
    expect(parseReportMarker(`${marker}\nrest`)).toEqual(key);
    expect(parseReportMarker(`> ${marker}`)).toBeUndefined();
    expect(parseReportMarker('<!-- odahu-actions:report workflow=w job=j -->')).toBeUndefined();
  });

  test('a report is the same workflow and job, and the same model by id or by URL', () => {
    expect(sameReport(key, { ...key, url: undefined })).toBe(true);
    expect(sameReport(key, { ...key, resource: 'http://x/model/wine', url: 'http://x/model/wine/' })).toBe(
      true,
    );
    expect(sameReport(key, { ...key, resource: 'other', url: undefined })).toBe(false);
    expect(sameReport(key, { ...key, job: 'other' })).toBe(false);
    expect(sameReport(key, { ...key, workflow: 'other' })).toBe(false);
  });

  test('sections come back out of a body in order, each with the run that wrote it', () => {
    const run = 'https://github.com/acme/models/actions/runs/7/attempts/2';
    const sections = [
      { id: 'deploy', run, markdown: '#### one\n\nline' },
      { id: 'pipeline.__run_2', run, markdown: 'two' },
      // As a report written before sections named their run holds them.
      { id: 'predict', run: '', markdown: 'three' },
    ];
    const body = reportBody(key, 'Title', sections, '<sub>f</sub>');
    expect(body).toContain(`<!-- odahu-actions:section deploy run=${encodeURIComponent(run)} -->\n`);
    expect(body).toContain('<!-- odahu-actions:section predict -->\n');
    expect(sectionsOf(body)).toEqual(sections);
    expect(parseReportMarker(body)).toEqual(key);
  });

  test("stays under GitHub's 65,536 characters: the longest sections give way to a note under their heading", () => {
    const run = 'https://github.com/acme/models/actions/runs/1/attempts/1';
    const long = (title: string) => `#### ${title}\n\n${'x'.repeat(40_000)}`;
    const sections = [
      { id: 'train', run, markdown: '#### ✅ Odahu train\n\nshort' },
      { id: 'deploy', run, markdown: long('✅ Odahu deploy') },
      { id: 'evaluate', run, markdown: long('❌ Odahu evaluate') },
    ];
    const body = reportBody(key, 'Title', sections, '<sub>f</sub>');
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(sectionsOf(body).map((section) => section.markdown.split('\n')[0])).toEqual([
      '#### ✅ Odahu train',
      '#### ✅ Odahu deploy',
      '#### ❌ Odahu evaluate',
    ]);
    // One gave way, the other still fits.
    expect(body).toContain(`#### ❌ Odahu evaluate\n\n${LEFT_OUT_SECTION}`);
    expect(body.match(/x{40000}/g)).toHaveLength(1);
  });
});

describe('a section', () => {
  test('values from servers and models are escaped, in <code>, and cut', () => {
    const markdown = renderSection({
      title: 'Odahu predict',
      rows: [
        {
          kind: 'Model',
          id: 'wine',
          action: 'predicted',
          state: '200',
          durationMs: 1200,
          outputs: { response: `<img src=x onerror=alert(1)> @octocat ${'9'.repeat(400)}` },
        },
      ],
      tables: [{ heading: 'Prediction', columns: ['<b>'], rows: [['@octocat #1']] }],
      failure: 'line one\nline <two>',
    });
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('<b>');
    // In <code>, and even so no @ or # that GitHub could make a mention or a reference of.
    expect(markdown).toContain('<td><code>&#64;&#8288;octocat &#35;&#8288;1</code></td>');
    expect(markdown).toContain(`${'9'.repeat(100)}…`);
    expect(markdown).not.toContain('9'.repeat(400));
    expect(markdown).toMatch(/^#### ❌ Odahu predict/);
    expect(markdown).toContain('**Failed:** line one line &#60;two&#62;');
  });

  test("a prediction's first rows, with its columns", () => {
    expect(
      predictionTable(
        {
          prediction: [
            [1, 'a'],
            [2, 'b'],
            [3, 'c'],
          ],
          columns: ['n'],
        },
        2,
      ),
    ).toEqual({
      heading: 'Prediction',
      columns: ['n', 'column 2'],
      rows: [
        ['1', 'a'],
        ['2', 'b'],
      ],
      note: 'first 2 of 3 rows',
    });
    expect(predictionTable({ prediction: [0.5] })?.note).toBe('1 row');
    expect(predictionTable({ answer: 42 })).toBeUndefined();
  });
});

describe("GitHub's limits", () => {
  test('a section keeps its tables under its budget, saying how many rows were left out', () => {
    const wide = 'w'.repeat(300);
    const markdown = renderSection({
      title: 'Odahu predict',
      rows: [],
      tables: [{ heading: 'Prediction', columns: ['a', 'b'], rows: Array(20).fill(['<'.repeat(300), wide]) }],
      failure: undefined,
    });
    expect(markdown.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
    expect(markdown).toMatch(/\(\d+ more rows left out to keep the comment under GitHub&#39;s limit\)/);
  });

  test("a comment over 65,536 characters leaves out the longest sections, this step's last", () => {
    const key = { workflow: 'w.yml', job: 'j', resource: 'wine' };
    const big = (id: string) => ({ id, run: 'r', markdown: 'x'.repeat(MAX_SECTION_CHARS) });
    const sections = [
      big('train'),
      big('package'),
      big('deploy'),
      big('predict'),
      big('check'),
      { id: 'mine', run: 'r', markdown: 'y'.repeat(MAX_SECTION_CHARS) },
    ];
    const body = reportBody(key, 'Title', sections, 'footer', 'mine');
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    const shown = sectionsOf(body);
    expect(shown.map((section) => section.id)).toEqual(sections.map((section) => section.id));
    expect(shown.find((section) => section.id === 'mine')!.markdown).toBe('y'.repeat(MAX_SECTION_CHARS));
    expect(shown.filter((section) => section.markdown === LEFT_OUT_SECTION).length).toBeGreaterThan(0);
  });

  test("a step's summary stays under 1 MiB: rows that do not fit are left out, with a line", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md');
    writeFileSync(path, 'x'.repeat(MAX_STEP_SUMMARY_BYTES - 50_000));
    const saved = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = path;
    try {
      const row = {
        kind: 'ModelDeployment',
        id: 'wine',
        action: 'created',
        state: 'Ready',
        durationMs: 1000,
      };
      const rows = Array.from({ length: 200 }, (_, i) => ({
        ...row,
        outputs: { note: `${i} ${'<'.repeat(290)}` },
      }));
      await writeSummary('Odahu apply', rows);
      const written = readFileSync(path, 'utf8');
      expect(Buffer.byteLength(written)).toBeLessThanOrEqual(MAX_STEP_SUMMARY_BYTES);
      expect(written).toMatch(
        /<p>\d+ of 200 rows left out: GitHub shows a step's summary only up to 1 MiB\.<\/p>/,
      );
    } finally {
      process.env.GITHUB_STEP_SUMMARY = saved;
      if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    }
  });
});

describe('failures of GitHub calls', () => {
  const answer = (status: number, message: string) =>
    Object.assign(new Error(message), { status, response: { data: { message } } });

  test('each says what to change', () => {
    expect(
      describeGitHubFailure(answer(403, 'Resource not accessible by integration'), 'X', 'p: write'),
    ).toMatch(
      /^X was refused \(403 Resource not accessible by integration\): the workflow's token needs `permissions: p: write`/,
    );
    expect(describeGitHubFailure(answer(403, 'API rate limit exceeded'), 'X', 'p: write')).toBe(
      'X failed: 403 API rate limit exceeded',
    );
    expect(describeGitHubFailure(answer(401, 'Bad credentials'), 'X', 'p')).toBe(
      'X was refused (401 Bad credentials): github-token is not a valid token',
    );
    expect(describeGitHubFailure(answer(422, 'No ref found for: x'), 'X', 'p')).toBe(
      'X failed: 422 No ref found for: x',
    );
    // No answer at all: Octokit's own 500 without a response.
    expect(
      describeGitHubFailure(Object.assign(new Error('connect ECONNREFUSED'), { status: 500 }), 'X', 'p'),
    ).toBe('X failed: connect ECONNREFUSED');
  });
});

describe('provenance', () => {
  test('outside GitHub, only the action and the version', () => {
    expect(provenanceOf(readGitHubRun({}, 'deploy').run, 'deploy')).toEqual({
      [PROVENANCE_KEYS.action]: 'odahu-actions/deploy',
      [PROVENANCE_KEYS.version]: ACTIONS_VERSION,
    });
  });

  test("ours replaced, the manifest's kept", () => {
    const deployment = {
      id: 'wine',
      spec: {
        image: 'i',
        predictor: 'p',
        annotations: { team: 'wine', [PROVENANCE_KEYS.commit]: 'old', [PROVENANCE_KEYS.actor]: 'old' },
      },
    };
    const written = withProvenance(deployment, { [PROVENANCE_KEYS.commit]: 'new' });
    expect(written.spec.annotations).toEqual({ team: 'wine', [PROVENANCE_KEYS.commit]: 'new' });
    expect(deployment.spec.annotations[PROVENANCE_KEYS.commit]).toBe('old');
    expect(withoutProvenance(written.spec).annotations).toEqual({ team: 'wine' });
  });

  test('the version is the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(ACTIONS_VERSION).toBe(pkg.version);
  });
});

describe('a saved section (a fork run keeps it; the report action reads it back)', () => {
  const good = {
    pullRequest: 7,
    headSha: 'c'.repeat(40),
    key: { workflow: '.github/workflows/models.yml', job: 'evaluate', resource: 'wine' },
    stepId: 'evaluate',
    run: 'https://github.com/acme/models/actions/runs/1/attempts/1',
    section: {
      title: 'Odahu evaluate',
      rows: [
        { kind: 'Evaluation', id: 'wine', action: 'evaluated', state: 'passed', durationMs: 5, outputs: {} },
      ],
      tables: [{ heading: 'Metrics', columns: ['Metric'], rows: [['rmse']] }],
      charts: [{ title: 't', categories: ['a'], yTitle: 'y', bars: { name: 'b', values: [1] } }],
      failure: undefined,
    },
  };

  test('reads back what was saved, and names the first problem of each file that is no section', () => {
    const folder = mkdtempSync(join(tmpdir(), 'saved-'));
    saveSection(folder, good);
    const file = (name: string, value: unknown) =>
      writeFileSync(join(folder, name), typeof value === 'string' ? value : JSON.stringify(value));
    const saved = JSON.parse(readFileSync(join(folder, readdirSync(folder)[0]!), 'utf8')) as Record<
      string,
      unknown
    >;
    file('not-json.json', '{');
    file('big.json', `"${'x'.repeat(300 * 1024)}"`);
    file('version.json', { ...saved, version: 9 });
    file('sha.json', { ...saved, headSha: 'main' });
    file('rows.json', { ...saved, section: { ...good.section, rows: 'many' } });
    file('cell.json', {
      ...saved,
      section: { ...good.section, tables: [{ heading: 'h', columns: ['c'], rows: [[1]] }] },
    });
    file('chart.json', {
      ...saved,
      section: {
        ...good.section,
        charts: [{ ...good.section.charts[0], bars: { name: 'b', values: ['1'] } }],
      },
    });
    file('outputs.json', {
      ...saved,
      section: { ...good.section, rows: [{ ...good.section.rows[0], outputs: { o: 1 } }] },
    });
    file('long.json', { ...saved, stepId: 'x'.repeat(201) });
    const { sections, problems } = readSavedSections(folder);
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatchObject({ stepId: 'evaluate', pullRequest: 7 });
    expect(problems).toEqual([
      'big.json: larger than 256 KB: not a report section',
      'cell.json: section tables [0] rows [0] [0] not text',
      'chart.json: section charts [0] bars values [0] not a number',
      'long.json: stepId longer than 200 characters',
      'not-json.json: not JSON',
      'outputs.json: section rows [0] outputs o not text',
      'rows.json: section rows not a list',
      'sha.json: headSha not a commit',
      expect.stringMatching(/^version\.json: version 9 is not \d+$/),
    ]);
    expect(readSavedSections(join(folder, 'nowhere'))).toEqual({ sections: [], problems: [] });
  });

  test('a value longer than a saved section may hold (a long model answer) is saved cut, not refused', () => {
    const folder = mkdtempSync(join(tmpdir(), 'saved-'));
    const answer = '😀'.repeat(3000);
    const row = good.section.rows[0]!;
    saveSection(folder, {
      ...good,
      section: {
        ...good.section,
        rows: [{ ...row, outputs: { response: answer } }],
        tables: [{ heading: 'Prediction', columns: ['Answer'], rows: [[answer]] }],
        failure: answer,
      },
    });
    const { sections, problems } = readSavedSections(folder);
    expect(problems).toEqual([]);
    expect(sections[0]!.section.rows[0]!.outputs.response).toMatch(/^😀+…$/u);
    expect(sections[0]!.section.tables[0]!.rows[0]![0]).toMatch(/^😀+…$/u);
  });
});

test("GitHub's message in a failure line is one inert line: it cannot start a workflow command", () => {
  const error = Object.assign(new Error('HttpError'), {
    status: 422,
    response: { status: 422, data: { message: 'bad\n::add-mask::x\n##[stop-commands]y' } },
  });
  const line = describeGitHubFailure(error, 'Dispatching', 'actions: write');
  expect(line).not.toMatch(/[\r\n]/);
  expect(line).not.toContain('##[');
  expect(line).toContain('422');
});
