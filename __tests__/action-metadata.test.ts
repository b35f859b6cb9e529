// The action.yml files agree with each other, with their bundles and with their READMEs.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readActionMetadata } from '../src/workflow/node-action.js';
import { ROOT } from './helpers/run-action.js';

const names = readdirSync(join(ROOT, 'actions')).filter((name) =>
  existsSync(join(ROOT, 'actions', name, 'action.yml')),
);
const SETTINGS = [
  'api-url',
  'auth-url',
  'client-id',
  'client-secret',
  'scope',
  'token',
  'auth',
  'oidc-audience',
  'api-connection',
];

test('the nine actions', () => {
  expect(names.sort()).toEqual([
    'apply',
    'batch',
    'connection',
    'deploy',
    'package',
    'pipeline',
    'predict',
    'train',
    'wait',
  ]);
});

describe.each(names)('%s', (name) => {
  const meta = readActionMetadata(join(ROOT, 'actions', name));

  test('runs its own node24 bundle, which exists', () => {
    expect(meta.runs).toMatchObject({ using: 'node24', main: `../../dist/${name}/index.js` });
    expect(existsSync(join(ROOT, 'dist', name, 'index.js'))).toBe(true);
  });

  test('every input and output is kebab-case and described', () => {
    for (const [input, spec] of Object.entries(meta.inputs ?? {})) {
      expect(input).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(spec.description?.length).toBeGreaterThan(10);
    }
    for (const [output, spec] of Object.entries(meta.outputs ?? {})) {
      expect(output).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(spec.description?.length).toBeGreaterThan(5);
    }
  });

  test('takes the shared settings, described as in train, without defaults (so ODAHU_* can apply)', () => {
    const train = readActionMetadata(join(ROOT, 'actions', 'train'));
    for (const setting of SETTINGS) {
      expect(meta.inputs?.[setting]).toEqual(train.inputs?.[setting]);
      expect(meta.inputs?.[setting]?.default).toBeUndefined();
    }
  });
});

test('README tables are in step with action.yml', () => {
  expect(() =>
    execFileSync(process.execPath, ['scripts/readme-tables.js', '--check'], { cwd: ROOT, stdio: 'pipe' }),
  ).not.toThrow();
});
