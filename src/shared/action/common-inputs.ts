// Inputs that several actions share, read the same way everywhere: the Odahu settings with the
// template `vars`, a manifest input with the `id` override, and the waiting inputs.

import { KINDS, idProblem } from '../odahu/kinds.js';
import type { KindName } from '../odahu/kinds.js';
import { loadManifest } from './manifests.js';
import type { Manifest } from './manifests.js';
import { readSettings } from '../odahu/settings.js';
import type { Credentials, InputSource, OdahuSettings } from '../odahu/settings.js';
import { markSecret } from '../odahu/secrets.js';
import { parseVars } from './template.js';
import * as core from '@actions/core';
import type { InputReader } from './inputs.js';
import { logText } from '../odahu/untrusted-text.js';
import { messageOf } from '../thrown.js';
import type { PredictionRequest } from '../odahu/types.js';
import { readWait } from './parking.js';
import type { ParkRequest } from './parking.js';
import type { Phase } from './phases.js';

export interface PhaseTiming {
  wait: boolean;
  /** wait: park, and what then; undefined when the step waits or not at all. */
  park: ParkRequest | undefined;
  timeoutMs: number;
  /** The user's poll-interval; undefined (`auto`) for the adaptive schedule. */
  pollIntervalMs: number | undefined;
  logs: boolean;
}

/** The `vars` input of a step: its values, and the names a manifest's placeholder used. */
export interface StepVars {
  values: Record<string, string>;
  /** Filled as the step's manifests are read. */
  used: Set<string>;
}

/** The settings, and the template `vars` for actions that take manifests (`withVars: false` for the others). */
export function readSettingsAndVars(
  reader: InputReader,
  { withVars = true }: { withVars?: boolean } = {},
): {
  settings: OdahuSettings | undefined;
  vars: StepVars;
} {
  const settings = reader.collect(() => readSettings(reader.source));
  const varsText = withVars ? reader.optional('vars') : undefined;
  const values = (varsText !== undefined && reader.collect(() => parseVars(varsText, 'vars'))) || {};
  return { settings, vars: { values, used: new Set() } };
}

/**
 * The composite pipeline's phases run after its check step has read all three manifests, warned
 * about unused vars and read what they name: its phase steps set this, and skip both.
 */
export const PIPELINE_CHECKED = 'ODAHU_PIPELINE_CHECKED';

/** Whether the pipeline's check step has checked this phase's inputs already. */
export function checkedByPipeline(source: InputSource): boolean {
  return source.env[PIPELINE_CHECKED] === 'true';
}

/**
 * Once the step's manifests are read: one warning naming the vars no placeholder used (a typo'd
 * name, or a placeholder that is spelled otherwise), since an unused value changes nothing.
 */
export function warnUnusedVars(vars: StepVars, source: InputSource): void {
  if (checkedByPipeline(source)) return;
  const unused = Object.keys(vars.values).filter((name) => !vars.used.has(name));
  if (unused.length === 0) return;
  const names = unused.map((name) => `{${name}}`).join(', ');
  core.warning(
    logText(
      `vars: no placeholder of the manifests uses ${names}; ${unused.length === 1 ? 'it is' : 'they are'} ignored (check the names)`,
    ),
  );
}

/**
 * The manifest of `inputName`, of one kind, with the `id` input applied and the id checked as the
 * server would. Warnings (fields the server ignores) go to the log as warnings.
 */
export function readManifestInput<K extends KindName>(
  reader: InputReader,
  inputName: string,
  kind: K,
  vars: StepVars,
  /** `idInput: false` for actions with several manifests and no `id` input (the pipeline's check). */
  options: { required?: boolean; idInput?: false } = {},
): Manifest<K> | undefined {
  const text = options.required === false ? reader.optional(inputName) : reader.required(inputName);
  if (text === undefined || text === '') return undefined;
  const manifest = reader.collect(() =>
    loadManifest(text, kind, {
      inputName,
      vars: vars.values,
      usedVars: vars.used,
      env: reader.source.env,
      // Odahu's own examples leave the id out of some manifests: the id input gives it.
      idFromInput: options.idInput !== false,
    }),
  );
  if (!manifest) return undefined;
  for (const warning of manifest.warnings) core.warning(warning);
  if (KINDS[kind].generatedId) {
    // The server names these itself (batch jobs: job-<service>-xxxxx): an id written here is dropped.
    if (manifest.id)
      core.warning(`${manifest.origin}: the server generates ${kind} ids; id ${manifest.id} is ignored`);
    return manifest;
  }
  const id = options.idInput === false ? undefined : reader.optional('id');
  if (id !== undefined) {
    manifest.id = id;
    manifest.resource.id = id;
  }
  if (!manifest.id)
    reader.problem(`${manifest.origin}: the ${kind} has no id; set id in the manifest or the id input`);
  else {
    const problem = idProblem(kind, manifest.id);
    if (problem) reader.problem(`${id !== undefined ? 'input id' : manifest.origin}: ${problem}`);
  }
  return manifest;
}

/**
 * The settings with retry-timeout no longer than the step's own timeouts: a call is never retried
 * past the time the user gave the whole step.
 */
export function withinStepTimeout(
  settings: OdahuSettings | undefined,
  ...timeoutsMs: number[]
): OdahuSettings | undefined {
  return settings && { ...settings, retryTimeoutMs: Math.min(settings.retryTimeoutMs, ...timeoutsMs) };
}

/** wait (or park, for `phase`), timeout, poll-interval and, for phases with a pod, logs. */
export function readPhaseTiming(
  reader: InputReader,
  defaultTimeout: string,
  phase: Phase<unknown>,
  { withLogs = true } = {},
): PhaseTiming {
  return {
    ...readWait(reader, phase),
    timeoutMs: reader.duration('timeout', defaultTimeout),
    pollIntervalMs: readPollInterval(reader),
    logs: withLogs ? reader.boolean('logs', true) : false,
  };
}

/**
 * `auto` (or empty): the adaptive schedule of poll-schedule.ts. Faster than 0.1 s would hammer the
 * API; slower than an hour would miss the end by as much.
 */
export function readPollInterval(reader: InputReader): number | undefined {
  const value = reader.optional('poll-interval');
  if (value === undefined || value === 'auto') return undefined;
  return reader.duration('poll-interval', '5s', { minMs: 100, maxMs: 3_600_000 });
}

/** A prediction request input: inline JSON or a .json file, shaped as odahu-ml-server takes it. */
export function readRequestInput(reader: InputReader, inputName: string): PredictionRequest | undefined {
  const read = reader.textOrFile(inputName, /\.json$/i);
  return read ? parseRequest(read.text, read.source, reader) : undefined;
}

/** `{"columns": [...], "data": [[...], ...]}`: the shape is checked before anything is sent. */
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

/**
 * The plugin's separate model connection (predict's and evaluate's model-token, model-client-id and
 * model-client-secret): a token, or a second client at the API's auth-url.
 */
export function readModelCredentials(
  reader: InputReader,
  settings: OdahuSettings | undefined,
): Credentials | undefined {
  const token = reader.optional('model-token');
  const clientId = reader.optional('model-client-id');
  const clientSecret = reader.optional('model-client-secret');
  // Masked as soon as read, before anything can print them.
  markSecret(token);
  markSecret(clientSecret);
  if (token && (clientId || clientSecret)) {
    reader.problem('give model-token or model-client-id with model-client-secret, not both');
    return undefined;
  }
  if (token) return { type: 'token', token: token.replace(/^Bearer\s+/i, '') };
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
  return { type: 'client-credentials', authUrl, scope, clientId, clientSecret: clientSecret ?? '' };
}
