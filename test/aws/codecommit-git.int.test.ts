/**
 * CodeCommit's Git password, user name, endpoints and names. The algorithm is checked against two independent
 * implementations: git-remote-codecommit's published test vectors (test/git_url_test.py) and Debian's awscli
 * (`aws codecommit credential-helper get` run under faketime).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  credentialsFromEnv,
  formatCredentialAnswer,
  gitEndpoint,
  gitPassword,
  gitUsername,
  grcUrl,
  isCodeCommitHost,
  isLoopback,
  parseCredentialRequest,
  parseEndpoint,
  parsePassword,
  parseTarget,
  regionOfHost,
  repositoryUrl,
  splitHost,
} from '../../src/aws/codecommit-git.js';
import { answerGitCredential } from '../../src/mirror/credential-helper.js';

describe("git-remote-codecommit's test vectors", () => {
  // From aws/git-remote-codecommit test/git_url_test.py: credentials ('access', 'secret'[, 'token']),
  // 2017-12-24 11:53:20 UTC, us-west-2, repository test_repo.
  const time = Date.UTC(2017, 11, 24, 11, 53, 20);
  const base = { secretAccessKey: 'secret', region: 'us-west-2', path: '/v1/repos/test_repo', time };

  test('the password for the regional host', () => {
    expect(gitPassword({ ...base, host: 'git-codecommit.us-west-2.amazonaws.com' })).toBe(
      '20171224T115320Zb6df2d758a8023b2f000a546417007b65494f3ce8ad0300fd45fcfa173f1959a',
    );
  });

  test('the password for a CODE_COMMIT_ENDPOINT host covers that host', () => {
    expect(gitPassword({ ...base, host: 'land.called.honahlee' })).toBe(
      '20171224T115320Za14a37a53035bbceb6e1748247b143124fe7326cdffd3d418236a592ce6158a0',
    );
  });

  test('the user name with a session token (URL-encoded in their URL as access%25token)', () => {
    expect(gitUsername({ accessKeyId: 'access', sessionToken: 'token' })).toBe('access%token');
    expect(gitUsername({ accessKeyId: 'access' })).toBe('access');
  });

  test('the repository URL for us-west-2', () => {
    expect(repositoryUrl(gitEndpoint('us-west-2', {}), 'test_repo')).toBe(
      'https://git-codecommit.us-west-2.amazonaws.com/v1/repos/test_repo',
    );
  });
});

const AWS = '/usr/bin/aws';
const FAKETIME = '/usr/bin/faketime';
const haveAwsCli = existsSync(AWS) && existsSync(FAKETIME);
if (!haveAwsCli) {
  console.warn(
    'awscli cross-check skipped: needs Debian awscli at /usr/bin/aws and faketime (apt-get install awscli faketime)',
  );
}

(haveAwsCli ? describe : describe.skip)("Debian's awscli credential helper at a fixed time", () => {
  const home = mkdtempSync(path.join(tmpdir(), 'awscli-home-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  /** `aws codecommit credential-helper get` frozen at 2026-01-02 03:04:05 UTC. */
  function awscli(request: string, env: NodeJS.ProcessEnv): string {
    return execFileSync(FAKETIME, ['-f', '2026-01-02 03:04:05', AWS, 'codecommit', 'credential-helper', 'get'], {
      input: request,
      env: {
        PATH: '/usr/bin:/bin',
        HOME: home,
        TZ: 'UTC',
        AWS_CONFIG_FILE: path.join(home, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'none'),
        AWS_EC2_METADATA_DISABLED: 'true',
        ...env,
      },
      encoding: 'utf8',
    });
  }

  async function ours(request: string, env: NodeJS.ProcessEnv): Promise<string> {
    let out = '';
    await answerGitCredential(['get'], {
      stdin: [request],
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: () => true },
      env,
      now: () => Date.UTC(2026, 0, 2, 3, 4, 5),
    });
    return out;
  }

  test.each([
    ['git-codecommit.us-east-1.amazonaws.com', 'v1/repos/x', {}],
    [
      'git-codecommit.eu-west-1.amazonaws.com',
      'v1/repos/my-repo.name_1',
      { AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEJr//token+/=' },
    ],
    ['git-codecommit-fips.us-gov-west-1.amazonaws.com', 'v1/repos/gov', {}],
    ['git-codecommit.cn-north-1.amazonaws.com.cn', 'v1/repos/china', {}],
    ['vpce-0123456789abcdef0-abcdefgh.git-codecommit.ap-southeast-2.vpce.amazonaws.com', 'v1/repos/private', {}],
  ])('%s %s: the same username and password', async (host, repoPath, extra) => {
    const request = `protocol=https\nhost=${host}\npath=${repoPath}\n\n`;
    const env = {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      ...extra,
    };
    const expected = awscli(request, env);
    expect(expected).toMatch(/^username=AKIDEXAMPLE.*\npassword=20260102T030405Z[0-9a-f]{64}\n$/);
    expect(await ours(request, env)).toBe(expected);
  });
});

describe('endpoints', () => {
  test('regional, FIPS and China hosts', () => {
    expect(gitEndpoint('eu-central-1', {}).baseUrl).toBe('https://git-codecommit.eu-central-1.amazonaws.com');
    expect(gitEndpoint('us-east-2', {}, true).host).toBe('git-codecommit-fips.us-east-2.amazonaws.com');
    expect(gitEndpoint('us-east-2', { AWS_USE_FIPS_ENDPOINT: 'true' }).host).toBe(
      'git-codecommit-fips.us-east-2.amazonaws.com',
    );
    expect(gitEndpoint('cn-northwest-1', {}).host).toBe('git-codecommit.cn-northwest-1.amazonaws.com.cn');
    expect(() => gitEndpoint('not a region', {})).toThrow('"not a region" is not an AWS region');
  });

  test('CODE_COMMIT_ENDPOINT: a host, host:port or https URL; plain http only on loopback', () => {
    const env = (v: string) => ({ CODE_COMMIT_ENDPOINT: v });
    expect(gitEndpoint('us-east-1', env('vpce-1.git-codecommit.us-east-1.vpce.amazonaws.com'))).toEqual({
      protocol: 'https',
      host: 'vpce-1.git-codecommit.us-east-1.vpce.amazonaws.com',
      baseUrl: 'https://vpce-1.git-codecommit.us-east-1.vpce.amazonaws.com',
      overridden: true,
    });
    expect(gitEndpoint('us-east-1', env('git.internal:8443')).baseUrl).toBe('https://git.internal:8443');
    expect(gitEndpoint('us-east-1', env('https://git.internal/')).baseUrl).toBe('https://git.internal');
    expect(gitEndpoint('us-east-1', env('http://127.0.0.1:9999'))).toMatchObject({
      protocol: 'http',
      host: '127.0.0.1',
      port: 9999,
      baseUrl: 'http://127.0.0.1:9999',
    });
    expect(parseEndpoint('http://[::1]:8080').baseUrl).toBe('http://[::1]:8080');
    expect(parseEndpoint('https://git.internal:443').baseUrl).toBe('https://git.internal');
    expect(parseEndpoint('http://localhost').host).toBe('localhost');
    expect(() => parseEndpoint('http://git.example.com')).toThrow('plain http:// is accepted only on a loopback');
    expect(() => parseEndpoint('http://127.0.0.1.evil.com')).toThrow('only on a loopback');
    expect(() => parseEndpoint('https://host/v1/repos/x')).toThrow('must be a host (and port) only');
    expect(() => parseEndpoint('https://user:pw@host')).toThrow('must be a host (and port) only');
    expect(() => parseEndpoint('ftp://host')).toThrow('only https://');
  });

  test('loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) expect(isLoopback(h)).toBe(true);
    for (const h of ['10.0.0.1', '127.0.0.1.nip.io', 'localhost.example.com', '::2']) expect(isLoopback(h)).toBe(false);
  });

  test('the region of a host, and the hosts the helper answers for', () => {
    expect(regionOfHost('git-codecommit.ap-south-1.amazonaws.com')).toBe('ap-south-1');
    expect(regionOfHost('git-codecommit-fips.ca-central-1.amazonaws.com')).toBe('ca-central-1');
    expect(regionOfHost('vpce-0a-b.git-codecommit.eu-west-2.vpce.amazonaws.com')).toBe('eu-west-2');
    expect(regionOfHost('git-codecommit.us-east-1.amazonaws.com.evil.com')).toBeUndefined();
    expect(regionOfHost('github.com')).toBeUndefined();
    expect(isCodeCommitHost('git-codecommit.us-east-1.amazonaws.com', 'https', {})).toBe(true);
    expect(isCodeCommitHost('git-codecommit.us-east-1.amazonaws.com', 'http', {})).toBe(false);
    expect(isCodeCommitHost('git-codecommit.us-east-1.amazonaws.com:8443', 'https', {})).toBe(false);
    expect(isCodeCommitHost('github.com', 'https', {})).toBe(false);
    const env = { CODE_COMMIT_ENDPOINT: 'http://127.0.0.1:8123' };
    expect(isCodeCommitHost('127.0.0.1:8123', 'http', env)).toBe(true);
    expect(isCodeCommitHost('127.0.0.1:8124', 'http', env)).toBe(false);
    expect(isCodeCommitHost('git-codecommit.us-east-1.amazonaws.com', 'https', env)).toBe(false);
    expect(splitHost('[::1]:443')).toEqual({ name: '::1', port: 443 });
  });
});

describe('names', () => {
  test('a name, codecommit::<region>://<name>, codecommit://<name> and the clone URL', () => {
    expect(parseTarget('my-repo')).toEqual({ repository: 'my-repo' });
    expect(parseTarget('codecommit::eu-west-1://my.repo_1')).toEqual({ repository: 'my.repo_1', region: 'eu-west-1' });
    expect(parseTarget('codecommit://my-repo')).toEqual({ repository: 'my-repo' });
    expect(parseTarget('https://git-codecommit.us-west-2.amazonaws.com/v1/repos/app/')).toEqual({
      repository: 'app',
      region: 'us-west-2',
    });
    expect(grcUrl('eu-west-1', 'app')).toBe('codecommit::eu-west-1://app');
  });

  test('mistakes are user errors naming the input', () => {
    expect(() => parseTarget('codecommit::eu-west-1://profile@repo', 'input "repository"')).toThrow(
      'input "repository" "codecommit::eu-west-1://profile@repo": a profile in the name',
    );
    expect(() => parseTarget('codecommit::mars-1://repo')).toThrow('"mars-1" is not an AWS region');
    expect(() => parseTarget('repo.git')).toThrow('"repo.git" is not a CodeCommit repository name');
    expect(() => parseTarget('has space')).toThrow('is not a CodeCommit repository name');
    expect(() => parseTarget('x'.repeat(101))).toThrow('is not a CodeCommit repository name');
    expect(() => parseTarget('https://github.com/v1/repos/x')).toThrow('is not a CodeCommit clone URL');
  });
});

describe('passwords and the credential protocol', () => {
  test('a password parses back to its time; any time and secret give the documented shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }),
        fc.string({ minLength: 1, maxLength: 60 }),
        (time, secret) => {
          const password = gitPassword({
            secretAccessKey: secret,
            region: 'us-east-1',
            host: 'h',
            path: '/v1/repos/r',
            time,
          });
          const parsed = parsePassword(password);
          expect(password).toMatch(/^\d{8}T\d{6}Z[0-9a-f]{64}$/);
          expect(parsed?.time).toBe(Math.floor(time / 1000) * 1000);
        },
      ),
    );
    expect(parsePassword('20260102T030405Z' + 'g'.repeat(64))).toBeUndefined();
  });

  test('requests are key=value lines up to a blank line; answers refuse newlines', () => {
    const fields = parseCredentialRequest('protocol=https\r\nhost=h\npath=v1/repos/a=b\n\nignored=1\n');
    expect([...fields]).toEqual([
      ['protocol', 'https'],
      ['host', 'h'],
      ['path', 'v1/repos/a=b'],
    ]);
    expect(formatCredentialAnswer({ username: 'u', password: 'p' })).toBe('username=u\npassword=p\n');
    expect(() => formatCredentialAnswer({ username: 'u\npassword=x' })).toThrow('is not valid');
  });

  test('credentials from the environment, as the SDK chain takes them first', () => {
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 't' })).toEqual({
      accessKeyId: 'a',
      secretAccessKey: 's',
      sessionToken: 't',
    });
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'a' })).toBeUndefined();
    // The SDK skips static keys when a profile is named; so do we.
    expect(
      credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 's', AWS_PROFILE: 'p' }),
    ).toBeUndefined();
  });
});
