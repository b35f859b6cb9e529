#!/usr/bin/env node
// `npm run local -- <action> [dotenv file]`: runs an action's TypeScript source with @github/local-action,
// which stubs @actions/core and reads the inputs from the dotenv file (default .env.example).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, envFile = '.env.example'] = process.argv.slice(2);
if (!name || !existsSync(join(root, 'actions', name, 'action.yml'))) {
  console.error(
    'usage: npm run local -- <train|package|deploy|predict|connection|wait|pipeline|batch|apply> [dotenv file]',
  );
  process.exit(2);
}
const result = spawnSync(
  'npx',
  ['local-action', 'run', `actions/${name}`, `../../src/${name}/main.ts`, envFile],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
