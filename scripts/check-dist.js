#!/usr/bin/env node
// Is dist/ what GitHub should run: the actions' bundles built from these sources, and nothing else?
// Builds them (only those not already built from today's sources here, so right after `npm test` it
// costs nothing; on a fresh clone, all of them), then fails when dist/ differs from what is
// committed. The one check behind .ci/run, check-dist.yml and release.yml.
//   node scripts/check-dist.js        (npm run check-dist)
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

try {
  await build({ ifChanged: true, actionsOnly: true });
} catch (error) {
  console.error(`build failed: ${error.message}`);
  process.exit(1);
}
const changed = git('status', '--porcelain', '--untracked-files=all', '--', 'dist');
if (changed.trim() !== '') {
  process.stdout.write(changed);
  const message = "dist/ is stale: run 'npm run build' and commit the result.";
  // On GitHub, an annotation on the run; here, one line.
  console.error(process.env.GITHUB_ACTIONS === 'true' ? `::error::${message}` : message);
  process.exit(1);
}
console.log('dist/ is fresh: the committed bundles are what the sources build.');
