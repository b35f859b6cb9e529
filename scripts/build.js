#!/usr/bin/env node
// Bundles every entry point with @vercel/ncc. Two kinds, in two places:
// - the actions, into dist/<name>/index.js, committed: GitHub runs them from the repository at the
//   ref a workflow names, with no install step. One per actions/<name>/action.yml:
//   - A node24 action's runs.main must be ../../dist/<name>/index.js (post.js for runs.post).
//   - A composite action's steps run bundles of this same ref, found from the action's own folder:
//     `exec node "$GITHUB_ACTION_PATH/../../dist/<bundle>/index.js"`. Never `uses: ./...` (resolved
//     against the caller's workspace) nor `uses: <owner>/...@<ref>` (another ref than the caller chose).
//     Its own src/<name>/index.ts, if any, is bundled too (the pipeline's check step).
// - the tools plain node runs on this machine (TOOLS: the emulator, the workflow runner, the demo,
//   the DAG converter),
//   into build/<name>/index.js, not committed (.gitignore): made on first use and whenever their
//   sources change (scripts/tool.js, bin/), and by npm test's pretest. A change to them never
//   touches dist/.
// Usage: node scripts/build.js [name ...]     (no names: everything, dist/ and build/ from a clean slate)
//        node scripts/build.js --if-changed   only the bundles whose sources or outputs changed since
//                                             the last build here (npm test's pretest)
//        node scripts/build.js --actions      the actions' bundles only (dist/), e.g. with --if-changed
//        --quiet                              no line when nothing had to be built
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, mkdirSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { load } from 'js-yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The tools, by name: the entry bundled into build/<name>/index.js. To add one, name its entry here;
 * a bin script or npm script then runs it with `runTool(name)` (scripts/tool.js), which builds it
 * first when it is missing or stale.
 */
export const TOOLS = {
  emulator: 'src/emulator/cli.ts',
  workflow: 'src/workflow/index.ts',
  demo: 'src/demo/index.ts',
  convert: 'src/convert/index.ts',
};

/**
 * Files a tool reads beside its bundle that ncc does not see, copied there: the Python grammar's
 * WebAssembly (the runtime's and the language's), which src/convert/python-syntax.ts loads as bytes.
 */
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
      entries.push({ name: d.name, out: 'dist', file: 'index.js', src: `src/${d.name}/index.ts` });
      if (runs.post)
        entries.push({ name: d.name, out: 'dist', file: 'post.js', src: `src/${d.name}/post.ts` });
    } else if (runs.using === 'composite') {
      referenced.push(...compositeBundles(file, runs).map((name) => ({ name, file })));
      if (existsSync(join(root, 'src', d.name, 'index.ts'))) {
        entries.push({ name: d.name, out: 'dist', file: 'index.js', src: `src/${d.name}/index.ts` });
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
  const missing = referenced.filter(
    ({ name }) => !entries.some((e) => e.name === name && e.file === 'index.js'),
  );
  if (missing.length > 0) {
    throw new Error(
      missing
        .map(({ name, file }) => `${file}: runs dist/${name}/index.js, which no entry builds`)
        .join('\n'),
    );
  }
  const tools = Object.entries(TOOLS).map(([name, src]) => ({
    name,
    out: 'build',
    file: 'index.js',
    src,
    copies: TOOL_FILES[name] ?? [],
  }));
  return [...entries, ...tools];
}

const sha = (data) => createHash('sha256').update(data).digest('hex');

/** A file as the stamp records it: its hash, and its size and time to skip hashing it again. */
function recordOf(path) {
  const { size, mtimeMs } = statSync(path);
  return { hash: sha(readFileSync(path)), size, mtimeMs };
}

/** Every file of <out>/<name>, path to record. */
function outputsOf(out, name) {
  const dir = join(root, out, name);
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir, { recursive: true })
      .map((file) => join(dir, String(file)))
      .filter((path) => statSync(path).isFile())
      .map((path) => [relative(root, path), recordOf(path)]),
  );
}

/** The source files a build read (ncc's file dependencies), path to record. */
function inputsOf(files) {
  return Object.fromEntries(
    [...files]
      .filter((path) => existsSync(path) && statSync(path).isFile())
      .map((path) => [relative(root, path), recordOf(path)]),
  );
}

/** Every file as recorded: untouched since (same size and time), or else with the same content. */
function sameFiles(recorded) {
  return Object.entries(recorded).every(([path, record]) => {
    const full = join(root, path);
    if (!existsSync(full)) return false;
    const { size, mtimeMs } = statSync(full);
    return (size === record.size && mtimeMs === record.mtimeMs) || sha(readFileSync(full)) === record.hash;
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

/** A bundle's key in the stamp: `dist/train`, `build/workflow`. */
const keyOf = (entry) => `${entry.out}/${entry.name}`;

/** Whether <out>/<name> is what a build of today's sources would write. */
function isCurrent(stamp, entry) {
  const recorded = stamp.names[keyOf(entry)];
  if (!recorded) return false;
  const outputs = outputsOf(entry.out, entry.name);
  return (
    Object.keys(outputs).length === Object.keys(recorded.outputs).length &&
    sameFiles(recorded.outputs) &&
    sameFiles(recorded.inputs)
  );
}

async function bundle(entry, log) {
  const started = Date.now();
  // Loaded only when something is to be built: a check that finds everything current stays quick.
  const { default: ncc } = await import('@vercel/ncc');
  const { code, assets, stats } = await ncc(join(root, entry.src), {
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    quiet: true,
    // Type checking is `npm run typecheck`'s job; here ncc only transpiles (faster, and a test file
    // in progress cannot break a bundle).
    transpileOnly: true,
  });
  const out = join(root, entry.out, entry.name);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, entry.file), code);
  for (const [file, asset] of Object.entries(assets ?? {})) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), asset.source);
  }
  for (const file of entry.copies ?? [])
    writeFileSync(join(out, basename(file)), readFileSync(join(root, file)));
  log(
    `${entry.out}/${entry.name}/${entry.file}  ${(code.length / 1024).toFixed(0)} kB  ${Date.now() - started} ms`,
  );
  // The copies are inputs too: a new grammar makes the bundle stale.
  return [
    ...(stats?.compilation?.fileDependencies ?? []),
    ...(entry.copies ?? []).map((file) => join(root, file)),
  ];
}

/**
 * Builds the bundles: `names` (all when empty), or only the actions' with `actionsOnly`; with
 * `ifChanged`, only those not current. Folders of dist/ that no action builds are removed. Throws
 * with the reason when an entry is wrong or a build fails.
 */
export async function build({
  names = [],
  ifChanged = false,
  actionsOnly = false,
  quiet = false,
  log = (line) => console.log(line),
} = {}) {
  const entries = allEntries().filter(
    (e) => (names.length === 0 || names.includes(e.name)) && (!actionsOnly || e.out === 'dist'),
  );
  const unknown = names.filter((name) => !entries.some((e) => e.name === name));
  if (unknown.length > 0) throw new Error(`no bundle named ${unknown.join(', ')}`);
  const everything = names.length === 0;
  const stamp = readStamp();
  const stale = ifChanged ? entries.filter((e) => !isCurrent(stamp, e)) : entries;
  const staleKeys = new Set(stale.map(keyOf));

  if (everything && !ifChanged) {
    rmSync(join(root, 'dist'), { recursive: true, force: true });
    if (!actionsOnly) rmSync(join(root, 'build'), { recursive: true, force: true });
  } else {
    for (const key of staleKeys) rmSync(join(root, key), { recursive: true, force: true });
  }
  // dist/ holds the actions' bundles and nothing else.
  if (everything && existsSync(join(root, 'dist'))) {
    const built = new Set(
      allEntries()
        .filter((e) => e.out === 'dist')
        .map((e) => e.name),
    );
    for (const dir of readdirSync(join(root, 'dist'))) {
      if (!built.has(dir)) rmSync(join(root, 'dist', dir), { recursive: true, force: true });
    }
  }
  if (stale.length === 0) {
    if (!quiet)
      log(
        `${actionsOnly ? 'dist/' : 'dist/ and build/'} current: ${entries.length} bundles built from today's sources`,
      );
    return;
  }

  // Two at a time: these machines have two cores and ncc is CPU-bound.
  const queue = [...stale];
  const read = new Map([...staleKeys].map((key) => [key, new Set()]));
  async function worker() {
    for (let e = queue.shift(); e; e = queue.shift()) {
      for (const file of await bundle(e, log)) read.get(keyOf(e)).add(file);
    }
  }
  try {
    await Promise.all([worker(), worker()]);
  } catch (error) {
    // ncc's errors carry its whole minified source in the stack: the message only.
    throw new Error(String(error?.message ?? error).split('\n    at ')[0], { cause: error });
  }
  for (const e of stale) {
    stamp.names[keyOf(e)] = { inputs: inputsOf(read.get(keyOf(e))), outputs: outputsOf(e.out, e.name) };
  }
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, JSON.stringify(stamp));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((arg) => arg.startsWith('--')));
  const known = new Set(['--if-changed', '--actions', '--quiet']);
  const wrong = [...flags].filter((flag) => !known.has(flag));
  try {
    if (wrong.length > 0) throw new Error(`unknown flag ${wrong.join(', ')}`);
    await build({
      names: args.filter((arg) => !arg.startsWith('--')),
      ifChanged: flags.has('--if-changed'),
      actionsOnly: flags.has('--actions'),
      quiet: flags.has('--quiet'),
    });
  } catch (error) {
    console.error(`build failed: ${error.message}`);
    process.exit(1);
  }
}
