// This repository's root, as seen from the running code, two levels down from it either way: the
// tool's build (build/<tool>/index.js) or, in the tests, this source file. Its actions/ serve
// `uses: <owner>/odahu-actions/<name>@<ref>`, its .tmp/runs/ keeps the runs. From the module's own
// location rather than the command's (process.argv[1]), so a bin script may run the tool too.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function repositoryRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}
