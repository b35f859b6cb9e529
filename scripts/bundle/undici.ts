// Stands in for `undici` in the action bundles (tsconfig.json maps the name here; ncc follows it).
// @actions/http-client imports undici's ProxyAgent for getAgentDispatcher(), the dispatcher of
// fetch-based clients, and @actions/github its fetch for Octokit's default transport. No odahu action
// uses either: Odahu calls go through node:http (and `tunnel` behind a proxy), and Octokit is given a
// fetch of ours over the same client (src/shared/github/api.ts). Bundling undici made every step parse
// and run ~1 MB more: ~55 ms of each step's start (npm run bench).
//
// @actions/github builds its default transport when it is imported, which behind a proxy constructs
// a ProxyAgent: that must not throw, or the import would fail. What would send a request through
// undici, fetch, says so instead of misbehaving.
export class ProxyAgent {
  constructor(readonly options: unknown) {}
}

export function fetch(): Promise<Response> {
  return Promise.reject(
    new Error(
      'undici is left out of the odahu-actions bundles: its fetch is not supported (see scripts/bundle/undici.ts)',
    ),
  );
}
