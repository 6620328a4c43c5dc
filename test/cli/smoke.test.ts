import { main } from '../../src/cli/main.js';
import { PassThrough } from 'node:stream';
test('help', async () => {
  const out = new PassThrough(); let text = ''; out.on('data', (d) => (text += d));
  expect(await main(['--help'], { stdout: out, stderr: out, env: {}, cwd: '/' })).toBe(0);
  expect(text).toContain('validate');
});
