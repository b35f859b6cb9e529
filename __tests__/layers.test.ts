// No module of src/ imports upward (docs/ARCHITECTURE.md, "Layers"): the shared basics, the Odahu
// client, the action kit, the GitHub reports and the evaluation engine each stand only on those beneath them, an action on
// src/shared and not on another action (the pipeline aside, which checks deploy's inputs), the
// emulator never on the client.

import { join } from 'node:path';
import { LAYERS, importsOf, layerProblems, readSources } from './helpers/layers.js';

const ROOT = join(import.meta.dirname, '..');

test('every module of src/ imports only from its layer or those beneath it', () => {
  const sources = readSources(ROOT);
  expect(Object.keys(sources).length).toBeGreaterThan(100);
  expect(layerProblems(sources)).toEqual([]);
});

test('an upward import is found, whichever way it is written', () => {
  const problems = layerProblems({
    'src/shared/odahu/auth.ts': "import { runStep } from '../action/step.js';",
    'src/shared/action/step.ts': "export { GitHubReport } from '../github/step-report.js';",
    'src/shared/thrown.ts': "const client = await import('./odahu/client.js');",
    'src/train/run.ts': "import type { DeployInputs } from '../deploy/inputs.js';",
    'src/emulator/server.ts': "import { OdahuClient } from '../shared/odahu/client.js';",
    'src/shared/github/api.ts': "import { startEmulator } from '../../emulator/server.js';",
    'src/shared/evaluation/evaluate.ts': "import { CanaryRollout } from '../../deploy/canary/rollout.js';",
  });
  expect(problems).toEqual([
    'src/shared/odahu/auth.ts (shared: Odahu client) imports src/shared/action/step.ts (shared: action kit), which is not beneath it',
    'src/shared/action/step.ts (shared: action kit) imports src/shared/github/step-report.ts (shared: GitHub reports), which is not beneath it',
    'src/shared/thrown.ts (shared: basics) imports src/shared/odahu/client.ts (shared: Odahu client), which is not beneath it',
    'src/train/run.ts (action: train) imports src/deploy/inputs.ts (action: deploy), which is not beneath it',
    'src/emulator/server.ts (tool: emulator) imports src/shared/odahu/client.ts, which it may not stand on',
    'src/shared/github/api.ts (shared: GitHub reports) imports src/emulator/server.ts (tool: emulator), which is not beneath it',
    'src/shared/evaluation/evaluate.ts (shared: evaluation) imports src/deploy/canary/rollout.ts (action: deploy), which is not beneath it',
  ]);
});

test('downward and same-layer imports pass; comments and strings are not imports', () => {
  expect(
    layerProblems({
      'src/shared/github/step-report.ts': "import { runPhaseStep } from '../action/run-phase.js';",
      'src/deploy/run.ts': "import { x } from './canary/rollout.js';\n// import '../train/run.js'",
      'src/pipeline/inputs.ts': "import { readStrategy } from '../deploy/canary/options.js';",
      'src/shared/action/pod-log.ts': 'const text = "import { a } from \'../github/api.js\'";',
    }),
  ).toEqual([]);
  expect(importsOf('src/a/b.ts', "import x from '@actions/core'; import './c.js';")).toEqual(['src/a/c.ts']);
});

test('a module in no layer is named', () => {
  expect(layerProblems({ 'src/monitor/run.ts': '' })).toEqual([
    'src/monitor/run.ts: in no layer (add it to __tests__/helpers/layers.ts and docs/ARCHITECTURE.md)',
  ]);
  expect(LAYERS.map((layer) => layer.name)).toContain('shared: action kit');
});
