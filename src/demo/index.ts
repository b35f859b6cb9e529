// Entry point of `npm run demo` (built to build/demo/index.js, not committed): the command line of
// this process to demoCli (cli.ts), its exit code back.

import { messageOf } from '../shared/thrown.js';
import { repositoryRoot } from '../workflow/repository.js';
import { demoCli } from './cli.js';

demoCli(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  repoRoot: repositoryRoot(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`demo: ${messageOf(error)}\n`);
    process.exitCode = 1;
  },
);
