/** Reading CodeCommit's refs directly: the ref advertisement, what makes us ask git instead, and HTTP answers. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseEndpoint, parsePassword } from '../../src/aws/codecommit-git.js';
import { advertisedRefs, parseAdvertisement, proxyFor } from '../../src/mirror/remote-refs.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

function pkt(line: string): string {
  return (Buffer.byteLength(line) + 4).toString(16).padStart(4, '0') + line;
}

const ADVERTISEMENT =
  pkt('# service=git-upload-pack\n') +
  '0000' +
  pkt(`${A} HEAD\0multi_ack thin-pack side-band symref=HEAD:refs/heads/main agent=git/2.39\n`) +
  pkt(`${A} refs/heads/main\n`) +
  pkt(`${B} refs/tags/v1\n`) +
  pkt(`${A} refs/tags/v1^{}\n`) +
  pkt(`${B} refs/heads/$(touch x) --upload-pack=y\n`) +
  '0000';

test('an advertisement: branches and tags, not HEAD nor peeled tags', () => {
  expect([...(parseAdvertisement(Buffer.from(ADVERTISEMENT)) ?? [])]).toEqual([
    ['refs/heads/main', A],
    ['refs/tags/v1', B],
    ['refs/heads/$(touch x) --upload-pack=y', B],
  ]);
  const empty =
    pkt('# service=git-upload-pack\n') + '0000' + pkt(`${'0'.repeat(40)} capabilities^{}\0report-status\n`) + '0000';
  expect(parseAdvertisement(Buffer.from(empty))?.size).toBe(0);
});

test('anything else is not an advertisement', () => {
  for (const body of [
    '<html>login</html>',
    '0000',
    pkt('# service=git-receive-pack\n') + '0000' + '0000',
    ADVERTISEMENT.slice(0, -6),
    pkt('# service=git-upload-pack\n') + '0000' + pkt('garbage\n') + '0000',
  ]) {
    expect(parseAdvertisement(Buffer.from(body))).toBeUndefined();
  }
});

test('proxies as curl reads them: https_proxy / HTTPS_PROXY / all_proxy, lower-case http_proxy only, no_proxy', () => {
  const https = { protocol: 'https' as const, host: 'git-codecommit.eu-west-1.amazonaws.com' };
  expect(proxyFor(https, {})).toBeUndefined();
  expect(proxyFor(https, { HTTPS_PROXY: 'http://proxy:3128' })).toBe('http://proxy:3128');
  expect(proxyFor(https, { ALL_PROXY: 'socks5://p' })).toBe('socks5://p');
  expect(proxyFor(https, { HTTPS_PROXY: 'http://p', NO_PROXY: '.amazonaws.com' })).toBeUndefined();
  expect(proxyFor(https, { HTTPS_PROXY: 'http://p', no_proxy: 'example.com,*' })).toBeUndefined();
  expect(proxyFor(https, { HTTPS_PROXY: 'http://p', NO_PROXY: 'zonaws.com' })).toBe('http://p');
  const http = { protocol: 'http' as const, host: '127.0.0.1' };
  expect(proxyFor(http, { HTTP_PROXY: 'http://p' })).toBeUndefined();
  expect(proxyFor(http, { http_proxy: 'http://p' })).toBe('http://p');
});

describe('against a loopback server', () => {
  let server: http.Server;
  let respond: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  let endpoint: ReturnType<typeof parseEndpoint>;
  const seen: http.IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      respond(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = parseEndpoint(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ask = (env: NodeJS.ProcessEnv = {}) => {
    const masks: string[] = [];
    const answer = advertisedRefs({
      endpoint,
      repository: 'app',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 's', sessionToken: 'tok' },
      env,
      mask: (v) => masks.push(v),
    });
    return { answer, masks };
  };

  test('one request with the signed password; the refs come back; the password is masked', async () => {
    respond = (req, res) => {
      expect(req.url).toBe('/v1/repos/app/info/refs?service=git-upload-pack');
      res.writeHead(200, { 'Content-Type': 'application/x-git-upload-pack-advertisement' });
      res.end(ADVERTISEMENT);
    };
    const { answer, masks } = ask();
    const result = await answer;
    expect(result.kind).toBe('refs');
    const auth = Buffer.from(String(seen.at(-1)?.authorization).replace(/^Basic /, ''), 'base64').toString();
    const [user, password] = [auth.slice(0, auth.indexOf(':')), auth.slice(auth.indexOf(':') + 1)];
    expect(user).toBe('AKID%tok');
    expect(parsePassword(password)).toBeDefined();
    expect(masks).toEqual([password]);
    expect(seen.at(-1)?.['user-agent']).toMatch(/^git\//);
  });

  test("CodeCommit's 401 / 403 / 404 are answers; a redirect, a web page, a dead server or a proxy mean: ask git", async () => {
    for (const status of [401, 403, 404]) {
      respond = (_req, res) => res.writeHead(status).end();
      expect(await ask().answer).toEqual({ kind: 'status', status });
    }
    respond = (_req, res) => res.writeHead(302, { Location: 'https://elsewhere/' }).end();
    expect((await ask().answer).kind).toBe('fallback');
    respond = (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>');
    expect((await ask().answer).kind).toBe('fallback');
    respond = (req) => req.socket.destroy();
    expect((await ask().answer).kind).toBe('fallback');
    const before = seen.length;
    expect(await ask({ http_proxy: 'http://proxy.invalid:3128' }).answer).toEqual({
      kind: 'fallback',
      reason: 'a proxy is configured',
    });
    expect(seen.length).toBe(before);
  });
});
