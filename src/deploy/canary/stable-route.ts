// The stable URL of a canary release: a custom ModelRoute under the cluster's custom route prefix,
// whose weights move the traffic from one version to the next. Each change is waited for until the
// route is Ready again: the route controller rewrites the edge's VirtualService only once every
// target is Ready, so Ready is when the new weights are in force.
//
// The route's first target is the version that served before the rollout began (the rollout always
// writes it first), which is how a re-run after an interrupted rollout tells the versions apart.

import * as core from '@actions/core';
import type { OdahuClient } from '../../shared/odahu/client.js';
import type { ModelDeploymentTarget, ModelRoute } from '../../shared/odahu/types.js';
import type { Phase } from '../../shared/action/phases.js';
import { watch } from '../../shared/action/watch.js';
import { logText } from '../../shared/odahu/untrusted-text.js';

/** Route changes are polled at least this often: each step of a rollout waits for one. */
const MAX_ROUTE_POLL_MS = 1000;

export const routePhase: Phase<ModelRoute> = {
  kind: 'ModelRoute',
  noun: 'route',
  get: (client, id, options) => client.routes.get(id, options),
  state: (r) => r.status?.state || 'pending',
  detail: () => '',
  // A route the controller cannot make Ready stays Processing; nothing is final but Ready.
  outcome: (r) => (r.status?.state === 'Ready' ? 'succeeded' : 'pending'),
  failure: () => 'it is not Ready',
  timeoutHint: (r) =>
    ` (a route is Ready once every deployment it sends to is: check ${(r.spec.modelDeployments ?? []).map((t) => t.mdName).join(', ')})`,
  outputs: (_client, r) => Promise.resolve({ url: r.status?.edgeUrl ?? '' }),
  keyOutputs: ['url'],
  idOutput: 'route-id',
};

export interface RouteWaiting {
  timeoutMs: number;
  /** The user's poll-interval; undefined for the adaptive schedule. */
  pollIntervalMs: number | undefined;
}

export class StableRoute {
  /** The route as last read or written; undefined while there is none. */
  private current: ModelRoute | undefined;

  constructor(
    private readonly client: OdahuClient,
    readonly id: string,
    readonly urlPrefix: string,
    private readonly waiting: RouteWaiting,
  ) {}

  async read(signal: AbortSignal): Promise<ModelRoute | undefined> {
    this.current = await this.client.routes.find(this.id, { signal });
    return this.current;
  }

  /** The deployments it sends to, in its order (the version that served first). */
  targets(): ModelDeploymentTarget[] {
    return this.current?.spec.modelDeployments ?? [];
  }

  /** The edge URL: the route's, once the controller wrote it. */
  get url(): string {
    return this.current?.status?.edgeUrl ?? '';
  }

  /** Sends the traffic to `targets` (creating the route if need be) and waits until it is Ready. */
  async send(
    targets: ModelDeploymentTarget[],
    signal: AbortSignal,
    timeoutMs = this.waiting.timeoutMs,
  ): Promise<void> {
    const route: ModelRoute = { id: this.id, spec: { urlPrefix: this.urlPrefix, modelDeployments: targets } };
    core.info(logText(`Route ${this.id}: ${describeTargets(targets)}.`));
    this.current = this.current
      ? await this.client.routes.update(route, { signal })
      : await this.client.routes.create(route, { signal });
    this.current = await watch(routePhase, this.client, this.id, {
      timeoutMs,
      pollIntervalMs: Math.min(this.waiting.pollIntervalMs ?? MAX_ROUTE_POLL_MS, MAX_ROUTE_POLL_MS),
      signal,
      logs: false,
    });
  }

  async delete(signal: AbortSignal): Promise<void> {
    core.info(logText(`Deleting route ${this.id}.`));
    await this.client.routes.delete(this.id, { signal });
    this.current = undefined;
  }
}

/** `90% wine-1a2b3c, 10% wine-4d5e6f` (one target: `wine-1a2b3c alone`). */
export function describeTargets(targets: ModelDeploymentTarget[]): string {
  if (targets.length === 1) return `${targets[0]!.mdName} alone`;
  return targets.map((t) => `${t.weight ?? 100}% ${t.mdName}`).join(', ');
}
