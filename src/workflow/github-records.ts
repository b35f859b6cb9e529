// The part of GitHub's REST API that parked phases call (issue 21), as plain state and answers: the
// Git database (trees, commits, refs: a ref moves without force only to a descendant of where it is,
// as GitHub's does: the records' compare-and-swap), check runs, workflow dispatches (checked against
// the workflows it knows, refused as GitHub refuses them) and the status of workflow runs. The local
// runner serves it over HTTP and keeps it between runs (github-service.ts); the tests' GitHub stand-in
// serves the same answers, so what the runner rehearses is what the tests check.

export interface CheckRunRecord {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url?: string;
  external_id?: string;
  output?: { title?: string; summary?: string; text?: string };
  actions?: unknown[];
  /** Every body sent to create or update it, in order. */
  writes: Record<string, unknown>[];
}

export interface DispatchRecord {
  workflow: string;
  ref: string;
  inputs: Record<string, string>;
}

export interface DispatchableWorkflow {
  inputs: string[];
  required: string[];
  /** The refs it may be dispatched on; undefined: any. */
  refs: string[] | undefined;
}

/** An answer: its status and JSON body (none for 204). */
export interface GitHubAnswer {
  status: number;
  body?: unknown;
}

export type RunStatus = 'queued' | 'in_progress' | 'completed';

/** Everything kept, as JSON (the runner's state file). */
export interface GitHubRecordsState {
  nextId: number;
  nextSha: number;
  refs: [string, string][];
  trees: [string, unknown[]][];
  commits: [string, { message: string; tree: string; parents: string[] }][];
  checkRuns: CheckRunRecord[];
  dispatches: DispatchRecord[];
  runs: [string, RunStatus][];
}

export class GitHubRecords {
  readonly refs = new Map<string, string>();
  readonly trees = new Map<string, unknown[]>();
  readonly commits = new Map<string, { message: string; tree: string; parents: string[] }>();
  readonly checkRuns: CheckRunRecord[] = [];
  readonly dispatches: DispatchRecord[] = [];
  readonly runs = new Map<string, RunStatus>();
  /** Known for dispatches; not kept (the workflow files say it each run). */
  readonly workflows = new Map<string, DispatchableWorkflow>();
  private nextId = 1000;
  private nextSha = 1;

  constructor(
    /** For html_url: `https://github.com/<owner>/<repo>`. */
    private readonly repositoryUrl = 'https://github.com/acme/models',
    state?: GitHubRecordsState,
  ) {
    if (!state) return;
    this.nextId = state.nextId;
    this.nextSha = state.nextSha;
    for (const [name, at] of state.refs) this.refs.set(name, at);
    for (const [sha, tree] of state.trees) this.trees.set(sha, tree);
    for (const [sha, commit] of state.commits) this.commits.set(sha, commit);
    this.checkRuns.push(...state.checkRuns);
    this.dispatches.push(...state.dispatches);
    for (const [id, status] of state.runs) this.runs.set(id, status);
  }

  toJSON(): GitHubRecordsState {
    return {
      nextId: this.nextId,
      nextSha: this.nextSha,
      refs: [...this.refs],
      trees: [...this.trees],
      commits: [...this.commits],
      checkRuns: this.checkRuns,
      dispatches: this.dispatches,
      runs: [...this.runs],
    };
  }

  /** The answer to `METHOD path` (path decoded, without query), or undefined when it is not one of these. */
  answer(method: string, path: string, body: Record<string, unknown>): GitHubAnswer | undefined {
    return (
      this.git(method, path, body) ?? this.checks(method, path, body) ?? this.actions(method, path, body)
    );
  }

  private sha(): string {
    return (this.nextSha++).toString(16).padStart(40, '0');
  }

  /** Whether `descendant` is `ancestor` or has it among its ancestors. */
  private descends(descendant: string, ancestor: string): boolean {
    const queue = [descendant];
    while (queue.length > 0) {
      const at = queue.shift()!;
      if (at === ancestor) return true;
      queue.push(...(this.commits.get(at)?.parents ?? []));
    }
    return false;
  }

  private git(method: string, path: string, body: Record<string, unknown>): GitHubAnswer | undefined {
    const match = /^\/repos\/[^/]+\/[^/]+\/git\/(trees|commits|refs|matching-refs|ref)(?:\/(.+))?$/.exec(
      path,
    );
    if (!match) return undefined;
    const [, what, rest] = match;
    const refJson = (name: string, at: string) => ({ ref: name, object: { sha: at, type: 'commit' } });
    const refused = (status: number, message: string) => ({ status, body: { message } });
    if (what === 'trees' && method === 'POST') {
      const tree = this.sha();
      this.trees.set(tree, body.tree as unknown[]);
      return { status: 201, body: { sha: tree } };
    }
    if (what === 'commits' && method === 'POST') {
      const tree = String(body.tree);
      const parents = (body.parents as string[] | undefined) ?? [];
      if (!this.trees.has(tree) || parents.some((parent) => !this.commits.has(parent)))
        return refused(422, 'Tree SHA does not exist');
      const commit = this.sha();
      this.commits.set(commit, { message: String(body.message), tree, parents });
      return { status: 201, body: { sha: commit, message: body.message, tree: { sha: tree }, parents } };
    }
    if (what === 'commits' && method === 'GET' && rest) {
      const commit = this.commits.get(rest);
      if (!commit) return refused(404, 'Not Found');
      return {
        status: 200,
        body: {
          sha: rest,
          message: commit.message,
          tree: { sha: commit.tree },
          parents: commit.parents.map((parent) => ({ sha: parent })),
        },
      };
    }
    if (what === 'matching-refs' && method === 'GET') {
      const prefix = `refs/${rest ?? ''}`;
      return {
        status: 200,
        body: [...this.refs]
          .filter(([name]) => name.startsWith(prefix))
          .map(([name, at]) => refJson(name, at)),
      };
    }
    if (what === 'ref' && method === 'GET' && rest) {
      const at = this.refs.get(`refs/${rest}`);
      return at ? { status: 200, body: refJson(`refs/${rest}`, at) } : refused(404, 'Not Found');
    }
    if (what === 'refs' && method === 'POST') {
      const name = String(body.ref);
      if (!/^refs\/.+\/.+/.test(name)) return refused(422, 'Reference name is invalid');
      if (this.refs.has(name)) return refused(422, 'Reference already exists');
      if (!this.commits.has(String(body.sha))) return refused(422, 'Object does not exist');
      this.refs.set(name, String(body.sha));
      return { status: 201, body: refJson(name, String(body.sha)) };
    }
    if (what === 'refs' && rest && (method === 'PATCH' || method === 'DELETE')) {
      const name = `refs/${rest}`;
      const at = this.refs.get(name);
      if (!at) return refused(422, 'Reference does not exist');
      if (method === 'DELETE') {
        this.refs.delete(name);
        return { status: 204 };
      }
      if (body.force !== true && !this.descends(String(body.sha), at))
        return refused(422, 'Update is not a fast forward');
      this.refs.set(name, String(body.sha));
      return { status: 200, body: refJson(name, String(body.sha)) };
    }
    return undefined;
  }

  private checks(method: string, path: string, body: Record<string, unknown>): GitHubAnswer | undefined {
    const match = /^\/repos\/[^/]+\/[^/]+\/check-runs(?:\/(\d+))?$/.exec(path);
    if (!match) return undefined;
    const json = (run: CheckRunRecord) => ({
      ...run,
      writes: undefined,
      html_url: `${this.repositoryUrl}/runs/${run.id}`,
    });
    if (method === 'POST' && !match[1]) {
      if (typeof body.name !== 'string' || typeof body.head_sha !== 'string')
        return { status: 422, body: { message: 'Invalid request' } };
      const run: CheckRunRecord = {
        id: this.nextId++,
        name: body.name,
        head_sha: body.head_sha,
        status: typeof body.status === 'string' ? body.status : 'queued',
        conclusion: (body.conclusion as string | undefined) ?? null,
        details_url: body.details_url as string | undefined,
        external_id: body.external_id as string | undefined,
        output: body.output as CheckRunRecord['output'],
        actions: body.actions as unknown[] | undefined,
        writes: [body],
      };
      this.checkRuns.push(run);
      return { status: 201, body: json(run) };
    }
    const run = this.checkRuns.find((candidate) => candidate.id === Number(match[1]));
    if (!run) return { status: 404, body: { message: 'Not Found' } };
    if (method === 'PATCH') {
      if (body.status === 'completed' && !body.conclusion)
        return { status: 422, body: { message: 'Conclusion is required when status is completed' } };
      run.writes.push(body);
      for (const field of ['status', 'conclusion', 'output', 'actions', 'details_url'] as const) {
        if (body[field] !== undefined) (run as unknown as Record<string, unknown>)[field] = body[field];
      }
    }
    return { status: 200, body: json(run) };
  }

  private actions(method: string, path: string, body: Record<string, unknown>): GitHubAnswer | undefined {
    let match = /^\/repos\/[^/]+\/[^/]+\/actions\/workflows\/([^/]+)\/dispatches$/.exec(path);
    if (match && method === 'POST') {
      const workflow = this.workflows.get(match[1]!);
      const ref = typeof body.ref === 'string' ? body.ref : '';
      const inputs = (body.inputs ?? {}) as Record<string, string>;
      if (!workflow) return { status: 404, body: { message: 'Not Found' } };
      if (workflow.refs && !workflow.refs.includes(ref))
        return { status: 422, body: { message: `No ref found for: ${ref.replace(/^refs\/heads\//, '')}` } };
      const unexpected = Object.keys(inputs).filter((name) => !workflow.inputs.includes(name));
      if (unexpected.length > 0)
        return {
          status: 422,
          body: { message: `Unexpected inputs provided: ${JSON.stringify(unexpected)}` },
        };
      const missing = workflow.required.filter((name) => !(name in inputs));
      if (missing.length > 0)
        return { status: 422, body: { message: `Required input '${missing[0]}' not provided` } };
      this.dispatches.push({ workflow: match[1]!, ref, inputs });
      return { status: 204 };
    }
    match = /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)$/.exec(path);
    if (match && method === 'GET') {
      const status = this.runs.get(match[1]!);
      return status
        ? { status: 200, body: { id: Number(match[1]), status } }
        : { status: 404, body: { message: 'Not Found' } };
    }
    return undefined;
  }
}
