#!/usr/bin/env node
// Keeps each actions/<name>/README.md's inputs and outputs tables in step with its action.yml: the
// tables live between `<!-- inputs -->`/`<!-- /inputs -->` and `<!-- outputs -->`/`<!-- /outputs -->`.
// Usage: node scripts/readme-tables.js          rewrite the tables
//        node scripts/readme-tables.js --check  exit 1 and name the READMEs that are out of date
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function cell(text) {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

export function inputsTable(meta) {
  const rows = Object.entries(meta.inputs ?? {}).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${input.default === undefined ? '' : `\`${cell(input.default)}\``} | ${cell(input.description)} |`,
  );
  return ['| Input | Required | Default | Description |', '|---|---|---|---|', ...rows].join('\n');
}

export function outputsTable(meta) {
  const rows = Object.entries(meta.outputs ?? {}).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
  );
  return ['| Output | Description |', '|---|---|', ...rows].join('\n');
}

function replaceBetween(text, tag, table, file) {
  const pattern = new RegExp(`(<!-- ${tag} -->)[\\s\\S]*?(<!-- /${tag} -->)`);
  if (!pattern.test(text)) throw new Error(`${file}: no <!-- ${tag} --> ... <!-- /${tag} --> markers`);
  return text.replace(pattern, (_, start, end) => `${start}\n${table}\n${end}`);
}

/** The README text with its tables regenerated from action.yml. */
export function renderReadme(name) {
  const dir = join(root, 'actions', name);
  const meta = load(readFileSync(join(dir, 'action.yml'), 'utf8'));
  const file = join(dir, 'README.md');
  const text = readFileSync(file, 'utf8');
  return replaceBetween(
    replaceBetween(text, 'inputs', inputsTable(meta), file),
    'outputs',
    outputsTable(meta),
    file,
  );
}

export function actionNames() {
  return readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'actions', d.name, 'README.md')))
    .map((d) => d.name);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const name of actionNames()) {
    const file = join(root, 'actions', name, 'README.md');
    const fresh = renderReadme(name);
    if (fresh === readFileSync(file, 'utf8')) continue;
    if (check) stale.push(`actions/${name}/README.md`);
    else writeFileSync(file, fresh);
  }
  if (stale.length > 0) {
    console.error(`Out of date with action.yml (run node scripts/readme-tables.js): ${stale.join(', ')}`);
    process.exit(1);
  }
}
