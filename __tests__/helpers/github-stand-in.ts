// A small local stand-in for the GitHub REST endpoints the actions use (issue comments: list, create,
// update; deployments and their statuses; a pull request's head, for the report action), over real HTTP on a free port, so the tests point
// GITHUB_API_URL at it and check every request and body. It answers as GitHub does where the actions
// could notice: 201/200 bodies with ids and html_url, pagination by Link header, 401 without the
// token, 404 for what does not exist, and a chosen 403 for a missing permission. Each token has an
// identity: GITHUB_TOKEN is an installation token (github-actions[bot]: GET /user answers 403,
// GraphQL's viewer answers the bot), others may be a person's (GET /user and the viewer answer);
// comments are written as the token's identity, and a body over 65,536 characters is refused.
// For parked phases it answers as the local runner's GitHub does (src/workflow/github-records.ts: a Git
// database, check runs, workflow dispatches checked against the workflows a test declares, the status
// of workflow runs); a request can be held until the test lets it through (to interleave two callers, or to let one die
// with its request unanswered).

import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import type { SeenRequest, TinyServer } from './tiny-server.js';
import { sendJson, startTinyServer } from './tiny-server.js';
import type { CheckRunRecord, DispatchRecord } from '../../src/workflow/github-records.js';
import { GitHubRecords } from '../../src/workflow/github-records.js';

export const GITHUB_TOKEN = 'ghs_standInToken0123456789';

/** Who a token writes as. `installation`: an app's token (GITHUB_TOKEN is one), which GET /user refuses. */
export interface StandInIdentity {
  login: string;
  type: 'User' | 'Bot';
  installation: boolean;
}

/** GitHub's limit on a comment's body. */
const MAX_COMMENT_BODY = 65_536;

export interface StandInComment {
  id: number;
  body: string;
  issue: number;
  user: { login: string; type: string };
}

export interface StandInDeployment {
  id: number;
  owner: string;
  repo: string;
  request: Record<string, unknown>;
  statuses: Record<string, unknown>[];
}

export type StandInCheckRun = CheckRunRecord;
export type StandInDispatch = DispatchRecord;

/** A request held until `release()` (answered then, as it would have been then). */
export interface HeldRequest {
  /** Resolves when the request has arrived and is held. */
  arrived: Promise<void>;
  release(): void;
  /** Never answers: the connection is cut, as when the caller's machine went away mid-request. */
  drop(): void;
}

export interface GitHubStandIn {
  /** The Git database: refs (full names) to commit shas, the commits, and their trees' entries. */
  refs: Map<string, string>;
  commits: Map<string, { message: string; tree: string; parents: string[] }>;
  trees: Map<string, unknown[]>;
  checkRuns: StandInCheckRun[];
  dispatches: StandInDispatch[];
  /** A workflow file that may be dispatched, with the inputs it declares (and those it requires). */
  addWorkflow(file: string, inputs: string[], options?: { required?: string[]; refs?: string[] }): void;
  /** A workflow run's status as GET /actions/runs/{id} answers it (unknown runs: 404). */
  setRun(id: string, status: 'queued' | 'in_progress' | 'completed'): void;
  /** Holds the next request whose `METHOD /path` matches, until released. */
  hold(pattern: RegExp): HeldRequest;
  /** For GITHUB_API_URL. */
  url: string;
  requests: SeenRequest[];
  comments: StandInComment[];
  deployments: StandInDeployment[];
  /** Pull requests by number: their head commit (GET /repos/{owner}/{repo}/pulls/{number}). */
  pulls: Map<number, { headSha: string }>;
  /** Answer 403 "Resource not accessible by integration" to requests whose path matches. */
  refuse(pattern: RegExp | undefined): void;
  /** Answer the next `count` requests (whose path matches) with this status (a gateway's 502, say), doing nothing. */
  failNext(status: number, count?: number, path?: RegExp): void;
  /**
   * Answer the next request as GitHub's secondary rate limit does: 403 "You have exceeded a secondary
   * rate limit" with Retry-After, doing nothing.
   */
  rateLimitNext(retryAfterSeconds: number, path?: RegExp): void;
  /** Another token GitHub knows, and who it writes as. */
  addToken(token: string, identity: StandInIdentity): void;
  /** GraphQL answers nothing useful (an older GitHub Enterprise Server): a 404. */
  withoutGraphql(): void;
  /** The requests since `from`, as `METHOD /path`. */
  callsSince(from?: number): string[];
  close(): Promise<void>;
}

/** The comment list is served `PAGE_SIZE` at a time whatever per_page asks, to exercise pagination. */
const PAGE_SIZE = 2;

export async function startGitHubStandIn(): Promise<GitHubStandIn> {
  const comments: StandInComment[] = [];
  const deployments: StandInDeployment[] = [];
  const pulls = new Map<number, { headSha: string }>();
  let refused: RegExp | undefined;
  const failures: {
    status: number;
    path: RegExp | undefined;
    message: string;
    headers: Record<string, string>;
  }[] = [];
  let nextId = 1000;
  const records = new GitHubRecords();
  const holds: {
    pattern: RegExp;
    arrived: () => void;
    released: Promise<'answer' | 'drop'>;
  }[] = [];
  let graphql = true;
  const identities = new Map<string, StandInIdentity>([
    [GITHUB_TOKEN, { login: 'github-actions[bot]', type: 'Bot', installation: true }],
  ]);

  const handle = (request: SeenRequest, response: ServerResponse): void => {
    const call = `${request.method} ${decodeURIComponent(new URL(request.url, 'http://stand-in').pathname)}`;
    const held = holds.findIndex((hold) => hold.pattern.test(call));
    if (held >= 0) {
      const [hold] = holds.splice(held, 1);
      hold!.arrived();
      void hold!.released.then((how) => {
        if (how === 'drop') response.socket?.destroy();
        else answer(request, response);
      });
      return;
    }
    answer(request, response);
  };

  const answer = (request: SeenRequest, response: ServerResponse): void => {
    if (response.destroyed || response.socket?.destroyed) return;
    const url = new URL(request.url, 'http://stand-in');
    const path = decodeURIComponent(url.pathname);
    const identity = identities.get(request.headers.authorization?.replace(/^(token|bearer) /i, '') ?? '');
    if (!identity) {
      sendJson(response, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });
      return;
    }
    const failing = failures.findIndex((failure) => !failure.path || failure.path.test(path));
    if (failing >= 0) {
      const [failure] = failures.splice(failing, 1);
      sendJson(response, failure!.status, { message: failure!.message }, failure!.headers);
      return;
    }
    if (refused?.test(path)) {
      sendJson(response, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
      });
      return;
    }
    const body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
    let match: RegExpExecArray | null;

    if (path === '/user' && request.method === 'GET') {
      if (identity.installation) {
        sendJson(response, 403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
        });
      } else {
        sendJson(response, 200, { login: identity.login, type: identity.type, id: 1 });
      }
      return;
    }

    if (path === '/graphql' && request.method === 'POST' && graphql) {
      if (typeof body.query === 'string' && /\bviewer\b/.test(body.query)) {
        sendJson(response, 200, { data: { viewer: { login: identity.login } } });
      } else {
        sendJson(response, 200, { errors: [{ message: 'not served by the stand-in' }] });
      }
      return;
    }

    if ((match = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path))) {
      const [, owner, repo, number] = match;
      const issue = Number(number);
      if (request.method === 'GET') {
        const all = comments.filter((c) => c.issue === issue).map((c) => commentJson(owner!, repo!, c));
        const page = Number(url.searchParams.get('page') ?? '1');
        const slice = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
        const last = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
        const headers =
          page < last
            ? {
                link: `<${server.url}${path}?per_page=${PAGE_SIZE}&page=${page + 1}>; rel="next", <${server.url}${path}?per_page=${PAGE_SIZE}&page=${last}>; rel="last"`,
              }
            : {};
        sendJson(response, 200, slice, headers);
        return;
      }
      if (request.method === 'POST') {
        if (typeof body.body !== 'string' || body.body === '') {
          sendJson(response, 422, {
            message: 'Validation Failed',
            errors: [{ field: 'body', code: 'missing' }],
          });
          return;
        }
        if (tooLong(response, body.body)) return;
        const comment = {
          id: nextId++,
          body: body.body,
          issue,
          user: { login: identity.login, type: identity.type },
        };
        comments.push(comment);
        sendJson(response, 201, commentJson(owner!, repo!, comment));
        return;
      }
    }

    if (
      (match = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path)) &&
      request.method === 'PATCH'
    ) {
      const [, owner, repo, id] = match;
      const comment = comments.find((c) => c.id === Number(id));
      if (!comment) {
        sendJson(response, 404, { message: 'Not Found' });
        return;
      }
      if (tooLong(response, String(body.body))) return;
      // GitHub lets a token edit another's comment where it may moderate: the test sees what was edited.
      comment.body = String(body.body);
      sendJson(response, 200, commentJson(owner!, repo!, comment));
      return;
    }

    if ((match = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(path)) && request.method === 'GET') {
      const pull = pulls.get(Number(match[3]));
      if (!pull) {
        sendJson(response, 404, { message: 'Not Found' });
        return;
      }
      sendJson(response, 200, { number: Number(match[3]), state: 'open', head: { sha: pull.headSha } });
      return;
    }

    if ((match = /^\/repos\/([^/]+)\/([^/]+)\/deployments$/.exec(path)) && request.method === 'POST') {
      const [, owner, repo] = match;
      if (typeof body.ref !== 'string' || body.ref === '') {
        sendJson(response, 422, { message: 'No ref found for: ' });
        return;
      }
      const deployment = { id: nextId++, owner: owner!, repo: repo!, request: body, statuses: [] };
      deployments.push(deployment);
      sendJson(response, 201, {
        id: deployment.id,
        url: `${server.url}/repos/${owner}/${repo}/deployments/${deployment.id}`,
        ref: body.ref,
        environment: body.environment,
        task: body.task,
        payload: body.payload,
      });
      return;
    }

    if (
      (match = /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/.exec(path)) &&
      request.method === 'POST'
    ) {
      const deployment = deployments.find((d) => d.id === Number(match![3]));
      if (!deployment) {
        sendJson(response, 404, { message: 'Not Found' });
        return;
      }
      if (typeof body.description === 'string' && body.description.length > 140) {
        sendJson(response, 422, {
          message: 'Validation Failed: description is too long (maximum is 140 characters)',
        });
        return;
      }
      deployment.statuses.push(body);
      sendJson(response, 201, {
        id: nextId++,
        state: body.state,
        environment_url: body.environment_url ?? '',
      });
      return;
    }

    const parked = records.answer(request.method, path, body);
    if (parked) {
      if (parked.body === undefined) response.writeHead(parked.status).end();
      else sendJson(response, parked.status, parked.body);
      return;
    }
    sendJson(response, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  };

  const server: TinyServer = await startTinyServer(handle);
  const started = server;
  return {
    url: started.url,
    requests: started.requests,
    comments,
    deployments,
    refs: records.refs,
    commits: records.commits,
    trees: records.trees,
    checkRuns: records.checkRuns,
    dispatches: records.dispatches,
    addWorkflow: (file, inputs, options = {}) =>
      void records.workflows.set(file, { inputs, required: options.required ?? [], refs: options.refs }),
    setRun: (id, status) => void records.runs.set(id, status),
    hold: (pattern) => {
      let arrived!: () => void;
      let settle!: (how: 'answer' | 'drop') => void;
      const arrival = new Promise<void>((resolve) => (arrived = resolve));
      const released = new Promise<'answer' | 'drop'>((resolve) => (settle = resolve));
      holds.push({ pattern, arrived, released });
      return { arrived: arrival, release: () => settle('answer'), drop: () => settle('drop') };
    },
    pulls,
    refuse: (pattern) => {
      refused = pattern;
    },
    failNext: (status, count = 1, path) => {
      for (let i = 0; i < count; i++) failures.push({ status, path, message: 'Server Error', headers: {} });
    },
    rateLimitNext: (retryAfterSeconds, path) => {
      failures.push({
        status: 403,
        path,
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-remaining': '4990' },
      });
    },
    addToken: (token, identity) => void identities.set(token, identity),
    withoutGraphql: () => {
      graphql = false;
    },
    callsSince: (from = 0) =>
      started.requests.slice(from).map((r) => `${r.method} ${new URL(r.url, 'http://stand-in').pathname}`),
    close: () => started.close(),
  };
}

/** GitHub's 422 for a body over its limit. */
function tooLong(response: ServerResponse, body: string): boolean {
  if (body.length <= MAX_COMMENT_BODY) return false;
  sendJson(response, 422, {
    message: 'Validation Failed',
    errors: [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: `body is too long (maximum is ${MAX_COMMENT_BODY} characters)`,
      },
    ],
  });
  return true;
}

function commentJson(owner: string, repo: string, comment: StandInComment) {
  return {
    id: comment.id,
    body: comment.body,
    user: comment.user,
    html_url: `https://github.com/${owner}/${repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
  };
}

export interface TunnelProxy {
  /** For http_proxy / https_proxy. */
  url: string;
  /** The `host:port` of each CONNECT, in order. */
  tunnels: string[];
  close(): Promise<void>;
}

/**
 * A proxy as @actions/http-client uses one (a CONNECT tunnel, for http targets too) that takes every
 * tunnel to `target`, whatever host was asked for: a name that resolves nowhere reaches the stand-in.
 */
export async function startTunnelProxy(target: string): Promise<TunnelProxy> {
  const { hostname, port } = new URL(target);
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((_request, response) => {
    response.writeHead(405).end('CONNECT only');
  });
  server.on('connect', (request: { url?: string }, client: Socket, head: Buffer) => {
    tunnels.push(request.url ?? '');
    const upstream = connect(Number(port), hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
