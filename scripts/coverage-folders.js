#!/usr/bin/env node
// The coverage of each folder of src/ from the last `npm test -- --coverage` (coverage/coverage-summary.json):
// statements, branches, functions and lines, as the floors in jest.config.js are set. .ci/run prints it.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const summary = JSON.parse(readFileSync(join(root, 'coverage', 'coverage-summary.json'), 'utf8'));
const KEYS = ['statements', 'branches', 'functions', 'lines'];
const folders = new Map();
for (const [file, metrics] of Object.entries(summary)) {
  if (file === 'total') continue;
  const parts = relative(root, file).split('/');
  // src/<folder>, and src/shared's own folders (its basics, src/shared/*.ts, together).
  const folder =
    parts[1] === 'shared' && parts.length > 3 ? parts.slice(0, 3).join('/') : parts.slice(0, 2).join('/');
  const sums = folders.get(folder) ?? Object.fromEntries(KEYS.map((key) => [key, [0, 0]]));
  for (const key of KEYS) {
    sums[key][0] += metrics[key].covered;
    sums[key][1] += metrics[key].total;
  }
  folders.set(folder, sums);
}
const percent = ([covered, total]) =>
  (total === 0 ? '-' : `${((100 * covered) / total).toFixed(1)}%`).padStart(8);
console.log(`${'coverage'.padEnd(22)}${KEYS.map((key) => key.padStart(11)).join('')}`);
for (const [folder, sums] of [...folders].sort()) {
  console.log(`${folder.padEnd(22)}${KEYS.map((key) => percent(sums[key]).padStart(11)).join('')}`);
}
