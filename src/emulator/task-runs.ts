// The pods behind trainings, packagings and batch jobs (Tekton TaskRuns in a real cluster), as the
// controller sees them: each run goes scheduling (≈10% of its duration, pod named) → running (≈25%)
// → succeeded or failed (100%), writes its status into the stored resource, prints its log lines
// while it runs and leaves its output behind (an artifact, an image).
//
// A run stands for the resource's Kubernetes object (the CR) too, which the controller keeps apart
// from the API's database row: a DELETE removes the row at once, the CR only on the controller's
// next pass (`common.launchPeriod`). Until then the log endpoint still finds it, and a POST of the
// same id takes it over, as a PUT would.

import { createHash, randomUUID } from 'node:crypto';
import type { Artifacts } from './artifacts.js';
import { DEFAULT_IMAGE_NAME } from './cluster-defaults.js';
import { renderNameTemplate, TemplateError } from './name-template.js';
import { planJob, planRun, type RunPlan } from './overrides.js';
import { packagingLog, trainingLog, type PodLog } from './pod-logs.js';
import type { Store } from './store.js';
import type { StatusChange } from './options.js';
import type { Timers } from './timers.js';
import type { ModelPackaging, ModelTraining } from '../shared/odahu/types.js';

export type RunKind = 'training' | 'packaging' | 'job';
export type RunPhase = 'created' | 'scheduling' | 'running' | 'finished' | 'stopped';

/** Tekton's condition on a TaskRun whose steps all succeeded. */
export const SUCCEEDED = { reason: 'Succeeded', message: 'All Steps have completed executing' } as const;

/** How long each kind runs, in seconds, unless a resource says otherwise. */
export interface RunDurations {
  training: number;
  packaging: number;
  job: number;
}

/** The controller's timing, in seconds. */
export interface ControllerTiming {
  /** Its period: how long a deleted resource's CR outlives its row. */
  launchPeriodSeconds: number;
  /** How long after a pod ends (and its log with it) its final state reaches the API. */
  statusLagSeconds?: number;
}

/** The status fields a changed spec clears from a CR. */
const RUN_FIELDS = new Set(['state', 'reason', 'message', 'exitCode', 'podName']);
const PACKAGING_RUN_FIELDS = new Set([...RUN_FIELDS, 'results']);

/**
 * What a CR's status keeps when a changed spec updates it: the update clears state, reason, message
 * and exitCode (the new pod replaces podName), and for a packaging its results too. A training's
 * artifacts stay until the new run succeeds, which replaces them with its own.
 */
function carriedOver(kind: RunKind, status: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const cleared = kind === 'packaging' ? PACKAGING_RUN_FIELDS : RUN_FIELDS;
  return Object.fromEntries(Object.entries(status).filter(([name]) => !cleared.has(name)));
}

/** The moments of a run, as shares of its duration. */
const SCHEDULING_AT = 0.1;
/** The longest wait between two of the controller's tries at a resource it could not reconcile. */
const MAX_RETRY_MS = 30_000;
/** The connection types a batch job's rclone steps can read (rclone.GetBucketAndPath). */
const OBJECT_STORAGE = new Set(['s3', 'gcs', 'azureblob']);
const RUNNING_AT = 0.25;

interface TimedLine {
  atMs: number;
  text: string;
}

/** What a pod prints, and what it leaves behind when it succeeds (the status fields it adds). */
interface PodScript {
  log: PodLog;
  finish(): Record<string, unknown>;
}

/** One pod: its phase, its log lines (each with the moment it prints it), who waits for its end. */
export class TaskRun {
  phase: RunPhase = 'created';
  lines: TimedLine[] = [];
  private endedAt = Infinity;
  private readonly endListeners = new Set<() => void>();

  /** Its row was deleted: the CR waits for the controller's next pass to be removed. */
  orphaned = false;

  constructor(
    readonly podName: string,
    /** The emulator clock's time (a held clock stands still, and so does the pod's printing). */
    private readonly now: () => number,
    readonly startedAt: number,
    readonly plan: RunPlan,
    /** The resource is already in Kubernetes (a re-run): its log answers 500, not 404, until the pod runs. */
    readonly rerun: boolean,
    /** The spec the CR holds, which a POST of the same id after a DELETE is compared with. */
    readonly spec: unknown,
    /** What the CR's status kept from earlier runs (a training's artifacts). */
    readonly carried: Readonly<Record<string, unknown>>,
  ) {}

  get ended(): boolean {
    return this.phase === 'finished' || this.phase === 'stopped';
  }

  /** Lines printed by now: all of them once the pod has finished, none after it was removed. */
  printed(now = this.now()): string[] {
    if (this.phase === 'finished') return this.lines.map((l) => l.text);
    const until = Math.min(now, this.endedAt);
    return this.lines.filter((l) => this.startedAt + l.atMs <= until).map((l) => l.text);
  }

  /** Calls `listener` once, when the pod finishes or is removed; returns the unsubscribe. */
  onEnd(listener: () => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  end(phase: 'finished' | 'stopped'): void {
    if (this.ended) return;
    this.phase = phase;
    this.endedAt = this.now();
    for (const listener of [...this.endListeners]) listener();
    this.endListeners.clear();
  }
}

export class TaskRuns {
  private readonly runs = new Map<string, TaskRun>();
  /** The status each run wrote last, to write back after a PUT that changed nothing. */
  private readonly lastStatus = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly store: Store,
    private readonly artifacts: Artifacts,
    private readonly timers: Timers,
    private readonly durations: RunDurations,
    private readonly controller: ControllerTiming,
    private readonly onStatus: (change: StatusChange) => void = () => undefined,
  ) {}

  run(kind: RunKind, id: string): TaskRun | undefined {
    return this.runs.get(`${kind}/${id}`);
  }

  /** The spec of the CR a DELETE left behind for the controller's next pass, if there is one. */
  leftoverSpec(kind: RunKind, id: string): unknown {
    const run = this.runs.get(`${kind}/${id}`);
    return run?.orphaned ? run.spec : undefined;
  }

  /** A new pod for a created training, or for one whose spec changed (the old pod is removed). */
  startTraining(id: string): void {
    const training = this.store.trainings.get(id);
    if (!training) return;
    const plan = planRun(training.spec.hyperParameters, this.durations.training);
    this.start('training', id, plan, training.spec, (run) => this.trainingScript(training, run));
  }

  startPackaging(id: string): void {
    const packaging = this.store.packagings.get(id);
    if (!packaging) return;
    const plan = planRun(packaging.spec.arguments, this.durations.packaging);
    this.start('packaging', id, plan, packaging.spec, (run) => this.packagingScript(packaging, run));
  }

  /**
   * A batch job's TaskRun is made only once the controller can read every connection it names (input,
   * output, and its service's model registry) and each is object storage: until then each pass fails,
   * the state stays `""`, and the controller tries again later, more and more slowly.
   */
  startJob(id: string, retryMs = this.durations.job * 1000 * SCHEDULING_AT): void {
    const job = this.store.jobs.get(id);
    if (!job) return;
    const remote = this.store.inferenceService(job.spec.inferenceServiceId)?.spec.modelRegistry?.remote;
    const needed = [job.spec.dataSource?.connection, job.spec.outputDestination?.connection];
    if (remote) needed.push(remote.modelConnection);
    const usable = (name: string | undefined) =>
      OBJECT_STORAGE.has(this.store.connection(name ?? '')?.spec.type ?? '');
    if (!needed.every(usable)) {
      this.timers.after(`job/${id}`, retryMs, () => this.startJob(id, Math.min(retryMs * 2, MAX_RETRY_MS)));
      return;
    }
    const plan = planJob(job.spec.requestId, this.durations.job);
    this.start('job', id, plan, undefined, () => ({
      // Tekton's condition names the step that failed: the user's predictor container.
      log: { lines: [], failure: plan.fails ? '"step-user-container" exited with code 1' : undefined },
      finish: () => ({}),
    }));
  }

  /**
   * After a PUT that changed nothing (or a POST of a deleted resource's CR spec) the pod goes on, and
   * the controller's next pass writes its status back over the `unknown` the API stored.
   */
  resync(kind: RunKind, id: string): void {
    const key = `${kind}/${id}`;
    const run = this.runs.get(key);
    if (!run) return;
    // A row again: the pass that would have removed the CR finds it and keeps it.
    run.orphaned = false;
    this.timers.cancel(passGroup(key));
    this.timers.after(key, run.plan.durationMs * SCHEDULING_AT, () => {
      const status = this.lastStatus.get(key);
      if (status) this.writeStatus(kind, id, status);
    });
  }

  /**
   * DELETE of a training or packaging: the row is gone, the CR (with its pod, which runs on) until the
   * controller's next pass. One the controller had not made yet has nothing to leave behind.
   */
  remove(kind: RunKind, id: string): void {
    const key = `${kind}/${id}`;
    const run = this.runs.get(key);
    if (!run) return;
    if (run.phase === 'created' && !run.rerun) {
      this.stop(kind, id);
      return;
    }
    run.orphaned = true;
    this.timers.cancel(passGroup(key));
    this.timers.after(passGroup(key), this.controller.launchPeriodSeconds * 1000, () => this.stop(kind, id));
  }

  /** The CR is gone: its pod is removed, and anyone following its log sees the end. */
  stop(kind: RunKind, id: string): void {
    const key = `${kind}/${id}`;
    this.timers.cancel(key);
    this.timers.cancel(passGroup(key));
    this.runs.get(key)?.end('stopped');
    this.runs.delete(key);
    this.lastStatus.delete(key);
  }

  private start(
    kind: RunKind,
    id: string,
    plan: RunPlan,
    spec: unknown,
    script: (run: TaskRun) => PodScript,
  ): void {
    const key = `${kind}/${id}`;
    const previous = this.runs.get(key);
    const rerun = previous !== undefined;
    // A changed spec updates the CR in place: what its status held besides the run's own fields stays
    // (from the previous run's last status, or what that one carried if it wrote none yet).
    const carried = previous ? carriedOver(kind, this.lastStatus.get(key) ?? previous.carried) : {};
    this.stop(kind, id);
    const podName = `${id}-pod-${randomUUID().slice(0, 5)}`;
    const clock = (): number => this.timers.now();
    const run = new TaskRun(podName, clock, clock(), plan, rerun, spec, carried);
    this.runs.set(key, run);
    const { durationMs } = plan;
    let pod: PodScript | undefined;
    this.timers.after(key, durationMs * SCHEDULING_AT, () => {
      run.phase = 'scheduling';
      this.writeStatus(kind, id, { ...carried, state: 'scheduling', podName: run.podName });
    });
    this.timers.after(key, durationMs * RUNNING_AT, () => {
      // What the pod does is decided when it starts: an artifact a training finishes a moment later
      // is not there for a packager that has already started.
      pod = script(run);
      const { lines } = pod.log;
      const span = durationMs * (1 - RUNNING_AT);
      run.lines = lines.map((text, i) => ({
        atMs: durationMs * RUNNING_AT + (span * (i + 1)) / (lines.length + 1),
        text,
      }));
      run.phase = 'running';
      this.writeStatus(kind, id, { ...carried, state: 'running', podName: run.podName });
    });
    // The pod ends (its log stream with it); its final state reaches the API a little later.
    this.timers.after(key, durationMs, () => run.end('finished'));
    this.timers.after(key, durationMs + (this.controller.statusLagSeconds ?? 0) * 1000, () => {
      const failure = pod?.log.failure;
      const status = failure
        ? { ...carried, state: 'failed', podName: run.podName, reason: 'Failed', message: failure }
        : { ...carried, state: 'succeeded', podName: run.podName, ...SUCCEEDED, ...pod?.finish() };
      this.writeStatus(kind, id, status);
    });
  }

  private writeStatus(kind: RunKind, id: string, status: Record<string, unknown>): void {
    // Written to the CR, and through it to the row, if there is one (none while the CR is orphaned).
    this.lastStatus.set(`${kind}/${id}`, status);
    const resource =
      kind === 'training'
        ? this.store.trainings.get(id)
        : kind === 'packaging'
          ? this.store.packagings.get(id)
          : this.store.jobs.get(id);
    if (!resource) return;
    this.onStatus({ kind, id, state: typeof status.state === 'string' ? status.state : '', at: Date.now() });
    // A job's status keys are all always emitted; a training's or packaging's are omitempty.
    resource.status =
      kind === 'job' ? { state: '', message: '', reason: '', podName: '', ...status } : status;
  }

  private trainingScript(training: ModelTraining, run: TaskRun): PodScript {
    const { spec } = training;
    const model = { name: spec.model.name, version: spec.model.version };
    const vcs = spec.algorithmSource?.vcs;
    const vcsUri = vcs?.connection ? this.store.connection(vcs.connection)?.spec.uri : undefined;
    // The trainer records the commit it built from; an object-storage source has none.
    const commitID = vcsUri
      ? createHash('sha1')
          .update(`${vcsUri}@${vcs?.reference ?? ''}`)
          .digest('hex')
      : '';
    const runId = randomUUID().replaceAll('-', '');
    let artifactName = '';
    let templateError: string | undefined;
    try {
      artifactName = renderNameTemplate(spec.model.artifactNameTemplate ?? '', {
        Name: model.name,
        Version: model.version,
        RandomUUID: randomUUID(),
        CommitID: '',
      });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      templateError = error.message;
    }
    const log = trainingLog({
      training,
      connectionUri: (id) => this.store.connection(id)?.spec.uri,
      artifactName,
      runId,
      failure: run.plan.fails ? 'trainer' : templateError !== undefined ? { templateError } : undefined,
    });
    return {
      log,
      finish: () => {
        this.artifacts.addArtifact(artifactName, model);
        // The controller sets the CR's artifacts to this run's result alone (calculateStateByTaskRun).
        return { artifacts: [{ runId, artifactName, commitID }] };
      },
    };
  }

  private packagingScript(packaging: ModelPackaging, run: TaskRun): PodScript {
    const { spec } = packaging;
    const model = this.artifacts.artifact(spec.artifactName);
    let image = '';
    let templateError: string | undefined;
    if (model) {
      try {
        const name = renderNameTemplate(this.imageNameTemplate(packaging), {
          Name: model.name,
          Version: model.version,
          RandomUUID: randomUUID(),
        });
        const push = spec.targets?.find((t) => t.name === 'docker-push');
        const registry = push ? this.store.connection(push.connectionName)?.spec.uri : undefined;
        image = registry ? `${registry.replace(/\/+$/, '')}/${name}` : name;
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        templateError = error.message;
      }
    }
    const log = packagingLog({
      packaging,
      outputUri: this.store.connection(spec.outputConnection ?? '')?.spec.uri,
      image,
      failure: !model
        ? 'artifact'
        : run.plan.fails
          ? 'packager'
          : templateError !== undefined
            ? { templateError }
            : undefined,
    });
    return {
      log,
      finish: () => {
        if (model) this.artifacts.addImage(image, model);
        // Replaced, not appended: the controller sets the CR's results to this run's result.json.
        return { results: [{ name: 'image', value: image }] };
      },
    };
  }

  /** The imageName argument, else the integration's default for it, else the docker packagers' one. */
  private imageNameTemplate(packaging: ModelPackaging): string {
    const given = packaging.spec.arguments?.imageName;
    if (typeof given === 'string') return given;
    const integration = this.store.packagingIntegration(packaging.spec.integrationName);
    const property = integration?.spec.schema.arguments.properties?.find((p) => p.name === 'imageName');
    const fallback = property?.parameters.find((p) => p.name === 'default')?.value;
    return typeof fallback === 'string' ? fallback : DEFAULT_IMAGE_NAME;
  }
}

/** The timer group of the controller pass that removes an orphaned CR. */
function passGroup(key: string): string {
  return `${key}/controller-pass`;
}
