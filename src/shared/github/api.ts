// GitHub's REST API as the actions use it: @actions/github's Octokit, its requests sent through
// @actions/http-client like every other call of ours (the runner's proxy variables honoured the same
// way, keep-alive) and retried by the same rule (retry.ts: 429, 502-504 and lost connections, for a
// minute at most; a POST whose answer was lost is not sent twice), GitHub's rate limits included (a
// 403 with Retry-After, or with no requests left, waited out when that fits in the minute). Not
// @octokit/plugin-retry and plugin-throttling: they would send a POST again after a lost answer (a
// second report comment), wait on timers of their own (bottleneck) instead of the step's clock, and
// keep a second rule beside the one the Odahu calls follow. What GitHub answers when something
// is wrong becomes one warning line saying what to change: a report never fails the step that
// deployed the model. @actions/github is loaded only when a step talks to GitHub: parsing Octokit
// would cost every other run of deploy, predict and pipeline tens of milliseconds for nothing.

import type { getOctokit } from '@actions/github';
import type { HttpClient } from '@actions/http-client';
import { ExchangeLimit, USER_AGENT, createHttpClient, readText, sendRequest } from '../odahu/http.js';
import { ApiError } from '../odahu/errors.js';
import { RETRYABLE_STATUSES, withRetries } from '../odahu/retry.js';
import type { RetryPolicy } from '../odahu/retry.js';
import { now } from '../clock.js';
import { logText } from '../odahu/untrusted-text.js';
import { messageOf } from '../thrown.js';

export type GitHubApi = ReturnType<typeof getOctokit>;

export interface GitHubApiOptions {
  token: string;
  /** GITHUB_API_URL: https://api.github.com, or a GitHub Enterprise Server's /api/v3. */
  apiUrl: string;
}

/** When every call of a connection must stop (a cancelled step's window closing). */
export interface ConnectionLimits {
  signal?: AbortSignal;
}

/** A call gives up after this: the step's own work is done, and a report is not worth more. */
const GITHUB_RETRY_BUDGET_MS = 60_000;
/** One exchange, its answer read to the end, takes at most this. */
const EXCHANGE_MS = 30_000;
/** A page of 100 comments of 65,536 characters each is under 32 MiB. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

export async function gitHubApi(
  options: GitHubApiOptions,
  limits: ConnectionLimits = {},
): Promise<{ api: GitHubApi; dispose(): void }> {
  const { getOctokit } = await import('@actions/github');
  const client = createHttpClient({ keepAlive: true, allowRetries: false, socketTimeout: EXCHANGE_MS });
  const api = getOctokit(options.token, {
    baseUrl: options.apiUrl,
    userAgent: USER_AGENT,
    request: { fetch: fetchOver(client, { budgetMs: GITHUB_RETRY_BUDGET_MS }, limits.signal) },
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
function fetchOver(
  client: HttpClient,
  policy: Partial<RetryPolicy>,
  connectionSignal: AbortSignal | undefined,
): typeof fetch {
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? init.body : null;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    // The call's own signal (Octokit's `request.signal`) and the connection's, whichever aborts first.
    const signals = [init.signal ?? undefined, connectionSignal].filter(
      (s): s is AbortSignal => s !== undefined,
    );
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    let last: Answer | undefined;
    try {
      last = await withRetries(
        async () => {
          const limit = new ExchangeLimit(method, url, EXCHANGE_MS, { signal });
          let answer: Answer;
          try {
            const response = await sendRequest(client, method, url, body, headers, limit.signal);
            answer = {
              status: response.message.statusCode ?? 0,
              headers: headersOf(response.message.headers),
              text: await readText(method, url, response.message, {
                signal: limit.signal,
                maxBytes: MAX_ANSWER_BYTES,
              }),
            };
          } catch (error) {
            throw limit.explain(error);
          } finally {
            limit.dispose();
          }
          const rateLimit = rateLimitWait(answer);
          if (!RETRYABLE_STATUSES.has(answer.status) && rateLimit === undefined) return answer;
          last = answer;
          // For withRetries to judge (and wait as Retry-After asks); the answer itself is kept.
          throw new ApiError({
            method,
            url,
            status: rateLimit === undefined ? answer.status : 429,
            serverMessage: '',
            retryAfter: rateLimit ?? answer.headers.get('retry-after') ?? undefined,
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

/**
 * When GitHub's rate limits say to come back, as a Retry-After value: a 403 or 429 with Retry-After
 * (a secondary limit), or with no requests left until x-ratelimit-reset (the primary one).
 */
function rateLimitWait(answer: Answer): string | undefined {
  if (answer.status !== 403 && answer.status !== 429) return undefined;
  const retryAfter = answer.headers.get('retry-after');
  if (retryAfter) return retryAfter;
  const reset = Number(answer.headers.get('x-ratelimit-reset'));
  if (answer.headers.get('x-ratelimit-remaining') === '0' && reset > 0) {
    return String(Math.max(0, Math.ceil(reset - now() / 1000)));
  }
  return undefined;
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

/** Who writes with GITHUB_TOKEN, and with any token when GitHub cannot say (see tokenLogin). */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]';

/**
 * The login the token writes as: GraphQL's viewer answers it for a person's token and for an app's
 * installation token alike (`<app>[bot]`: github-actions[bot] for GITHUB_TOKEN); where GraphQL does
 * not answer, GET /user does for a person's token, and an installation token (which GET /user
 * refuses with a 403) is taken for GITHUB_TOKEN. A comment is then ours only if that login wrote it.
 */
export async function tokenLogin(api: GitHubApi): Promise<string> {
  try {
    const answer = await api.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }');
    if (typeof answer.viewer?.login === 'string' && answer.viewer.login) return answer.viewer.login;
  } catch {
    // An older GitHub Enterprise Server, or GraphQL refusing the token: ask REST.
  }
  try {
    const { data } = await api.rest.users.getAuthenticated();
    if (typeof data.login === 'string' && data.login) return data.login;
  } catch (error) {
    // 403 "Resource not accessible by integration": an installation token.
    if (requestFailure(error)?.status !== 403) throw error;
  }
  return GITHUB_ACTIONS_BOT;
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

/** The HTTP status GitHub answered a failed call with; undefined when there was no answer. */
export function requestStatus(error: unknown): number | undefined {
  return requestFailure(error)?.status;
}

/**
 * One line saying why a GitHub call failed and what to do. `permission` is what the workflow's
 * `permissions:` must grant for it (`pull-requests: write`, `deployments: write`).
 */
export function describeGitHubFailure(error: unknown, what: string, permission: string): string {
  // GitHub's message (and a proxy's in its place) is text from outside: made inert for the log here,
  // once, for every caller.
  return logText(githubFailureLine(error, what, permission));
}

function githubFailureLine(error: unknown, what: string, permission: string): string {
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
