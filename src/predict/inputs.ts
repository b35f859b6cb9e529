// Every input of the predict action, parsed and checked in one place before any API call.

import { readSettingsAndVars } from '../shared/action/common-inputs.js';
import { InputReader, messageOf } from '../shared/action/inputs.js';
import { StaticTokenSource, ClientCredentialsTokenSource, tokenSourceFor } from '../shared/auth.js';
import type { TokenSource } from '../shared/auth.js';
import { actionInputs } from '../shared/settings.js';
import type { InputSource, OdahuSettings } from '../shared/settings.js';
import type { PredictionRequest } from '../shared/types.js';

export interface PredictInputs {
  settings: OdahuSettings;
  /** The API's token source; the model's too unless model credentials are given. */
  apiTokens: TokenSource;
  modelTokens: TokenSource;
  target: { deployment: string } | { url: string };
  /** Absent for info. */
  request: PredictionRequest | undefined;
  info: boolean;
  outputFile: string | undefined;
  readyTimeoutMs: number;
}

export function readPredictInputs(source: InputSource = actionInputs): PredictInputs {
  const reader = new InputReader(source);
  const { settings } = readSettingsAndVars(reader);

  const deployment = reader.optional('deployment');
  const url = reader.optional('url');
  if (deployment && url) reader.problem('give either deployment or url, not both');
  if (!deployment && !url) reader.problem('give deployment (a deployment id) or url (a model URL)');
  if (url && !/^https?:\/\/[^/]/.test(url)) reader.problem(`input url is not a URL: "${url}"`);

  const info = reader.boolean('info', false);
  let request: PredictionRequest | undefined;
  const requestText = reader.textOrFile('request', /\.json$/i);
  if (!info && !requestText) reader.problem('input request is required unless info is true');
  if (requestText) request = parseRequest(requestText.text, requestText.source, reader);

  const outputFile = reader.optional('output-file');
  const readyTimeoutMs = reader.duration('ready-timeout', '60s');

  const apiTokens = settings ? tokenSourceFor(settings.credentials) : undefined;
  const modelTokens = readModelTokens(reader, settings) ?? apiTokens;
  reader.finish();
  return {
    settings: settings!,
    apiTokens: apiTokens!,
    modelTokens: modelTokens!,
    target: deployment ? { deployment } : { url: url!.replace(/\/+$/, '') },
    request,
    info,
    outputFile,
    readyTimeoutMs,
  };
}

/** The plugin's separate model connection: a token, or a second client at the API's auth-url. */
function readModelTokens(reader: InputReader, settings: OdahuSettings | undefined): TokenSource | undefined {
  const token = reader.optional('model-token');
  const clientId = reader.optional('model-client-id');
  const clientSecret = reader.optional('model-client-secret');
  if (token && (clientId || clientSecret)) {
    reader.problem('give model-token or model-client-id with model-client-secret, not both');
    return undefined;
  }
  if (token) return new StaticTokenSource(token.replace(/^Bearer\s+/i, ''));
  if (!clientId && !clientSecret) return undefined;
  if (!clientId) {
    reader.problem('model-client-secret is given without model-client-id');
    return undefined;
  }
  if (settings && settings.credentials.type !== 'client-credentials') {
    reader.problem(
      'model-client-id needs auth-url and client credentials for the API; it uses a ready token',
    );
    return undefined;
  }
  if (!settings || settings.credentials.type !== 'client-credentials') return undefined;
  const { authUrl, scope } = settings.credentials;
  return new ClientCredentialsTokenSource({ authUrl, scope, clientId, clientSecret: clientSecret ?? '' });
}

/** odahu-ml-server takes `{"columns": [...], "data": [[...], ...]}`; check the shape before sending. */
function parseRequest(text: string, source: string, reader: InputReader): PredictionRequest | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    reader.problem(`${source} is not JSON: ${messageOf(error)}`);
    return undefined;
  }
  const object = body as Partial<PredictionRequest> | null;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    reader.problem(`${source} must be a JSON object with "data" (rows of values) and optionally "columns"`);
    return undefined;
  }
  if (!Array.isArray(object.data) || object.data.length === 0 || !object.data.every(Array.isArray)) {
    reader.problem(`${source}: "data" must be a non-empty list of rows, e.g. [[1.0, 2.0], [3.0, 4.0]]`);
    return undefined;
  }
  if (
    object.columns !== undefined &&
    !(Array.isArray(object.columns) && object.columns.every((c) => typeof c === 'string'))
  ) {
    reader.problem(`${source}: "columns" must be a list of names`);
    return undefined;
  }
  return object as PredictionRequest;
}
