// The resources the benchmark creates: a training, a packaging and a deployment whose emulated
// duration is set per resource (the emulator's `emulator-seconds` key), and a quick artifact and image
// for the packagings and deployments to use.

import { packagingPhase, trainingPhase } from '../src/shared/action/phases.js';
import { watch } from '../src/shared/action/watch.js';
import type { OdahuClient } from '../src/shared/odahu/client.js';
import type { ModelDeployment, ModelPackaging, ModelTraining } from '../src/shared/odahu/types.js';

/** `seconds` undefined: the emulator's default duration. */
export function training(id: string, seconds?: number): ModelTraining {
  return {
    id,
    spec: {
      model: { name: 'bench', version: '1.0' },
      toolchain: 'mlflow',
      algorithmSource: { objectStorage: { connection: 'models-output', path: 'code/' } },
      ...(seconds === undefined ? {} : { hyperParameters: { 'emulator-seconds': seconds.toFixed(2) } }),
    },
  };
}

export function packaging(id: string, seconds: number, artifactName = ''): ModelPackaging {
  return {
    id,
    spec: {
      integrationName: 'docker-rest',
      artifactName,
      targets: [{ name: 'docker-push', connectionName: 'docker-ci' }],
      arguments: { 'emulator-seconds': seconds.toFixed(2) },
    },
  };
}

/** `seconds` undefined: the emulator's default duration. */
export function deployment(id: string, seconds?: number, image = ''): ModelDeployment {
  return {
    id,
    spec: {
      image,
      predictor: 'odahu-ml-server',
      minReplicas: 1,
      ...(seconds === undefined ? {} : { annotations: { 'emulator-seconds': seconds.toFixed(2) } }),
    },
  };
}

/** A manifest input: the resource with its kind, as JSON. */
export function manifest(kind: string, resource: object): string {
  return JSON.stringify({ kind, ...resource });
}

/** A training's artifact and a packaging's image, made in a moment, for packagings and deployments. */
export async function quickArtifactAndImage(
  client: OdahuClient,
): Promise<{ artifact: string; image: string }> {
  const wait = { timeoutMs: 60_000, pollIntervalMs: 100, signal: new AbortController().signal, logs: false };
  await client.trainings.create(training('bench-source', 0.1));
  const trained = await watch(trainingPhase, client, 'bench-source', wait);
  const artifact = trained.status?.artifacts?.at(-1)?.artifactName ?? '';
  await client.packagings.create(packaging('bench-source', 0.1, artifact));
  const packaged = await watch(packagingPhase, client, 'bench-source', wait);
  return { artifact, image: packaged.status?.results?.find((r) => r.name === 'image')?.value ?? '' };
}
