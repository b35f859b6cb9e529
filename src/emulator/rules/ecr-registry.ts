// The ECR check of connections: amazon-ecr-credential-helper's ExtractRegistry (v0.3), which reads
// the registry host out of `[https://]<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn][/path]`.
// Go's url.Parse is reduced to the host checks that can fail on such input (port, characters).

import { goQuote } from './go-strconv.js';

const SCHEME = 'https://';
const ECR_HOST =
  /(^[a-zA-Z0-9][a-zA-Z0-9\-_]*)\.dkr\.ecr(-fips)?\.([a-zA-Z0-9][a-zA-Z0-9\-_]*)\.amazonaws\.com(\.cn)?$/;
/** Printable ASCII url.Parse refuses in a host name (it would have to escape them). */
const INVALID_HOST_CHAR = /[ #/?@\\^`{|}]/;

export type EcrRegistry = { ok: true; region: string } | { ok: false; error: string };

export function extractEcrRegistry(uri: string): EcrRegistry {
  const input = uri.startsWith(SCHEME) ? uri.slice(SCHEME.length) : uri;
  const url = SCHEME + input;
  const parseError = (detail: string): EcrRegistry => ({
    ok: false,
    error: `parse ${goQuote(url)}: ${detail}`,
  });
  if ([...url].some(isControl)) return parseError('net/url: invalid control character in URL');
  const authority = input.split(/[/?#]/, 1)[0]!;
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  const bracketed = host.startsWith('[');
  const colon = bracketed ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':');
  const port = colon === -1 ? '' : host.slice(colon);
  if (!/^(:\d*)?$/.test(port)) return parseError(`invalid port ${goQuote(port)} after host`);
  const invalid = INVALID_HOST_CHAR.exec(host);
  if (invalid) return parseError(`invalid character ${goQuote(invalid[0])} in host name`);
  const hostname = bracketed
    ? host.slice(1, host.indexOf(']'))
    : host.slice(0, colon === -1 ? undefined : colon);
  const match = ECR_HOST.exec(hostname);
  if (!match) {
    return {
      ok: false,
      error: 'docker-credential-ecr-login can only be used with Amazon Elastic Container Registry.',
    };
  }
  return { ok: true, region: match[3]! };
}

function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}
