// The layers of src/ (docs/ARCHITECTURE.md) and the one rule between them: a module imports only from
// its own layer or the ones beneath it. Read with TypeScript's own scanner of imports (static,
// `export ... from`, dynamic), so that a comment or a string that looks like an import counts for
// nothing.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface Layer {
  name: string;
  /** Paths relative to the repository root, with `/`. */
  holds: (path: string) => boolean;
  /** The layers (by name) it may import from, besides its own. */
  below: string[];
  /** What it may not import even from those. */
  refuses?: RegExp;
}

const ACTIONS = [
  'train',
  'package',
  'deploy',
  'predict',
  'connection',
  'wait',
  'batch',
  'apply',
  'evaluate',
  'report',
  'pipeline',
  'resume',
];
const SHARED = [
  'shared: basics',
  'shared: Odahu client',
  'shared: action kit',
  'shared: GitHub reports',
  'shared: evaluation',
];

/** Bottom to top. An action is a layer of its own: actions do not import each other's modules. */
export const LAYERS: Layer[] = [
  { name: 'shared: basics', holds: (p) => /^src\/shared\/[^/]+\.ts$/.test(p), below: [] },
  {
    name: 'shared: Odahu client',
    holds: (p) => p.startsWith('src/shared/odahu/'),
    below: SHARED.slice(0, 1),
  },
  { name: 'shared: action kit', holds: (p) => p.startsWith('src/shared/action/'), below: SHARED.slice(0, 2) },
  {
    name: 'shared: GitHub reports',
    holds: (p) => p.startsWith('src/shared/github/'),
    below: SHARED.slice(0, 3),
  },
  // The evaluation engine: the evaluate action's, and deploy's canary gate before traffic.
  {
    name: 'shared: evaluation',
    holds: (p) => p.startsWith('src/shared/evaluation/'),
    below: SHARED.slice(0, 4),
  },
  ...ACTIONS.map((action) => ({
    name: `action: ${action}`,
    holds: (p: string) => p.startsWith(`src/${action}/`),
    // The pipeline runs deploy's bundle, and checks deploy's canary inputs before any phase runs.
    below: action === 'pipeline' ? [...SHARED, 'action: deploy'] : SHARED,
  })),
  // The tools. The emulator stands on the API's model (types, kinds, shapes, stored defaults, roles),
  // never on the client that the tests check against it.
  {
    name: 'tool: emulator',
    holds: (p) => p.startsWith('src/emulator/'),
    below: SHARED.slice(0, 2),
    refuses: /^src\/shared\/odahu\/(?!(types|kinds|shapes|stored-deployment|realm-roles)\.ts$)/,
  },
  {
    name: 'tool: workflow',
    holds: (p) => p.startsWith('src/workflow/'),
    below: [...SHARED, 'tool: emulator'],
  },
  {
    name: 'tool: demo',
    holds: (p) => p.startsWith('src/demo/'),
    below: [...SHARED, 'tool: emulator', 'tool: workflow'],
  },
  // The DAG converter: its --check dry-runs the workflow it wrote under the runner, on the emulator.
  {
    name: 'tool: convert',
    holds: (p) => p.startsWith('src/convert/'),
    below: [...SHARED, 'tool: emulator', 'tool: workflow'],
  },
];

export function layerOf(path: string): Layer | undefined {
  return LAYERS.find((layer) => layer.holds(path));
}

/** Every .ts file under `dir`, relative to `root`. */
export function sourceFiles(root: string, dir = 'src'): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** The project files `text` (at `path`) imports: relative specifiers, `.js` read as the `.ts` source. */
export function importsOf(path: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => {
      const target = join(dirname(path), specifier).split('\\').join('/');
      return target.endsWith('.js') ? target.replace(/\.js$/, '.ts') : target;
    });
}

/** One line per import that leaves a module's layer for one it may not import from. */
export function layerProblems(files: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    const from = layerOf(path);
    if (!from) {
      problems.push(`${path}: in no layer (add it to __tests__/helpers/layers.ts and docs/ARCHITECTURE.md)`);
      continue;
    }
    for (const target of importsOf(path, text)) {
      if (!target.startsWith('src/')) {
        problems.push(`${path} imports ${target}, outside src/`);
        continue;
      }
      const to = layerOf(target);
      if (from.refuses?.test(target)) {
        problems.push(`${path} (${from.name}) imports ${target}, which it may not stand on`);
        continue;
      }
      if (!to || to === from || from.below.includes(to.name)) continue;
      problems.push(`${path} (${from.name}) imports ${target} (${to.name}), which is not beneath it`);
    }
  }
  return problems;
}

export function readSources(root: string): Record<string, string> {
  return Object.fromEntries(
    sourceFiles(root).map((path) => [path, readFileSync(resolve(root, path), 'utf8')] as const),
  );
}
