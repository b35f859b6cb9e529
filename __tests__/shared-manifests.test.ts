import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { InputError } from '../src/shared/odahu/errors.js';
import { loadManifest, loadManifests } from '../src/shared/action/manifests.js';
import type { ManifestOptions } from '../src/shared/action/manifests.js';

const here = dirname(fileURLToPath(import.meta.url));
/** As in a workflow: paths relative to GITHUB_WORKSPACE, the action running elsewhere. */
const options: ManifestOptions = { env: { GITHUB_WORKSPACE: here }, cwd: tmpdir() };
const fixture = (name: string) => `fixtures/manifests/${name}`;

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('no InputError');
}

describe('where the manifest comes from', () => {
  test('a path is read from GITHUB_WORKSPACE', () => {
    const [training] = loadManifests(fixture('training.yaml'), options);
    expect(training?.origin).toBe('fixtures/manifests/training.yaml, document 1 (line 2)');
  });

  test('then from the working directory', () => {
    const manifests = loadManifests(fixture('multi.yaml'), { env: {}, cwd: here });
    expect(manifests.map((m) => m.kind)).toEqual(['Connection', 'ToolchainIntegration', 'ModelDeployment']);
  });

  test('an absolute path is read as it is', () => {
    expect(loadManifests(join(here, fixture('bundle.json')), { env: {} })).toHaveLength(2);
  });

  test('a missing file is an error naming where it was looked for', () => {
    expect(
      problemsOf(() => loadManifests('deploy/missing.yaml', { ...options, inputName: 'deployment' })),
    ).toEqual([
      `deployment: file deploy/missing.yaml not found (looked for ${join(here, 'deploy/missing.yaml')} and ` +
        `${join(tmpdir(), 'deploy/missing.yaml')})`,
    ]);
  });

  test('inline YAML, one line of JSON, or a single line that names no file', () => {
    const yaml = 'kind: ToolchainIntegration\nid: mlflow\nspec:\n  entrypoint: run\n  defaultImage: img\n';
    expect(loadManifests(yaml, options)[0]?.origin).toBe('inline manifest, document 1 (line 1)');
    const json =
      '{"kind": "ModelRoute", "id": "r", "spec": {"urlPrefix": "/custom/r", "modelDeployments": []}}';
    expect(loadManifests(json, { ...options, inputName: 'route' })[0]?.origin).toBe(
      'inline route, document 1 (line 1)',
    );
  });

  test('an empty input is an error', () => {
    expect(problemsOf(() => loadManifests('  \n', { inputName: 'training' }))).toEqual(['training is empty']);
  });
});

describe('documents', () => {
  test('multi-document YAML gives a list; empty documents are skipped', () => {
    const manifests = loadManifests(fixture('multi.yaml'), options);
    expect(manifests.map((m) => [m.kind, m.id, m.origin])).toEqual([
      ['Connection', 'wine', 'fixtures/manifests/multi.yaml, document 1 (line 2)'],
      ['ToolchainIntegration', 'mlflow', 'fixtures/manifests/multi.yaml, document 3 (line 11)'],
      ['ModelDeployment', 'wine', 'fixtures/manifests/multi.yaml, document 4 (line 17)'],
    ]);
    expect(manifests.every((m) => m.warnings.length === 0)).toBe(true);
  });

  test('a JSON array gives a list, its values untouched', () => {
    const [packaging, route] = loadManifests(fixture('bundle.json'), options);
    expect(packaging?.origin).toBe('fixtures/manifests/bundle.json, document 1, item 1 (line 2)');
    expect(route?.origin).toBe('fixtures/manifests/bundle.json, document 1, item 2 (line 12)');
    expect(packaging?.resource).toEqual({
      kind: 'ModelPackaging',
      id: 'wine',
      spec: {
        artifactName: 'wine-1.0.zip',
        integrationName: 'docker-rest',
        targets: [{ name: 'docker-push', connectionName: 'docker-ci' }],
        arguments: { imageName: '{{ Name }}-{{ Version }}:{{ RandomUUID }}', workers: 2 },
      },
    });
  });

  test('string fields keep the text as written: version 1.0 stays "1.0"', () => {
    const training = loadManifest(fixture('training.yaml'), 'ModelTraining', options);
    expect(training.resource.spec.model.version).toBe('1.0');
    expect(training.resource.spec.hyperParameters).toEqual({ alpha: '1.0', l1_ratio: '0.10' });
    expect(training.resource.spec.resources).toEqual({ requests: { cpu: '1', memory: '1Gi' } });
    expect(training.resource.spec.model.artifactNameTemplate).toBe(
      '{{ .Name }}-{{ .Version }}-{{ .RandomUUID }}.zip',
    );
  });
});

describe('checks', () => {
  test('a YAML syntax error names the file and the line', () => {
    expect(problemsOf(() => loadManifests(fixture('bad-syntax.yaml'), options))).toEqual([
      expect.stringMatching(
        /^fixtures\/manifests\/bad-syntax\.yaml, line 7, column \d+: not valid YAML or JSON: /,
      ),
    ]);
  });

  test('an unknown or missing kind, one line each', () => {
    expect(problemsOf(() => loadManifests(fixture('unknown-kind.yaml'), options))).toEqual([
      "fixtures/manifests/unknown-kind.yaml, document 1 (line 1): unknown kind of object: 'ModelTrainig' " +
        '(known: ModelTraining, ToolchainIntegration, ModelPackaging, PackagingIntegration, ModelDeployment, ' +
        'ModelRoute, Connection, InferenceService, InferenceJob)',
      'fixtures/manifests/unknown-kind.yaml, document 2 (line 5): kind is missing (one of ModelTraining, ' +
        'ToolchainIntegration, ModelPackaging, PackagingIntegration, ModelDeployment, ModelRoute, Connection, ' +
        'InferenceService, InferenceJob)',
    ]);
  });

  test('wrong JSON types, a missing id, every problem of every document', () => {
    const at = (document: number, line: number) =>
      `fixtures/manifests/wrong-types.yaml, document ${document} (line ${line})`;
    expect(problemsOf(() => loadManifests(fixture('wrong-types.yaml'), options))).toEqual([
      `${at(1, 1)}: spec.minReplicas must be a whole number, not the string "two"`,
      `${at(1, 1)}: spec.maxReplicas must be a whole number, not number 1.5`,
      `${at(1, 1)}: spec.annotations must be a map, not a list`,
      `${at(2, 10)}: spec.model must be a map, not the string "wine-1.0"`,
      `${at(2, 10)}: spec.args must be a list, not the string "--epochs"`,
      `${at(2, 10)}: spec.envs[0].value must be a string, not a map`,
      `${at(3, 19)}: spec.vital must be true or false, not the string "yes"`,
      `${at(3, 19)}: id is missing`,
    ]);
  });

  test('fields the server would ignore are warnings, with a guess at the typo', () => {
    const deployment = loadManifest(fixture('typo.yaml'), 'ModelDeployment', options);
    const at = 'fixtures/manifests/typo.yaml, document 1 (line 1)';
    expect(deployment.warnings).toEqual([
      `${at}: metadata is not a field of ModelDeployment; the server ignores it`,
      `${at}: spec.minReplica is not a field of ModelDeploymentSpec; the server ignores it (did you mean minReplicas?)`,
      `${at}: spec.resource is not a field of ModelDeploymentSpec; the server ignores it (did you mean resources?)`,
      `${at}: spec.resources.limits.memroy is not a field of ResourceList; the server ignores it (did you mean memory?)`,
    ]);
    expect(deployment.resource.spec.resources).toEqual({ limits: { cpu: '1', memroy: '1Gi' } });
  });

  test('a batch job needs no id: the server makes one', () => {
    const [job] = loadManifests('kind: InferenceJob\nspec:\n  inferenceServiceId: wine\n', options);
    expect(job).toMatchObject({ kind: 'InferenceJob', id: '' });
  });

  test('a document that is no map', () => {
    expect(problemsOf(() => loadManifests('- 1\n- [2]\n', options))).toEqual([
      'inline manifest, document 1, item 1 (line 1): a resource must be a map with kind, id and spec, not number 1',
      'inline manifest, document 1, item 2 (line 2): a resource must be a map with kind, id and spec, not a list',
    ]);
  });
});

describe('loadManifest: exactly one of a kind', () => {
  test('a document without a kind is of the kind asked for', () => {
    const training = loadManifest('id: wine\nspec:\n  toolchain: mlflow\n', 'ModelTraining', options);
    expect(training.resource).toMatchObject({ kind: 'ModelTraining', id: 'wine' });
  });

  test('more than one, or another kind, is an error', () => {
    expect(problemsOf(() => loadManifest(fixture('multi.yaml'), 'ModelDeployment', options))).toEqual([
      'fixtures/manifests/multi.yaml holds 3 resources; exactly one ModelDeployment is expected',
    ]);
    expect(problemsOf(() => loadManifest(fixture('training.yaml'), 'ModelPackaging', options))).toEqual([
      'fixtures/manifests/training.yaml, document 1 (line 2): kind is ModelTraining; a ModelPackaging is expected',
    ]);
  });
});

describe('template variables', () => {
  const vars = { run_id: '42', model_version: '1.0', alpha: '0.5' };

  test('fill placeholders; Go templates, JSON, flow maps and ${} pass through', () => {
    const training = loadManifest(fixture('templated.yaml'), 'ModelTraining', { ...options, vars });
    expect(training.id).toBe('wine-42');
    expect(training.resource.spec.model).toEqual({
      name: 'wine',
      version: '1.0',
      artifactNameTemplate: '{{ .Name }}-{{ .Version }}-{{ .RandomUUID }}.zip',
    });
    expect(training.resource.spec.envs).toEqual([{ name: 'HOME_DIR', value: '${HOME}' }]);
    expect(training.resource.spec.hyperParameters).toEqual({ alpha: '0.5' });
  });

  test('a placeholder without a value is an error naming it', () => {
    expect(
      problemsOf(() =>
        loadManifest(fixture('templated.yaml'), 'ModelTraining', { ...options, vars: { run_id: '1' } }),
      ),
    ).toEqual([
      'fixtures/manifests/templated.yaml, line 6: no value for template variable {model_version}',
      'fixtures/manifests/templated.yaml, line 10: no value for template variable {alpha}',
    ]);
  });

  test('without vars the text is taken as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifests-'));
    writeFileSync(join(dir, 'job.json'), '{"kind": "InferenceJob", "spec": {"inferenceServiceId": "{x}"}}');
    expect(
      loadManifest('job.json', 'InferenceJob', { env: { GITHUB_WORKSPACE: dir } }).resource.spec,
    ).toEqual({
      inferenceServiceId: '{x}',
    });
  });
});
