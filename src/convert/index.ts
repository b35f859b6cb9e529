// Entry point of `odahu-actions convert` and `npm run convert` (built to build/convert/index.js, not
// committed, with the grammar's two .wasm files beside it): the command line of this process to
// convertCommand (cli.ts), its exit code back.

import { messageOf } from '../shared/thrown.js';
import { convertCommand } from './cli.js';

convertCommand(process.argv.slice(2), {
  // npm run and npx start scripts in the package's folder; INIT_CWD is where the user stands.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  write: (text) => void process.stdout.write(text),
  error: (text) => void process.stderr.write(text),
  environment: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`convert: ${messageOf(error)}\n`);
    process.exitCode = 1;
  },
);
