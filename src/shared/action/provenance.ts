// Where a ModelDeployment came from, written on it: the repository, commit, workflow run, actor and
// action that created or last changed it, as annotations under our own prefix (valid Kubernetes
// annotation keys, so they can travel to the model's pods as they are), so that
// `odahuflowctl dep get` answers "who deployed this?". They describe a write, not the model: an
// update that would change nothing else is skipped (a re-run on another commit leaves the
// deployment, and the record of the run that made it, alone), so comparisons leave them out.

import type { GitHubRun } from './github-run.js';
import type { ModelDeployment, ModelDeploymentSpec } from '../odahu/types.js';
import { ACTIONS_VERSION } from '../version.js';
import type { CallOptions, Store } from './apply.js';

/** A DNS subdomain of the Odahu project's domain, apart from the platform's own `odahu.org/` keys. */
export const PROVENANCE_PREFIX = 'actions.odahu.org/';

/** Every key, in the order the README lists them. */
export const PROVENANCE_KEYS = {
  repository: `${PROVENANCE_PREFIX}repository`,
  commit: `${PROVENANCE_PREFIX}commit`,
  runUrl: `${PROVENANCE_PREFIX}run-url`,
  actor: `${PROVENANCE_PREFIX}actor`,
  pullRequest: `${PROVENANCE_PREFIX}pull-request`,
  action: `${PROVENANCE_PREFIX}action`,
  version: `${PROVENANCE_PREFIX}version`,
} as const;

export type Provenance = Record<string, string>;

/** The annotations for a write by `actionName` in this run; outside GitHub, only the action's. */
export function provenanceOf(run: GitHubRun, actionName: string): Provenance {
  const repository = run.repository ? `${run.repository.owner}/${run.repository.repo}` : undefined;
  const entries: [string, string | undefined][] = [
    [PROVENANCE_KEYS.repository, repository],
    [PROVENANCE_KEYS.commit, run.sha],
    [PROVENANCE_KEYS.runUrl, run.runUrl],
    [PROVENANCE_KEYS.actor, run.actor],
    [PROVENANCE_KEYS.pullRequest, run.pullRequest?.url],
    [PROVENANCE_KEYS.action, run.actionRef ?? `odahu-actions/${actionName}`],
    [PROVENANCE_KEYS.version, ACTIONS_VERSION],
  ];
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => Boolean(entry[1])));
}

/** The spec without our annotations: what an update compares. */
export function withoutProvenance(spec: ModelDeploymentSpec): ModelDeploymentSpec {
  if (!spec.annotations) return spec;
  const kept = Object.entries(spec.annotations).filter(([key]) => !key.startsWith(PROVENANCE_PREFIX));
  return { ...spec, annotations: Object.fromEntries(kept) };
}

/** The deployment as written: its own annotations, with the provenance over any of ours it had. */
export function withProvenance(deployment: ModelDeployment, provenance: Provenance): ModelDeployment {
  const spec = withoutProvenance(deployment.spec);
  return { ...deployment, spec: { ...spec, annotations: { ...spec.annotations, ...provenance } } };
}

/** The deployment store of an action: every create and update carries the provenance. */
export function stampingStore(store: Store<ModelDeployment>, provenance: Provenance): Store<ModelDeployment> {
  return {
    find: (id: string, options?: CallOptions) => store.find(id, options),
    delete: (id: string, options?: CallOptions) => store.delete(id, options),
    create: (deployment: ModelDeployment, options?: CallOptions) =>
      store.create(withProvenance(deployment, provenance), options),
    update: (deployment: ModelDeployment, options?: CallOptions) =>
      store.update(withProvenance(deployment, provenance), options),
  };
}
