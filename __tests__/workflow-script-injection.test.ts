// GitHub's script-injection pattern: `${{ }}` written into a `run:` script is pasted into the shell
// before it runs, so an output holding `"; curl ... #` (a cluster's URL, a model's answer, a pull
// request's title) becomes code. Users copy the examples: every script in them, in this repository's
// own workflows and in the composite actions gets such values through `env:` only.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { ROOT } from './helpers/run-action.js';

interface Step {
  name?: string;
  run?: unknown;
}

/** Every `run:` script of a workflow or a composite action.yml, named by where it is. */
export function scriptsOf(file: string, text: string): { where: string; script: string }[] {
  const document = load(text) as {
    jobs?: Record<string, { steps?: Step[] }>;
    runs?: { steps?: Step[] };
  } | null;
  const stepLists: [string, Step[]][] = [
    ...Object.entries(document?.jobs ?? {}).map(([job, { steps }]): [string, Step[]] => [
      `job ${job}`,
      steps ?? [],
    ]),
    ['runs', document?.runs?.steps ?? []],
  ];
  return stepLists.flatMap(([where, steps]) =>
    steps
      .filter((step) => typeof step.run === 'string')
      .map((step, index) => ({
        where: `${file}: ${where}, step ${step.name ?? index + 1}`,
        script: step.run as string,
      })),
  );
}

/** `${{` in a script, where the runner would paste a value into the code. */
function injected(scripts: { where: string; script: string }[]): string[] {
  return scripts.filter(({ script }) => /\$\{\{/.test(script)).map(({ where }) => where);
}

const sources = [
  ...readdirSync(join(ROOT, 'examples', 'workflows')).map((name) => join('examples', 'workflows', name)),
  ...readdirSync(join(ROOT, '.github', 'workflows')).map((name) => join('.github', 'workflows', name)),
  ...readdirSync(join(ROOT, 'actions')).map((name) => join('actions', name, 'action.yml')),
].filter((path) => /\.ya?ml$/.test(path));

test('the check finds every kind of file, and a script that pastes an output', () => {
  expect(sources).toEqual(
    expect.arrayContaining([
      'examples/workflows/wine.yml',
      '.github/workflows/e2e.yml',
      'actions/pipeline/action.yml',
    ]),
  );
  const bad =
    'jobs:\n  a:\n    steps:\n      - name: say\n        run: echo "${{ steps.deploy.outputs.url }}"\n';
  expect(injected(scriptsOf('bad.yml', bad))).toEqual(['bad.yml: job a, step say']);
  const good =
    'jobs:\n  a:\n    steps:\n      - name: say\n        env:\n          URL: ${{ steps.deploy.outputs.url }}\n        run: echo "$URL"\n';
  expect(injected(scriptsOf('good.yml', good))).toEqual([]);
});

test.each(sources)('%s writes no ${{ }} into a run: script (values go through env:)', (path) => {
  const scripts = scriptsOf(path, readFileSync(join(ROOT, path), 'utf8'));
  expect(injected(scripts)).toEqual([]);
});
