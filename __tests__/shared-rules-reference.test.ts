// The rules the client and the emulator share (src/shared/odahu/shapes.ts, src/shared/odahu/kinds.ts,
// src/shared/odahu/stored-deployment.ts) checked against the official material, so that a rule wrong on
// both sides cannot pass unnoticed: every kind's fields and JSON types against swagger.yaml (and
// every resource type of src/shared/odahu/types.ts, with TypeScript's checker), the id
// rule and the deployment id limit against REFERENCE.md, and the deployment defaults against
// REFERENCE.md's table (and, through the emulator's answers, its own rules). Where ../shared is
// absent each check says it is skipped; with CI=true it fails instead.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { withServerDefaults } from '../src/shared/odahu/stored-deployment.js';
import { ID_PATTERN, KIND_NAMES, MAX_DEPLOYMENT_ID_LENGTH } from '../src/shared/odahu/kinds.js';
import { KIND_SHAPES, type Shape } from '../src/shared/odahu/shapes.js';
import type { SchemaObject } from './helpers/swagger-contract.js';
import { typeDifferences } from './helpers/types-contract.js';

const SHARED = fileURLToPath(new URL('../../shared/odahu-api/', import.meta.url));
const SWAGGER = `${SHARED}swagger.yaml`;
const REFERENCE = `${SHARED}REFERENCE.md`;

/** A test that needs a shared file: skipped (saying so) where it is absent, failed on CI. */
function withFile(path: string): jest.It {
  if (existsSync(path)) return it;
  if (process.env.CI === 'true') {
    return ((name: string) =>
      it(name, () => {
        throw new Error(`${path} is missing: CI must check against it`);
      })) as unknown as jest.It;
  }
  return ((name: string) => it.skip(`${name} (skipped: no ${path})`, () => undefined)) as unknown as jest.It;
}

/**
 * Where the spec and the server's Go types (which shapes.ts follows) disagree, as REFERENCE.md and
 * the Go source say. Keys: `<Go type>.<field>`.
 */
const SPEC_DIFFERENCES: Readonly<Record<string, string>> = {
  // The server emits deletionMark (`json:"deletionMark,omitempty" swaggerignore:"true"`).
  'ModelTraining.deletionMark': 'not in the spec',
  'ModelPackaging.deletionMark': 'not in the spec',
  'ModelDeployment.deletionMark': 'not in the spec',
  'ModelRoute.deletionMark': 'not in the spec',
  'InferenceJob.deletionMark': 'not in the spec',
  // Integrations, connections and batch services have no deletion mark: the shared envelope offers
  // one, and the server's decoder ignores the unknown field.
  'ToolchainIntegration.deletionMark': 'not in the spec',
  'PackagingIntegration.deletionMark': 'not in the spec',
  'Connection.deletionMark': 'not in the spec',
  'InferenceService.deletionMark': 'not in the spec',
  // Parameter.value is interface{} (the spec says object).
  'Parameter.value': 'any JSON value',
};

function resolve(
  document: { definitions: Record<string, SchemaObject> },
  schema: SchemaObject,
): SchemaObject {
  let current = schema;
  while (current.$ref) {
    const name = current.$ref.replace('#/definitions/', '');
    const next = document.definitions[name];
    if (!next) throw new Error(`unresolved ${current.$ref}`);
    current = next;
  }
  return current;
}

function jsonType(shape: Shape): string {
  switch (shape.t) {
    case 'string':
      return 'string';
    case 'int':
      return 'integer';
    case 'bool':
      return 'boolean';
    case 'array':
      return 'array';
    default:
      return 'object';
  }
}

/** Every difference between a shape and the spec's schema for it, one line each. */
function differences(
  used: Set<string>,
  document: { definitions: Record<string, SchemaObject> },
  shape: Shape,
  schema: SchemaObject,
  where: string,
  owner: string,
): string[] {
  const resolved = resolve(document, schema);
  if (shape.t === 'any') return [];
  if (shape.t === 'object') {
    const properties = resolved.properties ?? {};
    const found: string[] = [];
    for (const [name, field] of Object.entries(shape.fields)) {
      const key = `${shape.go}.${name}`;
      const property = properties[name];
      if (SPEC_DIFFERENCES[key]) {
        used.add(key);
        continue;
      }
      if (!property) {
        found.push(`${where}.${name}: in shapes.ts, not in the spec (${key})`);
        continue;
      }
      found.push(...differences(used, document, field, property, `${where}.${name}`, shape.go));
    }
    for (const name of Object.keys(properties)) {
      if (!(name in shape.fields))
        found.push(`${where}.${name}: in the spec, not in shapes.ts (${shape.go})`);
    }
    return found;
  }
  const expected = jsonType(shape);
  const actual = resolved.type ?? (resolved.properties ? 'object' : undefined);
  if (actual !== expected)
    return [`${where}: ${expected} in shapes.ts, ${String(actual)} in the spec (${owner})`];
  if (shape.t === 'array') {
    return differences(used, document, shape.of, resolved.items ?? {}, `${where}[]`, owner);
  }
  if (shape.t === 'map') {
    const values = typeof resolved.additionalProperties === 'object' ? resolved.additionalProperties : {};
    return differences(used, document, shape.of, values, `${where}{}`, owner);
  }
  return [];
}

describe("every kind's shape against swagger.yaml", () => {
  withFile(SWAGGER)('the same fields, each with the same JSON type', () => {
    const document = load(readFileSync(SWAGGER, 'utf8')) as { definitions: Record<string, SchemaObject> };
    const used = new Set<string>();
    const found = KIND_NAMES.flatMap((kind) =>
      differences(used, document, KIND_SHAPES[kind], { $ref: `#/definitions/${kind}` }, kind, kind),
    );
    expect(found).toEqual([]);
    // Each listed difference is still one.
    expect(Object.keys(SPEC_DIFFERENCES).filter((key) => !used.has(key))).toEqual([]);
  });
});

/** REFERENCE.md's text, when it is there. */
const reference = (): string => readFileSync(REFERENCE, 'utf8');

/** The row of REFERENCE.md's ModelDeployment table for a spec field. */
function deploymentRow(field: string): string {
  const section =
    reference()
      .split('\n### ')
      .find((s) => /^[\d.]+ ModelDeployment\n/.test(s)) ?? '';
  const row = section.split('\n').find((line) => line.startsWith(`| \`${field}\``));
  if (!row) throw new Error(`REFERENCE.md has no ModelDeployment row for ${field}`);
  return row;
}

describe('the id rules against REFERENCE.md', () => {
  withFile(REFERENCE)("the id pattern is the server's (validation.ValidateID)", () => {
    const stated = /\*\*ID rule\*\* `([^`]+)`/.exec(reference())?.[1];
    expect(ID_PATTERN.source).toBe(stated);
  });

  withFile(REFERENCE)('deployment ids are limited to the length the reference gives', () => {
    const stated = /ModelDeployment ≤(\d+) chars/.exec(reference())?.[1];
    expect(MAX_DEPLOYMENT_ID_LENGTH).toBe(Number(stated));
  });
});

describe('the deployment defaults against REFERENCE.md', () => {
  const config = {
    defaultResources: {
      requests: { cpu: '125m', memory: '128Mi' },
      limits: { cpu: '250m', memory: '256Mi' },
    },
    defaultDockerPullConnName: 'pull-default',
  };
  const filled = (spec: Record<string, unknown>) =>
    withServerDefaults('wine', { image: 'i', predictor: 'p', ...spec }, config);

  withFile(REFERENCE)('replicas', () => {
    expect(deploymentRow('minReplicas')).toContain('default 0');
    expect(filled({}).minReplicas).toBe(0);
    expect(deploymentRow('maxReplicas')).toContain('default = minReplicas if >1, else 1');
    expect(filled({}).maxReplicas).toBe(1);
    expect(filled({ minReplicas: 1 }).maxReplicas).toBe(1);
    expect(filled({ minReplicas: 3 }).maxReplicas).toBe(3);
    expect(filled({ minReplicas: 3, maxReplicas: 5 }).maxReplicas).toBe(5);
  });

  withFile(REFERENCE)('probe delays', () => {
    const row = deploymentRow('livenessProbeInitialDelay');
    expect(row).toContain('`readinessProbeInitialDelay`');
    const stated = Number(/default (\d+)/.exec(row)?.[1]);
    expect(filled({})).toMatchObject({
      livenessProbeInitialDelay: stated,
      readinessProbeInitialDelay: stated,
    });
    expect(filled({ livenessProbeInitialDelay: 0 }).livenessProbeInitialDelay).toBe(0);
  });

  withFile(REFERENCE)('role name', () => {
    expect(deploymentRow('roleName')).toContain('default `role-<id>`');
    expect(filled({}).roleName).toBe('role-wine');
    // The server tests for nil or empty.
    expect(filled({ roleName: '' }).roleName).toBe('role-wine');
    expect(filled({ roleName: 'readers' }).roleName).toBe('readers');
  });

  withFile(REFERENCE)('resources and image pull connection come from the configuration', () => {
    expect(deploymentRow('resources')).toContain('default `deployment.defaultResources`');
    expect(filled({}).resources).toEqual(config.defaultResources);
    expect(filled({}).resources).not.toBe(config.defaultResources);
    expect(deploymentRow('imagePullConnID')).toContain(
      'default config `deployment.defaultDockerPullConnName`',
    );
    expect(filled({}).imagePullConnID).toBe('pull-default');
    expect(filled({ imagePullConnID: '' }).imagePullConnID).toBe('pull-default');
    expect(withServerDefaults('wine', { image: 'i', predictor: 'p' }, {}).imagePullConnID).toBe('');
  });
});

describe('src/shared/odahu/types.ts against swagger.yaml', () => {
  const TYPES = fileURLToPath(new URL('../src/shared/odahu/types.ts', import.meta.url));
  const definitions = () =>
    (load(readFileSync(SWAGGER, 'utf8')) as { definitions: Record<string, SchemaObject> }).definitions;
  /** The server emits deletionMark on every resource (`swaggerignore:"true"`, as above). */
  const DELETION_MARKS = Object.fromEntries(
    Object.entries(SPEC_DIFFERENCES).filter(([key]) => key.endsWith('.deletionMark')),
  );

  withFile(SWAGGER)("every resource type has its definition's properties and their JSON types", () => {
    const { lines, compared } = typeDifferences(TYPES, definitions(), DELETION_MARKS);
    expect(lines).toEqual([]);
    expect(compared).toBeGreaterThan(30);
  });

  withFile(SWAGGER)('a property renamed, added or of another type is found', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'types-')), 'types.ts');
    writeFileSync(
      file,
      'export interface ModelIdentity { name: string; versionNumber: string; artifactNameTemplate?: string }\n' +
        'export interface Target { name: number; connectionName?: string; extra?: boolean }\n',
    );
    expect(typeDifferences(file, definitions()).lines).toEqual([
      'ModelIdentity.versionNumber: not in the spec',
      'ModelIdentity.version: in the spec, not here',
      'Target.name: number here, string in the spec',
      'Target.extra: not in the spec',
    ]);
  });
});
