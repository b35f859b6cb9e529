// The connection action: create or update the Connection. Its answers mask the secrets, and nothing
// of the spec's key material is logged, output or summarised.

import * as core from '@actions/core';
import { applyResource } from '../shared/action/apply.js';
import type { StepContext } from '../shared/action/step.js';
import { writeSummary } from '../shared/action/summary.js';
import { OdahuClient } from '../shared/odahu/client.js';
import { displayUrl } from '../shared/odahu/errors.js';
import type { ConnectionInputs } from './inputs.js';
import { logText } from '../shared/odahu/untrusted-text.js';

export async function connect(ctx: StepContext, inputs: ConnectionInputs): Promise<void> {
  const started = Date.now();
  const { connection } = inputs;
  for (const note of inputs.notes) core.info(note);
  const client = OdahuClient.fromSettings(inputs.settings);
  try {
    const { applied } = await applyResource(client.connections, connection, inputs.ifExists, {
      noun: 'connection',
      signal: ctx.signal,
      deleteTimeoutMs: 60_000,
      pollIntervalMs: undefined,
    });
    core.info(logText(`Connection ${connection.id} (${connection.spec.type}) ${applied}.`));
    core.setOutput('connection-id', connection.id);
    await writeSummary('Odahu connection', [
      {
        kind: 'Connection',
        id: connection.id,
        action: applied,
        state: connection.spec.type,
        durationMs: Date.now() - started,
        outputs: { uri: shownUri(connection.spec.uri) },
      },
    ]);
  } finally {
    client.dispose();
  }
}

/** The uri as a summary may show it: no credentials, no query (signed URLs carry tokens there). */
function shownUri(uri: string): string {
  const withoutQuery = uri.split('?')[0] ?? uri;
  return displayUrl(withoutQuery);
}
