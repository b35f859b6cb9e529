// What the server stores as a git connection's public key when none is given: it runs ssh-keyscan on
// the host of a `user@host:path` URI. The emulator has no network, so it makes up a host key line that
// looks like ssh-keyscan output (`<host> ssh-ed25519 AAAAC3NzaC1lZDI1NTE5...`) and is derived from the
// host alone, so the same host always gets the same key. A URI without `user@host` makes the real
// server panic (index out of range), answered as a 500 with an empty body.

import { createHash } from 'node:crypto';

const USER_AT_HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^@/\s]+@([^:/\s]+)/i;

/** The host a git URI names, or undefined when it has no `user@host` part. */
export function gitUriHost(uri: string): string | undefined {
  return USER_AT_HOST.exec(uri)?.[1];
}

/** A deterministic stand-in for `ssh-keyscan <host>`: one ed25519 host key line. */
export function fakeHostKeyLine(host: string): string {
  const keyType = Buffer.from('ssh-ed25519');
  const key = createHash('sha256').update(`odahu-emulator host key ${host}`).digest();
  const blob = Buffer.concat([lengthPrefixed(keyType), lengthPrefixed(key)]);
  return `${host} ssh-ed25519 ${blob.toString('base64')}\n`;
}

function lengthPrefixed(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}
