// actions/setup-node and actions/setup-python as this runner plays them: the job's steps use this
// machine's Node and Python, found on the steps' PATH, so the step gives the outputs the real action
// gives (node-version; python-version, python-path) and says which version the steps will get. A
// version asked for that this machine's does not match is a warning, not a failure: the steps may
// well run on it. setup-python without a Python on the machine is a step not run here.

import { execFileSync } from 'node:child_process';
import type { SetupTool } from './action-file.js';

export interface SetupResult {
  /** undefined: the tool is not on this machine (the step is not run). */
  outputs?: Record<string, string>;
  lines: string[];
  warnings: string[];
}

function versionOf(command: string, args: string[], path: string | undefined): string | undefined {
  try {
    const text = execFileSync(command, args, {
      encoding: 'utf8',
      env: { PATH: path ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return /(\d+\.\d+(?:\.\d+)?)/.exec(text)?.[1];
  } catch {
    return undefined;
  }
}

function whichOf(command: string, path: string | undefined): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], {
      encoding: 'utf8',
      env: { PATH: path ?? '' },
    }).trim();
  } catch {
    return command;
  }
}

/** Whether `have` is a version `wanted` asks for (`20`, `3.11`, `3.x`, `>=3.9` taken as its base, `lts/*` any). */
export function versionMatches(wanted: string, have: string): boolean {
  const base = wanted.trim().replace(/^[v>=~^]+/, '');
  if (base === '' || /^(lts|latest|node|current|\*)/i.test(base)) return true;
  const want = base.split('.');
  const got = have.split('.');
  return want.every((part, index) => part === 'x' || part === '*' || part === got[index]);
}

/** The step's effect on this machine: its outputs, what it says, and its warnings. */
export function playSetup(
  tool: SetupTool,
  inputs: Record<string, string>,
  path: string | undefined,
): SetupResult {
  if (tool === 'node') {
    const version = versionOf('node', ['--version'], path) ?? process.versions.node;
    const wanted = inputs['node-version']?.trim() || '';
    const warnings =
      wanted && !versionMatches(wanted, version)
        ? [
            `actions/setup-node: node-version ${wanted} asked for; the steps run on this machine's Node ${version}`,
          ]
        : [];
    return {
      outputs: { 'node-version': `v${version}`, 'cache-hit': 'false' },
      lines: [`this machine's Node ${version} (${whichOf('node', path)}) is the job's node`],
      warnings,
    };
  }
  const command = ['python3', 'python'].find((each) => versionOf(each, ['--version'], path));
  if (!command) return { lines: ['no python3 on this machine'], warnings: [] };
  const version = versionOf(command, ['--version'], path) ?? '';
  const wanted = inputs['python-version']?.trim() || '';
  const where = whichOf(command, path);
  return {
    outputs: { 'python-version': version, 'python-path': where, 'cache-hit': 'false' },
    lines: [`this machine's Python ${version} (${where}) is the job's python`],
    warnings:
      wanted && !versionMatches(wanted, version)
        ? [
            `actions/setup-python: python-version ${wanted} asked for; the steps run on this machine's Python ${version}`,
          ]
        : [],
  };
}
