// The event a run is for, as GitHub would send it: a payload valid for its event by default (a
// pull_request has a number, a head ref and a sha; a push its before and after; a release its tag),
// built from the local working tree, and --event-payload FILE merged over it (the file may hold only
// the keys it cares about, `{"pull_request": {"number": 42}}`, or a whole payload GitHub sent).

import { readFileSync } from 'node:fs';
import { CannotRun } from './cannot-run.js';
import type { JsonValue } from './expressions.js';

export type Payload = { [key: string]: JsonValue };

export interface PayloadFacts {
  /** owner/name */
  repository: string;
  sha: string;
  branch: string;
  actor: string;
  serverUrl: string;
}

/** A pull request's number when the event is a pull request's and nothing else says it. */
export const DEFAULT_PULL_REQUEST = 1;

/** The payload GitHub sends for `eventName`, with what every event has (repository, sender). */
export function defaultPayload(
  eventName: string,
  facts: PayloadFacts,
  inputs: Record<string, string>,
  /** --pull-request (and --fork): the pull request a pull_request event is for. */
  pullRequest?: { number: number; fork: boolean },
): Payload {
  const [owner = 'local', name = ''] = facts.repository.split('/');
  const repository = {
    full_name: facts.repository,
    name,
    owner: { login: owner },
    default_branch: 'main',
    html_url: `${facts.serverUrl}/${facts.repository}`,
  };
  const event: Payload = { repository, sender: { login: facts.actor } };
  switch (eventName) {
    case 'workflow_dispatch':
      return { ...event, ref: `refs/heads/${facts.branch}`, inputs };
    case 'push':
      return {
        ...event,
        ref: `refs/heads/${facts.branch}`,
        before: '0'.repeat(40),
        after: facts.sha,
        head_commit: { id: facts.sha, message: '' },
      };
    case 'pull_request':
    case 'pull_request_target': {
      const number = pullRequest?.number ?? DEFAULT_PULL_REQUEST;
      const fork = pullRequest?.fork ?? false;
      return {
        ...event,
        action: 'synchronize',
        number,
        pull_request: {
          number,
          state: 'open',
          html_url: `${facts.serverUrl}/${facts.repository}/pull/${number}`,
          head: {
            ref: facts.branch,
            sha: facts.sha,
            repo: { full_name: fork ? `fork/${name}` : facts.repository, fork },
          },
          base: { ref: 'main', sha: '0'.repeat(40), repo: { full_name: facts.repository } },
          labels: [],
          user: { login: facts.actor },
        },
      };
    }
    case 'release':
      return {
        ...event,
        action: 'published',
        release: { tag_name: 'v0.0.0-local', name: 'v0.0.0-local', target_commitish: facts.branch },
      };
    case 'schedule':
      return { ...event, schedule: '' };
    default:
      return { ...event, ref: `refs/heads/${facts.branch}` };
  }
}

/** `given` over `base`: mappings merged key by key, anything else replaced. */
export function mergePayload(base: Payload, given: Payload): Payload {
  const merged: Payload = { ...base };
  for (const [key, value] of Object.entries(given)) {
    const under = merged[key];
    merged[key] = isMapping(value) && isMapping(under) ? mergePayload(under, value) : value;
  }
  return merged;
}

function isMapping(value: JsonValue | undefined): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** --event-payload FILE: a JSON object. */
export function readEventPayload(path: string, shown: string): Payload {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CannotRun([`--event-payload ${shown}: cannot read it`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CannotRun([`--event-payload ${shown}: not JSON (${(error as Error).message})`]);
  }
  if (!isMapping(parsed as JsonValue))
    throw new CannotRun([`--event-payload ${shown}: a JSON object, as GitHub's event payloads are`]);
  return parsed as Payload;
}

/** The pull request of a pull_request payload: its number and branches, for the github context. */
export function pullRequestOf(payload: Payload): { number: number; head: string; base: string } | undefined {
  const pr = payload.pull_request;
  if (!isMapping(pr)) return undefined;
  const number = typeof pr.number === 'number' ? pr.number : Number(payload.number ?? DEFAULT_PULL_REQUEST);
  const ref = (side: JsonValue | undefined, fallback: string) =>
    isMapping(side) && typeof side.ref === 'string' ? side.ref : fallback;
  return { number, head: ref(pr.head, ''), base: ref(pr.base, 'main') };
}
