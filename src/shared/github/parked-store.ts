// Where parked phases are kept (docs/ARCHITECTURE.md, "Parked phases"): one git ref per phase under
// refs/odahu/parked/<kind>/<id>, pointing at a commit whose message holds the record as JSON. Listed
// for the whole repository in one request; changed only by a compare-and-swap (a commit whose parent
// is the record read, the ref moved without force: GitHub refuses a move that is not a fast-forward),
// so of two writers that read the same record, one wins and the other learns it lost.

import type { GitHubApi } from './api.js';
import { requestStatus } from './api.js';

/** The refs' namespace, without `refs/`: not a branch or a tag, so no UI lists it and no clone fetches it. */
export const PARKED_NAMESPACE = 'odahu/parked/';

/** The kinds a step can park, and the path segment naming each in the ref. */
export const PARKED_KINDS = {
  ModelTraining: 'training',
  ModelPackaging: 'packaging',
  ModelDeployment: 'deployment',
  InferenceJob: 'batch-job',
} as const;

export type ParkedKind = keyof typeof PARKED_KINDS;

/** How a parked phase ended, as the resume run that claimed it decided. */
export interface PhaseEnding {
  /** The check run's conclusion. */
  conclusion: 'success' | 'failure' | 'cancelled' | 'timed_out';
  /** The phase's last state. */
  state: string;
  /** Why it did not succeed, one line. */
  reason?: string;
  /** The phase's outputs when it ended. */
  outputs: Record<string, string>;
  /** On the step's clock (ms). */
  endedAt: number;
  /** The pod log's last lines, for a failure. */
  logTail?: string[];
}

export interface ParkedRecord {
  version: 1;
  kind: ParkedKind;
  id: string;
  /** The step's summary title: `Odahu train`. */
  title: string;
  /** The Odahu API the phase runs on: a resume for another cluster leaves it alone. */
  odahuApiUrl: string;
  /** What the step did before parking: created, replaced, reused... */
  action: string;
  /** On the step's clock (ms since the epoch). */
  parkedAt: number;
  timeoutMs: number;
  /** A cancel or a timeout deletes the phase (the step started it and on-cancel is delete). */
  deleteOnEnd: boolean;
  /** The step's outputs for the phase when parked. */
  outputs: Record<string, string>;
  checkRun: { id: number; name: string; headSha: string } | undefined;
  /** The run that parked it. */
  run: { id: string; url: string; workflow: string; ref: string; sha: string };
  /** Dispatched when the phase succeeds. */
  continuation: { workflow: string; ref: string; inputs: Record<string, string> } | undefined;
  /**
   * A resume run finishing it: who, since when, and the ending it decided; `finished` once its check
   * run is completed and its continuation dispatched, when only the record was left to delete.
   */
  claim?: { runId: string; at: number; ending: PhaseEnding; finished?: boolean };
  /** Why the last dispatch of the continuation was refused (it stays parked and is tried again). */
  refused?: string;
  /** How many resume ticks have read it. */
  ticks?: number;
}

export interface ParkedEntry {
  /** `training/wine-2024`: the ref under the namespace, and how `cancel` names it. */
  key: string;
  /** The commit the ref points at. */
  sha: string;
  record: ParkedRecord;
}

export interface Repository {
  owner: string;
  repo: string;
}

export function parkedKey(kind: ParkedKind, id: string): string {
  return `${PARKED_KINDS[kind]}/${id}`;
}

const TITLE = (record: ParkedRecord) => `odahu: parked ${parkedKey(record.kind, record.id)}`;

export class ParkedStore {
  constructor(
    private readonly api: GitHubApi,
    private readonly repository: Repository,
  ) {}

  /** Every parked phase of the repository; a ref whose record cannot be read is named in `unreadable`. */
  async list(): Promise<{ entries: ParkedEntry[]; unreadable: string[] }> {
    const { data } = await this.api.rest.git.listMatchingRefs({
      ...this.repository,
      ref: PARKED_NAMESPACE.replace(/\/$/, ''),
    });
    const entries: ParkedEntry[] = [];
    const unreadable: string[] = [];
    for (const ref of data) {
      const key = ref.ref.replace(`refs/${PARKED_NAMESPACE}`, '');
      if (!ref.ref.startsWith(`refs/${PARKED_NAMESPACE}`)) continue;
      const entry = await this.readCommit(key, ref.object.sha);
      if (entry) entries.push(entry);
      else unreadable.push(key);
    }
    return { entries, unreadable };
  }

  /**
   * The record of `key`; undefined when none is parked there, `unreadable` when the ref holds no record
   * this version can read (another version's, or not ours).
   */
  async read(key: string): Promise<ParkedEntry | 'unreadable' | undefined> {
    try {
      const { data } = await this.api.rest.git.getRef({
        ...this.repository,
        ref: `${PARKED_NAMESPACE}${key}`,
      });
      return (await this.readCommit(key, data.object.sha)) ?? 'unreadable';
    } catch (error) {
      if (requestStatus(error) === 404) return undefined;
      throw error;
    }
  }

  /** Creates the record; `exists` when a record of the same phase is there already. */
  async create(record: ParkedRecord): Promise<ParkedEntry | 'exists'> {
    const key = parkedKey(record.kind, record.id);
    const sha = await this.commit(record, []);
    try {
      await this.api.rest.git.createRef({ ...this.repository, ref: `refs/${PARKED_NAMESPACE}${key}`, sha });
    } catch (error) {
      if (requestStatus(error) === 422) return 'exists';
      throw error;
    }
    return { key, sha, record };
  }

  /**
   * Replaces the record if it is still the one `entry` read: the new one's parent is it, and the ref
   * moves without force. Undefined when another writer got there first (or deleted it).
   */
  async replace(entry: ParkedEntry, record: ParkedRecord): Promise<ParkedEntry | undefined> {
    const sha = await this.commit(record, [entry.sha]);
    try {
      await this.api.rest.git.updateRef({
        ...this.repository,
        ref: `${PARKED_NAMESPACE}${entry.key}`,
        sha,
        force: false,
      });
    } catch (error) {
      // 422: "Update is not a fast forward" (moved meanwhile) or "Reference does not exist".
      if (requestStatus(error) === 422 || requestStatus(error) === 404) return undefined;
      throw error;
    }
    return { ...entry, sha, record };
  }

  /** Deletes the record; one already gone is no failure. */
  async remove(entry: ParkedEntry): Promise<void> {
    try {
      await this.api.rest.git.deleteRef({ ...this.repository, ref: `${PARKED_NAMESPACE}${entry.key}` });
    } catch (error) {
      if (requestStatus(error) !== 422 && requestStatus(error) !== 404) throw error;
    }
  }

  /**
   * A commit of `record`: its message is what resume reads; its tree's phase.json, the same record
   * for a person (`git show <ref>:phase.json`), written anew for each version so that it never lags.
   */
  private async commit(record: ParkedRecord, parents: string[]): Promise<string> {
    const { data: tree } = await this.api.rest.git.createTree({
      ...this.repository,
      tree: [{ path: 'phase.json', mode: '100644', type: 'blob', content: JSON.stringify(record, null, 2) }],
    });
    const { data } = await this.api.rest.git.createCommit({
      ...this.repository,
      message: `${TITLE(record)}\n\n${JSON.stringify(record)}\n`,
      tree: tree.sha,
      parents,
    });
    return data.sha;
  }

  private async readCommit(key: string, sha: string): Promise<ParkedEntry | undefined> {
    const { data } = await this.api.rest.git.getCommit({ ...this.repository, commit_sha: sha });
    const record = parseRecord(data.message);
    return record && parkedKey(record.kind, record.id) === key ? { key, sha, record } : undefined;
  }
}

/** The record in a commit's message, or undefined when it is not one of ours. */
function parseRecord(message: string): ParkedRecord | undefined {
  const json = message.slice(message.indexOf('\n\n') + 2);
  let record: Partial<ParkedRecord>;
  try {
    record = JSON.parse(json) as Partial<ParkedRecord>;
  } catch {
    return undefined;
  }
  const good =
    record?.version === 1 &&
    typeof record.kind === 'string' &&
    record.kind in PARKED_KINDS &&
    typeof record.id === 'string' &&
    typeof record.parkedAt === 'number' &&
    typeof record.timeoutMs === 'number' &&
    typeof record.run === 'object' &&
    typeof record.outputs === 'object' &&
    (record.claim === undefined || isClaim(record.claim));
  return good ? (record as ParkedRecord) : undefined;
}

/**
 * A claim as resume writes it. Its run id goes into the log and into GitHub's API paths: a record
 * whose claim names anything but a run's number is not one of ours.
 */
function isClaim(claim: unknown): boolean {
  const { runId, at, ending } = (claim ?? {}) as Partial<NonNullable<ParkedRecord['claim']>>;
  return (
    typeof runId === 'string' &&
    /^\d+$/.test(runId) &&
    typeof at === 'number' &&
    typeof ending === 'object' &&
    ending !== null &&
    typeof ending.conclusion === 'string'
  );
}
