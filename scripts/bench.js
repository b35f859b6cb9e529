#!/usr/bin/env node
// `npm run bench`: bundles bench/index.ts with ncc into .tmp/bench (it imports the TypeScript sources)
// and runs it. `npm run bench -- --markdown FILE` also writes the table as Markdown; `--node PATH`
// (repeatable) times the step overhead on that Node binary too (e.g. a Node 24, as GitHub runs the
// actions); `--only NAME,...` runs only those sections (while working on one); `--quick` runs each
// section at its smallest and writes nothing: that the bench still runs (CI runs it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ncc from '@vercel/ncc';
import { build } from './build.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.tmp', 'bench');
const { code, assets } = await ncc(join(root, 'bench', 'index.ts'), { quiet: true, transpileOnly: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'index.js'), code);
for (const [file, asset] of Object.entries(assets ?? {})) writeFileSync(join(out, file), asset.source);

// The train action minified, for the benchmark's comparison with the bundle as built.
const minified = join(out, 'train-minified');
mkdirSync(minified, { recursive: true });
const train = await ncc(join(root, 'src', 'train', 'index.ts'), {
  minify: true,
  quiet: true,
  transpileOnly: true,
});
writeFileSync(join(minified, 'index.js'), train.code);
writeFileSync(join(minified, 'package.json'), '{"type":"module"}\n');

const { values } = parseArgs({
  options: {
    markdown: { type: 'string' },
    node: { type: 'string', multiple: true },
    only: { type: 'string' },
    quick: { type: 'boolean' },
  },
});
// The tools it runs (the workflow runner, the demo) from their builds, current.
await build({ names: ['workflow', 'demo'], ifChanged: true, quiet: true });
const env = { ...process.env, BENCH_ROOT: root };
if (values.markdown) env.BENCH_MARKDOWN = values.markdown;
if (values.node) env.BENCH_NODES = values.node.join(',');
if (values.only) env.BENCH_ONLY = values.only;
if (values.quick) env.BENCH_QUICK = '1';
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
