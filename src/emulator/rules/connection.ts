// Connection: prefix `Validation of connection is failed: `; order: base64 errors, ID errors,
// `empty uri`, then the checks of the type. The prepared spec holds the secrets decoded, as the server
// stores them; presentConnection gives the answers' form.

import { ApiFailure } from '../cluster.js';
import { extractEcrRegistry } from './ecr-registry.js';
import { fakeHostKeyLine, gitUriHost } from './git-host-key.js';
import { goBase64Decode } from './go-base64.js';
import { idErrors } from './identifiers.js';
import { readBody } from './prepared.js';
import type { DecodedBody, PrepareOptions, Prepared } from './prepared.js';
import type { ClusterView } from '../cluster.js';
import { refuseIfAny } from './refusals.js';
import { CONNECTION_TYPES } from '../../shared/odahu/types.js';
import type { ConnectionSecretField, ConnectionSpec, ConnectionType } from '../../shared/odahu/types.js';

/** The base64 fields in the order the server checks them, with the names its messages use. */
const ENCODED_FIELDS: [ConnectionSecretField, string][] = [
  ['password', 'password'],
  ['keySecret', 'key secret'],
  ['keyID', 'key id'],
  ['publicKey', 'public key'],
];

export function prepareConnection(
  body: DecodedBody,
  _view: ClusterView,
  _options: PrepareOptions,
): Prepared<ConnectionSpec> {
  const { id, spec } = readBody<ConnectionSpec>(body);
  const errors: string[] = [];
  const decoded: Partial<Record<ConnectionSecretField, string>> = {};
  for (const [field, name] of ENCODED_FIELDS) {
    const result = goBase64Decode(spec[field] ?? '');
    if (!result.ok) errors.push(`${name} must be base64-encoded, error: ${result.error}`);
    else if (spec[field] !== undefined) decoded[field] = new TextDecoder().decode(result.bytes);
  }
  errors.push(...idErrors(id));
  const uri = spec.uri ?? '';
  if (uri === '') errors.push('empty uri');

  const type = spec.type ?? '';
  switch (type) {
    case 'git':
      if (!spec.publicKey && uri !== '') {
        const host = gitUriHost(uri);
        if (host === undefined) throw new ApiFailure(500, '', true);
        decoded.publicKey = fakeHostKeyLine(host);
      }
      break;
    case 's3':
      if (!spec.region) errors.push('s3 type requires that region must be non-empty');
      if (spec.role) errors.push('s3 type does not support role parameter yet');
      if (!spec.keySecret || !spec.keyID) {
        errors.push('s3 type requires that keyID and keySecret parameters must be non-empty');
      }
      break;
    case 'gcs':
      if (!spec.region) errors.push('gcs type requires that region must be non-empty');
      if (spec.role) errors.push('gcs type does not support role parameter yet must be non-empty');
      if (!spec.keySecret) errors.push('gcs type requires that keySecret parameter must be non-empty');
      break;
    case 'azureblob':
      if (!spec.keySecret) {
        errors.push('azureblob type requires that keySecret parameter contains HTTP endpoint with SAS Token');
      }
      break;
    case 'docker':
      if (!spec.password) errors.push('docker type requires the password parameter');
      if (!spec.username) errors.push('docker type requires the username parameter');
      break;
    case 'ecr': {
      const registry = extractEcrRegistry(uri);
      if (!registry.ok) errors.push(`not valid uri for ecr type: ${registry.error}`);
      else spec.region ||= registry.region;
      if (!spec.keySecret || !spec.keyID) {
        errors.push('ecr type requires that keyID and keySecret parameters must be non-empty');
      }
      break;
    }
    default:
      errors.push(`unknown type: ${type}. Supported types: [${CONNECTION_TYPES.join(' ')}]`);
  }
  refuseIfAny('Validation of connection is failed', errors);
  return { id, spec: { ...spec, type: type as ConnectionType, uri, ...decoded } };
}
