// What the pods of trainings and packagings print, and GET /model/{training|packaging}/{id}/log: the
// containers' lines in step order; follow=false dumps what is printed so far, follow=true streams each
// line as the pod prints it and ends when the pod does. The lines are plausible and deterministic:
// the same resource prints the same log (apart from the names a run makes up, such as its artifact's).

import { createHash } from 'node:crypto';
import type { Exchange } from './exchange.js';
import type { TaskRun } from './task-runs.js';
import type { Timers } from './timers.js';
import { ApiFailure } from './cluster.js';
import type { ModelPackaging, ModelTraining } from '../shared/odahu/types.js';

export interface PodLog {
  lines: string[];
  /** Set when the pod fails: the status message, Tekton's wording for a failed step. */
  failure?: string;
}

/** A failed step the way Tekton reports it in the TaskRun's condition. */
export function stepFailure(step: string, detail?: string): string {
  const text = `"step-${step}" exited with code 1`;
  return detail ? `${text}: ${detail}` : text;
}

const line = (container: string, level: 'INFO' | 'ERROR', text: string): string =>
  `${level}\t${container}\t${text}\n`;

/** A repeatable number in [low, high) from a text, for metrics that look real and never change. */
function figure(seed: string, low: number, high: number): string {
  const n = createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
  return (low + n * (high - low)).toFixed(4);
}

export interface TrainingLogInput {
  training: ModelTraining;
  connectionUri: (id: string) => string | undefined;
  artifactName: string;
  runId: string;
  /** Why the pod fails, if it does: the emulator-outcome override, or an artifact name it cannot render. */
  failure?: 'trainer' | { templateError: string };
}

export function trainingLog(input: TrainingLogInput): PodLog {
  const { training, connectionUri, artifactName, runId, failure } = input;
  const { spec } = training;
  const lines: string[] = [];
  const setup = (text: string): number => lines.push(line('step-setup', 'INFO', text));
  const trainer = (text: string): number => lines.push(line('step-trainer', 'INFO', text));

  setup(`Model training ${training.id}: model ${spec.model.name} version ${spec.model.version}`);
  const { vcs, objectStorage } = spec.algorithmSource ?? {};
  if (vcs?.connection) {
    const ref = vcs.reference ? ` at ${vcs.reference}` : '';
    setup(`Cloning ${connectionUri(vcs.connection) ?? vcs.connection}${ref} into /workspace/source`);
  } else if (objectStorage?.connection) {
    const base = connectionUri(objectStorage.connection) ?? objectStorage.connection;
    setup(`Downloading ${joinPath(base, objectStorage.path)} into /workspace/source`);
  }
  for (const binding of spec.data ?? []) {
    const base = connectionUri(binding.connection) ?? binding.connection;
    setup(`Downloading ${joinPath(base, binding.remotePath)} to ${binding.localPath}`);
  }
  setup('Setup completed');

  trainer(
    `Running ${spec.entrypoint || 'main'} in ${spec.workDir ?? './'} with ${spec.image ?? 'the toolchain image'}`,
  );
  const parameters = Object.entries(spec.hyperParameters ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [name, value] of parameters) trainer(`Hyperparameter ${name}=${value}`);
  const seed = `${training.id}/${JSON.stringify(parameters)}`;
  for (let epoch = 1; epoch <= 3; epoch += 1) {
    trainer(`Epoch ${epoch}/3: loss=${figure(`${seed}/${epoch}`, 1.2 / epoch, 1.5 / epoch)}`);
  }
  if (failure === 'trainer') {
    lines.push(line('step-trainer', 'ERROR', 'Training script failed: exit status 1'));
    return { lines, failure: stepFailure('trainer') };
  }
  trainer(`Metrics: rmse=${figure(`${seed}/rmse`, 0.6, 0.9)} mae=${figure(`${seed}/mae`, 0.4, 0.7)}`);
  trainer(`MLflow run ${runId} finished`);
  lines.push(line('step-validation', 'INFO', `Model ${spec.model.name} ${spec.model.version} is valid`));
  if (failure) {
    lines.push(line('step-result', 'ERROR', `Cannot name the artifact: ${failure.templateError}`));
    return { lines, failure: stepFailure('result') };
  }
  const output = connectionUri(spec.outputConnection ?? '') ?? spec.outputConnection ?? '';
  lines.push(line('step-result', 'INFO', `Uploading ${artifactName} to ${output}`));
  lines.push(line('step-result', 'INFO', `Artifact ${artifactName} saved`));
  return { lines };
}

export interface PackagingLogInput {
  packaging: ModelPackaging;
  outputUri: string | undefined;
  image: string;
  /** Why the pod fails: no training made the artifact, the emulator-outcome override, a bad image name. */
  failure?: 'artifact' | 'packager' | { templateError: string };
}

export function packagingLog(input: PackagingLogInput): PodLog {
  const { packaging, outputUri, image, failure } = input;
  const { spec } = packaging;
  const source = joinPath(outputUri ?? spec.outputConnection ?? '', spec.artifactName);
  const lines = [line('step-setup', 'INFO', `Downloading ${source}`)];
  if (failure === 'artifact') {
    const detail = `artifact "${spec.artifactName}" is not found in connection "${spec.outputConnection ?? ''}"`;
    lines.push(line('step-setup', 'ERROR', `Cannot download ${source}: ${detail}`));
    return { lines, failure: stepFailure('setup', detail) };
  }
  lines.push(line('step-setup', 'INFO', `Unpacked ${spec.artifactName}`));
  const packager = (text: string): number => lines.push(line('step-packager', 'INFO', text));
  packager(`Packaging with ${spec.integrationName} (${spec.image ?? 'the integration image'})`);
  const args = Object.entries(spec.arguments ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [name, value] of args) packager(`Argument ${name}=${JSON.stringify(value)}`);
  packager('Generating the Dockerfile and the model server');
  packager('Building the image');
  if (failure === 'packager') {
    lines.push(line('step-packager', 'ERROR', 'Image build failed: exit status 1'));
    return { lines, failure: stepFailure('packager') };
  }
  if (failure) {
    lines.push(line('step-packager', 'ERROR', `Cannot name the image: ${failure.templateError}`));
    return { lines, failure: stepFailure('packager') };
  }
  packager(`Pushing ${image}`);
  lines.push(line('step-result', 'INFO', `Result: image=${image}`));
  return { lines };
}

function joinPath(base: string, path: string | undefined): string {
  if (!path) return base;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** How the server names the resource kind in its log errors (Kubernetes, then its own, sic). */
const LOG_NAMES = {
  training: { crd: 'modeltrainings.odahuflow.odahu.org', notStarted: 'model Training' },
  packaging: { crd: 'modelpackagings.odahuflow.odahu.org', notStarted: 'model packaing' },
} as const;

/** Counts log followers, to give each its own timer group. */
let followers = 0;

/**
 * Answers a log request. `run` is the resource's pod, if the controller made one (the server looks the
 * resource up in Kubernetes, where it appears once the controller has synced it).
 */
export function serveLog(
  exchange: Exchange,
  kind: 'training' | 'packaging',
  id: string,
  run: TaskRun | undefined,
  follow: boolean,
  timers: Timers,
): void {
  const names = LOG_NAMES[kind];
  if (!run || run.phase === 'stopped' || (run.phase === 'created' && !run.rerun)) {
    throw new ApiFailure(404, `${names.crd} "${id}" not found`);
  }
  if (run.phase === 'created' || run.phase === 'scheduling') {
    throw new ApiFailure(500, `${names.notStarted} ${id} has not started yet`);
  }

  const stream = exchange.stream(200, 'text/plain; charset=utf-8');
  const printed = run.printed();
  stream.write(printed.join(''));
  if (!follow || run.ended) {
    stream.end();
    return;
  }
  // Following: each later line is written when the pod prints it; the answer ends with the pod.
  followers += 1;
  const group = `log/${kind}/${id}/${followers}`;
  let sent = printed.length;
  const flush = (): void => {
    const now = run.printed();
    stream.write(now.slice(sent).join(''));
    sent = now.length;
  };
  for (const { atMs } of run.lines.slice(sent)) {
    timers.after(group, run.startedAt + atMs - timers.now(), flush);
  }
  const unsubscribe = run.onEnd(() => {
    timers.cancel(group);
    flush();
    stream.end();
  });
  stream.onClose(() => {
    timers.cancel(group);
    unsubscribe();
  });
}
