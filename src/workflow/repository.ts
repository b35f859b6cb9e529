// This repository's root, as seen from the running bundle (dist/<tool>/index.js, two levels down):
// its actions/ serve `uses: <owner>/odahu-actions/<name>@<ref>`, its .tmp/runs/ keeps the runs.

import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function repositoryRoot(entry = process.argv[1] ?? '.'): string {
  return resolve(dirname(realpathSync(entry)), '..', '..');
}
