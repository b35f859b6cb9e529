// The integrations a fresh Odahu cluster is installed with (../shared/odahu-api/cluster-defaults, when
// present): the real server accepts each, so the rules must too, and packagings must work with them.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import {
  decodeBody,
  prepareModelPackaging,
  preparePackagingIntegration,
  prepareToolchainIntegration,
} from '../src/emulator/rules/index.js';
import type { PackagingIntegration, ToolchainIntegration } from '../src/shared/odahu/types.js';
import { cluster } from './emulator-rules-fixture.js';

const DEFAULTS_DIR = fileURLToPath(new URL('../../shared/odahu-api/cluster-defaults', import.meta.url));
const present = existsSync(DEFAULTS_DIR);

interface Manifest {
  name: string;
  kind: string;
  /** The body the server gets: JSON as written, YAML as the JSON the SDK makes of it. */
  json: string;
}

function readManifests(): Manifest[] {
  return readdirSync(DEFAULTS_DIR)
    .filter((name) => /\.(json|ya?ml)$/.test(name))
    .map((name) => {
      const text = readFileSync(join(DEFAULTS_DIR, name), 'utf8');
      const json = name.endsWith('.json') ? text : JSON.stringify(load(text));
      return { name, kind: (JSON.parse(json) as { kind: string }).kind, json };
    });
}

(present ? describe : describe.skip)('cluster defaults from ../shared/odahu-api/cluster-defaults', () => {
  const view = cluster();
  const manifests = present ? readManifests() : [];
  const toolchains: ToolchainIntegration[] = [];
  const integrations: PackagingIntegration[] = [];

  it('are each accepted as the real server accepts them', () => {
    expect(manifests.map(({ kind }) => kind)).toEqual(
      expect.arrayContaining(['PackagingIntegration', 'ToolchainIntegration']),
    );
    for (const { name, kind, json } of manifests) {
      if (kind === 'ToolchainIntegration') {
        const body = decodeBody(kind, json);
        toolchains.push({ ...prepareToolchainIntegration(body, view, { create: true }), status: {} });
      } else if (kind === 'PackagingIntegration') {
        const body = decodeBody(kind, json);
        integrations.push({ ...preparePackagingIntegration(body, view, { create: true }), status: {} });
      } else {
        throw new Error(`${name}: unexpected kind ${kind}`);
      }
    }
    expect(toolchains.length + integrations.length).toBe(manifests.length);
  });

  it('let a packaging use each packaging integration with its argument defaults', () => {
    const withFiles = cluster({ toolchains, packagingIntegrations: integrations });
    for (const integration of integrations) {
      const defaults = (integration.spec.schema.arguments.properties ?? []).flatMap((property) =>
        property.parameters
          .filter((parameter) => parameter.name === 'default')
          .map((parameter) => [property.name, parameter.value] as const),
      );
      const body = {
        id: 'wine-pack',
        spec: {
          artifactName: 'wine-1.0.zip',
          integrationName: integration.id,
          arguments: Object.fromEntries(defaults),
          targets: [{ name: 'docker-push', connectionName: 'docker-ci' }],
        },
      };
      const spec = prepareModelPackaging(body, withFiles, { create: true }).spec;
      expect(spec.image).toBe(integration.spec.defaultImage);
      expect(spec.targets?.[0]).toEqual({ name: 'docker-push', connectionName: 'docker-ci' });
    }
  });
});
