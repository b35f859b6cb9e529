#!/usr/bin/env node
// `npm run bench`: bundles bench/index.ts with ncc into .tmp/bench (it imports the TypeScript sources)
// and runs it. `npm run bench -- --markdown FILE` also writes the table as Markdown.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ncc from '@vercel/ncc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.tmp', 'bench');
const { code, assets } = await ncc(join(root, 'bench', 'index.ts'), { quiet: true, transpileOnly: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'index.js'), code);
for (const [file, asset] of Object.entries(assets ?? {})) writeFileSync(join(out, file), asset.source);

const markdown = process.argv.indexOf('--markdown');
const env = { ...process.env, BENCH_ROOT: root };
if (markdown > -1) env.BENCH_MARKDOWN = process.argv[markdown + 1];
// The client writes workflow commands (::debug::...) to stdout, as actions do: not bench output.
const result = spawnSync(process.execPath, [join(out, 'index.js')], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 1 << 28,
});
process.stdout.write(
  result.stdout
    .toString()
    .split('\n')
    .filter((line) => !line.startsWith('::'))
    .join('\n'),
);
process.exit(result.status ?? 1);
