import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import nock from 'nock';
import {
  AWS_CICD_VERSION,
  clientConfig,
  clientPool,
  DEFAULT_MAX_ATTEMPTS,
  endpointFromEnv,
  resolveRegion,
} from '../../src/aws/config.js';
import { BackoffRetryStrategy } from '../../src/aws/retry.js';
import { createSsmClient } from '../../src/aws/ssm.js';
import { VERSION } from '../../src/cli/main.js';
import { UserError } from '../../src/core/errors.js';
import { repoRoot } from '../appspec/corpus-files.js';
import { FAKE_CREDENTIALS, FAKE_ENDPOINT, JSON_11, useNock } from './fake-aws.js';

useNock();

describe('region', () => {
  test('explicit, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    const env = { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-central-1' };
    expect(resolveRegion('us-west-2', env)).toBe('us-west-2');
    expect(resolveRegion(undefined, env)).toBe('eu-west-1');
    expect(resolveRegion(undefined, { AWS_DEFAULT_REGION: 'eu-central-1' })).toBe('eu-central-1');
    expect(resolveRegion('', { AWS_REGION: ' ', AWS_DEFAULT_REGION: 'ap-south-1' })).toBe('ap-south-1');
  });

  test('none: a UserError naming what to set', () => {
    expect(() => resolveRegion(undefined, {})).toThrow(UserError);
    expect(() => clientConfig({ env: {} })).toThrow(/set AWS_REGION \(or AWS_DEFAULT_REGION\)/);
  });
});

describe('endpoint', () => {
  test('AWS_ENDPOINT_URL_<SERVICE> wins over AWS_ENDPOINT_URL; both can be ignored', () => {
    const env = { AWS_ENDPOINT_URL: 'http://all', AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://sm' };
    expect(endpointFromEnv(env, 'Secrets Manager')).toBe('http://sm');
    expect(endpointFromEnv(env, 'SSM')).toBe('http://all');
    expect(endpointFromEnv({ ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, 'SSM')).toBeUndefined();
    expect(endpointFromEnv({})).toBeUndefined();
    expect(clientConfig({ region: 'us-east-1', env: {} })).not.toHaveProperty('endpoint');
  });

  test('the installed SDK honours AWS_ENDPOINT_URL from the process environment by itself', async () => {
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = FAKE_ENDPOINT;
    try {
      const scope = nock(FAKE_ENDPOINT).post('/').reply(200, { Parameters: [], InvalidParameters: [] }, JSON_11);
      const client = new SSMClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS });
      await client.send(new GetParametersCommand({ Names: ['x'] }));
      expect(scope.isDone()).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
      else process.env.AWS_ENDPOINT_URL = saved;
    }
  });
});

describe('retries and user agent', () => {
  test('max attempts: option, AWS_MAX_ATTEMPTS, default; the retry strategy is ours', () => {
    const env = { AWS_REGION: 'us-east-1' };
    expect(clientConfig({ env }).maxAttempts).toBe(DEFAULT_MAX_ATTEMPTS);
    expect(clientConfig({ env: { ...env, AWS_MAX_ATTEMPTS: '2' } }).maxAttempts).toBe(2);
    expect(clientConfig({ env: { ...env, AWS_MAX_ATTEMPTS: '2' }, maxAttempts: 7 }).maxAttempts).toBe(7);
    expect(clientConfig({ env }).retryStrategy).toBeInstanceOf(BackoffRetryStrategy);
    expect(() => clientConfig({ env: { ...env, AWS_MAX_ATTEMPTS: 'many' } })).toThrow(/AWS_MAX_ATTEMPTS/);
    expect(() => clientConfig({ env, maxAttempts: 0 })).toThrow(UserError);
  });

  test('the version in the user agent is the package version', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(AWS_CICD_VERSION).toBe(pkg.version);
    expect(AWS_CICD_VERSION).toBe(VERSION);
  });

  test('every request carries aws-cicd/<version> in its user agent and goes to AWS_ENDPOINT_URL', async () => {
    // A real loopback server (not nock): what the SDK sends over the wire is what is checked.
    const agents: string[] = [];
    const server = createServer((req, res) => {
      agents.push(String(req.headers['user-agent'] ?? ''), String(req.headers['x-amz-user-agent'] ?? ''));
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ Parameters: [], InvalidParameters: [] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    nock.enableNetConnect(`127.0.0.1:${port}`);
    try {
      const client = createSsmClient({
        env: { AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL: `http://127.0.0.1:${port}` },
        credentials: FAKE_CREDENTIALS,
        maxAttempts: 1,
      });
      await client.send(new GetParametersCommand({ Names: ['x'] }));
      client.destroy();
      expect(agents).toHaveLength(2);
      expect(agents.join(' ')).toContain(`aws-cicd/${AWS_CICD_VERSION}`);
      expect(await client.config.region()).toBe('eu-west-1');
    } finally {
      nock.disableNetConnect();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('clientPool', () => {
  test('opens clients with its options (and extra ones) and closes each once', () => {
    const pool = clientPool({ region: 'eu-west-1', maxAttempts: 8 });
    const made: Array<{ options: unknown; destroyed: number; destroy(): void }> = [];
    const create = (options: unknown) => {
      const client = {
        options,
        destroyed: 0,
        destroy() {
          client.destroyed++;
        },
      };
      made.push(client);
      return client;
    };
    expect(pool.open(create)).toBe(made[0]);
    pool.open(create, { region: 'us-west-2' });
    expect(made.map((c) => c.options)).toEqual([
      { region: 'eu-west-1', maxAttempts: 8 },
      { region: 'us-west-2', maxAttempts: 8 },
    ]);
    pool.dispose();
    pool.dispose();
    expect(made.map((c) => c.destroyed)).toEqual([1, 1]);
  });
});
