// Path templates to handlers, matched the way gin matches them: exact segments and `{param}`
// segments, no method fallback (a known path with another method is a plain 404, never a 405), and
// a redirect to the path without its trailing slash when only that one exists.

import type { Exchange } from './exchange.js';

export type Params = Readonly<Record<string, string>>;
export type Handler = (exchange: Exchange, params: Params) => Promise<void> | void;

interface Route {
  method: string;
  template: string;
  segments: string[];
  handle: Handler;
}

export type Match =
  | { kind: 'route'; template: string; params: Params; handle: Handler }
  | { kind: 'redirect'; status: 301 | 307; location: string }
  | { kind: 'none' };

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handle: Handler): this {
    this.routes.push({ method, template, segments: template.split('/'), handle });
    return this;
  }

  match(method: string, path: string, search: string): Match {
    const found = this.find(method, path);
    if (found) return found;
    if (path.length > 1 && path.endsWith('/') && this.find(method, path.slice(0, -1))) {
      // gin: 301 for GET, 307 (method and body kept) for the others.
      return { kind: 'redirect', status: method === 'GET' ? 301 : 307, location: path.slice(0, -1) + search };
    }
    return { kind: 'none' };
  }

  private find(method: string, path: string): Match | undefined {
    const segments = path.split('/');
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const matches = route.segments.every((want, i) => {
        const got = segments[i] ?? '';
        if (want.startsWith('{')) {
          params[want.slice(1, -1)] = got;
          return got !== '';
        }
        return want === got;
      });
      if (matches) return { kind: 'route', template: route.template, params, handle: route.handle };
    }
    return undefined;
  }
}
