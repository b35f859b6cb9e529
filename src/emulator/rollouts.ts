// Model deployments and routes as Knative and Istio make them happen: a deployment goes Processing
// → Ready (or stays Processing when its image cannot be pulled), a route turns Ready once all its
// targets are, and the edge serves a deployment's last ready revision. A PUT rolls a new revision out
// while the old one keeps serving; a DELETE marks the deployment, turns it Deleting, then removes it
// with its default route. Every status change is published on the event feeds.

import type { Artifacts, ModelIdentity } from './artifacts.js';
import { moment, nowNs, rfc3339 } from './clock.js';
import { ZERO_PAYLOAD, type Outbox } from './events.js';
import { planRun } from './overrides.js';
import type { Store } from './store.js';
import type { StatusChange } from './options.js';
import type { Timers } from './timers.js';
import type { ModelDeploymentStatus, ModelRoute, ModelRouteStatus } from '../shared/types.js';

export interface RolloutSettings {
  deploymentSeconds: number;
  edgeWarmupSeconds: number;
}

/** A revision the edge can send requests to. */
export interface ServingRevision {
  deploymentId: string;
  model: ModelIdentity;
  roleName: string;
}

interface DeploymentRuntime {
  revision: number;
  serving?: ServingRevision;
  /** The edge answers 503 until then, after the first revision turned Ready. */
  warmUntil: number;
  /** A DELETE marked it; once `deleting`, its Knative service is going and nothing serves. */
  removal: 'none' | 'marked' | 'deleting';
}

/** The moments of a rollout and of a removal, as shares of the deployment duration. */
const CONTROLLER_PASS = 0.1;
const DELETING_AT = 0.05;
const REMOVED_AT = 0.25;

/** The only predictor whose model server the emulator runs (triton models are not emulated). */
const ML_SERVER = 'odahu-ml-server';

export class Rollouts {
  private readonly runtimes = new Map<string, DeploymentRuntime>();
  /** Routes the edge knows (an Istio VirtualService exists once the route was Ready). */
  private readonly liveRoutes = new Set<string>();
  /** The last status the controller wrote per deployment, to restore after an unchanged PUT. */
  private readonly lastStatus = new Map<string, ModelDeploymentStatus>();

  constructor(
    private readonly store: Store,
    private readonly outbox: Outbox,
    private readonly artifacts: Artifacts,
    private readonly timers: Timers,
    private readonly settings: RolloutSettings,
    private readonly onStatus: (change: StatusChange) => void = () => undefined,
  ) {}

  /**
   * After a POST, or a PUT. A changed spec (or a deployment whose removal had begun) rolls out a new
   * revision; an unchanged one only gets its status back on the controller's next pass.
   */
  rollOut(id: string, changed: boolean): void {
    const runtime = this.runtime(id);
    const key = `deployment/${id}`;
    if (runtime.removal !== 'none') {
      // A PUT cancels a pending deletion; what the controller had begun to remove is made again.
      this.timers.cancel(key);
      if (runtime.removal === 'deleting') runtime.serving = undefined;
      runtime.removal = 'none';
      changed = true;
    }
    const durationMs = this.durationOf(id);
    if (!changed) {
      this.timers.after(key, durationMs * CONTROLLER_PASS, () => {
        const status = this.lastStatus.get(id);
        if (status) this.setStatus(id, status);
      });
      return;
    }
    this.timers.cancel(key);
    runtime.revision += 1;
    const revision = runtime.revision;
    this.timers.after(key, durationMs * CONTROLLER_PASS, () => {
      this.setStatus(id, {
        state: 'Processing',
        availableReplicas: 0,
        replicas: this.replicas(id),
        ...updated(),
      });
    });
    this.timers.after(key, durationMs, () => this.finishRollout(id, revision));
  }

  /** DELETE: the mark is set by the API; the controller removes the service, then the rows. */
  remove(id: string): void {
    const runtime = this.runtime(id);
    const key = `deployment/${id}`;
    // A repeated DELETE changes nothing.
    if (runtime.removal !== 'none') return;
    runtime.removal = 'marked';
    this.timers.cancel(key);
    const durationMs = this.durationOf(id);
    this.timers.after(key, durationMs * DELETING_AT, () => {
      runtime.removal = 'deleting';
      runtime.serving = undefined;
      const current = this.store.deployments.get(id)?.status ?? { availableReplicas: 0, replicas: 0 };
      this.setStatus(id, { ...current, state: 'Deleting' });
    });
    this.timers.after(key, durationMs * REMOVED_AT, () => {
      const datetime = moment().stored;
      const route = this.store.defaultRouteOf(id);
      if (route) this.dropRoute(route.id);
      this.store.deployments.delete(id);
      this.runtimes.delete(id);
      this.lastStatus.delete(id);
      if (route) this.outbox.add('route', route.id, 'ModelRouteDeleted', ZERO_PAYLOAD.route, datetime);
      this.outbox.add('deployment', id, 'ModelDeploymentDeleted', ZERO_PAYLOAD.deployment, datetime);
      this.reconcileRoutesOf(id);
    });
  }

  /** A route was created or changed: the route controller looks at it on its next pass. */
  routeChanged(id: string): void {
    const key = `route/${id}`;
    this.timers.cancel(key);
    this.timers.after(key, this.settings.deploymentSeconds * 1000 * CONTROLLER_PASS, () =>
      this.reconcileRoute(id),
    );
  }

  /** A route was deleted: the edge forgets it at once. */
  dropRoute(id: string): void {
    this.timers.cancel(`route/${id}`);
    this.liveRoutes.delete(id);
    this.store.routes.delete(id);
  }

  /** The revision serving a deployment at the edge, or why none does. */
  serving(id: string): ServingRevision | 'unavailable' {
    const runtime = this.runtimes.get(id);
    if (!runtime?.serving || Date.now() < runtime.warmUntil) return 'unavailable';
    return runtime.serving;
  }

  /**
   * The live route whose match prefix is the longest one the path starts with. Istio's
   * VirtualService matches `<urlPrefix>/`: the bare prefix itself matches no route.
   */
  routeFor(path: string): ModelRoute | undefined {
    let best: ModelRoute | undefined;
    for (const id of this.liveRoutes) {
      const route = this.store.routes.get(id);
      if (!route || !path.startsWith(matchPrefix(route))) continue;
      if (!best || route.spec.urlPrefix.length > best.spec.urlPrefix.length) best = route;
    }
    return best;
  }

  private finishRollout(id: string, revision: number): void {
    const deployment = this.store.deployments.get(id);
    if (!deployment) return;
    const runtime = this.runtime(id);
    const replicas = this.replicas(id);
    if (planRun(deployment.spec.annotations, 0).fails) {
      this.setStatus(id, { state: 'Failed', availableReplicas: 0, replicas, ...updated() });
      return;
    }
    const model = this.artifacts.image(deployment.spec.image);
    // An image no packaging pushed cannot be pulled, and an unknown predictor never starts: Knative
    // keeps retrying, so the deployment stays Processing (the old revision, if any, keeps serving).
    if (!model || deployment.spec.predictor !== ML_SERVER) return;
    if (!runtime.serving) runtime.warmUntil = Date.now() + this.settings.edgeWarmupSeconds * 1000;
    runtime.serving = { deploymentId: id, model, roleName: deployment.spec.roleName ?? `role-${id}` };
    this.setStatus(id, {
      state: 'Ready',
      deployment: `${id}-${String(revision).padStart(5, '0')}-deployment`,
      hostHeader: `${id}.odahu-flow-deployment.svc.cluster.local`,
      availableReplicas: replicas,
      replicas,
      ...updated(),
      modelName: model.name,
      modelVersion: model.version,
    });
  }

  private setStatus(id: string, status: ModelDeploymentStatus): void {
    const deployment = this.store.deployments.get(id);
    if (!deployment) return;
    this.lastStatus.set(id, status);
    if (JSON.stringify(deployment.status) === JSON.stringify(status)) return;
    deployment.status = status;
    this.onStatus({ kind: 'deployment', id, state: status.state ?? '', at: Date.now() });
    this.outbox.add(
      'deployment',
      id,
      'ModelDeploymentStatusUpdated',
      structuredClone(deployment),
      moment().stored,
    );
    this.reconcileRoutesOf(id);
  }

  private reconcileRoutesOf(deploymentId: string): void {
    for (const route of this.store.routes.list()) {
      const targets = route.spec.modelDeployments ?? [];
      if (route.spec.mirror === deploymentId || targets.some((t) => t.mdName === deploymentId)) {
        // Only routes the route controller has already looked at; a new one waits for its first pass.
        if (route.status?.state) this.reconcileRoute(route.id);
      }
    }
  }

  private reconcileRoute(id: string): void {
    const route = this.store.routes.get(id);
    if (!route) return;
    const isReady = (name: string): boolean => {
      const target = this.store.deployments.get(name);
      return target?.status?.state === 'Ready';
    };
    const targets = route.spec.modelDeployments ?? [];
    const ready =
      targets.length > 0 &&
      targets.every((t) => isReady(t.mdName)) &&
      (!route.spec.mirror || isReady(route.spec.mirror));
    // The route controller writes edgeUrl with every status, Processing included.
    const status: ModelRouteStatus = {
      edgeUrl: `${this.store.config.edgeHost}${route.spec.urlPrefix}`,
      state: ready ? 'Ready' : 'Processing',
    };
    if (ready) this.liveRoutes.add(id);
    if (JSON.stringify(route.status) === JSON.stringify(status)) return;
    route.status = status;
    this.outbox.add('route', id, 'ModelRouteStatusUpdated', structuredClone(route), moment().stored);
  }

  private runtime(id: string): DeploymentRuntime {
    let runtime = this.runtimes.get(id);
    if (!runtime) {
      runtime = { revision: 0, warmUntil: 0, removal: 'none' };
      this.runtimes.set(id, runtime);
    }
    return runtime;
  }

  private durationOf(id: string): number {
    const deployment = this.store.deployments.get(id);
    return planRun(deployment?.spec.annotations, this.settings.deploymentSeconds).durationMs;
  }

  private replicas(id: string): number {
    return Math.max(this.store.deployments.get(id)?.spec.minReplicas ?? 0, 1);
  }
}

/** What the route's VirtualService matches (it rewrites this prefix to `/` on the model server). */
export function matchPrefix(route: ModelRoute): string {
  return `${route.spec.urlPrefix}/`;
}

/** Knative's condition time: whole seconds. */
function updated(): { lastUpdatedTime: string } {
  return { lastUpdatedTime: rfc3339(nowNs(), 0) };
}
