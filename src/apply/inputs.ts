// Every input of the apply action, parsed and checked in one place before any API call: every file
// read, every manifest checked against its kind's shape, ids, duplicates, a service's model and a
// job's service, the key material of connections masked. The manifests come out in dependency order.

import * as core from '@actions/core';
import { serviceProblems } from '../shared/action/batch-service.js';
import {
  readPollInterval,
  readSettingsAndVars,
  warnUnusedVars,
  withinStepTimeout,
} from '../shared/action/common-inputs.js';
import { InputReader } from '../shared/action/inputs.js';
import { provenanceOf } from '../shared/action/provenance.js';
import type { Provenance } from '../shared/action/provenance.js';
import { readGitHubRun } from '../shared/action/github-run.js';
import { DEPENDENCY_ORDER, idProblem, imageProblem } from '../shared/odahu/kinds.js';
import { loadManifests } from '../shared/action/manifests.js';
import type { Manifest } from '../shared/action/manifests.js';
import { maskConnectionSecrets } from '../shared/odahu/secrets.js';
import { actionInputs } from '../shared/odahu/settings.js';
import type { InputSource, OdahuSettings } from '../shared/odahu/settings.js';
import type { Connection, InferenceJob, InferenceService, ModelDeployment } from '../shared/odahu/types.js';
import { manifestSources } from './manifest-sources.js';

export type ApplyIfExists = 'update' | 'skip' | 'fail';

export interface ApplyInputs {
  settings: OdahuSettings;
  /** In dependency order (connections first, batch jobs last); in file order within a kind. */
  manifests: Manifest[];
  ifExists: ApplyIfExists;
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number | undefined;
  /** Delete the manifests' resources (in reverse order) instead of applying them. */
  delete: boolean;
  /** The annotations every deployment it creates or updates carries. */
  provenance: Provenance;
}

export async function readApplyInputs(source: InputSource = actionInputs): Promise<ApplyInputs> {
  const reader = new InputReader(source);
  const { settings, vars } = readSettingsAndVars(reader);
  const value = reader.required('manifests', 'manifests inline, a file, or files and globs one a line');
  const manifests: Manifest[] = [];
  if (value) {
    const sources = await manifestSources(value, source.env);
    for (const problem of sources.problems) reader.problem(problem);
    for (const input of sources.inputs) {
      const loaded = reader.collect(() =>
        loadManifests(input, {
          inputName: 'manifests',
          vars: vars.values,
          usedVars: vars.used,
          env: source.env,
        }),
      );
      for (const manifest of loaded ?? []) {
        for (const warning of manifest.warnings) core.warning(warning);
        manifests.push(manifest);
      }
    }
    if (sources.problems.length === 0 && manifests.length === 0 && sources.inputs.length > 0) {
      reader.problem('input manifests holds no resources');
    }
  }
  const ifExists = reader.choice('if-exists', ['update', 'skip', 'fail'] as const, 'update');
  const wait = reader.boolean('wait', false);
  const timeoutMs = reader.duration('timeout', '2h');
  const pollIntervalMs = readPollInterval(reader);
  const deleting = reader.boolean('delete', false);
  for (const problem of manifestProblems(manifests, deleting)) reader.problem(problem);
  reader.finish();
  warnUnusedVars(vars, source);
  return {
    settings: withinStepTimeout(settings, timeoutMs)!,
    manifests: inDependencyOrder(manifests),
    ifExists,
    wait,
    timeoutMs,
    pollIntervalMs,
    delete: deleting,
    provenance: provenanceOf(readGitHubRun(source.env, 'apply').run, 'apply'),
  };
}

/** Ids the server would refuse, a resource given twice, a service without a model, a job without a service. */
function manifestProblems(manifests: Manifest[], deleting: boolean): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const manifest of manifests) {
    const { kind, id, origin } = manifest;
    if (kind === 'Connection') {
      const remedy =
        'encode it (base64 -w0), or create the connection with the connection action, whose inputs encode it';
      for (const problem of maskConnectionSecrets((manifest.resource as Connection).spec, remedy)) {
        problems.push(`${origin}: ${problem}`);
      }
    }
    if (kind === 'InferenceJob') {
      if (!(manifest.resource as InferenceJob).spec.inferenceServiceId) {
        problems.push(`${origin}: spec.inferenceServiceId is required: the service the job runs`);
      }
      if (id && !deleting)
        core.warning(`${origin}: the server generates InferenceJob ids; id ${id} is ignored`);
      continue;
    }
    const invalid = idProblem(kind, id);
    if (invalid) problems.push(`${origin}: ${invalid}`);
    const image =
      kind === 'ModelDeployment'
        ? imageProblem((manifest.resource as ModelDeployment).spec.image ?? '')
        : undefined;
    if (image) problems.push(`${origin}: spec.image: ${image}`);
    const key = `${kind} ${id}`;
    const earlier = seen.get(key);
    if (earlier) problems.push(`${origin}: ${key} is also given at ${earlier}; give each resource once`);
    else seen.set(key, origin);
    if (kind === 'InferenceService' && !deleting) {
      for (const problem of serviceProblems(manifest.resource as InferenceService)) {
        problems.push(`${origin}: ${problem}`);
      }
    }
  }
  return problems;
}

function inDependencyOrder(manifests: Manifest[]): Manifest[] {
  const rank = (manifest: Manifest) => (DEPENDENCY_ORDER as readonly string[]).indexOf(manifest.kind);
  // Array.prototype.sort is stable: within a kind, the order of the files stays.
  return [...manifests].sort((a, b) => rank(a) - rank(b));
}
