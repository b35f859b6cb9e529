// Inputs that several actions share, read the same way everywhere: the Odahu settings with the
// template `vars`, a manifest input with the `id` override, and the waiting inputs.

import { idProblem } from '../kinds.js';
import type { KindName } from '../kinds.js';
import { loadManifest } from '../manifests.js';
import type { Manifest } from '../manifests.js';
import { readSettings } from '../settings.js';
import type { OdahuSettings } from '../settings.js';
import { parseVars } from '../template.js';
import * as core from '@actions/core';
import type { InputReader } from './inputs.js';

export interface PhaseTiming {
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  logs: boolean;
}

export function readSettingsAndVars(reader: InputReader): {
  settings: OdahuSettings | undefined;
  vars: Record<string, string>;
} {
  const settings = reader.collect(() => readSettings(reader.source));
  const varsText = reader.optional('vars');
  const vars = (varsText !== undefined && reader.collect(() => parseVars(varsText, 'vars'))) || {};
  return { settings, vars };
}

/**
 * The manifest of `inputName`, of one kind, with the `id` input applied and the id checked as the
 * server would. Warnings (fields the server ignores) go to the log as warnings.
 */
export function readManifestInput<K extends KindName>(
  reader: InputReader,
  inputName: string,
  kind: K,
  vars: Record<string, string>,
  options: { required?: boolean } = {},
): Manifest<K> | undefined {
  const text = options.required === false ? reader.optional(inputName) : reader.required(inputName);
  if (text === undefined || text === '') return undefined;
  const manifest = reader.collect(() =>
    loadManifest(text, kind, { inputName, vars, env: reader.source.env }),
  );
  if (!manifest) return undefined;
  for (const warning of manifest.warnings) core.warning(warning);
  const id = reader.optional('id');
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

export function readPhaseTiming(reader: InputReader, defaultTimeout: string): PhaseTiming {
  return {
    wait: reader.boolean('wait', true),
    timeoutMs: reader.duration('timeout', defaultTimeout),
    pollIntervalMs: reader.duration('poll-interval', '5s'),
    logs: reader.boolean('logs', true),
  };
}
