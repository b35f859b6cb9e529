// The convert command's bundle entry (dist/convert/index.js): bin/odahu-actions.js imports it and
// calls run(args) for `odahu-actions convert ...`.

import { messageOf } from '../shared/thrown.js';
import { convertCommand } from './cli.js';

export async function run(args: string[]): Promise<number> {
  try {
    return await convertCommand(args, {
      // npm run and npx start scripts in the package's folder; INIT_CWD is where the user stands.
      cwd: process.env.INIT_CWD ?? process.cwd(),
      write: (text) => process.stdout.write(text),
      error: (text) => process.stderr.write(text),
      environment: process.env,
    });
  } catch (error) {
    process.stderr.write(`convert: ${messageOf(error)}\n`);
    return 1;
  }
}
