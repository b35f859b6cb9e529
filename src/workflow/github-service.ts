// The GitHub a local run's parking steps talk to (wait: park, the resume action): github-records.ts
// over HTTP on a free port of this machine, for the run's own token only, kept in a file under the run
// folders' root (one per workspace) so that a later run of the same workspace (`--event schedule`,
// a dispatched continuation) finds the records, check runs and dispatches an earlier one left.

import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import type { DispatchableWorkflow, GitHubRecordsState } from './github-records.js';
import { GitHubRecords } from './github-records.js';

export interface RunGitHub {
  /** GITHUB_API_URL for the steps. */
  url: string;
  /** github.token: GitHub's answers refuse any other. */
  token: string;
  records: GitHubRecords;
  /** Where the records are kept between runs. */
  stateFile: string;
  /** Writes the records to the state file (after every write request, and when the run ends). */
  save(): void;
  close(): Promise<void>;
}

/** `<runsDir>/github/<workspace's name>-<hash of its path>.json`: the same workspace, the same GitHub. */
export function gitHubStateFile(runsDir: string, workspace: string): string {
  const hash = createHash('sha256').update(workspace).digest('hex').slice(0, 10);
  return join(runsDir, 'github', `${basename(workspace).replace(/[^\w.-]/g, '_')}-${hash}.json`);
}

export async function startRunGitHub(options: {
  stateFile: string;
  repository: string;
  /** The workflow files (by file name) that may be dispatched, and their inputs. */
  workflows: Map<string, DispatchableWorkflow>;
}): Promise<RunGitHub> {
  const state = existsSync(options.stateFile)
    ? (JSON.parse(readFileSync(options.stateFile, 'utf8')) as GitHubRecordsState)
    : undefined;
  const records = new GitHubRecords(`https://github.com/${options.repository}`, state);
  for (const [file, workflow] of options.workflows) records.workflows.set(file, workflow);
  const token = `ghs_local${randomBytes(12).toString('hex')}`;
  const save = () => {
    mkdirSync(dirname(options.stateFile), { recursive: true });
    writeFileSync(options.stateFile, `${JSON.stringify(records, null, 1)}\n`);
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const send = (status: number, body?: unknown) => {
        if (body === undefined) response.writeHead(status).end();
        else
          response
            .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
            .end(JSON.stringify(body));
      };
      const given = request.headers.authorization?.replace(/^(token|bearer) /i, '');
      if (given !== token) {
        send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
        return;
      }
      let body: Record<string, unknown> = {};
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        if (text) body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        send(400, { message: 'Problems parsing JSON' });
        return;
      }
      const method = request.method ?? 'GET';
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://local').pathname);
      const answer = records.answer(method, path, body);
      if (!answer) {
        // What the local runner does not play (comments, deployments, ...): as GitHub answers an unknown path.
        send(404, { message: 'Not Found (the local runner plays only what parked phases call)' });
        return;
      }
      if (method !== 'GET') save();
      send(answer.status, answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    records,
    stateFile: options.stateFile,
    save,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Whether a workflow's steps call what this GitHub plays: a step with `wait: park`, or the resume action. */
export function callsParkedPhases(workflowText: string): boolean {
  return (
    /^\s*wait:\s*['"]?park['"]?\s*(#.*)?$/m.test(workflowText) ||
    /^\s*(-\s+)?uses:\s*['"]?[^\s'"]*(\/resume@|\.\/actions\/resume\b)/m.test(workflowText)
  );
}

/** The workflow files beside `dir`'s (GitHub's .github/workflows) that run on workflow_dispatch, with their inputs. */
export async function dispatchableWorkflows(
  dir: string,
  load: (path: string) => Promise<Record<string, { required?: boolean; default?: unknown }> | undefined>,
): Promise<Map<string, DispatchableWorkflow>> {
  const found = new Map<string, DispatchableWorkflow>();
  for (const file of readdirSync(dir).filter((name) => /\.ya?ml$/.test(name))) {
    const inputs = await load(join(dir, file)).catch(() => undefined);
    if (!inputs) continue;
    found.set(file, {
      inputs: Object.keys(inputs),
      // GitHub fills in a required input's default.
      required: Object.entries(inputs)
        .filter(([, input]) => input.required && input.default === undefined)
        .map(([name]) => name),
      refs: undefined,
    });
  }
  return found;
}
