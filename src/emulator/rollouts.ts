// Model deployments and routes as the 1.6.1 deployment controller, Knative and Istio make them
// happen: a deployment goes Processing → Ready (or stays Processing when its image cannot be pulled),
// a route turns Ready once all its targets are (its VirtualService, which the edge follows, is
// rewritten only then), and the edge serves a deployment's last ready revision. A PUT rolls a new revision out while the old one keeps serving; a DELETE marks the
// deployment, turns it Deleting, then removes it with its default route, and a PUT after the DELETE
// does not stop that. Every status change is published on the event feeds.
//
// The controller never writes Failed. Before it makes the Knative service it refuses an unknown
// predictor and checks the image pull connection (it must exist and be docker or ecr): either error
// ends its pass before any state is written, and nothing makes it try again until the next PUT.

import type { ModelIdentity } from './artifacts.js';
import { moment, nowNs, rfc3339 } from './clock.js';
import { ZERO_PAYLOAD, type Outbox } from './events.js';
import type { ImagePulls } from './image-pulls.js';
import { planModel, planRun, type ModelBehaviour } from './overrides.js';
import type { Store } from './store.js';
import type { StatusChange } from './options.js';
import type { Timers } from './timers.js';
import { VirtualServices, type Destination, type VirtualService } from './virtual-services.js';
import type { ModelDeploymentStatus, ModelRouteStatus } from '../shared/odahu/types.js';

export interface RolloutSettings {
  deploymentSeconds: number;
  edgeWarmupSeconds: number;
  /** The controller's period: a marked deployment turns Deleting on its next pass. */
  launchPeriodSeconds: number;
}

/** A revision the edge can send requests to. */
export interface ServingRevision {
  deploymentId: string;
  model: ModelIdentity;
  roleName: string;
  /** From the revision's annotations (emulator-error-rate, ...): how its model server misbehaves. */
  behaviour: ModelBehaviour;
}

interface DeploymentRuntime {
  revision: number;
  serving?: ServingRevision;
  /** The edge answers 503 while the first revision to turn Ready warms up (a step on the clock). */
  warming: boolean;
  /** A DELETE marked it; once `deleting`, its Knative service is going and nothing serves. */
  removal: 'none' | 'marked' | 'deleting';
  /**
   * A PUT after the DELETE changed the spec: the Kubernetes object keeps the old one, and the
   * controller delivers a status only when both specs agree, so none reaches the row any more.
   */
  statusCut: boolean;
  /** `lastUpdatedTime`: when the controller made pull credentials from an ECR connection. */
  credsUpdatedAt?: string;
}

/** The moments of a rollout, and how long removing a service takes, as shares of the duration. */
const CONTROLLER_PASS = 0.1;
const REMOVAL_TAKES = 0.2;

/** The only predictor whose model server the emulator runs (triton models are not emulated). */
const ML_SERVER = 'odahu-ml-server';
/** The predictors the controller knows (odahu-commons/predictors); any other gets no state. */
const PREDICTORS = new Set([ML_SERVER, 'triton']);
/** The connection types the controller can make image pull credentials from. */
const PULL_CONNECTION_TYPES = new Set(['docker', 'ecr']);

export class Rollouts {
  private readonly runtimes = new Map<string, DeploymentRuntime>();
  /** What the edge routes by: the VirtualService of each route, once the controller made one. */
  private readonly virtualServices = new VirtualServices();
  /** The last status the controller wrote per deployment, to restore after an unchanged PUT. */
  private readonly lastStatus = new Map<string, ModelDeploymentStatus>();

  constructor(
    private readonly store: Store,
    private readonly outbox: Outbox,
    private readonly images: ImagePulls,
    private readonly timers: Timers,
    private readonly settings: RolloutSettings,
    private readonly onStatus: (change: StatusChange) => void = () => undefined,
  ) {}

  /**
   * After a POST, or a PUT. A changed spec rolls out a new revision; an unchanged one only gets its
   * status back on the controller's next pass. After a DELETE the deletion goes on whatever the PUT.
   */
  rollOut(id: string, changed: boolean): void {
    const runtime = this.runtime(id);
    const key = `deployment/${id}`;
    if (runtime.removal !== 'none' && changed) runtime.statusCut = true;
    const durationMs = this.durationOf(id);
    if (!changed || runtime.removal !== 'none') {
      if (runtime.statusCut) return;
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
      if (!this.controllerProceeds(id)) return;
      this.setStatus(id, {
        state: 'Processing',
        availableReplicas: 0,
        replicas: this.replicas(id),
        ...this.credentialsTime(runtime),
      });
      this.timers.after(key, durationMs * (1 - CONTROLLER_PASS), () => this.finishRollout(id, revision));
    });
  }

  /**
   * DELETE: the mark is set by the API. On its next pass (`launchPeriod`) the controller deletes the
   * Kubernetes object, which turns Deleting while its service goes, then removes the rows. Until that
   * pass the deployment is as it was (Ready, say), marked.
   */
  remove(id: string): void {
    const runtime = this.runtime(id);
    const key = `deployment/${id}`;
    // A repeated DELETE changes nothing.
    if (runtime.removal !== 'none') return;
    runtime.removal = 'marked';
    this.timers.cancel(key);
    const passMs = this.settings.launchPeriodSeconds * 1000;
    const removedMs = passMs + this.durationOf(id) * REMOVAL_TAKES;
    this.timers.after(key, passMs, () => {
      runtime.removal = 'deleting';
      runtime.serving = undefined;
      if (runtime.statusCut) return;
      const current = this.lastStatus.get(id) ?? { availableReplicas: 0, replicas: 0 };
      this.setStatus(id, { ...current, state: 'Deleting' });
    });
    this.timers.after(key, removedMs, () => {
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
    this.virtualServices.drop(id);
    this.store.routes.delete(id);
  }

  /** The revision serving a deployment at the edge, or why none does. */
  serving(id: string): ServingRevision | 'unavailable' {
    const runtime = this.runtimes.get(id);
    if (!runtime?.serving || runtime.warming) return 'unavailable';
    return runtime.serving;
  }

  /** The VirtualService a request path goes through, if any. */
  routeFor(path: string): VirtualService | undefined {
    return this.virtualServices.match(path);
  }

  /**
   * The checks of the controller's pass before it makes the Knative service: a known predictor, and
   * an image pull connection that exists and is docker or ecr. An ECR one has credentials made now.
   */
  private controllerProceeds(id: string): boolean {
    const deployment = this.store.deployments.get(id);
    if (!deployment || !PREDICTORS.has(deployment.spec.predictor)) return false;
    const pullConnection = deployment.spec.imagePullConnID;
    if (!pullConnection) return true;
    const type = this.store.connection(pullConnection)?.spec.type ?? '';
    if (!PULL_CONNECTION_TYPES.has(type)) return false;
    // Made once: the controller's "older than 6 hours" check is never true afterwards.
    if (type === 'ecr') this.runtime(id).credsUpdatedAt ??= rfc3339(nowNs(), 0);
    return true;
  }

  private finishRollout(id: string, revision: number): void {
    const deployment = this.store.deployments.get(id);
    if (!deployment) return;
    const runtime = this.runtime(id);
    const replicas = this.replicas(id);
    // An image that cannot be pulled, and an unknown predictor, never start: Knative keeps
    // retrying, so the deployment stays Processing (the old revision, if any, keeps serving).
    // `emulator-outcome: failed` is such an image.
    const model = planRun(deployment.spec.annotations, 0).fails
      ? undefined
      : this.images.pull(deployment.spec.image);
    if (!model || deployment.spec.predictor !== ML_SERVER) return;
    if (!runtime.serving && this.settings.edgeWarmupSeconds > 0) {
      runtime.warming = true;
      this.timers.after(`edge/${id}`, this.settings.edgeWarmupSeconds * 1000, () => {
        runtime.warming = false;
      });
    }
    runtime.serving = {
      deploymentId: id,
      model,
      roleName: deployment.spec.roleName ?? `role-${id}`,
      behaviour: planModel(deployment.spec.annotations),
    };
    this.setStatus(id, {
      state: 'Ready',
      deployment: `${id}-${String(revision).padStart(5, '0')}-deployment`,
      hostHeader: `${id}.odahu-flow-deployment.svc.cluster.local`,
      availableReplicas: replicas,
      replicas,
      ...this.credentialsTime(runtime),
      modelName: model.name,
      modelVersion: model.version,
    });
  }

  private credentialsTime(runtime: DeploymentRuntime): { lastUpdatedTime?: string } {
    return runtime.credsUpdatedAt ? { lastUpdatedTime: runtime.credsUpdatedAt } : {};
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

  /**
   * The route controller's pass (modelroute_controller.go): a target that does not exist is left
   * out of the VirtualService; one that is not Ready ends the pass before the VirtualService is
   * written, so the edge keeps the previous split. Either way the route stays Processing.
   */
  private reconcileRoute(id: string): void {
    const route = this.store.routes.get(id);
    if (!route) return;
    const isReady = (name: string): boolean => this.store.deployments.get(name)?.status?.state === 'Ready';
    let again = false;
    let written = true;
    const destinations: Destination[] = [];
    for (const target of route.spec.modelDeployments ?? []) {
      if (!this.store.deployments.get(target.mdName)) {
        again = true;
        continue;
      }
      if (!isReady(target.mdName)) {
        again = true;
        written = false;
        break;
      }
      destinations.push({ deploymentId: target.mdName, weight: target.weight ?? 100 });
    }
    if (written && destinations.length > 0) {
      if (route.spec.mirror && !isReady(route.spec.mirror)) again = true;
      this.virtualServices.set(id, { urlPrefix: route.spec.urlPrefix, destinations });
    }
    // The route controller writes edgeUrl with every status, Processing included.
    const status: ModelRouteStatus = {
      edgeUrl: `${this.store.config.edgeHost}${route.spec.urlPrefix}`,
      state: again || destinations.length === 0 ? 'Processing' : 'Ready',
    };
    if (JSON.stringify(route.status) === JSON.stringify(status)) return;
    route.status = status;
    this.outbox.add('route', id, 'ModelRouteStatusUpdated', structuredClone(route), moment().stored);
  }

  private runtime(id: string): DeploymentRuntime {
    let runtime = this.runtimes.get(id);
    if (!runtime) {
      runtime = { revision: 0, warming: false, removal: 'none', statusCut: false };
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
