// How connections appear in answers. Stored secrets are plain text; GET, list, POST and PUT show
// password, keySecret and keyID as `*****` (omitted when empty) and publicKey base64; `/decrypted`
// shows all four base64.

import { base64Encode } from './go-base64.js';
import type { Connection, ConnectionSecretField } from '../../shared/odahu/types.js';

export const SECRET_MASK = '*****';
const MASKED_FIELDS: ConnectionSecretField[] = ['password', 'keySecret', 'keyID'];

export function presentConnection(stored: Connection, mode: 'masked' | 'decrypted'): Connection {
  const spec = { ...stored.spec };
  for (const field of [...MASKED_FIELDS, 'publicKey'] as const) {
    const value = spec[field];
    if (!value) {
      delete spec[field];
      continue;
    }
    const masked = mode === 'masked' && field !== 'publicKey';
    spec[field] = masked ? SECRET_MASK : base64Encode(new TextEncoder().encode(value));
  }
  return { ...stored, spec };
}
