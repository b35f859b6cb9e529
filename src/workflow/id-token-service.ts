// GitHub's OIDC token service, played on this machine for the jobs whose permissions grant
// `id-token: write` (permissions.ts). Such a job's steps get ACTIONS_ID_TOKEN_REQUEST_URL and
// ACTIONS_ID_TOKEN_REQUEST_TOKEN; `GET <url>&audience=X` with that bearer answers `{"value": <jwt>}`
// as GitHub does (what core.getIDToken reads): an RS256 token with the job's claims (github-claims.ts),
// `aud` X (default `https://github.com/<owner>`), a fresh jti, and GitHub's times (issued now, valid
// five minutes). The signing key is published as GitHub publishes its own: a discovery document at
// `<issuer>/.well-known/openid-configuration` naming `<issuer>/.well-known/jwks`.

import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import type { GitHubClaims } from './github-claims.js';

/** What a job's steps get: the variables core.getIDToken reads. */
export interface IdTokenGrant {
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  /** The job has ended: its bearer is refused from now on. */
  revoke(): void;
}

/** GitHub's tokens: valid 5 minutes from issue; `nbf` 10 minutes before it, as in GitHub's documentation. */
const LIFETIME_SECONDS = 300;
const NOT_BEFORE_SECONDS = 600;
const TOKEN_PATH = '/_apis/distributedtask/idtoken';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** The claims GitHub's discovery document lists. */
const CLAIMS_SUPPORTED = [
  'sub',
  'aud',
  'exp',
  'iat',
  'iss',
  'jti',
  'nbf',
  'ref',
  'sha',
  'repository',
  'repository_owner',
  'run_id',
  'run_number',
  'run_attempt',
  'actor',
  'triggering_actor',
  'workflow',
  'workflow_ref',
  'workflow_sha',
  'head_ref',
  'base_ref',
  'event_name',
  'ref_type',
  'ref_protected',
  'environment',
  'job_workflow_ref',
  'job_workflow_sha',
  'runner_environment',
];

export class IdTokenService {
  /** Each live bearer and the claims of its job. */
  private readonly jobs = new Map<string, GitHubClaims>();

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly privateKey: SigningKey,
    private readonly publicJwk: JWK,
  ) {}

  static async start(): Promise<IdTokenService> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const service = new IdTokenService(server, `http://127.0.0.1:${port}`, privateKey, publicJwk);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      service.answer(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
    });
    return service;
  }

  /** A job's right to ask for tokens with its claims. */
  grant(claims: GitHubClaims): IdTokenGrant {
    const bearer = randomBytes(32).toString('base64url');
    this.jobs.set(bearer, claims);
    return {
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${this.issuer}${TOKEN_PATH}?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: bearer,
      },
      revoke: () => void this.jobs.delete(bearer),
    };
  }

  /** A token with these claims for `audience`, signed now. */
  private sign(claims: GitHubClaims, audience: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, jti: randomUUID(), nbf: now - NOT_BEFORE_SECONDS })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + LIFETIME_SECONDS)
      .sign(this.privateKey);
  }

  close(): Promise<void> {
    this.jobs.clear();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.issuer);
    if (req.method !== 'GET') return send(res, 405, { message: `${req.method ?? ''} is not allowed` });
    switch (url.pathname) {
      case '/.well-known/openid-configuration':
        return send(res, 200, {
          issuer: this.issuer,
          jwks_uri: `${this.issuer}/.well-known/jwks`,
          subject_types_supported: ['public', 'pairwise'],
          response_types_supported: ['id_token'],
          claims_supported: CLAIMS_SUPPORTED,
          id_token_signing_alg_values_supported: ['RS256'],
          scopes_supported: ['openid'],
        });
      case '/.well-known/jwks':
        return send(res, 200, { keys: [this.publicJwk] });
      case TOKEN_PATH: {
        const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
        const claims = bearer === undefined ? undefined : this.jobs.get(bearer);
        if (!claims) return send(res, 401, { message: 'Unauthorized: the job has no right to an ID token' });
        const audience = url.searchParams.get('audience') || `https://github.com/${claims.repository_owner}`;
        return send(res, 200, { value: await this.sign(claims, audience) });
      }
      default:
        return send(res, 404, { message: 'Not Found' });
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
