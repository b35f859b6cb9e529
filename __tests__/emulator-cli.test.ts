// The odahu-emulator command as users run it: bin/odahu-emulator.js, which runs its build
// (build/emulator, brought up to date by npm test's pretest), its start-up line, a token from the
// printed URL, clean exit on SIGTERM, and one-line flag errors.

import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { IdTokenService } from '../src/workflow/id-token-service.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['bin/odahu-emulator.js', ...args], { cwd: root });
}

/** The child's first stdout line; fails at once, with its stderr, if it exits before printing one. */
async function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  try {
    return await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) =>
        reject(new Error(`odahu-emulator exited (${code}) before starting: ${stderr}`)),
      );
    });
  } finally {
    lines.close();
  }
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** An access token from the started emulator's token endpoint (`authUrl`, or the same path on `host`). */
async function accessToken(
  started: Record<string, string>,
  client = { id: started.clientId!, secret: started.clientSecret! },
  host?: string,
): Promise<string> {
  const url = new URL(started.authUrl!);
  if (host) url.host = `${host}:${url.port}`;
  const answer = await fetch(url, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.id,
      client_secret: client.secret,
    }),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

describe('odahu-emulator', () => {
  it('prints where it is, serves tokens and the API, and exits 0 on SIGTERM', async () => {
    const child = run(['--port', '0', '--client', 'ci-viewer:s3cret:viewer', '--training-seconds', '0.2']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const started = JSON.parse(await firstLine(child)) as Record<string, string>;
      expect(Object.keys(started)).toEqual(['apiUrl', 'authUrl', 'clientId', 'clientSecret']);
      expect(started.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(started.authUrl).toBe(`${started.apiUrl}/auth/realms/odahu/protocol/openid-connect/token`);
      const access_token = await accessToken(started, { id: 'ci-viewer', secret: 's3cret' });
      const list = await fetch(`${started.apiUrl}/api/v1/toolchain/integration`, {
        headers: { authorization: `Bearer ${access_token}` },
      });
      expect(list.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    // No stray warnings (oidc-provider's runtime notice is filtered out).
    expect(stderr).toBe('');
  });

  it("with --host 0.0.0.0 answers on the machine's other addresses, as a container reaches it", async () => {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    const child = run(['--host', '0.0.0.0', '--port', '0']);
    try {
      const started = JSON.parse(await firstLine(child)) as Record<string, string>;
      // Printed for this machine: a token issued here is for the loopback issuer.
      expect(started.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const port = new URL(started.apiUrl!).port;
      const hosts = ['127.0.0.1', ...(address ? [address] : [])];
      for (const host of hosts) {
        const access_token = await accessToken(started, undefined, host);
        const health = await fetch(`http://${host}:${port}/health`, {
          headers: { authorization: `Bearer ${access_token}` },
        });
        expect(health.status).toBe(200);
      }
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('with --public-url names itself by that address: printed URLs, token issuer and model URLs', async () => {
    // The port must be known before it starts: one free a moment ago (others' tests bind ports too:
    // taken in between, another one is tried).
    let publicUrl = '';
    let child: ChildProcessWithoutNullStreams | undefined;
    let line = '';
    for (let tries = 0; !line; tries += 1) {
      const port = await freePort();
      publicUrl = `http://localhost:${port}`;
      child = run(['--port', String(port), '--public-url', publicUrl]);
      line = await firstLine(child).catch((error: Error) => {
        if (tries >= 4 || !/EADDRINUSE/.test(error.message)) throw error;
        return '';
      });
    }
    try {
      const started = JSON.parse(line) as Record<string, string>;
      expect(started.apiUrl).toBe(publicUrl);
      expect(started.authUrl).toBe(`${publicUrl}/auth/realms/odahu/protocol/openid-connect/token`);
      const access_token = await accessToken(started);
      const claims = JSON.parse(Buffer.from(access_token.split('.')[1]!, 'base64url').toString()) as {
        iss: string;
      };
      expect(claims.iss).toBe(`${publicUrl}/auth/realms/odahu`);
      const config = await fetch(`${publicUrl}/api/v1/configuration`, {
        headers: { authorization: `Bearer ${access_token}` },
      });
      const body = (await config.json()) as { deployment: { edge: { host: string } } };
      expect(body.deployment.edge.host).toBe(publicUrl);
    } finally {
      child!.kill('SIGTERM');
      await once(child!, 'exit');
    }
  });

  it('--missing-image (repeatable) keeps matching images from pulling', async () => {
    const args = ['--port', '0', '--deployment-seconds', '0.1'];
    const child = run([...args, '--missing-image', 'quay.io/gone/*', '--missing-image=exact/name:1']);
    try {
      const started = JSON.parse(await firstLine(child)) as Record<string, string>;
      const access_token = await accessToken(started);
      const api = (path: string, init: RequestInit = {}) =>
        fetch(`${started.apiUrl}/api/v1/${path}`, {
          ...init,
          headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
        });
      const images = { gone: 'quay.io/gone/wine:1', exact: 'exact/name:1', pulls: 'exact/name:2' };
      for (const [id, image] of Object.entries(images)) {
        const body = JSON.stringify({ id, spec: { image, predictor: 'odahu-ml-server' } });
        expect((await api('model/deployment', { method: 'POST', body })).status).toBe(201);
      }
      const stateOf = async (id: string) =>
        ((await (await api(`model/deployment/${id}`)).json()) as { status: { state?: string } }).status.state;
      // The emulator runs in its own process: wait for the last one posted to be Ready. Its rollout
      // began last, so by then the others' rollouts (as long) have ended too.
      const deadline = Date.now() + 60_000;
      while ((await stateOf('pulls')) !== 'Ready' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const states: Record<string, string | undefined> = {};
      for (const id of Object.keys(images)) states[id] = await stateOf(id);
      expect(states).toEqual({ gone: 'Processing', exact: 'Processing', pulls: 'Ready' });
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it.each([
    [['--port', 'abc'], /^odahu-emulator: --port must be an integer between 0 and 65535, not "abc"\n$/],
    [['--fail-rate', '2'], /^odahu-emulator: --fail-rate must be a number between 0 and 1, not "2"\n$/],
    [['--launch-period=-1'], /^odahu-emulator: --launch-period must be a number 0 or more, not "-1"\n$/],
    [
      ['--launch-period', '-1'],
      /^odahu-emulator: --launch-period needs a value; for one that starts with "-", write --launch-period=-1\n$/,
    ],
    [['--port', '--verbose'], /^odahu-emulator: --port needs a value\n$/],
    [['--verbose=yes'], /^odahu-emulator: --verbose takes no value\n$/],
    [['8765'], /^odahu-emulator: unexpected argument "8765" \(see --help\)\n$/],
    [['--missing-image', ''], /^odahu-emulator: --missing-image must not be empty\n$/],
    [['--client', 'a:b:root'], /^odahu-emulator: --client must be ID:SECRET:ROLE/],
    [['--outage', '30'], /^odahu-emulator: --outage must be START:SECONDS or auth:START:SECONDS/],
    [['--outage', 'db:1:2'], /^odahu-emulator: --outage must be START:SECONDS or auth:START:SECONDS/],
    [
      ['--federated-client', 'gh:admin:token.actions.githubusercontent.com:repo:a/b:ref:refs/heads/main'],
      /^odahu-emulator: --federated-client must be ID:ROLE:ISSUER:SUBJECT with ROLE one of admin, data_scientist, viewer and ISSUER an http\(s\) URL, not "gh:admin:token/,
    ],
    [
      [
        '--federated-client',
        'gh:root:https://token.actions.githubusercontent.com:repo:a/b:ref:refs/heads/main',
      ],
      /^odahu-emulator: --federated-client must be ID:ROLE:ISSUER:SUBJECT/,
    ],
    [['--colour'], /^odahu-emulator: unknown flag "--colour" \(see --help\)\n$/],
  ])('refuses %j with one line and exit code 2', async (args, message) => {
    const child = run(args);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--federated-client trusts an issuer (port included) for a subject; a taken client id is one line', async () => {
    const service = await IdTokenService.start();
    const subject = 'repo:acme/models:ref:refs/heads/main';
    const child = run(['--port', '0', '--federated-client', `gh-main:viewer:${service.issuer}:${subject}`]);
    try {
      const started = JSON.parse(await firstLine(child)) as Record<string, string>;
      const job = service.grant({ sub: subject, repository: 'acme/models', repository_owner: 'acme' });
      const audience = started.authUrl!.replace(/\/protocol\/openid-connect\/token$/, '');
      const github = (await (
        await fetch(`${job.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(audience)}`, {
          headers: { authorization: `Bearer ${job.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
        })
      ).json()) as { value: string };
      const answer = await fetch(started.authUrl!, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: github.value,
        }),
      });
      const { access_token } = (await answer.json()) as { access_token: string };
      const claims = JSON.parse(Buffer.from(access_token.split('.')[1]!, 'base64url').toString()) as {
        azp: string;
        realm_access: { roles: string[] };
      };
      expect(claims).toMatchObject({ azp: 'gh-main', realm_access: { roles: ['odahu_viewer'] } });
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
      await service.close();
    }

    const taken = run([
      '--port',
      '0',
      '--federated-client',
      `odahu-actions:admin:https://issuer.example:${subject}`,
    ]);
    let stderr = '';
    taken.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(taken, 'exit')) as [number | null];
    expect(stderr).toBe(
      'odahu-emulator: client odahu-actions exists already: a federated client is a client of its own\n',
    );
    expect(code).toBe(1);
  });

  it('explains its flags', () => {
    const help = execFileSync(process.execPath, ['bin/odahu-emulator.js', '--help'], {
      cwd: root,
    }).toString();
    expect(help).toContain('--public-url URL');
    expect(help).toContain('--drop-rate R');
    expect(help).toContain('--launch-period SECONDS');
    expect(help).toContain('--missing-image PATTERN');
    expect(help).toContain('--federated-client ID:ROLE:ISSUER:SUBJECT');
  });
});
