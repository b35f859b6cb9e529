// A workflow path that names no file: one line with the nearest workflow file there is, found next
// to where the path points, in .github/workflows/ and in examples/workflows/ of where the user
// stands, by edit distance (`wine-canry.yml` → `examples/workflows/wine-canary.yml`).

import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { editDistance } from '../shared/edit-distance.js';
import { CannotRun } from './cannot-run.js';

function workflowsIn(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(dir, name));
}

/** Throws CannotRun when `path` is not a file: the line names it and the nearest workflow file. */
export function checkWorkflowPath(path: string, shown: string, cwd: string): void {
  if (existsSync(path) && statSync(path).isFile()) return;
  const candidates = [
    ...new Set([
      ...workflowsIn(dirname(path)),
      ...workflowsIn(join(cwd, '.github', 'workflows')),
      ...workflowsIn(join(cwd, 'examples', 'workflows')),
    ]),
  ];
  const wanted = basename(path).replace(/\.ya?ml$/, '');
  const nearest = candidates
    .map((candidate) => ({
      candidate,
      score: editDistance(wanted, basename(candidate).replace(/\.ya?ml$/, '')),
    }))
    .sort((a, b) => a.score - b.score)[0];
  const what = existsSync(path) ? 'is a folder, not a workflow file' : 'no such file';
  const suggestion =
    nearest && nearest.score <= Math.max(3, wanted.length / 2)
      ? `: did you mean ${relative(cwd, resolve(nearest.candidate)) || nearest.candidate}?`
      : candidates.length > 0
        ? ` (workflows here: ${candidates.map((each) => relative(cwd, each)).join(', ')})`
        : '';
  throw new CannotRun([`${shown}: ${what}${suggestion}`]);
}
