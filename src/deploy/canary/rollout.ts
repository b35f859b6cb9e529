// A canary release, from the token's roles to promotion or rollback. The stable URL (a custom route
// named after the deployment id) serves the live version; the new version is deployed beside it as a
// deployment of its own (versions.ts), the route's weights move to it step by step while probes check
// it at its own URL, and then either it serves alone and the old version is deleted, or the route
// goes back to the old version alone and the new one is deleted. A cancel rolls back the same way
// within the runner's signal window; so does any failure on the way (a 403, a timeout). With
// evaluate-dataset, the new version is evaluated against the old one before any traffic moves
// (beforeTraffic), and a failed gate rolls it back too.
//
// A first release (nothing serving behind the route) deploys the version and routes all traffic to
// it. A re-run finds what an interrupted run left: a leftover candidate is taken out of the route and
// deleted, the same version is picked up again, a version already serving alone is left as it is.

import * as core from '@actions/core';
import { isNotFound } from '../../shared/odahu/client.js';
import type { OdahuClient } from '../../shared/odahu/client.js';
import { ApiError } from '../../shared/odahu/errors.js';
import { REALM_ROLES, tokenRealmRoles } from '../../shared/odahu/realm-roles.js';
import type { ModelDeployment, ModelDeploymentTarget } from '../../shared/odahu/types.js';
import { asServerStores, unchangedDeployment } from '../../shared/action/desired-deployment.js';
import { now } from '../../shared/clock.js';
import { formatDuration } from '../../shared/duration.js';
import { asError, messageOf } from '../../shared/thrown.js';
import { ModelRefusedError, queryModel } from '../../shared/action/model-query.js';
import { deploymentPhase, deploymentServes } from '../../shared/action/phases.js';
import { stampingStore } from '../../shared/action/provenance.js';
import type { Provenance } from '../../shared/action/provenance.js';
import { runPhase } from '../../shared/action/run-phase.js';
import type { OutputSink } from '../../shared/action/run-phase.js';
import { cleanUpAfterCancel } from '../../shared/action/step.js';
import type { StepContext } from '../../shared/action/step.js';
import type { SummaryRow } from '../../shared/action/summary.js';
import type { CanaryStep } from './checks.js';
import { formatMs } from '../../shared/duration.js';
import { formatShare, judgeStep } from './checks.js';
import type { CanaryOptions } from './options.js';
import { Prober } from './probes.js';
import { StableRoute, describeTargets } from './stable-route.js';
import { stableRoleName, stableUrlPrefix, versionId } from './versions.js';
import { logText } from '../../shared/odahu/untrusted-text.js';

/** How long a freshly Ready version may answer 404/502/503 at its URL before the probes begin. */
const WARM_UP_MS = 60_000;
/** Within the cancel budget, what the route may take to be Ready again before the candidate goes. */
const CANCEL_ROUTE_WAIT_MS = 3000;

export type CanaryOutcome = 'first-release' | 'promoted' | 'unchanged' | 'rolled-back';

/** What a canary release did, as plain data: for the job summary and any other report. */
export interface CanaryReport {
  /** The stable URL: the route's edge URL (empty until the route has one). */
  url: string;
  /** The version this release deploys. */
  candidate: string;
  /** The version that served at the stable URL before, if one did. */
  previous: string | undefined;
  /** The version serving at the stable URL when the step ended. */
  serving: string | undefined;
  /** Undefined while it runs, and when it was cancelled or failed before any decision. */
  outcome: CanaryOutcome | undefined;
  /** Why the step failed, if it did (a rollback's cause; what serves since is `serving`). */
  failure: string | undefined;
  steps: CanaryStep[];
}

export interface CanaryRelease {
  /** The deployment manifest: its id names the stable URL; predictor defaulted. */
  desired: ModelDeployment;
  /** The annotations each version carries when written (not part of its spec's hash). */
  provenance: Provenance;
  options: CanaryOptions;
  timeoutMs: number;
  /** The user's poll-interval; undefined for the adaptive schedule. */
  pollIntervalMs: number | undefined;
  /**
   * Run once the candidate serves at its own URL, before any traffic moves to it (deploy's
   * evaluate-dataset: evaluation-gate.ts); `live` is undefined on a first release. A throw
   * rolls the release back, the stable URL untouched.
   */
  beforeTraffic?: (candidate: string, live: string | undefined) => Promise<void>;
}

export class CanaryRollout {
  readonly report: CanaryReport;
  /** The job summary's rows of the deployments this release applied. */
  private readonly rows: SummaryRow[] = [];
  /** The outputs of the deployment now serving (deploy's outputs). */
  outputs: Record<string, string> = {};
  private route: StableRoute | undefined;
  /** What the route is put back to on rollback; undefined: delete it (this step created it). */
  private baseline: ModelDeploymentTarget[] | undefined;
  private routeChanged = false;
  private candidateApplied = false;

  constructor(
    private readonly ctx: StepContext,
    private readonly client: OdahuClient,
    private readonly release: CanaryRelease,
  ) {
    this.report = {
      url: '',
      candidate: '',
      previous: undefined,
      serving: undefined,
      outcome: undefined,
      failure: undefined,
      steps: [],
    };
  }

  /**
   * The release as a step or a pipeline stage runs it: its outputs set and its deployments' summary
   * rows pushed, whether it succeeds or not.
   */
  async runWithOutputs(rows: SummaryRow[], setOutput: OutputSink): Promise<CanaryReport> {
    try {
      return await this.run();
    } finally {
      for (const [name, value] of Object.entries(this.stepOutputs())) setOutput(name, value);
      rows.push(...this.rows);
    }
  }

  async run(): Promise<CanaryReport> {
    const { signal } = this.ctx;
    const { desired } = this.release;
    await this.checkRoles();
    const config = await this.client.configuration({ signal });
    const urlPrefix = stableUrlPrefix(config.deployment?.customRoutePrefix, desired.id);
    this.route = new StableRoute(this.client, desired.id, urlPrefix, this.release);
    // What the route controller will write as its edgeUrl; the route's own, once it has one.
    this.report.url = `${config.deployment?.edge?.host ?? ''}${urlPrefix}`;
    const spec = { ...desired.spec, roleName: desired.spec.roleName || stableRoleName(desired.id) };
    const candidate: ModelDeployment = {
      id: versionId(desired.id, asServerStores(desired.id, spec, config)),
      spec,
    };
    this.report.candidate = candidate.id;
    const existing = await this.route.read(signal);
    this.report.url = this.route.url || this.report.url;
    if (existing?.default === true) {
      throw new Error(
        `route ${desired.id} is the default route of a deployment and cannot carry a canary: choose another id`,
      );
    }
    const serving = await this.findLive();
    const live = serving?.id;
    this.report.previous = live;
    try {
      if (serving && live === candidate.id) await this.alreadyServing(serving);
      else if (live === undefined) await this.firstRelease(candidate);
      else await this.canary(live, candidate);
    } catch (error) {
      throw await this.rolledBack(error, live);
    }
    return this.report;
  }

  /** Refuse before changing anything when the token's roles show that it may not write routes. */
  private async checkRoles(): Promise<void> {
    const roles = tokenRealmRoles(await this.client.tokens.token(this.ctx.signal));
    if (roles === undefined) {
      core.debug('The token carries no realm roles to check: a refusal (403) would roll the release back.');
      return;
    }
    if (roles.includes(REALM_ROLES.admin)) return;
    const odahu = roles.filter((role) => Object.values<string>(REALM_ROLES).includes(role));
    throw new Error(
      `strategy: canary writes model routes, which only the ${REALM_ROLES.admin} role may do; this token has ${
        odahu.length > 0 ? odahu.join(', ') : `none of the Odahu roles`
      }: nothing was changed`,
    );
  }

  /**
   * The version serving at the stable URL, as read: the route's first target if it serves, else a
   * deployment with the stable id itself (deployed before, without a canary) if it serves; undefined
   * if none.
   */
  private async findLive(): Promise<ModelDeployment | undefined> {
    const { signal } = this.ctx;
    const route = this.route!;
    const first = route.targets()[0]?.mdName ?? this.release.desired.id;
    const deployment = await this.client.deployments.find(first, { signal });
    if (deployment && deploymentServes(deployment)) {
      if (route.targets().length === 0) {
        core.info(logText(`Deployment ${first} serves already: the canary starts from it.`));
      }
      return deployment;
    }
    if (deployment || route.targets().length > 0) {
      core.warning(
        logText(
          `${deployment ? `Deployment ${first} does not serve (${deploymentPhase.failure(deployment)})` : `Deployment ${first}, which route ${route.id} sends to, does not exist`}: nothing to compare with or roll back to, so this is a first release.`,
        ),
      );
    }
    return undefined;
  }

  /** Nothing serves: deploy the version and send it every request. */
  private async firstRelease(candidate: ModelDeployment): Promise<void> {
    core.info(logText(`First release at the stable URL: ${candidate.id}.`));
    const before = this.route!.targets();
    this.baseline = before.length > 0 ? before : undefined;
    const url = await this.deployCandidate(candidate);
    if (this.release.beforeTraffic) {
      await this.warmUp(candidate.id, url);
      await this.release.beforeTraffic(candidate.id, undefined);
    }
    this.routeChanged = true;
    await this.sendRoute([{ mdName: candidate.id, weight: 100 }]);
    this.report.serving = candidate.id;
    this.report.outcome = 'first-release';
  }

  /**
   * The version serves already (the same release ran before): only leftovers are cleared. Its
   * outputs come from the deployment as findLive read it.
   */
  private async alreadyServing(live: ModelDeployment): Promise<void> {
    core.info(logText(`Version ${live.id} (this spec) serves at the stable URL already.`));
    await this.settleBaseline(live.id);
    this.report.serving = live.id;
    this.report.previous = undefined;
    this.report.outcome = 'unchanged';
    this.outputs = await deploymentPhase.outputs(this.client, live, this.ctx.signal);
  }

  private async canary(live: string, candidate: ModelDeployment): Promise<void> {
    const { signal } = this.ctx;
    const { options } = this.release;
    await this.settleBaseline(live, candidate.id);
    this.report.serving = live;
    const candidateUrl = await this.deployCandidate(candidate);
    await this.warmUp(candidate.id, candidateUrl);
    await this.release.beforeTraffic?.(candidate.id, live);
    const liveUrl = options.compare
      ? (await this.client.deployments.defaultRoute(live, { signal })).status?.edgeUrl
      : undefined;
    const prober = new Prober({
      candidateUrl,
      liveUrl,
      tokens: this.client.tokens,
      request: options.probeRequest,
      maxLatencyMs: options.maxLatencyMs,
    });
    try {
      for (const weight of options.weights) {
        this.routeChanged = true;
        await this.sendRoute([
          { mdName: live, weight: 100 - weight },
          { mdName: candidate.id, weight },
        ]);
        core.info(
          logText(
            `Weight ${weight}%: probing ${candidate.id} for ${formatDuration(options.intervalMs, options.intervalMs % 1000 === 0 ? 0 : 1)}.`,
          ),
        );
        const started = now();
        const probes = await prober.hold(options.intervalMs, signal);
        const step = judgeStep(weight, probes, options, now() - started);
        this.report.steps.push(step);
        core.info(logText(`Weight ${weight}%: ${describeStep(step)}.`));
        if (step.failed) {
          throw new Error(
            `canary ${candidate.id} failed the ${step.failed} check at weight ${weight}%: ${step.why}`,
          );
        }
      }
    } finally {
      prober.dispose();
    }
    await this.sendRoute([{ mdName: candidate.id, weight: 100 }]);
    this.report.serving = candidate.id;
    this.report.outcome = 'promoted';
    core.info(
      logText(
        `Promoted ${candidate.id}: the stable URL serves it alone. Deleting the previous version ${live}.`,
      ),
    );
    try {
      await this.client.deployments.delete(live, { signal });
    } catch (error) {
      core.warning(
        logText(`Could not delete the previous version ${live}: ${messageOf(error)}; delete it by hand.`),
      );
    }
  }

  /**
   * Before the rollout: the route sends everything to the live version (it is created so if there
   * was none), and what an interrupted run left in it is deleted, except a leftover of this very
   * release (`keep`), which is picked up again.
   */
  private async settleBaseline(live: string, keep?: string): Promise<void> {
    const route = this.route!;
    const targets = route.targets();
    this.baseline = [{ mdName: live, weight: 100 }];
    if (targets.length === 1 && targets[0]!.mdName === live) return;
    if (targets.length > 1) {
      core.info(
        logText(`A previous rollout did not finish (route ${route.id}: ${describeTargets(targets)}).`),
      );
    }
    await this.sendRoute(this.baseline);
    const leftovers = targets.map((t) => t.mdName).filter((name) => name !== live && name !== keep);
    for (const leftover of leftovers) {
      core.info(logText(`Deleting ${leftover}, a version left by an unfinished rollout.`));
      await this.client.deployments.delete(leftover, { signal: this.ctx.signal }).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    }
  }

  /** Changes the route's targets and waits until they are in force; the report follows its URL. */
  private async sendRoute(
    targets: ModelDeploymentTarget[],
    signal = this.ctx.signal,
    timeoutMs = this.release.timeoutMs,
  ): Promise<void> {
    await this.route!.send(targets, signal, timeoutMs);
    this.report.url = this.route!.url || this.report.url;
  }

  /** Deploys the candidate (or picks it up again) and waits until it serves; its own URL. */
  private async deployCandidate(candidate: ModelDeployment): Promise<string> {
    const { signal } = this.ctx;
    this.candidateApplied = true;
    const collected: Record<string, string> = {};
    await runPhase(
      this.ctx,
      this.client,
      {
        phase: deploymentPhase,
        store: stampingStore(this.client.deployments, this.release.provenance),
        desired: candidate,
        ifExists: 'update',
        wait: true,
        timeoutMs: this.release.timeoutMs,
        pollIntervalMs: this.release.pollIntervalMs,
        logs: false,
        // The rollback deletes it, whether this step created it or picked it up again.
        deleteOnCancel: false,
        unchanged: unchangedDeployment(this.client, candidate),
      },
      this.rows,
      (name, value) => (collected[name] = value),
    );
    this.outputs = collected;
    if (collected.url) return collected.url;
    const route = await this.client.deployments.defaultRoute(candidate.id, { signal });
    return route.status?.edgeUrl ?? '';
  }

  /** A version that has just turned Ready may not answer at the edge yet: wait until it does. */
  private async warmUp(id: string, url: string): Promise<void> {
    try {
      await queryModel(this.client, {
        target: { url },
        request: undefined,
        tokens: this.client.tokens,
        readyTimeoutMs: WARM_UP_MS,
        signal: this.ctx.signal,
      });
    } catch (error) {
      // It answers, if not well: the probes will say so.
      if (!(error instanceof ModelRefusedError)) throw error;
      core.info(
        logText(
          `Version ${id} answers ${error.refusal.status} to its info request; the probes will judge it.`,
        ),
      );
    }
  }

  /**
   * Undo a rollout that did not complete: the route back to what it was, the candidate deleted. A
   * cancel does it within the runner's signal window. Returns the error the step fails with.
   */
  private async rolledBack(error: unknown, live: string | undefined): Promise<Error> {
    if (this.report.outcome !== undefined) return asError(error); // decided: nothing to undo
    const cancelled = this.ctx.signal.aborted;
    const what = [
      live ? `the stable URL back to ${live} alone` : 'removing what this release made',
      ...(this.candidateApplied ? [`deleting ${this.report.candidate}`] : []),
    ].join(', ');
    if (cancelled) {
      await cleanUpAfterCancel(this.ctx, `Rolling back: ${what}.`, (signal) =>
        this.rollBack(signal, CANCEL_ROUTE_WAIT_MS),
      );
      this.report.outcome = 'rolled-back';
      this.report.serving = live;
      this.report.failure = 'cancelled';
      this.outputs = {};
      return asError(error);
    }
    core.info(logText(`Rolling back: ${what}.`));
    const undone = await this.rollBack(AbortSignal.timeout(this.release.timeoutMs), this.release.timeoutMs);
    this.report.outcome = 'rolled-back';
    this.report.serving = live;
    if (live) this.outputs = await this.outputsOf(live).catch(() => ({ 'deployment-id': live }));
    const cause =
      error instanceof ApiError && error.status === 403 && error.url.includes('/model/route')
        ? `${error.message}: strategy: canary writes model routes, which only the ${REALM_ROLES.admin} role may do`
        : messageOf(error);
    const line = `${cause}; ${undone ? 'rolled back' : 'rollback incomplete (see the warnings)'}${
      live ? `: ${this.route?.url || 'the stable URL'} serves ${live} again` : ''
    }`;
    // The summary says what serves again itself: the report keeps why.
    this.report.failure = undone ? cause : `${cause}; rollback incomplete (see the warnings)`;
    return new Error(line);
  }

  /** The route back to its baseline (or gone), then the candidate deleted. True when both worked. */
  private async rollBack(signal: AbortSignal, routeWaitMs: number): Promise<boolean> {
    const route = this.route;
    let ok = true;
    if (route && this.routeChanged) {
      try {
        // A write that was refused changed nothing: the route may be as it was already.
        const current = await route.read(signal);
        if (this.baseline && sameTargets(route.targets(), this.baseline))
          core.info(logText(`Route ${route.id} is as it was.`));
        else if (this.baseline) await this.sendRoute(this.baseline, signal, routeWaitMs);
        else if (current) await route.delete(signal);
      } catch (error) {
        ok = false;
        core.warning(logText(`Could not put route ${route.id} back: ${messageOf(error)}`));
      }
    }
    if (this.candidateApplied) {
      try {
        core.info(logText(`Deleting ${this.report.candidate}.`));
        await this.client.deployments.delete(this.report.candidate, { signal });
      } catch (error) {
        if (!isNotFound(error)) {
          ok = false;
          core.warning(logText(`Could not delete ${this.report.candidate}: ${messageOf(error)}`));
        }
      }
    }
    return ok;
  }

  /**
   * The step's outputs, success or not: the serving deployment's (deploy's outputs), with the stable
   * URL as `url`, and whether this release's version now serves (`promoted`).
   */
  stepOutputs(): Record<string, string> {
    const { outcome, serving, previous } = this.report;
    const promoted = outcome === 'promoted' || outcome === 'first-release' || outcome === 'unchanged';
    return {
      ...this.outputs,
      'deployment-id': serving ?? '',
      url: this.report.url,
      promoted: String(promoted),
      'previous-deployment-id': outcome === 'promoted' ? (previous ?? '') : '',
    };
  }

  private async outputsOf(id: string): Promise<Record<string, string>> {
    const deployment = await this.client.deployments.get(id, { signal: this.ctx.signal });
    return deploymentPhase.outputs(this.client, deployment, this.ctx.signal);
  }
}

function sameTargets(a: ModelDeploymentTarget[], b: ModelDeploymentTarget[]): boolean {
  return (
    JSON.stringify(a.map((t) => [t.mdName, t.weight ?? 100])) ===
    JSON.stringify(b.map((t) => [t.mdName, t.weight ?? 100]))
  );
}

function describeStep(step: CanaryStep): string {
  const parts = [
    `${step.probes} probes`,
    `${step.errors + step.slow} failed`,
    `p95 latency ${formatMs(step.p95LatencyMs)}`,
    ...(step.agreement !== undefined ? [`agreement ${formatShare(step.agreement)}`] : []),
  ];
  return `${parts.join(', ')}: ${step.failed ? `failed the ${step.failed} check` : 'passed'}`;
}
