#!/usr/bin/env node
// Bundles every entry point with @vercel/ncc into dist/<name>/index.js (committed, so `uses:` works
// without an install step). Entries: each actions/<name>/action.yml, whose runs.main must point at
// ../../dist/<name>/index.js, plus the tools under src/ that plain `node` runs (the emulator, the
// local workflow runner and the demo).
// Usage: node scripts/build.js [name ...]   (no names: everything)
import { readdirSync, readFileSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ncc from '@vercel/ncc';
import { load } from 'js-yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = ['emulator', 'workflow', 'demo'];

function actionEntries() {
  const dir = join(root, 'actions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'action.yml')))
    .map((d) => {
      const meta = load(readFileSync(join(dir, d.name, 'action.yml'), 'utf8'));
      const runs = meta?.runs ?? {};
      if (runs.using !== 'node24') throw new Error(`actions/${d.name}/action.yml: runs.using must be node24`);
      for (const key of ['main', 'pre', 'post']) {
        const want = `../../dist/${d.name}/${key === 'main' ? 'index' : key}.js`;
        if (runs[key] !== undefined && runs[key] !== want) {
          throw new Error(`actions/${d.name}/action.yml: runs.${key} must be ${want}, not ${runs[key]}`);
        }
      }
      const bundles = [{ name: d.name, file: 'index.js', src: `src/${d.name}/index.ts` }];
      if (runs.post) bundles.push({ name: d.name, file: 'post.js', src: `src/${d.name}/post.ts` });
      return bundles;
    })
    .flat();
}

function allEntries() {
  const tools = TOOLS.map((name) => ({ name, file: 'index.js', src: `src/${name}/cli.ts` }));
  return [...actionEntries(), ...tools];
}

async function bundle(entry) {
  const started = Date.now();
  const { code, assets } = await ncc(join(root, entry.src), {
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    quiet: true,
    // Type checking is `npm run typecheck`'s job; here ncc only transpiles (faster, and a test file
    // in progress cannot break a bundle).
    transpileOnly: true,
  });
  const out = join(root, 'dist', entry.name);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, entry.file), code);
  for (const [file, asset] of Object.entries(assets ?? {})) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), asset.source);
  }
  console.log(
    `dist/${entry.name}/${entry.file}  ${(code.length / 1024).toFixed(0)} kB  ${Date.now() - started} ms`,
  );
}

const wanted = process.argv.slice(2);
const entries = allEntries().filter((e) => wanted.length === 0 || wanted.includes(e.name));
if (wanted.length === 0) rmSync(join(root, 'dist'), { recursive: true, force: true });
else
  for (const name of new Set(entries.map((e) => e.name)))
    rmSync(join(root, 'dist', name), { recursive: true, force: true });

// Two at a time: these machines have two cores and ncc is CPU-bound.
const queue = [...entries];
async function worker() {
  for (let e = queue.shift(); e; e = queue.shift()) await bundle(e);
}
try {
  await Promise.all([worker(), worker()]);
} catch (error) {
  // ncc's errors carry its whole minified source in the stack: show the message only.
  console.error(`build failed: ${String(error?.message ?? error).split('\n    at ')[0]}`);
  process.exit(1);
}
