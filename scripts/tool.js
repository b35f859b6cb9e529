#!/usr/bin/env node
// Runs one of this repository's tools (the emulator, the workflow runner, the demo, the DAG converter) from its build,
// build/<name>/index.js, which is not committed: built here first when it is missing or its sources
// changed since (a check of hashes, in milliseconds when nothing changed).
//   node scripts/tool.js <name> [args...]     (npm run workflow, npm run demo)
// A bin script does the same with `await runTool('<name>')` (bin/odahu-emulator.js, bin/odahu-actions.js).
import './node-check.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TOOLS, build } from './build.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** build/<name>/index.js, brought up to date with its sources. */
export async function ensureTool(name) {
  if (!(name in TOOLS)) throw new Error(`no tool ${name}: choose ${Object.keys(TOOLS).join(', ')}`);
  const bundle = join(root, 'build', name, 'index.js');
  // Without @vercel/ncc (an install without dev dependencies) an existing build is run as it is.
  if (!existsSync(join(root, 'node_modules', '@vercel', 'ncc')) && existsSync(bundle)) return bundle;
  // On stderr: what the tool prints on stdout stays its own.
  await build({ names: [name], ifChanged: true, quiet: true, log: (line) => console.error(`built ${line}`) });
  return bundle;
}

/** Runs the tool in this process, as if `node build/<name>/index.js` had been run with this process's arguments. */
export async function runTool(name) {
  const bundle = await ensureTool(name);
  await import(pathToFileURL(bundle).href);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [name = '', ...rest] = process.argv.slice(2);
  // The tool reads its own arguments from process.argv.
  process.argv.splice(2, process.argv.length - 2, ...rest);
  try {
    await runTool(name);
  } catch (error) {
    console.error(`${name || 'tool'}: ${error.message}`);
    process.exitCode = 1;
  }
}
