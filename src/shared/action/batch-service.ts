// A batch inference service and its jobs, as the batch and apply actions write them. The 1.6 server
// sets a service's webhook trigger only on create (a PUT without one stores none, and every job is
// then refused), and will not delete a service that still has jobs.

import * as core from '@actions/core';
import type { OdahuClient } from '../odahu/client.js';
import type { InferenceJob, InferenceService } from '../odahu/types.js';
import type { DeleteOptions, Store } from './apply.js';
import { waitUntilGone } from './apply.js';
import { deniedRead } from './planned-cluster.js';
import type { PlannedCluster } from './planned-cluster.js';
import { logText } from '../odahu/untrusted-text.js';

/** The webhook trigger the server gives a created service, written out so that a PUT keeps it. */
export function serviceWithDefaults(service: InferenceService): InferenceService {
  if (!service.spec.triggers?.webhook) {
    service.spec.triggers = { ...service.spec.triggers, webhook: { enabled: true } };
  }
  return service;
}

/** What the server refuses in a service: no image, no command, no model. One line each. */
export function serviceProblems(service: InferenceService): string[] {
  const { spec } = service;
  const problems: string[] = [];
  if (!spec.image) problems.push('spec.image is required: the image that runs the predictions');
  if (!spec.command?.length) problems.push('spec.command is required: the command that runs the predictions');
  const registry = spec.modelRegistry;
  if (registry?.remote) {
    if (!registry.remote.modelConnection)
      problems.push('spec.modelRegistry.remote.modelConnection is required');
  } else if (registry?.local) {
    if (!registry.local.meta?.name) problems.push('spec.modelRegistry.local.meta.name is required');
    if (!registry.local.meta?.version) problems.push('spec.modelRegistry.local.meta.version is required');
  } else {
    problems.push(
      'spec.modelRegistry has no model: give remote (modelConnection and modelPath, a model in object storage) or local (meta.name and meta.version of the model in the image)',
    );
  }
  return problems;
}

/** Why the server refuses every job of the service, or undefined when it takes them. */
export function jobsRefused(service: InferenceService): string | undefined {
  return service.spec.triggers?.webhook?.enabled === false
    ? 'spec.triggers.webhook.enabled is false: the server refuses every job of a service whose webhook trigger is disabled; set it to true or leave triggers out'
    : undefined;
}

/** Where a job reads and writes (its own, else its service's): one line for each that is missing. */
export function jobSourceProblems(service: InferenceService, job: InferenceJob): string[] {
  const problems: string[] = [];
  for (const field of ['dataSource', 'outputDestination'] as const) {
    const reference = job.spec[field] ?? service.spec[field];
    const what = field === 'dataSource' ? 'where the job reads its input' : 'where the job writes its output';
    if (!reference) problems.push(`no ${field} (${what}): set spec.${field} in the job or the service`);
    else if (!reference.connection) problems.push(`spec.${field} names no connection (${what})`);
  }
  return problems;
}

/** The server's page size: a shorter page is the last. */
const PAGE_SIZE = 500;

/** Every batch job of the cluster, page by page. */
export async function allJobsOf(client: OdahuClient, signal?: AbortSignal): Promise<InferenceJob[]> {
  const jobs: InferenceJob[] = [];
  for (let page = 0; ; page++) {
    const items = await client.inferenceJobs.list({ page, size: PAGE_SIZE }, { signal });
    jobs.push(...items);
    if (items.length < PAGE_SIZE) return jobs;
  }
}

/** Every job of the service (the API has no filter for it). */
export async function jobsOf(
  client: OdahuClient,
  serviceId: string,
  signal?: AbortSignal,
): Promise<InferenceJob[]> {
  return (await allJobsOf(client, signal)).filter((job) => job.spec.inferenceServiceId === serviceId);
}

/** Deletes every job of the service and waits until they are gone. */
export async function deleteJobsOf(
  client: OdahuClient,
  serviceId: string,
  options: Omit<DeleteOptions, 'noun'>,
): Promise<InferenceJob[]> {
  const jobs = await jobsOf(client, serviceId, options.signal);
  for (const job of jobs) await client.inferenceJobs.delete(job.id, { signal: options.signal });
  for (const job of jobs) {
    await waitUntilGone(client.inferenceJobs, job.id, { ...options, noun: 'batch inference job' });
  }
  return jobs;
}

/** The services' store, whose delete removes the service's jobs first. */
export function serviceStore(
  client: OdahuClient,
  options: Omit<DeleteOptions, 'noun' | 'signal'>,
): Store<InferenceService> {
  const services = client.inferenceServices;
  return {
    find: (id, callOptions) => services.find(id, callOptions),
    create: (service, callOptions) => services.create(service, callOptions),
    update: (service, callOptions) => services.update(service, callOptions),
    delete: async (id, callOptions = {}) => {
      const signal = callOptions.signal ?? new AbortController().signal;
      const jobs = await deleteJobsOf(client, id, { ...options, signal });
      if (jobs.length > 0) {
        core.info(
          logText(
            `Deleted the ${jobs.length} job(s) of batch inference service ${id} (${jobs.map((j) => j.id).join(', ')}): the server keeps a service that has jobs.`,
          ),
        );
      }
      await services.delete(id, callOptions);
    },
  };
}

/** What a batch job reads and writes through rclone and odahu-tools: object storage only. */
const OBJECT_STORAGE = ['s3', 'gcs', 'azureblob'];

/**
 * The connections a job of the service needs: its data source and output (the job's, else the
 * service's) and a remote model's. The 1.6 server checks none of them fully (only the data source,
 * and only that it exists); a missing one, or one that is not object storage, leaves the job without
 * a state for ever, its controller unable to build its pod. One line per problem.
 */
export async function jobConnectionProblems(
  cluster: PlannedCluster,
  service: InferenceService,
  job: InferenceJob,
  /** Connections whose absence was said already (the service's own references): not said again. */
  saidMissing: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const needed: [string | undefined, string][] = [
    [(job.spec.dataSource ?? service.spec.dataSource)?.connection, 'its dataSource'],
    [(job.spec.outputDestination ?? service.spec.outputDestination)?.connection, 'its outputDestination'],
    [service.spec.modelRegistry?.remote?.modelConnection, "its service's remote model"],
  ];
  const problems: string[] = [];
  for (const [name, role] of needed) {
    if (!name || saidMissing.has(name)) continue;
    let connection;
    try {
      connection = await cluster.find('Connection', name);
    } catch (error) {
      // Credentials that may not read connections: the server and its controller judge.
      if (deniedRead(error)) continue;
      throw error;
    }
    const what = `a batch job of ${service.id} needs connection ${name} (${role})`;
    if (!connection) problems.push(`${what}, which does not exist: the job would never start`);
    else if (!OBJECT_STORAGE.includes(connection.spec.type)) {
      problems.push(
        `${what}, which is a ${connection.spec.type} connection: batch jobs use object storage only (${OBJECT_STORAGE.join(', ')})`,
      );
    }
  }
  return problems;
}
