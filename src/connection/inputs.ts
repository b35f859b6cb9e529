// Every input of the connection action, parsed and checked in one place before any API call.

import type { IfExists } from '../shared/action/apply.js';
import { readManifestInput, readSettingsAndVars, warnUnusedVars } from '../shared/action/common-inputs.js';
import { InputReader } from '../shared/action/inputs.js';
import { actionInputs } from '../shared/odahu/settings.js';
import type { InputSource, OdahuSettings } from '../shared/odahu/settings.js';
import type { Connection } from '../shared/odahu/types.js';
import { fillCredentials } from './credentials.js';

export interface ConnectionInputs {
  settings: OdahuSettings;
  connection: Connection;
  ifExists: Extract<IfExists, 'update' | 'replace' | 'fail'>;
  /** Where each secret came from, for the log (never the values). */
  notes: string[];
}

export function readConnectionInputs(source: InputSource = actionInputs): ConnectionInputs {
  const reader = new InputReader(source);
  const { settings, vars } = readSettingsAndVars(reader);
  const manifest = readManifestInput(reader, 'connection', 'Connection', vars);
  const notes = manifest ? fillCredentials(manifest.resource.spec, reader) : [];
  const ifExists = reader.choice('if-exists', ['update', 'replace', 'fail'] as const, 'update');
  reader.finish();
  warnUnusedVars(vars, source);
  return { settings: settings!, connection: manifest!.resource, ifExists, notes };
}
