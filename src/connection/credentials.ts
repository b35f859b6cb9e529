// Where a connection's secret comes from, per type: the action's inputs first, then what the manifest
// says, then what the job already has (google-github-actions/auth writes GOOGLE_APPLICATION_CREDENTIALS,
// aws-actions/configure-aws-credentials sets AWS_*). The API takes password, keySecret, keyID and
// publicKey base64-encoded: values from inputs and the environment are plain and encoded here; values
// written in the manifest are sent as they are. Every piece of key material is masked as soon as it is read.

import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import type { InputReader } from '../shared/action/inputs.js';
import { messageOf } from '../shared/thrown.js';
import { markSecret, markSecretText, maskConnectionSecrets } from '../shared/odahu/secrets.js';
import type { ConnectionSpec } from '../shared/odahu/types.js';

/** Inputs that only make sense for some connection types. */
const INPUT_TYPES: Record<string, string[]> = {
  'gcp-credentials': ['gcs'],
  'aws-access-key-id': ['s3', 'ecr'],
  'aws-secret-access-key': ['s3', 'ecr'],
  username: ['docker'],
  password: ['docker'],
  'ssh-key': ['git'],
};

function encode(value: string): string {
  const encoded = Buffer.from(value, 'utf8').toString('base64');
  markSecret(encoded);
  return encoded;
}

/** Fill spec's secrets for its type; problems go to the reader. Returns notes for the log. */
export function fillCredentials(spec: ConnectionSpec, reader: InputReader): string[] {
  const notes: string[] = [];
  const env = reader.source.env;
  // A uri may carry credentials (https://user:token@host/...): those are secrets too.
  try {
    markSecret(decodeURIComponent(new URL(spec.uri).password));
  } catch {
    // Not a URL with a password (gs://bucket, user@host:path): nothing to hide.
  }

  for (const problem of maskConnectionSecrets(spec)) reader.problem(problem);
  for (const [input, types] of Object.entries(INPUT_TYPES)) {
    if (reader.optional(input) !== undefined && !types.includes(spec.type)) {
      reader.problem(
        `input ${input} is for ${types.join(' and ')} connections; this connection is ${spec.type}`,
      );
    }
  }

  switch (spec.type) {
    case 'gcs': {
      const key = readGcpKey(reader);
      if (key) {
        spec.keySecret = encode(key.text);
        notes.push(`spec.keySecret from ${key.origin}`);
        if (!spec.region && key.projectId) {
          spec.region = key.projectId;
          notes.push(`spec.region from the key's project_id (${key.projectId})`);
        }
      }
      if (!spec.keySecret) {
        reader.problem(
          'a gcs connection needs a service-account key: set gcp-credentials, GOOGLE_APPLICATION_CREDENTIALS (google-github-actions/auth sets it) or spec.keySecret',
        );
      }
      break;
    }
    case 's3':
    case 'ecr': {
      const keyId = secretInput(reader, 'aws-access-key-id') ?? fromEnv(env, 'AWS_ACCESS_KEY_ID');
      const secret = secretInput(reader, 'aws-secret-access-key') ?? fromEnv(env, 'AWS_SECRET_ACCESS_KEY');
      if (keyId) spec.keyID = encode(keyId.value);
      if (secret) spec.keySecret = encode(secret.value);
      if (keyId) notes.push(`spec.keyID from ${keyId.origin}`);
      if (secret) notes.push(`spec.keySecret from ${secret.origin}`);
      if ((keyId?.origin.startsWith('AWS_') || secret?.origin.startsWith('AWS_')) && env.AWS_SESSION_TOKEN) {
        core.warning(
          'The AWS keys come with a session token, which Odahu connections cannot hold: the keys stop working when the session expires.',
        );
      }
      const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
      if (!spec.region && spec.type === 's3' && region) {
        spec.region = region;
        notes.push(`spec.region from AWS_REGION (${region})`);
      }
      if (!spec.keyID || !spec.keySecret) {
        reader.problem(
          `an ${spec.type} connection needs keys: set aws-access-key-id and aws-secret-access-key, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (aws-actions/configure-aws-credentials sets them), or spec.keyID and spec.keySecret`,
        );
      }
      break;
    }
    case 'docker': {
      const username = reader.optional('username');
      const password = secretInput(reader, 'password');
      if (username) spec.username = username;
      if (password) spec.password = encode(password.value);
      if (!spec.username || !spec.password) {
        reader.problem(
          'a docker connection needs username and password (inputs, or spec.username and spec.password)',
        );
      }
      break;
    }
    case 'git': {
      const key = secretInput(reader, 'ssh-key');
      if (key) spec.keySecret = encode(key.value.endsWith('\n') ? key.value : `${key.value}\n`);
      break;
    }
    default:
      break;
  }
  return notes;
}

function secretInput(reader: InputReader, name: string): { value: string; origin: string } | undefined {
  const value = reader.optional(name);
  if (value === undefined) return undefined;
  markSecretText(value);
  return { value, origin: `input ${name}` };
}

function fromEnv(
  env: InputReader['source']['env'],
  name: string,
): { value: string; origin: string } | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  markSecretText(value);
  return { value, origin: name };
}

interface GcpKey {
  text: string;
  origin: string;
  projectId: string | undefined;
}

/** A service-account key as JSON text or a file path (the input), else the file at GOOGLE_APPLICATION_CREDENTIALS. */
function readGcpKey(reader: InputReader): GcpKey | undefined {
  const input = reader.optional('gcp-credentials');
  let text: string;
  let origin: string;
  if (input !== undefined) {
    // Masked once we know it is the key itself and not the path of one (a path is no secret).
    const read = reader.textOrFile('gcp-credentials', /\.json$/i);
    if (!read) return undefined;
    text = read.text;
    origin = read.source.startsWith('inline')
      ? 'input gcp-credentials'
      : `input gcp-credentials (${read.source})`;
  } else {
    const path = reader.source.env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
    if (!path) return undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      reader.problem(`GOOGLE_APPLICATION_CREDENTIALS names a file that cannot be read: ${messageOf(error)}`);
      return undefined;
    }
    origin = 'GOOGLE_APPLICATION_CREDENTIALS';
  }
  markSecretText(text);
  // google-github-actions/auth also takes the key base64-encoded: accept that spelling.
  const decoded = /^[A-Za-z0-9+/=\s]+$/.test(text.trim())
    ? Buffer.from(text, 'base64').toString('utf8')
    : undefined;
  if (decoded?.trim().startsWith('{')) {
    markSecretText(decoded);
    text = decoded;
  }
  let key: { type?: unknown; private_key?: unknown; project_id?: unknown };
  try {
    key = JSON.parse(text) as typeof key;
  } catch {
    // The parser's message would quote the start of the key: say where the problem is, not what.
    reader.problem(`the service-account key from ${origin} is not JSON (nor base64-encoded JSON)`);
    return undefined;
  }
  if (typeof key.private_key === 'string') markSecretText(key.private_key);
  if (typeof key !== 'object' || key === null || typeof key.type !== 'string') {
    reader.problem(`the service-account key from ${origin} has no "type": is it a Google credentials file?`);
    return undefined;
  }
  return { text, origin, projectId: typeof key.project_id === 'string' ? key.project_id : undefined };
}
