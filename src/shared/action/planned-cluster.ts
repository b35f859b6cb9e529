// The cluster as an apply will leave it: the resources its manifests hold, over what the server has.
// Read before the first write to check that every reference resolves, and to know the server's
// defaults that come from other resources (a toolchain's image, a git connection's reference). Each
// server object and the configuration are read once.

import type { OdahuClient } from '../odahu/client.js';
import { ApiError } from '../odahu/errors.js';
import type { KindName, KindResources } from '../odahu/kinds.js';
import type { OdahuConfiguration } from '../odahu/types.js';

export class PlannedCluster {
  private readonly serverObjects = new Map<string, Promise<unknown>>();
  private readonly planned = new Map<string, unknown>();

  constructor(
    private readonly client: OdahuClient,
    private readonly signal: AbortSignal,
    /** What the apply will write (batch jobs are left out: their ids are the server's). */
    resources: readonly { kind: KindName; id: string; resource: unknown }[] = [],
  ) {
    for (const { kind, id, resource } of resources) this.planned.set(`${kind}/${id}`, resource);
  }

  configuration(): Promise<OdahuConfiguration> {
    return this.client.configuration({ signal: this.signal });
  }

  /** The resource as the apply will leave it: the manifest's, else the server's, else undefined. */
  async find<K extends KindName>(kind: K, id: string): Promise<KindResources[K] | undefined> {
    const key = `${kind}/${id}`;
    if (this.planned.has(key)) return this.planned.get(key) as KindResources[K];
    return this.onServer(kind, id);
  }

  /** The apply leaves the server's object as it is (if-exists: skip): later checks read that one. */
  keepServers(kind: KindName, id: string): void {
    this.planned.delete(`${kind}/${id}`);
  }

  /** What the server has now (undefined: nothing). */
  onServer<K extends KindName>(kind: K, id: string): Promise<KindResources[K] | undefined> {
    const key = `${kind}/${id}`;
    let read = this.serverObjects.get(key);
    if (!read) {
      read = this.client.kind(kind).find(id, { signal: this.signal });
      this.serverObjects.set(key, read);
    }
    return read as Promise<KindResources[K] | undefined>;
  }

  /**
   * Whether the resource will exist: true or false, or undefined when the server would not say
   * (these credentials may not read that kind: the server then judges the write itself).
   */
  async exists(kind: KindName, id: string): Promise<boolean | undefined> {
    try {
      return (await this.find(kind, id)) !== undefined;
    } catch (error) {
      if (deniedRead(error)) return undefined;
      throw error;
    }
  }
}

/** The server would not let these credentials read it (a data scientist and batch services, say). */
export function deniedRead(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}
