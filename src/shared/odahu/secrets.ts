// The values that must never be shown: every one is masked in the runner's log (core.setSecret) the
// moment it is read, and scrubbed from the messages of our own errors, which may quote server texts.

import * as core from '@actions/core';
import { CONNECTION_SECRET_FIELDS } from './types.js';
import type { ConnectionSpec } from './types.js';

const secrets = new Set<string>();

/** Shorter values would garble every message they occur in; the runner's mask still hides them. */
const MIN_REDACTED_LENGTH = 6;

/** Masks a secret in the job log and remembers it for `redact`. Empty values are not secrets. */
export function markSecret(value: string | undefined): void {
  if (!value || secrets.has(value)) return;
  secrets.add(value);
  core.setSecret(value);
  // The same secret travels URL-encoded (Airflow URIs, form bodies): mask that spelling too.
  const encoded = encodeURIComponent(value);
  if (encoded !== value && !secrets.has(encoded)) {
    secrets.add(encoded);
    core.setSecret(encoded);
  }
}

/** For tests that run steps in one process: a step starts knowing no secret, as a fresh process does. */
export function forgetSecrets(): void {
  secrets.clear();
}

/** The text with every known secret replaced by `***`, as the runner shows masked values. */
export function redact(text: string): string {
  let result = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length < MIN_REDACTED_LENGTH) break;
    result = result.split(secret).join('***');
  }
  return result;
}

/**
 * A secret that may span lines (a key file, a JSON key): the whole, and each line long enough to be
 * worth hiding, because the runner masks a registered value only where it appears whole.
 */
export function markSecretText(value: string | undefined): void {
  if (!value) return;
  markSecret(value);
  for (const line of value.split(/\r?\n/)) if (line.trim().length >= 8) markSecret(line.trim());
}

function isBase64(value: string): boolean {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(value) && value.length % 4 === 0;
}

/**
 * The key material written in a connection manifest, which the API takes base64-encoded: each value
 * masked as written and decoded, and one line for each that is not base64.
 */
export function maskConnectionSecrets(
  spec: ConnectionSpec,
  remedy = 'encode it, or give it through the matching input, which encodes it',
): string[] {
  const problems: string[] = [];
  for (const field of CONNECTION_SECRET_FIELDS) {
    const value = spec[field];
    if (!value) continue;
    markSecretText(value);
    markSecretText(Buffer.from(value, 'base64').toString('utf8'));
    if (!isBase64(value)) {
      problems.push(
        `spec.${field} in the manifest is not base64: the API takes it base64-encoded; ${remedy}`,
      );
    }
  }
  return problems;
}
