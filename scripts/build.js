#!/usr/bin/env node
// Bundles every entry point with @vercel/ncc into dist/<name>/index.js (committed, so `uses:` works
// without an install step). Entries: each actions/<name>/action.yml, plus the tools under src/ that
// plain `node` runs (the emulator, the local workflow runner and the demo).
// - A node24 action's runs.main must be ../../dist/<name>/index.js (post.js for runs.post).
// - A composite action's steps run bundles of this same ref, found from the action's own folder:
//   `exec node "$GITHUB_ACTION_PATH/../../dist/<bundle>/index.js"`. Never `uses: ./...` (resolved
//   against the caller's workspace) nor `uses: <owner>/...@<ref>` (another ref than the caller chose).
//   Its own src/<name>/index.ts, if any, is bundled too (the pipeline's check step).
// Usage: node scripts/build.js [name ...]     (no names: everything, from a clean dist/)
//        node scripts/build.js --if-changed   only the bundles whose sources or outputs changed since
//                                             the last build here (npm test's pretest)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, mkdirSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ncc from '@vercel/ncc';
import { load } from 'js-yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = ['emulator', 'workflow', 'demo', 'convert'];
/** Entries other than src/<name>/cli.ts. */
const TOOL_ENTRIES = { convert: 'src/convert/index.ts' };
/** Files a bundle reads beside itself that ncc does not see (the Python grammar's WebAssembly). */
const TOOL_FILES = {
  convert: [
    'node_modules/web-tree-sitter/web-tree-sitter.wasm',
    'node_modules/tree-sitter-python/tree-sitter-python.wasm',
  ],
};
/** What the last build here read and wrote, per bundle name (node_modules: gone with `npm ci`). */
const STAMP = join(root, 'node_modules', '.cache', 'odahu-actions', 'build.json');
const BUNDLE_IN_COMPOSITE = /^exec node "\$GITHUB_ACTION_PATH\/\.\.\/\.\.\/dist\/([\w-]+)\/index\.js"$/;

function actionEntries() {
  const dir = join(root, 'actions');
  if (!existsSync(dir)) return { entries: [], referenced: [] };
  const entries = [];
  const referenced = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!d.isDirectory() || !existsSync(join(dir, d.name, 'action.yml'))) continue;
    const file = `actions/${d.name}/action.yml`;
    const runs = load(readFileSync(join(root, file), 'utf8'))?.runs ?? {};
    if (runs.using === 'node24') {
      for (const key of ['main', 'pre', 'post']) {
        const want = `../../dist/${d.name}/${key === 'main' ? 'index' : key}.js`;
        if (runs[key] !== undefined && runs[key] !== want) {
          throw new Error(`${file}: runs.${key} must be ${want}, not ${runs[key]}`);
        }
      }
      entries.push({ name: d.name, file: 'index.js', src: `src/${d.name}/index.ts` });
      if (runs.post) entries.push({ name: d.name, file: 'post.js', src: `src/${d.name}/post.ts` });
    } else if (runs.using === 'composite') {
      referenced.push(...compositeBundles(file, runs).map((name) => ({ name, file })));
      if (existsSync(join(root, 'src', d.name, 'index.ts'))) {
        entries.push({ name: d.name, file: 'index.js', src: `src/${d.name}/index.ts` });
      }
    } else {
      throw new Error(`${file}: runs.using must be node24 or composite, not ${runs.using}`);
    }
  }
  return { entries, referenced };
}

/** The bundles a composite action's steps run; every step must run one the way the header says. */
function compositeBundles(file, runs) {
  return (runs.steps ?? []).map((step, index) => {
    const where = `${file}: runs.steps[${index}]${step.name ? ` (${step.name})` : ''}`;
    if (step.uses !== undefined) {
      throw new Error(
        `${where}: uses: ${step.uses} would run another ref's code; run this ref's bundle with exec node "$GITHUB_ACTION_PATH/../../dist/<name>/index.js"`,
      );
    }
    if (step.shell !== 'bash') throw new Error(`${where}: shell must be bash, not ${step.shell}`);
    const last =
      String(step.run ?? '')
        .trimEnd()
        .split('\n')
        .at(-1)
        ?.trim() ?? '';
    const match = BUNDLE_IN_COMPOSITE.exec(last);
    if (!match) {
      throw new Error(
        `${where}: its last line must be exec node "$GITHUB_ACTION_PATH/../../dist/<name>/index.js" (exec, so that a cancel's signal reaches node), not ${JSON.stringify(last)}`,
      );
    }
    return match[1];
  });
}

function allEntries() {
  const { entries, referenced } = actionEntries();
  const tools = TOOLS.map((name) => ({
    name,
    file: 'index.js',
    src: TOOL_ENTRIES[name] ?? `src/${name}/cli.ts`,
  }));
  const all = [...entries, ...tools];
  const missing = referenced.filter(({ name }) => !all.some((e) => e.name === name && e.file === 'index.js'));
  if (missing.length > 0) {
    throw new Error(
      missing
        .map(({ name, file }) => `${file}: runs dist/${name}/index.js, which no entry builds`)
        .join('\n'),
    );
  }
  return all;
}

const sha = (data) => createHash('sha256').update(data).digest('hex');

/** Every file of dist/<name>, path to hash. */
function outputsOf(name) {
  const dir = join(root, 'dist', name);
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir, { recursive: true })
      .map((file) => join(dir, String(file)))
      .filter((path) => statSync(path).isFile())
      .map((path) => [relative(root, path), sha(readFileSync(path))]),
  );
}

/** The source files a build read (ncc's file dependencies), path to hash. */
function inputsOf(files) {
  return Object.fromEntries(
    [...files]
      .filter((path) => existsSync(path) && statSync(path).isFile())
      .map((path) => [relative(root, path), sha(readFileSync(path))]),
  );
}

function sameHashes(recorded) {
  return Object.entries(recorded).every(([path, hash]) => {
    const full = join(root, path);
    return existsSync(full) && sha(readFileSync(full)) === hash;
  });
}

/** The build itself: this script, the compiler settings and ncc's version. */
function buildFingerprint() {
  return sha(
    ['scripts/build.js', 'tsconfig.json', 'node_modules/@vercel/ncc/package.json']
      .map((file) => readFileSync(join(root, file)))
      .join('\0'),
  );
}

function readStamp() {
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    return stamp.build === buildFingerprint() ? stamp : { build: buildFingerprint(), names: {} };
  } catch {
    return { build: buildFingerprint(), names: {} };
  }
}

/** Whether dist/<name> is what a build of today's sources would write. */
function isCurrent(stamp, name) {
  const recorded = stamp.names[name];
  if (!recorded) return false;
  const outputs = outputsOf(name);
  return (
    Object.keys(outputs).length === Object.keys(recorded.outputs).length &&
    sameHashes(recorded.outputs) &&
    sameHashes(recorded.inputs)
  );
}

async function bundle(entry) {
  const started = Date.now();
  const { code, assets, stats } = await ncc(join(root, entry.src), {
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
  for (const file of TOOL_FILES[entry.name] ?? [])
    writeFileSync(join(out, basename(file)), readFileSync(join(root, file)));
  console.log(
    `dist/${entry.name}/${entry.file}  ${(code.length / 1024).toFixed(0)} kB  ${Date.now() - started} ms`,
  );
  return stats?.compilation?.fileDependencies ?? [];
}

const args = process.argv.slice(2);
const ifChanged = args.includes('--if-changed');
const wanted = args.filter((arg) => arg !== '--if-changed');
let entries;
try {
  entries = allEntries().filter((e) => wanted.length === 0 || wanted.includes(e.name));
} catch (error) {
  console.error(`build failed: ${error.message}`);
  process.exit(1);
}

const stamp = readStamp();
const names = [...new Set(entries.map((e) => e.name))];
const stale = ifChanged ? names.filter((name) => !isCurrent(stamp, name)) : names;
if (ifChanged && stale.length === 0) {
  console.log(`dist/ is current: ${names.length} bundles built from today's sources`);
  process.exit(0);
}
if (wanted.length === 0 && !ifChanged) rmSync(join(root, 'dist'), { recursive: true, force: true });
else for (const name of stale) rmSync(join(root, 'dist', name), { recursive: true, force: true });

// Two at a time: these machines have two cores and ncc is CPU-bound.
const queue = entries.filter((e) => stale.includes(e.name));
const read = new Map(stale.map((name) => [name, new Set()]));
async function worker() {
  for (let e = queue.shift(); e; e = queue.shift()) {
    for (const file of await bundle(e)) read.get(e.name).add(file);
  }
}
try {
  await Promise.all([worker(), worker()]);
} catch (error) {
  // ncc's errors carry its whole minified source in the stack: show the message only.
  console.error(`build failed: ${String(error?.message ?? error).split('\n    at ')[0]}`);
  process.exit(1);
}
for (const name of stale) stamp.names[name] = { inputs: inputsOf(read.get(name)), outputs: outputsOf(name) };
mkdirSync(dirname(STAMP), { recursive: true });
writeFileSync(STAMP, JSON.stringify(stamp));
