// The values that must never be shown: every one is masked in the runner's log (core.setSecret) the
// moment it is read, and scrubbed from the messages of our own errors, which may quote server texts,
// and from what goes to markdown (a pull request comment, which no runner masks). A secret travels in
// other spellings too (a form body, a JSON body, base64): each is masked and scrubbed as well.

import * as core from '@actions/core';
import { CONNECTION_SECRET_FIELDS } from './types.js';
import type { ConnectionSpec } from './types.js';

const secrets = new Set<string>();

/** Shorter values would garble every message they occur in; the runner's mask still hides them. */
const MIN_REDACTED_LENGTH = 6;

/** A spelling shorter than this is not worth a mask of its own: it would garble unrelated text. */
const MIN_SPELLING_LENGTH = 8;

/**
 * The spellings a secret travels in besides itself: URI encoding (Airflow URIs, query strings), form
 * encoding (the token request's body: `+` for a space, `!()*` encoded), JSON string escaping (request
 * bodies, a server quoting one), and base64 (connection secrets; inside a longer base64 text, as in
 * `base64(user:secret)`, the secret is encoded from one of three byte alignments, each masked where
 * it is stable: whole groups of three bytes).
 */
export function secretSpellings(value: string): string[] {
  const spellings = [
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
  ];
  const bytes = Buffer.from(value, 'utf8');
  spellings.push(bytes.toString('base64'));
  for (const shift of [0, 1, 2]) {
    const aligned = bytes.subarray(shift);
    spellings.push(aligned.subarray(0, aligned.length - (aligned.length % 3)).toString('base64'));
  }
  return [...new Set(spellings)].filter((s) => s !== value && s.length >= MIN_SPELLING_LENGTH);
}

/** Masks a secret (and its spellings) in the job log and remembers them for `redact`. Empty values are not secrets. */
export function markSecret(value: string | undefined): void {
  if (!value || secrets.has(value)) return;
  for (const spelling of [value, ...secretSpellings(value)]) {
    if (secrets.has(spelling)) continue;
    secrets.add(spelling);
    core.setSecret(spelling);
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
