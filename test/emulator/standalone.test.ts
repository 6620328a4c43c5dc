/** `npm run emulator`: prints exactly `listening on <url>`, serves, and exits cleanly on SIGTERM. */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('the standalone emulator serves until SIGTERM', async () => {
  // One process (node with tsx's loader, not the tsx wrapper that runs a second node), so killing it ends it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/harness/aws/cli.ts', '--port', '0', '--seed', '5'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  // Whatever happens below, the emulator process does not outlive the test.
  const stop = (): void => void (child.exitCode === null && child.kill('SIGKILL'));
  process.once('exit', stop);
  try {
    await check(child);
  } catch (error) {
    throw new Error(`${String(error)}\nemulator stderr:\n${stderr}`, { cause: error });
  } finally {
    stop();
    process.removeListener('exit', stop);
  }
});

async function check(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.stdout === null) throw new Error('no stdout');
  const stdout = child.stdout;
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    stdout.on('data', (d: Buffer) => {
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
}
