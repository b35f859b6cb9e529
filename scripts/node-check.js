// Imported first by every command (bin/, scripts/tool.js): on a Node older than package.json's
// engines the tools fail deep inside (`crypto is not defined` on Node 18), so say it here, before
// anything else is loaded, with the version needed.
import { readFileSync } from 'node:fs';

/** The line to print when `version` is older than `wanted` (">=20.19"), else undefined. */
export function nodeProblem(version, wanted) {
  const need = /(\d+)\.(\d+)/.exec(wanted ?? '') ?? [];
  const have = /^v?(\d+)\.(\d+)/.exec(version) ?? [];
  const [needMajor, needMinor, haveMajor, haveMinor] = [need[1], need[2], have[1], have[2]].map(Number);
  if (haveMajor > needMajor || (haveMajor === needMajor && haveMinor >= needMinor)) return undefined;
  return `odahu-actions needs Node ${needMajor}.${needMinor} or later; this is Node ${version.replace(/^v/, '')}. Install a newer one (https://nodejs.org, or \`nvm install 24\`) and run the command again.`;
}

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const problem = nodeProblem(process.versions.node, engines?.node);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
