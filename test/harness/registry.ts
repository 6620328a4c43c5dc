/**
 * A real OCI registry for image tests: Debian's `docker-registry` (the CNCF distribution registry) on 127.0.0.1 over
 * plain HTTP, with htpasswd basic auth for user `AWS` and the password the AWS emulator's GetAuthorizationToken hands
 * out, so it stands in for an ECR registry. Storage lives in a temp folder removed by close().
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bcryptHash } from './bcrypt.js';

export const REGISTRY_BINARY = '/usr/bin/docker-registry';

export interface TestRegistry {
  /** `127.0.0.1:<port>` */
  readonly host: string;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** GET /v2/<name>/manifests/<reference> with the credentials: the body, its content type and digest header. */
  manifest(
    name: string,
    reference: string,
  ): Promise<{ status: number; body: Buffer; mediaType: string; digest?: string }>;
  /** GET /v2/<name>/blobs/<digest> with the credentials (the registry may redirect; fetch follows). */
  blob(name: string, digest: string): Promise<Buffer>;
  /** A request with the given credentials (or none): the HTTP status. */
  status(pathname: string, credentials?: { username: string; password: string }): Promise<number>;
  /** Everything the registry printed (its log). */
  log(): string;
  close(): Promise<void>;
}

export async function startRegistry(options: { username: string; password: string }): Promise<TestRegistry> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-registry-'));
  mkdirSync(path.join(dir, 'data'));
  writeFileSync(path.join(dir, 'htpasswd'), `${options.username}:${bcryptHash(options.password, 5)}\n`, {
    mode: 0o600,
  });
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  writeFileSync(
    path.join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log:',
      '  level: info',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: ${host}`,
      `  secret: ${randomBytes(16).toString('hex')}`,
      'auth:',
      '  htpasswd:',
      '    realm: aws-cicd-test',
      `    path: ${path.join(dir, 'htpasswd')}`,
      '',
    ].join('\n'),
  );
  let output = '';
  const child: ChildProcess = spawn(REGISTRY_BINARY, ['serve', path.join(dir, 'config.yml')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://${host}`;
  const authorization = (c: { username: string; password: string }) =>
    `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Up when /v2/ answers (401 without credentials).
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`docker-registry exited: ${output}`);
    }
    const status = await fetch(`${url}/v2/`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 401) break;
    if (i > 200) {
      await close();
      throw new Error(`docker-registry did not answer on ${host}: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    host,
    url,
    async manifest(name, reference) {
      const response = await fetch(`${url}/v2/${name}/manifests/${reference}`, {
        headers: {
          Authorization: authorization(options),
          Accept: [
            'application/vnd.docker.distribution.manifest.v2+json',
            'application/vnd.docker.distribution.manifest.list.v2+json',
            'application/vnd.oci.image.manifest.v1+json',
            'application/vnd.oci.image.index.v1+json',
          ].join(', '),
        },
      });
      return {
        status: response.status,
        body: Buffer.from(await response.arrayBuffer()),
        mediaType: response.headers.get('content-type') ?? '',
        digest: response.headers.get('docker-content-digest') ?? undefined,
      };
    },
    async blob(name, digest) {
      const response = await fetch(`${url}/v2/${name}/blobs/${digest}`, {
        headers: { Authorization: authorization(options) },
      });
      if (response.status !== 200) throw new Error(`GET blob ${digest}: HTTP ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    },
    async status(pathname, credentials) {
      const response = await fetch(`${url}${pathname}`, {
        headers: credentials ? { Authorization: authorization(credentials) } : {},
      });
      await response.arrayBuffer();
      return response.status;
    },
    log: () => output,
    close,
  };
}

export function registryAvailable(): boolean {
  return existsSync(REGISTRY_BINARY);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
