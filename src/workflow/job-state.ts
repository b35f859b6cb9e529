// What one running job holds across its steps, as GitHub's runner keeps it: the env every later step
// gets (workflow and job env, then GITHUB_ENV), the PATH entries from GITHUB_PATH, the job's status,
// cancellation, the post stages waiting for the job's end, the masks, and the job's summary (every
// step's GITHUB_STEP_SUMMARY, in order, in the run's summary file).

import type { RunArtifacts } from './artifacts.js';
import { delimiter } from 'node:path';
import type { ActionDefinition } from './action-file.js';
import type { Contexts, JsonValue, Status } from './expressions.js';
import type { FileCommandResults } from './file-commands.js';
import type { IdTokenGrant } from './id-token-service.js';
import type { JobLog, Outcome } from './job-log.js';
import type { Checkout } from './checkout.js';
import type { OtherActions } from './other-actions.js';
import type { ActionCatalog } from './preflight.js';
import type { RunContext } from './run-context.js';
import type { JobSummary } from './run-summary.js';
import type { WorkflowCommands } from './workflow-commands.js';
import type { Stages } from './node-action.js';

export interface StepRecord {
  outputs: Record<string, string>;
  outcome: Outcome;
  conclusion: Outcome;
}

/** The `steps` context of one level (the job's steps, or a composite action's). */
export type StepsContext = Record<string, StepRecord>;

export interface PostStage {
  name: string;
  action: ActionDefinition;
  script: string;
  /** The main stage's environment (INPUT_*, the step's env); STATE_* are added from `state`. */
  env: Record<string, string>;
  /** The action's inputs, for post-if. */
  inputs: Record<string, string>;
  state: Record<string, string>;
  condition: string;
  stepId: string;
}

export interface JobSetup {
  catalog: ActionCatalog;
  /** The run's artifacts (upload-artifact, download-artifact). */
  artifacts: RunArtifacts;
  /** The job's workspace: the working tree when it checks out, else an empty folder (checkout.ts). */
  workspace: string;
  checkout: Checkout;
  /** This job's own folder in the run's: its file-command files (files/) and RUNNER_TEMP (temp/). */
  jobDir: string;
  /** The contexts that do not change during the job: vars, secrets, needs, strategy, matrix. */
  fixed: Pick<Contexts, 'vars' | 'secrets' | 'needs' | 'strategy' | 'matrix'>;
  /** The workflow's `inputs` context (workflow_dispatch inputs, typed). */
  inputs: JsonValue;
  /** This job's workflow commands: its masks (the run's secrets, then ::add-mask::), stop-commands. */
  commands: WorkflowCommands;
  log: JobLog;
  context: RunContext;
  /** This machine's environment, as steps start from it. */
  machineEnv: Record<string, string>;
  summary: JobSummary;
  /** The run's steps not run here (other repositories' actions) and the outputs given for them. */
  others: OtherActions;
  /** How its steps' stages run (processes, but for tests). */
  stages: Stages;
  /** The job's right to GitHub OIDC tokens, given its environment (undefined: its permissions grant none). */
  idToken?: (environment: string | undefined) => IdTokenGrant | undefined;
}

export class JobState {
  /** Workflow and job env, then what steps wrote to GITHUB_ENV. */
  readonly env: Record<string, string> = {};
  /** Variables the runner gives this job's steps besides the run's (ACTIONS_ID_TOKEN_REQUEST_*). */
  readonly runnerEnv: Record<string, string> = {};
  /** GITHUB_PATH entries, oldest first (the newest goes first in PATH). */
  private readonly paths: string[] = [];
  readonly posts: PostStage[] = [];
  failed = false;
  cancelled = false;
  private readonly cancelling = new AbortController();
  private readonly forcing = new AbortController();
  private stageCount = 0;

  constructor(readonly setup: JobSetup) {}

  get status(): Status {
    return this.cancelled ? 'cancelled' : this.failed ? 'failure' : 'success';
  }

  /** Aborted when the job is cancelled: the running step stops, later steps run only if asked to. */
  get cancelSignal(): AbortSignal {
    return this.cancelling.signal;
  }

  /** Aborted on a second cancel: even the steps that run after a cancel (always()) stop. */
  get forceSignal(): AbortSignal {
    return this.forcing.signal;
  }

  cancel(): void {
    if (this.cancelled) this.forcing.abort();
    this.cancelled = true;
    this.cancelling.abort();
  }

  /** A unique name for a stage's file-command files. */
  stageKey(stepId: string): string {
    this.stageCount += 1;
    return `${String(this.stageCount).padStart(3, '0')}-${stepId.replace(/[^\w.-]/g, '_')}`;
  }

  /** A step process's environment: machine, runner, job env, then the given layers; PATH with GITHUB_PATH. */
  processEnv(...layers: Record<string, string>[]): Record<string, string> {
    const env: Record<string, string> = {
      ...this.setup.machineEnv,
      ...this.setup.context.env,
      ...this.runnerEnv,
      ...this.env,
    };
    for (const layer of layers) Object.assign(env, layer);
    if (this.paths.length > 0)
      env.PATH = [...this.paths]
        .reverse()
        .concat(env.PATH ?? [])
        .join(delimiter);
    return env;
  }

  /** GITHUB_ENV, GITHUB_PATH and GITHUB_STEP_SUMMARY of a finished stage. */
  applyFiles(files: FileCommandResults): void {
    Object.assign(this.env, files.env);
    for (const path of files.path) {
      const known = this.paths.indexOf(path);
      if (known >= 0) this.paths.splice(known, 1);
      this.paths.push(path);
    }
    if (files.summary.trim() !== '') this.setup.summary.append(this.setup.commands.mask(files.summary));
  }
}
