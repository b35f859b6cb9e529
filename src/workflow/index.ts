// Entry point of `npm run workflow` (built to build/workflow/index.js, not committed): the command
// line of this process to workflowCli (cli.ts), its exit code back.

import { messageOf } from '../shared/thrown.js';
import { workflowCli } from './cli.js';
import { repositoryRoot } from './repository.js';

workflowCli(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  // npm runs scripts in the package's folder; paths on the command line are the caller's.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  repoRoot: repositoryRoot(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`workflow: ${messageOf(error)}\n`);
    process.exitCode = 1;
  },
);
