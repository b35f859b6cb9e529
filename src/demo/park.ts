// `npm run demo -- park`: the parked-phase loop (README, "Long phases") on one embedded emulator,
// with the runner's local GitHub. wine-park.yml starts a 15-minute training, parks it and ends;
// wine-resume.yml ticks on schedule while it trains (the emulator's clock held and moved on 5 minutes
// between ticks, so the demo takes seconds); the tick after the training ended completes its check run
// and dispatches wine-continue.yml, which the runner runs at once: package, deploy, predict.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { passTime } from '../emulator/held-time.js';
import type { RunningEmulator } from '../emulator/options.js';
import type { Cluster } from '../workflow/cluster.js';
import { chooseCluster } from '../workflow/cluster.js';
import { gitHubStateFile } from '../workflow/github-service.js';
import type { WorkflowRun, WorkflowRunOptions } from '../workflow/run-workflow.js';
import { runWorkflow } from '../workflow/run-workflow.js';

export const PARK_WORKFLOWS = {
  park: 'examples/workflows/wine-park.yml',
  resume: 'examples/workflows/wine-resume.yml',
  continuation: 'examples/workflows/wine-continue.yml',
};

/** The training's length on the emulator's clock, and the schedule's gap between two resume ticks. */
const TRAINING_MINUTES = 15;
const TICK_MINUTES = 5;

/** The demo's own calls to the emulator (plain fetch: the actions' client would print workflow commands here). */
export async function emulatorApi(emulator: RunningEmulator) {
  const grant = await fetch(emulator.authUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: emulator.clientId,
      client_secret: emulator.clientSecret,
      scope: 'openid',
    }),
  });
  const { access_token: token } = (await grant.json()) as { access_token: string };
  return async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const answer = await fetch(`${emulator.apiUrl}/api/v1/${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
    return answer.json();
  };
}

/** The connections examples/odahu's training names: a team's cluster has them before it trains. */
export async function seedConnections(api: Awaited<ReturnType<typeof emulatorApi>>): Promise<void> {
  await api('POST', 'connection', {
    id: 'odahu-flow-examples',
    spec: { type: 'git', uri: 'git@github.com:odahu/odahu-examples.git', reference: 'develop' },
  });
  await api('POST', 'connection', {
    id: 'wine',
    spec: {
      type: 'gcs',
      uri: 'gs://wine-demo-bucket/data/wine-quality.csv',
      region: 'wine-demo',
      keySecret: Buffer.from('{}').toString('base64'),
    },
  });
}

/**
 * The three runs (and the ticks between), on one cluster; the last resume run, whose `dispatched`
 * holds the continuation's run. `base` is what every run shares (secrets, vars, the output).
 */
export async function runParkDemo(
  base: Omit<WorkflowRunOptions, 'workflowPath' | 'shownPath' | 'event' | 'cluster'>,
): Promise<WorkflowRun> {
  const root = base.repoRoot;
  const write = base.write;
  // The demo's GitHub starts empty: no record left by an earlier demo on another emulator.
  rmSync(gitHubStateFile(join(root, '.tmp', 'runs'), base.workspace ?? root), { force: true });
  const cluster: Cluster = await chooseCluster(
    { vars: base.vars, secrets: base.secrets, envFile: base.envFile, environment: base.environment },
    true,
    { trainingSeconds: TRAINING_MINUTES * 60 },
  );
  const emulator = cluster.emulator!;
  const run = (workflow: string, event: string) =>
    runWorkflow({ ...base, workflowPath: join(root, workflow), shownPath: workflow, event, cluster });
  const heading = (text: string) => write(`\n── ${text}\n\n`);
  try {
    const api = await emulatorApi(emulator);
    await seedConnections(api);
    const trainingEnded = async () => {
      const training = (await api('GET', 'model/training/wine')) as { status?: { state?: string } };
      return ['succeeded', 'failed'].includes(training.status?.state ?? '');
    };
    emulator.clock.hold();
    heading(
      `1. ${PARK_WORKFLOWS.park}: a ${TRAINING_MINUTES}-minute training is started and parked; the run ends`,
    );
    const parked = await run(PARK_WORKFLOWS.park, 'workflow_dispatch');
    if (parked.exitCode !== 0) return parked;
    for (let minutes = TICK_MINUTES; ; minutes += TICK_MINUTES) {
      await passTime(emulator, TICK_MINUTES * 60_000);
      if (await trainingEnded()) {
        // The training has ended: the rest (packaging, deployment) runs at the demo's pace.
        emulator.clock.release();
        heading(
          `3. ${minutes} minutes on, ${PARK_WORKFLOWS.resume} (schedule): the training ended; its check completes and ${PARK_WORKFLOWS.continuation} is dispatched`,
        );
        return await run(PARK_WORKFLOWS.resume, 'schedule');
      }
      heading(
        `2. ${minutes} minutes on, ${PARK_WORKFLOWS.resume} (schedule): no runner held while it trains`,
      );
      const tick = await run(PARK_WORKFLOWS.resume, 'schedule');
      if (tick.exitCode !== 0) return tick;
    }
  } finally {
    if (emulator.clock.held) emulator.clock.release();
    await cluster.close();
  }
}
