// The README is a front page (under 200 lines, a table of contents) and the rest is in docs/ by
// topic; every page's links lead somewhere, and the commands and flags the pages give exist: npm
// scripts, odahu-actions commands, the workflow runner's, the emulator's and convert's flags.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { workflowCli } from '../src/workflow/cli.js';
import { ROOT } from './helpers/run-action.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)];
const SCRIPTS = Object.keys(
  (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts,
);
const COMMANDS = [...read('bin/odahu-actions.js').matchAll(/^ {2}([a-z]+): \{/gm)].map((m) => m[1]);

async function workflowFlags(): Promise<Set<string>> {
  let usage = '';
  await workflowCli(['--help'], {
    stdout: (text) => void (usage += text),
    stderr: () => undefined,
    env: {},
    cwd: ROOT,
    color: false,
    repoRoot: ROOT,
  });
  return new Set(usage.match(/--[a-z][a-z-]*/g));
}

const sourceFlags = (...paths: string[]) =>
  new Set(
    paths.flatMap((path) =>
      existsSync(join(ROOT, path)) ? (read(path).match(/--[a-z][a-z-]*/g) ?? []) : [],
    ),
  );

test('the README is a front page: under 200 lines, a table of contents, the two commands', () => {
  const readme = read('README.md');
  expect(readme.split('\n').length).toBeLessThan(200);
  const sections = [...readme.matchAll(/^## (.+)$/gm)]
    .map((m) => m[1]!)
    .filter((title) => title !== 'Contents');
  const contents = readme.slice(
    readme.indexOf('## Contents'),
    readme.indexOf('\n## ', readme.indexOf('## Contents') + 1),
  );
  for (const title of sections) expect(contents).toContain(`[${title}](#`);
  expect(readme).toContain('npm ci && npm run demo');
  expect(readme).toContain('npm ci && npm test');
  for (const page of [
    'settings',
    'reliability',
    'security',
    'github-reports',
    'local-runs',
    'airflow',
    'emulator',
  ]) {
    expect(readme).toContain(`(docs/${page}.md)`);
  }
});

test.each(PAGES)('%s: its links lead to files that exist', (page) => {
  const text = read(page);
  for (const [, target] of text.matchAll(/\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g)) {
    if (/^(https?|mailto):/.test(target!)) continue;
    expect([page, target, existsSync(resolve(ROOT, dirname(page), target!))]).toEqual([page, target, true]);
  }
});

test.each(PAGES)('%s: the commands and flags it gives exist', async (page) => {
  const text = read(page);
  const blocks = [...text.matchAll(/```(?:sh|bash)?\n([\s\S]*?)```/g)].map((m) => m[1]!).join('\n');
  for (const [, script] of blocks.matchAll(/npm run ([a-z-]+)/g))
    expect([page, script, SCRIPTS.includes(script!)]).toEqual([page, script, true]);
  for (const [, command] of `${blocks}\n${text}`.matchAll(
    /(?:npx (?:--yes )?(?:github:odahu\/odahu-actions#v1 |odahu-actions )|odahu-actions )(workflow|emulator|demo|convert|[a-z]+)\b/g,
  )) {
    expect([page, command, COMMANDS.includes(command)]).toEqual([page, command, true]);
  }
  const runner = await workflowFlags();
  const emulator = sourceFlags('src/emulator/cli.ts');
  const convert = sourceFlags('src/convert/cli.ts', 'src/convert/index.ts', 'src/convert/options.ts');
  for (const line of blocks.split('\n')) {
    const known = /(npm run workflow|odahu-actions.* workflow)/.test(line)
      ? runner
      : /(npm run emulator|odahu-emulator|odahu-actions.* emulator)/.test(line)
        ? emulator
        : /(npm run convert|odahu-actions.* convert)/.test(line)
          ? convert
          : undefined;
    if (!known) continue;
    for (const flag of line.replace(/#.*$/, '').match(/(?<=\s)--[a-z][a-z-]*/g) ?? []) {
      if (flag === '--help' || flag === '--yes') continue;
      expect([page, line.trim(), flag, known.has(flag)]).toEqual([page, line.trim(), flag, true]);
    }
  }
  // The runner's flag table: every flag it lists is one the runner takes.
  if (page === 'docs/local-runs.md') {
    for (const [, flag] of text.matchAll(/^\| `(--[a-z-]+)/gm))
      expect([flag, runner.has(flag!)]).toEqual([flag, true]);
  }
});
