// `npm run demo` (node dist/demo/index.js): the wine workflow end to end on the embedded emulator,
// finishing with where the model answers, its info's title, its prediction and the job summary.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/run-action.js';
import { runTool } from './helpers/workflow-cli.js';

test('npm run demo: exit 0, and it ends with the URL, the model wine, the prediction and the summary', async () => {
  const run = await runTool('demo', []);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.ms).toBeLessThan(60_000);
  const ending = run.stdout.trimEnd().split('\n').slice(-5);
  expect(ending).toEqual([
    'The wine model was deployed and answered:',
    expect.stringMatching(/^ {2}url {10}http:\/\/127\.0\.0\.1:\d+\/model\/wine$/),
    '  model        wine 1.0',
    expect.stringMatching(
      /^ {2}prediction {3}\{"prediction":\[[\d.]+,[\d.]+\],"columns":\["prediction"\]\}$/,
    ),
    expect.stringMatching(/^ {2}job summary {2}\.tmp\/runs\/\d+\/summary\.md$/),
  ]);
  const summary = /job summary {2}(\S+)$/.exec(ending[4] ?? '')?.[1] ?? '';
  expect(existsSync(join(ROOT, summary))).toBe(true);
  // Every step of the workflow ran and succeeded.
  expect(run.lines.filter((line) => /^[✗–]/.test(line))).toEqual([]);
  expect(run.lines.filter((line) => line.startsWith('✓ '))).toHaveLength(12);
}, 90_000);
