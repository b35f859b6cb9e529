// GitHub's REST API as the actions use it: @actions/github's Octokit, its requests sent through
// @actions/http-client like every other call of ours (the runner's proxy variables honoured the same
// way, keep-alive) and retried by the same rule (retry.ts: 429, 502-504 and lost connections, for a
// minute at most; a POST whose answer was lost is not sent twice). What GitHub answers when something
// is wrong becomes one warning line saying what to change: a report never fails the step that
// deployed the model. @actions/github is loaded only when a step talks to GitHub: parsing Octokit
// would cost every other run of deploy, predict and pipeline tens of milliseconds for nothing.

import type { getOctokit } from '@actions/github';
import { HttpClient } from '@actions/http-client';
import { USER_AGENT, readText, sendRequest } from '../http.js';
import { ApiError } from '../errors.js';
import { RETRYABLE_STATUSES, withRetries } from '../retry.js';
import type { RetryPolicy } from '../retry.js';
import { messageOf } from '../thrown.js';

export type GitHubApi = ReturnType<typeof getOctokit>;

export interface GitHubApiOptions {
  token: string;
  /** GITHUB_API_URL: https://api.github.com, or a GitHub Enterprise Server's /api/v3. */
  apiUrl: string;
}

/** A call gives up after this: the step's own work is done, and a report is not worth more. */
const GITHUB_RETRY_BUDGET_MS = 60_000;
const SOCKET_TIMEOUT_MS = 30_000;

export async function gitHubApi(options: GitHubApiOptions): Promise<{ api: GitHubApi; dispose(): void }> {
  const { getOctokit } = await import('@actions/github');
  const client = new HttpClient(USER_AGENT, [], {
    keepAlive: true,
    allowRetries: false,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
  const api = getOctokit(options.token, {
    baseUrl: options.apiUrl,
    userAgent: USER_AGENT,
    request: { fetch: fetchOver(client, { budgetMs: GITHUB_RETRY_BUDGET_MS }) },
  });
  return { api, dispose: () => client.dispose() };
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * The `fetch` Octokit calls, over an HttpClient: each answer whole, tried again while retry.ts says
 * so. The last answer is returned whatever its status; Octokit makes errors of the others.
 */
function fetchOver(client: HttpClient, policy: Partial<RetryPolicy>): typeof fetch {
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? init.body : null;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const signal = init.signal ?? undefined;
    let last: Answer | undefined;
    try {
      last = await withRetries(
        async () => {
          const response = await sendRequest(client, method, url, body, headers, signal);
          const answer: Answer = {
            status: response.message.statusCode ?? 0,
            headers: headersOf(response.message.headers),
            text: await readText(method, url, response.message),
          };
          if (!RETRYABLE_STATUSES.has(answer.status)) return answer;
          last = answer;
          // For withRetries to judge (and wait as Retry-After asks); the answer itself is kept.
          throw new ApiError({
            method,
            url,
            status: answer.status,
            serverMessage: '',
            retryAfter: answer.headers.get('retry-after') ?? undefined,
          });
        },
        { policy, idempotent: method !== 'POST', signal },
      );
    } catch (error) {
      if (!(error instanceof ApiError) || !last) throw error;
    }
    // A Response cannot carry a body for these statuses.
    const empty = [101, 204, 205, 304].includes(last.status);
    return new Response(empty ? null : last.text, { status: last.status, headers: last.headers });
  };
}

function headersOf(incoming: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      headers.append(name, item);
    }
  }
  return headers;
}

/** What Octokit throws for an answer (RequestError), without depending on its class. */
interface RequestFailure {
  status: number;
  response?: { data?: unknown };
  message: string;
}

function requestFailure(error: unknown): RequestFailure | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? (error as RequestFailure) : undefined;
}

/** GitHub refused the token what it asked (403 other than a rate limit): a permission, a fork's token. */
export function isRefusal(error: unknown): boolean {
  const failure = requestFailure(error);
  if (failure?.status !== 403 || !failure.response) return false;
  const data = failure.response.data as { message?: unknown } | undefined;
  return !/rate limit/i.test(typeof data?.message === 'string' ? data.message : failure.message);
}

/**
 * One line saying why a GitHub call failed and what to do. `permission` is what the workflow's
 * `permissions:` must grant for it (`pull-requests: write`, `deployments: write`).
 */
export function describeGitHubFailure(error: unknown, what: string, permission: string): string {
  const failure = requestFailure(error);
  if (!failure?.response) {
    // No answer at all (Octokit calls that a 500 of its own, without a response).
    return `${what} failed: ${messageOf(error)}`;
  }
  const data = failure.response?.data as { message?: unknown } | undefined;
  const message = typeof data?.message === 'string' ? data.message : failure.message;
  if (failure.status === 403 && !/rate limit/i.test(message)) {
    return `${what} was refused (403 ${message}): the workflow's token needs \`permissions: ${permission}\` (add it to the job or the workflow; a pull request from a fork gets a read-only token)`;
  }
  if (failure.status === 401) {
    return `${what} was refused (401 ${message}): github-token is not a valid token`;
  }
  return `${what} failed: ${failure.status} ${message}`;
}
