/** `npm run emulator`: prints exactly `listening on <url>`, serves, and exits cleanly on SIGTERM. */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('the standalone emulator serves until SIGTERM', async () => {
  const child = spawn(`${root}node_modules/.bin/tsx`, ['test/harness/aws/cli.ts', '--port', '0', '--seed', '5'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${String(code)}: ${out}`)));
  });
  const sts = new STSClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('000000000000');
  sts.destroy();
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  expect(code).toBe(0);
  expect(out).toBe(`listening on ${url}\n`);
});
