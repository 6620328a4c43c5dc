/** nodeExec: argument arrays, stdin input, output in order, abort, a missing tool. */
import { nodeExec, tailOf } from '../../src/image/exec.js';

test('arguments are never read by a shell; stdin carries the input; output is collected and streamed', async () => {
  const chunks: string[] = [];
  let pid = 0;
  const result = await nodeExec('sh', ['-c', 'read line; echo "got $line"; echo "$0" >&2', '$(touch /nope)'], {
    input: 'secret\n',
    onOutput: (chunk) => void chunks.push(chunk.toString()),
    onStart: (started) => (pid = started),
  });
  expect(result).toEqual({ code: 0, stdout: 'got secret\n', stderr: '$(touch /nope)\n' });
  expect(chunks.join('')).toContain('got secret');
  expect(pid).toBeGreaterThan(0);
});

test('an abort ends the process; a missing tool rejects with ENOENT', async () => {
  const controller = new AbortController();
  const pending = nodeExec('sleep', ['30'], { signal: controller.signal });
  controller.abort();
  expect((await pending).code).toBeNull();
  await expect(nodeExec('aws-cicd-no-such-tool', [])).rejects.toMatchObject({ code: 'ENOENT' });
});

test('tailOf: the last lines of both streams', () => {
  expect(tailOf({ code: 1, stdout: 'a\nb\n', stderr: 'c\nd\n' }, 2)).toBe('c\nd');
});
