// The edge: requests to <edge>/model/<deployment>/... and <edge>/custom/... go through the
// VirtualService whose prefix matches (its destinations drawn by weight) to the revision serving the
// deployment, whose sidecar checks the token and role before odahu-ml-server answers /api/model/invoke
// and /api/model/info. No route gives Istio's empty 404 (the bare prefix, without a slash after it,
// matches none); a route with nothing behind it, 503. A revision's annotations can make its server
// slow, crash on a share of requests or of rows, or shift or flip its predictions (overrides.ts).

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ACCESS_DENIED, bearerChallenge, modelAllows, type TokenVerifier } from './access.js';
import { realmRolesOf } from '../shared/odahu/realm-roles.js';
import type { Dice } from './dice.js';
import { modelInfo, predict, PredictionError } from './emulated-model.js';
import type { Exchange } from './exchange.js';
import { pyDumps, pyLoads, PythonJsonError } from './python-json.js';
import type { ModelBehaviour } from './overrides.js';
import type { Rollouts, ServingRevision } from './rollouts.js';
import { matchPrefix, pickDestination } from './virtual-services.js';

/** Where the edge sends traffic to models. */
export const EDGE_PREFIXES = ['/model/', '/custom/'];

const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html; charset=utf-8';

/** Werkzeug's error pages, as Flask answers a path or method it has no view for, or a crash. */
const FLASK_PAGES = {
  404: [
    'Not Found',
    'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
  ],
  405: ['Method Not Allowed', 'The method is not allowed for the requested URL.'],
  500: [
    'Internal Server Error',
    'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.',
  ],
} as const;

function flaskPage(status: keyof typeof FLASK_PAGES): string {
  const [title, text] = FLASK_PAGES[status];
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${text}</p>\n`;
}

/** Paths of the model server its OPA policy lets through without a token. */
const OPEN_PATHS = new Set(['/healthcheck', '/healthz', '/metrics']);
const API_PATHS = new Set(['/api/model/info', '/api/model/invoke']);

export class ModelServer {
  constructor(
    private readonly rollouts: Rollouts,
    private readonly verifier: TokenVerifier,
    private readonly dice: Dice,
  ) {}

  async handle(exchange: Exchange): Promise<void> {
    const service = this.rollouts.routeFor(exchange.path);
    if (!service) {
      exchange.send(404, '', '');
      return;
    }
    // Istio rewrites the matched `<urlPrefix>/` to `/`.
    const path = `/${exchange.path.slice(matchPrefix(service).length)}`;
    exchange.route = `{urlPrefix}${path}`;
    // The gateway copies Envoy's x-request-id (made up when absent) into request-id unless it is set.
    const requestId = exchange.header('request-id') ?? exchange.header('x-request-id') ?? randomUUID();
    const target = pickDestination(service, this.dice);
    const serving = target ? this.rollouts.serving(target) : 'unavailable';
    if (serving === 'unavailable') {
      exchange.text(503, 'no healthy upstream', { 'request-id': requestId });
      return;
    }
    const headers = {
      'request-id': requestId,
      'Model-Name': serving.model.name,
      'Model-Version': serving.model.version,
    };
    if (!OPEN_PATHS.has(path)) {
      const verdict = await this.verifier.verify(exchange.header('authorization'));
      if (!verdict.ok) {
        const challenge = bearerChallenge(
          `http://${exchange.header('host') ?? ''}${exchange.path}`,
          verdict.reason,
        );
        exchange.text(401, verdict.reason, { ...headers, 'www-authenticate': challenge });
        return;
      }
      const allowed = API_PATHS.has(path) && ['GET', 'POST'].includes(exchange.method);
      if (!allowed || !modelAllows(realmRolesOf(verdict.claims), serving.roleName)) {
        exchange.text(403, ACCESS_DENIED, headers);
        return;
      }
    }
    await this.answer(exchange, path, serving, headers);
  }

  /** odahu-ml-server's own views. */
  private async answer(
    exchange: Exchange,
    path: string,
    serving: ServingRevision,
    headers: Record<string, string>,
  ): Promise<void> {
    const views: Record<string, string> = {
      '/healthcheck': 'GET',
      '/api/model/info': 'GET',
      '/api/model/invoke': 'POST',
    };
    const method = views[path];
    const { behaviour } = serving;
    if (behaviour.latencyMs > 0) await sleep(behaviour.latencyMs);
    if (
      behaviour.errorRate > 0 &&
      method === exchange.method &&
      API_PATHS.has(path) &&
      this.dice() < behaviour.errorRate
    ) {
      // A crash in the view: Flask's own error page.
      exchange.send(500, HTML_TYPE, flaskPage(500), headers);
      return;
    }
    if (method === undefined) {
      exchange.send(404, HTML_TYPE, flaskPage(404), headers);
    } else if (method !== exchange.method) {
      exchange.send(405, HTML_TYPE, flaskPage(405), { ...headers, allow: `${method}, OPTIONS` });
    } else if (path === '/healthcheck') {
      exchange.send(200, JSON_TYPE, pyDumps({ status: true }), headers);
    } else if (path === '/api/model/info') {
      exchange.send(200, JSON_TYPE, JSON.stringify(modelInfo(serving.model)), headers);
    } else {
      const [status, body] = invoke(await exchange.body(), behaviour);
      exchange.send(status, status === 500 && !body.startsWith('{') ? HTML_TYPE : JSON_TYPE, body, headers);
    }
  }
}

/** POST /api/model/invoke: status and body, errors as the server words them. */
function invoke(raw: string, behaviour: ModelBehaviour): [number, string] {
  const failure = (message: string): [number, string] => [500, pyDumps({ message })];
  if (raw === '') return failure('Please provide data with this POST request');
  let input: unknown;
  try {
    input = pyLoads(raw);
  } catch (error) {
    if (error instanceof PythonJsonError) return failure(`Can not parse input as JSON: ${error.message}`);
    throw error;
  }
  // The server reads the body with dict.get: any other JSON value crashes the view.
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [500, flaskPage(500)];
  const { data, columns } = input as { data?: unknown; columns?: unknown };
  if (pyFalsy(data)) return failure('Matrix is not provided');
  try {
    const faults = { flip: behaviour.predictionFlip, errorRate: behaviour.rowErrorRate };
    const prediction = predict(data, columns, faults).map((value) => value + behaviour.predictionOffset);
    return [200, pyDumps({ prediction, columns: ['prediction'] })];
  } catch (error) {
    if (error instanceof PredictionError) return failure(`Exception during prediction: ${error.message}`);
    throw error;
  }
}

/** Python's truth test: None, False, 0, "", [] and {} are false. */
function pyFalsy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length === 0;
  return !value;
}
