// The Airflow plugin documentation's DAG example, read from ../shared/seed/ where it is (never copied
// into the project): the page lists the line numbers, then the code, then "In this file, ...".
// Without the file the tests that need it skip, saying so in one line; with CI=true they fail.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-action.js';

export const SEED_PAGE = join(ROOT, '..', 'shared', 'seed', '000_b0de492de2b70b9b.txt');

/** The DAG's source, or undefined (after one line saying why) when the page is not there. */
export function seedDag(): string | undefined {
  if (!existsSync(SEED_PAGE)) {
    if (process.env.CI === 'true')
      throw new Error(`${SEED_PAGE} is missing, and CI=true: the seed DAG's tests may not be skipped`);
    console.log(
      `Skipped (${SEED_PAGE} is missing): the conversion of the plugin documentation's DAG example.`,
    );
    return undefined;
  }
  const lines = readFileSync(SEED_PAGE, 'utf8').split('\n');
  const title = lines.findIndex((line) => line.trim() === 'dag.py');
  let start = title + 1;
  while (start < lines.length && /^\s*\d+\s*$/.test(lines[start] ?? '')) start += 1;
  const end = lines.findIndex((line, index) => index > start && line.startsWith('In this file, we create'));
  if (title < 0 || end < 0) throw new Error(`${SEED_PAGE}: no dag.py example found in it`);
  return `${lines.slice(start, end).join('\n').trimEnd()}\n`;
}
