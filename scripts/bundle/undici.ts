// Stands in for `undici` in the action bundles (tsconfig.json maps the name here; ncc follows it).
// @actions/http-client imports undici's ProxyAgent for getAgentDispatcher(), the dispatcher of
// fetch-based clients, which no odahu action calls: its requests go through node:http (and `tunnel`
// behind a proxy). Bundling undici made every step parse and run ~1 MB more: ~55 ms of each step's
// start (npm run bench). Should anything call it after all, it says so instead of misbehaving.
export class ProxyAgent {
  constructor() {
    throw new Error(
      'undici is left out of the odahu-actions bundles: getAgentDispatcher() is not supported (see scripts/bundle/undici.ts)',
    );
  }
}
