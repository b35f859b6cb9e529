// What the server stores as a git connection's public key when none is given: it runs ssh-keyscan on
// the host of a `user@host:path` URI. The emulator has no network, so it makes up a host key line that
// looks like ssh-keyscan output (`<host> ssh-ed25519 AAAAC3NzaC1lZDI1NTE5...`) and is derived from the
// host alone, so the same host always gets the same key.
//
// The server finds the host with `(?P<Users>.+)@(?P<Host>[\w.]+)[/:].*` (pkg/utils/ssh.go) and takes
// submatch 2 without checking for a match: a URI it does not match (no `user@`, a host with a `-`,
// or no `:` or `/` after the host) makes it panic (index out of range), answered as a 500 with an
// empty body.

import { createHash } from 'node:crypto';

/**
 * Go's pattern, unanchored: leftmost match, greedy user part (so the last `@` that fits), `\w` as
 * ASCII word characters, `.` anything but a newline (JavaScript's `.` also stops at \r, U+2028/9).
 */
const SSH_URL = /([^\n]+)@([0-9A-Za-z_.]+)[/:]/;

/** The host the server's pattern finds in a git URI, or undefined where it would panic. */
export function gitUriHost(uri: string): string | undefined {
  return SSH_URL.exec(uri)?.[2];
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
