// Before the first step, one request to the cluster the run was given (its /health, which the API
// server answers without a token) and one to its token endpoint: a URL nothing listens on, a name
// that does not resolve or a server that never answers fails the run with one line in seconds,
// instead of every step retrying it for minutes (the actions' retry budget is for outages of a
// cluster that was there). Any HTTP answer counts as there: a gateway in front may answer /health
// itself, and the steps say what is wrong with a cluster that answers.

import { CannotRun } from './cannot-run.js';

export interface ClusterCheck {
  /** The settings and where each came from, e.g. `--env-file`. */
  apiUrl: string;
  authUrl?: string;
  origin: string;
  /** How long one request may take (default 5 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Why a request got no HTTP answer, in a few words. */
function why(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  if ((error as Error).name === 'TimeoutError') return 'no answer';
  if (code === 'ECONNREFUSED') return 'connection refused: nothing listens there';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (code === 'ECONNRESET') return 'the connection was reset';
  return cause?.message ?? (error as Error).message;
}

async function reaches(url: string, timeoutMs: number, fetcher: typeof fetch): Promise<string | undefined> {
  try {
    const answer = await fetcher(url, {
      method: 'GET',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await answer.body?.cancel();
    return undefined;
  } catch (error) {
    const reason = why(error);
    return reason === 'no answer' ? `no answer in ${timeoutMs / 1000} s` : reason;
  }
}

/** Throws CannotRun with one line per setting that leads nowhere. */
export async function checkCluster(check: ClusterCheck): Promise<void> {
  const timeoutMs = check.timeoutMs ?? 5_000;
  const fetcher = check.fetch ?? fetch;
  const targets: [string, string][] = [['ODAHU_API_URL', `${check.apiUrl.replace(/\/+$/, '')}/health`]];
  if (check.authUrl) targets.push(['ODAHU_AUTH_URL', check.authUrl]);
  const problems: string[] = [];
  await Promise.all(
    targets.map(async ([name, url]) => {
      if (!/^https?:\/\//i.test(url)) {
        problems.push(
          `${name} ${JSON.stringify(url.replace(/\/health$/, ''))} (from ${check.origin}) is not an http(s) URL`,
        );
        return;
      }
      const problem = await reaches(url, timeoutMs, fetcher);
      if (problem) {
        const shown = name === 'ODAHU_API_URL' ? check.apiUrl : url;
        problems.push(
          `the cluster is not there: ${name} ${shown} (from ${check.origin}): ${problem}. Check the URL, or leave ODAHU_API_URL out to run on the embedded emulator`,
        );
      }
    }),
  );
  if (problems.length > 0) throw new CannotRun(problems.sort());
}
